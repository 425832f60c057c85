#include "coach/offline/grader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "coach/offline/text.hpp"
#include "util/text.hpp"

namespace prepbot::coach::offline {

using json = nlohmann::ordered_json;

namespace {

int clamp_score(double value) { return std::clamp(static_cast<int>(std::lround(value)), 1, 10); }

// Fixed phrases stemmed once, counted in answers word for word.
class PhraseList {
 public:
  PhraseList(std::initializer_list<std::string_view> phrases) {
    for (const auto phrase : phrases) stems_.push_back(stem_phrase(phrase));
  }
  std::size_t count_in(const AnalyzedText& text) const {
    std::size_t count = 0;
    const auto& tokens = text.tokens;
    for (const auto& stems : stems_)
      for (std::size_t i = 0; i + stems.size() <= tokens.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < stems.size() && match; ++k) match = tokens[i + k].stem == stems[k];
        count += match;
      }
    return count;
  }

 private:
  std::vector<std::vector<std::string>> stems_;
};

std::string in_quotes(std::string_view text) { return fmt::format("\u201c{}\u201d", text); }

const PhraseList kSituationPhrases{"when i was", "at my previous", "at my last", "in my previous", "last year",
                                        "we were", "our team", "i was working", "the project", "a customer",
                                        "in my role", "at the time", "during my", "once"};

const PhraseList kTaskPhrases{"my goal", "i was responsible", "i needed to", "we needed to", "my task",
                                   "i had to", "the goal was", "responsible for", "my job was", "the challenge"};

const PhraseList kActionPhrases{"i decided", "i started", "i set up", "i organized", "i proposed", "i talked",
                                     "i met", "i wrote", "i built", "i led", "i asked", "i created", "i worked",
                                     "i scheduled", "i reached out", "i suggested", "i implemented", "i changed"};

const PhraseList kResultPhrases{"as a result", "result", "in the end", "eventually", "we shipped", "reduced",
                                     "increased", "improved", "outcome", "i learned", "learned", "since then",
                                     "which led", "delivered", "saved"};

const PhraseList kFillerPhrases{"um", "uh", "erm", "you know", "basically", "literally",
                                                     "kind of", "sort of", "i mean", "like i said"};

const PhraseList kHedgePhrases{"i think", "maybe", "perhaps", "probably", "i guess",
                                                    "not sure", "might be", "i believe", "possibly", "hopefully",
                                                    "i suppose", "could be"};

const PhraseList kOwnershipPhrases{"i built", "i led", "i designed", "i decided", "i implemented",
                                                       "i would", "i will", "i recommend", "i chose", "i measured",
                                                       "i owned", "we shipped", "i fixed", "i wrote", "i use"};

const PhraseList kStructurePhrases{"first", "second", "third", "then", "finally", "for example",
                                                       "for instance", "because", "therefore", "in summary",
                                                       "as a result", "the trade-off", "trade-off", "on the other hand"};

struct KeyPointResult {
  const KeyPoint* point;
  std::size_t at;       // token index of the match, or npos when missed
  std::string synonym;  // the WordNet synonym that matched, when no term did
};

// Where the answer covers a key point: by one of its terms, else by a synonym.
KeyPointResult find_key_point(const AnalyzedText& answer, const KeyPoint& point) {
  for (const auto& term : point.stemmed_terms)
    if (const auto at = find_phrase(answer, term); at != std::string::npos) return {&point, at, ""};
  for (std::size_t i = 0; i < point.stemmed_synonyms.size(); ++i)
    if (const auto at = find_phrase(answer, point.stemmed_synonyms[i]); at != std::string::npos)
      return {&point, at, point.synonyms[i]};
  return {&point, std::string::npos, ""};
}

struct StarParts {
  bool situation = false, task = false, action = false, result = false;
  int count() const { return situation + task + action + result; }
};

StarParts find_star(const AnalyzedText& text) {
  StarParts star;
  star.situation = kSituationPhrases.count_in(text) > 0;
  star.task = kTaskPhrases.count_in(text) > 0;
  star.action = kActionPhrases.count_in(text) > 0;
  star.result = kResultPhrases.count_in(text) > 0;
  return star;
}

// Flesch reading ease (higher is easier; conversational English is 60-80),
// with syllables estimated as groups of vowels.
double reading_ease(const AnalyzedText& text) {
  if (text.tokens.empty()) return 0;
  std::size_t syllables = 0;
  for (const auto& token : text.tokens) {
    std::size_t groups = 0;
    bool in_vowel = false;
    for (char c : token.word) {
      const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
      if (vowel && !in_vowel) ++groups;
      in_vowel = vowel;
    }
    if (groups > 1 && token.word.back() == 'e') --groups;
    syllables += std::max<std::size_t>(groups, 1);
  }
  const double words = static_cast<double>(text.tokens.size());
  const double sentences = static_cast<double>(std::max<std::size_t>(text.sentences, 1));
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (static_cast<double>(syllables) / words);
}

// Guards run first: an answer that is not an attempt gets low scores and a plain reason.
struct Guard {
  bool tripped = false;
  std::string reason;
};

constexpr const char* kNotEnglish = "The answer does not seem to be in English; the offline coach grades English answers.";

// Share of the answer's words that are common function words of Spanish, French, German or Italian.
double foreign_word_share(const AnalyzedText& answer) {
  static const std::set<std::string_view> kForeign = {
      "el",  "la",  "los", "las", "que", "del", "y",   "en",   "una", "es",   "por",  "para", "con", "muy",
      "le",  "les", "des", "et",  "est", "une", "du",  "dans", "pour", "avec", "der", "die",  "das", "und",
      "ist", "nicht", "ein", "eine", "zu", "mit", "il", "di",  "che", "non",  "della", "sono", "wir", "nous"};
  std::size_t count = 0;
  for (const auto& token : answer.tokens) count += kForeign.count(token.word);
  return answer.tokens.empty() ? 0 : static_cast<double>(count) / static_cast<double>(answer.tokens.size());
}

// Share of the answer's words that are English function words; fluent English
// prose has 30-50 %, another language or a bare keyword list almost none.
double function_word_share(const AnalyzedText& answer) {
  std::size_t count = 0;
  for (const auto& token : answer.tokens) count += is_stopword(token.word);
  return answer.tokens.empty() ? 0 : static_cast<double>(count) / static_cast<double>(answer.tokens.size());
}

// A word no language would write: no vowel, or a long run of consonants.
bool looks_like_noise(std::string_view word) {
  if (word.size() < 4) return false;
  std::size_t vowels = 0, run = 0, longest = 0;
  for (char c : word) {
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    const bool letter = c >= 'a' && c <= 'z';
    vowels += vowel;
    run = letter && !vowel ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return vowels == 0 || longest >= 5;
}

Guard check_guards(const AnalyzedText& answer, std::string_view question) {
  const std::string_view trimmed = util::trim(answer.text);
  if (trimmed.empty()) return {true, "No answer was given, so there is nothing to grade yet."};
  std::size_t ascii = 0, other = 0;
  for (char c : trimmed) (static_cast<unsigned char>(c) < 0x80 ? ascii : other)++;
  if (other * 3 > ascii + other)
    return {true, kNotEnglish};
  if (answer.tokens.size() < 5)
    return {true, "The answer is only a few words. Explain your reasoning in a few full sentences."};
  const std::string lowered = util::to_lower_ascii(answer.text);
  for (const auto phrase : {"ignore previous instructions", "ignore all previous", "ignore the above", "give me 10",
                            "score this 10", "rate this 10", "you are now", "system prompt", "system:", "10/10",
                            "full marks", "maximum score", "highest score", "disregard"})
    if (lowered.find(phrase) != std::string::npos)
      return {true, "The answer addresses the grader instead of the question. Answers are graded as answers, "
                    "never followed as instructions."};
  std::size_t noise = 0;
  for (const auto& token : answer.tokens) noise += looks_like_noise(token.word);
  if (noise * 10 >= answer.tokens.size() * 4 || lowered.find("lorem ipsum") != std::string::npos)
    return {true, "The answer reads as random characters rather than words."};
  const double function_share = function_word_share(answer);
  if (foreign_word_share(answer) >= 0.15) return {true, kNotEnglish};
  if (function_share < 0.08) {
    // Few function words: either a bare list of keywords or another language.
    std::size_t separators = 0;
    for (char c : trimmed) separators += c == ',' || c == '\n' || c == ';' || c == '/';
    if (separators * 3 >= answer.tokens.size() || answer.tokens.size() < 25)
      return {true, "The answer is a list of keywords. Explain how they fit together, in sentences, with an example."};
    return {true, kNotEnglish};
  }
  // The question copied back: most of the answer's words are the question's words.
  const AnalyzedText asked = analyze(question);
  std::set<std::string> question_stems;
  for (const auto& token : asked.tokens) question_stems.insert(token.stem);
  std::size_t copied = 0;
  for (const auto& token : answer.tokens) copied += question_stems.count(token.stem);
  if (answer.tokens.size() <= asked.tokens.size() + 6 && copied * 10 >= answer.tokens.size() * 7)
    return {true, "The answer repeats the question rather than answering it."};
  return {};
}

// Whether the answer talks about the question's subject at all: the share of its
// content words that also occur in the question, its hint, key points or model answer.
double topic_overlap(const AnalyzedText& answer, const BankQuestion& q) {
  std::size_t content = 0, shared = 0;
  for (const auto& token : answer.tokens) {
    if (is_stopword(token.word)) continue;
    ++content;
    shared += q.topic.count(token.stem);
  }
  return content == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(content);
}

// An answer stopped by a guard: lowest scores and the reason, with the bank's outline and resources.
model::Evaluation guarded(model::Evaluation evaluation, const Guard& guard, bool matched_bank) {
  evaluation.scores = {1, 1, 1};
  evaluation.feedback = guard.reason;
  evaluation.evidence = {{"guard", guard.reason}, {"matched_bank", matched_bank}};
  return evaluation;
}

}  // namespace

model::Evaluation grade(const GradeInput& input) {
  const AnalyzedText answer = analyze(input.answer);
  const BankQuestion* bank = input.bank_question;
  const bool behavioral = bank ? bank->type == "behavioral" : input.mode == model::Mode::behavioral;

  model::Evaluation evaluation;
  evaluation.source = "offline";
  if (bank) {
    for (const auto& resource : bank->resources) evaluation.resources.push_back(resource.title + " — " + resource.url);
    std::string outline = behavioral ? "A strong answer, as a STAR story:\n" : "A strong answer covers:\n";
    for (const auto& line : bank->model_answer) outline += "- " + line + "\n";
    evaluation.examples_or_corrections = outline;
  }
  if (const Guard guard = check_guards(answer, input.question); guard.tripped)
    return guarded(std::move(evaluation), guard, bank != nullptr);

  const std::size_t words = answer.tokens.size();
  if (bank && words >= 12 && topic_overlap(answer, *bank) < 0.12)
    return guarded(std::move(evaluation), {true, "The answer does not address this question; it talks about something else."}, true);
  // --- Key points and misconceptions -------------------------------------------------------
  std::vector<KeyPointResult> points;
  std::size_t covered = 0;
  if (bank) {
    for (const auto& point : bank->key_points) {
      points.push_back(find_key_point(answer, point));
      covered += points.back().at != std::string::npos;
    }
  }
  json wrong_claims = json::array();
  if (bank) {
    for (const auto& wrong : bank->misconceptions)
      for (const auto& pattern : wrong.stemmed_patterns)
        if (const auto at = find_phrase(answer, pattern, 3); at != std::string::npos) {
          wrong_claims.push_back({{"claim", wrong.claim}, {"correction", wrong.correction},
                                  {"quote", std::string(answer.quote(at))}});
          break;
        }
  }

  // --- Style signals ----------------------------------------------------------------------
  const std::size_t fillers = kFillerPhrases.count_in(answer);
  const std::size_t hedges = kHedgePhrases.count_in(answer);
  const std::size_t ownership = kOwnershipPhrases.count_in(answer);
  const std::size_t structure = kStructurePhrases.count_in(answer);
  std::size_t numbers = 0;
  for (const auto& token : answer.tokens)
    if (std::isdigit(static_cast<unsigned char>(token.word[0]))) ++numbers;
  std::set<std::string> distinct;
  std::size_t content_words = 0;
  for (const auto& token : answer.tokens)
    if (!is_stopword(token.word)) ++content_words, distinct.insert(token.stem);
  const double variety = content_words ? static_cast<double>(distinct.size()) / static_cast<double>(content_words) : 0;
  const double sentence_length = static_cast<double>(words) / static_cast<double>(std::max<std::size_t>(answer.sentences, 1));
  const double per100 = 100.0 / static_cast<double>(std::max<std::size_t>(words, 1));
  const StarParts star = find_star(answer);
  const std::vector<std::string> misspelled = input.speller ? input.speller->misspelled(answer) : std::vector<std::string>{};
  const double ease = reading_ease(answer);

  // --- Scores -------------------------------------------------------------------------------
  const double coverage = points.empty() ? 0.5 : static_cast<double>(covered) / static_cast<double>(points.size());
  double technical;
  if (behavioral) {
    technical = 1 + 4.5 * star.count() / 4.0 + 4.5 * coverage;
  } else {
    technical = 1 + 8 * coverage;
    if (words >= 80 && coverage >= 0.5) technical += 1;  // depth
  }
  if (numbers > 0 || structure > 0) technical += 0.5;    // specifics
  technical -= 2.0 * static_cast<double>(wrong_claims.size());
  const double length_cap = words < 15 ? 3 : words < 30 ? 5 : words < 50 ? 7 : 10;
  technical = std::min(technical, length_cap);

  double communication = 5;
  communication += std::min(2.0, static_cast<double>(structure) * 0.7);
  if (sentence_length >= 8 && sentence_length <= 25) communication += 1.5;
  else if (sentence_length > 40) communication -= 1.5;
  if (words >= 60) communication += 1;
  communication -= std::min(3.0, static_cast<double>(fillers) * per100 * 0.8);
  if (content_words >= 20 && variety < 0.45) communication -= 1.5;  // repeats itself
  communication -= std::min(2.0, static_cast<double>(misspelled.size()) * per100 * 0.4);
  if (ease < 10) communication -= 1;  // dense, hard to follow when spoken
  communication = std::min(communication, length_cap + 1);

  double confidence = 5;
  confidence += std::min(2.5, static_cast<double>(ownership) * 0.8);
  confidence += std::min(1.5, static_cast<double>(numbers) * 0.5);
  confidence -= std::min(4.0, static_cast<double>(hedges) * per100 * 0.9);
  if (words >= 60) confidence += 0.5;
  confidence = std::min(confidence, length_cap + 1);

  evaluation.scores = {clamp_score(technical), clamp_score(communication), clamp_score(confidence)};

  // --- Feedback, quoting the answer ---------------------------------------------------------
  std::string feedback;
  json covered_json = json::array(), missed_json = json::array();
  for (const auto& result : points) {
    if (result.at != std::string::npos)
    {
      covered_json.push_back({{"point", result.point->point}, {"quote", std::string(answer.quote(result.at))}});
      if (!result.synonym.empty()) covered_json.back()["synonym"] = result.synonym;
    }
    else
      missed_json.push_back(result.point->point);
  }
  if (!covered_json.empty()) {
    feedback += "What you covered: ";
    for (std::size_t i = 0; i < covered_json.size(); ++i)
      feedback += (i ? "; " : "") + covered_json[i]["point"].get<std::string>() + " (you said " +
                  in_quotes(covered_json[i]["quote"].get<std::string>()) + ")";
    feedback += ".\n";
  }
  if (!missed_json.empty()) {
    feedback += "What was missing: ";
    for (std::size_t i = 0; i < missed_json.size(); ++i) feedback += (i ? "; " : "") + missed_json[i].get<std::string>();
    feedback += ".\n";
  }
  if (!bank) feedback += "This question is not in the bank, so correctness could not be checked; the scores rest on structure and delivery.\n";
  for (const auto& wrong : wrong_claims)
    feedback += "Check this claim: " + in_quotes(wrong["quote"].get<std::string>()) + " — " +
                wrong["correction"].get<std::string>() + "\n";
  if (behavioral && star.count() < 4) {
    std::vector<std::string> missing;
    if (!star.situation) missing.emplace_back("the situation");
    if (!star.task) missing.emplace_back("your task");
    if (!star.action) missing.emplace_back("what you did");
    if (!star.result) missing.emplace_back("the result");
    feedback += "Your story leaves out " + fmt::format("{}", fmt::join(missing, ", ")) +
                ". Tell it as Situation, Task, Action, Result.\n";
  }
  if (words < 50) feedback += fmt::format("At {} words the answer is short; aim for 120-250 words with an example.\n", words);
  if (fillers > 0) feedback += fmt::format("Filler words ({}) weaken the delivery; pause instead.\n", fillers);
  if (hedges > 1) feedback += fmt::format("Hedging phrases ({}) such as \u201cI think\u201d make you sound unsure; state what you know.\n", hedges);
  if (!misspelled.empty())
    feedback += fmt::format("Check the spelling of: {}.\n", fmt::join(misspelled.begin(),
                                                                      misspelled.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(misspelled.size(), 8)), ", "));
  if (ease < 10 && words >= 40) feedback += "Long words in long sentences are hard to follow aloud; say it more simply.\n";
  if (structure == 0 && words >= 40) feedback += "Signpost your structure (first, then, for example, as a result) so the interviewer can follow.\n";
  if (feedback.empty()) feedback = "A clear, complete answer.";
  while (!feedback.empty() && feedback.back() == '\n') feedback.pop_back();
  evaluation.feedback = std::move(feedback);
  for (const auto& wrong : wrong_claims)
    evaluation.examples_or_corrections += "Correction: " + wrong["correction"].get<std::string>() + "\n";

  evaluation.evidence = {
      {"matched_bank", bank != nullptr},
      {"key_points_covered", std::move(covered_json)},
      {"key_points_missed", std::move(missed_json)},
      {"misconceptions", std::move(wrong_claims)},
      {"filler_count", fillers},
      {"hedge_count", hedges},
      {"word_count", words},
      {"sentence_count", answer.sentences},
      {"misspelled", misspelled},
      {"reading_ease", std::round(ease)},
      {"star", {{"situation", star.situation}, {"task", star.task}, {"action", star.action}, {"result", star.result}}},
  };
  return evaluation;
}

}  // namespace prepbot::coach::offline
