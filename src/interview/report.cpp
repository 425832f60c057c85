#include "interview/report.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_set>

#include <fmt/format.h>

namespace prepbot::interview {
namespace {

double round2(double value) { return std::round(value * 100.0) / 100.0; }

struct Dimension {
  const char* name;
  double average;
  const char* strength;
  const char* advice;
};

// Appends `text` unless it is there already, up to `limit` entries.
void add_unique(std::vector<std::string>& list, const std::string& text, std::size_t limit) {
  if (list.size() < limit && std::find(list.begin(), list.end(), text) == list.end()) list.push_back(text);
}

// Strengths and focus areas from the averages and from the evaluations' evidence
// (key points covered and missed, misconceptions); evidence an LLM coach did not
// give is simply absent.
void add_insights(const model::Session& session, model::FinalReport& report) {
  const std::vector<Dimension> dimensions = {
      {"Technical content", report.avg_technical, "accurate, specific technical content",
       "Cover the key points the feedback lists as missing, and back each with a concrete example."},
      {"Communication", report.avg_communication, "clear, well-structured answers",
       "Structure answers: state the point first, then the reasons, an example, and a one-line summary."},
      {"Confidence", report.avg_confidence, "confident, decisive delivery",
       "Say what you would do and why; replace hedges such as \u201cI think\u201d and \u201cmaybe\u201d with specifics."}};
  for (const auto& d : dimensions)
    if (d.average >= 7) add_unique(report.strengths, fmt::format("{} ({:.1f}/10): {}.", d.name, d.average, d.strength), 6);
  std::vector<const Dimension*> weakest;
  for (const auto& d : dimensions)
    if (d.average < 7) weakest.push_back(&d);
  std::sort(weakest.begin(), weakest.end(), [](const Dimension* a, const Dimension* b) { return a->average < b->average; });
  for (const Dimension* d : weakest) add_unique(report.focus_areas, fmt::format("{} ({:.1f}/10): {}", d->name, d->average, d->advice), 8);
  for (const auto& answer : session.answers) {
    const auto& evidence = answer.evaluation.evidence;
    for (const auto& covered : evidence.key_points_covered) add_unique(report.strengths, "You covered: " + covered.point, 6);
    for (const auto& wrong : evidence.misconceptions)
      if (!wrong.correction.empty()) add_unique(report.focus_areas, "Correct a misconception: " + wrong.correction, 8);
    for (const auto& missed : evidence.key_points_missed) add_unique(report.focus_areas, "Practise: " + missed, 8);
  }
}

// Each skill the job posting named, with the answered questions that targeted it.
void add_posting_coverage(const model::Session& session, model::FinalReport& report) {
  for (const auto& skill : session.meta.posting_skills) {
    model::SkillCoverage coverage{skill, 0, 0};
    double total = 0;
    for (const auto& answer : session.answers)
      if (const model::Question* q = session.find_question(answer.question_id);
          q && std::find(q->targets.begin(), q->targets.end(), skill) != q->targets.end()) {
        ++coverage.questions;
        total += answer.evaluation.scores.technical;
      }
    if (coverage.questions > 0) coverage.average = round2(total / coverage.questions);
    report.posting_coverage.push_back(std::move(coverage));
  }
}

// An adaptive session's planned questions in order, with their difficulty and technical score.
void add_difficulty_path(const model::Session& session, model::FinalReport& report) {
  if (!session.meta.adaptive) return;
  for (const auto& question : session.questions) {
    if (question.parent_id != 0) continue;
    model::PathStep step{question.id, question.difficulty, 0};
    for (const auto& answer : session.answers)
      if (answer.question_id == question.id) step.technical = answer.evaluation.scores.technical;
    report.difficulty_path.push_back(std::move(step));
  }
}

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
  add_insights(session, report);
  add_posting_coverage(session, report);
  add_difficulty_path(session, report);
  return report;
}

}  // namespace prepbot::interview
