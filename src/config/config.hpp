#pragma once
// PrepBot's settings: every one has a command-line flag and an environment
// variable (the flag wins). validate() turns a bad value into one line naming
// the setting, and start-up stops there.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace prepbot::config {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Config {
  std::string listen = "127.0.0.1:8000";                  // PREPBOT_LISTEN
  std::string store = "sqlite:prepbot-data/prepbot.db";   // PREPBOT_STORE: sqlite:PATH, sqlite::memory: or postgresql://…
  int db_pool = 8;                                        // PREPBOT_DB_POOL: PostgreSQL connections per instance
  std::string coach = "offline";                          // PREPBOT_COACH
  std::string gemini_api_key;                             // GEMINI_API_KEY
  std::string gemini_model = "gemini-flash-latest";       // GEMINI_MODEL: the maintained alias (2.5 Flash was retired in 2026)
  std::string gemini_base_url = "https://generativelanguage.googleapis.com";  // GEMINI_BASE_URL
  std::string openai_api_key;                             // OPENAI_API_KEY
  std::string openai_model = "gpt-4o-mini";               // OPENAI_MODEL
  std::string openai_base_url = "https://api.openai.com/v1";  // OPENAI_BASE_URL
  std::string stt = "none";                               // PREPBOT_STT: transcription server for spoken answers, none or openai
  std::string stt_api_key;                                // PREPBOT_STT_API_KEY (optional for a local server)
  std::string stt_model = "whisper-1";                    // PREPBOT_STT_MODEL
  std::string stt_base_url = "https://api.openai.com/v1"; // PREPBOT_STT_BASE_URL: any OpenAI-compatible /audio/transcriptions
  std::string cors_origins;                               // PREPBOT_CORS_ORIGINS, comma-separated
  std::string trusted_proxies;                            // PREPBOT_TRUSTED_PROXIES: load balancer addresses, comma-separated
  std::string log = "info";                               // PREPBOT_LOG: level[,json|text]
  std::string bank;                                       // PREPBOT_BANK: a directory; empty = built in
  std::string knowledge;                                  // PREPBOT_KNOWLEDGE: a directory; empty = built in
  std::string web_dir;                                    // PREPBOT_WEB_DIR: serve the web app from here; empty = built in
  int threads = 0;                                        // PREPBOT_THREADS; 0 = one per core
  int llm_timeout = 30;                                   // PREPBOT_LLM_TIMEOUT: seconds per LLM call, retries included
  int llm_concurrency = 512;                              // PREPBOT_LLM_CONCURRENCY: LLM calls in flight
  std::string rate_limit = "20,60";                       // PREPBOT_RATE_LIMIT: per client, RATE[,BURST] per second; 0 = off
  int max_client_connections = 64;                        // PREPBOT_MAX_CLIENT_CONNECTIONS: open connections per client; 0 = no cap
  int retention_days = 30;                                // PREPBOT_RETENTION_DAYS: purge older sessions; 0 = keep
  int report_cache_mb = 64;                               // PREPBOT_REPORT_CACHE_MB: rendered PDFs kept per instance; 0 = none

  // Derived by validate():
  std::string host;
  std::uint16_t port = 0;
  std::string log_level = "info";
  bool log_json = false;
  std::vector<std::string> cors_origin_list;
  std::vector<std::string> trusted_proxy_list;
  double rate_per_second = 0;
  double rate_burst = 0;

  // Checks every value and fills the derived fields; throws ConfigError.
  void validate();
};

}  // namespace prepbot::config
