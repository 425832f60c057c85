#include "http/server.hpp"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

#include <restinio/all.hpp>

#include <fmt/format.h>

#include "http/request_parsing.hpp"
#include "util/log.hpp"
#include "util/random.hpp"
#include "util/text.hpp"

namespace prepbot::http {
namespace {

using Clock = std::chrono::steady_clock;

// Tells the gate about connections: it may refuse one (a client over its cap of
// open connections) and counts them as they open and close. Called from any
// server thread.
class ConnectionWatch {
 public:
  explicit ConnectionWatch(Gate& gate) : gate_(gate) {}

  restinio::ip_blocker::inspection_result_t inspect(const restinio::ip_blocker::incoming_info_t& info) noexcept {
    try {
      return gate_.admit_connection(info.remote_endpoint().address().to_string()) ? restinio::ip_blocker::allow()
                                                                                  : restinio::ip_blocker::deny();
    } catch (const std::exception&) {  // out of memory: let the connection in rather than fail
      return restinio::ip_blocker::allow();
    }
  }

  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    struct Count {
      Gate& gate;
      const std::string address;
      void operator()(const restinio::connection_state::accepted_t&) const { gate.connection_opened(address); }
      void operator()(const restinio::connection_state::closed_t&) const { gate.connection_closed(address); }
      void operator()(const restinio::connection_state::upgraded_to_websocket_t&) const {}
    };
    try {
      restinio::visit(Count{gate_, notice.remote_endpoint().address().to_string()}, notice.cause());
    } catch (const std::exception&) {  // out of memory: the count is off by one, nothing worse
    }
  }

 private:
  Gate& gate_;
};

// Responses go out from any thread; RESTinio's default traits serialise them per connection.
struct Traits : restinio::default_traits_t {
  using ip_blocker_t = ConnectionWatch;
  using connection_state_listener_t = ConnectionWatch;
};

// A client's X-Request-Id is kept when it is a short token; otherwise one is made.
std::string request_id_for(const restinio::request_handle_t& req) {
  const auto given = req->header().try_get_field("X-Request-Id");
  if (given && !given->empty() && given->size() <= 64) {
    bool ok = true;
    for (char c : *given) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
    if (ok) return std::string(given->data(), given->size());
  }
  return util::random_hex(8);
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

// Limits of a request's head. RESTinio's own limits (set above these, in serve())
// close the connection without a word; these are checked in the handler instead,
// so the client hears which one it passed.
constexpr std::size_t kMaxUrlBytes = 8 * 1024;
constexpr std::size_t kMaxFieldNameBytes = 1024;
constexpr std::size_t kMaxFieldValueBytes = 16 * 1024;
constexpr std::size_t kMaxFieldCount = 100;
// A 414's path can be 32 KiB; the log keeps its start.
constexpr std::size_t kMaxLoggedPath = 512;

// 414 for a long request target, 431 for a large or crowded header, then the
// connection closes (what follows on it cannot be trusted to be a request); nullopt within limits.
std::optional<Response> over_head_limits(const restinio::request_handle_t& req) {
  const auto& header = req->header();
  std::optional<Response> refused;
  if (header.request_target().size() > kMaxUrlBytes) {
    refused = Response::detail(414, fmt::format("The request URL is longer than {} KiB", kMaxUrlBytes / 1024));
  } else {
    bool too_large = header.fields_count() > kMaxFieldCount;
    header.for_each_field([&too_large](const restinio::http_header_field_t& field) {
      too_large = too_large || field.name().size() > kMaxFieldNameBytes || field.value().size() > kMaxFieldValueBytes;
    });
    if (too_large)
      refused = Response::detail(431, fmt::format("Request header fields are too large: at most {} fields, names of {} bytes, "
                                                  "values of {} KiB", kMaxFieldCount, kMaxFieldNameBytes, kMaxFieldValueBytes / 1024));
  }
  if (refused) refused->headers.emplace_back("Connection", "close");
  return refused;
}

// Writes the response's status, headers and body; a HEAD request gets all but the
// body, with the Content-Length the body has (RFC 9110 9.3.2): bytes after a HEAD
// reply would be read as the next reply on a kept-alive connection.
void send(const restinio::request_handle_t& req, bool head, const std::string& request_id, Response& response) {
  const restinio::http_status_line_t status(restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)),
                                            reason_phrase(response.status));
  auto with_headers = [&](auto out) {
    out.append_header(restinio::http_field::content_type, response.content_type);
    out.append_header("X-Request-Id", request_id);
    out.append_header(restinio::http_field::cache_control, "no-store");
    for (auto& [name, value] : response.headers) {
      // RESTinio writes the Connection header itself, from this flag.
      if (util::to_lower_ascii(name) == "connection") {
        if (util::to_lower_ascii(value) == "close") out.connection_close();
      } else {
        out.append_header(name, value);
      }
    }
    return out;
  };
  if (head) {
    auto out = with_headers(req->create_response<restinio::user_controlled_output_t>(status));
    out.set_content_length(response.body.size());
    out.done();
  } else {
    auto out = with_headers(req->create_response(status));
    out.set_body(std::move(response.body));
    out.done();
  }
}

// Shared with every pending reply, so a reply that completes late stays safe.
struct Counters {
  std::atomic<bool> draining{false};
  std::atomic<int> in_flight{0};
};

class Dispatcher {
 public:
  Dispatcher(const Router& router, Gate& gate, util::Metrics& metrics)
      : router_(router),
        gate_(gate),
        instruments_{metrics.counter("prepbot_http_requests_total", "HTTP requests by method, route and status."),
                     metrics.histogram("prepbot_http_request_duration_seconds", "HTTP request latency by method and route."),
                     metrics.counter("prepbot_internal_errors_total",
                                     "Requests that failed inside PrepBot, by kind: store (503) or unexpected (500).")},
        counters_(std::make_shared<Counters>()) {}

  restinio::request_handling_status_t handle(const restinio::request_handle_t& req) {
    counters_->in_flight.fetch_add(1);
    auto request = std::make_shared<Request>();
    request->method = std::string(req->header().method().c_str());
    request->path = std::string(req->header().path());
    request->query = std::string(req->header().query());
    request->request_id = request_id_for(req);
    request->client = req->remote_endpoint().address().to_string();
    for (const char* name : {"origin", "host", "access-control-request-method", "x-forwarded-for", "content-type", "authorization"})
      if (const auto value = req->header().try_get_field(name)) request->headers[name] = std::string(value->data(), value->size());
    const auto started = Clock::now();

    // Called once, from whichever thread completes the request.
    Reply reply = [counters = counters_, &gate = gate_, &m = instruments_, req, request, started](Response response) {
      gate.decorate(*request, response);
      // Counted before the reply leaves, so a client that reads /metrics next sees its own request.
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
      const std::string labels = fmt::format("method=\"{}\",route=\"{}\"", request->method,
                                             request->route.empty() ? "unmatched" : request->route);
      m.requests.add(fmt::format("{},status=\"{}\"", labels, response.status));
      m.duration.observe(labels, static_cast<double>(micros) / 1e6);
      if (response.failure) m.internal_errors.add(fmt::format("kind=\"{}\"", response.failure));
      send(req, request->method == "HEAD", request->request_id, response);
      util::log::info("request", {{"method", request->method},
                                  {"path", request->path.substr(0, kMaxLoggedPath)},
                                  {"status", response.status},
                                  {"duration_ms", static_cast<double>(micros) / 1000.0},
                                  {"request_id", request->request_id}});
      counters->in_flight.fetch_sub(1);
    };

    if (counters_->draining.load()) {
      Response busy = Response::detail(503, "The server is shutting down; try again shortly");
      busy.headers.emplace_back("Connection", "close");
      reply(std::move(busy));
    } else if (auto oversized = over_head_limits(req)) {
      reply(std::move(*oversized));
    } else if (auto rejected = gate_.admit(*request)) {
      reply(std::move(*rejected));
    } else if (req->body().size() > router_.max_body()) {  // each route's own limit is checked by the router
      reply(Response::detail(413, "Request body is too large"));
    } else {
      request->body = req->body();
      router_.dispatch(*request, reply);
    }
    return restinio::request_accepted();
  }

  void start_draining() { counters_->draining.store(true); }
  int in_flight() const { return counters_->in_flight.load(); }

 private:
  struct Instruments {
    util::Counter requests;
    util::Histogram duration;
    util::Counter internal_errors;
  };
  const Router& router_;
  Gate& gate_;
  const Instruments instruments_;
  std::shared_ptr<Counters> counters_;
};

sigset_t stop_signal_set() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

}  // namespace

void block_stop_signals() {
  const sigset_t signals = stop_signal_set();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

void serve(const ServerOptions& options, const Router& router, Gate& gate, util::Metrics& metrics) {
  // Blocked again here for callers that start no thread of their own; this thread waits with sigwait().
  block_stop_signals();
  const sigset_t stop_signals = stop_signal_set();

  Dispatcher dispatcher(router, gate, metrics);
  const auto connections = std::make_shared<ConnectionWatch>(gate);
  auto settings = restinio::server_settings_t<Traits>{}
                      .address(options.host)
                      .port(options.port)
                      .ip_blocker(connections)
                      .connection_state_listener(connections)
                      .request_handler([&dispatcher](const restinio::request_handle_t& req) { return dispatcher.handle(req); })
                      .read_next_http_message_timelimit(std::chrono::seconds(30))
                      .write_http_response_timelimit(std::chrono::seconds(30))
                      .handle_request_timeout(std::chrono::seconds(120))
                      // Four times ours (over_head_limits), so that ours answer 414 or 431; beyond
                      // these, or beyond http_parser's 80 KiB for a whole head, RESTinio closes the connection.
                      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                    .max_url_size(4 * kMaxUrlBytes)
                                                    .max_field_name_size(4 * kMaxFieldNameBytes)
                                                    .max_field_value_size(4 * kMaxFieldValueBytes)
                                                    .max_field_count(4 * kMaxFieldCount)
                                                    .max_body_size(2 * router.max_body()));
  auto server = restinio::run_async(restinio::own_io_context(), std::move(settings), options.threads);
  util::log::info("listening", {{"address", options.host + ":" + std::to_string(options.port)},
                                {"threads", options.threads}});

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  util::log::info("stopping", {{"signal", signal_number == SIGTERM ? "SIGTERM" : "SIGINT"}, {"in_flight", dispatcher.in_flight()}});
  dispatcher.start_draining();
  const auto deadline = Clock::now() + options.drain_timeout;
  while (dispatcher.in_flight() > 0 && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  server->stop();
  server->wait();
  util::log::info("stopped", {{"unfinished", dispatcher.in_flight()}});
}

}  // namespace prepbot::http
