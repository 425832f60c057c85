#include "http/router.hpp"

#include <gtest/gtest.h>

#include "interview/errors.hpp"

namespace prepbot::http {
namespace {

Response run(const Router& router, std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  Response out;
  router.dispatch(request, [&](Response response) { out = std::move(response); });
  return out;
}

Router table() {
  return Router({
      {"GET", "/session/{id}", [](Request& r, const Reply& reply) { reply(Response::json(200, {{"id", r.path_params.at("id")}})); }},
      {"DELETE", "/session/{id}", [](Request&, const Reply&) { throw interview::NotFound("Session not found"); }},
      {"POST", "/boom", [](Request&, const Reply&) { throw std::runtime_error("secret internal detail"); }},
  });
}

TEST(Router, CapturesPathParameters) {
  const auto response = run(table(), "GET", "/session/abc");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"id":"abc"})");
}

TEST(Router, UnknownPathIs404AndWrongMethodIs405) {
  EXPECT_EQ(run(table(), "GET", "/nothing").status, 404);
  EXPECT_EQ(run(table(), "GET", "/session/").status, 404);
  EXPECT_EQ(run(table(), "GET", "/session/a/b").status, 404);
  const auto wrong = run(table(), "PUT", "/session/abc");
  EXPECT_EQ(wrong.status, 405);
  ASSERT_EQ(wrong.headers.size(), 1u);
  EXPECT_EQ(wrong.headers[0].second, "GET, HEAD, DELETE") << "HEAD comes with GET";
}

TEST(Router, FallbackRoutesServeOnlyPathsNoOtherRouteKnows) {
  Router router({
      {"POST", "/api/start", [](Request&, const Reply& reply) { reply(Response::json(200, "started")); }},
      {"GET", "/{folder}/{file}", [](Request&, const Reply& reply) { reply(Response::json(200, "file")); }, true},
  });
  EXPECT_EQ(run(router, "GET", "/assets/app.js").body, "\"file\"");
  EXPECT_EQ(run(router, "GET", "/api/start").status, 405) << "a known path with another method is not a file";
  EXPECT_EQ(run(router, "POST", "/api/start").body, "\"started\"");
}

TEST(Router, TypedErrorsMapToTheirStatusAndOthersHideTheirDetail) {
  const auto missing = run(table(), "DELETE", "/session/abc");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, R"({"detail":"Session not found"})");
  const auto failed = run(table(), "POST", "/boom");
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(failed.body.find("secret"), std::string::npos);
}

// A POST route that records whether it ran, so a refused request is seen to have no effect.
Response post(const Router& router, const std::string& content_type, std::string body) {
  Request request;
  request.method = "POST";
  request.path = "/start";
  request.body = std::move(body);
  if (content_type != "(none)") request.headers["content-type"] = content_type;
  Response out;
  router.dispatch(request, [&](Response response) { out = std::move(response); });
  return out;
}

TEST(Router, RequestsWithABodyMustDeclareJsonOrGet415WithoutEffect) {
  int runs = 0;
  Router router({{"POST", "/start", [&runs](Request&, const Reply& reply) {
                    ++runs;
                    reply(Response::json(200, "ran"));
                  }}});
  // What a cross-site form or fetch may send without a CORS preflight, and other types that are not JSON.
  for (const std::string type : {"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
                                 "multipart/form-data; boundary=x", "application/xml", "text/json", "application/jsonx",
                                 "application/json-seq", "json", "", "application/json; charset=latin1", "(none)"}) {
    const auto refused = post(router, type, R"({"name":"Ada"})");
    EXPECT_EQ(refused.status, 415) << type;
    EXPECT_NE(nlohmann::json::parse(refused.body)["detail"].get<std::string>().find("application/json"), std::string::npos)
        << type << ": " << refused.body;
  }
  EXPECT_EQ(post(router, "text/plain", "").status, 415) << "a declared type that is not JSON, even with no body (an empty form)";
  EXPECT_EQ(runs, 0) << "a refused request never reaches its handler";
  for (const std::string type : {"application/json", "application/json; charset=utf-8", "Application/JSON;Charset=\"UTF-8\"",
                                 " application/json ", "application/problem+json", "application/vnd.prepbot+json; charset=UTF-8"})
    EXPECT_EQ(post(router, type, R"({"name":"Ada"})").status, 200) << type;
  EXPECT_EQ(post(router, "(none)", "").status, 200) << "a POST with no body needs no type (fetch, curl -X POST)";
  EXPECT_EQ(runs, 7);
}

TEST(Router, HeadRunsTheGetRouteAndOtherwiseIs405WithAllow) {
  int deleted = 0;
  Router router({
      {"GET", "/session/{id}", [](Request& r, const Reply& reply) { reply(Response::json(200, {{"id", r.path_params.at("id")}})); }},
      {"DELETE", "/session/{id}", [&deleted](Request&, const Reply& reply) {
         ++deleted;
         reply(Response::json(200, "gone"));
       }},
      {"POST", "/start", [](Request&, const Reply& reply) { reply(Response::json(200, "started")); }},
      {"GET", "/{file}", [](Request&, const Reply& reply) { reply(Response::json(200, "file")); }, true},
  });
  const auto head = run(router, "HEAD", "/session/abc");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, R"({"id":"abc"})") << "the GET response; the server sends its headers only";
  EXPECT_EQ(deleted, 0);
  EXPECT_EQ(run(router, "HEAD", "/app.js").body, "\"file\"");
  const auto no_get = run(router, "HEAD", "/start");
  EXPECT_EQ(no_get.status, 405);
  ASSERT_EQ(no_get.headers.size(), 1u);
  EXPECT_EQ(no_get.headers[0], (std::pair<std::string, std::string>{"Allow", "POST"}));
}

}  // namespace
}  // namespace prepbot::http
