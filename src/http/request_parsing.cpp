#include "http/request_parsing.hpp"

#include <charconv>
#include <cmath>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "http/errors.hpp"
#include "model/levels.hpp"
#include "util/text.hpp"

namespace prepbot::http {

using json = nlohmann::ordered_json;

namespace {

constexpr int kMaxNesting = 32;

// Deepest [ or { nesting outside strings; bounds the parser's work on hostile input.
int nesting_depth(std::string_view body) {
  int depth = 0, deepest = 0;
  util::scan_outside_json_strings(body, [&](std::size_t i) {
    if (body[i] == '[' || body[i] == '{') deepest = std::max(deepest, ++depth);
    else if (body[i] == ']' || body[i] == '}') --depth;
    return true;
  });
  return deepest;
}

[[noreturn]] void fail_body(const char* type, std::string message) { throw ValidationError({{{"body"}, std::move(message), type}}); }

}  // namespace

json parse_json_document(const std::string& body, std::size_t max_bytes) {
  if (body.size() > max_bytes) throw PayloadTooLarge(fmt::format("Request body is larger than {} KiB", max_bytes / 1024));
  if (!util::is_valid_utf8(body)) fail_body("json_invalid", "JSON decode error: the body is not valid UTF-8");
  if (nesting_depth(body) > kMaxNesting) fail_body("json_invalid", "JSON decode error: nested too deeply");
  json document;
  try {
    document = json::parse(body);
  } catch (const json::parse_error& error) {
    throw ValidationError({{{"body", static_cast<std::int64_t>(error.byte)}, "JSON decode error", "json_invalid"}});
  } catch (const json::exception&) {  // e.g. a number too large for a double (1e999)
    fail_body("json_invalid", "JSON decode error: a value is out of range");
  }
  if (!document.is_object())
    fail_body("model_attributes_type", "Input should be a valid dictionary or object to extract fields from");
  return document;
}

namespace {

constexpr const char* kControlCharacterMessage =
    "String should not contain control characters (tab, line feed and carriage return are allowed)";

// Reads fields of one JSON object (a body, or a query's parameters as strings),
// collecting a FieldError for each problem.
class BodyReader {
 public:
  // The parameters of a query, already decoded; problems are reported at ["query", name].
  BodyReader(json fields, const char* location) : location_(location), body_(std::move(fields)) {}

  explicit BodyReader(const std::string& body) : body_(parse_json_document(body, kMaxBodyBytes)) {}

  // Whether the body holds `key` with a value (not null).
  bool has(const char* key) const {
    const auto it = body_.find(key);
    return it != body_.end() && !it->is_null();
  }

  // A string field; nullopt when absent or null (reported when required).
  std::optional<std::string> text(const char* key, bool required, std::size_t min_chars, std::size_t max_chars) {
    const json* value = find(key, required);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) return add(key, "Input should be a valid string", "string_type");
    std::string out = value->get<std::string>();
    const std::size_t length = util::utf8_length(out);
    if (util::has_control_character(out)) return add(key, kControlCharacterMessage, "string_pattern_mismatch");
    if (length < min_chars)
      return add(key, fmt::format("String should have at least {} character{}", min_chars, min_chars == 1 ? "" : "s"),
                 "string_too_short");
    if (length > max_chars) return add(key, fmt::format("String should have at most {} characters", max_chars), "string_too_long");
    return out;
  }

  // An integer field; like Pydantic's lax mode it accepts 3, 3.0 and "3".
  std::optional<int> integer(const char* key, bool required, int min, int max) {
    const json* value = find(key, required);
    if (value == nullptr) return std::nullopt;
    std::optional<long long> number;
    if (value->is_number_integer()) {
      number = value->is_number_unsigned() && value->get<unsigned long long>() > (1ULL << 62)
                   ? std::optional<long long>(1LL << 62)
                   : value->get<long long>();
    } else if (value->is_number_float()) {
      const double d = value->get<double>();
      if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 1e15) number = static_cast<long long>(d);
      else return add(key, "Input should be a valid integer, got a number with a fractional part", "int_from_float");
    } else if (value->is_string()) {
      const std::string text(util::trim(value->get<std::string>()));
      long long parsed = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
      if (text.empty() || error != std::errc{} || end != text.data() + text.size())
        return add(key, "Input should be a valid integer, unable to parse string as an integer", "int_parsing");
      number = parsed;
    } else {
      return add(key, "Input should be a valid integer", "int_type");
    }
    if (*number < min) return add(key, fmt::format("Input should be greater than or equal to {}", min), "greater_than_equal");
    if (*number > max) return add(key, fmt::format("Input should be less than or equal to {}", max), "less_than_equal");
    return static_cast<int>(*number);
  }

  // A boolean field; like Pydantic's lax mode it accepts true/false, 1/0 and "true"/"false".
  std::optional<bool> boolean(const char* key) {
    const json* value = find(key, false);
    if (value == nullptr) return std::nullopt;
    if (value->is_boolean()) return value->get<bool>();
    if (value->is_number_integer() && (value->get<long long>() == 0 || value->get<long long>() == 1)) return value->get<long long>() == 1;
    if (value->is_string()) {
      const std::string word = util::to_lower_ascii(util::trim(value->get<std::string>()));
      if (word == "true" || word == "yes" || word == "on" || word == "1") return true;
      if (word == "false" || word == "no" || word == "off" || word == "0") return false;
    }
    return add(key, "Input should be a valid boolean", "bool_type");
  }

  // A list of short strings.
  std::vector<std::string> strings(const char* key, std::size_t max_items, std::size_t max_chars) {
    const json* value = find(key, false);
    if (value == nullptr) return {};
    if (!value->is_array() || value->size() > max_items) {
      add(key, fmt::format("Input should be a list of at most {} strings", max_items), "list_type");
      return {};
    }
    std::vector<std::string> out;
    for (const auto& item : *value) {
      if (!item.is_string() || util::utf8_length(item.get<std::string>()) > max_chars) {
        add(key, fmt::format("Input should be a list of strings of at most {} characters", max_chars), "string_type");
        return {};
      }
      if (util::has_control_character(item.get_ref<const std::string&>())) {
        add(key, kControlCharacterMessage, "string_pattern_mismatch");
        return {};
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  std::nullopt_t add(const char* key, const std::string& msg, const char* type) {
    errors_.push_back({{location_, key}, msg, type});
    return std::nullopt;
  }

  void finish() const {
    if (!errors_.empty()) throw ValidationError(errors_);
  }

 private:

  const json* find(const char* key, bool required) {
    const auto it = body_.find(key);
    if (it == body_.end() || it->is_null()) {
      if (required) add(key, "Field required", "missing");
      return nullptr;
    }
    return &*it;
  }

  const char* location_ = "body";
  json body_;
  std::vector<FieldError> errors_;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "a=1&b=x%20y+z" → {"a": "1", "b": "x y z"}: percent-decoded, '+' as a space, the
// first of a repeated name kept; a bad escape or invalid UTF-8 is 422.
json query_fields(std::string_view query) {
  json fields = json::object();
  for (const std::string_view pair : util::split(query, '&')) {
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    std::string decoded[2];
    const std::string_view parts[2] = {pair.substr(0, equals),
                                       equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1)};
    for (int p = 0; p < 2; ++p) {
      for (std::size_t i = 0; i < parts[p].size(); ++i) {
        const char c = parts[p][i];
        if (c == '+') {
          decoded[p] += ' ';
        } else if (c != '%') {
          decoded[p] += c;
        } else if (i + 2 < parts[p].size() && hex_value(parts[p][i + 1]) >= 0 && hex_value(parts[p][i + 2]) >= 0) {
          decoded[p] += static_cast<char>(hex_value(parts[p][i + 1]) * 16 + hex_value(parts[p][i + 2]));
          i += 2;
        } else {
          throw ValidationError({{{"query"}, "Query string has a malformed percent escape", "url_parsing"}});
        }
      }
      if (!util::is_valid_utf8(decoded[p]))
        throw ValidationError({{{"query"}, "Query string is not valid UTF-8", "url_parsing"}});
    }
    if (!fields.contains(decoded[0])) fields[decoded[0]] = decoded[1];
  }
  return fields;
}

void read_experience(BodyReader& reader, bool required, model::Level& out) {
  if (const auto experience = reader.text("experience", required, 1, 40)) {
    if (const auto level = model::parse_level(*experience)) out = *level;
    else
      reader.add("experience",
                 "Input should be '0-1 years', '1-3 years', '3-5 years' or '5+ years' (or intern, junior, mid, senior)",
                 "literal_error");
  }
}

void read_mode(BodyReader& reader, bool required, model::Mode& out) {
  if (const auto mode = reader.text("mode", required, 1, 40)) {
    if (const auto parsed = model::parse_mode(*mode)) out = *parsed;
    else reader.add("mode", "Input should be 'technical', 'behavioral' or 'mixed'", "literal_error");
  }
}

// The optional "scoring": "standard" (the default) or "content" (the fair scoring mode).
void read_scoring(BodyReader& reader, model::Scoring& out) {
  if (const auto scoring = reader.text("scoring", false, 0, 20)) {
    if (util::trim(*scoring).empty()) return;
    if (const auto parsed = model::parse_scoring(*scoring)) out = *parsed;
    else reader.add("scoring", "Input should be 'standard' or 'content'", "literal_error");
  }
}

// The optional "coach": a name, compared in lower case; blank is the same as absent.
std::optional<std::string> read_coach(BodyReader& reader) {
  const auto coach = reader.text("coach", false, 0, 20);
  if (!coach) return std::nullopt;
  std::string name = util::to_lower_ascii(util::trim(*coach));
  if (name.empty()) return std::nullopt;
  return name;
}

// What grading a question on its own takes: question, answer (unless it is spoken), mode, experience, role, coach, scoring.
void read_evaluate_fields(BodyReader& reader, interview::EvaluateInput& input, bool typed) {
  const auto question = reader.text("question", true, 1, kMaxQuestionChars);
  const auto answer = typed ? reader.text("answer", true, 0, kMaxAnswerChars) : std::nullopt;
  read_mode(reader, false, input.mode);
  read_experience(reader, false, input.experience);
  const auto role = reader.text("role", false, 0, kMaxNameChars);
  input.coach = read_coach(reader);
  read_scoring(reader, input.scoring);
  reader.finish();
  input.question = *question;
  if (answer) input.answer = *answer;
  input.role = role.value_or("");
}

}  // namespace

bool is_json_media_type(std::string_view content_type) {
  const auto parts = util::split(content_type, ';');
  const std::string type = util::to_lower_ascii(util::trim(parts.front()));
  const bool is_json = type == "application/json" || (type.starts_with("application/") && type.ends_with("+json") &&
                                                      type.size() > std::string_view("application/+json").size());
  if (!is_json) return false;
  // JSON is UTF-8 (RFC 8259); a body declared in another charset would be misread.
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const auto equals = parts[i].find('=');
    if (equals == std::string_view::npos || util::to_lower_ascii(util::trim(parts[i].substr(0, equals))) != "charset") continue;
    std::string_view charset = util::trim(parts[i].substr(equals + 1));
    if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') charset = charset.substr(1, charset.size() - 2);
    if (const std::string name = util::to_lower_ascii(charset); name != "utf-8" && name != "utf8") return false;
  }
  return true;
}

interview::StartInput parse_start_request(const std::string& body) {
  BodyReader reader(body);
  interview::StartInput input;
  const auto name = reader.text("name", true, 1, kMaxNameChars);
  // A job posting may stand in for the role and the experience: it names both.
  if (const auto posting = reader.text("job_description", false, 0, kMaxPostingChars)) input.job_description = *posting;
  if (const auto resume = reader.text("resume", false, 0, kMaxPostingChars)) input.resume = *resume;
  const bool has_posting = !util::trim(input.job_description).empty();
  const auto role = reader.text("role", !has_posting, has_posting ? 0 : 1, kMaxNameChars);
  const auto domain = reader.text("domain", false, 0, kMaxNameChars);
  // Without "experience", a title that states its seniority ("Senior …", "… II") gives the level.
  const auto title_level = role ? model::parse_job_title(*role).level : std::nullopt;
  if (title_level) input.experience = *title_level;
  input.experience_given = reader.has("experience") || title_level || !has_posting;
  read_experience(reader, !title_level && !has_posting, input.experience);
  read_mode(reader, true, input.mode);
  input.num_questions = reader.integer("num_questions", false, 1, kMaxQuestions).value_or(5);
  if (const auto difficulty = reader.text("difficulty", false, 0, 20)) {
    const std::string key = util::to_lower_ascii(util::trim(*difficulty));
    if (key == "easy" || key == "medium" || key == "hard") input.difficulty = key;
    else if (!key.empty() && key != "mixed" && key != "any")
      reader.add("difficulty", "Input should be 'easy', 'medium', 'hard' or 'mixed'", "literal_error");
  }
  input.avoid_questions = reader.strings("avoid_questions", 500, 64);
  if (const auto focus = reader.text("focus", false, 0, 40)) input.focus = util::to_lower_ascii(util::trim(*focus));
  input.coach = read_coach(reader);
  read_scoring(reader, input.scoring);
  input.follow_ups = reader.boolean("follow_ups").value_or(true);
  input.adaptive = reader.boolean("adaptive").value_or(false);
  input.review = reader.boolean("review").value_or(false);
  reader.finish();
  input.name = std::string(util::trim(*name));
  input.role = role ? std::string(util::trim(*role)) : std::string();
  if (input.name.empty()) reader.add("name", "String should have at least 1 character", "string_too_short");
  if (input.role.empty() && !has_posting) reader.add("role", "String should have at least 1 character", "string_too_short");
  reader.finish();
  if (domain && !util::trim(*domain).empty()) input.domain = std::string(util::trim(*domain));
  return input;
}

interview::AnswerInput parse_answer_request(const std::string& body) {
  BodyReader reader(body);
  const auto question_id = reader.integer("question_id", true, 0, 1'000'000);
  const auto answer = reader.text("answer", true, 0, kMaxAnswerChars);
  reader.finish();
  return {*question_id, *answer};
}

NoteInput parse_note_request(const std::string& body) {
  BodyReader reader(body);
  const auto question_id = reader.integer("question_id", true, 1, 1'000'000);
  const auto note = reader.text("note", true, 1, interview::kMaxNoteChars);
  reader.finish();
  return {*question_id, *note};
}

SpokenAnswerQuery parse_spoken_answer_query(std::string_view query) {
  BodyReader reader(query_fields(query), "query");
  const auto question_id = reader.integer("question_id", true, 0, 1'000'000);
  auto transcript = reader.text("transcript", false, 0, kMaxAnswerChars);
  reader.finish();
  return {*question_id, std::move(transcript)};
}

SpokenEvaluateQuery parse_spoken_evaluate_query(std::string_view query) {
  BodyReader reader(query_fields(query), "query");
  SpokenEvaluateQuery out;
  out.transcript = reader.text("transcript", false, 0, kMaxAnswerChars);
  read_evaluate_fields(reader, out.input, false);
  return out;
}

interview::EvaluateInput parse_evaluate_request(const std::string& body) {
  BodyReader reader(body);
  interview::EvaluateInput input;
  read_evaluate_fields(reader, input, true);
  return input;
}

}  // namespace prepbot::http

