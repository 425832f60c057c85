#include "util/outbound_ledger.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace prepbot::util {
namespace {

TEST(OutboundLedger, StartsOfflineAndSumsRequestsByHostAndPurpose) {
  Metrics metrics;
  OutboundLedger ledger(&metrics);
  EXPECT_TRUE(ledger.offline());
  EXPECT_TRUE(ledger.entries().empty());
  ledger.record("api.openai.com", "openai: grading an answer", 900, 1200);
  ledger.record("api.openai.com", "openai: grading an answer", 100, 300);
  ledger.record("api.openai.com", "openai: model check", 50, 0);
  EXPECT_FALSE(ledger.offline());
  const auto entries = ledger.entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].purpose, "openai: grading an answer");
  EXPECT_EQ(entries[0].requests, 2);
  EXPECT_EQ(entries[0].bytes_sent, 1000);
  EXPECT_EQ(entries[0].bytes_received, 1500);
  EXPECT_FALSE(entries[0].last_at.empty());
  EXPECT_EQ(entries[1].purpose, "openai: model check");
  const std::string text = metrics.prometheus_text();
  EXPECT_NE(text.find("prepbot_outbound_requests_total{host=\"api.openai.com\",purpose=\"openai: grading an answer\"} 2"),
            std::string::npos) << text;
  EXPECT_NE(text.find("prepbot_outbound_bytes_total{host=\"api.openai.com\",purpose=\"openai: grading an answer\",direction=\"received\"} 1500"),
            std::string::npos) << text;
}

TEST(OutboundLedger, ConcurrentRecordsAreAllCounted) {
  OutboundLedger ledger;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) ledger.record("127.0.0.1:8089", "gemini: grading an answer", 1, 2);
    });
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(ledger.entries().size(), 1u);
  EXPECT_EQ(ledger.entries()[0].requests, 2000);
  EXPECT_EQ(ledger.entries()[0].bytes_received, 4000);
}

}  // namespace
}  // namespace prepbot::util
