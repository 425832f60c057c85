#include "coach/offline/selector.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "coach/offline/test_bank.hpp"

namespace prepbot::coach::offline {
namespace {

class SelectorTest : public ::testing::Test {
 protected:
  Selection pick(QuestionRequest request) { return select_questions(bank_, request, random_); }
  Bank bank_ = testing::test_bank();
  std::mt19937_64 random_{42};
};

TEST_F(SelectorTest, TechnicalModePicksTheFamilysTechnicalQuestionsForTheLevel) {
  QuestionRequest request;
  request.role = "backend developer";
  request.level = model::Level::entry;
  request.count = 3;
  const auto selection = pick(request);
  EXPECT_EQ(selection.family->name, "backend");
  ASSERT_EQ(selection.questions.size(), 3u);
  std::set<std::string> ids;
  for (const auto* q : selection.questions) {
    EXPECT_EQ(q->type, "technical");
    EXPECT_TRUE(q->suits(model::Level::entry)) << q->id;
    ids.insert(q->id);
  }
  EXPECT_EQ(ids.size(), 3u);
}

TEST_F(SelectorTest, MixedModeAlternatesTypes) {
  QuestionRequest request;
  request.role = "backend";
  request.mode = model::Mode::mixed;
  request.count = 4;
  const auto selection = pick(request);
  ASSERT_EQ(selection.questions.size(), 4u);
  EXPECT_EQ(selection.questions[0]->type, "technical");
  EXPECT_EQ(selection.questions[1]->type, "behavioral");
  EXPECT_EQ(selection.questions[2]->type, "technical");
  EXPECT_EQ(selection.questions[3]->type, "behavioral");
}

TEST_F(SelectorTest, AvoidsRecentQuestionsWhileOthersRemain) {
  QuestionRequest request;
  request.role = "backend";
  request.level = model::Level::entry;
  request.count = 2;
  request.avoid_ids = {"backend-001", "backend-002"};
  for (int round = 0; round < 20; ++round)
    for (const auto* q : pick(request).questions) EXPECT_TRUE(q->id != "backend-001" && q->id != "backend-002");
}

TEST_F(SelectorTest, DomainQuestionsOnlyForThatDomain) {
  QuestionRequest request;
  request.role = "backend";
  request.level = model::Level::senior;
  request.count = 4;  // the four general senior questions suffice
  for (int round = 0; round < 20; ++round)
    for (const auto* q : pick(request).questions) EXPECT_NE(q->id, "backend-009");
  request.domain = "fintech";
  request.count = 1;
  EXPECT_EQ(pick(request).questions[0]->id, "backend-009");
}

TEST_F(SelectorTest, NeverReturnsMoreThanTheBankHas) {
  QuestionRequest request;
  request.role = "frontend";
  request.count = 20;
  request.mode = model::Mode::technical;
  const auto selection = pick(request);
  EXPECT_EQ(selection.questions.size(), 5u) << "1 technical, then the 4 behavioral fill in";
}

const Bank& embedded_bank() {
  static const Bank bank = Bank::load_embedded();
  return bank;
}

TEST(Selector, AFocusTagPutsThatSetFirst) {
  const Bank& bank = embedded_bank();
  std::mt19937_64 random{7};
  QuestionRequest request;
  request.role = "Senior Software Engineer";
  request.level = model::Level::senior;
  request.mode = model::Mode::behavioral;
  request.count = 5;
  request.focus = "leadership-principles";
  const auto selection = select_questions(bank, request, random);
  ASSERT_EQ(selection.questions.size(), 5u);
  for (const auto* q : selection.questions)
    EXPECT_NE(std::find(q->tags.begin(), q->tags.end(), "leadership-principles"), q->tags.end()) << q->id;
}

// Many questions fit an SRE posting equally well; the ones about what the résumé says
// come first, so the session can open with the candidate's own words. Before, about a
// quarter of such sessions drew three questions no résumé line spoke to.
TEST(Selector, QuestionsOnWhatTheResumeSaysComeFirstAmongEqualFits) {
  const Bank& bank = embedded_bank();
  QuestionRequest request;
  request.mode = model::Mode::technical;
  request.count = 3;
  request.level_given = false;
  request.job_description =
      "Site Reliability Engineer\nRun our Kubernetes clusters on call: define SLOs and error budgets, alert on the "
      "four golden signals, lead blameless postmortems, and automate with Terraform infrastructure as code.";
  request.resume =
      "Grace Hopper\nSite Reliability Engineer, 2019-2024\n"
      "- Defined SLOs and error budgets for 30 services and ran the on-call rotation.\n"
      "- Wrote Terraform modules for our Kubernetes clusters and reviewed every infrastructure change.\n";
  const auto lines = read_resume(bank.knowledge(), request.resume);
  ASSERT_EQ(lines.size(), 2u);
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    std::mt19937_64 random{seed};
    const auto selection = select_questions(bank, request, random);
    ASSERT_EQ(selection.questions.size(), 3u);
    const bool speaks_to_resume = std::any_of(selection.questions.begin(), selection.questions.end(), [&](const BankQuestion* q) {
      return std::any_of(lines.begin(), lines.end(), [&](const ResumeLine& line) { return names_subject(*q, line); });
    });
    EXPECT_TRUE(speaks_to_resume) << "seed " << seed;
  }
}

}  // namespace
}  // namespace prepbot::coach::offline
