#pragma once
// HTTP-level errors and the one place that maps every error to a response.
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/exchange.hpp"

namespace prepbot::http {

// One problem with the request's input, as FastAPI reports it.
struct FieldError {
  std::vector<nlohmann::ordered_json> loc;  // e.g. {"body", "mode"}
  std::string msg;
  std::string type;
};

// Invalid input: 422 {"detail": [{loc, msg, type}, …]}.
struct ValidationError : std::runtime_error {
  explicit ValidationError(std::vector<FieldError> errors);
  std::vector<FieldError> errors;
};

// The body is larger than the route accepts: 413.
struct PayloadTooLarge : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The response for an error: typed errors get their status and their message; a
// store error is logged and answered 503 with Retry-After; anything else is
// logged with the request id and answered 500 with no detail.
Response error_response(std::exception_ptr error, const std::string& request_id);

}  // namespace prepbot::http
