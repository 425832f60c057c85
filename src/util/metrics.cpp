#include "util/metrics.hpp"

#include <fmt/format.h>

namespace prepbot::util {

void Metrics::count(const std::string& name, const std::string& labels, double by) {
  std::lock_guard lock(mutex_);
  counters_[name][labels] += by;
}

void Metrics::observe(const std::string& name, const std::string& labels, double seconds) {
  std::lock_guard lock(mutex_);
  Series& h = histograms_[name][labels];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

Counter Metrics::counter(const std::string& name, const std::string& help) {
  std::lock_guard lock(mutex_);
  help_[name] = {help, false};
  return {this, name};
}

Histogram Metrics::histogram(const std::string& name, const std::string& help) {
  std::lock_guard lock(mutex_);
  help_[name] = {help, true};
  return {this, name};
}

void Counter::add(const std::string& labels, double by) const {
  if (metrics_) metrics_->count(name_, labels, by);
}

void Histogram::observe(const std::string& labels, double seconds) const {
  if (metrics_) metrics_->observe(name_, labels, seconds);
}

std::string Metrics::prometheus_text() const {
  std::lock_guard lock(mutex_);
  std::string out;
  auto header = [&](const std::string& name, const char* type) {
    const auto it = help_.find(name);
    if (it != help_.end()) out += fmt::format("# HELP {} {}\n", name, it->second.first);
    out += fmt::format("# TYPE {} {}\n", name, type);
  };
  auto with = [](const std::string& labels, const std::string& extra) {
    if (labels.empty() && extra.empty()) return std::string();
    if (labels.empty()) return "{" + extra + "}";
    if (extra.empty()) return "{" + labels + "}";
    return "{" + labels + "," + extra + "}";
  };
  for (const auto& [name, entry] : help_) {  // described metrics appear even before their first event
    if (!entry.second && !counters_.count(name)) header(name, "counter"), out += name + " 0\n";
  }
  for (const auto& [name, series] : counters_) {
    header(name, "counter");
    for (const auto& [labels, value] : series) out += fmt::format("{}{} {}\n", name, with(labels, ""), value);
  }
  for (const auto& [name, series] : histograms_) {
    header(name, "histogram");
    for (const auto& [labels, h] : series) {
      for (std::size_t i = 0; i < kBuckets.size(); ++i)
        out += fmt::format("{}_bucket{} {}\n", name, with(labels, fmt::format("le=\"{}\"", kBuckets[i])), h.buckets[i]);
      out += fmt::format("{}_bucket{} {}\n", name, with(labels, "le=\"+Inf\""), h.count);
      out += fmt::format("{}_sum{} {}\n", name, with(labels, ""), h.sum);
      out += fmt::format("{}_count{} {}\n", name, with(labels, ""), h.count);
    }
  }
  return out;
}

}  // namespace prepbot::util
