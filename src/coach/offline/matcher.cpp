#include "coach/offline/matcher.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "coach/offline/text.hpp"
#include "util/parallel.hpp"

namespace prepbot::coach::offline {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Words that say how to answer rather than what about ("explain", "give an example").
bool is_question_filler(std::string_view word) {
  static const std::set<std::string_view> kFiller = {
      "explain", "describe", "tell",  "give",  "example", "examples", "walk",  "through", "talk", "discuss",
      "define",  "mean",     "means", "work",  "works",   "use",      "using", "used",    "one",  "some",
      "your",    "could",    "should", "might", "any",    "all",      "way",   "ways",    "it's", "you'd"};
  return kFiller.count(word) > 0;
}

std::vector<std::string> content_stems(std::string_view text) {
  std::vector<std::string> stems;
  for (const auto& token : analyze(text).tokens)
    if (!is_stopword(token.word) && !is_question_filler(token.word)) stems.push_back(token.stem);
  return stems;
}

}  // namespace

QuestionMatcher::QuestionMatcher(const Bank& bank) {
  // A question is indexed by its text and tags; key point wordings would pull
  // in matches on answers' vocabulary rather than on what is asked. Analysed on all cores.
  const auto& questions = bank.questions();
  std::vector<std::vector<std::string>> question_stems(questions.size());
  util::for_each_index(questions.size(), [&](std::size_t i) {
    std::string document = questions[i].text;
    for (const auto& tag : questions[i].tags) document += " " + tag;
    question_stems[i] = content_stems(document);
  });
  double total_length = 0;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto& q = questions[i];
    const auto& stems = question_stems[i];
    std::unordered_map<std::string, int> counts;
    for (const auto& stem : stems) ++counts[stem];
    const std::size_t index = docs_.size();
    for (const auto& [stem, count] : counts) postings_[stem].push_back(index);
    docs_.push_back(&q);
    term_counts_.push_back(std::move(counts));
    lengths_.push_back(static_cast<double>(stems.size()));
    total_length += static_cast<double>(stems.size());
  }
  const double n = static_cast<double>(docs_.size());
  average_length_ = docs_.empty() ? 1 : std::max(1.0, total_length / n);
  for (const auto& [stem, list] : postings_) {
    const double df = static_cast<double>(list.size());
    idf_[stem] = std::log(1 + (n - df + 0.5) / (df + 0.5));
    max_idf_ = std::max(max_idf_, idf_[stem]);
  }
  for (const auto& counts : term_counts_) {
    double weight = 0;
    for (const auto& [stem, count] : counts) weight += idf_.at(stem);
    weights_.push_back(weight);
  }
}

double QuestionMatcher::idf(const std::string& stem) const {
  const auto it = idf_.find(stem);
  return it == idf_.end() ? max_idf_ : it->second;
}

// 0.7 × the idf-weighted share of the asked question's words that the bank
// question has + 0.3 × the share of the bank question's words that were asked:
// a paraphrase scores high, a question that shares only "difference" does not.
Match QuestionMatcher::compare(const std::vector<std::string>& query, std::size_t doc) const {
  const std::set<std::string> asked(query.begin(), query.end());
  Match match;
  match.question = docs_[doc];
  double asked_weight = 0, shared = 0;
  for (const auto& stem : asked) {
    asked_weight += idf(stem);
    if (term_counts_[doc].count(stem)) shared += idf(stem), match.rarest = std::max(match.rarest, idf(stem));
    else match.unshared = std::max(match.unshared, idf(stem));
  }
  if (asked_weight <= 0 || weights_[doc] <= 0) return match;
  match.bank_share = std::min(1.0, shared / weights_[doc]);
  match.similarity = 0.7 * shared / asked_weight + 0.3 * match.bank_share;
  return match;
}

double QuestionMatcher::score(const std::vector<std::string>& query, std::size_t doc) const {
  double total = 0;
  std::set<std::string> seen;
  for (const auto& stem : query) {
    if (!seen.insert(stem).second) continue;
    const auto count = term_counts_[doc].find(stem);
    if (count == term_counts_[doc].end()) continue;
    const double tf = count->second;
    const double norm = kK1 * (1 - kB + kB * lengths_[doc] / average_length_);
    total += idf_.at(stem) * tf * (kK1 + 1) / (tf + norm);
  }
  return total;
}

std::vector<Match> QuestionMatcher::nearest(std::string_view question, std::size_t limit, std::string_view hidden) const {
  const auto query = content_stems(question);
  std::set<std::size_t> candidates;
  for (const auto& stem : query)
    if (const auto it = postings_.find(stem); it != postings_.end()) candidates.insert(it->second.begin(), it->second.end());
  std::vector<Match> matches;
  for (const std::size_t doc : candidates)
    if (docs_[doc]->id != hidden) {
      matches.push_back(compare(query, doc));
      matches.back().bm25 = score(query, doc);
    }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.bm25 > b.bm25; });
  if (matches.size() > limit) matches.resize(limit);
  return matches;
}

const Match* QuestionMatcher::close_enough(const std::vector<Match>& matches) const {
  if (matches.empty()) return nullptr;
  const Match& best = matches.front();
  return best.similarity >= kCloseEnough && (best.bank_share >= kBankShareEnough || best.rarest >= kRareWord) &&
                 best.unshared < kRareWord
             ? &best
             : nullptr;
}

}  // namespace prepbot::coach::offline
