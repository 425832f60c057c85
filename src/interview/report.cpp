#include "interview/report.hpp"

#include <cmath>
#include <stdexcept>
#include <unordered_set>

namespace prepbot::interview {
namespace {

double round2(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

model::FinalReport compute_report(const model::Session& session) {
  if (session.answers.empty()) throw std::logic_error("compute_report needs at least one answer");
  double technical = 0, communication = 0, confidence = 0;
  model::FinalReport report;
  std::unordered_set<std::string> seen;
  for (const auto& answer : session.answers) {
    technical += answer.evaluation.scores.technical;
    communication += answer.evaluation.scores.communication;
    confidence += answer.evaluation.scores.confidence;
    for (const auto& resource : answer.evaluation.resources)
      if (seen.insert(resource).second) report.resources.push_back(resource);
  }
  const double n = static_cast<double>(session.answers.size());
  technical /= n, communication /= n, confidence /= n;
  const double overall = session.meta.mode == model::Mode::technical
                             ? 0.5 * technical + 0.25 * communication + 0.25 * confidence
                             : 0.5 * communication + 0.3 * confidence + 0.2 * technical;
  report.overall_score = round2(overall);
  report.avg_technical = round2(technical);
  report.avg_communication = round2(communication);
  report.avg_confidence = round2(confidence);
  report.n_questions = static_cast<int>(session.answers.size());
  return report;
}

}  // namespace prepbot::interview
