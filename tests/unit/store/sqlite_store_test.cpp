// What only the SQLite store does; the shared behaviour is in session_store_test.cpp.
#include "store/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/records.hpp"
#include "store/store_fixtures.hpp"

namespace prepbot::store {
namespace {

TEST(SqliteStore, ReopeningKeepsDataAndDoesNotRerunMigrations) {
  const std::string path = testing::temp_sqlite_path();
  open_sqlite_store(path)->create(testing::make_session("kept"));
  const auto reopened = open_sqlite_store(path);
  EXPECT_TRUE(reopened->load("kept"));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM schema_migrations", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), static_cast<int>(std::size(kMigrations)));
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(SqliteStore, UpgradesADatabaseOfTheFirstSchemaAndKeepsItsSessions) {
  const std::string path = testing::temp_sqlite_path();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const std::string first = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);" +
                            std::string(kSchemaVersion1) +
                            "INSERT INTO schema_migrations VALUES (1, 'then');"
                            "INSERT INTO sessions (id, name, role, experience, mode, role_family, questions, status, created_at) "
                            "VALUES ('old', 'Ada', 'backend', '3-5 years', 'technical', 'backend', '[]', 'ongoing', '2026-01-01T00:00:00');";
  ASSERT_EQ(sqlite3_exec(db, first.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  const auto store = open_sqlite_store(path);
  const auto old = store->load("old");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->meta.name, "Ada");
  EXPECT_EQ(old->meta.coach, "") << "sessions from before the coach was stored use the default";
  EXPECT_EQ(old->meta.scoring, model::Scoring::standard) << "sessions from before the fair scoring mode were graded in full";
  EXPECT_TRUE(old->meta.posting_skills.empty());
  EXPECT_FALSE(old->meta.follow_ups) << "sessions from before follow-ups keep their questions";
  EXPECT_FALSE(old->meta.adaptive);
  EXPECT_TRUE(old->meta.profile_id.empty()) << "sessions from before profiles belong to none";
  EXPECT_EQ(store->purge_created_before("2027-01-01T00:00:00"), 1u) << "and are purged as before";
  store->create(testing::make_session("new"));
  EXPECT_EQ(store->load("new")->meta.coach, "offline");
}

TEST(SqliteStore, RefusesADatabaseFromANewerVersion) {
  const std::string path = testing::temp_sqlite_path();
  open_sqlite_store(path);
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (99, 'later')", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_THROW(open_sqlite_store(path), StoreError);
}

}  // namespace
}  // namespace prepbot::store
