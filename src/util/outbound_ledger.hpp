#pragma once
// The outbound ledger: every request the server sends to another host (LLM
// providers; the session database aside), by host and purpose — how many, the
// bytes each way and when the last one went. Kept in memory since start, exported
// in /metrics and shown by GET /privacy, so a user can check that an offline
// PrepBot sent nothing anywhere. Any thread may record and read.
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "util/metrics.hpp"

namespace prepbot::util {

struct OutboundEntry {
  std::string host;     // "generativelanguage.googleapis.com", or "127.0.0.1:8089" with its port when the URL names one
  std::string purpose;  // "gemini: grading an answer"
  long long requests = 0;
  long long bytes_sent = 0;      // headers and body
  long long bytes_received = 0;  // headers and body
  std::string last_at;           // ISO 8601, UTC
};

class OutboundLedger {
 public:
  explicit OutboundLedger(Metrics* metrics = nullptr);

  // One request to `host`, whatever its outcome (a refused connection is 0 bytes received).
  void record(std::string_view host, std::string_view purpose, long long bytes_sent, long long bytes_received);

  std::vector<OutboundEntry> entries() const;  // by host, then purpose
  bool offline() const;                         // nothing has gone out since start

 private:
  Counter requests_, bytes_;
  mutable std::mutex mutex_;
  std::vector<OutboundEntry> entries_;
};

}  // namespace prepbot::util
