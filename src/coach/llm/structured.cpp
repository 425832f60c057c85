#include "coach/llm/structured.hpp"

#include <algorithm>
#include <cmath>

#include "util/text.hpp"

namespace prepbot::coach::llm {

using json = nlohmann::json;

namespace {

std::optional<json> parse_object(std::string_view text) {
  json value = json::parse(text, nullptr, false);
  if (value.is_object()) return value;
  return std::nullopt;
}

// The first balanced {…} in `text`, skipping braces inside strings.
std::optional<std::string_view> outermost_object(std::string_view text) {
  const auto start = text.find('{');
  if (start == std::string_view::npos) return std::nullopt;
  const std::string_view rest = text.substr(start);
  int depth = 0;
  const std::size_t end = util::scan_outside_json_strings(rest, [&](std::size_t i) {
    if (rest[i] == '{') ++depth;
    else if (rest[i] == '}') --depth;
    return depth > 0;
  });
  if (end == rest.size()) return std::nullopt;  // unbalanced: truncated output is not repaired
  return rest.substr(0, end + 1);
}

std::optional<int> score(const json& value) {
  if (!value.is_number()) return std::nullopt;
  const double number = value.get<double>();
  if (!std::isfinite(number) || number < 0 || number > 10.5) return std::nullopt;
  return std::clamp(static_cast<int>(std::lround(number)), 1, 10);
}

std::string string_or(const json& object, const char* key, const std::string& fallback = "") {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace

std::optional<json> extract_json(std::string_view text) {
  if (auto whole = parse_object(text)) return whole;
  if (const auto fence = text.find("```"); fence != std::string_view::npos) {
    auto inner = text.substr(fence + 3);
    if (const auto newline = inner.find('\n'); newline != std::string_view::npos) inner = inner.substr(newline + 1);
    if (const auto close = inner.find("```"); close != std::string_view::npos) inner = inner.substr(0, close);
    if (auto fenced = parse_object(inner)) return fenced;
  }
  if (const auto object = outermost_object(text))
    if (auto found = parse_object(*object)) return found;
  return std::nullopt;
}

std::optional<model::Evaluation> evaluation_from(const json& reply) {
  if (!reply.is_object() || !reply.contains("scores") || !reply["scores"].is_object()) return std::nullopt;
  const json& scores = reply["scores"];
  const auto technical = score(scores.value("technical", json()));
  const auto communication = score(scores.value("communication", json()));
  const auto confidence = score(scores.value("confidence", json()));
  if (!technical || !communication || !confidence) return std::nullopt;
  model::Evaluation evaluation;
  evaluation.scores = {*technical, *communication, *confidence};
  evaluation.feedback = string_or(reply, "feedback");
  if (evaluation.feedback.empty()) return std::nullopt;
  evaluation.examples_or_corrections = string_or(reply, "examples_or_corrections");
  if (const auto it = reply.find("resources"); it != reply.end() && it->is_array())
    for (const auto& resource : *it)
      if (resource.is_string() && !resource.get<std::string>().empty() && evaluation.resources.size() < 5)
        evaluation.resources.push_back(resource.get<std::string>());
  return evaluation;
}

std::optional<std::vector<model::Question>> questions_from(const json& reply, int count) {
  if (!reply.is_object() || !reply.contains("questions") || !reply["questions"].is_array()) return std::nullopt;
  std::vector<model::Question> questions;
  for (const auto& item : reply["questions"]) {
    if (!item.is_object()) continue;
    model::Question q;
    q.text = string_or(item, "question");
    if (q.text.size() < 10 || q.text.size() > 1000) continue;
    q.type = string_or(item, "type", "technical");
    if (q.type != "technical" && q.type != "behavioral") q.type = "technical";
    q.difficulty = string_or(item, "difficulty", "medium");
    if (q.difficulty != "easy" && q.difficulty != "medium" && q.difficulty != "hard") q.difficulty = "medium";
    q.hint = string_or(item, "hint");
    q.id = static_cast<int>(questions.size()) + 1;
    questions.push_back(std::move(q));
    if (static_cast<int>(questions.size()) == count) break;
  }
  if (static_cast<int>(questions.size()) < count) return std::nullopt;
  return questions;
}

const json& evaluation_schema() {
  static const json schema = json::parse(R"({
    "type": "object",
    "properties": {
      "scores": {"type": "object",
                 "properties": {"technical": {"type": "integer", "minimum": 1, "maximum": 10},
                                "communication": {"type": "integer", "minimum": 1, "maximum": 10},
                                "confidence": {"type": "integer", "minimum": 1, "maximum": 10}},
                 "required": ["technical", "communication", "confidence"], "additionalProperties": false},
      "feedback": {"type": "string"},
      "examples_or_corrections": {"type": "string"},
      "resources": {"type": "array", "items": {"type": "string"}}
    },
    "required": ["scores", "feedback", "examples_or_corrections", "resources"],
    "additionalProperties": false
  })");
  return schema;
}

const json& questions_schema() {
  static const json schema = json::parse(R"({
    "type": "object",
    "properties": {
      "questions": {"type": "array", "items": {
        "type": "object",
        "properties": {"question": {"type": "string"},
                       "type": {"type": "string", "enum": ["technical", "behavioral"]},
                       "difficulty": {"type": "string", "enum": ["easy", "medium", "hard"]},
                       "hint": {"type": "string"}},
        "required": ["question", "type", "difficulty", "hint"], "additionalProperties": false}}
    },
    "required": ["questions"],
    "additionalProperties": false
  })");
  return schema;
}

}  // namespace prepbot::coach::llm
