#include "util/random.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace prepbot::util {
namespace {

void fill_random(std::uint8_t* out, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const auto got = getrandom(out + done, size - done, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("getrandom failed");
    }
    done += static_cast<std::size_t>(got);
  }
}

std::string to_hex(const std::uint8_t* data, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(digits[data[i] >> 4]);
    out.push_back(digits[data[i] & 0x0F]);
  }
  return out;
}

}  // namespace

std::string random_uuid() {
  std::array<std::uint8_t, 16> b{};
  fill_random(b.data(), b.size());
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  return uuid_layout(to_hex(b.data(), b.size()));
}

std::string uuid_layout(std::string_view hex) {
  const auto part = [&](std::size_t at, std::size_t length) { return std::string(hex.substr(at, length)); };
  return part(0, 8) + '-' + part(8, 4) + '-' + part(12, 4) + '-' + part(16, 4) + '-' + part(20, 12);
}

std::string random_hex(std::size_t bytes) {
  std::vector<std::uint8_t> b(bytes);
  fill_random(b.data(), b.size());
  return to_hex(b.data(), b.size());
}

}  // namespace prepbot::util
