#pragma once
// Finds the bank questions nearest to a question that is not in the bank (asked
// by an LLM coach or typed by the user), by BM25 over stemmed content words.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "coach/offline/bank.hpp"

namespace prepbot::coach::offline {

struct Match {
  const BankQuestion* question = nullptr;
  double bm25 = 0;        // ranks the candidates
  double similarity = 0;  // 0..1: how much of the asked question (and of the bank one) the two share
  double bank_share = 0;  // 0..1: how much of the bank question (idf-weighted) was asked
  double rarest = 0;      // the idf of the rarest word the two share
  double unshared = 0;    // the idf of the rarest asked word the bank question lacks
};

class QuestionMatcher {
 public:
  explicit QuestionMatcher(const Bank& bank);

  // The best matches, best first, at most `limit`; `hidden` (a bank id) is never
  // returned, to grade a bank question as if it were not in the bank.
  std::vector<Match> nearest(std::string_view question, std::size_t limit = 3, std::string_view hidden = {}) const;

  // The best-ranked question when it is close enough to grade against its key
  // points: similar overall, and either much of the bank question was asked too
  // or the two share a rare word ("shortener") — a short question whose few
  // common words a long bank question contains is not it — and no rare word of the
  // asked question is missing from it ("discriminative model" is not "evaluative
  // research", however much else they share).
  const Match* close_enough(const std::vector<Match>& matches) const;

  static constexpr double kCloseEnough = 0.5;
  static constexpr double kBankShareEnough = 0.4;
  static constexpr double kRareWord = 5.5;

 private:
  double score(const std::vector<std::string>& query, std::size_t doc) const;
  // similarity, bank_share and rarest of the asked question and document `doc`.
  Match compare(const std::vector<std::string>& query, std::size_t doc) const;
  double idf(const std::string& stem) const;  // unknown words weigh as much as the rarest

  std::vector<const BankQuestion*> docs_;
  std::vector<std::unordered_map<std::string, int>> term_counts_;
  std::vector<double> lengths_;
  std::vector<double> weights_;  // each document's total idf
  std::unordered_map<std::string, double> idf_;
  std::unordered_map<std::string, std::vector<std::size_t>> postings_;
  double average_length_ = 1;
  double max_idf_ = 1;
};

}  // namespace prepbot::coach::offline
