// The grader against our labeled set (tests/data/graded_answers.json): answers
// whose human grades differ by 2 or more must be ordered correctly at least 90 %
// of the time, and every adversarial answer must score below its genuine twin.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "coach/offline/bank.hpp"
#include "coach/offline/grader.hpp"

namespace prepbot::coach::offline {
namespace {

using nlohmann::json;

json labeled_set() {
  std::ifstream file(std::string(PREPBOT_SOURCE_DIR) + "/tests/data/graded_answers.json");
  return json::parse(file);
}

// One number per answer, weighted the way the final report weighs the mode.
double overall(const BankQuestion& q, const model::Evaluation& e) {
  const auto& s = e.scores;
  return q.type == "technical" ? 0.5 * s.technical + 0.25 * s.communication + 0.25 * s.confidence
                               : 0.5 * s.communication + 0.3 * s.confidence + 0.2 * s.technical;
}

model::Evaluation grade_for(const BankQuestion& q, const std::string& answer) {
  static const Bank bank = Bank::load_embedded();
  static const Speller speller(bank);
  GradeInput input;
  input.speller = &speller;
  input.bank_question = &q;
  input.question = q.text;
  input.answer = answer;
  input.mode = q.type == "technical" ? model::Mode::technical : model::Mode::behavioral;
  return grade(input);
}

class LabeledSet : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { bank_ = new Bank(Bank::load_embedded()); }
  static void TearDownTestSuite() { delete bank_; }
  static const BankQuestion& question(const json& entry) {
    const BankQuestion* q = bank_->find(entry["bank_id"].get<std::string>());
    if (q == nullptr) throw std::runtime_error("unknown bank id " + entry["bank_id"].get<std::string>());
    return *q;
  }
  static inline Bank* bank_ = nullptr;
};

TEST_F(LabeledSet, OrdersAnswersOfClearlyDifferentQuality) {
  const json set = labeled_set();
  ASSERT_GE(set["questions"].size(), 30u);
  int pairs = 0, right = 0;
  for (const auto& entry : set["questions"]) {
    const BankQuestion& q = question(entry);
    std::vector<std::pair<int, double>> graded;  // human grade, our overall
    for (const auto& answer : entry["answers"])
      graded.emplace_back(answer["grade"].get<int>(), overall(q, grade_for(q, answer["text"])));
    for (std::size_t i = 0; i < graded.size(); ++i)
      for (std::size_t j = 0; j < graded.size(); ++j) {
        if (graded[i].first - graded[j].first < 2) continue;
        ++pairs;
        if (graded[i].second > graded[j].second) ++right;
        else
          std::printf("misordered %s: grade %d scored %.2f, grade %d scored %.2f\n", q.id.c_str(), graded[i].first,
                      graded[i].second, graded[j].first, graded[j].second);
      }
  }
  const double share = static_cast<double>(right) / static_cast<double>(pairs);
  std::printf("labeled set: %d of %d pairs ordered correctly (%.1f %%)\n", right, pairs, 100 * share);
  EXPECT_GE(share, 0.9);
}

TEST_F(LabeledSet, EveryGuardScoresTheBadAnswerBelowTheGoodOne) {
  const json set = labeled_set();
  std::map<std::string, std::pair<int, int>> by_guard;  // guard → (caught, total)
  for (const auto& pair : set["adversarial"]) {
    const BankQuestion& q = question(pair);
    const auto bad = grade_for(q, pair["bad"]);
    const auto good = grade_for(q, pair["good"]);
    auto& [caught, total] = by_guard[pair["guard"].get<std::string>()];
    ++total;
    if (overall(q, bad) < overall(q, good) && bad.scores.technical <= 3) ++caught;
    else
      std::printf("missed %s (%s): bad %.2f (technical %d) vs good %.2f\n", q.id.c_str(),
                  pair["guard"].get<std::string>().c_str(), overall(q, bad), bad.scores.technical, overall(q, good));
  }
  int caught_all = 0, total_all = 0;
  for (const auto& [guard, counts] : by_guard) {
    std::printf("guard %-16s %d/%d\n", guard.c_str(), counts.first, counts.second);
    EXPECT_GE(counts.first * 5, counts.second * 4) << guard << ": at least 80 % caught";
    caught_all += counts.first, total_all += counts.second;
  }
  EXPECT_GE(caught_all * 10, total_all * 9) << "at least 90 % of all adversarial answers caught";
  EXPECT_GE(by_guard.size(), 9u);
}

}  // namespace
}  // namespace prepbot::coach::offline
