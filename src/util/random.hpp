#pragma once
#include <string>
#include <string_view>

namespace prepbot::util {

// A random UUID (version 4: 122 random bits) from the kernel's cryptographic source.
std::string random_uuid();

// 32 hex digits (or more: the first 32) in a UUID's 8-4-4-4-12 layout.
std::string uuid_layout(std::string_view hex);

// `bytes` random bytes from the same source, as lowercase hex.
std::string random_hex(std::size_t bytes);

}  // namespace prepbot::util
