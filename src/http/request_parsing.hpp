#pragma once
// Request bodies → typed inputs, with FastAPI-shaped validation errors: every
// problem of the body is reported at once (422), and nothing invalid gets past.
#include <string>
#include <string_view>

#include "interview/service.hpp"

namespace prepbot::http {

// Limits of the API's inputs (characters are Unicode code points).
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
inline constexpr std::size_t kMaxNameChars = 100;  // name, role, domain
inline constexpr std::size_t kMaxAnswerChars = 10'000;
inline constexpr std::size_t kMaxPostingChars = 20'000;  // a job posting or a résumé
inline constexpr std::size_t kMaxQuestionChars = 1'000;
inline constexpr int kMaxQuestions = 20;

// Whether a Content-Type header declares JSON: application/json or application/*+json,
// any letter case, with parameters, but no charset other than UTF-8.
bool is_json_media_type(std::string_view content_type);

// Text fields refuse control characters but tab, line feed and carriage return (422).
// Each throws ValidationError (422) or PayloadTooLarge (413).
interview::StartInput parse_start_request(const std::string& body);
interview::AnswerInput parse_answer_request(const std::string& body);
interview::EvaluateInput parse_evaluate_request(const std::string& body);

}  // namespace prepbot::http
