// Request bodies of every route: whatever the bytes, parsing ends in an input
// or in one of the two errors that become 422 and 413, never anything else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/errors.hpp"
#include "http/request_parsing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  for (int route = 0; route < 3; ++route) {
    try {
      if (route == 0) prepbot::http::parse_start_request(body);
      if (route == 1) prepbot::http::parse_answer_request(body);
      if (route == 2) prepbot::http::parse_evaluate_request(body);
    } catch (const prepbot::http::ValidationError&) {
    } catch (const prepbot::http::PayloadTooLarge&) {
    }
  }
  return 0;
}
