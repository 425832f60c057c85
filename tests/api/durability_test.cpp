// A crash (SIGKILL) loses no acknowledged session or answer.
#include <gtest/gtest.h>

#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

using nlohmann::json;

TEST(Durability, SigkillLosesNoAcknowledgedAnswer) {
  const std::string store = "sqlite:" + make_temp_dir() + "/prepbot.db";
  std::vector<std::pair<std::string, std::vector<std::string>>> acknowledged;  // session → answers
  for (int round = 0; round < 3; ++round) {
    ServerProcess server(store);
    const auto client = server.client();
    for (int s = 0; s < 3; ++s) {
      const auto started = client.post("/interview/start", json{{"name", "Round " + std::to_string(round)},
                                                                 {"role", "devops engineer"},
                                                                 {"experience", "mid"},
                                                                 {"mode", "mixed"}});
      ASSERT_EQ(started.status, 200);
      std::vector<std::string> answers;
      const std::string id = started.json()["session_id"];
      for (int q = 1; q <= 5; ++q) {
        const std::string text = "Answer " + std::to_string(q) + " of round " + std::to_string(round) +
                                 ": I would measure first, then automate the rollback.";
        if (client.post("/interview/session/" + id + "/answer", json{{"question_id", q}, {"answer", text}}).status == 200)
          answers.push_back(text);
      }
      acknowledged.emplace_back(id, answers);
    }
    server.kill_hard();
  }
  ServerProcess server(store);
  for (const auto& [id, answers] : acknowledged) {
    const auto response = server.client().get("/interview/session/" + id);
    ASSERT_EQ(response.status, 200) << id;
    const json session = response.json();
    ASSERT_EQ(session["answers"].size(), answers.size());
    for (std::size_t i = 0; i < answers.size(); ++i) EXPECT_EQ(session["answers"][i]["answer"], answers[i]);
  }
}

}  // namespace
}  // namespace prepbot::testing
