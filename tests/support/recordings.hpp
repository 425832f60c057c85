#pragma once
// Real recordings for the speech tests, made at test time: espeak-ng speaks,
// sox converts, trims, joins and mixes, each in a fresh directory that is
// removed afterwards. A missing tool fails the test with the package to install.
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <system_error>

namespace prepbot::speech::recordings {

// Runs a shell command; throws with its output when it fails, so the test
// names the command that did. Returns what it wrote to stdout and stderr.
inline std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("could not run: " + command);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  if (status != 0)
    throw std::runtime_error("command failed (" + std::to_string(status) + "): " + command + "\n" + output);
  return output;
}

inline void require_tool(const std::string& tool, const std::string& package) {
  if (std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) != 0)
    throw std::runtime_error(tool + " is not installed; the speech tests need it (apt-get install " + package + ")");
}

inline std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Files as sox inputs, in order: sox plays them one after another.
inline std::string in_order(std::initializer_list<std::string> files) {
  std::string out;
  for (const auto& file : files) out += shell_quoted(file) + " ";
  return out;
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A directory of its own for one test, removed with everything in it.
class Workspace {
 public:
  Workspace() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("prepbot-speech-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    require_tool("espeak-ng", "espeak-ng");
    require_tool("sox", "sox");
  }
  ~Workspace() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // espeak-ng's voice at `wpm` words a minute (its own rate: 22.05 kHz mono).
  std::string speak(const std::string& name, const std::string& text, int wpm) const {
    const auto out = path(name);
    run("espeak-ng -s " + std::to_string(wpm) + " -w " + shell_quoted(out) + " " + shell_quoted(text));
    return out;
  }

  // `sox <inputs> <format> <name> <effects>`, where `format` holds the output's
  // options (bits, encoding); returns the output's path.
  std::string sox(const std::string& inputs, const std::string& name, const std::string& effects = "",
                  const std::string& format = "") const {
    const auto out = path(name);
    run("sox -V1 " + inputs + " " + format + " " + shell_quoted(out) + " " + effects);
    return out;
  }

  // Made from nothing (sox's null input) at `rate`, mono, 16-bit: silence, or
  // whatever `effects` synthesizes. The rate goes before -n, so a length in
  // samples ("8000s") counts samples at that rate.
  std::string generate(const std::string& name, int rate, const std::string& effects) const {
    return sox("-r " + std::to_string(rate) + " -c 1 -n", name, effects, "-b 16");
  }

  // Silence of exactly `seconds`, in the format of the clips it goes between.
  std::string silence(const std::string& name, double seconds, int rate) const {
    return generate(name, rate, "trim 0 " + std::to_string(seconds));
  }

  // A clip with its own leading and trailing silence cut where the sound first
  // and last rises above −60 dBFS, resampled to `rate`.
  std::string trimmed(const std::string& clip, const std::string& name, int rate) const {
    return sox(shell_quoted(clip), name,
               "rate " + std::to_string(rate) + " silence 1 0.005 -60d reverse silence 1 0.005 -60d reverse");
  }

  double seconds_of(const std::string& file) const { return std::stod(run("soxi -D " + shell_quoted(file))); }

 private:
  std::filesystem::path dir_;
};

}  // namespace prepbot::speech::recordings
