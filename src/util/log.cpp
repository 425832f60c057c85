#include "util/log.hpp"

#include <atomic>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "util/clock.hpp"

namespace prepbot::util::log {
namespace {

std::atomic<bool> json_lines{false};

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::trace: return spdlog::level::trace;
    case Level::debug: return spdlog::level::debug;
    case Level::info: return spdlog::level::info;
    case Level::warn: return spdlog::level::warn;
    case Level::error: return spdlog::level::err;
    case Level::off: return spdlog::level::off;
  }
  return spdlog::level::info;
}

}  // namespace

void setup(std::string_view level, bool json) {
  auto logger = spdlog::stderr_logger_mt("prepbot");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(std::string(level)));
  spdlog::set_pattern(json ? "%v" : "%Y-%m-%dT%H:%M:%S.%e %l %v");
  json_lines = json;
}

void write(Level level, std::string_view message, const nlohmann::ordered_json& fields) {
  const auto spd_level = to_spdlog(level);
  if (!spdlog::should_log(spd_level)) return;
  constexpr auto kReplace = nlohmann::ordered_json::error_handler_t::replace;
  if (json_lines) {
    nlohmann::ordered_json line = {{"ts", util::now_iso8601()}, {"level", spdlog::level::to_string_view(spd_level).data()},
                           {"msg", message}};
    line.update(fields);
    spdlog::log(spd_level, "{}", line.dump(-1, ' ', false, kReplace));
    return;
  }
  std::string text(message);
  for (const auto& [key, value] : fields.items())
    text += " " + key + "=" + (value.is_string() ? value.get<std::string>() : value.dump(-1, ' ', false, kReplace));
  spdlog::log(spd_level, "{}", text);
}

}  // namespace prepbot::util::log
