#pragma once
// Follow-up questions: what an interviewer would ask after an answer that leaves
// a gap. It cites the answer's own words and probes, in this order: a wrong claim
// the answer made, the part of a STAR story it left out (behavioral), the most
// important key point it missed, or, for a question outside the bank, a vague
// answer. A complete, correct answer gets none.
#include <optional>

#include "coach/offline/text.hpp"
#include "model/model.hpp"

namespace prepbot::coach::offline {

struct FollowUpInput {
  const AnalyzedText& answer;      // as graded
  const model::Evidence& evidence; // the grader's measurements
  model::Scores scores;
  bool behavioral = false;
  bool off_topic = false;  // a non-answer is asked again, not followed up
};

// Technical scores above this leave nothing worth a follow-up on missed key points or vagueness.
inline constexpr int kFollowUpBelowTechnical = 8;

std::optional<model::FollowUp> follow_up(const FollowUpInput& input);

}  // namespace prepbot::coach::offline
