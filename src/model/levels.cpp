#include "model/levels.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <utility>

#include "util/text.hpp"

namespace prepbot::model {

std::string_view to_string(Mode mode) {
  switch (mode) {
    case Mode::technical: return "technical";
    case Mode::behavioral: return "behavioral";
    case Mode::mixed: return "mixed";
  }
  return "technical";
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::entry: return "0-1 years";
    case Level::junior: return "1-3 years";
    case Level::mid: return "3-5 years";
    case Level::senior: return "5+ years";
  }
  return "0-1 years";
}

std::string_view level_key(Level level) {
  switch (level) {
    case Level::entry: return "entry";
    case Level::junior: return "junior";
    case Level::mid: return "mid";
    case Level::senior: return "senior";
  }
  return "entry";
}

std::string_view to_string(Status status) { return status == Status::completed ? "completed" : "ongoing"; }

std::optional<Mode> parse_mode(std::string_view text) {
  const std::string key = util::to_lower_ascii(util::trim(text));
  if (key == "technical") return Mode::technical;
  if (key == "behavioral" || key == "behavioural") return Mode::behavioral;
  if (key == "mixed") return Mode::mixed;
  return std::nullopt;
}

std::string_view to_string(Scoring scoring) { return scoring == Scoring::content ? "content" : "standard"; }

std::optional<Scoring> parse_scoring(std::string_view text) {
  const std::string key = util::to_lower_ascii(util::trim(text));
  if (key == "standard") return Scoring::standard;
  if (key == "content") return Scoring::content;
  return std::nullopt;
}

std::optional<Status> parse_status(std::string_view text) {
  if (text == "ongoing") return Status::ongoing;
  if (text == "completed") return Status::completed;
  return std::nullopt;
}

namespace {

// "2", "2 years", "2+ yrs", "10 years" → the level that contains that many years.
std::optional<Level> level_from_years(std::string_view key) {
  int years = 0;
  const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), years);
  if (error != std::errc{} || years < 0) return std::nullopt;
  std::string_view rest = util::trim(std::string_view(end, static_cast<std::size_t>(key.data() + key.size() - end)));
  if (!rest.empty() && rest.front() == '+') rest = util::trim(rest.substr(1));
  if (!rest.empty() && rest != "year" && rest != "years" && rest != "yr" && rest != "yrs" && rest != "y")
    return std::nullopt;
  if (years < 1) return Level::entry;
  if (years < 3) return Level::junior;
  if (years < 5) return Level::mid;
  return Level::senior;
}

}  // namespace

std::optional<Level> parse_level(std::string_view text) {
  std::string key = util::to_lower_ascii(util::trim(text));
  for (char& c : key)
    if (c == '_' || c == '\t') c = ' ';
  static const std::array<std::pair<std::string_view, Level>, 40> aliases{{
      {"0-1 years", Level::entry},      {"0-1 year", Level::entry},        {"0-1", Level::entry},
      {"0 - 1 years", Level::entry},    {"<1 year", Level::entry},         {"entry", Level::entry},
      {"entry level", Level::entry},    {"entry-level", Level::entry},     {"intern", Level::entry},
      {"internship", Level::entry},     {"graduate", Level::entry},        {"new grad", Level::entry},
      {"fresher", Level::entry},        {"student", Level::entry},         {"beginner", Level::entry},
      {"1-3 years", Level::junior},     {"1-3", Level::junior},            {"1 - 3 years", Level::junior},
      {"junior", Level::junior},        {"jr", Level::junior},             {"associate", Level::junior},
      {"3-5 years", Level::mid},        {"3-5", Level::mid},               {"3 - 5 years", Level::mid},
      {"mid", Level::mid},              {"mid-level", Level::mid},         {"mid level", Level::mid},
      {"middle", Level::mid},           {"intermediate", Level::mid},      {"5+ years", Level::senior},
      {"5+", Level::senior},            {"5 + years", Level::senior},      {"senior", Level::senior},
      {"sr", Level::senior},            {"lead", Level::senior},           {"staff", Level::senior},
      {"principal", Level::senior},     {"expert", Level::senior},         {"advanced", Level::senior},
      {"experienced", Level::senior},
  }};
  for (const auto& [alias, level] : aliases)
    if (key == alias) return level;
  return level_from_years(key);
}

JobTitle parse_job_title(std::string_view title) {
  static const std::array<std::pair<std::string_view, Level>, 26> kSeniority{{
      {"intern", Level::entry},    {"internship", Level::entry}, {"trainee", Level::entry},   {"graduate", Level::entry},
      {"grad", Level::entry},      {"entry", Level::entry},      {"apprentice", Level::entry}, {"junior", Level::junior},
      {"jr", Level::junior},       {"associate", Level::junior}, {"i", Level::junior},        {"1", Level::junior},
      {"ii", Level::mid},          {"2", Level::mid},            {"mid", Level::mid},         {"intermediate", Level::mid},
      {"senior", Level::senior},   {"sr", Level::senior},        {"lead", Level::senior},     {"staff", Level::senior},
      {"principal", Level::senior}, {"iii", Level::senior},      {"iv", Level::senior},       {"3", Level::senior},
      {"distinguished", Level::senior}, {"level", Level::mid},
  }};
  std::string lowered = util::to_lower_ascii(util::trim(title));
  for (char& c : lowered)
    if (c == ',' || c == '/' || c == '(' || c == ')' || c == '-' || c == '_' || c == '|' || c == ':' || c == '\t') c = ' ';
  JobTitle out;
  for (auto word : util::split(lowered, ' ')) {
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);  // "jr." → "jr"
    if (word.empty()) continue;
    const auto seniority = std::find_if(kSeniority.begin(), kSeniority.end(), [&](const auto& entry) { return entry.first == word; });
    if (seniority != kSeniority.end()) {
      if (word != "level" && (!out.level || seniority->second > *out.level)) out.level = seniority->second;
      continue;
    }
    out.role += (out.role.empty() ? "" : " ") + std::string(word);
  }
  return out;
}

}  // namespace prepbot::model
