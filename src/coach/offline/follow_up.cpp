#include "coach/offline/follow_up.hpp"

#include <fmt/format.h>

#include <set>
#include <string>

namespace prepbot::coach::offline {

namespace {

constexpr std::size_t kQuoteBytes = 110;

std::string cite(std::string_view words) { return fmt::format("You said \u201c{}\u201d.", words); }

// The point without a trailing full stop, to quote inside a sentence.
std::string bare_point(std::string point) {
  while (!point.empty() && (point.back() == '.' || point.back() == ' ')) point.pop_back();
  return point;
}

// The answer's sentence that shares the most content words with `about` (the
// first sentence when none does), cut to a window of whole words.
std::string_view closest_sentence(const AnalyzedText& answer, std::string_view about) {
  if (answer.tokens.empty()) return {};
  std::set<std::string> wanted;
  for (const auto& token : analyze(about).tokens)
    if (!is_stopword(token.word)) wanted.insert(token.stem);
  std::size_t best = 0, best_shared = 0, sentence_start = 0, shared = 0;
  for (std::size_t i = 0; i <= answer.tokens.size(); ++i) {
    if (i == answer.tokens.size() || answer.tokens[i].sentence != answer.tokens[sentence_start].sentence) {
      if (shared > best_shared) best = sentence_start, best_shared = shared;
      if (i == answer.tokens.size()) break;
      sentence_start = i, shared = 0;
    }
    shared += wanted.count(answer.tokens[i].stem);
  }
  return answer.quote(best, kQuoteBytes);
}

std::optional<model::FollowUp> star_follow_up(const FollowUpInput& input) {
  const model::StarParts& star = input.evidence.star;
  const std::string_view opening = closest_sentence(input.answer, "");
  if (!star.result)
    return model::FollowUp{cite(opening) + " How did it end? What changed because of what you did, and how did you know?",
                           "star", std::string(opening), "result", "Say what changed, with a number if you have one."};
  if (!star.action)
    return model::FollowUp{cite(opening) + " What did you do yourself, step by step, and why did you choose that?",
                           "star", std::string(opening), "action", "Use \u201cI\u201d: your own steps, and the reason for each."};
  return std::nullopt;
}

}  // namespace

std::optional<model::FollowUp> follow_up(const FollowUpInput& input) {
  const model::Evidence& e = input.evidence;
  if (e.guard || !e.graded || input.off_topic) return std::nullopt;
  if (!e.misconceptions.empty()) {
    const auto& wrong = e.misconceptions.front();
    return model::FollowUp{cite(wrong.quote) + " Is that always so? Walk me through how it really works, and when it would not hold.",
                           "wrong_claim", wrong.quote, wrong.claim,
                           wrong.correction.empty() ? "Check the claim against how it works." : "Check it against this: " + wrong.correction};
  }
  if (input.scores.technical >= kFollowUpBelowTechnical) return std::nullopt;
  if (input.behavioral)
    if (auto star = star_follow_up(input)) return star;
  if (!e.key_points_missed.empty()) {
    const std::string& point = e.key_points_missed.front();
    const std::string_view quote = closest_sentence(input.answer, point);
    const char* ask = input.behavioral ? "Can you add it now, with what you did and how it turned out?"
                                       : "How does it apply here, and why does it matter?";
    return model::FollowUp{cite(quote) + fmt::format(" One thing your answer did not cover: \u201c{}\u201d. {}", bare_point(point), ask),
                           "missed_key_point", std::string(quote), point, "Think about: " + point};
  }
  if (e.key_points_covered.empty() && e.claims.empty() && !input.behavioral) {
    const std::string_view quote = closest_sentence(input.answer, "");
    return model::FollowUp{cite(quote) + " Can you make that concrete: a specific case you worked on, what you did, and "
                                         "the trade-offs or numbers involved?",
                           "vague", std::string(quote), "", "Name one specific case: what you did, why, and what happened."};
  }
  return std::nullopt;
}

}  // namespace prepbot::coach::offline
