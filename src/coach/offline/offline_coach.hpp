#pragma once
// The offline coach: questions from the bank, answers graded on this machine.
// Work runs on a worker pool so the caller's thread returns at once.
#include <memory>

#include "coach/coach.hpp"
#include "coach/offline/bank.hpp"
#include "coach/offline/matcher.hpp"
#include "coach/offline/speller.hpp"
#include "util/metrics.hpp"
#include "util/worker_pool.hpp"

namespace prepbot::coach::offline {

class OfflineCoach final : public Coach {
 public:
  // `metrics`, when given, counts the coach's calls by operation and outcome.
  OfflineCoach(std::shared_ptr<const Bank> bank, util::WorkerPool& workers, util::Metrics* metrics = nullptr);

  void generate_questions(QuestionRequest request, util::Callback<QuestionSet> done) override;
  void evaluate(EvaluationRequest request, util::Callback<model::Evaluation> done) override;

  // The same work, on the caller's thread (for the CLI and the tests). A question
  // without a bank id is matched to the nearest bank question when close enough;
  // `hidden` (a bank id) is never matched, to grade a bank question as if the
  // bank did not hold it (validation); `phrasing`, when given, is read instead of the
  // bank's phrasing model (validation: one trained without the answer's batch).
  QuestionSet generate_now(const QuestionRequest& request) const;
  model::Evaluation evaluate_now(const EvaluationRequest& request, std::string_view hidden = {},
                                 const PhrasingModel* phrasing = nullptr) const;

 private:
  std::shared_ptr<const Bank> bank_;
  QuestionMatcher matcher_;
  Speller speller_;
  util::WorkerPool& workers_;
  util::Counter calls_;

  template <class T, class Work>
  void run(const char* operation, util::Callback<T> done, Work work);
};

}  // namespace prepbot::coach::offline
