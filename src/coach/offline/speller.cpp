#include "coach/offline/speller.hpp"

#include <hunspell.h>

#include <filesystem>
#include <memory>
#include <set>

namespace prepbot::coach::offline {
namespace {

struct HunspellDeleter {
  void operator()(Hunhandle* handle) const { Hunspell_destroy(handle); }
};

// A Hunspell handle is not safe to share between threads, so each thread loads its own.
Hunhandle* thread_hunspell(const std::string& dictionary) {
  thread_local std::unique_ptr<Hunhandle, HunspellDeleter> handle(
      Hunspell_create((dictionary + ".aff").c_str(), (dictionary + ".dic").c_str()));
  return handle.get();
}

bool is_plain_word(const std::string& word) {
  if (word.size() < 3) return false;
  bool vowel = false;
  for (char c : word) {
    if (c < 'a' || c > 'z') return false;  // skip numbers, code, names with digits, other scripts
    vowel = vowel || c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
  return vowel || word.size() > 4;  // a short word without a vowel is an acronym ("ttl", "tld")
}

}  // namespace

Speller::Speller(const Bank& bank, std::string dictionary) : dictionary_(std::move(dictionary)), vocabulary_(bank.vocabulary()) {
  std::error_code error;
  enabled_ = std::filesystem::exists(dictionary_ + ".dic", error) && std::filesystem::exists(dictionary_ + ".aff", error);
}

std::vector<std::string> Speller::misspelled(const AnalyzedText& answer) const {
  std::vector<std::string> out;
  if (!enabled_) return out;
  Hunhandle* hunspell = thread_hunspell(dictionary_);
  if (hunspell == nullptr) return out;
  std::set<std::string> checked;
  for (const auto& token : answer.tokens) {
    if (!is_plain_word(token.word) || vocabulary_.count(token.word) || !checked.insert(token.word).second) continue;
    if (Hunspell_spell(hunspell, token.word.c_str()) == 0) out.push_back(token.word);
  }
  return out;
}

std::optional<std::string> Speller::suggestion(const std::string& word) const {
  Hunhandle* hunspell = enabled_ ? thread_hunspell(dictionary_) : nullptr;
  if (hunspell == nullptr) return std::nullopt;
  char** list = nullptr;
  const int count = Hunspell_suggest(hunspell, &list, word.c_str());
  std::optional<std::string> out;
  if (count > 0) out = list[0];
  Hunspell_free_list(hunspell, &list, count);
  return out;
}

}  // namespace prepbot::coach::offline
