#pragma once
// The offline grader: scores an answer on technical content, communication and
// confidence (1-10) from evidence it can show — key points and concepts' claims
// stated, wrong claims made or true ones denied, how relevant the answer is,
// STAR parts, fillers and hedges — and writes feedback that quotes the answer's
// own words. It runs guards → measurements → scores → feedback.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "coach/offline/bank.hpp"
#include "coach/offline/phrasing.hpp"
#include "coach/offline/speller.hpp"
#include "model/model.hpp"

namespace prepbot::coach::offline {

struct GradeInput {
  const BankQuestion* bank_question = nullptr;  // null: a question not in the bank
  // For a question not in the bank: the nearest bank questions, though not close
  // enough to grade against; their subject tells what a relevant answer talks about.
  std::vector<const BankQuestion*> related;
  std::string_view question;
  std::string_view answer;
  model::Mode mode = model::Mode::technical;
  model::Level level = model::Level::entry;
  const Speller* speller = nullptr;  // null: spelling is not checked
  const KnowledgeBase* knowledge = nullptr;  // null: only the bank question's key points are checked
  // The bank `knowledge` belongs to: a question from outside it is offered the resources
  // of the bank questions about the concept it names. Null: none are offered.
  const Bank* library = nullptr;
  // The field's word stems (Bank::field_stems); null, or too few to judge by: not measured.
  const std::unordered_set<std::string>* field = nullptr;
  // How a confidently wrong answer reads (Bank::phrasing); null or untrained, or the fair
  // scoring mode: not read.
  const PhrasingModel* phrasing = nullptr;
  // content (the fair scoring mode): filler words and hedges are taken out and
  // misspelled words replaced by the speller's suggestion before grading, and
  // delivery (spelling, fillers, hedges, sentence length, reading ease) neither
  // lowers nor raises a score nor appears in the feedback.
  model::Scoring scoring = model::Scoring::standard;
};

model::Evaluation grade(const GradeInput& input);

}  // namespace prepbot::coach::offline
