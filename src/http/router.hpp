#pragma once
// Matches a request to a route of the table by method and path pattern
// ("/interview/session/{id}/answer"); unknown paths get 404 and known paths with
// another method 405, both in FastAPI's shape.
#include <functional>
#include <string>
#include <vector>

#include "http/exchange.hpp"
#include "http/request_parsing.hpp"

namespace prepbot::http {

using Handler = std::function<void(Request&, Reply)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  bool fallback = false;  // tried only when no other route knows the path (the web app's files)
  // The body this route reads: its media type (nullptr: JSON; "audio/*": any audio
  // type) and its largest size (413 above).
  const char* body_type = nullptr;
  std::size_t max_body = kMaxBodyBytes;
};

class Router {
 public:
  explicit Router(std::vector<Route> routes);

  // Runs the matching handler; errors it throws are answered through error_response().
  void dispatch(Request& request, const Reply& reply) const;
  const std::vector<Route>& routes() const { return routes_; }
  std::size_t max_body() const;  // the largest body any route reads

 private:
  std::vector<Route> routes_;
};

}  // namespace prepbot::http
