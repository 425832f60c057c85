#include "util/worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace prepbot::util {
namespace {

TEST(WorkerPool, ConcurrentPostersEveryJobRunsOnceAndShutdownDrainsTheQueue) {
  std::atomic<int> ran{0};
  std::mutex mutex;
  std::vector<int> seen;
  {
    WorkerPool pool(3);
    std::vector<std::thread> posters;
    for (int t = 0; t < 6; ++t)
      posters.emplace_back([&, t] {
        for (int i = 0; i < 500; ++i)
          pool.post([&, value = t * 500 + i] {
            ++ran;
            std::lock_guard lock(mutex);
            seen.push_back(value);
          });
      });
    for (auto& poster : posters) poster.join();
    pool.post([&] { pool.post([&] { ++ran; }); });  // a job may post another
  }  // the destructor finishes every queued job
  EXPECT_EQ(ran.load(), 3001);
  std::sort(seen.begin(), seen.end());
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(seen[static_cast<std::size_t>(i)], i);
}

TEST(WorkerPool, EachThreadWarmsUpOnceBeforeItsNextJob) {
  std::atomic<int> warmed{0};
  std::atomic<int> cold_jobs{0}, jobs_before{0};
  static thread_local bool warm = false;
  {
    WorkerPool pool(3);
    pool.post([&] { ++jobs_before; });  // before the warm-up: runs without it
    pool.warm_up([&] {
      warm = true;
      ++warmed;
    });
    for (int i = 0; i < 300; ++i)
      pool.post([&] {
        if (!warm) ++cold_jobs;
      });
  }
  EXPECT_EQ(jobs_before.load(), 1);
  EXPECT_EQ(warmed.load(), 3) << "idle threads warm up too";
  EXPECT_EQ(cold_jobs.load(), 0);
}

}  // namespace
}  // namespace prepbot::util
