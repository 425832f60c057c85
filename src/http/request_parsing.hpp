#pragma once
// Request bodies → typed inputs, with FastAPI-shaped validation errors: every
// problem of the body is reported at once (422), and nothing invalid gets past.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "interview/service.hpp"

namespace prepbot::http {

// Limits of the API's inputs (characters are Unicode code points).
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
inline constexpr std::size_t kMaxNameChars = 100;  // name, role, domain
using interview::kMaxAnswerChars;
inline constexpr std::size_t kMaxPostingChars = 20'000;  // a job posting or a résumé
inline constexpr std::size_t kMaxQuestionChars = 1'000;
inline constexpr int kMaxQuestions = 20;

// Whether a Content-Type header declares JSON: application/json or application/*+json,
// any letter case, with parameters, but no charset other than UTF-8.
bool is_json_media_type(std::string_view content_type);

inline constexpr std::size_t kMaxImportBytes = 32u << 20;  // a profile's JSON export, imported

// A JSON object body of at most `max_bytes`: 413 above, 422 (FastAPI's shape) when
// it is not UTF-8, not JSON, nested deeper than 32, or not an object.
nlohmann::ordered_json parse_json_document(const std::string& body, std::size_t max_bytes);

// Text fields refuse control characters but tab, line feed and carriage return (422).
// Each throws ValidationError (422) or PayloadTooLarge (413).
interview::StartInput parse_start_request(const std::string& body);
interview::AnswerInput parse_answer_request(const std::string& body);
interview::EvaluateInput parse_evaluate_request(const std::string& body);

// A mentor's note: {question_id, note} (1 to 2,000 characters).
struct NoteInput {
  int question_id = 0;
  std::string note;
};
NoteInput parse_note_request(const std::string& body);

// The query strings of the spoken-answer routes (the body is the recording):
// `question_id` and, when the browser transcribed the answer itself, `transcript`;
// the stateless twin takes the evaluate request's fields but the answer.
struct SpokenAnswerQuery {
  int question_id = 0;
  std::optional<std::string> transcript;
};
struct SpokenEvaluateQuery {
  interview::EvaluateInput input;
  std::optional<std::string> transcript;
};
SpokenAnswerQuery parse_spoken_answer_query(std::string_view query);
SpokenEvaluateQuery parse_spoken_evaluate_query(std::string_view query);

}  // namespace prepbot::http
