#pragma once
// A secret (an API key). It has no operator<<, no fmt formatter and no JSON
// conversion, so logging, storing or returning one does not compile; reveal()
// is the one way to its text, for the place where it goes on the wire.
#include <string>
#include <utility>

namespace prepbot::util {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}

  bool empty() const { return value_.empty(); }
  const std::string& reveal() const { return value_; }

 private:
  std::string value_;
};

}  // namespace prepbot::util
