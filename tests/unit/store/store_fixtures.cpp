#include "store/store_fixtures.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include <pqxx/pqxx>

namespace prepbot::store::testing {

model::Session make_session(const std::string& id) {
  model::Session session;
  session.id = id;
  session.meta = {"Li Lei 李雷", "backend", std::string("fintech"), model::Level::mid, model::Mode::mixed, "backend", "offline"};
  for (int i = 1; i <= 3; ++i)
    session.questions.push_back({i, "Q" + std::to_string(i), "technical", "easy", "hint", "backend-00" + std::to_string(i), {}});
  session.created_at = "2026-11-25T10:00:00.000000";
  return session;
}

model::Answer make_answer(int question_id, const std::string& text, int score) {
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

std::string temp_sqlite_path() {
  std::string dir = "/tmp/prepbot-store-XXXXXX";
  if (mkdtemp(dir.data()) == nullptr) throw std::runtime_error("mkdtemp");
  return dir + "/test.db";
}

std::string fresh_postgres_url(const std::string& extra_parameters) {
  const char* base = std::getenv("PREPBOT_TEST_POSTGRES_URL");
  if (base == nullptr || *base == '\0') return "";
  static std::atomic<int> counter{0};
  const std::string schema = "test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  pqxx::connection admin(base);
  pqxx::nontransaction(admin).exec("CREATE SCHEMA " + schema);
  return std::string(base) + "?options=-c%20search_path%3D" + schema + extra_parameters;
}

}  // namespace prepbot::store::testing
