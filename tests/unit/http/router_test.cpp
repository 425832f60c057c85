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
  EXPECT_EQ(wrong.headers[0].second, "GET, DELETE");
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

}  // namespace
}  // namespace prepbot::http
