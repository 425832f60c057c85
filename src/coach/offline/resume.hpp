#pragma once
// The candidate's résumé, read for what the offline coach can quote back: its
// lines (bullets and sentences), each with the knowledge-base concepts it names
// and whether it tells of something the candidate did ("Led the migration of …").
// Questions then open with the candidate's own words: a technical question with
// the line that names its subject, a behavioral one with a line that tells a story.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coach/offline/bank.hpp"

namespace prepbot::coach::offline {

struct ResumeLine {
  std::string text;                   // as written, bullet marks trimmed, at most kMaxQuotedChars characters
  std::vector<std::size_t> concepts;  // concepts it names clearly
  bool story = false;                 // opens with something the candidate did
  bool used = false;                  // quoted in this session already
};

inline constexpr std::size_t kMaxQuotedChars = 160;
inline constexpr std::size_t kSpecificConcepts = 3;  // a question's concepts a résumé line may name to be quoted

std::vector<ResumeLine> read_resume(const KnowledgeBase& knowledge, std::string_view text);

// Whether `line` names one of the question's kSpecificConcepts most specific concepts:
// the question is about something the résumé says.
bool names_subject(const BankQuestion& question, const ResumeLine& line);

// An unused line for `question`, marked used: for a technical question the first
// that names one of its kSpecificConcepts most specific concepts, for a
// behavioral one a story (one that names no technology first); nullopt when none fits.
std::optional<std::string> quote_for(const BankQuestion& question, std::vector<ResumeLine>& lines);

}  // namespace prepbot::coach::offline
