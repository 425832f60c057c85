#pragma once
// Bearer secrets for practice profiles and share links: "<id>.<secret>", the
// secret 256 random bits. The store keeps the id and the secret's SHA-256 only;
// a presented token is checked by comparing digests in constant time.
#include <optional>
#include <string>
#include <string_view>

namespace prepbot::interview {

struct IssuedToken {
  std::string id;      // a random UUID, the row's key
  std::string token;   // "<id>.<secret>": given once
  std::string digest;  // SHA-256 of the secret (hex): what is stored
};
IssuedToken issue_token();

struct PresentedToken {
  std::string id;
  std::string digest;  // of the presented secret
};
// The id a token names and its secret's digest; nullopt when it is not shaped like one.
std::optional<PresentedToken> read_token(std::string_view token);

// Whether a presented token's digest is the stored one (`stored` null: there is
// none, compared all the same so timing tells nothing).
bool token_matches(const PresentedToken& presented, const std::string* stored);

}  // namespace prepbot::interview
