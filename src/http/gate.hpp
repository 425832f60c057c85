#pragma once
// What every request passes before it reaches the route table, and what every
// response gets on the way out: per-client rate limiting of the API (token bucket, 429 with
// Retry-After; clients behind trusted load balancers told apart), a cap on each
// client's open connections, CORS (same origin by default, an allowlist by configuration), and
// the security headers.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/exchange.hpp"

namespace prepbot::http {

struct GateOptions {
  double rate_per_second = 0;  // per client; 0 turns rate limiting off
  double burst = 0;            // bucket size
  std::vector<std::string> cors_origins;  // "*" allows any origin
  // Load balancers whose X-Forwarded-For names the client (their addresses, as
  // the server sees them); from any other peer the header is ignored.
  std::vector<std::string> trusted_proxies;
  int max_client_connections = 0;  // open connections per client address; 0 = no cap
};

class Gate {
 public:
  explicit Gate(GateOptions options);

  // Who sent the request: the peer, or behind a trusted proxy the last address in
  // X-Forwarded-For that is not itself a trusted proxy.
  std::string client_of(const Request& request) const;
  // A response that ends the request here (429, 403, a CORS preflight), or nullopt to go on.
  std::optional<Response> admit(const Request& request);
  // Adds the security and CORS headers to a response.
  void decorate(const Request& request, Response& response) const;

  // Open connections per peer address, so one client cannot hold every socket.
  // A trusted proxy's connections carry many clients and are never capped.
  bool admit_connection(const std::string& address);  // false: close it at once
  void connection_opened(const std::string& address);
  void connection_closed(const std::string& address);

 private:
  bool origin_allowed(const Request& request) const;
  bool trusted(std::string_view address) const;
  // Seconds until a token is free for `client`; 0 when one was taken now.
  double take_token(const std::string& client);

  GateOptions options_;
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point updated;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::mutex connections_mutex_;
  std::unordered_map<std::string, int> connections_;
};

}  // namespace prepbot::http
