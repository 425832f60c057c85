#pragma once
// Small string helpers that know nothing of PrepBot.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace prepbot::util {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of code points in well-formed UTF-8 text.
std::size_t utf8_length(std::string_view text);

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);

}  // namespace prepbot::util
