#pragma once
#include <chrono>
#include <string>

namespace prepbot::util {

// UTC time as ISO 8601 with microseconds, the way the seed's Python backend prints
// datetime.isoformat(): "2026-11-25T13:00:51.123456".
std::string iso8601(std::chrono::system_clock::time_point when);
inline std::string now_iso8601() { return iso8601(std::chrono::system_clock::now()); }

}  // namespace prepbot::util
