#pragma once
#include <string>
#include <string_view>

namespace prepbot::util {

// Standard base64 (RFC 4648, with padding).
std::string base64_encode(std::string_view bytes);

}  // namespace prepbot::util
