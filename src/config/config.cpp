#include "config/config.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

#include "util/text.hpp"

namespace prepbot::config {
namespace {

[[noreturn]] void fail(std::string_view setting, std::string_view value, std::string_view expected) {
  throw ConfigError(fmt::format("invalid {} '{}': {}", setting, value, expected));
}

bool is_http_url(std::string_view url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

// PREPBOT_LISTEN: HOST:PORT, IPv6 hosts in brackets.
void parse_listen(Config& c) {
  const auto colon = c.listen.rfind(':');
  if (colon == std::string::npos || colon == 0) fail("PREPBOT_LISTEN (--listen)", c.listen, "expected HOST:PORT");
  c.host = c.listen.substr(0, colon);
  if (c.host.size() > 2 && c.host.front() == '[' && c.host.back() == ']') c.host = c.host.substr(1, c.host.size() - 2);
  const std::string port_text = c.listen.substr(colon + 1);
  unsigned value = 0;
  const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
  if (error != std::errc{} || end != port_text.data() + port_text.size() || value > 65535)
    fail("PREPBOT_LISTEN (--listen)", c.listen, "expected HOST:PORT with a port 0-65535");
  c.port = static_cast<std::uint16_t>(value);
}

// PREPBOT_STORE and the limits on connections.
void check_store_and_limits(Config& c) {
  const bool postgres = c.store.rfind("postgresql://", 0) == 0 || c.store.rfind("postgres://", 0) == 0;
  if (!postgres && c.store != "sqlite::memory:" && !(c.store.rfind("sqlite:", 0) == 0 && c.store.size() > 7))
    fail("PREPBOT_STORE (--store)",
         c.store.rfind("postgres", 0) == 0 || c.store.find('@') != std::string::npos ? "(hidden: it may hold a password)" : c.store,
         "expected sqlite:PATH, sqlite::memory: or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE");
  if (c.max_client_connections < 0 || c.max_client_connections > 100000)
    fail("PREPBOT_MAX_CLIENT_CONNECTIONS (--max-client-connections)", std::to_string(c.max_client_connections),
         "expected 0 (no cap) to 100000");
  if (c.db_pool < 1 || c.db_pool > 1000) fail("PREPBOT_DB_POOL (--db-pool)", std::to_string(c.db_pool), "expected 1-1000 connections");
}

// The coach, its key, model, base URL and call limits.
void check_coach(Config& c) {
  if (c.coach != "offline" && c.coach != "gemini" && c.coach != "openai")
    fail("PREPBOT_COACH (--coach)", c.coach, "expected offline, gemini or openai");
  if (c.coach == "gemini" && c.gemini_api_key.empty())
    fail("GEMINI_API_KEY (--gemini-api-key)", "", "the gemini coach needs an API key");
  if (c.coach == "gemini" && c.gemini_model.empty()) fail("GEMINI_MODEL (--gemini-model)", c.gemini_model, "expected a model name");
  if (c.coach == "openai" && c.openai_model.empty()) fail("OPENAI_MODEL (--openai-model)", c.openai_model, "expected a model name");
  if (c.llm_timeout < 1 || c.llm_timeout > 600) fail("PREPBOT_LLM_TIMEOUT (--llm-timeout)", std::to_string(c.llm_timeout), "expected 1-600 seconds");
  if (c.llm_concurrency < 1 || c.llm_concurrency > 10000)
    fail("PREPBOT_LLM_CONCURRENCY (--llm-concurrency)", std::to_string(c.llm_concurrency), "expected 1-10000");
  if (!is_http_url(c.gemini_base_url)) fail("GEMINI_BASE_URL", c.gemini_base_url, "expected an http(s) URL");
  if (!is_http_url(c.openai_base_url)) fail("OPENAI_BASE_URL", c.openai_base_url, "expected an http(s) URL");
}

// PREPBOT_CORS_ORIGINS: comma-separated http(s) origins, or *.
void parse_cors_origins(Config& c) {
  c.cors_origin_list.clear();
  for (auto origin : util::split(c.cors_origins, ',')) {
    origin = util::trim(origin);
    if (origin.empty()) continue;
    if (origin != "*" && !is_http_url(origin))
      fail("PREPBOT_CORS_ORIGINS (--cors-origins)", c.cors_origins, "expected comma-separated http(s) origins or *");
    c.cors_origin_list.emplace_back(origin);
  }
}

// PREPBOT_TRUSTED_PROXIES: comma-separated IP addresses.
void parse_trusted_proxies(Config& c) {
  c.trusted_proxy_list.clear();
  for (auto address : util::split(c.trusted_proxies, ',')) {
    address = util::trim(address);
    if (address.empty()) continue;
    const std::string text(address);
    in6_addr parsed{};
    if (inet_pton(AF_INET, text.c_str(), &parsed) != 1 && inet_pton(AF_INET6, text.c_str(), &parsed) != 1)
      fail("PREPBOT_TRUSTED_PROXIES (--trusted-proxies)", c.trusted_proxies, "expected comma-separated IP addresses");
    c.trusted_proxy_list.push_back(text);
  }
}

// PREPBOT_LOG: LEVEL[,json|text].
void parse_log(Config& c) {
  const auto parts = util::split(c.log, ',');
  c.log_level = util::to_lower_ascii(util::trim(parts[0]));
  if (c.log_level != "trace" && c.log_level != "debug" && c.log_level != "info" && c.log_level != "warn" &&
      c.log_level != "error" && c.log_level != "off")
    fail("PREPBOT_LOG (--log)", c.log, "expected a level (trace, debug, info, warn, error, off), then optionally ,json or ,text");
  c.log_json = false;
  if (parts.size() > 2) fail("PREPBOT_LOG (--log)", c.log, "expected LEVEL or LEVEL,json or LEVEL,text");
  if (parts.size() == 2) {
    const std::string format = util::to_lower_ascii(util::trim(parts[1]));
    if (format != "json" && format != "text") fail("PREPBOT_LOG (--log)", c.log, "the format must be json or text");
    c.log_json = format == "json";
  }
}

// PREPBOT_RATE_LIMIT (RATE[,BURST]) and the plain numeric ranges.
// The transcription server for spoken answers; its calls share the LLM timeout and cap.
void check_stt(Config& c) {
  if (c.stt != "none" && c.stt != "openai") fail("PREPBOT_STT (--stt)", c.stt, "expected none or openai");
  if (c.stt == "openai" && c.stt_model.empty()) fail("PREPBOT_STT_MODEL (--stt-model)", c.stt_model, "expected a model name");
  if (!is_http_url(c.stt_base_url)) fail("PREPBOT_STT_BASE_URL (--stt-base-url)", c.stt_base_url, "expected an http(s) URL");
}

void check_rate_limit_and_ranges(Config& c) {
  const auto parts_rate = util::split(c.rate_limit, ',');
  auto number = [](std::string_view text, double& out) {
    const std::string digits(util::trim(text));
    char* stop = nullptr;
    out = std::strtod(digits.c_str(), &stop);
    return !digits.empty() && stop == digits.c_str() + digits.size() && out >= 0 && out < 1e6;
  };
  const bool ok = parts_rate.size() <= 2 && number(parts_rate[0], c.rate_per_second) &&
                  (parts_rate.size() == 1 ? (c.rate_burst = c.rate_per_second * 2, true) : number(parts_rate[1], c.rate_burst)) &&
                  (c.rate_per_second == 0 || c.rate_burst >= 1);
  if (!ok) fail("PREPBOT_RATE_LIMIT (--rate-limit)", c.rate_limit, "expected RATE or RATE,BURST requests per second per client (0 turns it off)");
  if (c.retention_days < 0 || c.retention_days > 36500)
    fail("PREPBOT_RETENTION_DAYS (--retention-days)", std::to_string(c.retention_days), "expected 0 (keep) to 36500 days");
  if (c.report_cache_mb < 0 || c.report_cache_mb > 65536)
    fail("PREPBOT_REPORT_CACHE_MB (--report-cache-mb)", std::to_string(c.report_cache_mb), "expected 0 (keep none) to 65536 MiB");
  if (c.threads < 0 || c.threads > 256) fail("PREPBOT_THREADS (--threads)", std::to_string(c.threads), "expected 0-256");
}

}  // namespace

void Config::validate() {
  parse_listen(*this);
  check_store_and_limits(*this);
  check_coach(*this);
  check_stt(*this);
  parse_cors_origins(*this);
  parse_trusted_proxies(*this);
  parse_log(*this);
  check_rate_limit_and_ranges(*this);
}

}  // namespace prepbot::config
