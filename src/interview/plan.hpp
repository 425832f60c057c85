#pragma once
// How a session's questions grow while it runs: a follow-up after an answer
// that leaves a gap (at most one per planned question, never on a follow-up),
// and, in an adaptive session, each next planned question chosen after the last
// answer: harder after a strong one, easier after a weak one.
#include <optional>
#include <string>

#include "model/model.hpp"
#include "store/session_store.hpp"

namespace prepbot::interview {

// Technical scores at or above `kHarderFrom` raise the next question's difficulty
// one step (easy → medium → hard); at or below `kEasierFrom` lower it.
inline constexpr int kHarderFrom = 7;
inline constexpr int kEasierFrom = 4;
// Where an adaptive session starts when the request names no difficulty.
inline constexpr const char* kAdaptiveStart = "medium";

std::string next_difficulty(const std::string& current, int technical);

// The type of an adaptive session's next planned question: a mixed session alternates, starting technical.
model::Mode next_mode(model::Mode session_mode, int planned_so_far);

// The session question that asks `follow_up` after `parent` (its id set when added).
model::Question follow_up_question(const model::Question& parent, const model::FollowUp& follow_up);

// What an answer to `answered` adds to the session's stored questions: the
// follow-up, unless that question has one already; the adaptive `next`
// question, while `answered` is the last planned question and fewer than
// `planned` are planned. Ids follow the last question's.
store::AddQuestions questions_added_by(const model::Question& answered, std::optional<model::Question> follow_up,
                                       std::optional<model::Question> next, int planned);

}  // namespace prepbot::interview
