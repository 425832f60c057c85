#pragma once
// The offline grader: scores an answer on technical content, communication and
// confidence (1-10) from evidence it can show — key points covered and missed,
// misconceptions stated, STAR parts, fillers and hedges — and writes feedback
// that quotes the answer's own words.
#include <string_view>

#include "coach/offline/bank.hpp"
#include "coach/offline/speller.hpp"
#include "model/model.hpp"

namespace prepbot::coach::offline {

struct GradeInput {
  const BankQuestion* bank_question = nullptr;  // null: a question not in the bank
  std::string_view question;
  std::string_view answer;
  model::Mode mode = model::Mode::technical;
  model::Level level = model::Level::entry;
  const Speller* speller = nullptr;  // null: spelling is not checked
};

model::Evaluation grade(const GradeInput& input);

}  // namespace prepbot::coach::offline
