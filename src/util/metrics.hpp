#pragma once
// Counters and latency histograms, written out in Prometheus' text format.
// Each metric is declared once, where it is counted, and counted through its
// handle; the registry is one object passed to the parts that declare them.
#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace prepbot::util {

class Metrics;

// A counter declared once, with its help text, by Metrics::counter(); parts count
// through it. A default-constructed one counts nothing (a part built without metrics).
class Counter {
 public:
  Counter() = default;
  // Adds `by` to the series with `labels` (already formatted: key="value",…).
  void add(const std::string& labels = "", double by = 1) const;

 private:
  friend class Metrics;
  Counter(Metrics* metrics, std::string name) : metrics_(metrics), name_(std::move(name)) {}
  Metrics* metrics_ = nullptr;
  std::string name_;
};

// A latency histogram (seconds, kBuckets), declared like a Counter.
class Histogram {
 public:
  Histogram() = default;
  void observe(const std::string& labels, double seconds) const;

 private:
  friend class Metrics;
  Histogram(Metrics* metrics, std::string name) : metrics_(metrics), name_(std::move(name)) {}
  Metrics* metrics_ = nullptr;
  std::string name_;
};

class Metrics {
 public:
  // Declares a metric and returns its handle; declaring a name again gives the same metric.
  // A declared metric is exported from then on, at 0 before its first event.
  Counter counter(const std::string& name, const std::string& help);
  Histogram histogram(const std::string& name, const std::string& help);

  std::string prometheus_text() const;

  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

 private:
  friend class Counter;
  friend class Histogram;
  void count(const std::string& name, const std::string& labels, double by);
  void observe(const std::string& name, const std::string& labels, double seconds);

  struct Series {
    std::array<unsigned long long, kBuckets.size()> buckets{};
    unsigned long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::pair<std::string, bool>> help_;        // name → (help, is histogram)
  std::map<std::string, std::map<std::string, double>> counters_;  // name → labels → value
  std::map<std::string, std::map<std::string, Series>> histograms_;
};

}  // namespace prepbot::util
