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

}  // namespace

void Config::validate() {
  // PREPBOT_LISTEN: HOST:PORT, IPv6 hosts in brackets.
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) fail("PREPBOT_LISTEN (--listen)", listen, "expected HOST:PORT");
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port_text = listen.substr(colon + 1);
  unsigned value = 0;
  const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
  if (error != std::errc{} || end != port_text.data() + port_text.size() || value > 65535)
    fail("PREPBOT_LISTEN (--listen)", listen, "expected HOST:PORT with a port 0-65535");
  port = static_cast<std::uint16_t>(value);

  const bool postgres = store.rfind("postgresql://", 0) == 0 || store.rfind("postgres://", 0) == 0;
  if (!postgres && store != "sqlite::memory:" && !(store.rfind("sqlite:", 0) == 0 && store.size() > 7))
    fail("PREPBOT_STORE (--store)",
         store.rfind("postgres", 0) == 0 || store.find('@') != std::string::npos ? "(hidden: it may hold a password)" : store,
         "expected sqlite:PATH, sqlite::memory: or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE");
  if (max_client_connections < 0 || max_client_connections > 100000)
    fail("PREPBOT_MAX_CLIENT_CONNECTIONS (--max-client-connections)", std::to_string(max_client_connections),
         "expected 0 (no cap) to 100000");
  if (db_pool < 1 || db_pool > 1000) fail("PREPBOT_DB_POOL (--db-pool)", std::to_string(db_pool), "expected 1-1000 connections");

  if (coach != "offline" && coach != "gemini" && coach != "openai")
    fail("PREPBOT_COACH (--coach)", coach, "expected offline, gemini or openai");
  if (coach == "gemini" && gemini_api_key.empty())
    fail("GEMINI_API_KEY (--gemini-api-key)", "", "the gemini coach needs an API key");
  if (coach == "gemini" && gemini_model.empty()) fail("GEMINI_MODEL (--gemini-model)", gemini_model, "expected a model name");
  if (coach == "openai" && openai_model.empty()) fail("OPENAI_MODEL (--openai-model)", openai_model, "expected a model name");
  if (llm_timeout < 1 || llm_timeout > 600) fail("PREPBOT_LLM_TIMEOUT (--llm-timeout)", std::to_string(llm_timeout), "expected 1-600 seconds");
  if (llm_concurrency < 1 || llm_concurrency > 10000)
    fail("PREPBOT_LLM_CONCURRENCY (--llm-concurrency)", std::to_string(llm_concurrency), "expected 1-10000");
  if (!is_http_url(gemini_base_url)) fail("GEMINI_BASE_URL", gemini_base_url, "expected an http(s) URL");
  if (!is_http_url(openai_base_url)) fail("OPENAI_BASE_URL", openai_base_url, "expected an http(s) URL");

  cors_origin_list.clear();
  for (auto origin : util::split(cors_origins, ',')) {
    origin = util::trim(origin);
    if (origin.empty()) continue;
    if (origin != "*" && !is_http_url(origin))
      fail("PREPBOT_CORS_ORIGINS (--cors-origins)", cors_origins, "expected comma-separated http(s) origins or *");
    cors_origin_list.emplace_back(origin);
  }

  trusted_proxy_list.clear();
  for (auto address : util::split(trusted_proxies, ',')) {
    address = util::trim(address);
    if (address.empty()) continue;
    const std::string text(address);
    in6_addr parsed{};
    if (inet_pton(AF_INET, text.c_str(), &parsed) != 1 && inet_pton(AF_INET6, text.c_str(), &parsed) != 1)
      fail("PREPBOT_TRUSTED_PROXIES (--trusted-proxies)", trusted_proxies, "expected comma-separated IP addresses");
    trusted_proxy_list.push_back(text);
  }

  const auto parts = util::split(log, ',');
  log_level = util::to_lower_ascii(util::trim(parts[0]));
  if (log_level != "trace" && log_level != "debug" && log_level != "info" && log_level != "warn" &&
      log_level != "error" && log_level != "off")
    fail("PREPBOT_LOG (--log)", log, "expected a level (trace, debug, info, warn, error, off), then optionally ,json or ,text");
  log_json = false;
  if (parts.size() > 2) fail("PREPBOT_LOG (--log)", log, "expected LEVEL or LEVEL,json or LEVEL,text");
  if (parts.size() == 2) {
    const std::string format = util::to_lower_ascii(util::trim(parts[1]));
    if (format != "json" && format != "text") fail("PREPBOT_LOG (--log)", log, "the format must be json or text");
    log_json = format == "json";
  }

  {
    const auto parts_rate = util::split(rate_limit, ',');
    auto number = [](std::string_view text, double& out) {
      const std::string digits(util::trim(text));
      char* stop = nullptr;
      out = std::strtod(digits.c_str(), &stop);
      return !digits.empty() && stop == digits.c_str() + digits.size() && out >= 0 && out < 1e6;
    };
    const bool ok = parts_rate.size() <= 2 && number(parts_rate[0], rate_per_second) &&
                    (parts_rate.size() == 1 ? (rate_burst = rate_per_second * 2, true) : number(parts_rate[1], rate_burst)) &&
                    (rate_per_second == 0 || rate_burst >= 1);
    if (!ok) fail("PREPBOT_RATE_LIMIT (--rate-limit)", rate_limit, "expected RATE or RATE,BURST requests per second per client (0 turns it off)");
  }
  if (retention_days < 0 || retention_days > 36500)
    fail("PREPBOT_RETENTION_DAYS (--retention-days)", std::to_string(retention_days), "expected 0 (keep) to 36500 days");
  if (report_cache_mb < 0 || report_cache_mb > 65536)
    fail("PREPBOT_REPORT_CACHE_MB (--report-cache-mb)", std::to_string(report_cache_mb), "expected 0 (keep none) to 65536 MiB");
  if (threads < 0 || threads > 256) fail("PREPBOT_THREADS (--threads)", std::to_string(threads), "expected 0-256");
}

}  // namespace prepbot::config
