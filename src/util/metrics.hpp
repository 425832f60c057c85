#pragma once
// Counters and latency histograms, written out in Prometheus' text format.
// Any part may record; the registry is one object passed to those that need it.
#include <array>
#include <map>
#include <mutex>
#include <string>

namespace prepbot::util {

class Metrics {
 public:
  // Adds `by` to the counter `name` with `labels` (already formatted: key="value",…).
  void count(const std::string& name, const std::string& labels, double by = 1);
  // Records one observation, in seconds, in the histogram `name` with `labels`.
  void observe(const std::string& name, const std::string& labels, double seconds);
  // HELP text shown for `name`.
  void describe(const std::string& name, const std::string& help, bool histogram = false);

  std::string prometheus_text() const;

  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

 private:
  struct Histogram {
    std::array<unsigned long long, kBuckets.size()> buckets{};
    unsigned long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::pair<std::string, bool>> help_;        // name → (help, is histogram)
  std::map<std::string, std::map<std::string, double>> counters_;  // name → labels → value
  std::map<std::string, std::map<std::string, Histogram>> histograms_;
};

}  // namespace prepbot::util
