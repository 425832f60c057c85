#pragma once
#include <string>

namespace prepbot::util {

// A random UUID (version 4: 122 random bits) from the kernel's cryptographic source.
std::string random_uuid();

// `bytes` random bytes from the same source, as lowercase hex.
std::string random_hex(std::size_t bytes);

}  // namespace prepbot::util
