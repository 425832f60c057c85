#pragma once
// Names of modes, levels and statuses, as the API spells them, and the aliases
// people type for experience levels ("junior", "senior", "2 years", …).
#include <optional>
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace prepbot::model {

std::string_view to_string(Mode mode);
std::string_view to_string(Level level);  // "0-1 years", "1-3 years", "3-5 years", "5+ years"
std::string_view to_string(Status status);
std::string_view to_string(Scoring scoring);  // "standard", "content"
std::string_view level_key(Level level);  // "entry", "junior", "mid", "senior" (the bank's names)

std::optional<Mode> parse_mode(std::string_view text);
// Accepts the seed's four labels and common aliases, case-insensitively.
std::optional<Level> parse_level(std::string_view text);
std::optional<Status> parse_status(std::string_view text);
std::optional<Scoring> parse_scoring(std::string_view text);

// A job title split into the role and the seniority it states: "Sr. Backend
// Engineer II" → {"backend engineer", senior}. Lowercase; punctuation between
// words becomes a space; seniority words (senior, sr, lead, staff, principal,
// junior, jr, intern, associate, entry-level, ii, iii, …) are taken out.
struct JobTitle {
  std::string role;
  std::optional<Level> level;
};
JobTitle parse_job_title(std::string_view title);

}  // namespace prepbot::model
