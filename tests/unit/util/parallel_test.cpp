#include "util/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace prepbot::util {
namespace {

TEST(ForEachIndex, CallsEveryIndexExactlyOnce) {
  std::vector<std::atomic<int>> calls(1000);
  for_each_index(calls.size(), [&](std::size_t i) { ++calls[i]; });
  for (std::size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i].load(), 1) << i;
}

TEST(ForEachIndex, NothingToDoCallsNothing) {
  bool called = false;
  for_each_index(0, [&](std::size_t) { called = true; });
  EXPECT_FALSE(called);
}

TEST(ForEachIndex, ACallFromInsideWorkRunsWithoutWaitingForHelpers) {
  std::vector<std::atomic<int>> calls(40 * 40);
  for_each_index(40, [&](std::size_t outer) { for_each_index(40, [&](std::size_t inner) { ++calls[outer * 40 + inner]; }); });
  for (std::size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i].load(), 1) << i;
}

TEST(ForEachIndex, AFailingCallIsRethrownAfterTheOthersStop) {
  std::atomic<int> running{0};
  EXPECT_THROW(for_each_index(200,
                              [&](std::size_t i) {
                                ++running;
                                if (i == 50) {
                                  --running;
                                  throw std::runtime_error("file 50 is broken");
                                }
                                --running;
                              }),
               std::runtime_error);
  EXPECT_EQ(running.load(), 0);  // no call is still running once it returns
}

}  // namespace
}  // namespace prepbot::util
