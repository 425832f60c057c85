#include "coach/offline/follow_up.hpp"

#include <gtest/gtest.h>

#include "coach/offline/grading_fixture.hpp"

namespace prepbot::coach::offline {
namespace {

class FollowUpTest : public testing::GradingTest {
 protected:
  model::Evaluation grade_story(const std::string& answer) {
    return grade_outside("Tell me about a time you improved the performance of something.", answer, model::Mode::behavioral);
  }
};

const char* kComplete =
    "An index is a sorted structure, usually a B-tree, that lets the database find rows without a full scan. "
    "For example, adding an index on orders.user_id took a lookup from 900 ms to 2 ms. The trade-off is write "
    "overhead, because every insert and update must maintain the index, and extra disk space. I always check the "
    "query plan with EXPLAIN ANALYZE before and after, and I remove indexes that no query uses.";

TEST_F(FollowUpTest, ACompleteAnswerGetsNone) {
  const auto evaluation = grade_answer(kComplete);
  EXPECT_TRUE(evaluation.evidence.key_points_missed.empty());
  EXPECT_FALSE(evaluation.follow_up.has_value()) << evaluation.follow_up->question;
}

TEST_F(FollowUpTest, AnAnswerMissingAKeyPointIsAskedAboutItInItsOwnWords) {
  const std::string answer =
      "An index is a sorted structure like a B-tree. It lets the database find the rows for a user id quickly "
      "instead of reading the whole table, for example when we look up orders by customer.";
  const auto evaluation = grade_answer(answer);
  ASSERT_TRUE(evaluation.follow_up.has_value());
  const auto& f = *evaluation.follow_up;
  EXPECT_EQ(f.reason, "missed_key_point");
  ASSERT_FALSE(evaluation.evidence.key_points_missed.empty());
  EXPECT_EQ(f.target, evaluation.evidence.key_points_missed.front());
  EXPECT_NE(answer.find(f.quote), std::string::npos) << "cites the answer's own words: " << f.quote;
  EXPECT_NE(f.question.find("You said \u201c" + f.quote + "\u201d"), std::string::npos) << f.question;
  EXPECT_NE(f.question.find("slow down writes"), std::string::npos) << "names the gap: " << f.question;
  EXPECT_EQ(f.question.back(), '?');
}

TEST_F(FollowUpTest, AWrongClaimIsQuotedAndQuestionedFirst) {
  const auto evaluation = grade_answer(std::string(kComplete) + " In short, more indexes are always faster.");
  ASSERT_TRUE(evaluation.follow_up.has_value());
  EXPECT_EQ(evaluation.follow_up->reason, "wrong_claim");
  EXPECT_NE(evaluation.follow_up->quote.find("more indexes are always faster"), std::string::npos);
  EXPECT_NE(evaluation.follow_up->hint.find(evaluation.evidence.misconceptions.front().correction), std::string::npos)
      << "the hint corrects the claim rather than repeating it";
}

TEST_F(FollowUpTest, AStoryWithoutAnOutcomeIsAskedHowItEnded) {
  const auto evaluation = grade_story(
      "At my previous job our checkout page was slow and customers complained. I was responsible for fixing it "
      "before the holiday sale. I profiled the page, found three uncached calls and I set up a cache with a short "
      "expiry, then I ran a load test with the team.");
  ASSERT_FALSE(evaluation.evidence.star.result);
  ASSERT_TRUE(evaluation.follow_up.has_value());
  EXPECT_EQ(evaluation.follow_up->reason, "star");
  EXPECT_EQ(evaluation.follow_up->target, "result");
  EXPECT_NE(evaluation.follow_up->question.find("How did it end?"), std::string::npos);
}

TEST_F(FollowUpTest, GuardedAndOffTopicAnswersAreAskedAgainNotFollowedUp) {
  EXPECT_FALSE(grade_answer("asdf qwer zxcv").follow_up.has_value());
  EXPECT_FALSE(grade_answer("Last weekend we went camping by the lake, cooked dinner over a fire and watched the stars "
                            "at night, and on Sunday we hiked up the hill behind the camp site before driving home.")
                   .follow_up.has_value());
}

TEST(FollowUp, AVagueAnswerOutsideTheBankIsAskedForSpecifics) {
  const AnalyzedText answer = analyze("It depends on the situation. I would look at the options and pick a good one.");
  model::Evidence evidence;
  evidence.graded = true;
  const auto f = follow_up({answer, evidence, {3, 4, 4}, false, false});
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->reason, "vague");
  EXPECT_NE(f->question.find("concrete"), std::string::npos);
}

}  // namespace
}  // namespace prepbot::coach::offline
