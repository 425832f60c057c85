#pragma once
// Spelling check for the communication score: Hunspell's en_US dictionary plus
// every word of the question bank and the knowledge base (so "kubernetes" or
// "idempotent" count as words); short words without a vowel are acronyms.
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "coach/offline/bank.hpp"
#include "coach/offline/text.hpp"

namespace prepbot::coach::offline {

class Speller {
 public:
  // Without the dictionary files (Debian's hunspell-en-us) the speller is off
  // and finds nothing misspelled. It reads the bank's vocabulary: `bank` must
  // outlive it.
  explicit Speller(const Bank& bank, std::string dictionary = "/usr/share/hunspell/en_US");
  Speller(const Bank&& bank, std::string dictionary = {}) = delete;  // a temporary bank would not outlive it

  bool enabled() const { return enabled_; }
  // Distinct lowercase words of the answer that are neither in the dictionary nor in the bank.
  std::vector<std::string> misspelled(const AnalyzedText& answer) const;
  // Hunspell's first suggestion for a misspelled word, or nothing (none, or the speller is off).
  std::optional<std::string> suggestion(const std::string& word) const;

 private:
  std::string dictionary_;
  bool enabled_ = false;
  const std::unordered_set<std::string>& vocabulary_;  // the bank's
};

}  // namespace prepbot::coach::offline
