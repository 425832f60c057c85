#include "http/download.hpp"

#include <fmt/format.h>

namespace prepbot::http {
namespace {

// Common accented Latin letters (UTF-8, two bytes) and their plain forms.
char plain_latin(unsigned char lead, unsigned char trail) {
  if (lead != 0xC3) return 0;
  static constexpr const char* kPlain = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (trail < 0x80 || trail > 0xBF) return 0;
  const char c = kPlain[trail - 0x80];
  return (c == 'x' || c == '/') ? 0 : c;
}

std::string slug(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char plain = 0;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) plain = static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') plain = static_cast<char>(c - 'A' + 'a');
    else if (c >= 0xC0 && i + 1 < text.size()) plain = plain_latin(c, static_cast<unsigned char>(text[i + 1]));
    if (plain >= 'A' && plain <= 'Z') plain = static_cast<char>(plain - 'A' + 'a');
    if (plain) out += plain;
    else if (!out.empty() && out.back() != '-' && (c < 0x80 || c >= 0xC0)) out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "candidate" : out.substr(0, 60);
}

std::string percent_encode(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                      c == '_' || c == '~';
    out += keep ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace

std::string ascii_filename(std::string_view candidate, std::string_view kind) {
  return fmt::format("prepbot-report-{}-{}.pdf", slug(candidate), kind);
}

std::string content_disposition(std::string_view candidate, std::string_view kind) {
  std::string name;
  for (const char c : candidate) name += (c == ' ' || c == '/' || c == '\\' || c == '"') ? '-' : c;
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii_filename(candidate, kind),
                     percent_encode(fmt::format("prepbot-report-{}-{}.pdf", name, kind)));
}

}  // namespace prepbot::http
