#include "http/gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace prepbot::http {
namespace {

Request request(std::string method, std::string origin = "", std::string client = "10.0.0.1") {
  Request r;
  r.method = std::move(method);
  r.path = "/interview/start";
  r.client = std::move(client);
  r.headers["host"] = "prepbot.example:8000";
  if (!origin.empty()) r.headers["origin"] = std::move(origin);
  return r;
}

std::string header(const Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

TEST(Gate, SameOriginAndNoOriginPassForeignOriginsDoNot) {
  Gate gate({0, 0, {}, {}});
  EXPECT_FALSE(gate.admit(request("POST")));
  EXPECT_FALSE(gate.admit(request("POST", "http://prepbot.example:8000")));
  const auto foreign = gate.admit(request("POST", "https://evil.example"));
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 403);
}

TEST(Gate, AllowlistedOriginsGetCorsHeadersAndPreflights) {
  Gate gate({0, 0, {"https://app.example"}, {}});
  auto r = request("POST", "https://app.example");
  EXPECT_FALSE(gate.admit(r));
  Response response;
  gate.decorate(r, response);
  EXPECT_EQ(header(response, "Access-Control-Allow-Origin"), "https://app.example");
  auto preflight = request("OPTIONS", "https://app.example");
  preflight.headers["access-control-request-method"] = "POST";
  const auto answer = gate.admit(preflight);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 204);
  EXPECT_NE(header(*answer, "Access-Control-Allow-Methods").find("POST"), std::string::npos);
}

TEST(Gate, EveryResponseGetsSecurityHeaders) {
  Gate gate({0, 0, {}, {}});
  Response response;
  gate.decorate(request("GET"), response);
  EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header(response, "Referrer-Policy"), "no-referrer");
  EXPECT_NE(header(response, "Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(header(response, "Access-Control-Allow-Origin"), "") << "no CORS without an allowed foreign origin";
}

TEST(Gate, RateLimitsEachClientWithItsOwnBucket) {
  Gate gate({1, 3, {}, {}});
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(gate.admit(request("POST"))) << i;
  const auto limited = gate.admit(request("POST"));
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(header(*limited, "Retry-After"), "1");
  EXPECT_FALSE(gate.admit(request("POST", "", "10.0.0.2"))) << "another client has its own bucket";
  auto health = request("GET");
  health.path = "/healthz";
  EXPECT_FALSE(gate.admit(health)) << "health checks are never limited";
  health.path = "/interview/health";
  EXPECT_FALSE(gate.admit(health)) << "nor is the seed client's health check, under /interview/";
  auto asset = request("GET");
  asset.path = "/js/main.js";
  EXPECT_FALSE(gate.admit(asset)) << "the web app's files are not limited";
}

TEST(Gate, TellsClientsApartBehindTrustedProxiesOnly) {
  Gate gate({1, 1, {}, {"127.0.0.1", "10.0.0.9"}});
  auto via_proxy = [](std::string forwarded) {
    auto r = request("POST", "", "127.0.0.1");
    r.headers["x-forwarded-for"] = std::move(forwarded);
    return r;
  };
  EXPECT_EQ(gate.client_of(via_proxy("203.0.113.7")), "203.0.113.7");
  EXPECT_EQ(gate.client_of(via_proxy("198.51.100.1, 203.0.113.7, 10.0.0.9")), "203.0.113.7")
      << "the last address no trusted proxy added; earlier ones are the client's to forge";
  EXPECT_EQ(gate.client_of(via_proxy("")), "127.0.0.1");
  auto direct = request("POST", "", "192.0.2.5");
  direct.headers["x-forwarded-for"] = "203.0.113.7";
  EXPECT_EQ(gate.client_of(direct), "192.0.2.5") << "an untrusted peer cannot choose its bucket";
  EXPECT_FALSE(gate.admit(via_proxy("203.0.113.7")));
  EXPECT_FALSE(gate.admit(via_proxy("203.0.113.8"))) << "two clients behind one proxy have two buckets";
  ASSERT_TRUE(gate.admit(via_proxy("203.0.113.7")));
}

TEST(Gate, CapsOpenConnectionsPerClientButNotForTrustedProxies) {
  Gate gate({0, 0, {}, {"127.0.0.1"}, 2});
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(gate.admit_connection("192.0.2.5"));
    gate.connection_opened("192.0.2.5");
  }
  EXPECT_FALSE(gate.admit_connection("192.0.2.5"));
  EXPECT_TRUE(gate.admit_connection("192.0.2.6")) << "each client has its own count";
  gate.connection_closed("192.0.2.5");
  EXPECT_TRUE(gate.admit_connection("192.0.2.5")) << "a closed connection frees its place";
  for (int i = 0; i < 5; ++i) gate.connection_opened("127.0.0.1");
  EXPECT_TRUE(gate.admit_connection("127.0.0.1")) << "a load balancer carries many clients";
}

TEST(Gate, ConcurrentClientsShareNoBucketAndCountsBalance) {
  Gate gate({1000, 100, {}, {}, 1000});
  std::vector<std::thread> threads;
  std::atomic<int> admitted{0};
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      const std::string client = "192.0.2." + std::to_string(t % 3);
      for (int i = 0; i < 200; ++i) {
        if (!gate.admit(request("POST", "", client))) ++admitted;
        if (gate.admit_connection(client)) gate.connection_opened(client);
        gate.connection_closed(client);
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_GE(admitted.load(), 300) << "each of 3 clients has at least its burst of 100";
  EXPECT_LE(admitted.load(), 1200);
  for (int c = 0; c < 3; ++c) {
    const std::string client = "192.0.2." + std::to_string(c);
    for (int i = 0; i < 1000; ++i) gate.connection_opened(client);
    EXPECT_FALSE(gate.admit_connection(client)) << "every open was matched by a close: the count is exact";
  }
}

}  // namespace
}  // namespace prepbot::http
