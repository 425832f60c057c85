#include "interview/plan.hpp"

#include <gtest/gtest.h>

namespace prepbot::interview {
namespace {

model::Question planned(int id) {
  model::Question q;
  q.id = id;
  q.text = "Question " + std::to_string(id);
  q.type = "technical";
  q.difficulty = "medium";
  return q;
}

TEST(Plan, StrongAnswersRaiseTheDifficultyAndWeakOnesLowerIt) {
  EXPECT_EQ(next_difficulty("medium", kHarderFrom), "hard");
  EXPECT_EQ(next_difficulty("hard", 10), "hard");
  EXPECT_EQ(next_difficulty("medium", kEasierFrom), "easy");
  EXPECT_EQ(next_difficulty("easy", 1), "easy");
  EXPECT_EQ(next_difficulty("medium", 5), "medium");
  EXPECT_EQ(next_difficulty("", 9), "hard") << "an unknown difficulty counts as medium";
}

TEST(Plan, AMixedSessionAlternatesStartingTechnical) {
  EXPECT_EQ(next_mode(model::Mode::mixed, 0), model::Mode::technical);
  EXPECT_EQ(next_mode(model::Mode::mixed, 1), model::Mode::behavioral);
  EXPECT_EQ(next_mode(model::Mode::behavioral, 3), model::Mode::behavioral);
}

TEST(Plan, AFollowUpIsAddedOncePerQuestionAfterTheLastId) {
  const model::Question parent = planned(2);
  model::FollowUp why{"You said \u201cx\u201d. Why?", "vague", "x", "", "Name a case."};
  const auto follow_up = follow_up_question(parent, why);
  EXPECT_EQ(follow_up.parent_id, 2);
  EXPECT_EQ(follow_up.hint, "Name a case.");
  const auto add = questions_added_by(parent, follow_up, std::nullopt, 0);
  std::vector<model::Question> current = {planned(1), planned(2), planned(3)};
  const auto added = add(current);
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].id, 4);
  current.push_back(added[0]);
  EXPECT_TRUE(add(current).empty()) << "a retried answer adds no second follow-up";
}

TEST(Plan, TheNextAdaptiveQuestionFollowsOnlyTheLastPlannedOneWithinTheLength) {
  const model::Question next = planned(0);
  const auto after_two = questions_added_by(planned(2), std::nullopt, next, 3);
  const auto added = after_two({planned(1), planned(2)});
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].id, 3);
  EXPECT_TRUE(after_two({planned(1), planned(2), planned(3)}).empty()) << "2 is no longer the last planned question";
  EXPECT_TRUE(questions_added_by(planned(3), std::nullopt, next, 3)({planned(1), planned(2), planned(3)}).empty())
      << "the session is at its length";
}

}  // namespace
}  // namespace prepbot::interview
