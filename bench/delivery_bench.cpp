// Spoken-answer budget: decoding a 2-minute 16 kHz mono WAV, finding its
// speech and pauses, and describing the delivery, together within 50 ms.
//
// The recording is real synthesized speech, made once at start-up: espeak-ng
// speaks a four-sentence answer at 150 wpm, one clip a sentence, sox joins the
// clips with silences of 0.8, 1.5 and 3 s and repeats the answer to fill two
// minutes (the last answer cut off at 120 s). Both tools must be installed
// (apt-get install espeak-ng sox).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "speech/audio.hpp"
#include "speech/delivery.hpp"
#include "speech/voice_activity.hpp"

namespace {

using namespace prepbot;

const std::vector<std::string> kSentences = {
    "I started by measuring the latency of every endpoint, and found the slow one.",
    "Then I added an index on the lookup column and cached the hot reads.",
    "The median fell from two hundred milliseconds to forty, and the errors stopped.",
    "Finally I wrote a load test, so the team could prove it stayed fast after each release.",
};
constexpr int kRepeats = 5;  // about 24 s each: two minutes once trimmed

void run(const std::string& command) {
  if (std::system((command + " >/dev/null 2>&1").c_str()) != 0) throw std::runtime_error("failed: " + command);
}

struct Recording {
  std::string bytes;
  std::string transcript;
};

Recording make_recording() {
  const auto dir = std::filesystem::temp_directory_path() / ("prepbot-delivery-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto at = [&](const std::string& name) { return "'" + (dir / name).string() + "'"; };
  Recording out;
  std::string answer;
  const char* silences[] = {"0.8", "1.5", "3"};
  for (std::size_t i = 0; i < kSentences.size(); ++i) {
    const auto n = std::to_string(i);
    run("espeak-ng -s 150 -w " + at("raw" + n + ".wav") + " '" + kSentences[i] + "'");
    run("sox " + at("raw" + n + ".wav") + " " + at("clip" + n + ".wav") +
        " rate 16000 silence 1 0.005 -60d reverse silence 1 0.005 -60d reverse");
    answer += at("clip" + n + ".wav") + " ";
    if (i < 3) {
      run(std::string("sox -r 16000 -c 1 -n -b 16 ") + at("gap" + n + ".wav") + " trim 0 " + silences[i]);
      answer += at("gap" + n + ".wav") + " ";
    }
    out.transcript += kSentences[i] + " ";
  }
  run("sox " + answer + at("answer.wav"));
  std::string repeated;
  for (int i = 0; i < kRepeats; ++i) repeated += at("answer.wav") + " " + at("gap2.wav") + " ";
  run("sox " + repeated + "-b 16 " + at("two-minutes.wav") + " trim 0 120");
  std::ifstream in(dir / "two-minutes.wav", std::ios::binary);
  out.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(dir);
  std::string transcript;
  for (int i = 0; i < kRepeats; ++i) transcript += out.transcript;
  out.transcript = transcript;
  return out;
}

const Recording* recording(benchmark::State& state) {
  static const std::optional<Recording> made = []() -> std::optional<Recording> {
    try {
      return make_recording();
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }();
  if (!made) {
    state.SkipWithError("could not make the recording: are espeak-ng and sox installed?");
    return nullptr;
  }
  return &*made;
}

void SpokenDeliveryTwoMinutes(benchmark::State& state) {
  const Recording* r = recording(state);
  if (r == nullptr) return;
  model::SpokenDelivery delivery;
  for (auto _ : state) {
    const auto audio = speech::decode(r->bytes);
    const auto voice = speech::detect_voice(audio);
    delivery = speech::describe_delivery(voice, r->transcript, 4);
    benchmark::DoNotOptimize(delivery);
  }
  // What was measured, so a detector that found nothing cannot pass for a fast one.
  state.counters["seconds"] = delivery.duration_seconds;
  state.counters["speaking"] = delivery.speaking_seconds;
  state.counters["pauses"] = static_cast<double>(delivery.pauses.size());
}
BENCHMARK(SpokenDeliveryTwoMinutes)->Unit(benchmark::kMillisecond);

void DecodeTwoMinutes(benchmark::State& state) {
  const Recording* r = recording(state);
  if (r == nullptr) return;
  for (auto _ : state) benchmark::DoNotOptimize(speech::decode(r->bytes));
}
BENCHMARK(DecodeTwoMinutes)->Unit(benchmark::kMillisecond);

void DetectVoiceTwoMinutes(benchmark::State& state) {
  const Recording* r = recording(state);
  if (r == nullptr) return;
  const auto audio = speech::decode(r->bytes);
  for (auto _ : state) benchmark::DoNotOptimize(speech::detect_voice(audio));
}
BENCHMARK(DetectVoiceTwoMinutes)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
