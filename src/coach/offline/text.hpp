#pragma once
// Text analysis for the offline grader: words, stems, sentences, negation, and
// phrase matching that tolerates small gaps ("retry with exponential backoff"
// matches the term "retry backoff").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace prepbot::coach::offline {

struct Token {
  std::string word;  // lowercase surface form
  std::string stem;  // Snowball English stem
  std::size_t sentence = 0;
  std::size_t offset = 0;  // byte offset of the word in the analysed text
};

struct AnalyzedText {
  std::string text;
  std::vector<Token> tokens;
  std::size_t sentences = 0;

  // The sentence that contains token `index`, trimmed, for quoting back.
  std::string_view quote(std::size_t index, std::size_t max_bytes = 160) const;
};

AnalyzedText analyze(std::string_view text);
// The lowercase words of `text` as analyze() splits them, not stemmed.
std::vector<std::string> words_of(std::string_view text);

// The distinct words of a list (views into a text's tokens or words), sorted in place.
void keep_distinct(std::vector<std::string_view>& words);

// Lowercase words of `phrase`, stemmed.
std::vector<std::string> stem_phrase(std::string_view phrase);
std::string stem_word(std::string_view lowercase_word);

// Whether a phrase is stated, denied, or put negatively where it occurs. A negation in a
// clause that describes a case ("a buyer who will not commit", "if you don't index it",
// "so a crash doesn't corrupt the save") does not deny what it negates, but it still puts
// it negatively: a claim stated as a negative ("crashes don't corrupt saves") is said there.
enum class Polarity { affirmed, negated, put_negatively };

// Where `phrase` (stemmed words) first occurs in `text`, at token `from` or later, with
// each next word at most `max_gap` words after the previous one, within one sentence,
// with the given polarity; returns its first token or npos. An occurrence is negated
// when a negation stands in the three words before it, between its words, or in the
// two words after it where it denies the phrase's being, use or worth ("a B-tree is
// never used", not "a beautiful interface can't rescue a confusing flow"). It is denied
// (`negated`) only by a negation that denies: not by the prefix "non" ("non-null
// values"), which keeps it from being stated, nor by a "not" that sets one thing against
// another ("p99, not averages"), nor by "or not", nor by one in a clause that describes a
// case (see Polarity). A phrase that holds a negation itself ("no write overhead") is
// matched as written and counts as affirmed. With `last`, the occurrence's last token is
// written there.
std::size_t find_phrase(const AnalyzedText& text, const std::vector<std::string>& phrase, std::size_t max_gap = 2,
                        Polarity polarity = Polarity::affirmed, std::size_t from = 0, std::size_t* last = nullptr);

// True when one of the three words before token `index` (same sentence) negates it. A
// negation that only qualifies ("not necessarily", "not only", "not always") does not,
// nor does a "without" that is itself negated ("never deploy without a review"); the
// prefix "non" negates only the word it is joined to ("non-null values").
bool is_negated(const AnalyzedText& text, std::size_t index);
// True when a negation at token `index` negates what follows it (see is_negated).
bool negates(const AnalyzedText& text, std::size_t index);
// Whether the negation at token `k` reaches token `index` (k < index, same clause assumed).
// Looked for as denied, only a denial counts: neither the prefix "non" ("non-null values"
// neither states nor denies "null values") nor a "not" that sets one thing against another
// ("p99, not averages"), nor one in a clause that describes a case (see Polarity); looked for as
// stated, all count, "non" only for the word it is joined to.
bool negation_reaches(const AnalyzedText& text, std::size_t k, std::size_t index, Polarity polarity);
bool is_negation(std::string_view lowercase_word);  // not, never, don't, …
// Whether a comma, colon, semicolon or bracket stands between tokens `a` and `b` (a < b).
bool clause_break_between(const AnalyzedText& text, std::size_t a, std::size_t b);
// A word that joins the two sides of a contrast: "while", "whereas", "unlike", "but".
bool is_contrast_word(std::string_view lowercase_word);

bool is_stopword(std::string_view word);

// Whether a statement is itself put negatively ("an index avoids a full scan") or restricts
// ("only critical tasks move the end date": nothing else does): then its terms appearing
// after a negation state it rather than deny it.
bool states_a_negative(std::string_view statement);
bool states_a_negative(const AnalyzedText& statement);

}  // namespace prepbot::coach::offline
