#pragma once
// A spoken answer's delivery in figures and plain words: pace in words per
// minute of speaking time, pauses, fillers, each judged against common
// guidance, and what that does to the communication score.
//
// Guidance used (the verdict's words say the same):
//   pace: 120–160 wpm is easy to follow; 100–119 and 161–180 are a little slow
//         or fast; under 100 or over 180 is hard to follow (communication −1);
//   pauses: silences of 0.7–3 s are natural; a silence over 5 s, or more than
//         six pauses a minute, reads as losing the thread (communication −1);
//   fillers: up to 3 a minute go unnoticed, 3–6 are noticeable, more distract
//         (already counted by the grader on the transcript, so no second effect).
// Each verdict judges the figure it shows (a pace of 99.6 reads, and counts, as
// 100). Rates are judged over at least one minute of speaking, so a short
// answer's two pauses are not "eight a minute". With no speech, or no words in
// the transcript, there is no pace to judge and no effect.
#include <string_view>

#include "model/evidence.hpp"
#include "speech/voice_activity.hpp"

namespace prepbot::speech {

// The figures and verdicts; `filler_count` is the grader's count on the transcript.
model::SpokenDelivery describe_delivery(const VoiceActivity& voice, std::string_view transcript, int filler_count);

}  // namespace prepbot::speech
