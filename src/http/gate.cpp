#include "http/gate.hpp"

#include <algorithm>
#include <cmath>

#include "util/text.hpp"

namespace prepbot::http {
namespace {

std::string header(const Request& request, const char* name) {
  const auto it = request.headers.find(name);
  return it == request.headers.end() ? std::string() : it->second;
}

// "http://host:port" → "host:port".
std::string origin_authority(const std::string& origin) {
  const auto at = origin.find("://");
  return at == std::string::npos ? origin : origin.substr(at + 3);
}

}  // namespace

Gate::Gate(GateOptions options) : options_(std::move(options)) {}

bool Gate::origin_allowed(const Request& request) const {
  const std::string origin = header(request, "origin");
  if (origin.empty()) return true;                                          // not a cross-site browser request
  if (origin_authority(origin) == header(request, "host")) return true;     // same origin
  for (const auto& allowed : options_.cors_origins)
    if (allowed == "*" || allowed == origin) return true;
  return false;
}

double Gate::take_token(const std::string& client) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (buckets_.size() > 50'000) {  // forget clients whose buckets have refilled
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      const double idle = std::chrono::duration<double>(now - it->second.updated).count();
      it = it->second.tokens + idle * options_.rate_per_second >= options_.burst ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{options_.burst, now});
  Bucket& bucket = it->second;
  if (!fresh) {
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(options_.burst, bucket.tokens + elapsed * options_.rate_per_second);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return (1 - bucket.tokens) / options_.rate_per_second;
}

bool Gate::trusted(std::string_view address) const {
  return std::find(options_.trusted_proxies.begin(), options_.trusted_proxies.end(), address) !=
         options_.trusted_proxies.end();
}

bool Gate::admit_connection(const std::string& address) {
  if (options_.max_client_connections <= 0 || trusted(address)) return true;
  std::lock_guard lock(connections_mutex_);
  const auto it = connections_.find(address);
  return it == connections_.end() || it->second < options_.max_client_connections;
}

void Gate::connection_opened(const std::string& address) {
  std::lock_guard lock(connections_mutex_);
  ++connections_[address];
}

void Gate::connection_closed(const std::string& address) {
  std::lock_guard lock(connections_mutex_);
  const auto it = connections_.find(address);
  if (it != connections_.end() && --it->second <= 0) connections_.erase(it);
}

std::string Gate::client_of(const Request& request) const {
  if (!trusted(request.client)) return request.client;
  const std::string forwarded = header(request, "x-forwarded-for");
  const auto hops = util::split(forwarded, ',');
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    const auto address = util::trim(*hop);
    if (!address.empty() && !trusted(address)) return std::string(address);
  }
  return request.client;
}

std::optional<Response> Gate::admit(const Request& request) {
  if (!origin_allowed(request)) return Response::detail(403, "Requests from this origin are not allowed");
  if (request.method == "OPTIONS" && !header(request, "access-control-request-method").empty()) {
    Response preflight;
    preflight.status = 204;
    preflight.content_type = "text/plain";
    preflight.headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
    preflight.headers.emplace_back("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id");
    preflight.headers.emplace_back("Access-Control-Max-Age", "600");
    return preflight;
  }
  // The limit guards the API (grading, reports, profiles, share links, the store); the web app's own files,
  // the docs and the health checks (/healthz, and /interview/health for the seed's
  // client) are cheap, and a classroom behind one address loads them at once.
  const bool api = request.path.rfind("/interview/", 0) == 0 || request.path.rfind("/profiles", 0) == 0 ||
                   request.path.rfind("/shared/", 0) == 0;
  if (options_.rate_per_second > 0 && api && request.path != "/interview/health") {
    if (const double wait = take_token(client_of(request)); wait > 0) {
      Response limited = Response::detail(429, "Too many requests; slow down and try again shortly");
      limited.headers.emplace_back("Retry-After", std::to_string(static_cast<int>(std::ceil(wait))));
      return limited;
    }
  }
  return std::nullopt;
}

void Gate::decorate(const Request& request, Response& response) const {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  const bool has_policy = std::any_of(response.headers.begin(), response.headers.end(),
                                      [](const auto& h) { return h.first == "Content-Security-Policy"; });
  if (!has_policy) response.headers.emplace_back("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  const std::string origin = header(request, "origin");
  if (!origin.empty() && origin_allowed(request) && origin_authority(origin) != header(request, "host")) {
    response.headers.emplace_back("Access-Control-Allow-Origin", origin);
    response.headers.emplace_back("Vary", "Origin");
  }
}

}  // namespace prepbot::http
