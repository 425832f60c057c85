#include "util/versioned_cache.hpp"

#include <gtest/gtest.h>

namespace prepbot::util {
namespace {

std::shared_ptr<const std::string> text(std::size_t bytes, char fill = 'x') {
  return std::make_shared<const std::string>(bytes, fill);
}

TEST(VersionedCache, ServesAValueOnlyForItsVersion) {
  VersionedCache<std::string> cache(1 << 20);
  cache.put("a", 3, text(10, 'a'));
  EXPECT_EQ(*cache.find("a", 3), std::string(10, 'a'));
  EXPECT_EQ(cache.find("a", 4), nullptr);
  EXPECT_EQ(cache.find("b", 3), nullptr);
  cache.put("a", 4, text(10, 'b'));
  EXPECT_EQ(cache.find("a", 3), nullptr);
  EXPECT_EQ(*cache.find("a", 4), std::string(10, 'b'));
  cache.erase("a");
  EXPECT_EQ(cache.find("a", 4), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(VersionedCache, StaysWithinItsBytesDroppingTheLeastRecentlyUsed) {
  VersionedCache<std::string> cache(10'000);
  cache.put("a", 1, text(3'000));
  cache.put("b", 1, text(3'000));
  cache.put("c", 1, text(3'000));
  ASSERT_NE(cache.find("a", 1), nullptr);  // "a" is now more recent than "b"
  cache.put("d", 1, text(3'000));
  EXPECT_LE(cache.bytes(), 10'000u);
  EXPECT_EQ(cache.find("b", 1), nullptr);
  EXPECT_NE(cache.find("a", 1), nullptr);
  EXPECT_NE(cache.find("c", 1), nullptr);
  EXPECT_NE(cache.find("d", 1), nullptr);
}

TEST(VersionedCache, AValueLargerThanTheBudgetIsNotKept) {
  VersionedCache<std::string> cache(1'000);
  cache.put("a", 1, text(100));
  cache.put("huge", 1, text(5'000));
  EXPECT_EQ(cache.find("huge", 1), nullptr);
  EXPECT_NE(cache.find("a", 1), nullptr);
  VersionedCache<std::string> none(0);
  none.put("a", 1, text(1));
  EXPECT_EQ(none.find("a", 1), nullptr);
}

TEST(VersionedCache, ReplacingAValueFreesWhatTheOldOneTook) {
  VersionedCache<std::string> cache(1 << 20);
  cache.put("a", 1, text(5'000));
  const auto once = cache.bytes();
  for (int version = 2; version < 50; ++version) cache.put("a", version, text(5'000));
  EXPECT_EQ(cache.bytes(), once);
}

}  // namespace
}  // namespace prepbot::util
