#include "speech/audio.hpp"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "support/recordings.hpp"

namespace prepbot::speech {
namespace {

using recordings::shell_quoted;
using recordings::read_bytes;
using recordings::Workspace;

constexpr const char* kSentence = "I measured the latency of every endpoint, then cached the hot reads.";

// Every way a candidate's recorder might save the same answer.
class DecodeFormats : public ::testing::Test {
 protected:
  void SetUp() override { clip_ = work_.speak("clip.wav", kSentence, 160); }

  // Decodes `file` and checks its rate and its length against soxi's reading of it.
  Audio expect_decodes(const std::string& file, int rate) {
    const Audio audio = decode(read_bytes(file));
    EXPECT_EQ(audio.sample_rate, rate) << file;
    const double truth = work_.seconds_of(file);
    EXPECT_NEAR(audio.seconds(), truth, truth * 0.01) << file;
    EXPECT_TRUE(std::all_of(audio.samples.begin(), audio.samples.end(), [](float x) { return x >= -1 && x <= 1; }));
    return audio;
  }

  Workspace work_;
  std::string clip_;
};

TEST_F(DecodeFormats, WavAtEveryDepthAndRate) {
  expect_decodes(clip_, 22'050);
  expect_decodes(work_.sox(shell_quoted(clip_), "16k.wav", "rate 16000"), 16'000);
  expect_decodes(work_.sox(shell_quoted(clip_), "8k-u8.wav", "rate 8000", "-b 8 -e unsigned-integer"), 8'000);
  expect_decodes(work_.sox(shell_quoted(clip_), "48k-24.wav", "rate 48000", "-b 24"), 48'000);
  expect_decodes(work_.sox(shell_quoted(clip_), "32.wav", "", "-b 32"), 22'050);
  expect_decodes(work_.sox(shell_quoted(clip_), "float.wav", "", "-e floating-point -b 32"), 22'050);
  expect_decodes(work_.sox(shell_quoted(clip_), "ulaw.wav", "rate 8000", "-e u-law"), 8'000);
}

TEST_F(DecodeFormats, FlacButNotOggVorbis) {
  expect_decodes(work_.sox(shell_quoted(clip_), "16k.flac", "rate 16000"), 16'000);
  expect_decodes(work_.sox(shell_quoted(clip_), "44k.flac", "rate 44100", "-b 24"), 44'100);
  // Ogg Vorbis (what sox writes) is refused before libsndfile opens it: libvorbis leaks on a bad header.
  EXPECT_THROW((void)decode(read_bytes(work_.sox(shell_quoted(clip_), "22k.ogg"))), UnreadableAudio);
}

// sox cannot write Opus; libsndfile can, so the test writes it there (what a
// browser's recorder sends is Opus in Ogg, or WebM, which PrepBot does not read).
TEST_F(DecodeFormats, OggOpus) {
  const Audio source = decode(read_bytes(work_.sox(shell_quoted(clip_), "48k.wav", "rate 48000")));
  SF_INFO info{};
  info.samplerate = 48'000;
  info.channels = 1;
  info.format = SF_FORMAT_OGG | SF_FORMAT_OPUS;
  ASSERT_TRUE(sf_format_check(&info)) << "this libsndfile cannot write Opus";
  const auto opus = work_.path("clip.opus");
  SNDFILE* file = sf_open(opus.c_str(), SFM_WRITE, &info);
  ASSERT_NE(file, nullptr) << sf_strerror(nullptr);
  ASSERT_EQ(sf_writef_float(file, source.samples.data(), static_cast<sf_count_t>(source.samples.size())),
            static_cast<sf_count_t>(source.samples.size()));
  sf_close(file);
  const std::string whole = read_bytes(opus);
  const Audio audio = decode(whole);
  EXPECT_EQ(audio.sample_rate, 48'000);
  EXPECT_NEAR(audio.seconds(), source.seconds(), source.seconds() * 0.01);
  EXPECT_THROW((void)decode(whole.substr(0, whole.size() * 6 / 10)), UnreadableAudio) << "cut short";
}

TEST_F(DecodeFormats, StereoIsMixedDownToMono) {
  const auto left = work_.generate("left.wav", 44100, "synth 1 sine 440 vol 0.8");
  const auto right = work_.generate("right.wav", 44100, "trim 0 1");
  const auto stereo = work_.sox("-M " + shell_quoted(left) + " " + shell_quoted(right), "stereo.wav");
  const Audio audio = expect_decodes(stereo, 44'100);
  ASSERT_EQ(audio.samples.size(), 44'100u);  // one sample a frame, not two
  // Averaged: the sine at 0.8 beside silence peaks at 0.4.
  const float peak = *std::max_element(audio.samples.begin(), audio.samples.end());
  EXPECT_NEAR(peak, 0.4, 0.02);

  // Two channels of the same sound keep its level.
  const Audio same = decode(read_bytes(work_.sox(shell_quoted(left), "same.wav", "channels 2")));
  EXPECT_NEAR(*std::max_element(same.samples.begin(), same.samples.end()), 0.8, 0.02);
}

// A float WAV may hold values past full scale, infinities or NaN; the detector
// downstream takes logarithms, so they come out clamped and finite.
TEST_F(DecodeFormats, FloatOutOfRangeIsClampedAndFinite) {
  const auto path = work_.path("wild.wav");
  SF_INFO info{};
  info.samplerate = 16'000;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
  SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
  ASSERT_NE(file, nullptr);
  std::vector<float> wild(16'000, 0.25f);
  wild[0] = 3.0f;
  wild[1] = -7.0f;
  wild[2] = std::numeric_limits<float>::quiet_NaN();
  wild[3] = std::numeric_limits<float>::infinity();
  sf_writef_float(file, wild.data(), static_cast<sf_count_t>(wild.size()));
  sf_close(file);
  const Audio audio = decode(read_bytes(path));
  ASSERT_EQ(audio.samples.size(), wild.size());
  EXPECT_EQ(audio.samples[0], 1.0f);
  EXPECT_EQ(audio.samples[1], -1.0f);
  EXPECT_EQ(audio.samples[2], 0.0f);
  EXPECT_EQ(audio.samples[4], 0.25f);
}

// A WAV streamed by a recorder that could not go back to write the data size
// (0xFFFFFFFF) is read as far as it goes.
TEST_F(DecodeFormats, StreamedWavWithoutADataSizeIsRead) {
  std::string bytes = read_bytes(work_.sox(shell_quoted(clip_), "16k.wav", "rate 16000"));
  const auto data = bytes.find("data");
  ASSERT_NE(data, std::string::npos);
  bytes.replace(data + 4, 4, "\xFF\xFF\xFF\xFF");
  const Audio audio = decode(bytes);
  EXPECT_NEAR(audio.seconds(), work_.seconds_of(work_.path("16k.wav")), 0.01);
}

// --- what is refused, and how it is said ---

std::string unreadable_reason(const std::string& bytes) {
  try {
    (void)decode(bytes);
  } catch (const UnreadableAudio& e) {
    return e.what();
  }
  return "(decoded)";
}

class DecodeRefuses : public DecodeFormats {};

TEST_F(DecodeRefuses, BytesThatAreNotAudio) {
  EXPECT_EQ(unreadable_reason(""), "the file is not a recording PrepBot can read (WAV, FLAC or Ogg Opus)");
  EXPECT_EQ(unreadable_reason("This is my answer, typed instead of recorded."),
            "the file is not a recording PrepBot can read (WAV, FLAC or Ogg Opus)");
  std::string noise(4096, '\0');
  for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 7919 + 13) % 251);
  EXPECT_NE(unreadable_reason(noise).find("not a recording"), std::string::npos);
  // An AIFF: libsndfile reads it, PrepBot does not offer it.
  EXPECT_NE(unreadable_reason(read_bytes(work_.sox(shell_quoted(clip_), "clip.aiff"))).find("not a recording"),
            std::string::npos);
  // A RIFF that is not a WAVE, and a WAVE magic followed by garbage.
  const std::string avi("RIFF\x10\0\0\0AVI ", 12);
  EXPECT_NE(unreadable_reason(avi + noise).find("not a recording"), std::string::npos);
  EXPECT_NE(unreadable_reason(std::string("RIFF\x10\0\0\0WAVE", 12) + noise), "(decoded)");
}

TEST_F(DecodeRefuses, HeadersWithoutSamples) {
  const std::string wav = read_bytes(work_.sox(shell_quoted(clip_), "16k.wav", "rate 16000"));
  // The header alone, still claiming its 1.9 seconds of data.
  EXPECT_EQ(unreadable_reason(wav.substr(0, 44)), "the recording is cut short or damaged");
  // A well-formed recording of nothing.
  EXPECT_EQ(unreadable_reason(read_bytes(work_.generate("empty.wav", 16000, "trim 0 0"))),
            "the recording has no samples");
  EXPECT_EQ(unreadable_reason(read_bytes(work_.generate("empty.flac", 16000, "trim 0 0"))),
            "the recording has no samples");
}

TEST_F(DecodeRefuses, RecordingsCutShort) {
  for (const char* name : {"cut.wav", "cut.flac"}) {
    const std::string whole = read_bytes(work_.sox(shell_quoted(clip_), name, "rate 16000"));
    ASSERT_NO_THROW((void)decode(whole)) << name;
    for (const double kept : {0.3, 0.6, 0.95}) {
      const auto cut = whole.substr(0, static_cast<std::size_t>(static_cast<double>(whole.size()) * kept));
      EXPECT_EQ(unreadable_reason(cut), "the recording is cut short or damaged") << name << " cut at " << kept;
    }
  }
}

TEST_F(DecodeRefuses, CorruptedFlacFrames) {
  std::string flac = read_bytes(work_.sox(shell_quoted(clip_), "clip.flac", "rate 16000"));
  for (std::size_t i = flac.size() / 3; i < flac.size() / 3 + 64; ++i) flac[i] = static_cast<char>(~flac[i]);
  EXPECT_EQ(unreadable_reason(flac), "the recording is cut short or damaged");
}

TEST_F(DecodeRefuses, EncodingsPrepBotDoesNotOffer) {
  const auto ima = read_bytes(work_.sox(shell_quoted(clip_), "ima.wav", "rate 16000", "-e ima-adpcm"));
  EXPECT_NE(unreadable_reason(ima).find("encoding PrepBot cannot read"), std::string::npos);
}

TEST_F(DecodeRefuses, SampleRatesOutsideEightToFortyEightKilohertz) {
  EXPECT_EQ(unreadable_reason(read_bytes(work_.sox(shell_quoted(clip_), "96k.wav", "rate 96000"))),
            "sample rate 96000 Hz is outside 8\u201348 kHz");
  EXPECT_EQ(unreadable_reason(read_bytes(work_.sox(shell_quoted(clip_), "6k.flac", "rate 6000"))),
            "sample rate 6000 Hz is outside 8\u201348 kHz");
}

TEST_F(DecodeRefuses, RecordingsOverFiveMinutes) {
  // Silence at 8 kHz is cheap to make: 301 s in 4.8 MB.
  const auto long_wav = read_bytes(work_.generate("301s.wav", 8000, "trim 0 301"));
  EXPECT_THROW((void)decode(long_wav), AudioTooLong);
  try {
    (void)decode(long_wav);
  } catch (const AudioTooLong& e) {
    EXPECT_STREQ(e.what(), "the recording is 301 seconds long; PrepBot takes answers of up to 300 seconds");
  }
  const auto just_under = decode(read_bytes(work_.generate("299s.flac", 8000, "trim 0 299")));
  EXPECT_NEAR(just_under.seconds(), 299, 0.01);
}

// A three-hour claim is refused from the header: the FLAC below is a second of
// audio whose STREAMINFO says three hours, and no sample is decoded.
TEST_F(DecodeRefuses, ALengthClaimedInTheHeaderIsEnough) {
  std::string flac = read_bytes(work_.sox(shell_quoted(clip_), "clip.flac", "rate 8000"));
  ASSERT_EQ(flac.substr(0, 4), "fLaC");
  // STREAMINFO's 36-bit total sample count starts at bit 4 of byte 21.
  const std::uint64_t three_hours = 3ull * 3600 * 8000;
  flac[21] = static_cast<char>((static_cast<unsigned char>(flac[21]) & 0xF0) | ((three_hours >> 32) & 0x0F));
  for (int i = 0; i < 4; ++i) flac[22 + i] = static_cast<char>((three_hours >> (24 - 8 * i)) & 0xFF);
  EXPECT_THROW((void)decode(flac), AudioTooLong);
}

}  // namespace
}  // namespace prepbot::speech
