#include "http/router.hpp"

#include "http/errors.hpp"
#include "util/text.hpp"

namespace prepbot::http {
namespace {

// Fills `params` and returns true when `path` fits `pattern` segment by segment.
bool matches(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
  const auto want = util::split(pattern, '/');
  const auto got = util::split(path, '/');
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string_view segment = want[i];
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
      if (got[i].empty()) return false;
      found.emplace(std::string(segment.substr(1, segment.size() - 2)), std::string(got[i]));
    } else if (segment != got[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

void Router::dispatch(Request& request, const Reply& reply) const {
  std::string allowed;
  for (const bool fallback : {false, true}) {
    if (fallback && !allowed.empty()) break;  // the path is known, only not with this method
    for (const auto& route : routes_) {
      if (route.fallback != fallback) continue;
      std::map<std::string, std::string> params;
      if (!matches(route.pattern, request.path, params)) continue;
      if (route.method != request.method) {
        allowed += (allowed.empty() ? "" : ", ") + route.method;
        continue;
      }
      request.path_params = std::move(params);
      request.route = route.pattern;
      try {
        route.handler(request, reply);
      } catch (...) {
        reply(error_response(std::current_exception(), request.request_id));
      }
      return;
    }
  }
  if (allowed.empty()) return reply(Response::detail(404, "Not Found"));
  Response response = Response::detail(405, "Method Not Allowed");
  response.headers.emplace_back("Allow", allowed);
  reply(std::move(response));
}

}  // namespace prepbot::http
