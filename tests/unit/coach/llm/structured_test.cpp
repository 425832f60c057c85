#include "coach/llm/structured.hpp"

#include <gtest/gtest.h>

namespace prepbot::coach::llm {
namespace {

TEST(ExtractJson, FindsTheObjectInFencesAndProse) {
  EXPECT_EQ((*extract_json(R"({"a":1})"))["a"], 1);
  EXPECT_EQ((*extract_json("```json\n{\"a\":2}\n```"))["a"], 2);
  EXPECT_EQ((*extract_json("Sure! Here it is: {\"a\":3, \"s\":\"} not the end {\"} Hope it helps."))["a"], 3);
  EXPECT_FALSE(extract_json("{\"a\": [1, 2"));  // truncated: not repaired
  EXPECT_FALSE(extract_json("no json here"));
  EXPECT_FALSE(extract_json("[1,2,3]"));
}

TEST(EvaluationFrom, ClampsNearMissesAndRejectsNonsense) {
  auto reply = nlohmann::json::parse(R"({"scores":{"technical":10.4,"communication":0.3,"confidence":7},
                                         "feedback":"ok","resources":["A — https://a", 3]})");
  const auto evaluation = evaluation_from(reply);
  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->scores.technical, 10);
  EXPECT_EQ(evaluation->scores.communication, 1);
  EXPECT_EQ(evaluation->resources.size(), 1u);
  EXPECT_EQ(evaluation->examples_or_corrections, "") << "a missing field is filled";
  reply["scores"]["technical"] = 85;
  EXPECT_FALSE(evaluation_from(reply)) << "85 is no 1-10 score";
  reply["scores"]["technical"] = "7";
  EXPECT_FALSE(evaluation_from(reply));
  reply["scores"]["technical"] = 7;
  reply["feedback"] = "";
  EXPECT_FALSE(evaluation_from(reply)) << "feedback is required";
}

TEST(QuestionsFrom, NeedsEnoughUsableQuestions) {
  auto reply = nlohmann::json::parse(R"({"questions":[{"question":"How does TLS work?","type":"odd","difficulty":"x"},
                                                      {"question":"Tell me about a conflict.","type":"behavioral"}]})");
  const auto questions = questions_from(reply, 2);
  ASSERT_TRUE(questions);
  EXPECT_EQ((*questions)[0].type, "technical") << "an unknown type is technical";
  EXPECT_EQ((*questions)[0].difficulty, "medium");
  EXPECT_EQ((*questions)[1].id, 2);
  EXPECT_FALSE(questions_from(reply, 3));
}

}  // namespace
}  // namespace prepbot::coach::llm
