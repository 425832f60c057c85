#include "http/router.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "http/errors.hpp"
#include "http/request_parsing.hpp"
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

// Browsers send text/plain, form and multipart bodies to any site without a CORS
// preflight; reading those as JSON would let any page act for its visitor. So a
// body, or a declared type, must be JSON; a POST with neither (fetch or curl with
// no body) is fine. GET and HEAD carry no body to read.
// A route that reads another type (a PDF upload, a recording) takes that type
// only, declared ("type/*" for any of its subtypes).
std::optional<Response> refuse_other_types(const Request& request, const Route& route) {
  if (request.body.size() > route.max_body)
    return Response::detail(413, route.max_body >= 1024 * 1024
                                     ? fmt::format("Request body is larger than {} MB", route.max_body / (1024 * 1024))
                                     : fmt::format("Request body is larger than {} KiB", route.max_body / 1024));
  if (request.method == "GET" || request.method == "HEAD") return std::nullopt;
  const auto type = request.headers.find("content-type");
  if (route.body_type != nullptr) {
    const auto declared = type == request.headers.end() ? std::string()
                                                        : util::to_lower_ascii(util::trim(util::split(type->second, ';').front()));
    const std::string_view wanted = route.body_type;
    // "audio/*" takes audio/wav, audio/flac, …: any type with the part before the '*'.
    const std::string_view prefix = wanted.ends_with("/*") ? wanted.substr(0, wanted.size() - 1) : std::string_view();
    if (declared == wanted || (!prefix.empty() && declared.size() > prefix.size() && declared.starts_with(prefix)))
      return std::nullopt;
    return Response::detail(415, fmt::format("Unsupported Media Type: send the file with Content-Type: {}", route.body_type));
  }
  if (type == request.headers.end() ? request.body.empty() : is_json_media_type(type->second)) return std::nullopt;
  return Response::detail(415, "Unsupported Media Type: send the body as JSON, with Content-Type: application/json");
}

// HEAD is answered wherever GET is, so it is allowed with it.
void allow(std::string& allowed, const std::string& method) {
  allowed += (allowed.empty() ? "" : ", ") + method;
  if (method == "GET") allowed += ", HEAD";
}

}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {}

std::size_t Router::max_body() const {
  std::size_t largest = kMaxBodyBytes;
  for (const auto& route : routes_) largest = std::max(largest, route.max_body);
  return largest;
}

void Router::dispatch(Request& request, const Reply& reply) const {
  // HEAD runs the GET route; the server sends the response without its body.
  const std::string_view method = request.method == "HEAD" ? std::string_view("GET") : std::string_view(request.method);
  std::string allowed;
  for (const bool fallback : {false, true}) {
    if (fallback && !allowed.empty()) break;  // the path is known, only not with this method
    for (const auto& route : routes_) {
      if (route.fallback != fallback) continue;
      std::map<std::string, std::string> params;
      if (!matches(route.pattern, request.path, params)) continue;
      if (route.method != method) {
        allow(allowed, route.method);
        continue;
      }
      request.path_params = std::move(params);
      request.route = route.pattern;
      if (auto refused = refuse_other_types(request, route)) return reply(std::move(*refused));
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
