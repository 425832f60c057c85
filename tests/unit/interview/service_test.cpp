#include "interview/service.hpp"

#include <gtest/gtest.h>

#include <future>

#include "coach/offline/offline_coach.hpp"
#include "interview/errors.hpp"
#include "interview/plan.hpp"
#include "coach/offline/test_bank.hpp"

namespace prepbot::interview {
namespace {

template <class T>
T wait_for(const std::function<void(util::Callback<T>)>& call) {
  std::promise<T> promise;
  auto future = promise.get_future();
  call([&promise](util::Result<T> result) {
    try {
      promise.set_value(std::move(result.get()));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  });
  return future.get();
}

class ServiceTest : public ::testing::Test {
 protected:
  model::Session start(model::Mode mode = model::Mode::technical) {
    StartInput input;
    input.name = "Ada";
    input.role = "API developer";
    input.experience = model::Level::junior;
    input.mode = mode;
    input.num_questions = 3;
    return wait_for<Started>([&](auto done) { service_.start(input, std::move(done)); }).session;
  }
  model::Answer answer(const std::string& id, int question, const std::string& text) {
    return answered(id, question, text).answer;
  }
  Answered answered(const std::string& id, int question, const std::string& text) {
    return wait_for<Answered>([&](auto done) { service_.answer(id, {question, text}, std::move(done)); });
  }

  std::shared_ptr<const coach::offline::Bank> bank_ =
      std::make_shared<const coach::offline::Bank>(coach::offline::testing::test_bank());
  util::WorkerPool workers_{2};
  coach::offline::OfflineCoach coach_{bank_, workers_};
  std::unique_ptr<store::SessionStore> store_ = store::open_store("sqlite::memory:");
  InterviewService service_{{"offline", {{"offline", &coach_}}}, *store_, workers_, {1u << 20, 8u << 20}};
};

using Exported = std::shared_ptr<const ExportedReport>;

TEST_F(ServiceTest, StartStoresTheSessionWithItsNameAndFamily) {
  const auto session = start();
  EXPECT_EQ(session.questions.size(), 3u);
  EXPECT_EQ(session.meta.role_family, "backend");
  const auto stored = service_.get(session.id);
  EXPECT_EQ(stored.meta.name, "Ada");
  EXPECT_EQ(stored.questions.size(), 3u);
}

TEST_F(ServiceTest, AnswerGradesAndStores) {
  const auto session = start();
  const auto stored = answer(session.id, 2, "An index is a B-tree; it slows down inserts, so check the query plan.");
  EXPECT_EQ(stored.question_id, 2);
  EXPECT_EQ(stored.attempts, 1);
  EXPECT_EQ(stored.evaluation.source, "offline");
  EXPECT_EQ(service_.get(session.id).answers.size(), 1u);
}

TEST_F(ServiceTest, AnAnswerThatMissesAKeyPointAddsOneFollowUpCitingIt) {
  const auto session = start();
  const std::string weak = "An index is a B-tree that finds the rows of one user quickly, for example the orders of a customer.";
  const Answered first = answered(session.id, 2, weak);
  ASSERT_TRUE(first.follow_up.has_value());
  EXPECT_EQ(first.follow_up->id, 4);
  EXPECT_EQ(first.follow_up->parent_id, 2);
  EXPECT_NE(first.follow_up->text.find("You said"), std::string::npos);
  EXPECT_FALSE(first.next_question.has_value());
  EXPECT_FALSE(answered(session.id, 2, weak).follow_up.has_value()) << "at most one follow-up per question";
  const Answered to_follow_up = answered(session.id, 4, "It would slow down inserts.");
  EXPECT_FALSE(to_follow_up.follow_up.has_value()) << "a follow-up is not followed up";
  const auto stored = service_.get(session.id);
  ASSERT_EQ(stored.questions.size(), 4u);
  EXPECT_EQ(stored.questions[3].parent_id, 2);
  EXPECT_EQ(service_.finalize(session.id).n_questions, 2) << "the follow-up's answer counts in the report";
}

TEST_F(ServiceTest, ACompleteAnswerOrASessionWithoutFollowUpsAddsNone) {
  const auto session = start();
  const std::string complete =
      "An index is a sorted structure, usually a B-tree, so lookups avoid a full scan: at work an index on "
      "orders.user_id took a query from 900 ms to 2 ms. The cost is write overhead, since every insert must update "
      "it, and disk space. I check the query plan with EXPLAIN ANALYZE before and after adding one.";
  EXPECT_FALSE(answered(session.id, 1, complete).follow_up.has_value());
  StartInput input;
  input.name = "Ada";
  input.role = "API developer";
  input.num_questions = 2;
  input.follow_ups = false;
  const auto without = wait_for<Started>([&](auto done) { service_.start(input, std::move(done)); }).session;
  const Answered weak = answered(without.id, 1, "An index is a B-tree that finds rows quickly for one customer id.");
  EXPECT_FALSE(weak.follow_up.has_value());
  EXPECT_FALSE(weak.answer.evaluation.follow_up.has_value()) << "nothing of it is stored either";
  EXPECT_EQ(service_.get(without.id).questions.size(), 2u);
}

TEST_F(ServiceTest, AnAdaptiveSessionRisesAfterAStrongAnswerAndFallsAfterAWeakOne) {
  StartInput input;
  input.name = "Ada";
  input.role = "API developer";
  input.experience = model::Level::mid;
  input.num_questions = 3;
  input.adaptive = true;
  input.follow_ups = false;
  const auto session = wait_for<Started>([&](auto done) { service_.start(input, std::move(done)); }).session;
  ASSERT_EQ(session.questions.size(), 1u);
  EXPECT_EQ(session.questions[0].difficulty, "medium");
  const std::string strong =
      "An index is a sorted structure, usually a B-tree, so lookups avoid a full scan: at work an index on "
      "orders.user_id took a query from 900 ms to 2 ms. The cost is write overhead, since every insert must update "
      "it, and disk space. I check the query plan with EXPLAIN ANALYZE before and after adding one.";
  const Answered up = answered(session.id, 1, strong);
  ASSERT_GE(up.answer.evaluation.scores.technical, kHarderFrom);
  ASSERT_TRUE(up.next_question.has_value());
  EXPECT_EQ(up.next_question->id, 2);
  EXPECT_EQ(up.next_question->difficulty, "hard");
  EXPECT_NE(up.next_question->bank_id, session.questions[0].bank_id);
  const Answered down = answered(session.id, 2, "I am not sure, maybe it helps.");
  ASSERT_LE(down.answer.evaluation.scores.technical, kEasierFrom);
  ASSERT_TRUE(down.next_question.has_value());
  EXPECT_EQ(down.next_question->difficulty, "medium");
  const Answered last = answered(session.id, 3, strong);
  EXPECT_FALSE(last.next_question.has_value()) << "the session is at its length";
  const auto report = service_.finalize(session.id);
  ASSERT_EQ(report.difficulty_path.size(), 3u);
  EXPECT_EQ(report.difficulty_path[0].difficulty, "medium");
  EXPECT_EQ(report.difficulty_path[1].difficulty, "hard");
  EXPECT_EQ(report.difficulty_path[2].difficulty, "medium");
  EXPECT_EQ(report.difficulty_path[1].technical, down.answer.evaluation.scores.technical);
}

TEST_F(ServiceTest, RulesOfTheSession) {
  const auto session = start();
  EXPECT_THROW(service_.get("nope"), NotFound);
  EXPECT_THROW(answer(session.id, 9, "x"), BadRequest);
  EXPECT_THROW(service_.finalize(session.id), BadRequest);
  answer(session.id, 1, "A B-tree index with write overhead; check EXPLAIN.");
  const auto report = service_.finalize(session.id);
  EXPECT_EQ(report.n_questions, 1);
  EXPECT_THROW(answer(session.id, 2, "late"), Conflict);
  EXPECT_DOUBLE_EQ(service_.finalize(session.id).overall_score, report.overall_score);
  service_.remove(session.id);
  EXPECT_THROW(service_.get(session.id), NotFound);
  EXPECT_THROW(service_.remove(session.id), NotFound);
}

TEST_F(ServiceTest, TheSessionDocumentFollowsEveryWrite) {
  const auto session = start();
  const auto first = service_.get_document(session.id);
  EXPECT_EQ(service_.get_document(session.id), first) << "unchanged: served from the cache";
  answer(session.id, 1, "A B-tree index with write overhead; check EXPLAIN.");
  EXPECT_NE(service_.get_document(session.id)->find("write overhead"), std::string::npos);
  // A write that bypasses this service (another instance sharing the database) is seen too.
  model::Answer direct;
  direct.question_id = 2;
  direct.text = "written by another instance";
  ASSERT_EQ(store_->save_answer(session.id, direct).outcome, store::WriteOutcome::done);
  EXPECT_NE(service_.get_document(session.id)->find("written by another instance"), std::string::npos);
  service_.finalize(session.id);
  EXPECT_NE(service_.get_document(session.id)->find("\"status\":\"completed\""), std::string::npos);
  service_.remove(session.id);
  EXPECT_THROW(service_.get_document(session.id), NotFound);
}

TEST_F(ServiceTest, EachReportIsDrawnOncePerVersionAndForgottenWithItsSession) {
  const auto session = start();
  answer(session.id, 1, "A B-tree index with write overhead; check EXPLAIN.");
  auto export_of = [&](ReportKind kind) {
    return wait_for<Exported>([&](auto done) { service_.export_report(session.id, kind, std::move(done)); });
  };
  EXPECT_THROW(export_of(ReportKind::full), BadRequest);  // not finalized yet
  service_.finalize(session.id);
  const Exported full = export_of(ReportKind::full);
  const Exported summary = export_of(ReportKind::summary);
  EXPECT_EQ(full->pdf.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(full->candidate, "Ada");
  EXPECT_NE(full->pdf, summary->pdf);
  EXPECT_EQ(export_of(ReportKind::full).get(), full.get()) << "a repeated export is drawn again";
  EXPECT_EQ(export_of(ReportKind::summary).get(), summary.get());
  // Erased behind this instance's back (another instance, the retention sweep): no stale copy is served.
  ASSERT_TRUE(store_->remove(session.id));
  EXPECT_THROW(export_of(ReportKind::full), NotFound);
}

TEST_F(ServiceTest, ConcurrentAnswersToOneSessionAreAllKept) {
  const auto session = start();
  std::vector<std::thread> threads;
  std::atomic<int> saved{0};
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        const int question = 1 + (t + i) % 3;
        if (answer(session.id, question, "Thread " + std::to_string(t) + ": an index trades write speed for reads.").question_id == question)
          ++saved;
        service_.get_document(session.id);
      }
    });
  for (auto& thread : threads) thread.join();
  int attempts = 0;
  for (const auto& stored : service_.get(session.id).answers) attempts += stored.attempts;
  EXPECT_EQ(saved.load(), 30);
  EXPECT_EQ(attempts, 30);
}

// A second coach that grades everything 9/9/9, to tell the coaches apart.
class GenerousCoach final : public coach::Coach {
 public:
  explicit GenerousCoach(coach::Coach& questions) : questions_(questions) {}
  void generate_questions(coach::QuestionRequest request, util::Callback<coach::QuestionSet> done) override {
    questions_.generate_questions(std::move(request), std::move(done));
  }
  void evaluate(coach::EvaluationRequest, util::Callback<model::Evaluation> done) override {
    model::Evaluation evaluation;
    evaluation.scores = {9, 9, 9};
    evaluation.source = "generous";
    done(util::Result<model::Evaluation>(std::move(evaluation)));
  }

 private:
  coach::Coach& questions_;
};

TEST_F(ServiceTest, EachSessionKeepsTheCoachItChoseAtStart) {
  GenerousCoach generous(coach_);
  InterviewService service({"offline", {{"offline", &coach_}, {"generous", &generous}}}, *store_, workers_);
  auto start_with = [&](std::optional<std::string> coach) {
    StartInput input;
    input.name = "Ada";
    input.role = "API developer";
    input.coach = std::move(coach);
    return wait_for<Started>([&](auto done) { service.start(input, std::move(done)); }).session;
  };
  auto source_of_answer = [&](const std::string& id) {
    return wait_for<Answered>([&](auto done) { service.answer(id, {1, "An index is a B-tree."}, std::move(done)); })
        .answer.evaluation.source;
  };
  const auto chosen = start_with("generous");
  const auto by_default = start_with(std::nullopt);
  EXPECT_EQ(service.get(chosen.id).meta.coach, "generous");
  EXPECT_EQ(service.get(by_default.id).meta.coach, "offline");
  EXPECT_EQ(source_of_answer(chosen.id), "generous");
  EXPECT_EQ(source_of_answer(by_default.id), "offline");
  EXPECT_THROW(start_with("gemini"), BadRequest) << "only configured coaches may be chosen";
  EXPECT_EQ(service.coaches().names(), (std::vector<std::string>{"offline", "generous"}));
  EXPECT_EQ(&service.coaches().of("retired"), &coach_) << "a coach no longer configured: the default grades";
}

}  // namespace
}  // namespace prepbot::interview
