#include "util/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace prepbot::util {
namespace {

TEST(Metrics, WritesCountersAndHistogramsInPrometheusFormat) {
  Metrics metrics;
  const Counter requests = metrics.counter("requests_total", "Requests.");
  metrics.counter("idle_total", "Never counted.");
  const Histogram latency = metrics.histogram("latency_seconds", "Latency.");
  requests.add("route=\"/a\",status=\"200\"");
  metrics.counter("requests_total", "Requests.").add("route=\"/a\",status=\"200\"");  // declared again: the same metric
  latency.observe("route=\"/a\"", 0.003);
  Counter().add("ignored");  // a part built without metrics counts nothing
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
  const Counter requests = metrics.counter("requests_total", "Requests.");
  const Histogram latency = metrics.histogram("latency_seconds", "Latency.");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) {
        requests.add("route=\"/" + std::to_string(t % 2) + "\"");
        latency.observe("route=\"/a\"", 0.001);
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
