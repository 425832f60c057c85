#include "coach/offline/offline_coach.hpp"

#include <random>

#include <fmt/format.h>

#include "coach/offline/grader.hpp"
#include "coach/offline/resume.hpp"
#include "coach/offline/selector.hpp"
#include "util/text.hpp"

namespace prepbot::coach::offline {

OfflineCoach::OfflineCoach(std::shared_ptr<const Bank> bank, util::WorkerPool& workers, util::Metrics* metrics)
    : bank_(std::move(bank)), matcher_(*bank_), speller_(*bank_), workers_(workers), calls_(coach_calls_counter(metrics)) {}

template <class T, class Work>
void OfflineCoach::run(const char* operation, util::Callback<T> done, Work work) {
  workers_.post([this, operation, done = std::move(done), work = std::move(work)] {
    util::complete<T>([this, operation, &done](util::Result<T> result) {
      calls_.add(fmt::format("provider=\"offline\",operation=\"{}\",outcome=\"{}\"", operation, result.ok() ? "ok" : "error"));
      done(std::move(result));
    }, work);
  });
}

namespace {

// "A", "A and B", "A, B and C".
std::string spoken_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

}  // namespace

QuestionSet OfflineCoach::generate_now(const QuestionRequest& request) const {
  thread_local std::mt19937_64 random{std::random_device{}()};
  Selection selection = select_questions(*bank_, request, random);
  QuestionSet set;
  set.role_family = selection.family->name;
  if (!selection.exact_role && util::trim(request.role).empty())
    set.role_note = "The job posting does not say which role it is; these are " + selection.family->title + " questions.";
  else if (!selection.exact_role)
    set.role_note = "PrepBot has no question set for \u201c" + request.role + "\u201d yet; these are " +
                    selection.family->title + " questions, the closest match.";
  set.level = selection.level;
  for (const auto& skill : selection.posting.skills) set.posting_skills.push_back(skill.name);
  std::vector<ResumeLine>& resume = selection.resume;  // quoting marks each line used
  // Technical questions quote first: each needs a line naming its subject, while a
  // behavioral one can tell any story that is left.
  std::vector<std::optional<std::string>> quotes(selection.questions.size());
  for (const bool behavioral : {false, true})
    for (std::size_t i = 0; i < selection.questions.size(); ++i)
      if ((selection.questions[i]->type == "behavioral") == behavioral) quotes[i] = quote_for(*selection.questions[i], resume);
  for (std::size_t i = 0; i < selection.questions.size(); ++i) {
    const BankQuestion* q = selection.questions[i];
    const auto& quoted = quotes[i];
    model::Question question{static_cast<int>(i) + 1, q->text, q->type, q->difficulty, q->hint, q->id, targeted_skills(*q, selection.posting)};
    if (q->type == "behavioral" && !q->tags.empty()) question.topic = q->tags.front();  // the competency
    // The candidate's own words and the employer's stack, before the question's.
    std::string opening;
    if (quoted)
      opening = q->type == "behavioral"
                    ? fmt::format("Your r\u00e9sum\u00e9 says \u201c{}\u201d; if it fits, tell it as your story. ", *quoted)
                    : fmt::format("Your r\u00e9sum\u00e9 says \u201c{}\u201d. ", *quoted);
    if (!question.targets.empty() && q->type == "technical")
      opening = "The posting names " + spoken_list(question.targets) + ". " + opening;
    question.text = opening + q->text;
    set.questions.push_back(std::move(question));
  }
  return set;
}

model::Evaluation OfflineCoach::evaluate_now(const EvaluationRequest& request, std::string_view hidden,
                                             const PhrasingModel* phrasing) const {
  GradeInput input;
  input.bank_question = request.question.bank_id.empty() ? nullptr : bank_->find(request.question.bank_id);
  const Match* match = nullptr;
  std::vector<Match> nearest;
  if (input.bank_question == nullptr) {
    nearest = matcher_.nearest(request.question.text, 3, hidden);
    match = matcher_.close_enough(nearest);
    if (match) input.bank_question = match->question;
    for (const auto& near : nearest)
      if (near.question != input.bank_question) input.related.push_back(near.question);
  }
  input.question = request.question.text;
  input.answer = request.answer;
  input.mode = request.mode;
  input.level = request.level;
  input.scoring = request.scoring;
  input.speller = &speller_;
  input.knowledge = &bank_->knowledge();
  input.library = bank_.get();
  input.field = &bank_->field_stems();
  input.phrasing = phrasing ? phrasing : &bank_->phrasing();
  model::Evaluation evaluation = grade(input);
  if (match && !evaluation.evidence.guard)
    evaluation.feedback = "Graded against the closest question in the bank: \u201c" + match->question->text + "\u201d\n" +
                          evaluation.feedback;
  if (input.bank_question == nullptr || match) {
    auto& candidates = evaluation.evidence.nearest_bank_questions.emplace();
    for (const auto& near : nearest) candidates.push_back({near.question->id, near.question->text, near.similarity});
  }
  return evaluation;
}

void OfflineCoach::generate_questions(QuestionRequest request, util::Callback<QuestionSet> done) {
  run<QuestionSet>("questions", std::move(done), [this, request = std::move(request)] { return generate_now(request); });
}

void OfflineCoach::evaluate(EvaluationRequest request, util::Callback<model::Evaluation> done) {
  run<model::Evaluation>("evaluate", std::move(done), [this, request = std::move(request)] { return evaluate_now(request); });
}

}  // namespace prepbot::coach::offline
