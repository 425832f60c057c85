#pragma once
// Where a recording holds speech: an energy detector over 10 ms frames whose
// threshold follows the recording's own noise floor, so a quiet room and a
// noisy one are both read right; short bursts (clicks) are not speech and
// short gaps (between syllables and words) are not pauses.
#include <vector>

#include "model/evidence.hpp"
#include "speech/audio.hpp"

namespace prepbot::speech {

inline constexpr double kMinPauseSeconds = 0.7;  // a shorter silence is part of speaking

struct Stretch {
  double start = 0;  // seconds
  double end = 0;
};

struct VoiceActivity {
  double duration = 0;              // the whole recording, seconds
  std::vector<Stretch> speech;      // in order, not overlapping
  std::vector<model::Pause> pauses; // gaps of at least kMinPauseSeconds between stretches of speech
  double speaking_seconds = 0;      // from the first speech to the last, pauses excluded
  bool has_speech() const { return !speech.empty(); }
};

VoiceActivity detect_voice(const Audio& audio);

}  // namespace prepbot::speech
