#include "coach/offline/text.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <string>

namespace prepbot::coach::offline {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

// Snowball stemmers keep state between calls, so each thread has its own.
sb_stemmer* thread_stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  return stemmer.get();
}

// Stems already computed on this thread, by word: loading the bank stems the same words
// hundreds of thousands of times, and an answer's words are mostly common ones. An open-
// addressing table over one buffer of characters, so a lookup touches two compact arrays
// rather than chasing nodes; cleared when full, so answers cannot grow it without bound.
class StemMemo {
 public:
  static constexpr std::size_t kMaxWords = 40'000;
  static constexpr std::size_t kMaxWordBytes = 64;  // longer words are stemmed every time

  // The stem of `word`, computing it with `stem` the first time.
  template <class Stem>
  std::string find_or_add(std::string_view word, Stem stem) {
    if (word.empty() || word.size() > kMaxWordBytes) return stem(word);
    if (slots_.empty()) slots_.resize(kSlots);
    const std::size_t hash = std::hash<std::string_view>{}(word);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    std::size_t i = hash & (kSlots - 1);
    for (;; i = (i + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[i];
      if (slot.word_size == 0) break;
      if (slot.tag == tag && slot.word_size == word.size() && std::string_view(chars_).substr(slot.at, slot.word_size) == word)
        return chars_.substr(slot.at + slot.word_size, slot.stem_size);
    }
    std::string stemmed = stem(word);
    if (words_ >= kMaxWords || stemmed.size() > kMaxWordBytes) {
      if (words_ >= kMaxWords) clear();
      return stemmed;
    }
    slots_[i] = {tag, static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint8_t>(word.size()),
                 static_cast<std::uint8_t>(stemmed.size())};
    chars_.append(word).append(stemmed);
    ++words_;
    return stemmed;
  }

 private:
  static constexpr std::size_t kSlots = 1 << 16;  // a power of two, well above kMaxWords
  struct Slot {
    std::uint32_t tag = 0;  // high bits of the word's hash
    std::uint32_t at = 0;   // the word in chars_, its stem right after it
    std::uint8_t word_size = 0;  // 0: an empty slot
    std::uint8_t stem_size = 0;
  };
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    chars_.clear();
    words_ = 0;
  }
  std::vector<Slot> slots_;
  std::string chars_;
  std::size_t words_ = 0;
};

// About one word in this many bytes of English prose (a word and the space after it):
// how much room a list of a text's words is given at the start, so that it seldom grows.
constexpr std::size_t kBytesPerWord = 6;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '+' ||
         c == '#';
}

bool ends_sentence(char c) { return c == '.' || c == '!' || c == '?' || c == '\n' || c == ';'; }

// "non" is the prefix of "non-null", "non-blocking" (a hyphen splits words): it negates
// only the word it is joined to.
constexpr std::array<std::string_view, 21> kNegations{
    "not",   "no",      "never",  "without", "neither", "nor",     "don't",   "didn't", "doesn't", "isn't", "wasn't",
    "aren't", "weren't", "can't", "cannot",  "won't",   "wouldn't", "shouldn't", "dont",  "didnt", "non"};

bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 11> kAbbreviations{"e.g", "i.e", "eg", "ie", "etc", "vs", "cf",
                                                                   "approx", "incl", "esp", "resp"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

}  // namespace

std::string stem_word(std::string_view word) {
  thread_local StemMemo memo;
  return memo.find_or_add(word, [](std::string_view unstemmed) {
    sb_stemmer* stemmer = thread_stemmer();
    const auto* stemmed = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(unstemmed.data()),
                                          static_cast<int>(unstemmed.size()));
    return stemmed == nullptr ? std::string(unstemmed)
                              : std::string(reinterpret_cast<const char*>(stemmed),
                                            static_cast<std::size_t>(sb_stemmer_length(stemmer)));
  });
}

namespace {

// Splits `text` into lowercase words, calling word(word, byte offset, sentence) for each.
template <class OnWord>
std::size_t split_words(std::string_view text, OnWord word_found) {
  std::size_t sentence = 0;
  bool sentence_has_words = false;
  std::string word;
  bool after_abbreviation = false;  // the last word was one ("e.g")
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!is_word_byte(c)) {
      // A full stop or apostrophe inside a word ("node.js", "3.5", "don't") stays in it;
      // a hyphen splits, so "cross-validation" and "cross validation" read the same.
      // "e.g." and "vs." do not end a sentence, so quotes keep the whole of it.
      if (ends_sentence(text[i]) && sentence_has_words && !(text[i] == '.' && after_abbreviation)) {
        ++sentence;
        sentence_has_words = false;
      }
      ++i;
      continue;
    }
    const std::size_t start = i;
    word.clear();
    while (i < text.size()) {
      const auto ch = static_cast<unsigned char>(text[i]);
      if (is_word_byte(ch)) {
        word.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : static_cast<char>(ch));
        ++i;
      } else if ((ch == '\'' || ch == '.') && i + 1 < text.size() &&
                 is_word_byte(static_cast<unsigned char>(text[i + 1])) &&
                 static_cast<unsigned char>(text[i + 1]) != '+') {
        word.push_back(static_cast<char>(ch));
        ++i;
      } else {
        break;
      }
    }
    after_abbreviation = is_abbreviation(word);
    word_found(word, start, sentence);
    sentence_has_words = true;
  }
  return sentence + (sentence_has_words ? 1 : 0);
}

}  // namespace

AnalyzedText analyze(std::string_view input) {
  AnalyzedText out;
  out.text.assign(input);
  out.tokens.reserve(input.size() / kBytesPerWord + 1);
  out.sentences = split_words(out.text, [&](const std::string& word, std::size_t offset, std::size_t sentence) {
    out.tokens.push_back({word, stem_word(word), sentence, offset});
  });
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  words.reserve(text.size() / kBytesPerWord + 1);
  split_words(text, [&](const std::string& word, std::size_t, std::size_t) { words.push_back(word); });
  return words;
}

void keep_distinct(std::vector<std::string_view>& words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
}

std::vector<std::string> stem_phrase(std::string_view phrase) {
  std::vector<std::string> stems;
  stems.reserve(phrase.size() / kBytesPerWord + 1);
  split_words(phrase, [&](const std::string& word, std::size_t, std::size_t) { stems.push_back(stem_word(word)); });
  return stems;
}

bool is_negation(std::string_view word) {
  if (std::find(kNegations.begin(), kNegations.end(), word) != kNegations.end()) return true;
  return word.size() > 3 && word.substr(word.size() - 3) == "n't";
}

bool is_contrast_word(std::string_view word) {
  return word == "while" || word == "whereas" || word == "unlike" || word == "but";
}

bool clause_break_between(const AnalyzedText& text, std::size_t a, std::size_t b) {
  const auto from = text.tokens[a].offset + text.tokens[a].word.size(), to = text.tokens[b].offset;
  return std::any_of(text.text.begin() + static_cast<std::ptrdiff_t>(from), text.text.begin() + static_cast<std::ptrdiff_t>(to),
                     [](char c) { return c == ',' || c == ':' || c == ';' || c == '(' || c == ')'; });
}

namespace {

bool is_qualifier(std::string_view word) { return word == "necessarily" || word == "only" || word == "always" || word == "just"; }

}  // namespace

bool negates(const AnalyzedText& text, std::size_t index) {
  const auto& tokens = text.tokens;
  if (!is_negation(tokens[index].word)) return false;
  // "no" joined to the next word ("no-show rates", "a no-op") names a thing; it denies nothing.
  if (tokens[index].word == "no" && tokens[index].offset + 2 < text.text.size() && text.text[tokens[index].offset + 2] == '-')
    return false;
  if (index + 1 < tokens.size() && tokens[index + 1].sentence == tokens[index].sentence) {
    if (is_qualifier(tokens[index + 1].word)) return false;
  }
  // "Or not" offers a choice ("the same whether or not the email exists", "cached or not"): it denies nothing.
  if (tokens[index].word == "not" && index > 0 && tokens[index - 1].word == "or" && tokens[index - 1].sentence == tokens[index].sentence)
    return false;
  if (tokens[index].word == "without")  // "don't merge without a review": the review is required
    for (std::size_t k = index >= 6 ? index - 6 : 0; k < index; ++k)
      if (tokens[k].sentence == tokens[index].sentence && is_negation(tokens[k].word)) return false;
  return true;
}

namespace {

// A "not" that sets one thing against another rather than denying a verb: not after an
// auxiliary ("track p99, not averages", "a move, not a split"; but "is not", "does not").
bool contrastive_not(const AnalyzedText& text, std::size_t index) {
  static const std::set<std::string_view> kAuxiliaries{"is", "are", "was", "were", "be", "been", "am", "do", "does", "did",
                                                       "can", "could", "should", "would", "will", "shall", "may", "might",
                                                       "must", "has", "have", "had", "it's", "that's", "there's", "or"};
  const auto& tokens = text.tokens;
  if (tokens[index].word != "not") return false;
  return index == 0 || tokens[index - 1].sentence != tokens[index].sentence || !kAuxiliaries.count(tokens[index - 1].word);
}

// A negation in a clause that describes a case rather than asserts ("a buyer who will not
// commit", "if you don't index it", "retry, so a blocked ALTER doesn't queue traffic", "a
// firewall that never saw the SYN"): a word that opens such a clause stands before it, in its
// clause; "that" opens one after a noun, not after a word of saying ("it means that…").
bool describes_a_case(const AnalyzedText& text, std::size_t k) {
  static const std::set<std::string_view> kOpeners{"if", "unless", "whether", "who", "whom", "which", "so", "when", "whenever"};
  static const std::set<std::string_view> kSaying{"says", "said", "say", "means", "meant", "mean", "shows", "showed", "show",
                                                  "think", "thinks", "believe", "believes", "know", "knows", "sure", "true",
                                                  "claim", "claims", "found", "such", "is", "was"};
  const auto& tokens = text.tokens;
  for (std::size_t j = k; j-- > 0 && tokens[j].sentence == tokens[k].sentence && !clause_break_between(text, j, j + 1);) {
    if (kOpeners.count(tokens[j].word)) return true;
    if (tokens[j].word == "that" && j > 0 && tokens[j - 1].sentence == tokens[j].sentence && !kSaying.count(tokens[j - 1].word))
      return true;
  }
  return false;
}

}  // namespace

bool negation_reaches(const AnalyzedText& text, std::size_t k, std::size_t index, Polarity polarity) {
  if (!negates(text, k)) return false;
  if (text.tokens[k].word == "non") return polarity == Polarity::affirmed && k + 1 == index;
  if (polarity == Polarity::affirmed) return true;
  return !contrastive_not(text, k) && (polarity == Polarity::put_negatively || !describes_a_case(text, k));
}

namespace {

bool negated_before(const AnalyzedText& text, std::size_t index, Polarity polarity) {
  const auto& tokens = text.tokens;
  const std::size_t from = index >= 3 ? index - 3 : 0;
  for (std::size_t k = from; k < index; ++k)
    if (tokens[k].sentence == tokens[index].sentence && negation_reaches(text, k, index, polarity) && !clause_break_between(text, k, index))
      return true;
  return false;
}

// A negation just after a phrase that denies it: "not", "never" or a contraction, in the same
// clause, that denies the phrase's being, use or worth ("a B-tree is never used", "personalising
// messages doesn't change reply rates", "the index isn't needed") rather than something else
// said of it ("a beautiful interface can't rescue a confusing flow", "order is not guaranteed");
// not "X without Y", "X that aren't needed", "skills I don't have", "catch-up so no child falls
// behind", "least privilege (no DDL)".
bool denies_before_it(const AnalyzedText& text, std::size_t last, std::size_t k) {
  static const std::set<std::string_view> kClauseStarts{"that", "which", "who", "so", "and", "or", "but", "because", "if",
                                                        "when", "while", "where", "since", "although", "unless", "until", "as",
                                                        "i", "we", "you", "they", "he", "she"};
  static const std::set<std::string_view> kBetween{"be", "been", "being", "always", "ever", "really", "actually", "even", "get", "gets",
                                                    "a", "an", "any", "much", "real", "big"};
  static const std::set<std::string_view> kBeingOrWorth{
      "used", "use", "uses", "needed", "need", "needs", "necessary", "required", "matter", "matters", "help", "helps",
      "work", "works", "exist", "exists", "apply", "applies", "happen", "happens", "useful", "relevant", "important", "worth",
      "change", "changes", "affect", "affects", "improve", "improves", "make", "makes", "problem", "issue", "concern"};
  const auto& tokens = text.tokens;
  const std::string& word = tokens[k].word;
  if (!negates(text, k) || word == "no" || word == "non" || word == "without" || word == "nor" || word == "neither") return false;
  for (std::size_t j = last + 1; j < k; ++j)
    if (kClauseStarts.count(tokens[j].word)) return false;
  if (clause_break_between(text, last, k) || contrastive_not(text, k)) return false;
  std::size_t next = k + 1;
  while (next < tokens.size() && tokens[next].sentence == tokens[k].sentence && kBetween.count(tokens[next].word)) ++next;
  return next == tokens.size() || tokens[next].sentence != tokens[k].sentence || clause_break_between(text, next - 1, next) ||
         kBeingOrWorth.count(tokens[next].word);
}

// "Not always" or "not just" before a phrase that holds the qualifier ("drift does not always
// hurt accuracy" against "drift always hurts accuracy"): the phrase is not stated.
bool qualifier_negated(const AnalyzedText& text, std::size_t start, std::size_t at, const std::vector<std::string>& phrase) {
  const auto& tokens = text.tokens;
  for (std::size_t k = start > 0 ? start - 1 : 0; k < at; ++k)
    if (is_negation(tokens[k].word) && is_qualifier(tokens[k + 1].word) && tokens[k + 1].sentence == tokens[k].sentence &&
        std::find(phrase.begin(), phrase.end(), tokens[k + 1].stem) != phrase.end())
      return true;
  return false;
}

}  // namespace

bool is_negated(const AnalyzedText& text, std::size_t index) { return negated_before(text, index, Polarity::affirmed); }

std::size_t find_phrase(const AnalyzedText& text, const std::vector<std::string>& phrase, std::size_t max_gap,
                        Polarity polarity, std::size_t from, std::size_t* last) {
  const auto& tokens = text.tokens;
  if (phrase.empty()) return std::string::npos;
  // A phrase holding a negation ("indexes never slow writes") matches only as written; one
  // holding the prefix "non" ("non-root user") is negated like any other.
  const bool states_negation =
      std::any_of(phrase.begin(), phrase.end(), [](const std::string& stem) { return stem != "non" && is_negation(stem); });
  const bool has_prefix = std::find(phrase.begin(), phrase.end(), "non") != phrase.end();
  for (std::size_t start = from; start < tokens.size(); ++start) {
    if (tokens[start].stem != phrase[0]) continue;
    std::size_t at = start;
    bool matched = true;
    for (std::size_t p = 1; p < phrase.size() && matched; ++p) {
      matched = false;
      for (std::size_t k = at + 1; k < tokens.size() && k <= at + 1 + max_gap; ++k) {
        if (tokens[k].sentence != tokens[start].sentence) break;
        if (tokens[k].stem == phrase[p]) {
          at = k;
          matched = true;
          break;
        }
      }
    }
    if (!matched) continue;
    if (last) *last = at;
    if (states_negation) {
      if (polarity == Polarity::affirmed) return start;
      continue;
    }
    bool negated = negated_before(text, start, polarity);
    for (std::size_t k = start + 1; k < at && !negated; ++k)
      negated = negation_reaches(text, k, k + 1, polarity) && !(has_prefix && tokens[k].word == "non");
    for (std::size_t k = at + 1; k < tokens.size() && k <= at + 2 && !negated; ++k)
      negated = tokens[k].sentence == tokens[start].sentence && denies_before_it(text, at, k);
    if (polarity == Polarity::affirmed) negated = negated || qualifier_negated(text, start, at, phrase);
    if (negated == (polarity != Polarity::affirmed)) return start;
  }
  return std::string::npos;
}

std::string_view AnalyzedText::quote(std::size_t index, std::size_t max_bytes) const {
  if (index >= tokens.size()) return {};
  const std::size_t sentence = tokens[index].sentence;
  std::size_t first = index, last = index;
  while (first > 0 && tokens[first - 1].sentence == sentence) --first;
  while (last + 1 < tokens.size() && tokens[last + 1].sentence == sentence) ++last;
  std::size_t begin = tokens[first].offset;
  std::size_t end = tokens[last].offset + tokens[last].word.size();
  if (end - begin > max_bytes) {
    // Keep a window around the matched word, cut at word boundaries.
    const std::size_t centre = tokens[index].offset;
    std::size_t lo = first, hi = last;
    while (lo < index && tokens[index].offset - tokens[lo].offset > max_bytes / 2) ++lo;
    while (hi > index && tokens[hi].offset + tokens[hi].word.size() - centre > max_bytes / 2) --hi;
    begin = tokens[lo].offset;
    end = tokens[hi].offset + tokens[hi].word.size();
  }
  return std::string_view(text).substr(begin, end - begin);
}

bool states_a_negative(std::string_view statement) { return states_a_negative(analyze(statement)); }

bool states_a_negative(const AnalyzedText& text) {
  return std::any_of(text.tokens.begin(), text.tokens.end(), [](const Token& token) {
    return is_negation(token.word) || token.stem == "avoid" || token.stem == "instead" || token.stem == "rather" ||
           token.stem == "prevent" || token.word == "only";
  });
}

bool is_stopword(std::string_view word) {
  static constexpr std::array<std::string_view, 60> kStopwords{
      "a",    "an",   "the",  "and",  "or",    "but",  "if",    "of",   "to",   "in",    "on",    "at",
      "by",   "for",  "with", "from", "as",    "is",   "are",   "was",  "were", "be",    "been",  "it",
      "its",  "this", "that", "these", "those", "i",   "you",   "we",   "they", "he",    "she",   "my",
      "our",  "your", "their", "do",  "does",  "did",  "have",  "has",  "had",  "so",    "then",  "than",
      "what", "which", "who", "how",  "why",   "when", "would", "can",  "will", "about", "there", "me"};
  return std::find(kStopwords.begin(), kStopwords.end(), word) != kStopwords.end();
}

}  // namespace prepbot::coach::offline
