#pragma once
// How a confidently wrong answer reads. An answer that is wrong but sure of itself tends
// to let its phrasing carry the claim ("honestly", "that's really", "simply", "modern",
// "you don't need") where a right one shows a mechanism, a number or a trade-off, and it
// does so whatever the subject. The phrasing model is a logistic regression over an
// answer's one- and two-word sequences (punctuation included), trained on the labeled
// tuning answers built into the binary (tests/data/out_of_bank_tuning.json: the "poor"
// answers, nearly all confidently wrong, against the others). Only sequences found in at
// least half of the set's batches — written by different authors about different questions
// — are learned, so no subject's own vocabulary is, and none holding a word that gives a
// reason or a condition ("because", "when"). It knows nothing about what is true: the
// grader weighs it beside the knowledge base's claims, and `prepbot validate` reports it
// trained with each batch left out and graded on that batch.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace prepbot::coach::offline {

struct PhrasingExample {
  std::string text;
  bool confidently_wrong = false;
  std::string batch;  // answers written together share their phrasing beyond the subject: "oobt"
};

class PhrasingModel {
 public:
  // An untrained model, which reads nothing (probability 0): that of a bank Bank::parse is given.
  PhrasingModel() = default;
  static PhrasingModel train(const std::vector<PhrasingExample>& examples);
  // Trained on the labeled tuning set built into the binary.
  static PhrasingModel builtin();

  bool trained() const { return !weights_.empty(); }

  struct Reading {
    double probability = 0;            // that the answer reads like a confidently wrong one
    // The sequences that weigh most toward it and hold a word besides stopwords, at most three.
    std::vector<std::string> phrases;
  };
  Reading read(std::string_view answer) const;

 private:
  friend struct SnapshotFields;
  std::unordered_map<std::string, double> weights_;
  double bias_ = 0;
};

// The answers of a labeled out-of-bank set ({"questions": [{"id", "answers": [{"grade",
// "text"}]}]}); an answer graded "poor" is confidently wrong, its batch the prefix of its
// question's id ("oobt-007" → "oobt").
std::vector<PhrasingExample> phrasing_examples(const nlohmann::json& set);
// The batch of a labeled question id: "oobt-007" → "oobt".
std::string batch_of(std::string_view question_id);

}  // namespace prepbot::coach::offline
