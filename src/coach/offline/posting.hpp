#pragma once
// What a job posting asks for, read against the knowledge base and the bank:
// the skills it names (knowledge-base concepts, strongest first), the role
// family it belongs to and the seniority it states. Question selection leans
// on it, and each question says which of the posting's skills it targets.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coach/offline/bank.hpp"
#include "model/model.hpp"

namespace prepbot::coach::offline {

struct PostingSkill {
  std::size_t concept_index = 0;  // into KnowledgeBase::concepts()
  std::string name;
  double weight = 0;  // how clearly and how often the posting names it
};

struct PostingProfile {
  std::vector<PostingSkill> skills;     // at most kMaxPostingSkills, strongest first
  const Family* family = nullptr;       // the family the posting reads as; null when it says too little
  std::optional<model::Level> level;    // the seniority it states ("Senior", "5+ years"), if any
};

inline constexpr std::size_t kMaxPostingSkills = 12;

// Reads a posting (free text, any length). Its first line is taken as the job
// title when it reads like one.
PostingProfile read_posting(const Bank& bank, std::string_view text);

}  // namespace prepbot::coach::offline
