#include "interview/plan.hpp"

#include <algorithm>
#include <array>

namespace prepbot::interview {

namespace {

constexpr std::array<const char*, 3> kDifficulties = {"easy", "medium", "hard"};

}  // namespace

std::string next_difficulty(const std::string& current, int technical) {
  const auto found = std::find(kDifficulties.begin(), kDifficulties.end(), current);
  int step = found == kDifficulties.end() ? 1 : static_cast<int>(found - kDifficulties.begin());
  if (technical >= kHarderFrom) ++step;
  else if (technical <= kEasierFrom) --step;
  return kDifficulties[static_cast<std::size_t>(std::clamp(step, 0, 2))];
}

model::Mode next_mode(model::Mode session_mode, int planned_so_far) {
  if (session_mode != model::Mode::mixed) return session_mode;
  return planned_so_far % 2 == 0 ? model::Mode::technical : model::Mode::behavioral;
}

model::Question follow_up_question(const model::Question& parent, const model::FollowUp& follow_up) {
  model::Question question;
  question.text = follow_up.question;
  question.type = parent.type;
  question.difficulty = parent.difficulty;
  question.hint = follow_up.hint;
  question.targets = parent.targets;
  question.parent_id = parent.id;
  question.topic = parent.topic;
  return question;
}

store::AddQuestions questions_added_by(const model::Question& answered, std::optional<model::Question> follow_up,
                                       std::optional<model::Question> next, int planned) {
  return [answered_id = answered.id, follow_up = std::move(follow_up), next = std::move(next),
          planned](const std::vector<model::Question>& current) {
    std::vector<model::Question> added;
    int next_id = 0, planned_so_far = 0, last_planned = 0;
    bool followed_up = false;
    for (const auto& q : current) {
      next_id = std::max(next_id, q.id);
      if (q.parent_id == 0) ++planned_so_far, last_planned = q.id;
      followed_up = followed_up || q.parent_id == answered_id;
    }
    if (follow_up && !followed_up) {
      added.push_back(*follow_up);
      added.back().id = ++next_id;
    }
    if (next && last_planned == answered_id && planned_so_far < planned) {
      added.push_back(*next);
      added.back().id = ++next_id;
      added.back().parent_id = 0;
    }
    return added;
  };
}

}  // namespace prepbot::interview
