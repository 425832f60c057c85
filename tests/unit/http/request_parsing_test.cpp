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

// Every text field of every request, each with a base body that parses.
struct TextField {
  const char* request;  // "start", "answer" or "evaluate"
  const char* field;
  bool list = false;  // a list of strings (avoid_questions)
};

const std::vector<TextField> kTextFields = {
    {"start", "name"},  {"start", "role"},  {"start", "domain"}, {"start", "experience"},        {"start", "mode"},
    {"start", "difficulty"}, {"start", "focus"}, {"start", "coach"}, {"start", "avoid_questions", true},
    {"answer", "answer"}, {"evaluate", "question"}, {"evaluate", "answer"}, {"evaluate", "mode"},
    {"evaluate", "experience"}, {"evaluate", "role"}, {"evaluate", "coach"},
};

nlohmann::json base_body(std::string_view request) {
  if (request == "start") return {{"name", "Ada"}, {"role", "qa"}, {"experience", "junior"}, {"mode", "technical"}};
  if (request == "answer") return {{"question_id", 1}, {"answer", "An answer."}};
  return {{"question", "What is a cache?"}, {"answer", "A fast copy."}};
}

// The errors of parsing `body` as `request`; empty when it parses.
std::vector<FieldError> errors_parsing(std::string_view request, const std::string& body) {
  try {
    if (request == "start") parse_start_request(body);
    else if (request == "answer") parse_answer_request(body);
    else parse_evaluate_request(body);
  } catch (const ValidationError& error) {
    return error.errors;
  }
  return {};
}

std::string with_text(const TextField& field, const std::string& text) {
  auto body = base_body(field.request);
  body[field.field] = field.list ? nlohmann::json::array({text}) : nlohmann::json(text);
  return body.dump();
}

TEST(TextFields, ControlCharactersAreRefusedInEveryFieldNamingIt) {
  // C0 controls (NUL, bell, escape, backspace, form feed, vertical tab), DEL, C1 controls (NEL, CSI) and the seed's
  // terminal-escape name: text that would ring, recolour or rewrite a terminal or a log line.
  const std::vector<std::string> hostile = {std::string("a\0b", 3), "Bell\x07", "Esc\x1b[31mRed", "back\x08", "feed\x0c",
                                            "tab\x0bv", "del\x7f", "nel\xc2\x85", "csi\xc2\x9b" "31m", "Bell\x07 Esc\x1b[31mRed"};
  for (const auto& field : kTextFields) {
    for (const auto& text : hostile) {
      const auto errors = errors_parsing(field.request, with_text(field, text));
      ASSERT_EQ(errors.size(), 1u) << field.request << "." << field.field << " accepted " << nlohmann::json(text).dump();
      EXPECT_EQ(errors[0].loc, (std::vector<nlohmann::ordered_json>{"body", field.field}));
      EXPECT_EQ(errors[0].type, "string_pattern_mismatch");
      EXPECT_NE(errors[0].msg.find("control character"), std::string::npos) << errors[0].msg;
    }
  }
}

TEST(TextFields, TabsLineBreaksAndEveryScriptArePassedThrough) {
  EXPECT_TRUE(errors_parsing("answer", with_text({"answer", "answer"}, "First:\n\tcache\r\nThen: measure.")).empty());
  EXPECT_TRUE(errors_parsing("evaluate", with_text({"evaluate", "question"}, "Why?\nExplain.")).empty());
  // Accents, other scripts, emoji (with joiners and variation selectors), no-break and zero-width spaces, U+00A0..U+00FF.
  for (const std::string name : {"José Ñúñez", "李雷", "Дмитрий", "محمد", "👩🏽‍💻 Dev ❤️", "Zoë\u00a0O'Brien", "a\u200bb", "\u00a0\u00ff"}) {
    auto body = base_body("start");
    body["name"] = name;
    body["role"] = name;
    body["domain"] = name;
    EXPECT_EQ(parse_start_request(body.dump()).name, name);
  }
}

}  // namespace
}  // namespace prepbot::http
