#include "interview/tokens.hpp"

#include "util/digest.hpp"
#include "util/random.hpp"

namespace prepbot::interview {
namespace {

constexpr std::size_t kSecretBytes = 32;     // 256 random bits
constexpr std::size_t kMaxTokenChars = 200;  // an id and a secret, with room

}  // namespace

IssuedToken issue_token() {
  IssuedToken issued;
  issued.id = util::random_uuid();
  const std::string secret = util::random_hex(kSecretBytes);
  issued.token = issued.id + "." + secret;
  issued.digest = util::sha256_hex(secret);
  return issued;
}

std::optional<PresentedToken> read_token(std::string_view token) {
  const auto dot = token.find('.');
  if (token.size() > kMaxTokenChars || dot == std::string_view::npos || dot == 0 || dot + 1 == token.size())
    return std::nullopt;
  return PresentedToken{std::string(token.substr(0, dot)), util::sha256_hex(token.substr(dot + 1))};
}

bool token_matches(const PresentedToken& presented, const std::string* stored) {
  const std::string none(presented.digest.size(), '0');
  return util::same_digest(presented.digest, stored ? *stored : none) && stored != nullptr;
}

}  // namespace prepbot::interview
