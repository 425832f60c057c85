#include "app/retention.hpp"

#include <gtest/gtest.h>

#include "store/store_fixtures.hpp"

namespace prepbot::app {
namespace {

TEST(Retention, ASweepErasesOldSessionsAndCountsThem) {
  const auto store = store::open_store("sqlite::memory:");
  for (const char* id : {"old-1", "old-2", "recent"}) {
    auto session = store::testing::make_session(id);
    session.created_at = std::string(id).rfind("old", 0) == 0 ? "2026-01-01T10:00:00.000000" : "2026-11-30T10:00:00.000000";
    store->create(session);
  }
  util::Metrics metrics;
  const auto purged = purged_counter(metrics);
  EXPECT_NE(metrics.prometheus_text().find("prepbot_sessions_purged_total 0\n"), std::string::npos) << "exported from the start";
  const auto now = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + std::chrono::hours(12);
  EXPECT_EQ(sweep_once(*store, purged, 30, now), 2);
  EXPECT_FALSE(store->load("old-1"));
  EXPECT_TRUE(store->load("recent"));
  EXPECT_NE(metrics.prometheus_text().find("prepbot_sessions_purged_total 2\n"), std::string::npos) << metrics.prometheus_text();
  EXPECT_EQ(sweep_once(*store, purged, 30, now), 0);
  EXPECT_NE(metrics.prometheus_text().find("prepbot_sessions_purged_total 2\n"), std::string::npos);
}

}  // namespace
}  // namespace prepbot::app
