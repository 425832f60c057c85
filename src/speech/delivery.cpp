#include "speech/delivery.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

namespace prepbot::speech {
namespace {

// The guidance in delivery.hpp, in one table. Verdicts judge the figure the
// candidate reads (a pace of 99.6 is shown, and judged, as 100), so the words
// never contradict the number beside them.
struct Guidance {
  // Pace, words per minute of speaking.
  static constexpr long easy_pace_low = 120;   // 120–160 is easy to follow
  static constexpr long easy_pace_high = 160;
  static constexpr long slow_pace_below = 100; // under 100: slow, hard to follow (effect)
  static constexpr long fast_pace_above = 180; // over 180: fast, hard to follow (effect)
  // Pauses (each at least kMinPauseSeconds long, from the detector).
  static constexpr double natural_pause_max = 3;     // up to 3 s is a natural pause
  static constexpr double lost_pause_over = 5;       // a silence over 5 s reads as losing the thread (effect)
  static constexpr double lost_pauses_per_minute = 6; // so do more than six pauses a minute (effect)
  // Fillers a minute: up to 3 unnoticed, up to 6 noticeable, more distract.
  static constexpr double unnoticed_fillers_max = 3;
  static constexpr double noticeable_fillers_max = 6;
  // Rates are judged over at least a minute: two pauses in a 15-second answer
  // are two pauses, not a habit of eight a minute.
  static constexpr double min_judged_minutes = 1;
  // What each finding does to the communication score. Fillers do nothing
  // here: the grader has already counted them on the transcript.
  static constexpr int hard_pace_effect = -1;
  static constexpr int lost_thread_effect = -1;
  static constexpr int filler_effect = 0;
  static constexpr int lowest_effect = -2;
};

// --- words ---

// One UTF-8 code point at `i`, advancing `i`; an invalid byte reads as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<std::uint8_t>(text[i++]);
  if (lead < 0x80) return lead;
  const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (extra == 0) return U'\uFFFD';
  char32_t code = lead & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= text.size() || (static_cast<std::uint8_t>(text[i]) & 0xC0) != 0x80) return U'\uFFFD';
    code = (code << 6) | (static_cast<std::uint8_t>(text[i++]) & 0x3F);
  }
  return code;
}

bool is_space(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == U'\u00A0' || (c >= U'\u2000' && c <= U'\u200B') ||
         c == U'\u202F' || c == U'\u205F' || c == U'\u3000';
}

// Letters and digits of any script; what is not one is punctuation or a symbol
// (a dash, quotes, an ellipsis, an emoji), which a transcript may set apart
// by spaces ("so — I built it") but nobody says.
bool is_letter_or_digit(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
  struct Range {
    char32_t first, last;
  };
  static constexpr std::array<Range, 10> kNotLetters{{
      {0x0080, 0x00BF},    // Latin-1 controls, punctuation and signs
      {0x00D7, 0x00D7},    // ×
      {0x00F7, 0x00F7},    // ÷
      {0x2000, 0x2BFF},    // general punctuation, currency, arrows, maths, shapes, dingbats
      {0x3000, 0x303F},    // CJK punctuation
      {0xFE10, 0xFE1F},    // vertical forms
      {0xFE30, 0xFE6F},    // compatibility and small forms
      {0xFF00, 0xFF0F},    // fullwidth punctuation
      {0xFFF0, 0xFFFF},    // specials, including U+FFFD for bytes that are not UTF-8
      {0x1F000, 0x1FAFF},  // emoji and pictographs
  }};
  return std::none_of(kNotLetters.begin(), kNotLetters.end(),
                      [c](const Range& r) { return c >= r.first && c <= r.last; });
}

int count_words(std::string_view transcript) {
  int words = 0;
  bool in_word = false, has_letter = false;
  for (std::size_t i = 0; i < transcript.size();) {
    const char32_t c = next_code_point(transcript, i);
    if (is_space(c)) {
      words += in_word && has_letter;
      in_word = has_letter = false;
    } else {
      in_word = true;
      has_letter = has_letter || is_letter_or_digit(c);
    }
  }
  return words + (in_word && has_letter);
}

// --- verdicts ---

// "1 pause", "2 pauses", "2.5 filler words a minute": `n` is already rounded
// for showing, and fmt writes it in its shortest form (148, not 148.0).
std::string plural(double n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Seconds as the player shows them: 0:07, 2:15.
std::string clock(double seconds) {
  const auto whole = static_cast<long>(std::floor(std::max(0.0, seconds)));
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

double one_decimal(double x) { return std::round(x * 10) / 10; }

struct Verdict {
  std::string text;
  int effect = 0;
};

Verdict judge_pace(double words_per_minute, int words, double speaking_seconds) {
  if (speaking_seconds <= 0) return {"no speech was heard, so there is no pace to judge"};
  if (words == 0) return {"the transcript has no words, so there is no pace to judge"};
  const long shown = std::lround(words_per_minute);
  const std::string figure = plural(static_cast<double>(shown), "word a minute", "words a minute");
  const std::string advice = fmt::format("aim for {}\u2013{}", Guidance::easy_pace_low, Guidance::easy_pace_high);
  if (shown < Guidance::slow_pace_below) return {figure + ": slow; " + advice, Guidance::hard_pace_effect};
  if (shown < Guidance::easy_pace_low) return {figure + ": a little slow; " + advice};
  if (shown <= Guidance::easy_pace_high)
    return {fmt::format("{}: easy to follow ({}\u2013{} is the usual advice)", figure, Guidance::easy_pace_low,
                        Guidance::easy_pace_high)};
  if (shown <= Guidance::fast_pace_above) return {figure + ": a little fast; " + advice};
  return {figure + ": fast; " + advice, Guidance::hard_pace_effect};
}

Verdict judge_pausing(const std::vector<model::Pause>& pauses, double speaking_seconds) {
  if (pauses.empty()) return {fmt::format("no pauses of {} s or longer", kMinPauseSeconds)};
  const auto longest = *std::max_element(pauses.begin(), pauses.end(),
                                         [](const auto& a, const auto& b) { return a.length < b.length; });
  const double longest_shown = one_decimal(longest.length);
  const bool under_a_minute = speaking_seconds / 60 < Guidance::min_judged_minutes;
  const double per_minute = one_decimal(static_cast<double>(pauses.size()) /
                                        std::max(speaking_seconds / 60, Guidance::min_judged_minutes));
  const bool too_long = longest_shown > Guidance::lost_pause_over;
  const bool too_many = per_minute > Guidance::lost_pauses_per_minute;

  std::string text = plural(static_cast<double>(pauses.size()), "pause", "pauses");
  if (too_many)
    text += under_a_minute ? fmt::format(" in {:.0f} s of speaking", speaking_seconds)
                           : fmt::format(" ({} a minute of speaking)", per_minute);
  text += pauses.size() == 1 ? ", " : ", the longest ";
  text += fmt::format("{:.1f} s at {}: ", longest_shown, clock(longest.start));
  const auto long_silence = fmt::format("a silence over {} s", Guidance::lost_pause_over);
  const auto many_pauses = fmt::format("more than {} pauses a minute", Guidance::lost_pauses_per_minute);
  if (too_long && too_many)
    text += long_silence + ", and " + many_pauses + ", read as losing the thread";
  else if (too_long)
    text += long_silence + " reads as losing the thread";
  else if (too_many)
    text += many_pauses + " read as losing the thread";
  else if (longest_shown > Guidance::natural_pause_max)
    text += fmt::format("natural, though over {} s is long", Guidance::natural_pause_max);
  else
    text += "natural";
  return {text, too_long || too_many ? Guidance::lost_thread_effect : 0};
}

Verdict judge_fillers(int filler_count, double fillers_per_minute, double speaking_seconds) {
  if (filler_count <= 0) return {"no filler words"};
  if (speaking_seconds <= 0) return {plural(filler_count, "filler word", "filler words") + ", but no speech was heard"};
  const bool under_a_minute = speaking_seconds / 60 < Guidance::min_judged_minutes;
  // A short answer is judged as if it had gone on for a minute with no more fillers.
  const double judged = under_a_minute ? filler_count / Guidance::min_judged_minutes : one_decimal(fillers_per_minute);
  std::string text = under_a_minute ? fmt::format("{} in {:.0f} s of speaking",
                                                  plural(filler_count, "filler word", "filler words"), speaking_seconds)
                                    : plural(judged, "filler word a minute", "filler words a minute");
  if (judged <= Guidance::unnoticed_fillers_max) text += ": unnoticeable";
  else if (judged <= Guidance::noticeable_fillers_max) text += ": noticeable; a silent pause serves better";
  else text += ": distracting; a silent pause serves better";
  return {text, Guidance::filler_effect};
}

}  // namespace

model::SpokenDelivery describe_delivery(const VoiceActivity& voice, std::string_view transcript, int filler_count) {
  model::SpokenDelivery out;
  out.duration_seconds = voice.duration;
  out.speaking_seconds = std::max(0.0, voice.speaking_seconds);
  out.pauses = voice.pauses;
  out.words = count_words(transcript);
  out.filler_count = std::max(0, filler_count);
  const double minutes = out.speaking_seconds / 60;
  if (minutes > 0) {
    out.words_per_minute = out.words / minutes;
    out.fillers_per_minute = out.filler_count / minutes;
  }
  const Verdict pace = judge_pace(out.words_per_minute, out.words, out.speaking_seconds);
  const Verdict pausing = judge_pausing(out.pauses, out.speaking_seconds);
  const Verdict fillers = judge_fillers(out.filler_count, out.fillers_per_minute, out.speaking_seconds);
  out.pace = pace.text;
  out.pausing = pausing.text;
  out.fillers = fillers.text;
  out.communication_effect = std::max(Guidance::lowest_effect, pace.effect + pausing.effect + fillers.effect);
  return out;
}

}  // namespace prepbot::speech
