#include "interview/review.hpp"

#include <gtest/gtest.h>

#include "model/json.hpp"

namespace prepbot::interview {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

sys_days day0() { return *parse_iso_day("2026-11-01"); }

model::Question question() {
  return {1, "What does a load balancer do?", "technical", "easy", "hint", "backend-007", {}, 0, ""};
}

model::Evaluation graded(int technical, std::vector<model::LinkedConcept> concepts = {}) {
  model::Evaluation evaluation;
  evaluation.scores = {technical, 6, 6};
  evaluation.evidence.concepts = std::move(concepts);
  return evaluation;
}

TEST(Review, QualityMapsTheTechnicalScoreOntoSm2sScale) {
  const int expected[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 5};  // scores 1..10
  for (int score = 1; score <= 10; ++score) EXPECT_EQ(review_quality(score), expected[score - 1]) << score;
  EXPECT_EQ(review_quality(0), 0);
  EXPECT_EQ(review_quality(11), 5);
}

// A month of practice of one question, each step worked out by hand from the
// formulas in review.hpp (SM-2's published parameters).
TEST(Review, AMonthOfPracticeFollowsSm2) {
  struct Step {
    int day, score;
    int interval, repetitions, lapses;
    double ease;
    const char* due;
  };
  const Step month[] = {
      {0, 3, 1, 0, 0, 1.96, "2026-11-02"},    // weak (q 1): the card is made, due tomorrow
      {1, 8, 1, 1, 0, 1.96, "2026-11-03"},    // q 4: first success, 1 day
      {2, 10, 6, 2, 0, 2.06, "2026-11-09"},   // q 5: second success, 6 days
      {8, 10, 12, 3, 0, 2.16, "2026-11-21"},  // q 5: 6 × 2.06 = 12.36 → 12 days
      {20, 4, 1, 0, 1, 1.84, "2026-11-22"},   // q 2: a lapse, back to 1 day
      {21, 7, 1, 1, 1, 1.70, "2026-11-23"},   // q 3
      {22, 7, 6, 2, 1, 1.56, "2026-11-29"},   // q 3
      {28, 7, 9, 3, 1, 1.42, "2026-12-08"},   // q 3: 6 × 1.56 = 9.36 → 9 days
  };
  std::vector<store::ReviewCard> cards;
  for (const auto& step : month) {
    const auto moved = cards_after_answer(cards, question(), graded(step.score), day0() + days(step.day), "t");
    ASSERT_EQ(moved.size(), 1u) << "day " << step.day;
    const auto& card = moved.front();
    EXPECT_EQ(card.key, "question:backend-007");
    EXPECT_EQ(card.interval_days, step.interval) << "day " << step.day;
    EXPECT_EQ(card.repetitions, step.repetitions) << "day " << step.day;
    EXPECT_EQ(card.lapses, step.lapses) << "day " << step.day;
    EXPECT_NEAR(card.ease, step.ease, 1e-9) << "day " << step.day;
    EXPECT_EQ(card.due, step.due) << "day " << step.day;
    EXPECT_EQ(card.last_score, step.score);
    cards = moved;
    // Due on its day and after, not before.
    const auto due = *parse_iso_day(card.due);
    EXPECT_TRUE(due_cards(cards, due - days(1)).empty());
    EXPECT_EQ(due_cards(cards, due).size(), 1u);
  }
}

TEST(Review, EaseNeverFallsBelowItsFloor) {
  store::ReviewCard card;
  for (int i = 0; i < 20; ++i) card = reviewed(card, 0, day0());
  EXPECT_DOUBLE_EQ(card.ease, kSm2.minimum_ease);
}

TEST(Review, OnlyAWeakAnswerMakesACardAndItsConceptsGetOneEach) {
  const std::vector<model::LinkedConcept> concepts = {{"load-balancing", "Load balancing"}, {"health-checks", "Health checks"}};
  EXPECT_TRUE(cards_after_answer({}, question(), graded(7, concepts), day0(), "t").empty()) << "a good answer makes none";
  const auto made = cards_after_answer({}, question(), graded(4, concepts), day0(), "t");
  ASSERT_EQ(made.size(), 3u);
  EXPECT_EQ(made[1].key, "concept:load-balancing");
  EXPECT_EQ(made[1].kind, "concept");
  EXPECT_EQ(made[1].label, "Load balancing");
  EXPECT_EQ(model::question_from_record(nlohmann::ordered_json::parse(made[1].question)).bank_id, "backend-007")
      << "a concept's card keeps the question to ask again";
  // A good answer later moves the cards it has.
  const auto moved = cards_after_answer(made, question(), graded(9, concepts), day0() + days(1), "t2");
  ASSERT_EQ(moved.size(), 3u);
  EXPECT_EQ(moved[0].repetitions, 1);
}

TEST(Review, AQuestionOutsideTheBankIsKnownByItsWords) {
  auto asked = question();
  asked.bank_id.clear();
  const std::string key = question_card_key(asked);
  EXPECT_EQ(key.rfind("question:", 0), 0u);
  EXPECT_EQ(key, question_card_key(asked));
  asked.text += "?";
  EXPECT_NE(key, question_card_key(asked));
}

TEST(Review, DueCardsComeMostOverdueFirstAndEachQuestionOnce) {
  const auto weak = cards_after_answer({}, question(), graded(2, {{"lb", "Load balancing"}}), day0(), "t");
  auto other_question = question();
  other_question.bank_id = "backend-001";
  other_question.text = "Another";
  auto cards = weak;
  auto older = cards_after_answer({}, other_question, graded(2), day0() - days(3), "t");
  cards.insert(cards.end(), older.begin(), older.end());
  const auto due = due_cards(cards, day0() + days(1));
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(due[0].key, "question:backend-001");
  const auto questions = questions_to_review(due, 10);
  ASSERT_EQ(questions.size(), 2u) << "the question's card and its concept's card ask it once";
  EXPECT_EQ(questions[0].bank_id, "backend-001");
  EXPECT_EQ(questions_to_review(due, 1).size(), 1u);
  EXPECT_EQ(questions_to_review(due, 10, model::Mode::technical).size(), 2u);
  EXPECT_TRUE(questions_to_review(due, 10, model::Mode::behavioral).empty()) << "a behavioral session asks behavioral ones only";
}

TEST(Review, DaysReadAndWriteAsIso) {
  EXPECT_EQ(iso_day(*parse_iso_day("2028-02-29")), "2028-02-29");
  EXPECT_EQ(iso_day(*parse_iso_day("2026-12-31T23:59:59.000000") + days(1)), "2027-01-01");
  EXPECT_FALSE(parse_iso_day("2026-02-30"));
  EXPECT_FALSE(parse_iso_day("2026-1-01"));
  EXPECT_FALSE(parse_iso_day("tomorrow"));
}

}  // namespace
}  // namespace prepbot::interview
