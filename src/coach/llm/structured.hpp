#pragma once
// Turning an LLM's text into checked values: JSON recovered from code fences or
// prose, then validated field by field. Anything that does not validate is
// rejected (and the caller falls back to the offline coach).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/model.hpp"

namespace prepbot::coach::llm {

// The JSON object in `text`: the whole text, the inside of a ``` fence, or the
// outermost {…} found by a string-aware scan. nullopt when there is none.
std::optional<nlohmann::json> extract_json(std::string_view text);

// Scores must be numbers in 0–10.5 (rounded and clamped to 1–10); feedback must
// be a non-empty string; the rest is filled when missing. nullopt otherwise.
std::optional<model::Evaluation> evaluation_from(const nlohmann::json& reply);

// At least `count` questions with text; type and difficulty filled when missing.
std::optional<std::vector<model::Question>> questions_from(const nlohmann::json& reply, int count);

// The JSON Schemas sent with each request.
const nlohmann::json& evaluation_schema();
const nlohmann::json& questions_schema();

}  // namespace prepbot::coach::llm
