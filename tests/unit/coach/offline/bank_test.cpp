#include "coach/offline/bank.hpp"

#include <gtest/gtest.h>

#include "coach/offline/test_bank.hpp"

namespace prepbot::coach::offline {
namespace {

TEST(Bank, TheBuiltInBankIsValid) {
  const Bank bank = Bank::load_embedded();
  EXPECT_GT(bank.questions().size(), 100u);
  EXPECT_GE(bank.families().size(), 4u);
  for (const auto& q : bank.questions()) {
    EXPECT_FALSE(q.key_points.empty()) << q.id;
    EXPECT_FALSE(q.resources.empty()) << q.id;
  }
}

TEST(Bank, ParsesFamiliesAndQuestions) {
  const Bank bank = testing::test_bank();
  EXPECT_EQ(bank.families().size(), 2u) << "behavioral is not a role family";
  ASSERT_NE(bank.find("backend-003"), nullptr);
  EXPECT_EQ(bank.find("backend-003")->key_points.size(), 3u);
  EXPECT_EQ(bank.find("missing-001"), nullptr);
}

TEST(Bank, MapsRolesToFamilies) {
  const Bank bank = testing::test_bank();
  EXPECT_EQ(bank.family_for_role("Backend Developer").name, "backend");
  EXPECT_EQ(bank.family_for_role("react developer").name, "frontend");
  EXPECT_EQ(bank.family_for_role("Senior Frontend Engineer").name, "frontend");
  EXPECT_EQ(bank.family_for_role("chef").name, "backend") << "no overlap falls back to backend";
}

TEST(Bank, ReportsEveryBrokenRule) {
  auto files = testing::test_bank_files();
  files[0].second.replace(files[0].second.find("\"difficulty\": \""), 15, "\"difficulty\": \"x");
  files.emplace_back("broken.json", "{not json");
  try {
    Bank::parse(files);
    FAIL() << "expected BankError";
  } catch (const BankError& error) {
    ASSERT_GE(error.problems.size(), 2u);
    EXPECT_NE(std::string(error.what()).find("difficulty"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("broken.json"), std::string::npos);
  }
}

TEST(Bank, RejectsDuplicateIds) {
  auto files = testing::test_bank_files();
  files.push_back(files[1]);
  EXPECT_THROW(Bank::parse(files), BankError);
}

}  // namespace
}  // namespace prepbot::coach::offline
