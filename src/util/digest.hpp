#pragma once
// Digests of secrets, so a store keeps only what cannot be turned back into them.
#include <string>
#include <string_view>

namespace prepbot::util {

// SHA-256 of `data`, as 64 lowercase hex digits (OpenSSL's libcrypto).
std::string sha256_hex(std::string_view data);

// Whether two digests are equal, taking the same time wherever they differ.
bool same_digest(std::string_view a, std::string_view b);

}  // namespace prepbot::util
