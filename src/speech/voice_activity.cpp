#include "speech/voice_activity.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>

namespace prepbot::speech {
namespace {

// The detector's settings, in one place. Levels are in dB of mean power
// relative to a full-scale square wave (dBFS); times in seconds.
struct Settings {
  // Frame length: short enough to place a pause's edges well inside the
  // ±0.2 s PrepBot promises, long enough to hold a pitch period of a low voice.
  static constexpr double frame_seconds = 0.010;
  // Power is clamped here (−100 dB), so digital silence (−∞ dB) sorts and subtracts.
  static constexpr double silence_power = 1e-10;
  // Energy is measured above this frequency (see HighPass).
  static constexpr double high_pass_hz = 150;
  // The noise floor is this percentile of frame energies: even fluent speech
  // leaves a tenth of its frames between words and in stop closures, so it
  // finds the room's noise whether the answer has long silences or none.
  static constexpr double floor_percentile = 0.10;
  // The loud level is this percentile: the speech's vowels, when there is speech.
  static constexpr double loud_percentile = 0.95;
  // Speech is louder than the floor by a margin: a third of the distance from
  // the floor to the loud level, but at least min_margin_db (steady noise
  // wobbles by a dB or two, so noise alone never clears it) and at most
  // max_margin_db (so fricatives and soft word endings in a noisy room still
  // count). A third, not a half: quiet speech over noise keeps its softer
  // syllables, so a long word is not cut into a false pause.
  static constexpr double margin_share = 1.0 / 3;
  static constexpr double min_margin_db = 6;
  static constexpr double max_margin_db = 10;
  // Nothing quieter than this is speech, however quiet the floor: hiss and
  // dither in a silent room, or digital silence, would otherwise make any
  // faint sound speech. Speech recorded 20 dB below full scale still has its
  // weak consonants above it.
  static constexpr double absolute_floor_db = -62;
  // Gaps this short inside a burst of energy are bridged before bursts are
  // judged: stop consonants split a word into pieces.
  static constexpr double bridge_seconds = 0.030;
  // A burst shorter than this is a click or a tap, not speech...
  static constexpr double min_burst_seconds = 0.100;
  // ...unless it is this close to a longer burst: then it is the release of a
  // final "t" or a soft first consonant, and it moves the stretch's edge.
  static constexpr double attach_seconds = 0.300;
  // Where a burst begins and ends is found with a lower bar: energy this far
  // above the floor, next to the burst, is its soft onset or fading end (an
  // "s", a breathy vowel), which the noise of a room would otherwise cut off
  // and add to the pause beside it. Bounded, so a slow swell of noise next to
  // speech does not become speech.
  static constexpr double edge_margin_db = 3;
  static constexpr double max_edge_seconds = 0.250;
};

struct Run {
  std::size_t first = 0, last = 0;  // frames [first, last), edges included
  std::size_t loud = 0;             // frames from the first loud one to the last (the burst without its edges)
};

struct Thresholds {
  double speech = 0;  // a frame above it may be speech
  double edge = 0;    // a frame above it, next to speech, is speech's edge
};

// A second-order Butterworth high-pass (the audio cookbook's biquad). Speech
// carries little below it, while rumble, wind, handling noise and mains hum
// live there and swing in level from frame to frame as speech does.
class HighPass {
 public:
  HighPass(double cutoff, double rate) {
    constexpr double q = std::numbers::sqrt2 / 2;  // Butterworth: maximally flat above the cutoff
    const double w = 2 * std::numbers::pi * cutoff / rate, alpha = std::sin(w) / (2 * q), c = std::cos(w);
    const double a0 = 1 + alpha;
    b0_ = (1 + c) / 2 / a0;
    b1_ = -(1 + c) / a0;
    a1_ = -2 * c / a0;
    a2_ = (1 - alpha) / a0;
  }
  double operator()(double x) {
    // Direct form II transposed; b2 equals b0 for a high-pass.
    const double y = b0_ * x + z1_;
    z1_ = b1_ * x - a1_ * y + z2_;
    z2_ = b0_ * x - a2_ * y;
    return y;
  }

 private:
  double b0_ = 0, b1_ = 0, a1_ = 0, a2_ = 0, z1_ = 0, z2_ = 0;
};

// Each frame's energy in dB, after the high-pass (which also removes a cheap
// microphone's DC offset).
std::vector<double> frame_energies(const Audio& audio, std::size_t frame) {
  const auto& x = audio.samples;
  HighPass high_pass(Settings::high_pass_hz, audio.sample_rate);
  std::vector<double> energies;
  energies.reserve(x.size() / frame + 1);
  for (std::size_t start = 0; start < x.size(); start += frame) {
    const std::size_t end = std::min(x.size(), start + frame);
    double squares = 0;
    for (std::size_t i = start; i < end; ++i) {
      const double y = high_pass(x[i]);
      squares += y * y;
    }
    const double power = squares / static_cast<double>(end - start);
    // A full-scale square wave is 0 dB.
    energies.push_back(10 * std::log10(std::max(power, Settings::silence_power)));
  }
  return energies;
}

double percentile(std::vector<double> values, double p) {
  const auto k = static_cast<std::ptrdiff_t>(p * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + k, values.end());
  return values[static_cast<std::size_t>(k)];
}

// The levels for speech and for its edges, from the recording's own floor
// (see Settings).
Thresholds thresholds(const std::vector<double>& energies) {
  const double floor = percentile(energies, Settings::floor_percentile);
  const double loud = percentile(energies, Settings::loud_percentile);
  const double margin =
      std::clamp((loud - floor) * Settings::margin_share, Settings::min_margin_db, Settings::max_margin_db);
  return {std::max(floor + margin, Settings::absolute_floor_db),
          std::max(floor + Settings::edge_margin_db, Settings::absolute_floor_db)};
}

// Bursts of loud frames, with gaps of at most `bridge` frames closed, each
// widened over its quieter edges by at most `max_edge` frames a side.
std::vector<Run> bursts(const std::vector<double>& energies, Thresholds level, std::size_t bridge,
                        std::size_t max_edge) {
  std::vector<Run> runs;
  for (std::size_t i = 0; i < energies.size(); ++i) {
    if (energies[i] <= level.speech) continue;
    if (!runs.empty() && i <= runs.back().last + bridge) runs.back().last = i + 1;
    else runs.push_back({i, i + 1});
  }
  for (Run& run : runs) {
    run.loud = run.last - run.first;
    for (std::size_t n = 0; n < max_edge && run.first > 0 && energies[run.first - 1] > level.edge; ++n) --run.first;
    for (std::size_t n = 0; n < max_edge && run.last < energies.size() && energies[run.last] > level.edge; ++n)
      ++run.last;
  }
  return runs;
}

// Drops clicks (short bursts far from any longer one) first, so one in the
// middle of a pause does not split it; then joins bursts separated by less
// than a pause into stretches of speech.
std::vector<Run> join_into_stretches(const std::vector<Run>& runs, std::size_t min_burst, std::size_t attach,
                                     std::size_t min_pause) {
  const auto is_long = [&](const Run& run) { return run.loud >= min_burst; };
  // next_long[i]: the first frame of the first long burst at or after burst i.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> next_long(runs.size() + 1, kNone);
  for (std::size_t i = runs.size(); i-- > 0;) next_long[i] = is_long(runs[i]) ? runs[i].first : next_long[i + 1];

  std::vector<Run> stretches;
  std::size_t previous_long_end = kNone;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Run& run = runs[i];
    if (is_long(run)) {
      previous_long_end = run.last;
    } else {
      const bool near_before = previous_long_end != kNone && run.first <= previous_long_end + attach;
      const bool near_after = next_long[i] != kNone && next_long[i] <= run.last + attach;
      if (!near_before && !near_after) continue;
    }
    // Widened edges may overlap: compare without subtracting.
    if (!stretches.empty() && run.first < stretches.back().last + min_pause)
      stretches.back().last = std::max(stretches.back().last, run.last);
    else
      stretches.push_back(run);
  }
  return stretches;
}

}  // namespace

VoiceActivity detect_voice(const Audio& audio) {
  VoiceActivity voice;
  voice.duration = audio.seconds();
  if (audio.samples.empty() || audio.sample_rate <= 0) return voice;
  const double rate = audio.sample_rate;
  const auto frame = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(rate * Settings::frame_seconds)));
  const double frame_seconds = static_cast<double>(frame) / rate;
  // Whole frames in `seconds`, rounded up: a gap of exactly kMinPauseSeconds is a pause.
  const auto frames_in = [&](double seconds) {
    return static_cast<std::size_t>(std::ceil(seconds / frame_seconds - 1e-9));
  };

  const auto energies = frame_energies(audio, frame);
  const auto runs = bursts(energies, thresholds(energies), frames_in(Settings::bridge_seconds),
                           frames_in(Settings::max_edge_seconds));
  const auto stretches = join_into_stretches(runs, frames_in(Settings::min_burst_seconds),
                                             frames_in(Settings::attach_seconds), frames_in(kMinPauseSeconds));

  const auto seconds_at = [&](std::size_t f) {
    return std::min(voice.duration, static_cast<double>(f) * frame_seconds);
  };
  for (const Run& run : stretches) {
    const Stretch stretch{seconds_at(run.first), seconds_at(run.last)};
    if (voice.has_speech()) {
      const double end = voice.speech.back().end;
      voice.pauses.push_back({end, stretch.start - end});
    }
    voice.speech.push_back(stretch);
    voice.speaking_seconds += stretch.end - stretch.start;
  }
  return voice;
}

}  // namespace prepbot::speech
