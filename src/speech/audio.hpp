#pragma once
// A spoken answer's recording, read from memory with libsndfile: WAV (PCM or
// float, 8–48 kHz, mono or stereo), FLAC and Ogg Opus. Channels are
// mixed down to one; nothing touches the disk.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace prepbot::speech {

inline constexpr std::size_t kMaxAudioBytes = 25u << 20;  // a larger upload is 413
inline constexpr double kMaxAudioSeconds = 300;           // a longer recording is 413
inline constexpr int kMinSampleRate = 8'000;
inline constexpr int kMaxSampleRate = 48'000;

// The bytes are not a recording PrepBot can read (not audio, corrupt, truncated,
// an unsupported rate, or no samples); `what()` says which, in plain words (422).
struct UnreadableAudio : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The recording is longer than kMaxAudioSeconds (413).
struct AudioTooLong : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Audio {
  int sample_rate = 16'000;
  std::vector<float> samples;  // mono, in [-1, 1]
  double seconds() const { return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0; }
};

// Decodes a whole recording; throws UnreadableAudio or AudioTooLong.
Audio decode(std::string_view bytes);

}  // namespace prepbot::speech
