#include "coach/offline/phrasing.hpp"

#include <gtest/gtest.h>

namespace prepbot::coach::offline {
namespace {

// Four batches, each about its own subject: the confidently wrong answers lean on "honestly"
// and "that's really", and on "because"; the right ones show a number and a trade-off. Each
// batch also has a subject word of its own.
std::vector<PhrasingExample> examples() {
  std::vector<PhrasingExample> out;
  const char* subjects[] = {"caching", "indexes", "queues", "payroll"};
  for (const char* subject : subjects) {
    const std::string batch = std::string("b-") + subject;
    for (int i = 0; i < 3; ++i) {
      out.push_back({std::string("Honestly, ") + subject + " is simple; that's really all there is, because it just works.", true, batch});
      out.push_back({std::string("We measured ") + subject + " at 40 ms, but the trade-off is memory, because it grows.", false, batch});
    }
  }
  return out;
}

TEST(Phrasing, AnAnswerPhrasedLikeTheConfidentlyWrongOnesReadsAsOne) {
  const PhrasingModel model = PhrasingModel::train(examples());
  ASSERT_TRUE(model.trained());
  const auto wrong = model.read("Honestly, a load balancer is simple; that's really all there is.");
  const auto right = model.read("We measured the load balancer at 40 ms, but the trade-off is cost.");
  EXPECT_GT(wrong.probability, 0.5);
  EXPECT_LT(right.probability, 0.5);
  // The most telling sequences, none holding another ("really" and "that's really" are one).
  ASSERT_FALSE(wrong.phrases.empty());
  EXPECT_LE(wrong.phrases.size(), 3u);
  for (std::size_t i = 0; i < wrong.phrases.size(); ++i)
    for (std::size_t j = i + 1; j < wrong.phrases.size(); ++j)
      EXPECT_EQ(wrong.phrases[i].find(wrong.phrases[j]), std::string::npos) << wrong.phrases[i] << " / " << wrong.phrases[j];
  EXPECT_TRUE(right.phrases.empty() || right.probability < 0.5);
}

TEST(Phrasing, OnlyPhrasesWithAWordBesidesStopwordsAreShown) {
  std::vector<PhrasingExample> set;
  for (const char* batch : {"a", "b", "c", "d"})
    for (int i = 0; i < 3; ++i) {
      set.push_back({"It is to the point. Honestly.", true, batch});
      set.push_back({"We measured forty milliseconds.", false, batch});
    }
  const auto reading = PhrasingModel::train(set).read("It is to the point. Honestly.");
  EXPECT_GT(reading.probability, 0.5);
  EXPECT_FALSE(reading.phrases.empty());
  for (const auto& phrase : reading.phrases)
    EXPECT_TRUE(phrase.find("honestly") != std::string::npos || phrase.find("point") != std::string::npos) << phrase;
}

TEST(Phrasing, OnlySequencesOfHalfTheBatchesOrMoreAreLearned) {
  auto set = examples();
  // A word only one batch's wrong answers use is that batch's subject, not phrasing.
  for (auto& example : set)
    if (example.batch == "b-caching" && example.confidently_wrong) example.text += " Zygomorphic.";
  const PhrasingModel model = PhrasingModel::train(set);
  EXPECT_DOUBLE_EQ(model.read("zygomorphic").probability, model.read("").probability);
  EXPECT_GT(model.read("honestly").probability, model.read("").probability);
}

TEST(Phrasing, GivingAReasonIsNeverReadAgainstAnAnswer) {
  // "because" is in every wrong answer and every right one; "since" and "when" too, in the wrong ones only.
  auto set = examples();
  for (auto& example : set)
    if (example.confidently_wrong) example.text += " Since when, so why?";
  const PhrasingModel model = PhrasingModel::train(set);
  const double nothing = model.read("").probability;
  for (const char* reason : {"because", "since", "when", "so", "why", "Because since when"})
    EXPECT_DOUBLE_EQ(model.read(reason).probability, nothing) << reason;
}

TEST(Phrasing, TheSameExamplesTrainTheSameModel) {
  const std::string answer = "Honestly, that's really the whole story, we measured nothing.";
  EXPECT_DOUBLE_EQ(PhrasingModel::train(examples()).read(answer).probability,
                   PhrasingModel::train(examples()).read(answer).probability);
}

TEST(Phrasing, AnUntrainedModelReadsNothing) {
  const PhrasingModel model;
  EXPECT_FALSE(model.trained());
  const auto reading = model.read("Honestly, that's really all there is.");
  EXPECT_EQ(reading.probability, 0);
  EXPECT_TRUE(reading.phrases.empty());
}

TEST(Phrasing, TypographicApostrophesAndCapitalsReadAsPlainOnes) {
  const PhrasingModel model = PhrasingModel::train(examples());
  EXPECT_DOUBLE_EQ(model.read("HONESTLY, THAT\u2019S REALLY IT").probability, model.read("honestly, that's really it").probability);
}

TEST(Phrasing, TheBuiltInModelIsTrainedOnTheLabeledTuningSet) {
  const PhrasingModel model = PhrasingModel::builtin();
  EXPECT_TRUE(model.trained());
}

TEST(Phrasing, ExamplesComeFromALabeledSetWithTheirBatch) {
  const nlohmann::json set = {{"questions",
                               {{{"id", "oobt-007"},
                                 {"answers", {{{"grade", "poor"}, {"text", "a"}}, {{"grade", "excellent"}, {"text", "b"}}}}}}}};
  const auto found = phrasing_examples(set);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].confidently_wrong);
  EXPECT_FALSE(found[1].confidently_wrong);
  EXPECT_EQ(found[0].batch, "oobt");
  EXPECT_EQ(batch_of("oob-017"), "oob");
  EXPECT_EQ(batch_of("plain"), "plain");
}

}  // namespace
}  // namespace prepbot::coach::offline
