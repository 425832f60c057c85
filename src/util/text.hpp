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

// The bytes of a control character starting at text[i] (C0 but tab, line feed and
// carriage return; DEL; C1 as UTF-8, U+0080–U+009F), or 0. Text shown later in
// terminals, logs, reports and pages must not ring, recolour or rewrite them.
std::size_t control_character_at(std::string_view text, std::size_t i);
bool has_control_character(std::string_view text);

// At most `max_code_points` code points of UTF-8 text, cut at a code point boundary.
std::string_view utf8_prefix(std::string_view text, std::size_t max_code_points);

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);

// Calls visit(i) for each structural character of JSON text ({ } [ ] and the
// rest outside string literals, escapes understood) until visit returns false;
// returns the index where it stopped, or text.size().
template <class Visit>
std::size_t scan_outside_json_strings(std::string_view text, Visit visit) {
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (!visit(i)) {
      return i;
    }
  }
  return text.size();
}

}  // namespace prepbot::util
