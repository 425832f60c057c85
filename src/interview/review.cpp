#include "interview/review.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "model/json.hpp"
#include "util/digest.hpp"

namespace prepbot::interview {

int review_quality(int technical_score) {
  const int s = std::clamp(technical_score, 1, 10);
  return static_cast<int>(std::lround((s - 1) * 5.0 / 9.0));
}

store::ReviewCard reviewed(store::ReviewCard card, int quality, std::chrono::sys_days day, const Sm2& sm2) {
  quality = std::clamp(quality, 0, 5);
  if (quality < sm2.passing_quality) {
    if (!card.updated_at.empty()) ++card.lapses;  // weak again after a review; a new card starts weak
    card.repetitions = 0;
    card.interval_days = sm2.first_interval;
  } else {
    ++card.repetitions;
    card.interval_days = card.repetitions == 1   ? sm2.first_interval
                         : card.repetitions == 2 ? sm2.second_interval
                                                 : static_cast<int>(std::lround(card.interval_days * card.ease));
  }
  const int miss = 5 - quality;
  card.ease = std::max(sm2.minimum_ease, card.ease + 0.1 - miss * (0.08 + miss * 0.02));
  card.due = iso_day(day + std::chrono::days(card.interval_days));
  return card;
}

std::string question_card_key(const model::Question& question) {
  if (!question.bank_id.empty()) return "question:" + question.bank_id;
  return "question:" + util::sha256_hex(question.text).substr(0, 16);
}

namespace {

// The card `key` as stored, or a new one (not yet reviewed) to move.
store::ReviewCard card_for(const std::vector<store::ReviewCard>& existing, const std::string& key, bool& found) {
  const auto it = std::find_if(existing.begin(), existing.end(), [&](const auto& card) { return card.key == key; });
  found = it != existing.end();
  if (found) return *it;
  store::ReviewCard card;
  card.key = key;
  card.ease = kSm2.initial_ease;
  return card;
}

}  // namespace

std::vector<store::ReviewCard> cards_after_answer(const std::vector<store::ReviewCard>& existing,
                                                  const model::Question& question, const model::Evaluation& evaluation,
                                                  std::chrono::sys_days day, const std::string& now_iso) {
  const int score = evaluation.scores.technical;
  const int quality = review_quality(score);
  const bool weak = quality < kSm2.passing_quality;
  std::vector<store::ReviewCard> out;
  const std::string record = model::question_record(question).dump();
  auto move = [&](const std::string& key, const std::string& kind, const std::string& label) {
    bool found = false;
    store::ReviewCard card = card_for(existing, key, found);
    if (!found && !weak) return;  // only a weak answer makes a card
    card.kind = kind;
    card.label = label;
    card.question = record;  // the question to ask again: the one last answered on it
    card = reviewed(std::move(card), quality, day);
    card.last_score = score;
    card.updated_at = now_iso;
    out.push_back(std::move(card));
  };
  move(question_card_key(question), "question", question.text);
  for (const auto& linked : evaluation.evidence.concepts) move("concept:" + linked.id, "concept", linked.name);
  return out;
}

std::vector<store::ReviewCard> due_cards(std::vector<store::ReviewCard> cards, std::chrono::sys_days day) {
  const std::string today = iso_day(day);
  std::erase_if(cards, [&](const auto& card) { return card.due > today; });
  std::stable_sort(cards.begin(), cards.end(), [](const auto& a, const auto& b) {
    if (a.due != b.due) return a.due < b.due;
    return a.ease < b.ease;
  });
  return cards;
}

std::vector<model::Question> questions_to_review(const std::vector<store::ReviewCard>& due, std::size_t limit,
                                                 model::Mode mode) {
  std::vector<model::Question> questions;
  std::vector<std::string> keys;
  for (const auto& card : due) {
    if (questions.size() >= limit) break;
    model::Question question;
    try {
      question = model::question_from_record(nlohmann::ordered_json::parse(card.question));
    } catch (const std::exception&) {  // a card from an older or damaged record: nothing to ask
      continue;
    }
    if (mode != model::Mode::mixed && question.type != (mode == model::Mode::behavioral ? "behavioral" : "technical")) continue;
    const std::string key = question_card_key(question);
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keys.push_back(key);
    question.parent_id = 0;  // asked again as a question of its own
    questions.push_back(std::move(question));
  }
  return questions;
}

std::string iso_day(std::chrono::sys_days day) {
  const std::chrono::year_month_day date(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::optional<std::chrono::sys_days> parse_iso_day(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto number = [&](std::string_view part, auto& value) {
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    return error == std::errc() && end == part.data() + part.size();
  };
  if (!number(text.substr(0, 4), y) || !number(text.substr(5, 2), m) || !number(text.substr(8, 2), d)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date);
}

std::chrono::sys_days today() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

}  // namespace prepbot::interview
