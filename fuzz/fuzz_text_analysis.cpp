// The text analyzer and the grader on arbitrary answers: no crash, no
// undefined behaviour, scores always 1-10.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "coach/offline/bank.hpp"
#include "coach/offline/grader.hpp"
#include "coach/offline/text.hpp"

using namespace prepbot::coach::offline;

namespace {
// Loaded once before the first input: the whole embedded bank under ASan takes
// longer than the per-input timeout, which is meant for one answer's grading.
const Bank* bank_ptr = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const Bank bank = Bank::load_embedded();
  bank_ptr = &bank;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Bank& bank = *bank_ptr;
  const std::string answer(reinterpret_cast<const char*>(data), size);
  const AnalyzedText text = analyze(answer);
  for (std::size_t i = 0; i < text.tokens.size(); i += 7) (void)text.quote(i, 40);
  (void)find_phrase(text, stem_phrase("b-tree index"));
  (void)find_phrase(text, stem_phrase("b-tree index"), 2, Polarity::negated);
  const BankQuestion& question = bank.questions()[size % bank.questions().size()];
  GradeInput input;
  input.bank_question = size % 2 ? &question : nullptr;
  input.question = question.text;
  input.answer = answer;
  input.knowledge = &bank.knowledge();  // claims, denials and relevance on arbitrary text
  input.field = &bank.field_stems();    // the share of field words, misspelled ones left out
  input.phrasing = &bank.phrasing();    // the phrasing model's sequences of arbitrary bytes
  if (size % 3 == 0) input.related = {&bank.questions()[(size / 3) % bank.questions().size()]};
  const auto evaluation = grade(input);
  for (int score : {evaluation.scores.technical, evaluation.scores.communication, evaluation.scores.confidence})
    if (score < 1 || score > 10) std::abort();
  return 0;
}
