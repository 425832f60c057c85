#include "interview/profiles.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "interview/errors.hpp"
#include "interview/report.hpp"
#include "store/session_store.hpp"
#include "store/store_fixtures.hpp"

namespace prepbot::interview {
namespace {

using json = nlohmann::ordered_json;

class ProfilesTest : public ::testing::Test {
 protected:
  // A completed session of the profile with a weak and a good answer, and its review cards.
  std::string practise(const std::string& profile_id, const std::string& session_id) {
    auto session = store::testing::make_session(session_id);
    session.meta.profile_id = profile_id;
    session.questions[1].type = "behavioral";
    session.questions[1].topic = "conflict";
    store_->create(session);
    auto weak = store::testing::make_answer(1, "=cmd|' /C calc'!A0, \"quoted\"", 3);
    weak.evaluation.examples_or_corrections = "A strong answer covers:\n- Measure first\n- Then cache";
    weak.evaluation.evidence.key_points_missed = {"Proves it with a load test"};
    weak.evaluation.evidence.graded = true;  // the offline grader's measurements are kept
    weak.evaluation.evidence.concepts = {{"caching", "Caching"}};
    const auto good = store::testing::make_answer(2, "I led the team", 8);
    for (const auto& answer : {weak, good}) {
      const auto practice = practice_of(*session.find_question(answer.question_id), answer);
      store_->save_answer(session_id, answer, nullptr, &practice);
    }
    store_->finalize(session_id, compute_report);
    store_->update_review_cards(profile_id, [](const auto&) {
      store::ReviewCard card;
      card.key = "question:backend-001";
      card.kind = "question";
      card.label = "Q1";
      card.question = R"({"id":1,"question":"Q1","type":"technical","difficulty":"easy","hint":"hint","bank_id":"backend-001"})";
      card.due = "2026-11-26";
      card.updated_at = "2026-11-25T10:01:00.000000";
      return std::vector<store::ReviewCard>{card};
    });
    return session_id;
  }

  std::unique_ptr<store::SessionStore> store_ = store::open_store("sqlite::memory:");
  Profiles profiles_{*store_};
};

TEST_F(ProfilesTest, ATokenOpensItsProfileAndNothingElseDoes) {
  const auto first = profiles_.create();
  const auto second = profiles_.create();
  EXPECT_EQ(profiles_.authenticate(first.token), first.id);
  EXPECT_EQ(profiles_.authenticate(second.token), second.id);
  const std::string secret = first.token.substr(first.token.find('.') + 1);
  EXPECT_GE(secret.size(), 32u) << "at least 128 random bits, as hex";
  EXPECT_EQ(store_->load_profile(first.id)->token_hash.find(secret), std::string::npos) << "only a digest is stored";
  // Another profile's secret, a changed secret, an unknown id, nothing, or no secret: all refused alike.
  const std::string other_secret = second.token.substr(second.token.find('.') + 1);
  std::string changed = first.token;
  changed.back() = changed.back() == '0' ? '1' : '0';
  for (const std::string& wrong : {first.id + "." + other_secret, changed, "00000000-0000-4000-8000-000000000000." + secret,
                                   std::string(), first.id, first.id + ".", "." + secret}) {
    try {
      profiles_.authenticate(wrong);
      ADD_FAILURE() << "opened with " << wrong;
    } catch (const Unauthorized& refused) {
      EXPECT_EQ(std::string(refused.what()).find(first.id), std::string::npos) << "the message names no profile";
    }
  }
}

TEST_F(ProfilesTest, ErasingAProfileLeavesNothingOfIt) {
  const auto profile = profiles_.create();
  practise(profile.id, "s1");
  profiles_.remove(profile.id);
  EXPECT_THROW(profiles_.authenticate(profile.token), Unauthorized);
  EXPECT_FALSE(store_->load("s1"));
  EXPECT_TRUE(store_->practice(profile.id).empty());
  EXPECT_THROW(profiles_.remove(profile.id), NotFound);
}

TEST_F(ProfilesTest, ExportThenImportIsLosslessAndImportingTwiceAddsNothing) {
  const auto from = profiles_.create();
  practise(from.id, "s1");
  practise(from.id, "s2");
  const json exported = profiles_.export_json(from.id);
  EXPECT_EQ(exported["format"], "prepbot-profile");
  EXPECT_EQ(exported["version"], kExportVersion);
  ASSERT_EQ(exported["sessions"].size(), 2u);

  const auto to = profiles_.create();
  const Imported first = profiles_.import_json(to.id, json::parse(exported.dump()));
  EXPECT_EQ(first.sessions, 2);
  EXPECT_EQ(first.cards, 1);
  const Imported again = profiles_.import_json(to.id, exported);
  EXPECT_EQ(again.sessions, 0);
  EXPECT_EQ(again.skipped, 2);
  EXPECT_EQ(again.cards, 0);
  const Imported home = profiles_.import_json(from.id, exported);
  EXPECT_EQ(home.sessions, 0) << "a profile's own export brought back adds nothing";
  EXPECT_EQ(home.skipped, 2);

  json reexported = profiles_.export_json(to.id);
  ASSERT_EQ(reexported["sessions"].size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    json a = exported["sessions"][i], b = reexported["sessions"][i];
    EXPECT_NE(a["session_id"], b["session_id"]) << "imported under new ids";
    a.erase("session_id");
    b.erase("session_id");
    EXPECT_EQ(a, b) << "everything else comes back as it was";
  }
  EXPECT_EQ(exported["review_cards"], reexported["review_cards"]);
  EXPECT_EQ(profiles_.progress(to.id).answers, profiles_.progress(from.id).answers);
}

TEST_F(ProfilesTest, AnImportThatIsNotAnExportIsRefusedPlainly) {
  const auto profile = profiles_.create();
  EXPECT_THROW(profiles_.import_json(profile.id, json::object()), BadRequest);
  EXPECT_THROW(profiles_.import_json(profile.id, {{"format", "prepbot-profile"}, {"version", 99}}), BadRequest);
  json damaged = {{"format", "prepbot-profile"}, {"version", 1}, {"sessions", {{{"session_id", "x"}}}}, {"review_cards", json::array()}};
  try {
    profiles_.import_json(profile.id, damaged);
    ADD_FAILURE();
  } catch (const BadRequest& refused) {
    EXPECT_NE(std::string(refused.what()).find("damaged"), std::string::npos);
  }
  EXPECT_TRUE(store_->profile_sessions(profile.id).empty()) << "nothing of a refused file is stored";
}

TEST_F(ProfilesTest, TheCsvHasARowPerAnswerAndNoFormulas) {
  const auto profile = profiles_.create();
  practise(profile.id, "s1");
  const std::string csv = profiles_.export_csv(profile.id);
  EXPECT_EQ(csv.rfind("session_id,session_started,role,", 0), 0u);
  std::size_t rows = 0;
  for (std::size_t at = csv.find("\r\ns1,"); at != std::string::npos; at = csv.find("\r\ns1,", at + 1)) ++rows;
  EXPECT_EQ(rows, 2u);
  EXPECT_NE(csv.find(R"("'=cmd|' /C calc'!A0, ""quoted""")"), std::string::npos) << "quoted, quotes doubled, formula defused";
}

// Anki's text import: "#key:value" header lines, then one note per line, fields
// split by the separator, a field with a separator, quote or line break in quotes.
TEST_F(ProfilesTest, TheAnkiDeckHoldsEachWeakQuestionWithAStrongerAnswer) {
  const auto profile = profiles_.create();
  practise(profile.id, "s1");
  const std::string deck = profiles_.export_anki(profile.id);
  std::istringstream lines(deck);
  std::string line;
  std::vector<std::string> headers;
  while (std::getline(lines, line) && line.rfind('#', 0) == 0) headers.push_back(line);
  EXPECT_EQ(headers, (std::vector<std::string>{"#separator:tab", "#html:false", "#columns:Front\tBack\tTags", "#tags column:3"}));
  // The rest is one note: the weak question (the good one is not there).
  std::string note = line;
  while (std::getline(lines, line)) note += "\n" + line;
  EXPECT_EQ(note.rfind("Q1\t\"A strong answer covers:\n- Measure first\n- Then cache\n\nKey points to cover:\n- Proves it", 0), 0u)
      << note;
  EXPECT_NE(note.find("\tprepbot backend technical Caching"), std::string::npos) << note;
  EXPECT_EQ(note.find("Q2"), std::string::npos);
}

}  // namespace
}  // namespace prepbot::interview
