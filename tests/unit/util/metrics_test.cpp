#include "util/metrics.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace prepbot::util
