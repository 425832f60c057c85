#include "http/request_parsing.hpp"

#include <gtest/gtest.h>

#include "http/errors.hpp"

namespace prepbot::http {
namespace {

std::vector<FieldError> errors_of(const std::string& body) {
  try {
    parse_start_request(body);
  } catch (const ValidationError& error) {
    return error.errors;
  }
  return {};
}

TEST(StartRequest, ATitleThatStatesItsSeniorityGivesTheLevelWhenExperienceIsAbsent) {
  EXPECT_EQ(parse_start_request(R"({"name":"Ada","role":"Sr. Data Engineer","mode":"technical"})").experience,
            model::Level::senior);
  EXPECT_EQ(parse_start_request(R"({"name":"Ada","role":"Jr. Recruiter","mode":"technical","focus":" Conflict "})").focus,
            "conflict");
  EXPECT_EQ(parse_start_request(R"({"name":"Ada","role":"Senior Nurse","experience":"0-1 years","mode":"mixed"})").experience,
            model::Level::entry)
      << "an explicit experience wins";
  const auto errors = errors_of(R"({"name":"Ada","role":"Data Engineer","mode":"technical"})");
  ASSERT_EQ(errors.size(), 1u) << "no seniority in the title: experience is still required";
}

TEST(StartRequest, ParsesTheSeedsFieldsAndExtensions) {
  const auto input = parse_start_request(
      R"({"name":" Ada ","role":"ML engineer","domain":"","experience":"senior","mode":"mixed","num_questions":"7","difficulty":"hard","avoid_questions":["backend-001"]})");
  EXPECT_EQ(input.name, "Ada");
  EXPECT_EQ(input.role, "ML engineer");
  EXPECT_FALSE(input.domain) << "an empty domain means none";
  EXPECT_EQ(input.experience, model::Level::senior);
  EXPECT_EQ(input.mode, model::Mode::mixed);
  EXPECT_EQ(input.num_questions, 7);
  EXPECT_EQ(input.difficulty, "hard");
  EXPECT_EQ(input.avoid_questions, std::vector<std::string>{"backend-001"});
}

TEST(StartRequest, ReportsEveryProblemAtOnce) {
  const auto errors = errors_of(R"({"name": 1, "mode": "x"})");
  ASSERT_EQ(errors.size(), 4u);  // name type, role missing, experience missing, mode literal
  EXPECT_EQ(errors[0].type, "string_type");
  EXPECT_EQ(errors[1].type, "missing");
}

TEST(StartRequest, RejectsBrokenJsonWithItsOffset) {
  const auto errors = errors_of("{\"name\": ");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].type, "json_invalid");
  EXPECT_EQ(errors[0].loc.size(), 2u);
}

TEST(StartRequest, ANumberTooLargeForADoubleIsInvalidJsonNotACrash) {
  const auto errors = errors_of(R"({"name": 1e999})");  // was a 500: the parser's out_of_range escaped
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].type, "json_invalid");
}

TEST(StartRequest, RejectsDeepNestingInvalidUtf8AndOversizedBodies) {
  EXPECT_EQ(errors_of(std::string(100, '[') + std::string(100, ']'))[0].type, "json_invalid");
  EXPECT_EQ(errors_of("{\"name\":\"\xc3\x28\"}")[0].type, "json_invalid");
  EXPECT_THROW(parse_start_request(std::string(kMaxBodyBytes + 1, ' ')), PayloadTooLarge);
}

TEST(AnswerRequest, AcceptsIntegersTheWayPydanticDoes) {
  EXPECT_EQ(parse_answer_request(R"({"question_id": 3, "answer": "a"})").question_id, 3);
  EXPECT_EQ(parse_answer_request(R"({"question_id": 3.0, "answer": "a"})").question_id, 3);
  EXPECT_EQ(parse_answer_request(R"({"question_id": " 3 ", "answer": "a"})").question_id, 3);
  EXPECT_THROW(parse_answer_request(R"({"question_id": 3.5, "answer": "a"})"), ValidationError);
  EXPECT_THROW(parse_answer_request(R"({"question_id": true, "answer": "a"})"), ValidationError);
  EXPECT_THROW(parse_answer_request(R"({"question_id": 1e300, "answer": "a"})"), ValidationError);
  EXPECT_THROW(parse_answer_request(R"({"question_id": 99999999999999999999, "answer": "a"})"), ValidationError);
}

}  // namespace
}  // namespace prepbot::http
