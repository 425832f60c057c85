// What only the PostgreSQL store does; the shared behaviour is in session_store_test.cpp.
#include "store/postgres_store.hpp"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include <pqxx/pqxx>

#include "store/records.hpp"
#include "store/store_fixtures.hpp"

namespace prepbot::store {
namespace {

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::getenv("PREPBOT_TEST_POSTGRES_URL") == nullptr) GTEST_SKIP() << "PREPBOT_TEST_POSTGRES_URL is not set (ctest sets it)";
  }
  static std::string admin_url() { return std::getenv("PREPBOT_TEST_POSTGRES_URL"); }
  static long long count(const std::string& url, const std::string& sql) {
    pqxx::connection connection(url);
    return pqxx::nontransaction(connection).exec(sql)[0][0].as<long long>();
  }
};

TEST_F(PostgresStoreTest, InstancesStartingTogetherMigrateOnce) {
  const std::string url = testing::fresh_postgres_url();
  std::vector<std::future<std::unique_ptr<SessionStore>>> starting;
  for (int i = 0; i < 4; ++i) starting.push_back(std::async(std::launch::async, [&] { return open_postgres_store(url, 2); }));
  for (auto& instance : starting) EXPECT_TRUE(instance.get()->ping());
  EXPECT_EQ(count(url, "SELECT count(*) FROM schema_migrations"), static_cast<long long>(std::size(kMigrations)));
  open_postgres_store(url, 2);  // a restart: nothing to apply
  EXPECT_EQ(count(url, "SELECT count(*) FROM schema_migrations"), static_cast<long long>(std::size(kMigrations)));
}

TEST_F(PostgresStoreTest, UpgradesADatabaseOfTheFirstSchemaAndKeepsItsSessions) {
  const std::string url = testing::fresh_postgres_url();
  {
    pqxx::connection connection(url);
    pqxx::work tx(connection);
    tx.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    tx.exec(std::string(kSchemaVersion1));
    tx.exec("INSERT INTO schema_migrations (version) VALUES (1)");
    tx.exec("INSERT INTO sessions (id, name, role, experience, mode, role_family, questions, status, created_at) "
            "VALUES ('old', 'Ada', 'backend', '3-5 years', 'technical', 'backend', '[]', 'ongoing', '2026-01-01T00:00:00')");
    tx.commit();
  }
  const auto store = open_postgres_store(url, 1);
  const auto old = store->load("old");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->meta.name, "Ada");
  EXPECT_EQ(old->meta.coach, "") << "sessions from before the coach was stored use the default";
  EXPECT_EQ(old->meta.scoring, model::Scoring::standard) << "sessions from before the fair scoring mode were graded in full";
  EXPECT_TRUE(old->meta.posting_skills.empty());
  EXPECT_FALSE(old->meta.follow_ups) << "sessions from before follow-ups keep their questions";
  EXPECT_FALSE(old->meta.adaptive);
  EXPECT_TRUE(old->meta.profile_id.empty()) << "sessions from before profiles belong to none";
  EXPECT_EQ(count(url, "SELECT max(version) FROM schema_migrations"), static_cast<long long>(std::size(kMigrations)));
}

TEST_F(PostgresStoreTest, RefusesADatabaseFromANewerVersion) {
  const std::string url = testing::fresh_postgres_url();
  open_postgres_store(url, 1);
  pqxx::connection connection(url);
  pqxx::nontransaction(connection).exec("INSERT INTO schema_migrations (version) VALUES (99)");
  EXPECT_THROW(open_postgres_store(url, 1), StoreError);
}

TEST_F(PostgresStoreTest, OpensNoMoreConnectionsThanThePoolHolds) {
  const std::string url = testing::fresh_postgres_url("&application_name=pool_cap_test");
  const auto store = open_postgres_store(url, 3);
  store->create(testing::make_session("s1"));
  std::vector<std::thread> threads;
  std::atomic<long long> most{0};
  for (int t = 0; t < 12; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        store->save_answer("s1", testing::make_answer(1 + (t + i) % 3, "x"));
        store->load("s1");
      }
    });
  threads.emplace_back([&] {
    for (int i = 0; i < 20; ++i) {
      most = std::max(most.load(), count(admin_url(), "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pool_cap_test'"));
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  for (auto& thread : threads) thread.join();
  EXPECT_GE(most.load(), 1);
  EXPECT_LE(most.load(), 3);
}

TEST_F(PostgresStoreTest, ReconnectsWhenTheServerDropsItsConnections) {
  const std::string url = testing::fresh_postgres_url("&application_name=reconnect_test");
  const auto store = open_postgres_store(url, 2);
  store->create(testing::make_session("s1"));
  EXPECT_EQ(count(admin_url(),
                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'reconnect_test'"),
            1);
  EXPECT_EQ(store->save_answer("s1", testing::make_answer(1, "after the drop")).outcome, WriteOutcome::done);
  EXPECT_EQ(store->load("s1")->answers.at(0).text, "after the drop");
}

TEST_F(PostgresStoreTest, AfterTheServerDropsEveryConnectionTheNextRequestStillWorks) {
  const std::string url = testing::fresh_postgres_url("&application_name=restart_test");
  const auto store = open_postgres_store(url, 4);
  store->create(testing::make_session("s1"));
  std::vector<std::thread> readers;
  for (int t = 0; t < 6; ++t)
    readers.emplace_back([&] {
      for (int i = 0; i < 20; ++i) store->load("s1");
    });
  for (auto& reader : readers) reader.join();
  const long long pooled = count(admin_url(), "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'restart_test'");
  ASSERT_GE(pooled, 2) << "the pool holds several idle connections";
  count(admin_url(), "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'restart_test'");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(store->load("s1")) << "request " << i << " after the drop";
}

TEST_F(PostgresStoreTest, AnUnreachableServerIsAStoreErrorThatHidesThePassword) {
  try {
    open_postgres_store("postgresql://prepbot:s3cret-pw@127.0.0.1:1/prepbot?connect_timeout=2", 1);
    FAIL() << "expected a StoreError";
  } catch (const StoreError& error) {
    EXPECT_EQ(std::string(error.what()).find("s3cret-pw"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("cannot connect"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace prepbot::store
