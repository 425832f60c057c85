#include "coach/offline/grader.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "coach/offline/follow_up.hpp"
#include "coach/offline/text.hpp"
#include "util/text.hpp"

namespace prepbot::coach::offline {
namespace {

// Every weight of the scores, in one place. The figures were set on the tuning
// half of tests/data/out_of_bank.json, on out_of_bank_tuning.json and on
// graded_answers.json; the reporting half of out_of_bank.json and
// out_of_bank_holdout.json are never looked at while setting them (`prepbot
// validate` prints them all).
struct Weights {
  // Substance: how much the answer says, from its distinct content words
  // (`substance_floor` of them is nothing, `substance_full` is a full answer; log scale).
  double substance_floor = 8, substance_full = 100;
  // Relevance: below `relevant` the three scores are bounded (readable but
  // irrelevant: communication 3-4); below `off_topic` the answer is a non-answer.
  double relevant = 0.45, off_topic = 0.12;
  // Field words: an answer whose content words are the field's (the bank's and knowledge
  // base's stems, or the question's) in a share under `field_full` has its relevance
  // bounded, down to none at `field_none`.
  // A vocabulary of fewer stems than `field_min_stems` (a small custom bank) is too
  // narrow to judge by, and is not used.
  double field_none = 0.80, field_full = 0.92, field_min_stems = 5000;
  // Technical, technical questions: base + substance + knowledge (the share of
  // what should be said that was said).
  double technical_base = 1.5, technical_substance = 4.0, technical_knowledge = 3.5;
  double bank_share = 0.65;  // with a bank question: its key points weigh this, concepts' claims the rest
  // Concept claims stated for full knowledge: this share of the claims the question's concepts hold, within bounds.
  double claims_share = 0.5, claims_at_least = 1.5, claims_at_most = 3;
  // A claim found by one of its terms counts when that sentence also says `claim_support`
  // of the claim's own content words (those the question does not use); a sentence that
  // says `claim_restated` of them, and at least `claim_restated_words` besides the words of
  // the concept's names, states the claim without its terms. A claim is stated firmly when its
  // sentence says at least `claim_firm_words` of those words besides the concept's names; one
  // stated only in passing counts as knowledge but backs nothing (Measurements::backs_nothing).
  double claim_support = 0.25, claim_restated = 0.5, claim_restated_words = 3, claim_firm_words = 2;
  // Unbacked: the question names a concept unmistakably (a mention weight of at least
  // `unbacked_naming`: a term of its own, not one many concepts share), and an answer stated
  // without a hedge, spelled well enough for its claims to be found (one misspelling at
  // most), states none of its claims firmly nor its key points, being short of a full one (substance
  // under `unbacked_full`) or, at any length, naming that subject itself. How much such an
  // answer says is no sign that it is right (it is how a confidently wrong answer reads):
  // substance counts `unbacked_substance` of its weight in technical, and confidence stays
  // within `unbacked_confidence` of technical. A full answer that does not name the subject
  // may be right about something the knowledge base does not link to it.
  double unbacked_naming = 2.0, unbacked_full = 0.8, unbacked_substance = 0.25, unbacked_confidence = 0.5;
  double vocabulary = 0.5;           // names three or more concepts of the field
  double specifics = 0.5;            // numbers or signposted reasoning
  double per_wrong_claim = 2.5;      // a misconception stated
  double per_contradiction = 1.5;    // a true claim denied, or turned round ("increases" for "reduces")
  // Overclaiming: each sweeping claim per 100 words beyond the nuance that balances it and
  // `sweeping_allowed`, at most `max_overclaim`, off technical (half of it off communication).
  // In an answer that backs nothing (states none of what is known about a subject that can be
  // checked, and does not hedge) a sweeping claim counts `unbacked_sweeping` times: nothing
  // else in the answer stands behind it.
  double per_overclaim = 1.5;
  double sweeping_allowed = 0.8, max_overclaim = 4.0, unbacked_sweeping = 2.0;
  // Waving a concern away ("force-quitting is not a concern", "so you don't need a proxy"), a
  // sweeping claim of its own kind, in an answer that states nothing known to be true about
  // its subject: `per_dismissal` off technical for each, at most `dismissals_counted`, and
  // confidence no more than a wrong answer's (`confidently_wrong_cap`). On the tuning data one
  // poor answer in six waves a concern away, one excellent answer in 25 (beside claims it
  // states) and one good or weak answer in a hundred.
  double per_dismissal = 1.5, dismissals_counted = 2;
  double per_buzzword = 0.75;        // each buzzword beyond the first, at most `max_buzzwords`
  double max_buzzwords = 3.0;
  // A buzzword salad (at least `salad_least` buzzwords, `salad_rate` or more per 100 words)
  // says nothing: technical, communication and confidence at most these.
  double salad_least = 3, salad_rate = 5, salad_technical = 2, salad_communication = 3, salad_confidence = 3;
  // Unchecked (no key point, no concept): the middle of the range, moved by substance.
  double unchecked_base = 3.0, unchecked_substance = 3.5, unchecked_band = 2;
  // Behavioral: STAR parts and key points, a measured result, own actions, substance.
  double star_weight = 3.0, behavioral_points = 1.5, behavioral_substance = 2.0, measured_result = 1.0;
  // Each thing the candidate says they did, up to `own_actions_counted` of them.
  double per_own_action = 0.25, own_actions_counted = 4, per_blame = 1.5, hypothetical = 1.5;
  // Fillers, hedges, misspellings and absolutes count per 100 words, an answer
  // shorter than this counted as this long (one hedge in 20 words is not a habit).
  double rate_floor_words = 60;
  // Communication: base + substance + structure, minus what gets in the way.
  double communication_base = 4.0, communication_substance = 3.0;
  double structure_each = 0.5, structure_max = 1.5, sentence_length = 1.0, long_sentences = 1.5;
  double filler_rate = 0.8, filler_max = 3.0, repetition = 1.5, misspelling_rate = 0.4, misspelling_max = 2.0;
  double hard_to_read = 1.0;
  // Confidence: base + substance (leaning toward technical, below), + ownership and numbers, minus hedges.
  double confidence_base = 3.0, confidence_substance = 3.0;
  double ownership_each = 0.5, ownership_max = 1.5, number_each = 0.5, number_max = 1.0;
  double hedge_rate = 0.9, hedge_max = 2.5, hedged_floor = 3.0;
  double confidently_wrong_cap = 3.0;  // a wrong answer stated with confidence earns no more
  // Readable but wrong is not good communication, nor is it earned confidence: each stays
  // within this much of technical.
  double communication_over_technical = 1.5, confidence_over_technical = 1.5;
  // And each leans toward technical before those bounds: confidence is earned by what the
  // answer backs up as much as by how much it says (half of its base comes from technical;
  // ownership, numbers and hedges count in full after), and what is said clearly but wrongly
  // does not come across well (a fifth of communication).
  double confidence_from_technical = 0.5, communication_from_technical = 0.2;
  // Turning the question aside (in its first `deflection_sentences` sentences, or twice
  // anywhere) makes the answer a non-answer: technical, communication and confidence
  // at most these.
  double deflection_sentences = 2, deflection_technical = 2, deflection_communication = 4, deflection_confidence = 3;
  // A behavioral answer that tells nothing that happened (no "I/we" + past tense) is a
  // non-answer too, at most these.
  double no_story_technical = 2, no_story_communication = 5, no_story_confidence = 3;
  // Phrasing (coach/offline/phrasing.hpp): an answer the phrasing model finds likely enough
  // (`phrasing_from`) to read like a confidently wrong one loses a share of these, off each
  // score after its bounds, growing to all of them at `phrasing_full`; the feedback says so
  // from `phrasing_from` on. Set with the model trained without the batch being graded, as
  // `prepbot validate` reports it. There, about one excellent or good answer in 30 reaches
  // `phrasing_from` and one in 150 `phrasing_full`; five poor ones in six reach `phrasing_from`
  // and three in five `phrasing_full`. An answer that states `phrasing_vouched` or more of what
  // is known about its subject (concepts' claims stated firmly, key points) is vouched for by
  // what it states and loses nothing: the model reads register too, and a right answer may be
  // put casually.
  double phrasing_technical = 4.0, phrasing_communication = 1.0, phrasing_confidence = 3.0;
  double phrasing_from = 0.4, phrasing_full = 0.8, phrasing_vouched = 2;
};
constexpr Weights kWeights;

int clamp_score(double value) { return std::clamp(static_cast<int>(std::lround(value)), 1, 10); }

std::string in_quotes(std::string_view text) { return fmt::format("\u201c{}\u201d", text); }

// Fixed phrases, counted in answers word for word: by stem ("leveraging" for "leverage"),
// or, for words whose stem also stands for a different word, as written
// (`Match::words`: "complete" is not "completely").
class PhraseList {
 public:
  enum class Match { stems, words };
  PhraseList(std::initializer_list<std::string_view> phrases, Match match = Match::stems) : match_(match) {
    for (const auto phrase : phrases) {
      if (match == Match::stems) {
        forms_.push_back(stem_phrase(phrase));
        continue;
      }
      std::vector<std::string> words;
      for (const auto& token : analyze(phrase).tokens) words.push_back(token.word);
      forms_.push_back(std::move(words));
    }
  }
  std::size_t count_in(const AnalyzedText& text) const {
    std::size_t count = 0;
    for_each_match(text, [&](std::size_t, std::size_t) { ++count; });
    return count;
  }
  // The first token of every match.
  std::vector<std::size_t> starts_in(const AnalyzedText& text) const {
    std::vector<std::size_t> starts;
    for_each_match(text, [&](std::size_t at, std::size_t) { starts.push_back(at); });
    return starts;
  }
  // Sets `marked[i]` for every token i that is part of a match.
  void mark_in(const AnalyzedText& text, std::vector<bool>& marked) const {
    for_each_match(text, [&](std::size_t at, std::size_t length) { std::fill_n(marked.begin() + static_cast<std::ptrdiff_t>(at), length, true); });
  }

 private:
  template <typename F>
  void for_each_match(const AnalyzedText& text, F&& found) const {
    const auto& tokens = text.tokens;
    for (const auto& form : forms_)
      for (std::size_t i = 0; i + form.size() <= tokens.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < form.size() && match; ++k)
          match = (match_ == Match::stems ? tokens[i + k].stem : tokens[i + k].word) == form[k];
        if (match) found(i, form.size());
      }
  }
  Match match_;
  std::vector<std::vector<std::string>> forms_;  // stems or words, per match_
};

const PhraseList kSituationPhrases{"when i was", "at my previous", "at my last", "in my previous", "last year",
                                   "we were", "our team", "i was working", "the project", "a customer",
                                   "in my role", "at the time", "during my", "once", "i joined", "we had"};
const PhraseList kTaskPhrases{"my goal", "i was responsible", "i needed to", "we needed to", "my task",
                              "i had to", "the goal was", "responsible for", "my job was", "the challenge",
                              "i was asked", "i was tasked"};
const PhraseList kActionPhrases{"i decided", "i started", "i set up", "i organized", "i proposed", "i talked",
                                "i met", "i wrote", "i built", "i led", "i asked", "i created", "i worked",
                                "i scheduled", "i reached out", "i suggested", "i implemented", "i changed",
                                "i called", "i sat down", "i pulled", "i ran", "i mapped", "i broke"};
const PhraseList kResultPhrases{"as a result", "result", "in the end", "eventually", "we shipped", "reduced",
                                "increased", "improved", "outcome", "i learned", "learned", "since then",
                                "which led", "delivered", "saved", "dropped", "went from", "cut", "grew"};
// Words that fill a pause and say nothing, matched as written ("honestly" is one, "I was
// honest with the client" is not). "To be honest" hints that the rest is less so.
const PhraseList kFillerPhrases{{"um", "uh", "erm", "you know", "basically", "literally", "kind of", "sort of", "i mean",
                                 "like i said", "like, you know", "whatever", "to be honest", "honestly"},
                                PhraseList::Match::words};
const PhraseList kHedgePhrases{"i think", "maybe", "perhaps", "probably", "i guess", "not sure", "might be",
                               "i believe", "possibly", "hopefully", "i suppose", "could be", "not really sure",
                               "or something"};
const PhraseList kOwnershipPhrases{"i built", "i led", "i designed", "i decided", "i implemented", "i would",
                                   "i will", "i recommend", "i chose", "i measured", "i owned", "we shipped",
                                   "i fixed", "i wrote", "i use", "i set", "i made"};
// Signposts of a reasoned structure. "Because" and "therefore" are not: a wrong answer gives
// reasons as readily as a right one (on the tuning data, half the poor answers say "because"
// against a fifth of the others, and the calmly wrong ones lean on "therefore").
const PhraseList kStructurePhrases{"first", "second", "third", "then", "finally", "for example", "for instance",
                                   "in summary", "as a result", "the trade-off", "trade-off", "on the other hand",
                                   "so that"};
// Sweeping claims that a confidently wrong answer leans on ("no matter how late", "by
// definition", among them, and the dismissals below; and a consequence stated
// as settled, "which is why it's called stochastic", "X is actually Y"; an appeal in place of a
// reason, "it's the industry standard", "best practice", "simply", "the real problem is"; a fix or a
// diagnosis settled in one stroke, "the fix is", "what you're seeing is", "X comes from Y", "X is the one that",
// "it's the opposite", "of course"; a concern waved through, "that's fine", "it's safe", "by
// design", "ruled out", "it only matters if", "it's really about"), and the nuance a careful
// one balances them with. "All", "only", "every", "any" and "can't" are not among them:
// strong answers use them as often as wrong ones. "Just" counts only where it dismisses
// ("you just", "it's just"), never in "not just". Matched as written: "completely" is
// sweeping, "once the rollout is complete" is not.
const PhraseList kAbsolutePhrases{{"always", "never", "every time", "guaranteed", "guarantees", "impossible",
                                  "completely", "100%",
                                  "obviously", "definitely", "any case", "all cases", "nothing else",
                                  "only ever", "no downside", "no downsides", "no trade-off", "solves everything",
                                  "automatically", "the same thing",
                                  "nothing to do with", "no difference", "entirely", "forever", "purely", "solely",
                                  "totally", "absolutely", "whatever", "you just", "just need", "it's just", "it just", "is just",
                                  "no matter", "by definition", "full stop", "no extra", "which is why", "is actually",
                                  "simply", "industry standard", "best practice", "standard practice", "the real problem",
                                  "the real issue", "the real cause",
                                  "the fix is", "the way to", "what's happening is", "you're seeing is", "is the one",
                                  "the opposite", "the right choice", "is the right", "standard approach", "of course",
                                  "mathematically", "is fine", "is safe", "by design", "ruled out", "nothing to",
                                  "only matters", "really about", "comes from"},
                                  PhraseList::Match::words};
// Sweeping claims that wave a concern away (Weights: per_dismissal).
const PhraseList kDismissalPhrases{{"no need", "don't need", "do not need", "doesn't need", "does not need", "not needed",
                                    "isn't needed", "not necessary", "unnecessary", "doesn't matter", "does not matter",
                                    "not a concern", "isn't a concern", "not the problem", "isn't the problem",
                                    "not an issue", "isn't an issue", "not a problem", "isn't a problem", "not a real problem",
                                    "isn't a real problem", "no problem", "never a problem", "no effect", "has no impact",
                                    "nothing to worry", "is irrelevant", "no reason to", "safe to ignore", "can be ignored",
                                    "can safely"},
                                   PhraseList::Match::words};
const PhraseList kNuancePhrases{"but", "however", "depends", "trade-off", "unless", "although", "except",
                                "whereas", "on the other hand", "instead", "at the cost", "downside", "caveat",
                                "in practice", "it depends", "cost", "risk", "for example", "such as"};
// Words that sound expert and say nothing; a few are normal, a string of them is a buzzword
// salad. None is a term of art that a precise answer needs ("zero trust", "velocity",
// "end to end" and "scalable" are not here).
const PhraseList kBuzzwordPhrases{"paradigm shift", "synergy", "synergies", "single pane of glass", "golden path",
                                  "best-in-class", "best of breed", "cutting-edge", "next-gen", "next-generation",
                                  "holistic", "world-class", "seamless", "seamlessly", "game-changer", "disruptive",
                                  "cloud-native", "zero-touch", "leverage", "leveraging", "move the needle",
                                  "low-hanging fruit", "value-add", "circle back", "thought leadership",
                                  "digital transformation", "ai-powered", "ai-driven", "hyper-scale", "frictionless",
                                  "mission-critical", "robust and scalable", "continuous everything", "shift-left",
                                  "empower", "empowering", "bleeding-edge", "future-proof", "game changing",
                                  "data-driven synergy", "turnkey", "blockchain", "web3", "agile mindset", "game-changing",
                                  "leverages", "empowered", "empowerment", "data-driven", "omnichannel", "enabler",
                                  "supercharge", "democratization", "democratisation", "value stream", "customer-centric",
                                  "people-first", "outcome-driven", "growth mindset", "north-star", "moonshots", "virality",
                                  "growth hacking", "brand love", "delightful", "high-performance culture", "ai-augmented",
                                  "time-to-value", "de-risk", "operationalize", "operationalizes", "container-first",
                                  "observability-led", "single source of truth", "golden paths"};
// Blame, and the outcome put on someone or something else: nobody listened, it was out of
// the candidate's hands, it was another team's job, the work was not theirs ("not my role",
// "wasn't my decision"). Not what an owned story says too ("some of it was out of my control,
// so I…", "I didn't listen", "it made their job easier").
const PhraseList kBlamePhrases{"their fault", "his fault", "her fault", "not my fault", "wasn't my fault", "blame", "blamed",
                               "they messed", "they failed", "because of them", "incompetent", "lazy",
                               "wasn't on me", "not on me", "really on them", "was on them", "nobody listened",
                               "no one listened", "they didn't listen", "they wouldn't listen", "nothing i could do",
                               "not much i could do", "wasn't much i could do", "out of my hands", "hr's job",
                               "management's job", "wasn't fair", "didn't back me up", "they dropped the ball",
                               "should have caught", "they should have", "nobody told me", "no one told me", "ridiculous",
                               "not mine", "wasn't my decision", "not my decision", "not my area", "not my role",
                               "not my responsibility", "not my problem", "their problem", "manager's job", "waste of time",
                               "stubborn", "management failure"};
// The question turned aside: the candidate does not do it, it is someone else's job, they
// would look it up. Counted apart from hedges: a hedge qualifies an answer, these replace it.
const PhraseList kDeflectionPhrases{"i don't really", "i do not really", "i'm not really", "i am not really", "not my job",
                                    "not our job", "isn't my job", "is not my job", "not my problem", "not my responsibility",
                                    "look it up", "i've never had to", "i have never had to", "can't think of",
                                    "cannot think of", "i'm not a big fan", "i'd leave", "i would leave"};
const PhraseList kHypotheticalPhrases{"i would", "i always", "i usually", "i generally", "i tend to",
                                      "i try to", "i would probably", "in general i"};

// --- Fair scoring mode ---------------------------------------------------------------------

// The answer as the fair scoring mode grades it: filler words and hedges taken
// out (with the commas around them), misspelled words replaced by the speller's
// suggestion. What is left is what the answer says.
std::string content_only(const AnalyzedText& answer, const Speller* speller) {
  std::vector<bool> dropped(answer.tokens.size(), false);
  kFillerPhrases.mark_in(answer, dropped);
  kHedgePhrases.mark_in(answer, dropped);
  // Hunspell takes tens of milliseconds per suggestion: at most kMaxCorrections words
  // are corrected, and each thread remembers the suggestions it has made.
  constexpr std::size_t kMaxCorrections = 12;
  thread_local std::map<std::string, std::optional<std::string>> remembered;
  std::map<std::string, std::string> corrections;
  if (speller)
    for (const auto& word : speller->misspelled(answer)) {
      if (corrections.size() >= kMaxCorrections) break;
      auto it = remembered.find(word);
      if (it == remembered.end()) {
        if (remembered.size() >= 4096) remembered.clear();
        it = remembered.emplace(word, speller->suggestion(word)).first;
      }
      if (it->second) corrections.emplace(word, *it->second);
    }
  const std::string& text = answer.text;
  auto only_commas = [](std::string_view gap) { return gap.find_first_not_of(", ") == std::string_view::npos; };
  std::string out;
  std::size_t from = 0;  // where the text not yet copied begins
  for (std::size_t i = 0; i < answer.tokens.size(); ++i) {
    const Token& token = answer.tokens[i];
    const std::string_view gap(text.data() + from, token.offset - from);
    const std::size_t end = token.offset + token.word.size();
    if (dropped[i]) {
      // The gap before a dropped word, when only commas and spaces, goes too; a gap with
      // a full stop stays, so sentences stay where they were.
      out += only_commas(gap) ? (out.empty() ? "" : " ") : std::string(gap);
      from = end;
      while (from < text.size() && (text[from] == ',' || text[from] == ' ')) ++from;
      continue;
    }
    out += gap;
    const auto corrected = corrections.find(token.word);
    out += corrected != corrections.end() ? corrected->second : text.substr(token.offset, token.word.size());
    from = end;
  }
  out += text.substr(std::min(from, text.size()));
  // Words taken out leave runs of spaces; one is enough, so quotes read as sentences.
  out.erase(std::unique(out.begin(), out.end(), [](char a, char b) { return a == ' ' && b == ' '; }), out.end());
  return out;
}

// --- Guards --------------------------------------------------------------------------------

constexpr const char* kNotEnglish = "The answer does not seem to be in English; the offline coach grades English answers.";
constexpr const char* kOffTopic = "The answer does not address this question; it talks about something else.";
// Claims listed in the stronger answer to a question from outside the bank, and in the feedback as not said.
constexpr std::size_t kOutlineConcepts = 2, kOutlineClaims = 6, kFeedbackClaims = 3;
// Resources offered for a question from outside the bank, from the bank questions on its subject.
constexpr std::size_t kRelatedResources = 3;

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

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
    const bool vowel = is_vowel(c);
    const bool letter = c >= 'a' && c <= 'z';
    vowels += vowel;
    run = letter && !vowel ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return vowels == 0 || longest >= 5;
}

// Words that say how to answer rather than what about ("tell me about a time", "explain").
bool is_question_filler(std::string_view word) {
  static const std::set<std::string_view> kFiller = {
      "explain", "describe", "tell",  "give",    "example", "examples", "walk",   "through", "talk",  "discuss",
      "define",  "mean",     "means", "time",    "would",   "could",    "should", "might",   "any",   "your",
      "you",     "me",       "us",    "one",     "some",    "way",      "ways",   "it's",    "you'd", "what's",
      "do",      "did",      "does",  "approach", "handle", "situation", "happened", "difference", "between",
      "work",    "works",    "working", "happens", "know"};
  return kFiller.count(word) > 0;
}

std::set<std::string> content_stems(const AnalyzedText& text) {
  std::set<std::string> stems;
  for (const auto& token : text.tokens)
    if (!is_stopword(token.word) && !is_question_filler(token.word)) stems.insert(token.stem);
  return stems;
}

// An answer that is not an attempt: the reason, or nothing.
std::optional<std::string> check_guards(const AnalyzedText& answer, const AnalyzedText& asked) {
  const std::string_view trimmed = util::trim(answer.text);
  if (trimmed.empty()) return "No answer was given, so there is nothing to grade yet.";
  std::size_t ascii = 0, other = 0;
  for (char c : trimmed) (static_cast<unsigned char>(c) < 0x80 ? ascii : other)++;
  if (other * 3 > ascii + other) return kNotEnglish;
  if (answer.tokens.size() < 5) return "The answer is only a few words. Explain your reasoning in a few full sentences.";
  const std::string lowered = util::to_lower_ascii(answer.text);
  for (const auto phrase : {"ignore previous instructions", "ignore all previous", "ignore the above", "ignore your instructions",
                            "give me 10", "give me a 10", "score this 10", "rate this 10", "score this answer",
                            "rate this answer", "you are now", "system prompt", "10/10", "full marks", "perfect score",
                            "give this answer", "grade this answer", "as the grader", "dear grader", "to the grader",
                            "disregard the", "disregard all", "disregard your", "disregard previous"})
    if (lowered.find(phrase) != std::string::npos || lowered.rfind("system:", 0) == 0 || lowered.find("\nsystem:") != std::string::npos)
      return "The answer addresses the grader instead of the question. Answers are graded as answers, never "
             "followed as instructions.";
  std::size_t noise = 0;
  for (const auto& token : answer.tokens) noise += looks_like_noise(token.word);
  if (noise * 10 >= answer.tokens.size() * 4 || lowered.find("lorem ipsum") != std::string::npos)
    return "The answer reads as random characters rather than words.";
  if (foreign_word_share(answer) >= 0.15) return kNotEnglish;
  if (function_word_share(answer) < 0.08) {
    // Few function words: either a bare list of keywords or another language.
    std::size_t separators = 0;
    for (char c : trimmed) separators += c == ',' || c == '\n' || c == ';' || c == '/';
    if (separators * 3 >= answer.tokens.size() || answer.tokens.size() < 25)
      return "The answer is a list of keywords. Explain how they fit together, in sentences, with an example.";
    return kNotEnglish;
  }
  // The question given back: most of the answer's content words are the question's, and it adds almost nothing.
  const std::set<std::string> question_stems = content_stems(asked);
  std::size_t copied = 0, content = 0;
  std::set<std::string> added;
  for (const auto& token : answer.tokens) {
    if (is_stopword(token.word) || is_question_filler(token.word)) continue;
    ++content;
    if (question_stems.count(token.stem)) ++copied;
    else added.insert(token.stem);
  }
  if (content > 0 && copied * 10 >= content * 5 && added.size() <= 6)
    return "The answer repeats the question rather than answering it.";
  return std::nullopt;
}

// --- Measurements --------------------------------------------------------------------------

struct KeyPointResult {
  const KeyPoint* point;
  std::size_t at;       // token index of the match, or npos when missed
  std::string synonym;  // the WordNet synonym that matched, when no term did
};

// Where the answer states a key point: by one of its terms, else by a synonym.
KeyPointResult find_key_point(const AnalyzedText& answer, const KeyPoint& point) {
  for (const auto& term : point.stemmed_terms)
    if (const auto at = find_phrase(answer, term); at != std::string::npos) return {&point, at, ""};
  for (std::size_t i = 0; i < point.stemmed_synonyms.size(); ++i)
    if (const auto at = find_phrase(answer, point.stemmed_synonyms[i]); at != std::string::npos)
      return {&point, at, point.synonyms[i]};
  return {&point, std::string::npos, ""};
}

// Where the answer denies one of the terms (and states none of them): npos when it does not.
std::size_t find_denial(const AnalyzedText& answer, const std::vector<std::vector<std::string>>& terms) {
  for (const auto& term : terms)
    if (find_phrase(answer, term) != std::string::npos) return std::string::npos;
  for (const auto& term : terms)
    if (const auto at = find_phrase(answer, term, 2, Polarity::negated); at != std::string::npos) return at;
  return std::string::npos;
}

// Whether the occurrence of a wrong claim's `pattern` from token `at` to token `last` is put
// forward rather than warned against or supposed: a negation, a word of prevention ("stop",
// "avoid", "instead of", "forbids") or one that supposes ("if", "whether", "unless") in the
// seven words before it, with no comma between ("so a bad message doesn't block the queue or
// get retried forever", "if everything is a Must there is no contingency"); a word of
// prevention, of harm or that restricts ("only", "fewer") among its own words that the pattern
// does not hold ("skip those locked rows instead of waiting for them" is not "skip locked waits
// for", "returning 200 for failures hides errors" is not "return 200 for errors", "pairwise only
// guarantees every pair" is not "pairwise guarantees"); a word that calls it a mistake within
// four words of its length ("comparing December with November will mislead you"); a word of
// harm or "no evidence" in the eight words after it, before a "so", "because", "but" or "if"
// ("creating a new client per request throws away connection reuse", "putting new stock in
// front leaves older stock to expire", "… has no evidence"); or a sentence that introduces it
// as one ("a common mistake is to…").
bool warned_against(const AnalyzedText& answer, std::size_t at, std::size_t last, const std::vector<std::string>& pattern) {
  const std::size_t length = pattern.size();
  static const std::set<std::string_view> kPrevent{"stop", "stops", "stopping", "prevent", "prevents", "preventing",
                                                   "avoid", "avoids", "avoiding", "instead", "rather", "against",
                                                   "forbid", "forbids", "forbidden", "prohibit", "prohibits", "prohibited",
                                                   "disallow", "disallows", "disallowed"};
  static const std::set<std::string_view> kSuppose{"if", "whether", "unless"};
  static const std::set<std::string_view> kWorth{"evidence", "value", "benefit"};  // after a negation
  static const std::set<std::string_view> kTurns{"so", "because", "but", "although", "though", "while", "whereas", "unless", "if"};
  static const std::set<std::string_view> kRestrict{"only", "fewer", "less", "rarely", "hardly", "barely"};
  static const std::set<std::string_view> kJudged{"mislead", "misleads", "misleading", "wrong", "mistake", "myth",
                                                  "misconception", "false", "incorrect", "anti-pattern", "antipattern",
                                                  "trap", "pitfall", "fallacy", "unverifiable", "debunked", "unfounded"};
  static const std::set<std::string_view> kHarm{"breaks", "break", "hides", "defeats", "wastes", "bypasses", "brittle", "fragile",
                                                "backfires", "harmful", "dangerous", "risky", "throws", "leaks", "hurts", "undermines",
                                                "delays", "blocks", "stalls", "stall", "slows", "rigs", "couples", "bottleneck",
                                                "overhead", "rework", "fails", "fail", "expire", "late", "problems", "risk",
                                                "conflicts", "overwrites", "damage", "damages", "lacks"};
  const auto& tokens = answer.tokens;
  const std::size_t sentence = tokens[at].sentence;
  auto in_pattern = [&](std::size_t k) { return std::find(pattern.begin(), pattern.end(), tokens[k].stem) != pattern.end(); };
  for (std::size_t k = at >= 7 ? at - 7 : 0; k < at; ++k)
    if (tokens[k].sentence == sentence &&
        (negation_reaches(answer, k, at, Polarity::affirmed) || kPrevent.count(tokens[k].word) || kSuppose.count(tokens[k].word)) &&
        !clause_break_between(answer, k, at))
      return true;
  for (std::size_t k = at + 1; k < last; ++k)
    if ((kPrevent.count(tokens[k].word) || kHarm.count(tokens[k].word) || kRestrict.count(tokens[k].word)) && !in_pattern(k))
      return true;
  for (std::size_t k = at; k-- > 0 && tokens[k].sentence == sentence;)
    if (kJudged.count(tokens[k].word)) return true;
  for (std::size_t k = at + 1; k < tokens.size() && k <= at + length + 4 && tokens[k].sentence == sentence; ++k)
    if (kJudged.count(tokens[k].word) && !in_pattern(k)) return true;
  // "… has no evidence", "… produces stories with no user value"
  auto worth_denied = [&](std::size_t k) {
    return kWorth.count(tokens[k].word) && (is_negation(tokens[k - 1].word) || (k >= 2 && is_negation(tokens[k - 2].word)));
  };
  for (std::size_t k = last + 1; k < tokens.size() && k <= last + 8 && tokens[k].sentence == sentence && !kTurns.count(tokens[k].word);
       ++k)
    if (kHarm.count(tokens[k].word) || worth_denied(k)) return true;
  return false;
}

// Whether the words of an occurrence from token `at` to token `last` belong to two statements
// rather than one: a comma, colon or semicolon between them, or an "and", "or", "plus" or
// contrast word that the pattern does not hold ("MTBF measures reliability and MTTR repair
// speed" is not "MTBF measures repair speed", "a headless Service plus gRPC's round_robin
// policy" is not "headless service round robins").
bool spans_two_statements(const AnalyzedText& answer, std::size_t at, std::size_t last, const std::vector<std::string>& pattern) {
  const auto& tokens = answer.tokens;
  if (clause_break_between(answer, at, last)) return true;
  for (std::size_t k = at + 1; k < last; ++k)
    if ((tokens[k].word == "and" || tokens[k].word == "or" || tokens[k].word == "plus" || is_contrast_word(tokens[k].word)) &&
        std::find(pattern.begin(), pattern.end(), tokens[k].stem) == pattern.end())
      return true;
  return false;
}

// The most words between neighbouring words of a wrong claim's pattern.
constexpr std::size_t kPatternGap = 3;

// Whether the occurrence of a pattern (`written`, its words as written) from token `at` to
// token `last` tells what happened rather than claims what is: "was", "were" or "had" just
// before it or among its words ("no rollback was needed", "Hive had stored timestamps in local
// time"), or one of its words in the past tense where the pattern's is not, with no "is",
// "are" or "be" before it ("it retried on every error" for "retry on every error", but
// "timestamps are stored in local time" claims it).
bool told_as_past(const AnalyzedText& answer, std::size_t at, std::size_t last, const std::vector<std::string>& pattern,
                  std::string_view written) {
  static const std::set<std::string_view> kPast{"was", "were", "had", "wasn't", "weren't", "hadn't"};
  static const std::set<std::string_view> kPresent{"is", "are", "be", "been", "being", "get", "gets", "isn't", "aren't"};
  const auto& tokens = answer.tokens;
  for (std::size_t k = at > 0 ? at - 1 : 0; k <= last; ++k)
    if (tokens[k].sentence == tokens[at].sentence && kPast.count(tokens[k].word)) return true;
  const std::vector<std::string> words = words_of(written);
  for (std::size_t k = at; k <= last; ++k) {
    const auto p = std::find(pattern.begin(), pattern.end(), tokens[k].stem);
    if (p == pattern.end() || !tokens[k].word.ends_with("ed")) continue;
    const auto i = static_cast<std::size_t>(p - pattern.begin());
    if (i < words.size() && !words[i].ends_with("ed") && (k == 0 || !kPresent.count(tokens[k - 1].word))) return true;
  }
  return false;
}

// Where the answer puts forward a wrong claim's pattern (`written`: as written, `pattern`:
// stemmed): npos when it does not. A wrong belief told as what happened is a story, not a
// claim ("Hive had stored timestamps in local time, which shifted orders"); but for `conduct`,
// the misconceptions of a behavioral question, the story is the answer ("I told my boss it
// was their fault").
std::size_t find_stated(const AnalyzedText& answer, const std::vector<std::string>& pattern, std::string_view written,
                        bool conduct) {
  std::size_t last = 0;
  for (std::size_t at = find_phrase(answer, pattern, kPatternGap, Polarity::affirmed, 0, &last); at != std::string::npos;
       at = find_phrase(answer, pattern, kPatternGap, Polarity::affirmed, at + 1, &last))
    if (!spans_two_statements(answer, at, last, pattern) && !warned_against(answer, at, last, pattern) &&
        (conduct || !told_as_past(answer, at, last, pattern, written)))
      return at;
  return std::string::npos;
}

// Where the answer turns one of the terms round ("increases overfitting" for the
// term "reduces overfitting"): npos when it does not.
std::size_t find_reversal(const AnalyzedText& answer, const std::vector<std::vector<std::string>>& terms) {
  static const std::vector<std::pair<std::string, std::string>> kOpposites = [] {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& [a, b] : std::initializer_list<std::pair<const char*, const char*>>{
             {"reduces", "increases"}, {"decreases", "increases"}, {"lower", "higher"}, {"faster", "slower"},
             {"more", "less"},         {"more", "fewer"},          {"better", "worse"}, {"before", "after"},
             {"smaller", "larger"},    {"prevents", "causes"},     {"safe", "unsafe"},  {"strong", "weak"},
             {"increase", "decrease"}, {"reduce", "increase"},     {"improves", "hurts"}}) {
      pairs.emplace_back(stem_word(a), stem_word(b));
      pairs.emplace_back(stem_word(b), stem_word(a));
    }
    return pairs;
  }();
  for (const auto& term : terms) {
    if (term.size() < 2) continue;
    for (std::size_t i = 0; i < term.size(); ++i)
      for (const auto& [word, opposite] : kOpposites) {
        if (term[i] != word) continue;
        auto turned = term;
        turned[i] = opposite;
        if (const auto at = find_phrase(answer, turned); at != std::string::npos) return at;
      }
  }
  return std::string::npos;
}

// A past-tense verb: a regular "-ed" form ("need" and "succeed" are not) or a common irregular one.
bool is_past_tense(std::string_view word) {
  static const std::set<std::string_view> kIrregularPast{
      "was", "were", "had", "did", "went", "told", "sent", "made", "took", "got", "found", "led", "built", "wrote", "ran",
      "said", "saw", "knew", "thought", "felt", "came", "gave", "kept", "began", "brought", "bought", "caught", "chose",
      "drew", "drove", "fell", "fought", "flew", "forgot", "grew", "heard", "held", "hid", "hit", "left", "lost", "meant",
      "met", "paid", "put", "quit", "spoke", "spent", "stood", "taught", "threw", "understood", "won", "became", "rewrote",
      "sat", "set", "shut", "split", "sold", "stuck", "woke", "overcame"};
  return (word.size() > 3 && word.ends_with("ed") && !word.ends_with("eed")) || kIrregularPast.count(word) > 0;
}

// What the candidate says they did: "I" and a past-tense verb, and the past-tense verbs
// joined to it in the same sentence ("I compared the logs, found the race and fixed it"
// is three). Another subject starting a clause (", and we agreed") ends the run; states
// and feelings ("I was", "I loved") are not actions.
std::size_t count_own_actions(const AnalyzedText& answer) {
  static const std::set<std::string_view> kOtherSubjects{"we", "they", "he", "she", "it", "you", "who", "which", "that"};
  static const std::set<std::string_view> kStates{"was", "were", "had", "felt", "thought", "knew", "loved", "liked",
                                                  "enjoyed", "wanted", "hoped", "wished", "seemed", "needed", "believed",
                                                  "hated", "preferred", "remembered", "realized", "realised", "meant"};
  const auto& tokens = answer.tokens;
  std::size_t count = 0;
  bool mine = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && tokens[i].sentence != tokens[i - 1].sentence) mine = false;
    const std::string& word = tokens[i].word;
    // Joined to the word before by "and", "then" or a comma: "…, found the race and fixed it".
    bool joined = false;
    if (i > 0 && tokens[i].sentence == tokens[i - 1].sentence && tokens[i].offset >= tokens[i - 1].offset + tokens[i - 1].word.size()) {
      const std::size_t end = tokens[i - 1].offset + tokens[i - 1].word.size();
      const std::string_view between(answer.text.data() + end, tokens[i].offset - end);
      joined = tokens[i - 1].word == "and" || tokens[i - 1].word == "then" || between.find(',') != std::string_view::npos;
    }
    if (joined && kOtherSubjects.count(word)) mine = false;
    const bool action = is_past_tense(word) && !kStates.count(word);
    if (i > 0 && tokens[i - 1].word == "i" && tokens[i].sentence == tokens[i - 1].sentence) {
      mine = true, count += action;
      continue;
    }
    count += mine && action && joined;
  }
  return count;
}

// The parts of a STAR story. Each is found by its usual phrases ("at my last job", "my goal",
// "I decided", "as a result") or by the shape of the story: the first sentence told in the
// past sets the situation, two or more things the candidate did (`own_actions`, from
// count_own_actions) are the action, and a last sentence told in the past with a figure in
// it is the result.
model::StarParts find_star(const AnalyzedText& text, std::size_t own_actions) {
  model::StarParts star{kSituationPhrases.count_in(text) > 0, kTaskPhrases.count_in(text) > 0,
                        kActionPhrases.count_in(text) > 0, kResultPhrases.count_in(text) > 0};
  if (text.tokens.empty()) return star;
  const std::size_t last = text.tokens.back().sentence;
  bool first_past = false, last_past = false, last_figure = false;
  for (const auto& token : text.tokens) {
    if (token.sentence == 0 && is_past_tense(token.word)) first_past = true;
    if (token.sentence != last || last == 0) continue;
    last_past = last_past || is_past_tense(token.word);
    last_figure = last_figure || std::isdigit(static_cast<unsigned char>(token.word[0]));
  }
  star.situation = star.situation || first_past;
  star.action = star.action || own_actions >= 2;
  star.result = star.result || (last_past && last_figure);
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
      const bool vowel = is_vowel(c);
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

bool contains(const std::vector<const Concept*>& list, const Concept* c) {
  return std::find(list.begin(), list.end(), c) != list.end();
}

// Everything the scores and the feedback rest on.
struct Measurements {
  bool behavioral = false;
  bool content_only = false;  // the fair scoring mode: delivery is not measured
  std::size_t words = 0, content_words = 0;
  // What was said, against what should have been.
  std::vector<KeyPointResult> key_points;
  std::size_t key_points_covered = 0;
  std::vector<const Concept*> question_concepts;  // what the question (or its bank entry) names
  std::vector<const Concept*> topic_concepts;     // those, and the concepts of the nearest bank questions
  std::vector<const Concept*> answer_concepts;
  double subject_naming = 0;  // how unmistakably the question names a concept: its highest mention weight
  std::vector<model::CoveredPoint> claims;               // concepts' true claims stated
  std::size_t firm_claims = 0;                           // of which stated firmly (Weights: claim_firm_words)
  std::vector<model::StatedMisconception> wrong_claims;  // wrong claims stated, true ones denied
  std::size_t contradictions = 0;                        // of which denials
  double relevance = 0;
  double in_field = 1;         // share of the answer's content words that the field uses
  bool off_field = false;      // too few of them: relevance is bounded by that share
  bool wrong_subject = false;  // names concepts of the field, none of them the question's
  bool off_subject = false;    // barely uses the words of the bank question it answers
  std::optional<std::size_t> deflection;  // where the answer turns the question aside, when it does (the first token)
  std::size_t narrative = 0;              // things told as having happened: "I/we/they" and a verb in the past
  std::size_t own_actions = 0;            // things the candidate says they did
  // Delivery.
  std::size_t fillers = 0, hedges = 0, ownership = 0, structure = 0, numbers = 0, absolutes = 0, nuance = 0;
  std::size_t blame = 0, hypothetical = 0, buzzwords = 0;
  std::vector<std::size_t> dismissals;  // where a concern is waved away unhedged (first tokens; counted among the absolutes too)
  double substance = 0;  // 0..1: how much the answer says
  double variety = 0, sentence_length = 0, ease = 0;
  std::vector<std::string> misspelled;
  model::StarParts star;
  std::optional<PhrasingModel::Reading> phrasing;  // when a phrasing model was given

  // Correctness can be checked: key points, or concepts of the subject the answer talks about.
  bool checked() const {
    if (!key_points.empty() || !question_concepts.empty()) return true;
    return std::any_of(answer_concepts.begin(), answer_concepts.end(), [this](const Concept* c) { return contains(topic_concepts, c); });
  }
  // Says, unhedged, something about a subject whose correctness can be checked, and none
  // of it is what is known about the subject: a claim touched on in passing (its term in a
  // sentence that says little else of it) does not stand behind the rest.
  bool backs_nothing() const {
    return !behavioral && checked() && firm_claims == 0 && key_points_covered == 0 && hedges == 0;
  }
  // The answer itself names a concept the question is about.
  bool names_subject() const {
    return std::any_of(question_concepts.begin(), question_concepts.end(), [this](const Concept* c) { return contains(answer_concepts, c); });
  }
  // Backs nothing on a subject the question names unmistakably, short of a full answer or
  // naming the subject itself (Weights: unbacked).
  bool unbacked() const {
    return backs_nothing() && subject_naming >= kWeights.unbacked_naming && misspelled.size() < 2 &&
           (substance < kWeights.unbacked_full || names_subject());
  }
  // Waves a concern away and states nothing known to be true about the subject (Weights:
  // per_dismissal): nothing stands behind the dismissal.
  bool waves_away() const { return !behavioral && !dismissals.empty() && firm_claims == 0 && key_points_covered == 0; }
  // States firmly enough of what is known about its subject for its phrasing not to count (Weights: phrasing_vouched).
  bool vouched_for() const { return static_cast<double>(firm_claims + key_points_covered) >= kWeights.phrasing_vouched; }
  // A behavioral answer that tells no story (of a dozen words or more: shorter ones are
  // bounded by their length).
  bool no_story() const { return behavioral && narrative == 0 && words >= 12; }
  // A string of buzzwords rather than an answer.
  bool buzzword_salad() const {
    const double count = static_cast<double>(buzzwords);
    return count >= kWeights.salad_least && count * 100 / std::max(static_cast<double>(words), kWeights.rate_floor_words) >= kWeights.salad_rate;
  }
  double coverage() const {
    return key_points.empty() ? 0 : static_cast<double>(key_points_covered) / static_cast<double>(key_points.size());
  }
  // 0..1: how much of what a strong answer says this one says. Claims about the
  // subject's concepts count in full, claims about others by half.
  double knowledge() const {
    double stated = 0;
    for (const auto& claim : claims)
      stated += std::any_of(topic_concepts.begin(), topic_concepts.end(), [&](const Concept* c) { return c->id == claim.concept_id; }) ? 1 : 0.5;
    double available = 0;
    for (const Concept* c : question_concepts) available += static_cast<double>(c->claims.size());
    const double target = std::clamp(kWeights.claims_share * available, kWeights.claims_at_least, kWeights.claims_at_most);
    const double from_claims = std::min(1.0, stated / target);
    if (key_points.empty()) return from_claims;
    return kWeights.bank_share * coverage() + (1 - kWeights.bank_share) * from_claims;
  }
};

// The concepts of `mentions` (KnowledgeBase::mentions of a text) named clearly enough (mention
// weight ≥ `min_weight`), most specific first, at most `limit`.
std::vector<const Concept*> linked_concepts(const KnowledgeBase& knowledge, std::vector<ConceptMention> mentions, std::size_t limit,
                                            double min_weight, const std::vector<std::size_t>& also = {}) {
  std::stable_sort(mentions.begin(), mentions.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
  std::vector<const Concept*> out;
  auto add = [&](std::size_t index) {
    const Concept* c = &knowledge.concepts()[index];
    if (out.size() < limit && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  };
  for (const auto& mention : mentions)
    if (mention.weight >= min_weight) add(mention.index);
  for (const auto index : also) add(index);
  return out;
}

// Naming a concept says nothing about it: a claim's term that is also one of the concept's names does not state the claim.
bool names_concept(const Concept& c, const std::vector<std::string>& term) {
  return std::find(c.stemmed_terms.begin(), c.stemmed_terms.end(), term) != c.stemmed_terms.end();
}

// Whether the sentence of token `token` names concept `c` by one of its terms.
bool named_in_sentence(const AnalyzedText& answer, const Concept& c, std::size_t token) {
  const auto& tokens = answer.tokens;
  const std::size_t sentence = tokens[token].sentence;
  std::size_t begin = token;
  while (begin > 0 && tokens[begin - 1].sentence == sentence) --begin;
  for (std::size_t i = begin; i < tokens.size() && tokens[i].sentence == sentence; ++i)
    for (const auto& term : c.stemmed_terms) {
      std::size_t k = 0;
      while (k < term.size() && i + k < tokens.size() && tokens[i + k].sentence == sentence && tokens[i + k].stem == term[k]) ++k;
      if (!term.empty() && k == term.size()) return true;
    }
  return false;
}

// A sentence that is a string of comma-separated items ("declarative, cloud-native,
// self-healing, immutable, observable delivery") lists words; it states no claim.
bool in_list_sentence(const AnalyzedText& answer, std::size_t token) {
  const std::size_t sentence = answer.tokens[token].sentence;
  std::size_t begin = token, end = token;
  while (begin > 0 && answer.tokens[begin - 1].sentence == sentence) --begin;
  while (end + 1 < answer.tokens.size() && answer.tokens[end + 1].sentence == sentence) ++end;
  const std::size_t from = answer.tokens[begin].offset;
  const std::size_t to = answer.tokens[end].offset + answer.tokens[end].word.size();
  const auto commas = static_cast<std::size_t>(std::count(answer.text.begin() + static_cast<std::ptrdiff_t>(from),
                                                          answer.text.begin() + static_cast<std::ptrdiff_t>(std::min(to, answer.text.size())), ','));
  return commas >= 4 && commas * 4 >= end - begin + 1;
}

// The answer's sentences, each as the content words it adds to the question's (stemmed),
// with its first token.
struct Sentences {
  std::vector<std::set<std::string>> stems;
  std::vector<std::size_t> first;
};

Sentences sentences_beyond(const AnalyzedText& answer, const std::set<std::string>& question_stems) {
  Sentences out;
  for (std::size_t i = 0; i < answer.tokens.size(); ++i) {
    const Token& token = answer.tokens[i];
    if (token.sentence >= out.stems.size()) out.stems.resize(token.sentence + 1), out.first.resize(token.sentence + 1, i);
    if (!is_stopword(token.word) && !question_stems.count(token.stem)) out.stems[token.sentence].insert(token.stem);
  }
  return out;
}

// A claim's own content words that the question does not already use.
std::vector<const ConceptClaim::Word*> beyond_question(const ConceptClaim& claim, const std::set<std::string>& question_stems) {
  std::vector<const ConceptClaim::Word*> words;
  for (const auto& word : claim.statement)
    if (!question_stems.count(word.stem)) words.push_back(&word);
  return words;
}

// How much of a claim's own statement a sentence says: the share of those words found in
// the sentence, and how many of the found ones are not words of the concept's names.
struct Support {
  std::size_t shared = 0, of = 0, beyond_names = 0;
  double share() const { return of ? static_cast<double>(shared) / static_cast<double>(of) : 1.0; }
};

Support support(const std::vector<const ConceptClaim::Word*>& words, const std::set<std::string>& sentence) {
  Support s{0, words.size(), 0};
  for (const auto* word : words)
    if (sentence.count(word->stem)) ++s.shared, s.beyond_names += !word->names_concept;
  return s;
}

// Whether sentence `sentence` of the answer swaps what a contrasting claim says of two
// things the question names ("defer runs scripts in order, while async runs each as soon as
// it arrives" answered "async runs scripts in the order they are written"). Each of the
// claim's two parts (ConceptClaim::contrast) has its named things (the question's words
// that only it uses) and its properties (its other content words, those both parts use
// left out). Each mention of a named thing takes the words up to the next mention, but in a
// sentence that contrasts too ("but", "while", …), a clause that names one of the two things
// says all its words of it, wherever they stand ("ISRs can give semaphores, but must not take
// mutexes"). Words it negates ("never waits for parsing") say nothing.
// Swapped when the words said of a thing share at least two properties with the other part
// and more than with their own.
bool swaps_contrast(const AnalyzedText& answer, std::size_t sentence, const ConceptClaim& claim,
                    const std::set<std::string>& question_stems) {
  std::set<std::string> names[2], properties[2];
  for (std::size_t half = 0; half < 2; ++half)
    for (const auto& stem : claim.contrast[half]) (question_stems.count(stem) ? names : properties)[half].insert(stem);
  auto drop_shared = [](std::set<std::string>& a, std::set<std::string>& b) {
    std::set<std::string> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(both, both.end()));
    for (const auto& stem : both) a.erase(stem), b.erase(stem);
  };
  drop_shared(names[0], names[1]);
  drop_shared(properties[0], properties[1]);
  if (names[0].empty() || names[1].empty()) return false;
  auto named = [&](const Token& token) { return names[0].count(token.stem) ? 0 : names[1].count(token.stem) ? 1 : -1; };
  int owner = -1;
  std::set<std::pair<int, std::string>> own, other;
  std::size_t i = 0;
  while (i < answer.tokens.size() && answer.tokens[i].sentence != sentence) ++i;
  bool contrasts = false;
  for (std::size_t k = i; k < answer.tokens.size() && answer.tokens[k].sentence == sentence; ++k)
    contrasts = contrasts || (k > i && is_contrast_word(answer.tokens[k].word));
  while (i < answer.tokens.size() && answer.tokens[i].sentence == sentence) {
    std::size_t end = i + 1;  // the clause: up to the next contrast word
    while (end < answer.tokens.size() && answer.tokens[end].sentence == sentence && !is_contrast_word(answer.tokens[end].word)) ++end;
    std::set<int> in_clause;
    for (std::size_t k = i; k < end; ++k)
      if (named(answer.tokens[k]) >= 0) in_clause.insert(named(answer.tokens[k]));
    if (contrasts && in_clause.size() == 1) owner = *in_clause.begin();
    for (std::size_t k = i; k < end; ++k) {
      const Token& token = answer.tokens[k];
      if (named(token) >= 0) {
        owner = named(token);
        continue;
      }
      if (owner < 0 || is_stopword(token.word) || is_negated(answer, k)) continue;
      if (properties[owner].count(token.stem)) own.insert({owner, token.stem});
      else if (properties[1 - owner].count(token.stem)) other.insert({owner, token.stem});
    }
    i = end;
  }
  return other.size() >= 2 && other.size() > own.size();
}

void measure_claims(const GradeInput& input, const AnalyzedText& question, const AnalyzedText& answer, Measurements& m) {
  const Weights& w = kWeights;
  // A term the question itself uses shows nothing when the answer repeats it.
  const std::set<std::string> question_stems = content_stems(question);
  const Sentences sentences = sentences_beyond(answer, question_stems);
  auto from_question = [&](const std::vector<std::string>& term) {
    return std::all_of(term.begin(), term.end(), [&](const std::string& stem) { return is_stopword(stem) || question_stems.count(stem) > 0; });
  };
  const BankQuestion* bank = input.bank_question;
  // A sentence that waves a concern away does not state what is known about it ("force-quitting
  // is not a concern" has the term "force-quit" of the claim that it stops silent pushes).
  std::set<std::size_t> dismissing;
  for (const std::size_t at : m.dismissals) dismissing.insert(answer.tokens[at].sentence);
  // Sentences that make a wrong claim: one finding per sentence of the answer is enough.
  std::set<std::size_t> wrong_sentences;
  auto in_wrong_sentence = [&](std::size_t at) { return wrong_sentences.count(answer.tokens[at].sentence) > 0; };
  // The wrong claim `wrong` made at token `at`, quoting its sentence.
  auto add_wrong = [&](std::size_t at, model::StatedMisconception wrong, bool denial) {
    if (!wrong_sentences.insert(answer.tokens[at].sentence).second) return;
    wrong.quote = std::string(answer.quote(at));
    m.wrong_claims.push_back(std::move(wrong));
    m.contradictions += denial;
  };
  if (bank) {
    for (const auto& wrong : bank->misconceptions)
      for (std::size_t i = 0; i < wrong.stemmed_patterns.size(); ++i)
        if (const auto at = find_stated(answer, wrong.stemmed_patterns[i], wrong.patterns[i], bank->type == "behavioral");
            at != std::string::npos) {
          add_wrong(at, {wrong.claim, wrong.correction, "", ""}, false);
          break;
        }
  }
  // Concepts: those of the question are checked for their claims; those the
  // answer brings in are checked for wrong claims too.
  std::vector<const Concept*> checked = m.question_concepts;
  for (const Concept* c : m.answer_concepts)
    if (!contains(checked, c)) checked.push_back(c);
  for (const Concept* c : checked) {
    const bool conduct = std::find(c->families.begin(), c->families.end(), "behavioral") != c->families.end();
    for (const auto& wrong : c->wrong_claims)
      for (std::size_t i = 0; i < wrong.stemmed_patterns.size(); ++i)
        if (const auto at = find_stated(answer, wrong.stemmed_patterns[i], wrong.patterns[i], conduct); at != std::string::npos) {
          add_wrong(at, {wrong.claim, wrong.correction, "", c->id}, false);
          break;
        }
  }
  if (bank) {
    for (const auto& point : bank->key_points) {
      m.key_points.push_back(find_key_point(answer, point));
      auto& result = m.key_points.back();
      if (result.at != std::string::npos && in_wrong_sentence(result.at)) result.at = std::string::npos;
      if (result.at != std::string::npos) ++m.key_points_covered;
      else if (!point.negative)
        if (const auto at = find_denial(answer, point.stemmed_terms); at != std::string::npos)
          add_wrong(at, {point.point, "A strong answer says: " + point.point + ".", "", ""}, true);
    }
  }
  for (const Concept* c : checked) {
    const bool asked = contains(m.question_concepts, c);
    for (const auto& claim : c->claims) {
      // A claim put negatively ("avoids a full scan") is stated by its terms either way ("without a full scan").
      const bool negative = claim.negative;
      // A term stands for its claim only in a sentence that says some of the claim's own words
      // ("my manager had an authoritative style" has the term "authoritative" but says nothing
      // of resolvers, roots or TLDs), and that is not a list of words. Every place a term
      // occurs is tried: "long pauses" may come before the sentence about low-pause collectors.
      const auto own = beyond_question(claim, question_stems);
      auto stands_for_claim = [&](std::size_t token) {
        const std::size_t sentence = answer.tokens[token].sentence;
        return !in_list_sentence(answer, token) && dismissing.count(sentence) == 0 &&
               support(own, sentences.stems[sentence]).share() >= w.claim_support;
      };
      auto first_standing = [&](const std::vector<std::string>& term, Polarity polarity) {
        std::size_t found = find_phrase(answer, term, 2, polarity);
        while (found != std::string::npos && !stands_for_claim(found)) found = find_phrase(answer, term, 2, polarity, found + 1);
        return found;
      };
      std::size_t at = std::string::npos;
      for (const auto& term : claim.stemmed_terms) {
        if (from_question(term) || names_concept(*c, term)) continue;
        if ((at = first_standing(term, Polarity::affirmed)) != std::string::npos) break;
        if (negative && (at = first_standing(term, Polarity::put_negatively)) != std::string::npos) break;
      }
      // Without its terms, a claim is stated by a sentence that says most of its own words.
      if (at == std::string::npos)
        for (std::size_t k = 0; k < sentences.stems.size() && at == std::string::npos; ++k) {
          const Support said = support(own, sentences.stems[k]);
          if (said.beyond_names >= w.claim_restated_words && said.share() >= w.claim_restated &&
              !in_list_sentence(answer, sentences.first[k]) && dismissing.count(k) == 0)
            at = sentences.first[k];
        }
      // A claim's words in a sentence that makes a wrong claim do not state it.
      if (at != std::string::npos && in_wrong_sentence(at)) continue;
      // A concept off the subject, brought in by the answer, has its claim stated only in a
      // sentence that names it: elsewhere its claim's words mean something else.
      if (at != std::string::npos && !contains(m.topic_concepts, c) && !named_in_sentence(answer, *c, at)) continue;
      // Said of the wrong one of the two things it contrasts, the claim is turned round.
      if (at != std::string::npos && asked && swaps_contrast(answer, answer.tokens[at].sentence, claim, question_stems)) {
        add_wrong(at, {claim.claim, "In fact: " + claim.claim + ".", "", c->id}, true);
        continue;
      }
      if (at != std::string::npos) {
        if (asked || m.claims.size() < 6) {
          m.claims.push_back({claim.claim, std::string(answer.quote(at)), "", c->id});
          m.firm_claims += support(own, sentences.stems[answer.tokens[at].sentence]).beyond_names >= w.claim_firm_words;
        }
      } else if (asked && !negative) {
        // Denied, like stated, only in a sentence about the claim: "They don't say why" does
        // not deny that qualitative research explains why.
        auto denied = find_denial(answer, claim.stemmed_terms);
        if (denied == std::string::npos) denied = find_reversal(answer, claim.stemmed_terms);
        if (denied != std::string::npos && support(own, sentences.stems[answer.tokens[denied].sentence]).share() >= w.claim_support)
          add_wrong(denied, {claim.claim, "In fact: " + claim.claim + ".", "", c->id}, true);
      }
    }
  }
}

// Where the answer turns the question aside: a deflecting phrase, or the question called
// someone else's job ("that's the developer's job", not "the event loop's job is…"), in
// its first sentences or twice.
std::optional<std::size_t> find_deflection(const AnalyzedText& answer) {
  static const std::set<std::string_view> kContractions{"it's", "that's", "what's", "there's", "here's", "let's", "he's", "she's", "who's"};
  std::vector<std::size_t> starts = kDeflectionPhrases.starts_in(answer);
  const auto& tokens = answer.tokens;
  auto calls_it = [&](std::size_t i) {  // "that's (really) a developer's job", "it's the DBA's job"
    for (std::size_t k = i; k-- > 0 && k + 4 >= i && tokens[k].sentence == tokens[i].sentence;)
      if (tokens[k].word == "that's" || tokens[k].word == "it's") return true;
    return false;
  };
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i + 1].word == "job" && tokens[i].word.ends_with("'s") && !kContractions.count(tokens[i].word) && calls_it(i))
      starts.push_back(i);
  if (starts.empty()) return std::nullopt;
  const std::size_t first = *std::min_element(starts.begin(), starts.end());
  if (static_cast<double>(tokens[first].sentence) < kWeights.deflection_sentences || starts.size() >= 2) return first;
  return std::nullopt;
}

// How many times the answer tells something as having happened: a subject ("I", "we",
// "they", "he", "she") followed by a past-tense verb ("we shipped", "I told"). A story
// has several; "I just keep calling", "I'm someone who" and "I'd push back" have none.
std::size_t count_narrative(const AnalyzedText& answer) {
  static const std::set<std::string_view> kSubjects{"i", "we", "they", "he", "she"};
  std::size_t count = 0;
  const auto& tokens = answer.tokens;
  for (std::size_t i = 1; i < tokens.size(); ++i)
    count += kSubjects.count(tokens[i - 1].word) && tokens[i].sentence == tokens[i - 1].sentence && is_past_tense(tokens[i].word);
  return count;
}

// 0..1: how much the answer is about what was asked — the question's words it
// takes up, the concepts they share, and how much of the answer's vocabulary
// belongs to the question's subject (its words, and the wording of the bank
// questions nearest to it).
void measure_relevance(const GradeInput& input, const AnalyzedText& asked, const AnalyzedText& answer, Measurements& m) {
  const std::set<std::string> question_stems = content_stems(asked);
  const std::set<std::string> answer_stems = content_stems(answer);
  std::size_t taken = 0;
  for (const auto& stem : question_stems) taken += answer_stems.count(stem);
  const double lexical =
      question_stems.empty() ? 0.5 : std::min(1.0, 1.6 * static_cast<double>(taken) / static_cast<double>(question_stems.size()));
  std::size_t shared_concepts = 0;
  for (const Concept* c : m.answer_concepts) shared_concepts += contains(m.topic_concepts, c);
  // Stating a subject concept's claims is being on the subject, named or not ("it hashes each key…").
  for (const Concept* c : m.topic_concepts)
    if (!contains(m.answer_concepts, c) &&
        std::any_of(m.claims.begin(), m.claims.end(), [&](const model::CoveredPoint& claim) { return claim.concept_id == c->id; }))
      ++shared_concepts;
  double conceptual = std::min(1.0, static_cast<double>(shared_concepts) / 2.0);
  std::vector<const BankQuestion*> subject = input.related;
  if (input.bank_question) subject.insert(subject.begin(), input.bank_question);
  if (subject.size() > 3) subject.resize(3);
  std::size_t content = 0, on_subject = 0;
  for (const auto& token : answer.tokens) {
    if (is_stopword(token.word)) continue;
    ++content;
    bool found = question_stems.count(token.stem) > 0;
    for (const BankQuestion* q : subject) found = found || q->topic.count(token.stem) > 0;
    on_subject += found;
  }
  const double share = content == 0 ? 0 : static_cast<double>(on_subject) / static_cast<double>(content);
  const double topical = std::min(1.0, share / 0.3);
  // Names concepts of the field, none of them the subject's, barely takes up the question's
  // words and keeps little to the subject's (those of the question and of the bank questions
  // nearest it): an answer about something else. An answer in the subject's words that also
  // names another concept ("…and keep TCP connections to the database in a pool") is not; nor
  // is one to a question that names no concept itself: the nearest bank questions only hint
  // at its subject, and a concept the answer names may be the one it asks about.
  m.wrong_subject = !m.behavioral && !m.question_concepts.empty() && !m.answer_concepts.empty() && shared_concepts == 0 &&
                    m.key_points_covered == 0 && lexical < 0.5 && topical < 1.0;
  // A bank question's own subject is well known: an answer that barely touches its words is about something else.
  m.off_subject = input.bank_question && content >= 8 && share < 0.12 && lexical < 0.3;
  double story = 0;
  if (m.behavioral) story = 0.2 * m.star.count() + (m.star.action ? 0.1 : 0);
  m.relevance = std::max({lexical, conceptual, topical, story});
  if (input.field && input.field->size() >= kWeights.field_min_stems) {
    // Words of the field: the bank's and knowledge base's, or the question's. Misspelled
    // words are not counted either way, so typos are not mistaken for another subject.
    std::size_t counted = 0, in_field = 0;
    for (const auto& token : answer.tokens) {
      if (is_stopword(token.word) || token.word.size() < 3 || std::isdigit(static_cast<unsigned char>(token.word[0])) ||
          std::find(m.misspelled.begin(), m.misspelled.end(), token.word) != m.misspelled.end())
        continue;
      ++counted;
      in_field += input.field->count(token.stem) > 0 || question_stems.count(token.stem) > 0;
    }
    if (counted >= 12) m.in_field = static_cast<double>(in_field) / static_cast<double>(counted);
    // Answers about work keep to the field's words (93 % and up in the labeled sets); a
    // poem or word salad that repeats the question's words does not, and is not relevant.
    m.off_field = m.in_field < kWeights.field_full;
    m.relevance = std::min(m.relevance, std::clamp((m.in_field - kWeights.field_none) / (kWeights.field_full - kWeights.field_none), 0.0, 1.0));
  }
  if (m.wrong_subject) m.relevance = std::min(m.relevance, kWeights.relevant * 0.4);
}

// What a question is about in the knowledge base.
struct QuestionSubject {
  // The concepts it names, most specific first: a bank question's own main concepts, then
  // those its wording links (at most six in all).
  std::vector<const Concept*> concepts;
  double naming = 0;  // how unmistakably its wording names a concept: the highest mention weight
};

QuestionSubject question_subject(const GradeInput& input, const AnalyzedText& asked) {
  if (!input.knowledge) return {};
  std::vector<std::size_t> own;
  if (input.bank_question) own.assign(input.bank_question->main_concepts().begin(), input.bank_question->main_concepts().end());
  auto mentions = input.knowledge->mentions(asked);
  QuestionSubject subject;
  for (const auto& mention : mentions) subject.naming = std::max(subject.naming, mention.weight);
  subject.concepts = linked_concepts(*input.knowledge, std::move(mentions), 6, 0.5, own);
  return subject;
}

// `subject`: question_subject(input, asked).
Measurements measure(const GradeInput& input, const AnalyzedText& asked, const AnalyzedText& answer,
                     const QuestionSubject& subject) {
  Measurements m;
  const BankQuestion* bank = input.bank_question;
  m.behavioral = bank ? bank->type == "behavioral" : input.mode == model::Mode::behavioral;
  m.content_only = input.scoring == model::Scoring::content;
  m.words = answer.tokens.size();
  if (input.knowledge) {
    m.question_concepts = subject.concepts;
    m.subject_naming = subject.naming;
    m.topic_concepts = m.question_concepts;
    for (std::size_t i = 0; i < input.related.size() && i < 2; ++i)
      for (const std::size_t k : input.related[i]->main_concepts()) {
        const Concept* c = &input.knowledge->concepts()[k];
        if (!contains(m.topic_concepts, c)) m.topic_concepts.push_back(c);
      }
    // An answer is longer than a question, so a concept it names must be named more clearly.
    m.answer_concepts = linked_concepts(*input.knowledge, input.knowledge->mentions(answer), 12, 1.0);
  }
  m.fillers = kFillerPhrases.count_in(answer);
  const std::vector<std::size_t> hedge_starts = kHedgePhrases.starts_in(answer);
  m.hedges = hedge_starts.size();
  m.ownership = kOwnershipPhrases.count_in(answer);
  m.structure = kStructurePhrases.count_in(answer);
  // A sweeping word negated ("the order isn't guaranteed", "not always") is a careful claim, not a sweeping one.
  auto negated = [&](std::size_t at) {
    for (std::size_t k = at >= 2 ? at - 2 : 0; k < at; ++k)
      if (answer.tokens[k].sentence == answer.tokens[at].sentence && is_negation(answer.tokens[k].word)) return true;
    return false;
  };
  for (const std::size_t at : kAbsolutePhrases.starts_in(answer)) m.absolutes += !negated(at);
  // A dismissal with a hedge in its sentence ("maybe you don't need both") is unsure, not waved.
  std::set<std::size_t> hedged;
  for (const std::size_t at : hedge_starts) hedged.insert(answer.tokens[at].sentence);
  for (const std::size_t at : kDismissalPhrases.starts_in(answer))
    if (!negated(at) && !hedged.count(answer.tokens[at].sentence)) m.dismissals.push_back(at), ++m.absolutes;
  m.nuance = kNuancePhrases.count_in(answer);
  m.blame = kBlamePhrases.count_in(answer);
  m.buzzwords = kBuzzwordPhrases.count_in(answer);
  m.hypothetical = kHypotheticalPhrases.count_in(answer);
  for (const auto& token : answer.tokens)
    if (std::isdigit(static_cast<unsigned char>(token.word[0]))) ++m.numbers;
  std::set<std::string> distinct;
  for (const auto& token : answer.tokens)
    if (!is_stopword(token.word)) ++m.content_words, distinct.insert(token.stem);
  m.variety = m.content_words ? static_cast<double>(distinct.size()) / static_cast<double>(m.content_words) : 0;
  m.substance = std::clamp(std::log(std::max(1.0, static_cast<double>(distinct.size())) / kWeights.substance_floor) /
                               std::log(kWeights.substance_full / kWeights.substance_floor),
                           0.0, 1.0);
  m.sentence_length = static_cast<double>(m.words) / static_cast<double>(std::max<std::size_t>(answer.sentences, 1));
  m.own_actions = count_own_actions(answer);
  m.star = find_star(answer, m.own_actions);
  if (input.speller && !m.content_only) m.misspelled = input.speller->misspelled(answer);
  m.ease = reading_ease(answer);
  measure_claims(input, asked, answer, m);
  measure_relevance(input, asked, answer, m);
  m.deflection = find_deflection(answer);
  m.narrative = count_narrative(answer);
  // How an answer is put is delivery, which the fair scoring mode leaves out.
  if (input.phrasing && input.phrasing->trained() && !m.content_only) m.phrasing = input.phrasing->read(answer.text);
  return m;
}

// --- Scores --------------------------------------------------------------------------------

struct Graded {
  model::Scores scores;
  std::optional<model::ScoreRange> technical_range;
  bool off_topic = false;
};

double length_cap(std::size_t words) { return words < 15 ? 3 : words < 30 ? 5 : words < 50 ? 7 : 10; }

Graded score(const Measurements& m) {
  const Weights& w = kWeights;
  const double per100 = 100.0 / std::max(static_cast<double>(m.words), w.rate_floor_words);
  const double wrong = static_cast<double>(m.wrong_claims.size() - m.contradictions);
  const double denied = static_cast<double>(m.contradictions);
  const double sweeping = (static_cast<double>(m.absolutes) - 0.5 * static_cast<double>(m.nuance)) * per100 *
                         (m.backs_nothing() ? w.unbacked_sweeping : 1.0);
  const double overclaim = std::min(w.max_overclaim, w.per_overclaim * std::max(0.0, sweeping - w.sweeping_allowed));
  const double buzz = std::min(w.max_buzzwords, w.per_buzzword * std::max(0.0, static_cast<double>(m.buzzwords) - 1));
  const double s = m.substance;
  Graded graded;

  double technical;
  if (m.behavioral) {
    const double points = m.key_points.empty() ? 0.5 : m.coverage();
    technical = 1 + w.star_weight * m.star.count() / 4.0 + w.behavioral_points * points + w.behavioral_substance * s;
    if (m.star.result && m.numbers > 0) technical += w.measured_result;
    technical += w.per_own_action * std::min<double>(static_cast<double>(m.own_actions), w.own_actions_counted);
    technical -= w.per_blame * static_cast<double>(std::min<std::size_t>(m.blame, 2));
    if (m.hypothetical >= 2 && m.star.count() <= 1) technical -= w.hypothetical;
  } else if (m.checked()) {
    const double said = m.unbacked() ? w.unbacked_substance * s : s;
    technical = w.technical_base + w.technical_substance * said + w.technical_knowledge * m.knowledge();
    if (m.answer_concepts.size() >= 3) technical += w.vocabulary;
    if (m.numbers > 0 || m.structure > 0) technical += w.specifics;
  } else {
    // Correctness cannot be checked: stay near the middle, moved by substance, and say how sure that is.
    technical = w.unchecked_base + w.unchecked_substance * s + ((m.numbers > 0 || m.structure > 0) ? w.specifics : 0);
    graded.technical_range = model::ScoreRange{clamp_score(technical - w.unchecked_band), clamp_score(technical + w.unchecked_band)};
  }
  technical -= w.per_wrong_claim * wrong + w.per_contradiction * denied + buzz + (m.behavioral ? 0 : overclaim);
  if (m.waves_away())
    technical -= w.per_dismissal * std::min(static_cast<double>(m.dismissals.size()), w.dismissals_counted);
  // An unbacked answer may be right in words the knowledge base does not hold: then its
  // substance would have counted in full. Every bound below holds for that score too.
  double if_right = m.unbacked() ? technical + w.technical_substance * (1 - w.unbacked_substance) * s : technical;
  auto bound_technical = [&](double most) {
    technical = std::min(technical, most);
    if_right = std::min(if_right, most);
  };
  bound_technical(length_cap(m.words));

  double communication = w.communication_base + w.communication_substance * s;
  communication += std::min(w.structure_max, static_cast<double>(m.structure) * w.structure_each);
  if (m.content_words >= 20 && m.variety < 0.45) communication -= w.repetition;
  communication -= buzz / 2 + overclaim / 2;
  if (!m.content_only) {  // delivery
    if (m.sentence_length >= 8 && m.sentence_length <= 30) communication += w.sentence_length;
    else if (m.sentence_length > 40) communication -= w.long_sentences;
    communication -= std::min(w.filler_max, static_cast<double>(m.fillers) * per100 * w.filler_rate);
    communication -= std::min(w.misspelling_max, static_cast<double>(m.misspelled.size()) * per100 * w.misspelling_rate);
    if (m.ease < 10) communication -= w.hard_to_read;
  }
  communication += w.communication_from_technical * (technical - communication);
  communication = std::min(communication, length_cap(m.words) + 1);
  communication = std::min(communication, technical + w.communication_over_technical);

  double confidence = w.confidence_base + w.confidence_substance * s;
  confidence += w.confidence_from_technical * (technical - confidence);
  confidence += std::min(w.ownership_max, static_cast<double>(std::max(m.ownership, m.own_actions)) * w.ownership_each);
  confidence += std::min(w.number_max, static_cast<double>(m.numbers) * w.number_each);
  if (!m.content_only)  // hedging sinks confidence, but a hedged attempt stays above a non-answer
    confidence = std::max(std::min(confidence, w.hedged_floor),
                          confidence - std::min(w.hedge_max, static_cast<double>(m.hedges) * per100 * w.hedge_rate));
  confidence = std::min(confidence, length_cap(m.words) + 1);
  if (wrong + denied > 0 || overclaim >= 1 || buzz >= 1.5 || m.waves_away()) confidence = std::min(confidence, w.confidently_wrong_cap);
  if (m.unbacked()) confidence = std::min(confidence, technical + w.unbacked_confidence);
  confidence = std::min(confidence, technical + w.confidence_over_technical);

  // Relevance bounds everything: readable but irrelevant is communication 3-4;
  // below `off_topic` the answer is a non-answer.
  if (m.relevance < w.relevant) {
    const double share = m.relevance / w.relevant;
    bound_technical(1 + 6 * share);
    communication = std::min(communication, 3 + 3.5 * share);
    confidence = std::min(confidence, 2.5 + 3.5 * share);
  }
  // Non-answers, however well put.
  auto bound = [&](double most_technical, double most_communication, double most_confidence) {
    bound_technical(most_technical);
    communication = std::min(communication, most_communication);
    confidence = std::min(confidence, most_confidence);
  };
  if (m.buzzword_salad()) bound(w.salad_technical, w.salad_communication, w.salad_confidence);
  if (m.no_story()) bound(w.no_story_technical, w.no_story_communication, w.no_story_confidence);
  if (m.deflection) bound(w.deflection_technical, w.deflection_communication, w.deflection_confidence);
  if (m.words >= 12 && (m.relevance < w.off_topic || m.off_subject)) {
    graded.off_topic = true;
    bound_technical(1);
    communication = std::min(communication, 4.0);
    confidence = std::min(confidence, 3.0);
  }
  if (m.phrasing && !m.vouched_for()) {
    const double share = std::clamp((m.phrasing->probability - w.phrasing_from) / (w.phrasing_full - w.phrasing_from), 0.0, 1.0);
    technical -= w.phrasing_technical * share;
    communication -= w.phrasing_communication * share;
    confidence -= w.phrasing_confidence * share;
  }
  graded.scores = {clamp_score(technical), clamp_score(communication), clamp_score(confidence)};
  if (graded.technical_range) {
    graded.technical_range->low = std::min(graded.technical_range->low, graded.scores.technical);
    graded.technical_range->high = std::max(graded.technical_range->high, graded.scores.technical);
  } else if (clamp_score(if_right) > graded.scores.technical) {
    graded.technical_range = model::ScoreRange{graded.scores.technical, clamp_score(if_right)};
  }
  return graded;
}

// --- Feedback ------------------------------------------------------------------------------

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  return fmt::format("{}", fmt::join(items, separator));
}

// Feedback that quotes the answer: what it covered and missed, what it got
// wrong, what it leaves out of a story, and how it was delivered.
std::string write_feedback(const Measurements& m, const Graded& graded, const AnalyzedText& answer, bool in_bank) {
  std::string feedback;
  if (graded.off_topic) feedback += std::string(kOffTopic) + "\n";
  std::vector<std::string> covered, missed;
  for (const auto& result : m.key_points) {
    if (result.at != std::string::npos) covered.push_back(result.point->point + " (you said " + in_quotes(answer.quote(result.at)) + ")");
    else missed.push_back(result.point->point);
  }
  if (!covered.empty()) feedback += "What you covered: " + join(covered, "; ") + ".\n";
  if (!missed.empty()) feedback += "What was missing: " + join(missed, "; ") + ".\n";
  if (!in_bank && !m.claims.empty()) {
    std::vector<std::string> stated;
    for (const auto& claim : m.claims) stated.push_back(claim.point + " (you said " + in_quotes(claim.quote) + ")");
    feedback += "What you got right: " + join(stated, "; ") + ".\n";
  }
  if (!m.checked() && !m.behavioral)
    feedback += "This question is outside what the offline coach knows, so correctness could not be checked; the "
                "technical score stays near the middle and rests on depth, structure and delivery.\n";
  else if (!in_bank && !m.behavioral && !m.question_concepts.empty()) {
    std::vector<std::string> names;
    for (const Concept* c : m.question_concepts) names.push_back(c->name);
    feedback += "Checked against what PrepBot knows about: " + join(names, ", ") + ".\n";
    // What the subject's main concept holds that the answer did not say.
    const Concept* main = m.question_concepts.front();
    std::vector<std::string> unsaid;
    for (const auto& claim : main->claims)
      if (unsaid.size() < kFeedbackClaims &&
          std::none_of(m.claims.begin(), m.claims.end(), [&](const model::CoveredPoint& said) { return said.point == claim.claim; }))
        unsaid.push_back(claim.claim);
    if (!unsaid.empty()) feedback += "Not in your answer: " + join(unsaid, "; ") + ".\n";
    if (m.unbacked()) {
      feedback += (m.claims.empty() ? "Nothing the answer states matches what is known about " + main->name
                                    : "The answer only touches on what is known about " + main->name + " in passing, without saying it") +
                  ", so how much it says earns little credit: check each statement against the points above.";
      if (graded.technical_range)
        feedback += fmt::format(" If it is right in words PrepBot does not know, technical could be up to {}.",
                                graded.technical_range->high);
      feedback += "\n";
    }
  }
  for (const auto& wrong : m.wrong_claims) feedback += "Check this claim: " + in_quotes(wrong.quote) + " \u2014 " + wrong.correction + "\n";
  if (m.wrong_subject) feedback += "The answer talks about a different subject from the one asked about.\n";
  if (m.buzzword_salad())
    feedback += "The answer strings buzzwords together; each says nothing on its own. Explain what it is and how it "
                "works, with an example.\n";
  if (m.deflection)
    feedback += "The answer turns the question aside (" + in_quotes(answer.quote(*m.deflection)) +
                ") instead of answering it. Say what you know, then how you would find out the rest.\n";
  if (m.off_field)
    feedback += "Many of the answer's words have nothing to do with the subject; say plainly what it is, how it works "
                "and where it is used.\n";
  if (m.no_story())
    feedback += "The answer tells no story: the question asks about a time it happened. Tell one, as Situation, Task, "
                "Action, Result.\n";
  else if (m.behavioral && m.star.count() < 4) {
    std::vector<std::string> parts;
    if (!m.star.situation) parts.emplace_back("the situation");
    if (!m.star.task) parts.emplace_back("your task");
    if (!m.star.action) parts.emplace_back("what you did");
    if (!m.star.result) parts.emplace_back("the result");
    feedback += "Your story leaves out " + join(parts, ", ") + ". Tell it as Situation, Task, Action, Result.\n";
  }
  if (m.behavioral && m.star.result && m.numbers == 0)
    feedback += "Put a number on the result (time saved, errors avoided, customers kept) so it is concrete.\n";
  if (m.behavioral && m.blame > 0) feedback += "Blaming others costs trust; say what you did and what you learned.\n";
  if (!m.behavioral && m.absolutes > m.nuance + 1)
    feedback += "Absolutes such as \u201calways\u201d and \u201cnever\u201d without a trade-off sound overconfident; say when it holds.\n";
  if (m.waves_away())
    feedback += "This waves a concern away with nothing behind it: " + in_quotes(answer.quote(m.dismissals.front())) +
                ". Say when it holds and why, or what would show it.\n";
  if (m.phrasing && !m.vouched_for() && m.phrasing->probability >= kWeights.phrasing_from) {
    std::vector<std::string> quoted;
    for (const auto& phrase : m.phrasing->phrases) quoted.push_back(in_quotes(phrase));
    feedback += "Much of this is phrased the way confidently wrong answers tend to be" +
                (quoted.empty() ? std::string() : " (" + join(quoted, ", ") + ")") +
                ": back each claim with how it works, a number you measured or saw, or when it would not hold.\n";
  }
  if (m.words < 50) feedback += fmt::format("At {} words the answer is short; aim for 120-250 words with an example.\n", m.words);
  if (!m.content_only) {  // delivery: the fair scoring mode neither scores nor mentions it
    if (m.fillers > 0) feedback += fmt::format("Filler words ({}) weaken the delivery; pause instead.\n", m.fillers);
    if (m.hedges > 1)
      feedback += fmt::format("Hedging phrases ({}) such as \u201cI think\u201d make you sound unsure; state what you know.\n", m.hedges);
    if (!m.misspelled.empty()) {
      const std::vector<std::string> shown(m.misspelled.begin(), m.misspelled.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(m.misspelled.size(), 8)));
      feedback += "Check the spelling of: " + join(shown, ", ") + ".\n";
    }
    if (m.ease < 10 && m.words >= 40) feedback += "Long words in long sentences are hard to follow aloud; say it more simply.\n";
  }
  if (m.structure == 0 && m.words >= 40)
    feedback += "Signpost your structure (first, then, for example, as a result) so the interviewer can follow.\n";
  if (feedback.empty()) feedback = "A clear, complete answer.\n";
  if (m.content_only) feedback += "Graded on content only: spelling, filler words, hedges and sentence length were not scored.\n";
  while (!feedback.empty() && feedback.back() == '\n') feedback.pop_back();
  return feedback;
}

model::Evidence evidence_of(const Measurements& m, const Graded& graded, const AnalyzedText& answer) {
  model::Evidence e;
  e.graded = true;
  e.correctness_checked = m.checked() || m.behavioral;
  for (const auto& result : m.key_points) {
    if (result.at != std::string::npos) e.key_points_covered.push_back({result.point->point, std::string(answer.quote(result.at)), result.synonym, ""});
    else e.key_points_missed.push_back(result.point->point);
  }
  e.misconceptions = m.wrong_claims;
  for (const Concept* c : m.question_concepts) e.concepts.push_back({c->id, c->name});
  e.claims = m.claims;
  e.relevance = m.relevance;
  e.technical_range = graded.technical_range;
  e.filler_count = static_cast<int>(m.fillers);
  e.hedge_count = static_cast<int>(m.hedges);
  e.word_count = static_cast<int>(m.words);
  e.sentence_count = static_cast<int>(answer.sentences);
  e.misspelled = m.misspelled;
  e.reading_ease = m.ease;
  e.star = m.star;
  if (m.phrasing) e.phrasing = model::Phrasing{m.phrasing->probability, m.phrasing->phrases};
  return e;
}

// What to read: the bank question's resources; for a question from outside the bank, those
// of the bank questions about the concept it names first, at most `kRelatedResources`.
std::vector<std::string> reading(const GradeInput& input, const std::vector<const Concept*>& named) {
  std::vector<std::string> out;
  auto line_of = [](const Resource& resource) { return resource.title + " \u2014 " + resource.url; };
  if (input.bank_question) {
    for (const auto& resource : input.bank_question->resources) out.push_back(line_of(resource));
    return out;
  }
  if (named.empty() || !input.library) return out;
  // One resource from each question, those whose most specific concept it is first.
  const auto main = static_cast<std::size_t>(named.front() - input.knowledge->concepts().data());
  for (const bool first : {true, false})
    for (const std::size_t index : input.library->questions_about(main)) {
      const BankQuestion& q = input.library->questions()[index];
      if ((q.concepts.front() == main) != first || q.resources.empty() || out.size() >= kRelatedResources) continue;
      std::string line = line_of(q.resources.front());
      if (std::find(out.begin(), out.end(), line) == out.end()) out.push_back(std::move(line));
    }
  return out;
}

// The stronger answer the candidate is shown, before any correction: the bank question's
// model answer; for a question from outside the bank, the true claims of the (at most
// kOutlineConcepts) most specific concepts it names, or, with none, how a strong answer is built.
std::string strong_answer_outline(const GradeInput& input, const std::vector<const Concept*>& named) {
  const BankQuestion* bank = input.bank_question;
  const bool behavioral = bank ? bank->type == "behavioral" : input.mode == model::Mode::behavioral;
  std::string outline;
  if (bank) {
    outline = behavioral ? "A strong answer, as a STAR story:\n" : "A strong answer covers:\n";
    for (const auto& line : bank->model_answer) outline += "- " + line + "\n";
    return outline;
  }
  if (behavioral)
    return "A strong answer, as a STAR story:\n"
           "- Situation: where and when, in a sentence or two\n"
           "- Task: what you were responsible for and what made it hard\n"
           "- Action: the steps you took yourself, in the first person\n"
           "- Result: what changed, with a number, and what you learned\n";
  if (named.empty())
    return "A strong answer:\n"
           "- says what it is in one sentence\n"
           "- explains how it works, step by step\n"
           "- gives an example from your own work, with a number\n"
           "- names a trade-off, a limit or a common mistake, and when you would choose otherwise\n";
  const std::vector<const Concept*> drawn_on(named.begin(), named.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(named.size(), kOutlineConcepts)));
  std::vector<std::string> names;
  for (const Concept* c : drawn_on) names.push_back(c->name);
  outline = "A strong answer draws on what is known about " + join(names, " and ") + ":\n";
  std::size_t lines = 0;
  for (const Concept* c : drawn_on)
    for (std::size_t k = 0; k < c->claims.size() && lines < kOutlineClaims; ++k, ++lines) outline += "- " + c->claims[k].claim + "\n";
  return outline;
}

}  // namespace

model::Evaluation grade(const GradeInput& input) {
  const AnalyzedText as_written = analyze(input.answer);
  const AnalyzedText asked = analyze(input.question);
  const BankQuestion* bank = input.bank_question;

  model::Evaluation evaluation;
  evaluation.source = "offline";
  evaluation.evidence.matched_bank = bank != nullptr;
  const QuestionSubject subject = question_subject(input, asked);
  evaluation.resources = reading(input, subject.concepts);
  evaluation.examples_or_corrections = strong_answer_outline(input, subject.concepts);
  // Guards read the answer as written: spelling suggestions would turn noise into words.
  if (const auto reason = check_guards(as_written, asked)) {
    evaluation.scores = {1, 1, 1};
    evaluation.feedback = *reason;
    evaluation.evidence.guard = *reason;
    return evaluation;
  }
  const AnalyzedText answer =
      input.scoring == model::Scoring::content ? analyze(content_only(as_written, input.speller)) : as_written;
  const Measurements m = measure(input, asked, answer, subject);
  const Graded graded = score(m);
  evaluation.scores = graded.scores;
  evaluation.feedback = write_feedback(m, graded, answer, bank != nullptr);
  for (const auto& wrong : m.wrong_claims) evaluation.examples_or_corrections += "Correction: " + wrong.correction + "\n";
  evaluation.evidence = evidence_of(m, graded, answer);
  evaluation.evidence.matched_bank = bank != nullptr;
  evaluation.follow_up = follow_up({answer, evaluation.evidence, graded.scores, m.behavioral, graded.off_topic});
  return evaluation;
}

}  // namespace prepbot::coach::offline
