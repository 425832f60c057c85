// Many stateless instances over one PostgreSQL database: two real prepbot
// processes, Debian's nginx in front (deploy/nginx/prepbot.conf), and the
// throwaway cluster that tests/support/with_postgres.sh starts.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <pqxx/pqxx>

#include "support/nginx_process.hpp"
#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

using nlohmann::json;

constexpr int kQuestions = 5;

std::string postgres_url() {
  const char* url = std::getenv("PREPBOT_TEST_POSTGRES_URL");
  if (url == nullptr) throw std::runtime_error("PREPBOT_TEST_POSTGRES_URL is not set: run through tests/support/with_postgres.sh");
  return url;
}

std::vector<std::string> instance_args() { return {"--trusted-proxies", "127.0.0.1", "--db-pool", "4"}; }

std::string session_path(const std::string& id, const std::string& rest = "") { return "/interview/session/" + id + rest; }

json start_body(int client, int round) {
  return {{"name", "Client " + std::to_string(client) + " · round " + std::to_string(round)},
          {"role", "backend developer"},
          {"experience", "mid"},
          {"mode", "technical"},
          {"num_questions", kQuestions}};
}

std::string answer_text(int client, int round, int question) {
  return "Client " + std::to_string(client) + ", round " + std::to_string(round) + ", question " +
         std::to_string(question) + ": I would add an index, read the query plan and measure again before and after.";
}

// What the clients were told was saved, to check against the database at the end.
struct Ledger {
  std::mutex mutex;
  std::map<std::string, std::map<int, std::string>> answers;  // session → question → text
  std::vector<std::string> finalized;

  void answered(const std::string& id, int question, const std::string& text) {
    std::lock_guard lock(mutex);
    answers[id][question] = text;
  }
  void completed(const std::string& id) {
    std::lock_guard lock(mutex);
    finalized.push_back(id);
  }
};

// Every acknowledged answer is in the session as any instance reads it.
void expect_nothing_lost(Ledger& ledger, const HttpClient& reader) {
  ASSERT_FALSE(ledger.answers.empty());
  for (const auto& [id, answers] : ledger.answers) {
    const auto got = reader.get(session_path(id));
    ASSERT_EQ(got.status, 200) << id;
    const json session = got.json();
    std::map<int, std::string> stored;
    for (const auto& answer : session["answers"]) stored[answer["question_id"].get<int>()] = answer["answer"];
    for (const auto& [question, text] : answers) EXPECT_EQ(stored[question], text) << id << " question " << question;
  }
  for (const auto& id : ledger.finalized) EXPECT_EQ(reader.get(session_path(id)).json()["status"], "completed") << id;
}

class ScaleOut : public ::testing::Test {
 protected:
  ScaleOut()
      : url_(postgres_url()),
        a_(std::make_unique<ServerProcess>(url_, instance_args())),
        b_(std::make_unique<ServerProcess>(url_, instance_args())) {}

  std::string url_;
  std::unique_ptr<ServerProcess> a_;
  std::unique_ptr<ServerProcess> b_;
};

// Each request of a session goes to the other instance than the one before: every
// read sees the write just made elsewhere, and both instances export the same bytes.
TEST_F(ScaleOut, RequestsAlternatingBetweenInstancesSeeOneSession) {
  const HttpClient instances[2] = {a_->client(), b_->client()};
  Ledger ledger;
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 6; ++c)
    clients.emplace_back([&, c] {
      int turn = c % 2;
      auto next = [&]() -> const HttpClient& { return instances[turn++ % 2]; };
      for (int round = 0; round < 3; ++round) {
        const auto started = next().post("/interview/start", start_body(c, round));
        if (started.status != 200) { ++failures; return; }
        const std::string id = started.json()["session_id"];
        for (int q = 1; q <= kQuestions; ++q) {
          const std::string text = answer_text(c, round, q);
          if (next().post(session_path(id, "/answer"), json{{"question_id", q}, {"answer", text}}).status != 200) { ++failures; continue; }
          ledger.answered(id, q, text);
          const json seen = next().get(session_path(id)).json();  // the other instance, at once
          if (seen["answers"].size() != static_cast<std::size_t>(q)) ++failures;
        }
        if (next().post(session_path(id, "/finalize"), std::string()).status != 200) { ++failures; continue; }
        ledger.completed(id);
        for (const char* kind : {"/export/full", "/export/summary"}) {
          const auto from_a = instances[0].get(session_path(id, kind));
          const auto from_b = instances[1].get(session_path(id, kind));
          if (from_a.status != 200 || from_a.body != from_b.body) ++failures;
        }
      }
    });
  for (auto& client : clients) client.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(ledger.finalized.size(), 18u);
  expect_nothing_lost(ledger, instances[1]);
}

// Clients go through nginx; one instance is killed mid-run (SIGKILL) and the
// other keeps serving. A request caught inside the killed instance gets a 502
// from nginx and is sent again, as a client would; nothing acknowledged is lost.
TEST_F(ScaleOut, OneInstanceKilledMidRunLosesNothing) {
  const int a_port = a_->port();
  NginxProcess nginx({a_port, b_->port()});
  const HttpClient through = nginx.client();
  Ledger ledger;
  std::atomic<int> sessions{0}, retried{0}, failures{0};
  std::atomic<bool> killed{false};
  // Sends until a non-5xx answer; 5xx only while the killed instance is being noticed.
  auto send = [&](const std::string& method, const std::string& path, const std::string& body) {
    for (int attempt = 1;; ++attempt) {
      const auto response = through.send(method, path, body, {{"Content-Type", "application/json"}});
      if ((response.status < 500 && response.status != 0) || attempt == 4) return response;
      ++retried;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  };
  std::vector<std::thread> clients;
  for (int c = 0; c < 6; ++c)
    clients.emplace_back([&, c] {
      for (int round = 0; round < 100 && !(killed && round >= 8); ++round) {
        const auto started = send("POST", "/interview/start", start_body(c, round).dump());
        if (started.status != 200) { ++failures; continue; }
        const std::string id = started.json()["session_id"];
        for (int q = 1; q <= kQuestions; ++q) {
          const std::string text = answer_text(c, round, q);
          const auto answered = send("POST", session_path(id, "/answer"), json{{"question_id", q}, {"answer", text}}.dump());
          if (answered.status == 200) ledger.answered(id, q, text);
          else ++failures;
        }
        if (send("POST", session_path(id, "/finalize"), "").status == 200) ledger.completed(id);
        else ++failures;
        if (send("GET", session_path(id, "/export/summary"), "").status != 200) ++failures;
        ++sessions;
      }
    });
  while (sessions.load() < 12) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  for (const auto* instance : {a_.get(), b_.get()})  // nginx spreads the sessions over both
    EXPECT_NE(instance->client().get("/metrics").body.find("route=\"/interview/session/{id}/answer\",status=\"200\""),
              std::string::npos);
  a_->kill_hard();
  killed = true;
  const int at_kill = sessions.load();
  for (auto& client : clients) client.join();
  std::cout << "[ scale-out ] " << sessions.load() << " sessions through nginx, " << at_kill
            << " before the kill; requests sent again after a 5xx: " << retried.load() << "\n";
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GE(sessions.load(), at_kill + 6 * 3) << "the surviving instance kept serving";
  expect_nothing_lost(ledger, b_->client());

  // The killed instance comes back on its port and sees everything the other wrote.
  a_ = std::make_unique<ServerProcess>(url_, instance_args(), a_port);
  expect_nothing_lost(ledger, a_->client());
  for (std::size_t i = 0; i < ledger.finalized.size(); i += 7) {
    const auto& id = ledger.finalized[i];
    EXPECT_EQ(a_->client().get(session_path(id, "/export/full")).body, b_->client().get(session_path(id, "/export/full")).body) << id;
  }
}

// The database refusing connections is a 503 with Retry-After (which nginx may
// retry elsewhere), counted as a store error; service comes back with the database.
TEST(Outage, ADatabaseThatRefusesConnectionsIsA503AndServiceReturns) {
  pqxx::connection admin(postgres_url());
  pqxx::nontransaction(admin).exec("CREATE DATABASE outage_test");
  std::string url = postgres_url();
  url.replace(url.rfind('/') + 1, std::string::npos, "outage_test");
  ServerProcess server(url, {"--db-pool", "2"});
  const auto client = server.client();
  const auto started = client.post("/interview/start", start_body(0, 0));
  ASSERT_EQ(started.status, 200);
  const std::string id = started.json()["session_id"];

  pqxx::nontransaction(admin).exec("ALTER DATABASE outage_test ALLOW_CONNECTIONS false");
  pqxx::nontransaction(admin).exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'outage_test'");
  const auto refused = client.get(session_path(id));
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.headers.at("retry-after"), "1");
  EXPECT_EQ(refused.json()["detail"], "The session store is unavailable; try again shortly") << "no internals in the reply";
  EXPECT_EQ(client.get("/healthz").status, 503);
  EXPECT_NE(client.get("/metrics").body.find("prepbot_internal_errors_total{kind=\"store\"} 1"), std::string::npos);

  pqxx::nontransaction(admin).exec("ALTER DATABASE outage_test ALLOW_CONNECTIONS true");
  EXPECT_EQ(client.get(session_path(id)).status, 200);
  EXPECT_EQ(client.get("/healthz").status, 200);
}

}  // namespace
}  // namespace prepbot::testing
