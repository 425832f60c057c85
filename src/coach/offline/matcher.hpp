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
};

class QuestionMatcher {
 public:
  explicit QuestionMatcher(const Bank& bank);

  // The best matches, best first, at most `limit`.
  std::vector<Match> nearest(std::string_view question, std::size_t limit = 3) const;

  // The best-ranked question when it is close enough to grade against its key points.
  const Match* close_enough(const std::vector<Match>& matches) const;

  static constexpr double kCloseEnough = 0.5;

 private:
  double score(const std::vector<std::string>& query, std::size_t doc) const;
  double similarity(const std::vector<std::string>& query, std::size_t doc) const;
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
