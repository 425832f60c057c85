#include "coach/offline/matcher.hpp"

#include <gtest/gtest.h>

namespace prepbot::coach::offline {
namespace {

class MatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bank_ = new Bank(Bank::load_embedded());
    matcher_ = new QuestionMatcher(*bank_);
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete bank_;
  }
  static const Match* best(const std::string& question) {
    static std::vector<Match> last;
    last = matcher_->nearest(question);
    return matcher_->close_enough(last);
  }
  static inline Bank* bank_ = nullptr;
  static inline QuestionMatcher* matcher_ = nullptr;
};

TEST_F(MatcherTest, ABankQuestionMatchesItself) {
  for (std::size_t i = 0; i < bank_->questions().size(); i += 7) {
    const auto& q = bank_->questions()[i];
    const Match* match = best(q.text);
    ASSERT_NE(match, nullptr) << q.text;
    EXPECT_EQ(match->question->id, q.id) << q.text;
    EXPECT_GE(match->similarity, 0.8) << q.text;
  }
}

TEST_F(MatcherTest, AQuestionWhoseRareWordTheBankQuestionLacksIsNotIt) {
  // Shares "difference between generative and", but asks about models, not research.
  const auto matches = matcher_->nearest("Explain the difference between generative and discriminative models. Give an example of each.");
  ASSERT_FALSE(matches.empty());
  EXPECT_GE(matches.front().unshared, QuestionMatcher::kRareWord);
  EXPECT_EQ(matcher_->close_enough(matches), nullptr) << matches.front().question->text;
}

TEST_F(MatcherTest, AParaphraseMatchesTheSameTopic) {
  const Match* match = best("Describe how you would design a URL shortener.");
  ASSERT_NE(match, nullptr);
  EXPECT_NE(match->question->text.find("URL shortener"), std::string::npos);
  match = best("What is the difference between a process and a thread?");
  ASSERT_NE(match, nullptr);
  EXPECT_NE(match->question->text.find("process and a thread"), std::string::npos);
}

TEST_F(MatcherTest, AnUnrelatedQuestionIsNotCloseEnough) {
  EXPECT_EQ(best("What is the difference between a sonnet and a haiku?"), nullptr) << "sharing 'difference' is not enough";
  EXPECT_EQ(best("When would you add an index to a table, and when would you not?"), nullptr)
      << "a short question whose common words a long bank question holds is not that question";
  EXPECT_EQ(best("How does garbage collection work in Java?"), nullptr);
  EXPECT_EQ(best("Who won the football world cup in 1998?"), nullptr);
  EXPECT_TRUE(matcher_->nearest("zzzz qqqq").empty());
}

}  // namespace
}  // namespace prepbot::coach::offline
