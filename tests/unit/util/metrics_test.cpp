#include "util/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace prepbot::util {
namespace {

TEST(Metrics, WritesCountersAndHistogramsInPrometheusFormat) {
  Metrics metrics;
  metrics.describe("requests_total", "Requests.");
  metrics.describe("idle_total", "Never counted.");
  metrics.count("requests_total", "route=\"/a\",status=\"200\"");
  metrics.count("requests_total", "route=\"/a\",status=\"200\"");
  metrics.observe("latency_seconds", "route=\"/a\"", 0.003);
  const std::string text = metrics.prometheus_text();
  EXPECT_NE(text.find("# HELP requests_total Requests.\n# TYPE requests_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("requests_total{route=\"/a\",status=\"200\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("idle_total 0\n"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_bucket{route=\"/a\",le=\"0.0025\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_bucket{route=\"/a\",le=\"0.005\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_count{route=\"/a\"} 1\n"), std::string::npos);
}

TEST(Metrics, ConcurrentCountsAreAllKept) {
  Metrics metrics;
  metrics.describe("requests_total", "Requests.");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) {
        metrics.count("requests_total", "route=\"/" + std::to_string(t % 2) + "\"");
        metrics.observe("latency_seconds", "route=\"/a\"", 0.001);
      }
    });
  threads.emplace_back([&] {
    for (int i = 0; i < 50; ++i) EXPECT_FALSE(metrics.prometheus_text().empty());  // scraped meanwhile
  });
  for (auto& thread : threads) thread.join();
  const std::string text = metrics.prometheus_text();
  EXPECT_NE(text.find("requests_total{route=\"/0\"} 2000\n"), std::string::npos) << text;
  EXPECT_NE(text.find("requests_total{route=\"/1\"} 2000\n"), std::string::npos);
  EXPECT_NE(text.find("latency_seconds_count{route=\"/a\"} 4000\n"), std::string::npos);
}

}  // namespace
}  // namespace prepbot::util
