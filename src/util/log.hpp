#pragma once
// Logging: text lines for people or one JSON object per line for log pipelines,
// chosen at start-up. Fields are a JSON object so both formats carry them.
#include <string_view>

#include <nlohmann/json.hpp>

namespace prepbot::util::log {

enum class Level { trace, debug, info, warn, error, off };

// level: trace|debug|info|warn|error|off.
void setup(std::string_view level, bool json);

void write(Level level, std::string_view message, const nlohmann::ordered_json& fields = nlohmann::ordered_json::object());
inline void info(std::string_view message, const nlohmann::ordered_json& fields = nlohmann::ordered_json::object()) {
  write(Level::info, message, fields);
}
inline void warn(std::string_view message, const nlohmann::ordered_json& fields = nlohmann::ordered_json::object()) {
  write(Level::warn, message, fields);
}
inline void error(std::string_view message, const nlohmann::ordered_json& fields = nlohmann::ordered_json::object()) {
  write(Level::error, message, fields);
}

}  // namespace prepbot::util::log
