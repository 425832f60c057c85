// What only the SQLite store does; the shared behaviour is in session_store_test.cpp.
#include "store/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

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
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 1);
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
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
