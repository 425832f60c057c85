#include "speech/audio.hpp"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace prepbot::speech {
namespace {

// The messages a candidate reads (422); each names what to do differently.
constexpr const char* kNotAudio = "the file is not a recording PrepBot can read (WAV, FLAC or Ogg Opus)";
constexpr const char* kDamaged =
    "the recording is damaged, or saved in an encoding PrepBot cannot read (use WAV, FLAC or Ogg Opus)";
constexpr const char* kCutShort = "the recording is cut short or damaged";
constexpr const char* kNoSamples = "the recording has no samples";

// The uploaded bytes as a read-only file for libsndfile's virtual I/O: the
// recording is never written to disk.
struct MemoryFile {
  std::string_view bytes;
  sf_count_t position = 0;
};

sf_count_t file_length(void* user) { return static_cast<sf_count_t>(static_cast<MemoryFile*>(user)->bytes.size()); }

sf_count_t file_seek(sf_count_t offset, int whence, void* user) {
  auto& file = *static_cast<MemoryFile*>(user);
  const auto size = static_cast<sf_count_t>(file.bytes.size());
  sf_count_t base = 0;
  if (whence == SEEK_CUR) base = file.position;
  else if (whence == SEEK_END) base = size;
  else if (whence != SEEK_SET) return -1;
  // A damaged header can ask for any offset; refuse the ones that would overflow
  // or point before the start. Past the end is allowed, as for a real file: reads
  // there return nothing.
  if ((offset > 0 && base > SF_COUNT_MAX - offset) || base + offset < 0) return -1;
  file.position = base + offset;
  return file.position;
}

sf_count_t file_read(void* destination, sf_count_t count, void* user) {
  auto& file = *static_cast<MemoryFile*>(user);
  const auto size = static_cast<sf_count_t>(file.bytes.size());
  if (count <= 0 || file.position >= size) return 0;
  const sf_count_t n = std::min(count, size - file.position);
  std::copy_n(file.bytes.data() + file.position, n, static_cast<char*>(destination));
  file.position += n;
  return n;
}

sf_count_t file_write(const void*, sf_count_t, void*) { return 0; }

sf_count_t file_tell(void* user) { return static_cast<MemoryFile*>(user)->position; }

struct SndfileCloser {
  void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndfileHandle = std::unique_ptr<SNDFILE, SndfileCloser>;

bool starts_with(std::string_view bytes, std::uint64_t at, std::string_view magic) {
  return bytes.size() >= at + magic.size() && bytes.substr(at, magic.size()) == magic;
}

// Only the containers PrepBot promises reach libsndfile's parsers: it reads
// dozens of other formats, and every parser an upload can reach is one more a
// malformed file can probe.
bool has_supported_magic(std::string_view bytes) {
  const bool wave = (starts_with(bytes, 0, "RIFF") || starts_with(bytes, 0, "RIFX") || starts_with(bytes, 0, "RF64")) &&
                    starts_with(bytes, 8, "WAVE");
  return wave || starts_with(bytes, 0, "fLaC") || starts_with(bytes, 0, "OggS");
}

// After opening, the container and encoding must still be ones we promise: a
// WAV can carry GSM, ADPCM or MP3, whose decoders we do not offer to uploads.
bool is_supported_format(int format) {
  const int container = format & SF_FORMAT_TYPEMASK;
  const int encoding = format & SF_FORMAT_SUBMASK;
  switch (container) {
    case SF_FORMAT_WAV:
    case SF_FORMAT_WAVEX:
    case SF_FORMAT_RF64:
    case SF_FORMAT_FLAC:
      switch (encoding) {
        case SF_FORMAT_PCM_S8:
        case SF_FORMAT_PCM_U8:
        case SF_FORMAT_PCM_16:
        case SF_FORMAT_PCM_24:
        case SF_FORMAT_PCM_32:
        case SF_FORMAT_FLOAT:
        case SF_FORMAT_DOUBLE:
        case SF_FORMAT_ULAW:
        case SF_FORMAT_ALAW:
          return true;
        default:
          return false;
      }
    case SF_FORMAT_OGG:
      return encoding == SF_FORMAT_OPUS;
    default:
      return false;
  }
}

std::uint32_t read_u32(std::string_view bytes, std::uint64_t at, bool little_endian) {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    const auto byte = static_cast<std::uint8_t>(bytes[at + static_cast<std::uint64_t>(little_endian ? 3 - i : i)]);
    value = (value << 8) | byte;
  }
  return value;
}

// True when a RIFF/RIFX WAV's data chunk claims more bytes than the upload holds.
// libsndfile quietly shortens such a chunk to what is there, so a recording cut
// off in transfer would be graded as if the candidate had stopped talking
// there. We reject it instead, as libsndfile rejects a FLAC file that ends
// early, and ask for the whole recording. A recorder that streams a WAV and
// cannot go back to fill in the size writes 0xFFFFFFFF: that is no claim, and
// what is present is read.
bool wav_is_cut_short(std::string_view bytes) {
  const bool riff = starts_with(bytes, 0, "RIFF"), rifx = starts_with(bytes, 0, "RIFX");
  if (!riff && !rifx) return false;
  std::uint64_t at = 12;
  while (at + 8 <= bytes.size()) {
    const std::uint64_t size = read_u32(bytes, at + 4, riff);
    if (bytes.substr(at, 4) == "data") return size != 0xFFFF'FFFFu && at + 8 + size > bytes.size();
    at += 8 + size + (size & 1);  // chunks are padded to an even length
  }
  return false;  // no data chunk: libsndfile will refuse the file
}

// Ogg streams must carry Opus (what browsers record): libvorbis leaks memory on
// a Vorbis header that fails halfway (libsndfile#922, xiph/vorbis#125), and a
// server must not lose memory to a crafted upload. The first page's first
// packet names the codec.
bool is_ogg_without_opus(std::string_view bytes) {
  if (!starts_with(bytes, 0, "OggS")) return false;
  constexpr std::uint64_t kHeader = 27;
  if (bytes.size() < kHeader) return true;
  const std::uint64_t segments = static_cast<std::uint8_t>(bytes[kHeader - 1]);
  return !starts_with(bytes, kHeader + segments, "OpusHead");
}

// True when an Ogg stream's last page is incomplete. Ogg declares no length, so
// libsndfile reads a cut-off stream up to its last whole page and reports a
// shorter recording; a transfer that stopped mid-page is cut short for us, as
// a WAV is. Bytes that are not a page end the walk: libsndfile judges those.
bool ogg_is_cut_short(std::string_view bytes) {
  std::uint64_t at = 0;
  while (at < bytes.size()) {
    if (!starts_with(bytes, at, "OggS")) return false;
    constexpr std::uint64_t kHeader = 27;  // fixed part of a page header; its last byte counts the segments
    if (at + kHeader > bytes.size()) return true;
    const std::uint64_t segments = static_cast<std::uint8_t>(bytes[at + kHeader - 1]);
    if (at + kHeader + segments > bytes.size()) return true;
    std::uint64_t body = 0;
    for (std::uint64_t i = 0; i < segments; ++i) body += static_cast<std::uint8_t>(bytes[at + kHeader + i]);
    at += kHeader + segments + body;
  }
  return at > bytes.size();
}

// Mixes interleaved frames down to one channel by averaging, so two channels
// in phase keep their level and nothing clips. Values outside [-1, 1] (a float
// WAV may hold any number, even NaN) are clamped or zeroed: the detector
// downstream takes logarithms of energies.
void append_mono(const std::vector<float>& interleaved, sf_count_t frames, int channels, std::vector<float>& out) {
  const float scale = 1.0f / static_cast<float>(channels);
  const auto* sample = interleaved.data();
  for (sf_count_t f = 0; f < frames; ++f) {
    float sum = 0;
    for (int c = 0; c < channels; ++c) sum += *sample++;
    float mono = sum * scale;
    if (!std::isfinite(mono)) mono = 0;
    out.push_back(std::clamp(mono, -1.0f, 1.0f));
  }
}

std::string rate_message(int rate) {
  char text[96];
  std::snprintf(text, sizeof text, "sample rate %d Hz is outside %d\u2013%d kHz", rate, kMinSampleRate / 1000,
                kMaxSampleRate / 1000);
  return text;
}

// `seconds` is the header's claim; without one, decoding went past the limit.
std::string too_long_message(double seconds = 0) {
  char text[128];
  if (seconds > 0)
    std::snprintf(text, sizeof text, "the recording is %.0f seconds long; PrepBot takes answers of up to %.0f seconds",
                  std::ceil(seconds), kMaxAudioSeconds);
  else
    std::snprintf(text, sizeof text,
                  "the recording is over %.0f seconds long; PrepBot takes answers of up to %.0f seconds",
                  kMaxAudioSeconds, kMaxAudioSeconds);
  return text;
}

bool claims_length(const SF_INFO& info) { return info.frames > 0 && info.frames != SF_COUNT_MAX; }

// Opens the bytes and checks everything the header says before a sample is
// decoded: the container, a cut-off end, the encoding, the rate, the length.
SndfileHandle open_checked(std::string_view bytes, MemoryFile& file, SF_INFO& info) {
  if (!has_supported_magic(bytes)) throw UnreadableAudio(kNotAudio);
  if (is_ogg_without_opus(bytes)) throw UnreadableAudio("an Ogg recording must be Opus: send WAV, FLAC or Ogg Opus");
  // Checked first, so a file cut off in transfer never reaches the decoders.
  if (wav_is_cut_short(bytes) || ogg_is_cut_short(bytes)) throw UnreadableAudio(kCutShort);
  SF_VIRTUAL_IO io{file_length, file_seek, file_read, file_write, file_tell};
  // sf_error(nullptr) would say why an open failed, but it reads a global that
  // concurrent decodes overwrite; the magic check above already told "not
  // audio" from "audio with a broken header".
  SndfileHandle sound(sf_open_virtual(&io, SFM_READ, &info, &file));
  if (!sound || !is_supported_format(info.format) || info.channels <= 0) throw UnreadableAudio(kDamaged);
  if (info.samplerate < kMinSampleRate || info.samplerate > kMaxSampleRate)
    throw UnreadableAudio(rate_message(info.samplerate));
  // A 3-hour upload costs a header read: its length is refused here.
  const double claimed_seconds = static_cast<double>(info.frames) / info.samplerate;
  if (claims_length(info) && claimed_seconds > kMaxAudioSeconds) throw AudioTooLong(too_long_message(claimed_seconds));
  return sound;
}

}  // namespace

Audio decode(std::string_view bytes) {
  MemoryFile file{bytes};
  SF_INFO info{};
  const SndfileHandle sound = open_checked(bytes, file, info);

  Audio audio;
  audio.sample_rate = info.samplerate;
  // The header may lie about the length, or say nothing (SF_COUNT_MAX), so
  // decoding stops at the limit whatever it claimed.
  const auto max_frames = static_cast<sf_count_t>(kMaxAudioSeconds * info.samplerate);
  // Room for the samples is made at once: growing the vector as it fills
  // touched three times the memory and cost 50 ms of page faults for two
  // minutes at 16 kHz. The header's claim is believed only as far as the bytes
  // could hold it (Opus, the densest format here, packs about 16 frames into a
  // byte; a WAV's claim libsndfile has already cut to the bytes present), so a
  // 100-byte file claiming five minutes reserves 1,600 frames, and anything
  // past the reservation grows with what is actually decoded.
  constexpr sf_count_t kMaxFramesPerByte = 16;
  const auto byte_bound = static_cast<sf_count_t>(bytes.size()) * kMaxFramesPerByte;
  if (claims_length(info))
    audio.samples.reserve(static_cast<std::size_t>(std::min({info.frames, max_frames, byte_bound})));

  constexpr sf_count_t kBlockSamples = 16'384;
  const sf_count_t block_frames = std::max<sf_count_t>(1, kBlockSamples / info.channels);
  std::vector<float> block(static_cast<std::size_t>(block_frames * info.channels));
  sf_count_t total = 0;
  for (sf_count_t got; (got = sf_readf_float(sound.get(), block.data(), block_frames)) > 0;) {
    total += got;
    if (total > max_frames) throw AudioTooLong(too_long_message());
    append_mono(block, got, info.channels, audio.samples);
  }
  if (total == 0) throw UnreadableAudio(claims_length(info) ? kCutShort : kNoSamples);
  // Fewer frames than the header promised: a FLAC stream that stops early or
  // fails its checks mid-way. Refused, like a cut-off WAV or Ogg above.
  if (claims_length(info) && total < info.frames) throw UnreadableAudio(kCutShort);
  return audio;
}

}  // namespace prepbot::speech
