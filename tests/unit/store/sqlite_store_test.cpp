#include "store/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "interview/report.hpp"

namespace prepbot::store {
namespace {

model::Session make_session(const std::string& id) {
  model::Session session;
  session.id = id;
  session.meta = {"Li Lei 李雷", "backend", std::string("fintech"), model::Level::mid, model::Mode::mixed, "backend"};
  for (int i = 1; i <= 3; ++i) session.questions.push_back({i, "Q" + std::to_string(i), "technical", "easy", "hint", "backend-00" + std::to_string(i)});
  session.created_at = "2026-11-25T10:00:00.000000";
  return session;
}

model::Answer make_answer(int question_id, const std::string& text, int score = 6) {
  model::Answer answer;
  answer.question_id = question_id;
  answer.text = text;
  answer.evaluation.scores = {score, score, score};
  answer.evaluation.feedback = "feedback";
  answer.evaluation.resources = {"R — https://example.org"};
  answer.evaluation.source = "offline";
  answer.answered_at = "2026-11-25T10:01:00.000000";
  return answer;
}

std::string temp_db() {
  std::string dir = "/tmp/prepbot-store-XXXXXX";
  if (mkdtemp(dir.data()) == nullptr) throw std::runtime_error("mkdtemp");
  return dir + "/test.db";
}

class SqliteStoreTest : public ::testing::TestWithParam<bool> {
 protected:
  std::string path_ = GetParam() ? temp_db() : ":memory:";
  std::unique_ptr<SessionStore> store_ = open_sqlite_store(path_);
};

TEST_P(SqliteStoreTest, CreatesAndLoadsASession) {
  store_->create(make_session("s1"));
  const auto loaded = store_->load("s1");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->meta.name, "Li Lei 李雷");
  EXPECT_EQ(loaded->meta.domain, "fintech");
  EXPECT_EQ(loaded->meta.experience, model::Level::mid);
  ASSERT_EQ(loaded->questions.size(), 3u);
  EXPECT_EQ(loaded->questions[1].bank_id, "backend-002");
  EXPECT_EQ(loaded->status, model::Status::ongoing);
  EXPECT_FALSE(store_->load("nope"));
}

TEST_P(SqliteStoreTest, ReansweringReplacesAndCountsAttempts) {
  store_->create(make_session("s1"));
  EXPECT_EQ(store_->save_answer("s1", make_answer(1, "first")).attempts, 1);
  EXPECT_EQ(store_->save_answer("s1", make_answer(1, "second")).attempts, 2);
  const auto loaded = store_->load("s1");
  ASSERT_EQ(loaded->answers.size(), 1u);
  EXPECT_EQ(loaded->answers[0].text, "second");
  EXPECT_EQ(loaded->answers[0].attempts, 2);
  EXPECT_EQ(loaded->answers[0].evaluation.resources[0], "R — https://example.org");
}

TEST_P(SqliteStoreTest, AnswersNeedAnOngoingSession) {
  EXPECT_EQ(store_->save_answer("missing", make_answer(1, "x")).outcome, WriteOutcome::no_session);
  store_->create(make_session("s1"));
  EXPECT_EQ(store_->finalize("s1", interview::compute_report).outcome, WriteOutcome::no_answers);
  store_->save_answer("s1", make_answer(1, "x", 8));
  const auto first = store_->finalize("s1", interview::compute_report);
  EXPECT_EQ(first.outcome, WriteOutcome::done);
  EXPECT_DOUBLE_EQ(first.report->avg_technical, 8);
  EXPECT_EQ(store_->save_answer("s1", make_answer(2, "late")).outcome, WriteOutcome::completed);
  const auto again = store_->finalize("s1", interview::compute_report);
  EXPECT_EQ(again.outcome, WriteOutcome::completed);
  EXPECT_DOUBLE_EQ(again.report->overall_score, first.report->overall_score);
  EXPECT_EQ(store_->load("s1")->status, model::Status::completed);
}

TEST_P(SqliteStoreTest, RemoveErasesSessionAndAnswers) {
  store_->create(make_session("s1"));
  store_->save_answer("s1", make_answer(1, "x"));
  EXPECT_TRUE(store_->remove("s1"));
  EXPECT_FALSE(store_->load("s1"));
  EXPECT_FALSE(store_->remove("s1"));
  store_->create(make_session("s1"));  // the same id again: no answer of the erased session may come back
  EXPECT_TRUE(store_->load("s1")->answers.empty());
}

TEST_P(SqliteStoreTest, ConcurrentWritersLoseNoAnswer) {
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

TEST_P(SqliteStoreTest, PingWorks) { EXPECT_TRUE(store_->ping()); }

TEST_P(SqliteStoreTest, PurgeErasesOnlyOlderSessionsAndTheirAnswers) {
  auto old_session = make_session("old");
  old_session.created_at = "2020-01-01T00:00:00.000000";
  store_->create(old_session);
  store_->create(make_session("new"));
  store_->save_answer("old", make_answer(1, "x"));
  EXPECT_EQ(store_->purge_created_before("2025-01-01T00:00:00.000000"), 1u);
  EXPECT_FALSE(store_->load("old"));
  EXPECT_TRUE(store_->load("new"));
  EXPECT_EQ(store_->save_answer("old", make_answer(1, "x")).outcome, WriteOutcome::no_session);
}

INSTANTIATE_TEST_SUITE_P(FileAndMemory, SqliteStoreTest, ::testing::Bool());

TEST(SqliteStore, ReopeningKeepsDataAndDoesNotRerunMigrations) {
  const std::string path = temp_db();
  open_sqlite_store(path)->create(make_session("kept"));
  const auto reopened = open_sqlite_store(path);
  EXPECT_TRUE(reopened->load("kept"));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM schema_migrations", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 1);
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(SqliteStore, RefusesADatabaseFromANewerVersion) {
  const std::string path = temp_db();
  open_sqlite_store(path);
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (99, 'later')", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_THROW(open_sqlite_store(path), StoreError);
}

TEST(OpenStore, UnderstandsUrlsAndCreatesTheDirectory) {
  const std::string dir = std::filesystem::path(temp_db()).parent_path() / "nested" / "deeper";
  EXPECT_TRUE(open_store("sqlite:" + dir + "/p.db")->ping());
  EXPECT_TRUE(std::filesystem::exists(dir + "/p.db"));
  EXPECT_TRUE(open_store("sqlite::memory:")->ping());
  EXPECT_THROW(open_store("mysql://x"), StoreError);
}

}  // namespace
}  // namespace prepbot::store
