// The store conformance suite: every backend behind SessionStore must pass it.
#include "store/session_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "interview/report.hpp"
#include "store/store_fixtures.hpp"

namespace prepbot::store {
namespace {

using testing::make_answer;
using testing::make_session;

enum class Backend { sqlite_file, sqlite_memory, postgres };

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  switch (info.param) {
    case Backend::sqlite_file: return "SqliteFile";
    case Backend::sqlite_memory: return "SqliteMemory";
    case Backend::postgres: return "Postgres";
  }
  return "";
}

class SessionStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    switch (GetParam()) {
      case Backend::sqlite_file: url_ = "sqlite:" + testing::temp_sqlite_path(); break;
      case Backend::sqlite_memory: url_ = "sqlite::memory:"; break;
      case Backend::postgres:
        url_ = testing::fresh_postgres_url();
        if (url_.empty()) GTEST_SKIP() << "PREPBOT_TEST_POSTGRES_URL is not set (ctest sets it)";
        break;
    }
    store_ = open_store(url_);
  }
  // A second instance on the same database (not for an in-memory one).
  std::unique_ptr<SessionStore> second_instance() const { return open_store(url_); }
  bool shareable() const { return GetParam() != Backend::sqlite_memory; }

  std::string url_;
  std::unique_ptr<SessionStore> store_;
};

TEST_P(SessionStoreTest, CreatesAndLoadsASession) {
  store_->create(make_session("s1"));
  const auto loaded = store_->load("s1");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->meta.name, "Li Lei 李雷");
  EXPECT_EQ(loaded->meta.domain, "fintech");
  EXPECT_EQ(loaded->meta.experience, model::Level::mid);
  EXPECT_EQ(loaded->meta.mode, model::Mode::mixed);
  ASSERT_EQ(loaded->questions.size(), 3u);
  EXPECT_EQ(loaded->questions[1].bank_id, "backend-002");
  EXPECT_EQ(loaded->status, model::Status::ongoing);
  EXPECT_EQ(loaded->created_at, "2026-11-25T10:00:00.000000");
  EXPECT_EQ(loaded->meta.coach, "offline");
  EXPECT_FALSE(store_->load("nope"));
}

TEST_P(SessionStoreTest, KeepsTheScoringMode) {
  auto session = make_session("s1");
  EXPECT_EQ(session.meta.scoring, model::Scoring::standard);
  session.meta.scoring = model::Scoring::content;
  store_->create(session);
  EXPECT_EQ(store_->load("s1")->meta.scoring, model::Scoring::content);
  store_->create(make_session("s2"));
  EXPECT_EQ(store_->load("s2")->meta.scoring, model::Scoring::standard);
}

TEST_P(SessionStoreTest, KeepsTheJobPostingsSkills) {
  auto session = make_session("s1");
  session.meta.posting_skills = {"Message queues", "Rate limiting"};
  store_->create(session);
  EXPECT_EQ(store_->load("s1")->meta.posting_skills, session.meta.posting_skills);
  store_->create(make_session("s2"));
  EXPECT_TRUE(store_->load("s2")->meta.posting_skills.empty());
}

TEST_P(SessionStoreTest, KeepsTheSessionsOptions) {
  auto session = make_session("s1");
  session.meta.follow_ups = true;
  session.meta.adaptive = true;
  session.meta.planned = 7;
  store_->create(session);
  const auto loaded = store_->load("s1");
  EXPECT_TRUE(loaded->meta.follow_ups);
  EXPECT_TRUE(loaded->meta.adaptive);
  EXPECT_EQ(loaded->meta.planned, 7);
}

TEST_P(SessionStoreTest, AnAnswerAppendsTheQuestionsItAddsInItsTransaction) {
  store_->create(make_session("s1"));
  const AddQuestions follow_up_once = [](const std::vector<model::Question>& current) {
    std::vector<model::Question> added;
    if (std::none_of(current.begin(), current.end(), [](const model::Question& q) { return q.parent_id == 2; })) {
      added.push_back(current.back());
      added.back().id = current.back().id + 1;
      added.back().text = "You said “x”. Why?";
      added.back().parent_id = 2;
    }
    return added;
  };
  const SavedAnswer first = store_->save_answer("s1", make_answer(2, "x"), follow_up_once);
  ASSERT_EQ(first.added.size(), 1u);
  EXPECT_EQ(first.added[0].id, 4);
  EXPECT_EQ(store_->save_answer("s1", make_answer(2, "y"), follow_up_once).added.size(), 0u);
  const auto loaded = store_->load("s1");
  ASSERT_EQ(loaded->questions.size(), 4u);
  EXPECT_EQ(loaded->questions[3].parent_id, 2);
  EXPECT_EQ(loaded->questions[3].text, "You said “x”. Why?");
  EXPECT_EQ(loaded->answers.at(0).attempts, 2);
  EXPECT_EQ(store_->save_answer("s1", make_answer(4, "because"), nullptr).outcome, WriteOutcome::done);
  EXPECT_EQ(store_->load("s1")->answers.size(), 2u);
  EXPECT_EQ(store_->save_answer("missing", make_answer(1, "x"), follow_up_once).outcome, WriteOutcome::no_session);
}

TEST_P(SessionStoreTest, KeepsAMissingDomainMissing) {
  auto session = make_session("s1");
  session.meta.domain.reset();
  store_->create(session);
  EXPECT_FALSE(store_->load("s1")->meta.domain);
}

TEST_P(SessionStoreTest, RefusesASecondSessionWithTheSameId) {
  store_->create(make_session("s1"));
  EXPECT_THROW(store_->create(make_session("s1")), StoreError);
  EXPECT_TRUE(store_->load("s1"));
}

TEST_P(SessionStoreTest, KeepsLongAndUnusualTextExactly) {
  store_->create(make_session("s1"));
  std::string text = "Quotes ' \" \\ ; -- DROP TABLE sessions; emoji 🚀, RTL עברית, tabs\tand\nnewlines. ";
  while (text.size() < 60000) text += text;
  store_->save_answer("s1", make_answer(1, text));
  EXPECT_EQ(store_->load("s1")->answers.at(0).text, text);
}

TEST_P(SessionStoreTest, ReansweringReplacesAndCountsAttempts) {
  store_->create(make_session("s1"));
  EXPECT_EQ(store_->save_answer("s1", make_answer(1, "first")).attempts, 1);
  EXPECT_EQ(store_->save_answer("s1", make_answer(1, "second")).attempts, 2);
  const auto loaded = store_->load("s1");
  ASSERT_EQ(loaded->answers.size(), 1u);
  EXPECT_EQ(loaded->answers[0].text, "second");
  EXPECT_EQ(loaded->answers[0].attempts, 2);
  EXPECT_EQ(loaded->answers[0].evaluation.resources[0], "R — https://example.org");
}

TEST_P(SessionStoreTest, AnswersComeBackInQuestionOrder) {
  store_->create(make_session("s1"));
  for (int question : {3, 1, 2}) store_->save_answer("s1", make_answer(question, "a" + std::to_string(question)));
  const auto loaded = store_->load("s1");
  ASSERT_EQ(loaded->answers.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(loaded->answers[static_cast<std::size_t>(i)].question_id, i + 1);
}

TEST_P(SessionStoreTest, AnswersNeedAnOngoingSession) {
  EXPECT_EQ(store_->save_answer("missing", make_answer(1, "x")).outcome, WriteOutcome::no_session);
  store_->create(make_session("s1"));
  EXPECT_EQ(store_->finalize("missing", interview::compute_report).outcome, WriteOutcome::no_session);
  EXPECT_EQ(store_->finalize("s1", interview::compute_report).outcome, WriteOutcome::no_answers);
  store_->save_answer("s1", make_answer(1, "x", 8));
  const auto first = store_->finalize("s1", interview::compute_report);
  EXPECT_EQ(first.outcome, WriteOutcome::done);
  EXPECT_DOUBLE_EQ(first.report->avg_technical, 8);
  EXPECT_EQ(store_->save_answer("s1", make_answer(2, "late")).outcome, WriteOutcome::completed);
  const auto again = store_->finalize("s1", interview::compute_report);
  EXPECT_EQ(again.outcome, WriteOutcome::completed);
  EXPECT_DOUBLE_EQ(again.report->overall_score, first.report->overall_score);
  const auto loaded = store_->load("s1");
  EXPECT_EQ(loaded->status, model::Status::completed);
  EXPECT_EQ(loaded->answers.size(), 1u);
  ASSERT_TRUE(loaded->final_report);
  EXPECT_DOUBLE_EQ(loaded->final_report->overall_score, first.report->overall_score);
}

TEST_P(SessionStoreTest, VersionCountsEveryChangeAndOnlyChanges) {
  EXPECT_FALSE(store_->version("s1"));
  store_->create(make_session("s1"));
  EXPECT_EQ(store_->version("s1"), 0);
  store_->save_answer("s1", make_answer(1, "x"));
  store_->save_answer("s1", make_answer(1, "y"));
  EXPECT_EQ(store_->version("s1"), 2);
  EXPECT_EQ(store_->load("s1")->version, 2);
  store_->finalize("s1", interview::compute_report);
  EXPECT_EQ(store_->version("s1"), 3);
  store_->save_answer("s1", make_answer(2, "refused"));
  store_->finalize("s1", interview::compute_report);
  EXPECT_EQ(store_->version("s1"), 3);
}

TEST_P(SessionStoreTest, RemoveErasesSessionAndAnswers) {
  store_->create(make_session("s1"));
  store_->save_answer("s1", make_answer(1, "x"));
  EXPECT_TRUE(store_->remove("s1"));
  EXPECT_FALSE(store_->load("s1"));
  EXPECT_FALSE(store_->version("s1"));
  EXPECT_FALSE(store_->remove("s1"));
  store_->create(make_session("s1"));  // the same id again: no answer of the erased session may come back
  EXPECT_TRUE(store_->load("s1")->answers.empty());
}

TEST_P(SessionStoreTest, PurgeErasesOnlyOlderSessionsAndTheirAnswers) {
  auto old_session = make_session("old");
  old_session.created_at = "2020-01-01T00:00:00.000000";
  store_->create(old_session);
  store_->create(make_session("new"));
  store_->save_answer("old", make_answer(1, "x"));
  EXPECT_EQ(store_->purge_created_before("2025-01-01T00:00:00.000000"), 1u);
  EXPECT_FALSE(store_->load("old"));
  EXPECT_TRUE(store_->load("new"));
  EXPECT_EQ(store_->save_answer("old", make_answer(1, "x")).outcome, WriteOutcome::no_session);
  EXPECT_EQ(store_->purge_created_before("2025-01-01T00:00:00.000000"), 0u);
}

TEST_P(SessionStoreTest, PingWorks) { EXPECT_TRUE(store_->ping()); }

// --- practice profiles ---

model::Session profile_session(const std::string& id, const std::string& profile_id, const std::string& created_at) {
  auto session = make_session(id);
  session.meta.profile_id = profile_id;
  session.created_at = created_at;
  return session;
}

Practice practice_record(int question_id, const std::string& answered_at, int score,
                         std::vector<std::string> topics = {"Rate limiting"}) {
  Practice practice;
  practice.question_id = question_id;
  practice.answered_at = answered_at;
  practice.kind = "technical";
  practice.topics = std::move(topics);
  practice.scores = {score, score + 1, score - 1};
  return practice;
}

ReviewCard card(const std::string& key, const std::string& due) {
  ReviewCard c;
  c.key = key;
  c.kind = "question";
  c.label = "Q";
  c.question = R"({"id":1,"question":"Q","type":"technical","difficulty":"easy","hint":"","bank_id":"b"})";
  c.due = due;
  c.updated_at = "2026-11-25T10:00:00.000000";
  return c;
}

TEST_P(SessionStoreTest, AProfileKeepsOnlyTheDigestOfItsSecret) {
  store_->create_profile({"p1", std::string(64, 'a'), "2026-11-25T09:00:00.000000"});
  const auto profile = store_->load_profile("p1");
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->token_hash, std::string(64, 'a'));
  EXPECT_EQ(profile->created_at, "2026-11-25T09:00:00.000000");
  EXPECT_FALSE(store_->load_profile("p2"));
  EXPECT_THROW(store_->create_profile({"p1", std::string(64, 'b'), "x"}), StoreError) << "ids are unique";
}

TEST_P(SessionStoreTest, AProfilesAnswersLeavePracticeRecordsOldestFirst) {
  store_->create_profile({"p1", "h", "t"});
  store_->create(profile_session("s1", "p1", "2026-11-01T10:00:00.000000"));
  store_->create(profile_session("s2", "p1", "2026-11-08T10:00:00.000000"));
  store_->create(make_session("anonymous"));
  auto later = make_answer(1, "x");
  const auto p2 = practice_record(1, "2026-11-08T10:05:00.000000", 7);
  ASSERT_EQ(store_->save_answer("s2", later, nullptr, &p2).outcome, WriteOutcome::done);
  const auto p1 = practice_record(2, "2026-11-01T10:05:00.000000", 3, {"Caching", "Rate limiting"});
  ASSERT_EQ(store_->save_answer("s1", make_answer(2, "y"), nullptr, &p1).outcome, WriteOutcome::done);
  const auto stray = practice_record(1, "2026-11-09T10:00:00.000000", 9);
  store_->save_answer("anonymous", make_answer(1, "z"), nullptr, &stray);  // no profile: no record
  auto records = store_->practice("p1");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].session_id, "s1");
  EXPECT_EQ(records[0].topics, (std::vector<std::string>{"Caching", "Rate limiting"}));
  EXPECT_EQ(records[0].scores.communication, 4);
  EXPECT_EQ(records[0].session_created_at, "2026-11-01T10:00:00.000000");
  EXPECT_EQ(records[0].role_family, "backend");
  EXPECT_EQ(records[1].session_id, "s2");
  // A re-answer replaces its record, in the answer's transaction.
  const auto again = practice_record(2, "2026-11-10T10:00:00.000000", 8);
  store_->save_answer("s1", make_answer(2, "better"), nullptr, &again);
  records = store_->practice("p1");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].session_id, "s1");
  EXPECT_EQ(records[1].scores.technical, 8);
  EXPECT_EQ(store_->profile_sessions("p1"), (std::vector<std::string>{"s1", "s2"}));
}

TEST_P(SessionStoreTest, ErasingAProfileErasesEverythingItHoldsAndNothingElse) {
  store_->create_profile({"p1", "h", "t"});
  store_->create_profile({"p2", "h", "t"});
  store_->create(profile_session("mine", "p1", "2026-11-01T10:00:00.000000"));
  store_->create(profile_session("theirs", "p2", "2026-11-01T10:00:00.000000"));
  store_->create(make_session("anonymous"));
  const auto record = practice_record(1, "2026-11-01T10:05:00.000000", 3);
  store_->save_answer("mine", make_answer(1, "x"), nullptr, &record);
  store_->save_answer("theirs", make_answer(1, "x"), nullptr, &record);
  for (const char* profile : {"p1", "p2"})
    store_->update_review_cards(profile, [](const auto&) { return std::vector<ReviewCard>{card("question:b", "2026-11-02")}; });
  EXPECT_TRUE(store_->remove_profile("p1"));
  EXPECT_FALSE(store_->load_profile("p1"));
  EXPECT_FALSE(store_->load("mine"));
  EXPECT_TRUE(store_->practice("p1").empty());
  EXPECT_TRUE(store_->review_cards("p1").empty());
  EXPECT_TRUE(store_->profile_sessions("p1").empty());
  EXPECT_TRUE(store_->load("theirs"));
  EXPECT_TRUE(store_->load("anonymous"));
  EXPECT_EQ(store_->practice("p2").size(), 1u);
  EXPECT_EQ(store_->review_cards("p2").size(), 1u);
  EXPECT_FALSE(store_->remove_profile("p1"));
  store_->create(make_session("mine"));  // the same id again: nothing of the erased session comes back
  EXPECT_TRUE(store_->load("mine")->answers.empty());
}

TEST_P(SessionStoreTest, PurgeKeepsAProfilesHistory) {
  store_->create_profile({"p1", "h", "t"});
  store_->create(profile_session("kept", "p1", "2020-01-01T00:00:00.000000"));
  auto old_session = make_session("old");
  old_session.created_at = "2020-01-01T00:00:00.000000";
  store_->create(old_session);
  EXPECT_EQ(store_->purge_created_before("2025-01-01T00:00:00.000000"), 1u);
  EXPECT_TRUE(store_->load("kept"));
}

TEST_P(SessionStoreTest, ReviewCardsAreReadAndSavedInOneTransactionPerProfile) {
  store_->create_profile({"p1", "h", "t"});
  store_->update_review_cards("p1", [](const auto& existing) {
    EXPECT_TRUE(existing.empty());
    return std::vector<ReviewCard>{card("question:a", "2026-11-03"), card("concept:x", "2026-11-02")};
  });
  auto cards = store_->review_cards("p1");
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(cards[0].key, "concept:x") << "soonest due first";
  EXPECT_DOUBLE_EQ(cards[1].ease, 2.5);
  store_->update_review_cards("p1", [](const auto& existing) {
    auto moved = existing.front();
    moved.ease = 1.96;
    moved.interval_days = 6;
    moved.due = "2026-11-09";
    return std::vector<ReviewCard>{moved};
  });
  cards = store_->review_cards("p1");
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(cards[1].key, "concept:x");
  EXPECT_DOUBLE_EQ(cards[1].ease, 1.96);
  EXPECT_EQ(cards[1].interval_days, 6);
  // Updates of one profile take turns: each sees the cards of the one before.
  std::vector<std::thread> writers;
  for (int i = 0; i < 8; ++i)
    writers.emplace_back([&] {
      store_->update_review_cards("p1", [](const auto& existing) {
        auto counter = existing.back();
        counter.lapses += 1;
        return std::vector<ReviewCard>{counter};
      });
    });
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(store_->review_cards("p1").back().lapses, 8);
  store_->update_review_cards("nobody", [](const auto&) { return std::vector<ReviewCard>{card("question:a", "2026-11-03")}; });
  EXPECT_TRUE(store_->review_cards("nobody").empty()) << "no cards for a profile that does not exist";
}

TEST_P(SessionStoreTest, AnImportedSessionIsStoredWholeAndOnlyOnce) {
  store_->create_profile({"p1", "h", "t"});
  auto session = profile_session("imported", "p1", "2026-10-01T10:00:00.000000");
  session.answers = {make_answer(1, "one", 4), make_answer(3, "three", 8)};
  session.answers[1].attempts = 2;
  session.status = model::Status::completed;
  session.final_report = interview::compute_report(session);
  session.version = 3;
  const std::vector<Practice> practice = {practice_record(1, "2026-10-01T10:01:00.000000", 4),
                                          practice_record(3, "2026-10-01T10:02:00.000000", 8)};
  EXPECT_TRUE(store_->import_session(session, practice, {}));
  EXPECT_FALSE(store_->import_session(session, practice, {})) << "the same session twice is stored once";
  const auto loaded = store_->load("imported");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->status, model::Status::completed);
  ASSERT_TRUE(loaded->final_report);
  EXPECT_EQ(loaded->final_report->n_questions, session.final_report->n_questions);
  ASSERT_EQ(loaded->answers.size(), 2u);
  EXPECT_EQ(loaded->answers[1].attempts, 2);
  EXPECT_EQ(loaded->version, 3);
  EXPECT_EQ(loaded->meta.profile_id, "p1");
  EXPECT_EQ(store_->practice("p1").size(), 2u);
}

TEST_P(SessionStoreTest, ShareLinksAndNotesBelongToTheirSession) {
  store_->create(make_session("s1"));
  store_->create(make_session("s2"));
  store_->create_share({"link-1", "s1", "digest-1", "2026-11-25T10:00:00.000000"});
  store_->create_share({"link-2", "s1", "digest-2", "2026-11-25T11:00:00.000000"});
  EXPECT_EQ(store_->load_share("link-1")->session_id, "s1");
  EXPECT_EQ(store_->load_share("link-2")->token_hash, "digest-2");
  EXPECT_FALSE(store_->load_share("link-3"));
  ASSERT_EQ(store_->shares_of("s1").size(), 2u);
  EXPECT_FALSE(store_->revoke_share("s2", "link-1")) << "a link is revoked through its own session";
  EXPECT_TRUE(store_->revoke_share("s1", "link-1"));
  EXPECT_FALSE(store_->load_share("link-1"));
  if (shareable()) {
    EXPECT_FALSE(second_instance()->load_share("link-1")) << "revoked for every instance at once";
  }
  store_->add_note("s1", {2, "Lead with the result.", "link-1", "2026-11-25T12:00:00.000000"});
  store_->add_note("s1", {1, "Name the trade-off.", "link-2", "2026-11-25T12:01:00.000000"});
  const auto notes = store_->notes("s1");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].question_id, 2);
  EXPECT_EQ(notes[1].note, "Name the trade-off.");
  EXPECT_TRUE(store_->notes("s2").empty());
  EXPECT_TRUE(store_->remove("s1"));
  EXPECT_FALSE(store_->load_share("link-2")) << "links and notes go with their session";
  EXPECT_TRUE(store_->notes("s1").empty());
}

TEST_P(SessionStoreTest, ConcurrentWritersLoseNoAnswer) {
  for (int s = 0; s < 4; ++s) store_->create(make_session("s" + std::to_string(s)));
  std::vector<std::thread> threads;
  std::atomic<int> saved{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string id = "s" + std::to_string((t + i) % 4);
        if (store_->save_answer(id, make_answer(1 + (i % 3), "t" + std::to_string(t))).outcome == WriteOutcome::done) ++saved;
        store_->load(id);
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(saved.load(), 200);
  int attempts = 0;
  for (int s = 0; s < 4; ++s) {
    const auto session = store_->load("s" + std::to_string(s));
    for (const auto& answer : session->answers) attempts += answer.attempts;
  }
  EXPECT_EQ(attempts, 200);
}

// Two instances on one database answer one session while one of them finalizes
// it: every answer acknowledged before the finalize is in the report, every
// later one is refused, and nothing is counted twice or lost.
TEST_P(SessionStoreTest, TwoInstancesWritingToOneSessionLoseNothing) {
  if (!shareable()) GTEST_SKIP() << "an in-memory database belongs to one instance";
  const auto other = second_instance();
  SessionStore* instances[2] = {store_.get(), other.get()};
  store_->create(make_session("shared"));
  std::atomic<int> saved{0};
  std::atomic<bool> finalized{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 30; ++i) {
        // Read before the write: a save that began after finalize returned must be refused. (Read after it,
        // the flag may have been set by a finalize that committed after this save did.)
        const bool finalized_before = finalized.load();
        const auto result = instances[(t + i) % 2]->save_answer("shared", make_answer(1 + (t + i) % 3, "t" + std::to_string(t)));
        if (result.outcome == WriteOutcome::done) {
          EXPECT_FALSE(finalized_before) << "an answer was acknowledged after the session was finalized";
          ++saved;
        }
      }
    });
  threads.emplace_back([&] {
    while (saved.load() < 40) std::this_thread::yield();
    const auto results = std::array{other->finalize("shared", interview::compute_report),
                                    store_->finalize("shared", interview::compute_report)};
    finalized = true;
    EXPECT_EQ(results[0].outcome, WriteOutcome::done);
    EXPECT_EQ(results[1].outcome, WriteOutcome::completed);
  });
  for (auto& thread : threads) thread.join();
  const auto a = store_->load("shared");
  const auto b = other->load("shared");
  int attempts = 0;
  for (const auto& answer : a->answers) attempts += answer.attempts;
  EXPECT_EQ(attempts, saved.load());
  EXPECT_EQ(a->version, saved.load() + 1);
  EXPECT_EQ(model::Status::completed, b->status);
  EXPECT_EQ(a->final_report->overall_score, b->final_report->overall_score);
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionStoreTest,
                         ::testing::Values(Backend::sqlite_file, Backend::sqlite_memory, Backend::postgres), backend_name);

TEST(OpenStore, UnderstandsUrlsAndCreatesTheDirectory) {
  const std::string dir = std::filesystem::path(testing::temp_sqlite_path()).parent_path() / "nested" / "deeper";
  EXPECT_TRUE(open_store("sqlite:" + dir + "/p.db")->ping());
  EXPECT_TRUE(std::filesystem::exists(dir + "/p.db"));
  EXPECT_TRUE(open_store("sqlite::memory:")->ping());
  EXPECT_THROW(open_store("mysql://x"), StoreError);
  EXPECT_THROW(open_store("sqlite:"), StoreError);
  EXPECT_TRUE(is_postgres_url("postgresql://u@h/db"));
  EXPECT_TRUE(is_postgres_url("postgres://u@h/db"));
  EXPECT_FALSE(is_postgres_url("sqlite:postgresql://"));
}

}  // namespace
}  // namespace prepbot::store
