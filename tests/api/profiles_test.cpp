// Practice profiles through the real binary: tokens, isolation, erasure (the
// database checked), progress, the review schedule and the portable exports.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>

#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

using nlohmann::json;

class ProfilesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new std::string(make_temp_dir() + "/prepbot.db");
    server_ = new ServerProcess("sqlite:" + *database_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete database_;
  }
  static HttpClient client() { return server_->client(); }

  static std::map<std::string, std::string> bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

  static json create_profile() {
    const auto created = client().post("/profiles", std::string());
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json();
  }

  static HttpResponse as(const std::string& token, const std::string& method, const std::string& path,
                         const std::string& body = "") {
    return client().send(method, path, body, bearer(token));
  }

  // A finalized session of the profile, its answers weak (so its questions are scheduled).
  static std::string weak_session(const std::string& token) {
    const json body = {{"name", "Ada"}, {"role", "Backend developer"}, {"experience", "1-3 years"}, {"mode", "mixed"},
                       {"num_questions", 3}, {"follow_ups", false}};
    const auto started = as(token, "POST", "/interview/start", body.dump());
    EXPECT_EQ(started.status, 200) << started.body;
    const json session = started.json();
    EXPECT_EQ(session["review_questions"], 0);
    const std::string id = session["session_id"];
    for (const auto& question : session["questions"]) {
      const json answer = {{"question_id", question["id"]}, {"answer", "I am not sure. Maybe it depends, I would probably ask someone."}};
      EXPECT_EQ(client().post("/interview/session/" + id + "/answer", answer).status, 200);
    }
    EXPECT_EQ(client().post("/interview/session/" + id + "/finalize", std::string()).status, 200);
    return id;
  }

  static long long rows(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(database_->c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    long long count = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) count = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
  }

  static inline ServerProcess* server_ = nullptr;
  static inline std::string* database_ = nullptr;
};

std::string today_plus(int days) {
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(days);
  const std::chrono::year_month_day date(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

TEST_F(ProfilesTest, AProfileIsOpenedByItsTokenAloneAndRevealsNothingOtherwise) {
  const json mine = create_profile();
  const json theirs = create_profile();
  const std::string token = mine["token"];
  EXPECT_NE(mine["profile_id"], theirs["profile_id"]);
  weak_session(token);

  const auto progress = as(token, "GET", "/profiles/me/progress");
  ASSERT_EQ(progress.status, 200) << progress.body;
  EXPECT_EQ(progress.json()["sessions"], 1);
  EXPECT_EQ(progress.json()["answers"], 3);
  EXPECT_EQ(as(theirs["token"], "GET", "/profiles/me/progress").json()["sessions"], 0) << "another profile sees none of it";

  const std::string id = mine["profile_id"];
  const std::string guessed = id + "." + std::string(64, 'a');
  const std::string their_secret = std::string(theirs["token"]).substr(std::string(theirs["token"]).find('.') + 1);
  for (const auto& headers : std::vector<std::map<std::string, std::string>>{
           {}, bearer(guessed), bearer(id + "." + their_secret), bearer(id), {{"Authorization", "Basic " + token}}}) {
    for (const char* route : {"/profiles/me/progress", "/profiles/me/review", "/profiles/me/export", "/profiles/me/export/csv"}) {
      const auto refused = client().send("GET", route, "", headers);
      EXPECT_EQ(refused.status, 401) << route;
      EXPECT_EQ(refused.headers.at("www-authenticate"), "Bearer realm=\"prepbot\"");
      EXPECT_EQ(refused.body.find(id), std::string::npos) << "a refusal reveals nothing of the profile";
      EXPECT_EQ(refused.body.find("Ada"), std::string::npos);
    }
  }
  // A wrong token at start is refused, not ignored: no session is made.
  const json body = {{"name", "Eve"}, {"role", "Backend developer"}, {"experience", "1-3 years"}, {"mode", "technical"}};
  const long long sessions = rows("SELECT count(*) FROM sessions");
  EXPECT_EQ(as(guessed, "POST", "/interview/start", body.dump()).status, 401);
  json review = body;
  review["review"] = true;
  EXPECT_EQ(client().post("/interview/start", review).status, 401) << "a review needs a profile";
  EXPECT_EQ(rows("SELECT count(*) FROM sessions"), sessions);
}

TEST_F(ProfilesTest, WeakAnswersAreScheduledForTomorrowBySm2) {
  const std::string token = create_profile()["token"];
  weak_session(token);
  const auto review = as(token, "GET", "/profiles/me/review");
  ASSERT_EQ(review.status, 200) << review.body;
  const json schedule = review.json();
  EXPECT_EQ(schedule["algorithm"], "SM-2");
  EXPECT_EQ(schedule["today"], today_plus(0));
  EXPECT_TRUE(schedule["due"].empty()) << "a weak answer comes back tomorrow, not today";
  EXPECT_GE(schedule["scheduled"].get<int>(), 3) << "each weak question (and its concepts) has a card";
  EXPECT_EQ(schedule["next_due"], today_plus(1));
}

TEST_F(ProfilesTest, ExportsImportOnceAndDueQuestionsOpenAReviewSession) {
  const std::string from = create_profile()["token"];
  weak_session(from);
  const auto exported = as(from, "GET", "/profiles/me/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(exported.headers.at("content-disposition").find("attachment"), std::string::npos);
  json document = exported.json();
  ASSERT_EQ(document["sessions"].size(), 1u);
  ASSERT_FALSE(document["review_cards"].empty());
  for (auto& card : document["review_cards"]) card["due"] = today_plus(-2);  // as if two days had passed

  const std::string to = create_profile()["token"];
  const auto imported = as(to, "POST", "/profiles/me/import", document.dump());
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json()["sessions_imported"], 1);
  const auto again = as(to, "POST", "/profiles/me/import", document.dump());
  EXPECT_EQ(again.json()["sessions_imported"], 0);
  EXPECT_EQ(again.json()["sessions_already_present"], 1);
  EXPECT_EQ(again.json()["review_cards_imported"], 0);
  EXPECT_EQ(as(to, "GET", "/profiles/me/progress").json()["answers"], 3);
  EXPECT_EQ(as(to, "POST", "/profiles/me/import", R"({"format":"something else"})").status, 400);
  EXPECT_EQ(as(to, "POST", "/profiles/me/import", "[1,2]").status, 422);

  const json due = as(to, "GET", "/profiles/me/review").json()["due"];
  ASSERT_FALSE(due.empty());
  const json body = {{"name", "Ada"}, {"role", "Backend developer"}, {"experience", "1-3 years"}, {"mode", "mixed"},
                     {"num_questions", 4}, {"review", true}};
  const auto started = as(to, "POST", "/interview/start", body.dump());
  ASSERT_EQ(started.status, 200) << started.body;
  const json session = started.json();
  EXPECT_GE(session["review_questions"].get<int>(), 1);
  EXPECT_EQ(session["questions"].size(), 4u);
  EXPECT_EQ(session["questions"][0]["question"], due[0]["question"]["question"]) << "the most overdue question first";

  const auto csv = as(from, "GET", "/profiles/me/export/csv");
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  std::size_t records = 0;  // rows end with CRLF; a field's own line breaks are quoted LFs
  for (auto at = csv.body.find("\r\n"); at != std::string::npos; at = csv.body.find("\r\n", at + 2)) ++records;
  EXPECT_EQ(records, 4u) << "a header and one row per answer";
  const auto anki = as(from, "GET", "/profiles/me/export/anki");
  EXPECT_EQ(anki.body.rfind("#separator:tab\n#html:false\n", 0), 0u);
}

TEST_F(ProfilesTest, ErasingAProfileErasesEverythingItHeldFromTheDatabase) {
  const json profile = create_profile();
  const std::string token = profile["token"], id = profile["profile_id"];
  const std::string session = weak_session(token);
  const json other = create_profile();
  weak_session(other["token"]);
  const std::string where_mine = " WHERE profile_id = '" + id + "'";
  ASSERT_GT(rows("SELECT count(*) FROM practice" + where_mine), 0);
  ASSERT_GT(rows("SELECT count(*) FROM review_cards" + where_mine), 0);

  const auto erased = as(token, "DELETE", "/profiles/me");
  ASSERT_EQ(erased.status, 200) << erased.body;
  EXPECT_EQ(erased.json()["deleted"], true);
  EXPECT_EQ(rows("SELECT count(*) FROM profiles WHERE id = '" + id + "'"), 0);
  EXPECT_EQ(rows("SELECT count(*) FROM sessions" + where_mine), 0);
  EXPECT_EQ(rows("SELECT count(*) FROM answers WHERE session_id = '" + session + "'"), 0);
  EXPECT_EQ(rows("SELECT count(*) FROM practice" + where_mine), 0);
  EXPECT_EQ(rows("SELECT count(*) FROM review_cards" + where_mine), 0);
  EXPECT_EQ(client().get("/interview/session/" + session).status, 404);
  EXPECT_EQ(as(token, "GET", "/profiles/me/progress").status, 401) << "its token opens nothing now";
  EXPECT_EQ(as(other["token"], "GET", "/profiles/me/progress").json()["sessions"], 1) << "another profile keeps its own";
}

}  // namespace
}  // namespace prepbot::testing
