// Mentor review through the real binary: a read-only share link, notes, the
// report, revocation seen at once by a second instance on the same database.
#include <gtest/gtest.h>

#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

using nlohmann::json;

const json kStart = {{"name", "Ada"}, {"role", "Backend developer"}, {"experience", "1-3 years"}, {"mode", "technical"},
                     {"num_questions", 2}, {"follow_ups", false}};
const std::string kAnswer = "I would add an index on the filtered column and cache the hot reads with a TTL.";

std::string finished_session(const HttpClient& client, const std::map<std::string, std::string>& headers = {}) {
  const auto started = client.send("POST", "/interview/start", kStart.dump(), headers);
  EXPECT_EQ(started.status, 200) << started.body;
  const std::string id = started.json()["session_id"];
  EXPECT_EQ(client.post("/interview/session/" + id + "/answer", json{{"question_id", 1}, {"answer", kAnswer}}).status, 200);
  EXPECT_EQ(client.post("/interview/session/" + id + "/finalize", std::string()).status, 200);
  return id;
}

TEST(Shares, AMentorReadsNotesAndDownloadsUntilTheLinkIsRevokedOnEveryInstance) {
  const std::string database = "sqlite:" + make_temp_dir() + "/prepbot.db";
  ServerProcess first(database);
  ServerProcess second(database);
  const HttpClient candidate = first.client();
  const std::string id = finished_session(candidate);

  const auto created = candidate.post("/interview/session/" + id + "/share", std::string());
  ASSERT_EQ(created.status, 201) << created.body;
  const json share = created.json();
  const std::string view = share["view"];
  EXPECT_EQ(share["app"], "/#shared=" + std::string(share["token"]));

  const auto read = second.client().get(view);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.body.find(id), std::string::npos) << "the mentor never sees the session's id, its key";
  EXPECT_EQ(read.json()["session"]["answers"][0]["answer"], kAnswer);
  EXPECT_TRUE(read.json()["notes"].empty());

  const auto noted = second.client().post(view + "/notes", json{{"question_id", 1}, {"note", "Say why a TTL fits here."}});
  ASSERT_EQ(noted.status, 201) << noted.body;
  EXPECT_EQ(second.client().post(view + "/notes", json{{"question_id", 2}, {"note", "x"}}).status, 400) << "unanswered";
  EXPECT_EQ(second.client().post(view + "/notes", json{{"question_id", 1}, {"note", ""}}).status, 422);
  EXPECT_EQ(second.client().post(view + "/notes", json{{"question_id", 1}, {"note", std::string(2001, 'a')}}).status, 422);
  const auto notes = candidate.get("/interview/session/" + id + "/notes");
  ASSERT_EQ(notes.status, 200);
  ASSERT_EQ(notes.json()["notes"].size(), 1u);
  EXPECT_EQ(notes.json()["notes"][0]["note"], "Say why a TTL fits here.");

  const auto pdf = second.client().get(std::string(share["report"]));
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.headers.at("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);

  const auto listed = candidate.get("/interview/session/" + id + "/shares").json()["shares"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].dump().find(std::string(share["token"]).substr(37)), std::string::npos) << "a list shows no secret";
  const auto revoked = candidate.del("/interview/session/" + id + "/shares/" + std::string(share["share_id"]));
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  for (const ServerProcess* instance : {&first, &second}) {
    EXPECT_EQ(instance->client().get(view).status, 404) << "revoked at once, on every instance";
    EXPECT_EQ(instance->client().get(std::string(share["report"])).status, 404);
    EXPECT_EQ(instance->client().post(view + "/notes", json{{"question_id", 1}, {"note", "late"}}).status, 404);
  }
  EXPECT_EQ(candidate.get("/interview/session/" + id + "/notes").json()["notes"].size(), 1u) << "the note stays";
  EXPECT_EQ(candidate.get("/shared/" + std::string(share["share_id"]) + ".guess").status, 404);
  EXPECT_EQ(candidate.get("/shared/nonsense").status, 404);
}

TEST(Shares, AProfilesSessionIsSharedOnlyWithTheProfilesToken) {
  ServerProcess server("sqlite::memory:");
  const HttpClient client = server.client();
  const std::string token = client.post("/profiles", std::string()).json()["token"];
  const std::map<std::string, std::string> owner = {{"Authorization", "Bearer " + token}};
  const std::string id = finished_session(client, owner);
  EXPECT_EQ(client.post("/interview/session/" + id + "/share", std::string()).status, 401);
  const std::string other = client.post("/profiles", std::string()).json()["token"];
  EXPECT_EQ(client.send("POST", "/interview/session/" + id + "/share", "", {{"Authorization", "Bearer " + other}}).status, 401);
  EXPECT_EQ(client.send("POST", "/interview/session/" + id + "/share", "", owner).status, 201);
  EXPECT_EQ(client.get("/interview/session/" + id + "/shares").status, 401);
  EXPECT_EQ(client.send("GET", "/interview/session/" + id + "/shares", "", owner).json()["shares"].size(), 1u);
  EXPECT_EQ(client.post("/interview/session/nope/share", std::string()).status, 404);
}

}  // namespace
}  // namespace prepbot::testing
