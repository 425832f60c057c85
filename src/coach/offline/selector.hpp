#pragma once
// Picks a session's questions from the bank.
#include <random>
#include <vector>

#include "coach/coach.hpp"
#include "coach/offline/bank.hpp"
#include "coach/offline/posting.hpp"
#include "coach/offline/resume.hpp"

namespace prepbot::coach::offline {

struct Selection {
  std::vector<const BankQuestion*> questions;
  const Family* family = nullptr;
  bool exact_role = false;  // the role named the family (or one of its aliases) exactly
  PostingProfile posting;   // what the job posting asks for (empty without one)
  std::optional<model::Level> level;  // the posting's level, used when the request gave none
  std::vector<ResumeLine> resume;     // the résumé's lines worth quoting (empty without one)
};

// The posting's skills a bank question targets (the concepts both name), by name.
std::vector<std::string> targeted_skills(const BankQuestion& question, const PostingProfile& posting);

// Chooses `request.count` distinct questions for the role's family: technical
// mode asks the family's technical questions, behavioral mode behavioral ones
// (the shared competency set and the family's own), mixed mode alternates the
// two. Questions that suit the level, the domain and the wanted difficulty (or,
// with none given, the level's usual difficulties) come first; questions in
// `avoid_ids` come last; ties are broken at random with `random`. With a job
// posting, questions on the skills it names come first (technical ones from any
// family), the family is the posting's when the role does not name one exactly,
// and its seniority sets the level when the request gave none. With a résumé,
// a technical question whose subject one of its lines names counts as much as one
// skill of the posting, so the session can open with the candidate's own words.
Selection select_questions(const Bank& bank, const QuestionRequest& request, std::mt19937_64& random);

}  // namespace prepbot::coach::offline
