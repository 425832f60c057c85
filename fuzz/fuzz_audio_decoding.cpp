// Uploaded recordings: arbitrary bytes through decode() and detect_voice(). No
// crash, no undefined behaviour, no allocation beyond what the bytes can hold;
// a refusal is one of the two typed errors, and what decodes is within the
// limits PrepBot promises.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "speech/audio.hpp"
#include "speech/voice_activity.hpp"

using namespace prepbot::speech;

// libsndfile 1.2 leaves the Vorbis decoder's header state allocated when an Ogg
// Vorbis header turns out malformed halfway (vorbis_read_header returns without
// vorbis_info_clear; upstream: libsndfile#922, xiph/vorbis#125). PrepBot never
// calls libvorbis itself, so a leak allocated there is that bug, not ours;
// leaks from anything else, libsndfile included, are still reported.
extern "C" const char* __lsan_default_suppressions() { return "leak:libvorbis.so\n"; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Audio audio;
  try {
    audio = decode(bytes);
  } catch (const UnreadableAudio&) {
    return 0;
  } catch (const AudioTooLong&) {
    return 0;
  }
  if (audio.samples.empty() || audio.sample_rate < kMinSampleRate || audio.sample_rate > kMaxSampleRate ||
      audio.seconds() > kMaxAudioSeconds)
    std::abort();
  for (float x : audio.samples)
    if (!(x >= -1 && x <= 1)) std::abort();  // NaN fails too
  const VoiceActivity voice = detect_voice(audio);
  if (voice.pauses.size() + 1 != voice.speech.size() && !(voice.speech.empty() && voice.pauses.empty())) std::abort();
  const double speaking = voice.speaking_seconds;
  if (!std::isfinite(speaking) || speaking < 0 || speaking > voice.duration + 1e-6) std::abort();
  return 0;
}
