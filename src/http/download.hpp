#pragma once
// File names for downloads that every browser saves correctly: an ASCII
// fallback in `filename` and the real name, in any script, in RFC 5987's `filename*`.
#include <string>
#include <string_view>

namespace prepbot::http {

// "prepbot-report-jose-nunez-full.pdf": letters and digits kept, the rest dashes.
std::string ascii_filename(std::string_view candidate, std::string_view kind);

// attachment; filename="…"; filename*=UTF-8''… for a report of `candidate`.
std::string content_disposition(std::string_view candidate, std::string_view kind);

}  // namespace prepbot::http
