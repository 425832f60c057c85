#pragma once
// How well the offline coach agrees with human grades, on labeled sets anyone
// can rerun (`prepbot validate`):
// - the out-of-bank set (tests/data/out_of_bank.json): questions kept out of the
//   bank, four graded answers each with expected scores per dimension, and
//   adversarial pairs by category. Odd-numbered items are the tuning half,
//   even-numbered ones the reporting half, never used to set a weight;
// - the out-of-bank tuning set (tests/data/out_of_bank_tuning.json): more of the
//   same, written later and independently of the grader, all of it for tuning;
// - the out-of-bank holdout set (tests/data/out_of_bank_holdout.json): more of the
//   same, written independently again with answer lengths that overlap across
//   grades (so length alone cannot rank them), reported only, never tuned on;
// - the in-bank set (tests/data/graded_answers.json): answers to bank questions,
//   graded as asked, and again with the question's own bank entry hidden
//   (leave-one-question-out).
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "coach/offline/offline_coach.hpp"

namespace prepbot::coach::offline {

enum class Split { tune, report, all };

struct AgreementFigures {
  std::size_t questions = 0, answers = 0;
  std::array<double, 3> spearman{};  // returned vs expected: technical, communication, confidence
  double spearman_mean = 0;
  double pairwise = 0;               // within-question pairs ordered as expected (mean of the 3 scores; a tie counts half)
  double length_spearman = 0;        // the same two figures for scoring by answer length, as a baseline
  double length_pairwise = 0;
  std::map<std::string, double> mean_by_grade;  // mean returned score (of the 3) by grade label
  std::vector<nlohmann::json> details;           // per answer: id, grade, expected, scores, evidence
};

struct AdversarialFigures {
  std::map<std::string, std::pair<int, int>> by_category;  // category → (passed, total)
  int passed = 0, total = 0;
  std::vector<std::string> failures;  // "id category: better x vs worse y"
  double share() const { return total ? static_cast<double>(passed) / total : 0; }
};

struct InBankFigures {
  int pairs = 0;
  double pairwise = 0;         // answers whose grades differ by 2 or more, ordered correctly
  int adversarial_total = 0;
  double adversarial = 0;      // bad answers scoring below their good twin, technical ≤ 3
  std::vector<std::string> failures;  // "bank-id: bad x (technical t) vs good y"
};

// Whether the item with this id ("oob-017", "adv-004") is in `split`.
bool in_split(std::string_view id, Split split);

// `phrasing_by_batch`, when given: each question graded with the phrasing model of its batch
// (batch_of its id) instead of the bank's.
AgreementFigures out_of_bank_agreement(const OfflineCoach& coach, const nlohmann::json& set, Split split,
                                       const std::map<std::string, PhrasingModel>* phrasing_by_batch = nullptr);
// The phrasing model trained on the examples of every batch of `set` but one, for each batch:
// graded with these, the set the bank's model was trained on shows how it does on answers it
// has not seen.
std::map<std::string, PhrasingModel> phrasing_left_out(const nlohmann::json& set);
// Each batch of `set` graded with the phrasing model trained without it (`held`) and with the
// bank's (`seen`), and the whole set graded batch by batch with those models held out.
struct LeftOutFigures {
  std::map<std::string, std::pair<AgreementFigures, AgreementFigures>> by_batch;  // batch → (held, seen)
  AgreementFigures all_held;
};
LeftOutFigures phrasing_left_out_agreement(const OfflineCoach& coach, const nlohmann::json& set);
AdversarialFigures out_of_bank_adversarial(const OfflineCoach& coach, const nlohmann::json& set, Split split);
// `hide_own`: grade each question as if its bank entry were not in the bank.
InBankFigures in_bank_agreement(const OfflineCoach& coach, const Bank& bank, const nlohmann::json& set, bool hide_own);

// Wrong claims the coach finds in wording known to be right: each bank question's model
// answer, and its key points with the corrections of its misconceptions, graded against the
// question, and each concept's true claims and the corrections of its wrong claims graded as
// an answer about the concept. Every finding is a pattern, claim term or contrast that would cost a
// correct answer marks: "where: wrong claim 'X' in “quote”".
std::vector<std::string> wrong_claims_in_true_wording(const OfflineCoach& coach, const Bank& bank);

// The labeled sets built into the binary (tests/data/*.json), by file name.
nlohmann::json builtin_labeled_set(std::string_view file_name);

}  // namespace prepbot::coach::offline
