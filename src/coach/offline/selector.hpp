#pragma once
// Picks a session's questions from the bank.
#include <random>
#include <vector>

#include "coach/coach.hpp"
#include "coach/offline/bank.hpp"

namespace prepbot::coach::offline {

struct Selection {
  std::vector<const BankQuestion*> questions;
  const Family* family = nullptr;
  bool exact_role = false;  // the role named the family (or one of its aliases) exactly
};

// Chooses `request.count` distinct questions for the role's family: technical
// mode asks the family's technical questions, behavioral mode behavioral ones
// (the shared competency set and the family's own), mixed mode alternates the
// two. Questions that suit the level, the domain and the wanted difficulty (or,
// with none given, the level's usual difficulties) come first; questions in
// `avoid_ids` come last; ties are broken at random with `random`.
Selection select_questions(const Bank& bank, const QuestionRequest& request, std::mt19937_64& random);

}  // namespace prepbot::coach::offline
