#pragma once
// The request-level errors of the interview domain. One place (http/errors.cpp)
// maps them to a status code; their message is written for the user and is safe
// to return. Anything else thrown is an internal error: logged, never shown.
#include <stdexcept>
#include <string>

namespace prepbot::interview {

// The session (or another named thing) does not exist: 404.
struct NotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The request is well-formed but cannot apply to this session's state: 409.
struct Conflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The request names something that does not fit the session: 400.
struct BadRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A practice profile's token is missing, malformed or wrong: 401. The message
// never says which, nor whether the profile exists.
struct Unauthorized : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace prepbot::interview
