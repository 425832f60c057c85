#pragma once
// The Coach: what asks the questions and grades the answers. The offline coach
// (bank + grader) is the default; LLM coaches implement the same interface and
// fall back to it. Both operations complete asynchronously: the callback may run
// on another thread. The caller's thread does only quick work (a lookup, or
// queueing); grading and remote calls run elsewhere.
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "util/metrics.hpp"
#include "util/result.hpp"

namespace prepbot::coach {

struct QuestionRequest {
  std::string role;
  std::optional<std::string> domain;
  model::Level level = model::Level::entry;
  model::Mode mode = model::Mode::technical;
  int count = 5;
  std::string difficulty;              // easy | medium | hard, or empty for a spread
  std::vector<std::string> avoid_ids;  // bank ids the candidate saw recently
  std::string focus;                   // a tag whose questions come first ("leadership-principles", "conflict"); empty: none
  bool level_given = true;             // false: the job posting's seniority, when it states one, sets the level
  std::string job_description;         // a job posting: questions lean toward the skills it names; empty: none
  std::string resume;                  // the candidate's résumé, for LLM coaches (delimited data); empty: none
};

struct QuestionSet {
  std::vector<model::Question> questions;  // ids 1..n
  std::string role_family;                 // the family the role was mapped to
  std::string role_note;                   // when the role was not known exactly: which family is used
  std::optional<model::Level> level;       // the level used, when taken from the job posting
  std::vector<std::string> posting_skills; // the skills the job posting names, strongest first
};

struct EvaluationRequest {
  model::Question question;
  std::string answer;
  model::Mode mode = model::Mode::technical;
  model::Level level = model::Level::entry;
  std::string role;
  model::Scoring scoring = model::Scoring::standard;  // content: delivery does not count
};

// prepbot_coach_calls_total, counted by every coach (labels provider, operation,
// outcome); nothing is counted without a registry.
inline util::Counter coach_calls_counter(util::Metrics* metrics) {
  return metrics ? metrics->counter("prepbot_coach_calls_total", "Coach calls by provider, operation and outcome.")
                 : util::Counter{};
}

// prepbot_coach_fallbacks_total: LLM calls answered by the offline coach (label provider).
inline util::Counter coach_fallbacks_counter(util::Metrics* metrics) {
  return metrics ? metrics->counter("prepbot_coach_fallbacks_total", "LLM coach calls answered by the offline coach instead.")
                 : util::Counter{};
}

// What /healthz says of a coach that depends on a remote model.
struct CoachHealth {
  std::string model;
  std::string model_status;  // "checking", "available", "missing" or "unchecked"
};

class Coach {
 public:
  virtual ~Coach() = default;
  virtual void generate_questions(QuestionRequest request, util::Callback<QuestionSet> done) = 0;
  virtual void evaluate(EvaluationRequest request, util::Callback<model::Evaluation> done) = 0;
  // Nothing for a coach that needs nothing remote (the offline one).
  virtual std::optional<CoachHealth> health() const { return std::nullopt; }
};

}  // namespace prepbot::coach
