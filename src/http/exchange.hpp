#pragma once
// A request and its reply, as the handlers see them: plain values, no server
// library types. The server adapter (server.cpp) fills a Request and sends the
// Response that a handler passes to its Reply, from whichever thread that is.
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace prepbot::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // without the query
  std::string query;
  std::string body;
  std::string request_id;
  std::string client;                                // the peer's address
  std::map<std::string, std::string> headers;        // the few the server reads, lowercase names
  std::map<std::string, std::string> path_params;  // filled by the router
  std::string route;                                 // the matched route's pattern, for metrics
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Why the request failed inside PrepBot, for the metrics: "store" or "unexpected"; null otherwise.
  const char* failure = nullptr;

  static Response json(int status, const nlohmann::ordered_json& body);
  // FastAPI's shape for an error with a message: {"detail": "…"}.
  static Response detail(int status, std::string_view message);
};

// Sends the response; call exactly once, from any thread.
using Reply = std::function<void(Response)>;

}  // namespace prepbot::http
