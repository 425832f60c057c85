#include "speech/voice_activity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "support/recordings.hpp"
#include "speech/delivery.hpp"

namespace prepbot::speech {
namespace {

using recordings::shell_quoted;
using recordings::read_bytes;
using recordings::Workspace;

// A spoken answer of four sentences, 57 words, each sentence spoken as one clip.
const std::vector<std::string> kSentences = {
    "I started by measuring the latency of every endpoint, and found the slow one.",
    "Then I added an index on the lookup column and cached the hot reads.",
    "The median fell from two hundred milliseconds to forty, and the errors stopped.",
    "Finally I wrote a load test, so the team could prove it stayed fast after each release.",
};
// Silences put between the clips: one just over kMinPauseSeconds, two longer.
const std::vector<double> kInserted = {0.8, 1.5, 3.0};
constexpr double kPauseTolerance = 0.2;  // seconds, for a pause's start and its length
constexpr double kPaceTolerance = 0.10;  // share of the true words per minute

std::string transcript() {
  return std::accumulate(kSentences.begin(), kSentences.end(), std::string(),
                         [](std::string all, const std::string& s) { return all.empty() ? s : all + " " + s; });
}

int words_by_hand(const std::string& text) {
  std::istringstream in(text);
  int n = 0;
  for (std::string word; in >> word;) ++n;
  return n;
}

// Silences inside a clean synthetic clip, found the simple way that synthetic
// audio allows and a real microphone would not: runs of samples no louder than
// −60 dBFS (espeak-ng's silences are digital zeros) lasting at least
// kMinPauseSeconds. This is the truth the detector is held to; it shares no
// code with it.
std::vector<model::Pause> silences_in(const Audio& clip) {
  std::vector<model::Pause> found;
  const auto min_run = static_cast<std::size_t>(kMinPauseSeconds * clip.sample_rate);
  std::size_t run_start = 0, run = 0;
  for (std::size_t i = 0; i <= clip.samples.size(); ++i) {
    if (i < clip.samples.size() && std::fabs(clip.samples[i]) <= 0.001f) {
      if (run++ == 0) run_start = i;
      continue;
    }
    if (run >= min_run)
      found.push_back({static_cast<double>(run_start) / clip.sample_rate, static_cast<double>(run) / clip.sample_rate});
    run = 0;
  }
  return found;
}

// What the detector must find, worked out from how the recording was made.
struct Truth {
  std::vector<model::Pause> pauses;
  // The true speaking time: each clip from its first sound to its last
  // (sox trims the clip's own leading and trailing silence at −60 dBFS), less
  // any silence of kMinPauseSeconds or more inside it; the inserted silences
  // count for nothing. espeak-ng's silence between sentences grows as the
  // rate falls: 0.56–0.63 s at 120 wpm, 0.64–0.71 s at 110, 0.91–1.0 s at 80.
  // Under 0.7 s it is part of speaking, like a breath; from 0.7 s it is a
  // pause, by the rule PrepBot applies to a person, so it leaves the speaking
  // time and joins the pauses to find. (The clips of the answer with inserted
  // pauses are one sentence each; their commas leave at most 0.35 s.)
  double speaking_seconds = 0;
  int words = 0;
  double words_per_minute() const { return words / (speaking_seconds / 60); }
};

struct Recording {
  std::string file;
  Truth truth;
};

// The clips joined by silences of the given lengths (none: one clip, all sentences).
Recording make_answer(const Workspace& work, int wpm, int rate, bool with_inserted_silences) {
  const std::vector<std::string> texts = with_inserted_silences ? kSentences : std::vector<std::string>{transcript()};
  Recording out;
  std::string inputs;
  double at = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto name = "clip" + std::to_string(i);
    const auto clip = work.trimmed(work.speak(name + ".wav", texts[i], wpm), name + "-trimmed.wav", rate);
    const Audio audio = decode(read_bytes(clip));
    for (const auto& inside : silences_in(audio)) {
      out.truth.pauses.push_back({at + inside.start, inside.length});
      out.truth.speaking_seconds -= inside.length;
    }
    out.truth.speaking_seconds += audio.seconds();
    at += audio.seconds();
    inputs += shell_quoted(clip) + " ";
    if (with_inserted_silences && i < kInserted.size()) {
      out.truth.pauses.push_back({at, kInserted[i]});
      inputs += shell_quoted(work.silence("silence" + std::to_string(i) + ".wav", kInserted[i], rate)) + " ";
      at += kInserted[i];
    }
  }
  out.file = work.sox(inputs, "answer.wav");
  out.truth.words = words_by_hand(transcript());
  return out;
}

// White noise at 0.01 of full scale (about −50 dBFS) under the whole recording.
std::string with_noise(const Workspace& work, const std::string& file) {
  const Audio audio = decode(read_bytes(file));
  const auto noise = work.generate("noise.wav", audio.sample_rate,
                              "synth " + std::to_string(audio.samples.size()) + "s whitenoise vol 0.01");
  return work.sox("-m -v 1 " + shell_quoted(file) + " -v 1 " + shell_quoted(noise), "noisy.wav");
}

// What any result must be, whatever the recording.
void expect_consistent(const VoiceActivity& voice) {
  ASSERT_EQ(voice.pauses.size(), voice.speech.empty() ? 0 : voice.speech.size() - 1);
  double speaking = 0;
  for (std::size_t i = 0; i < voice.speech.size(); ++i) {
    EXPECT_LT(voice.speech[i].start, voice.speech[i].end);
    EXPECT_LE(voice.speech[i].end, voice.duration + 1e-9);
    speaking += voice.speech[i].end - voice.speech[i].start;
    if (i == 0) continue;
    const auto& pause = voice.pauses[i - 1];
    EXPECT_DOUBLE_EQ(pause.start, voice.speech[i - 1].end);
    EXPECT_DOUBLE_EQ(pause.start + pause.length, voice.speech[i].start);
    EXPECT_GE(pause.length, kMinPauseSeconds - 1e-9);
  }
  EXPECT_NEAR(voice.speaking_seconds, speaking, 1e-9);
  if (voice.has_speech()) {
    double paused = 0;
    for (const auto& pause : voice.pauses) paused += pause.length;
    EXPECT_NEAR(voice.speaking_seconds, voice.speech.back().end - voice.speech.front().start - paused, 1e-9);
  }
}

void expect_pauses(const VoiceActivity& voice, const std::vector<model::Pause>& truth, const std::string& label) {
  ASSERT_EQ(voice.pauses.size(), truth.size()) << label;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    EXPECT_NEAR(voice.pauses[i].start, truth[i].start, kPauseTolerance) << label << ", pause " << i;
    EXPECT_NEAR(voice.pauses[i].length, truth[i].length, kPauseTolerance) << label << ", pause " << i;
    std::printf("[ measured ] %s pause %zu: start %+.3f s, length %+.3f s (true %.2f s at %.2f s)\n", label.c_str(), i,
                voice.pauses[i].start - truth[i].start, voice.pauses[i].length - truth[i].length, truth[i].length,
                truth[i].start);
  }
}

void expect_pace(const VoiceActivity& voice, const Truth& truth, const std::string& label) {
  const auto delivery = describe_delivery(voice, transcript(), 0);
  ASSERT_EQ(delivery.words, truth.words);
  const double error = delivery.words_per_minute / truth.words_per_minute() - 1;
  EXPECT_LE(std::fabs(error), kPaceTolerance)
      << label << ": measured " << delivery.words_per_minute << " wpm, true " << truth.words_per_minute();
  std::printf("[ measured ] %s: %.1f wpm, true %.1f (speaking %.2f s, true %.2f s), error %+.1f%%\n", label.c_str(),
              delivery.words_per_minute, truth.words_per_minute(), voice.speaking_seconds, truth.speaking_seconds,
              100 * error);
}

// --- the answer with inserted pauses, at three rates and in six recordings ---

enum class Kind { clean16k, noisy16k, quiet16k, loud16k, clean8k, stereo44k };

std::string kind_name(Kind kind) {
  switch (kind) {
    case Kind::clean16k: return "clean16k";
    case Kind::noisy16k: return "noisy16k";
    case Kind::quiet16k: return "quiet16k";
    case Kind::loud16k: return "loud16k";
    case Kind::clean8k: return "clean8k";
    case Kind::stereo44k: return "stereo44k";
  }
  return "?";
}

int rate_of(Kind kind) { return kind == Kind::clean8k ? 8'000 : kind == Kind::stereo44k ? 44'100 : 16'000; }

class SpokenAnswer : public ::testing::TestWithParam<std::tuple<int, Kind>> {};

TEST_P(SpokenAnswer, PausesAndPaceMatchHowItWasMade) {
  const auto [wpm, kind] = GetParam();
  Workspace work;
  const Recording answer = make_answer(work, wpm, rate_of(kind), true);
  std::string file = answer.file;
  switch (kind) {
    case Kind::noisy16k: file = with_noise(work, file); break;
    case Kind::quiet16k: file = work.sox(shell_quoted(file), "quiet.wav", "vol -20dB"); break;
    case Kind::loud16k: file = work.sox(shell_quoted(file), "loud.wav", "norm -0.1"); break;
    case Kind::stereo44k: file = work.sox(shell_quoted(file), "stereo.wav", "channels 2"); break;
    case Kind::clean16k:
    case Kind::clean8k: break;
  }
  const VoiceActivity voice = detect_voice(decode(read_bytes(file)));
  const std::string label = std::to_string(wpm) + " wpm " + kind_name(kind);
  expect_consistent(voice);
  expect_pauses(voice, answer.truth.pauses, label);
  expect_pace(voice, answer.truth, label);
}

INSTANTIATE_TEST_SUITE_P(Rates, SpokenAnswer,
                         ::testing::Combine(::testing::Values(110, 150, 190),
                                            ::testing::Values(Kind::clean16k, Kind::noisy16k, Kind::quiet16k,
                                                              Kind::loud16k, Kind::clean8k, Kind::stereo44k)),
                         [](const auto& test) {
                           return std::to_string(std::get<0>(test.param)) + "wpm_" + kind_name(std::get<1>(test.param));
                         });

// --- continuous speech: several sentences, nothing inserted ---

class ContinuousSpeech : public ::testing::TestWithParam<std::tuple<int, bool>> {};

TEST_P(ContinuousSpeech, HasNoPauses) {
  const auto [wpm, noisy] = GetParam();
  Workspace work;
  const Recording answer = make_answer(work, wpm, 16'000, false);
  // The premise: at these rates espeak-ng's own silences are all under 0.7 s
  // (at 110 wpm one reaches 0.71 s, too near the line to test either way).
  ASSERT_TRUE(answer.truth.pauses.empty()) << "espeak-ng left a silence of " << answer.truth.pauses.front().length
                                           << " s at " << wpm << " wpm; pick a faster rate for this test";
  const VoiceActivity voice = detect_voice(decode(read_bytes(noisy ? with_noise(work, answer.file) : answer.file)));
  const std::string label = std::to_string(wpm) + " wpm continuous" + (noisy ? " noisy" : "");
  expect_consistent(voice);
  EXPECT_TRUE(voice.pauses.empty()) << label << ": a pause of " << voice.pauses.front().length << " s at "
                                    << voice.pauses.front().start;
  expect_pace(voice, answer.truth, label);
}

INSTANTIATE_TEST_SUITE_P(NormalAndSlow, ContinuousSpeech,
                         ::testing::Combine(::testing::Values(120, 150), ::testing::Bool()),
                         [](const auto& test) {
                           return std::to_string(std::get<0>(test.param)) + "wpm" +
                                  (std::get<1>(test.param) ? "_noisy" : "");
                         });

// At 80 wpm espeak-ng pauses about 0.9 s between sentences: real pauses, found
// as such, and left out of the speaking time.
TEST(ContinuousSpeechAtEightyWordsAMinute, SentenceBreaksOverSevenTenthsAreFound) {
  Workspace work;
  const Recording answer = make_answer(work, 80, 16'000, false);
  ASSERT_EQ(answer.truth.pauses.size(), kSentences.size() - 1) << "expected espeak-ng to pause at each full stop";
  const VoiceActivity voice = detect_voice(decode(read_bytes(answer.file)));
  expect_consistent(voice);
  expect_pauses(voice, answer.truth.pauses, "80 wpm continuous");
  expect_pace(voice, answer.truth, "80 wpm continuous");
}

// --- what is not speech ---

TEST(NotSpeech, SilenceAndSteadyNoise) {
  Workspace work;
  const std::vector<std::pair<std::string, std::string>> recordings = {
      {"digital silence", "trim 0 5"},
      {"white noise", "synth 5 whitenoise vol 0.01"},
      {"loud white noise", "synth 5 whitenoise vol 0.3"},
      {"pink noise", "synth 5 pinknoise vol 0.05"},
      {"rumble", "synth 5 brownnoise vol 0.3"},
      {"mains hum", "synth 5 sine 50 vol 0.3"},
  };
  int i = 0;
  for (const auto& [name, effects] : recordings) {
    const auto file = work.generate("quiet" + std::to_string(i++) + ".wav", 16000, effects);
    const VoiceActivity voice = detect_voice(decode(read_bytes(file)));
    EXPECT_FALSE(voice.has_speech()) << name << ": speech from " << voice.speech.front().start << " s";
    EXPECT_EQ(voice.speaking_seconds, 0) << name;
    EXPECT_NEAR(voice.duration, 5, 1e-9) << name;
  }
}

// A click: 20 ms of loud noise.
std::string click(const Workspace& work, const std::string& name) {
  return work.generate(name, 16000, "synth 0.02 whitenoise vol 0.9");
}

TEST(NotSpeech, Clicks) {
  Workspace work;
  const auto gap = work.silence("gap.wav", 1, 16'000);
  const auto tick = click(work, "click.wav");
  const auto file = work.sox(recordings::in_order({gap, tick, gap, tick, tick, gap}), "clicks.wav");
  EXPECT_FALSE(detect_voice(decode(read_bytes(file))).has_speech());
}

TEST(NotSpeech, AClickInsideAPauseDoesNotSplitIt) {
  Workspace work;
  const auto first = work.trimmed(work.speak("a.wav", kSentences[0], 150), "a16.wav", 16'000);
  const auto second = work.trimmed(work.speak("b.wav", kSentences[1], 150), "b16.wav", 16'000);
  const auto half = work.silence("half.wav", 1.4, 16'000);
  const auto file = work.sox(recordings::in_order({first, half, click(work, "click.wav"), half, second}), "answer.wav");
  const VoiceActivity voice = detect_voice(decode(read_bytes(file)));
  expect_consistent(voice);
  expect_pauses(voice, {{work.seconds_of(first), 2.82}}, "click in a pause");
}

TEST(NotSpeech, EmptyAudio) {
  Audio empty;
  const VoiceActivity voice = detect_voice(empty);
  EXPECT_FALSE(voice.has_speech());
  EXPECT_EQ(voice.duration, 0);
  Audio one_sample;
  one_sample.sample_rate = 8'000;
  one_sample.samples = {0.9f};
  EXPECT_FALSE(detect_voice(one_sample).has_speech());
}

}  // namespace
}  // namespace prepbot::speech
