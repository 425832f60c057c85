#pragma once
// Spaced re-practice: which questions and concepts a profile should practise
// again, and when. The schedule is SM-2 (P. Woźniak, 1990), the algorithm of
// SuperMemo 2 that Anki's scheduler grew from, with its published parameters:
//
//   quality q (0-5) of a review, here from the answer's technical score s (1-10):
//     q = round((s - 1) * 5 / 9)       (10 → 5, 8 → 4, 6-7 → 3, 4-5 → 2, 2-3 → 1, 1 → 0)
//   q < 3 (a weak answer, s ≤ 5): repetitions = 0, interval = 1 day, lapses + 1
//   q ≥ 3: repetitions + 1; interval = 1 day for the first, 6 days for the second,
//          then round(previous interval × ease)
//   ease += 0.1 - (5 - q) × (0.08 + (5 - q) × 0.02), never below 1.3 (starts at 2.5)
//   due = the day of the answer + interval
//
// A card is made when a question, or a concept it was graded on, is answered
// weakly (q < 3); after that every answer to it moves it, strong or weak.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "store/session_store.hpp"

namespace prepbot::interview {

struct Sm2 {
  double initial_ease = 2.5;
  double minimum_ease = 1.3;
  int first_interval = 1;   // days
  int second_interval = 6;  // days
  int passing_quality = 3;  // q below this is a lapse
};
inline constexpr Sm2 kSm2{};

int review_quality(int technical_score);  // 0..5

// The card after a review of quality `quality` on `day`.
store::ReviewCard reviewed(store::ReviewCard card, int quality, std::chrono::sys_days day, const Sm2& sm2 = kSm2);

// The key of the card that tracks a question: its bank id, else a digest of its words.
std::string question_card_key(const model::Question& question);

// What one graded answer does to a profile's cards: the cards to save (the
// question's and its concepts', each made when weak and moved when it exists).
std::vector<store::ReviewCard> cards_after_answer(const std::vector<store::ReviewCard>& existing,
                                                  const model::Question& question, const model::Evaluation& evaluation,
                                                  std::chrono::sys_days day, const std::string& now_iso);

// The cards due on `day` (due that day or before), most overdue first, then the least learned.
std::vector<store::ReviewCard> due_cards(std::vector<store::ReviewCard> cards, std::chrono::sys_days day);

// The questions of `due` cards to ask again, at most `limit`, each once (a
// question's card and its concepts' cards often hold the same question), and
// only those a session of `mode` asks (technical or behavioral; mixed: both).
std::vector<model::Question> questions_to_review(const std::vector<store::ReviewCard>& due, std::size_t limit,
                                                 model::Mode mode = model::Mode::mixed);

std::string iso_day(std::chrono::sys_days day);                     // YYYY-MM-DD
std::optional<std::chrono::sys_days> parse_iso_day(std::string_view text);  // its first 10 characters
std::chrono::sys_days today();

}  // namespace prepbot::interview
