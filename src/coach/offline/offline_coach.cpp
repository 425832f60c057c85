#include "coach/offline/offline_coach.hpp"

#include <cmath>
#include <random>

#include "coach/offline/grader.hpp"
#include "coach/offline/selector.hpp"

namespace prepbot::coach::offline {

OfflineCoach::OfflineCoach(std::shared_ptr<const Bank> bank, util::WorkerPool& workers)
    : bank_(std::move(bank)), matcher_(*bank_), speller_(*bank_), workers_(workers) {}

QuestionSet OfflineCoach::generate_now(const QuestionRequest& request) const {
  thread_local std::mt19937_64 random{std::random_device{}()};
  const Selection selection = select_questions(*bank_, request, random);
  QuestionSet set;
  set.role_family = selection.family->name;
  if (!selection.exact_role)
    set.role_note = "PrepBot has no question set for \u201c" + request.role + "\u201d yet; these are " +
                    selection.family->title + " questions, the closest match.";
  int id = 1;
  for (const BankQuestion* q : selection.questions)
    set.questions.push_back({id++, q->text, q->type, q->difficulty, q->hint, q->id});
  return set;
}

model::Evaluation OfflineCoach::evaluate_now(const EvaluationRequest& request) const {
  GradeInput input;
  input.bank_question = request.question.bank_id.empty() ? nullptr : bank_->find(request.question.bank_id);
  const Match* match = nullptr;
  std::vector<Match> nearest;
  if (input.bank_question == nullptr) {
    nearest = matcher_.nearest(request.question.text);
    match = matcher_.close_enough(nearest);
    if (match) input.bank_question = match->question;
  }
  input.question = request.question.text;
  input.answer = request.answer;
  input.mode = request.mode;
  input.level = request.level;
  input.speller = &speller_;
  model::Evaluation evaluation = grade(input);
  if (match && !evaluation.evidence.contains("guard"))
    evaluation.feedback = "Graded against the closest question in the bank: \u201c" + match->question->text + "\u201d\n" +
                          evaluation.feedback;
  if (input.bank_question == nullptr || match) {
    nlohmann::ordered_json candidates = nlohmann::ordered_json::array();
    for (const auto& near : nearest)
      candidates.push_back({{"id", near.question->id},
                            {"question", near.question->text},
                            {"similarity", std::round(near.similarity * 100) / 100}});
    evaluation.evidence["nearest_bank_questions"] = std::move(candidates);
  }
  return evaluation;
}

void OfflineCoach::generate_questions(QuestionRequest request, util::Callback<QuestionSet> done) {
  workers_.post([this, request = std::move(request), done = std::move(done)] {
    util::complete(done, [&] { return generate_now(request); });
  });
}

void OfflineCoach::evaluate(EvaluationRequest request, util::Callback<model::Evaluation> done) {
  workers_.post([this, request = std::move(request), done = std::move(done)] {
    util::complete(done, [&] { return evaluate_now(request); });
  });
}

}  // namespace prepbot::coach::offline
