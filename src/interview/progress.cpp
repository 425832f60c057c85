#include "interview/progress.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace prepbot::interview {
namespace {

constexpr double kMeaningfulChange = 0.5;

double overall(const model::Scores& s) { return (s.technical + s.communication + s.confidence) / 3.0; }

double round1(double value) { return std::round(value * 10) / 10; }

// A subject's scores in the order they were given.
struct Series {
  std::vector<double> scores;
  std::string last;
};

Trend trend_of(const std::string& name, const Series& series) {
  Trend trend;
  trend.name = name;
  trend.answers = static_cast<int>(series.scores.size());
  trend.last_practised = series.last;
  const auto& s = series.scores;
  trend.verdict = "new";
  if (s.empty()) return trend;
  auto mean = [](auto first, auto last) {
    double sum = 0;
    for (auto it = first; it != last; ++it) sum += *it;
    return first == last ? 0.0 : sum / static_cast<double>(last - first);
  };
  trend.average = round1(mean(s.begin(), s.end()));
  if (s.size() < 2) {
    trend.earlier = trend.later = trend.average;
    return trend;
  }
  const auto half = s.begin() + static_cast<std::ptrdiff_t>(s.size() / 2);
  const auto later_start = s.begin() + static_cast<std::ptrdiff_t>((s.size() + 1) / 2);  // an odd middle counts in neither
  trend.earlier = round1(mean(s.begin(), half));
  trend.later = round1(mean(later_start, s.end()));
  trend.change = round1(mean(later_start, s.end()) - mean(s.begin(), half));
  trend.verdict = trend.change >= kMeaningfulChange ? "improved" : trend.change <= -kMeaningfulChange ? "declined" : "steady";
  return trend;
}

std::vector<Trend> trends_of(const std::map<std::string, Series>& subjects) {
  std::vector<Trend> out;
  for (const auto& [name, series] : subjects) out.push_back(trend_of(name, series));
  std::stable_sort(out.begin(), out.end(), [](const Trend& a, const Trend& b) { return a.answers > b.answers; });
  return out;
}

}  // namespace

Progress compute_progress(const std::vector<store::Practice>& records) {
  Progress progress;
  progress.answers = static_cast<int>(records.size());
  std::map<std::string, std::size_t> session_index;
  std::map<std::string, Series> competencies, concepts, roles;
  for (const auto& r : records) {
    auto [it, added] = session_index.try_emplace(r.session_id, progress.timeline.size());
    if (added) progress.timeline.push_back({r.session_id, r.session_created_at, r.role, r.role_family});
    SessionPoint& point = progress.timeline[it->second];
    ++point.answers;
    point.technical += r.scores.technical;
    point.communication += r.scores.communication;
    point.confidence += r.scores.confidence;
    auto add = [&](Series& series, double score) {
      series.scores.push_back(score);
      series.last = std::max(series.last, r.answered_at);
    };
    point.last = std::max(point.last, r.answered_at);
    add(roles[r.role_family], overall(r.scores));
    for (const auto& topic : r.topics) add(r.kind == "behavioral" ? competencies[topic] : concepts[topic], r.scores.technical);
  }
  std::stable_sort(progress.timeline.begin(), progress.timeline.end(),
                   [](const SessionPoint& a, const SessionPoint& b) { return a.date < b.date; });
  Series technical, communication, confidence, total;  // a point per session
  for (auto& point : progress.timeline) {
    const double n = point.answers;
    const double means[] = {point.technical / n, point.communication / n, point.confidence / n};
    const double mean_overall = (means[0] + means[1] + means[2]) / 3;
    Series* series[] = {&technical, &communication, &confidence};
    for (int i = 0; i < 3; ++i) {
      series[i]->scores.push_back(means[i]);
      series[i]->last = point.last;
    }
    total.scores.push_back(mean_overall);
    total.last = point.last;
    point.technical = round1(means[0]);
    point.communication = round1(means[1]);
    point.confidence = round1(means[2]);
    point.overall = round1(mean_overall);
  }
  progress.sessions = static_cast<int>(progress.timeline.size());
  progress.dimensions = {trend_of("technical", technical), trend_of("communication", communication),
                         trend_of("confidence", confidence), trend_of("overall", total)};
  progress.competencies = trends_of(competencies);
  progress.concepts = trends_of(concepts);
  progress.roles = trends_of(roles);
  for (const auto* list : {&progress.dimensions, &progress.competencies, &progress.concepts})
    for (const auto& t : *list) {
      if (t.verdict == "improved") progress.improved.push_back(t.name);
      else if (t.verdict == "declined" || t.verdict == "steady") progress.not_improved.push_back(t.name);
    }
  return progress;
}

}  // namespace prepbot::interview
