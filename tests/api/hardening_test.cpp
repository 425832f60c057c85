// Abuse limits, web security and hostile input, against the real binary.
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

using nlohmann::json;

// Sends raw bytes (in pieces, with `pause` between them) and returns the status
// code of the reply, or 0 when the server closed the connection without one.
// A connected socket (2 s receive timeout), or -1.
int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  timeval timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int raw_request(int port, const std::vector<std::string>& pieces, std::chrono::milliseconds pause = {}) {
  const int fd = connect_to(port);
  if (fd < 0) return -1;
  for (const auto& piece : pieces) {
    if (send(fd, piece.data(), piece.size(), MSG_NOSIGNAL) < 0) break;
    if (pause.count() > 0) std::this_thread::sleep_for(pause);
  }
  std::string reply;
  char buffer[4096];
  ssize_t got = 0;
  while (reply.find("\r\n") == std::string::npos && (got = recv(fd, buffer, sizeof buffer, 0)) > 0)
    reply.append(buffer, static_cast<size_t>(got));
  close(fd);
  if (reply.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::atoi(reply.c_str() + 9);
}

std::string post(const std::string& path, const std::string& body, const std::string& extra_headers = "") {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

std::string request(const std::string& method, const std::string& path, const std::string& extra_headers = "") {
  return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "Connection: close\r\n\r\n";
}

TEST(Hardening, SecurityHeadersOnEveryResponse) {
  ServerProcess server("sqlite::memory:");
  for (const std::string path : {"/healthz", "/", "/interview/session/nope", "/metrics"}) {
    const auto response = server.client().get(path);
    EXPECT_EQ(response.headers.at("x-content-type-options"), "nosniff") << path;
    EXPECT_EQ(response.headers.at("referrer-policy"), "no-referrer") << path;
    EXPECT_NE(response.headers.at("content-security-policy").find("frame-ancestors 'none'"), std::string::npos) << path;
  }
  EXPECT_EQ(server.client().get("/").headers.at("content-security-policy").find("unsafe-inline"), std::string::npos);
}

TEST(Hardening, CorsAllowsSameOriginAndTheAllowlistOnly) {
  ServerProcess server("sqlite::memory:", {"--cors-origins", "https://app.example"});
  const json body = {{"name", "A"}, {"role", "qa"}, {"experience", "junior"}, {"mode", "technical"}};
  const auto foreign = server.client().send("POST", "/interview/start", body.dump(), {{"Origin", "https://evil.example"}});
  EXPECT_EQ(foreign.status, 403);
  const auto allowed = server.client().send("POST", "/interview/start", body.dump(), {{"Origin", "https://app.example"}});
  EXPECT_EQ(allowed.status, 200);
  EXPECT_EQ(allowed.headers.at("access-control-allow-origin"), "https://app.example");
  const std::string same = "http://127.0.0.1:" + std::to_string(server.port());
  EXPECT_EQ(server.client().send("POST", "/interview/start", body.dump(), {{"Origin", same}}).status, 200);
  const auto preflight = server.client().send("OPTIONS", "/interview/start", "",
                                              {{"Origin", "https://app.example"}, {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(preflight.status, 204);
}

TEST(Hardening, RateLimitAnswers429WithRetryAfter) {
  ServerProcess server("sqlite::memory:", {"--rate-limit", "2,4"});
  int limited = 0;
  std::string retry_after;
  for (int i = 0; i < 12; ++i) {
    const auto response = server.client().get("/interview/session/none");
    if (response.status == 429) ++limited, retry_after = response.headers.at("retry-after");
  }
  EXPECT_GE(limited, 6);
  EXPECT_EQ(retry_after, "1");
  EXPECT_EQ(server.client().get("/healthz").status, 200) << "health checks are not limited";
}

TEST(Hardening, EachClientMayHoldOnlySoManyConnections) {
  ServerProcess server("sqlite::memory:", {"--max-client-connections", "4"});
  // Four idle connections the server keeps. One may be refused while the server
  // still counts the start-up health check's connection as open: open it again.
  std::vector<int> idle;
  for (int attempt = 0; idle.size() < 4 && attempt < 20; ++attempt) {
    const int fd = connect_to(server.port());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    char byte = 0;
    if (recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) < 0 && errno == EAGAIN) idle.push_back(fd);  // still open
    else close(fd);
  }
  ASSERT_EQ(idle.size(), 4u);
  EXPECT_EQ(raw_request(server.port(), {request("GET", "/healthz")}), 0) << "a fifth connection is closed at once";
  close(idle.back());
  idle.pop_back();
  int status = 0;
  for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {  // until the server has seen the close
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    status = raw_request(server.port(), {request("GET", "/healthz")});
  }
  EXPECT_EQ(status, 200) << "a closed connection frees its place";
  for (const int fd : idle) close(fd);
  EXPECT_EQ(server.client().get("/healthz").status, 200);
}

TEST(Hardening, MetricsInPrometheusFormat) {
  ServerProcess server("sqlite::memory:");
  server.client().post("/interview/start", json{{"name", "M"}, {"role", "qa"}, {"experience", "junior"}, {"mode", "technical"}});
  server.client().get("/interview/session/none");
  const auto metrics = server.client().get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("prepbot_http_requests_total{method=\"POST\",route=\"/interview/start\",status=\"200\"} 1"),
            std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("route=\"/interview/session/{id}\",status=\"404\"} 1"), std::string::npos);
  EXPECT_NE(metrics.body.find("prepbot_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics.body.find("prepbot_coach_calls_total{provider=\"offline\",operation=\"questions\",outcome=\"ok\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("prepbot_coach_fallbacks_total 0"), std::string::npos);
}

TEST(Hardening, SessionsPastTheRetentionPeriodArePurged) {
  const std::string db = make_temp_dir() + "/prepbot.db";
  std::string id;
  {
    ServerProcess server("sqlite:" + db);
    id = server.client().post("/interview/start", json{{"name", "Old"}, {"role", "qa"}, {"experience", "junior"},
                                                       {"mode", "technical"}}).json()["session_id"];
  }
  ASSERT_EQ(std::system(("sqlite3 " + db + " \"UPDATE sessions SET created_at = '2020-01-01T00:00:00.000000'\"").c_str()), 0);
  ServerProcess server("sqlite:" + db, {"--retention-days", "30"});
  for (int i = 0; i < 50 && server.client().get("/interview/session/" + id).status != 404; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(server.client().get("/interview/session/" + id).status, 404);
}

// At least 80 hostile requests: none may get a 5xx, the server must stay up, and
// a normal session must work afterwards.
TEST(Hardening, HostileInputBattery) {
  ServerProcess server("sqlite::memory:");
  const int port = server.port();
  const json started = server.client().post("/interview/start", json{{"name", "Victim"}, {"role", "backend"},
                                                                     {"experience", "mid"}, {"mode", "technical"}}).json();
  const std::string sid = started["session_id"];
  std::vector<std::vector<std::string>> battery;
  auto add = [&](std::string raw) { battery.push_back({std::move(raw)}); };
  // Malformed and truncated JSON, wrong types, odd values.
  for (const std::string body : {"", "{", "}", "[", "{\"name\":", "{\"name\":\"a\"", "nul", "tru", "{'name':'a'}", "{\"a\":1,}",
                                 "[1,2,3]", "\"string\"", "12345", "null", "true", "{\"name\":null}", "{\"name\":[]}",
                                 "{\"name\":{}}", "{\"name\":1e999}", "{\"num_questions\":-1}", "{\"num_questions\":1e30}",
                                 "{\"num_questions\":\"NaN\"}", "{\"experience\":\"\\u0000\"}", "{\"mode\":\"TECHNICAL\\n\"}",
                                 "{\"name\":\"\\ud800\"}", "{\"name\":\"\\uDFFF\\uD800\"}", "\xef\xbb\xbf{}", "{\"__proto__\":1}"})
    add(post("/interview/start", body));
  for (const std::string body : {"{\"question_id\":\"1; DROP TABLE answers\",\"answer\":\"x\"}", "{\"question_id\":[1],\"answer\":\"x\"}",
                                 "{\"question_id\":1,\"answer\":{\"$gt\":\"\"}}", "{\"question_id\":9223372036854775807,\"answer\":\"x\"}",
                                 "{\"question_id\":-9223372036854775808,\"answer\":\"x\"}", "{\"question_id\":1,\"answer\":\"\\u0000\\u0000\"}",
                                 "{\"question_id\":1.0000000001,\"answer\":\"x\"}", "{\"question_id\":1,\"answer\":\"<script>alert(1)</script>\"}"})
    add(post("/interview/session/" + sid + "/answer", body));
  // Deep nesting, huge bodies, invalid UTF-8, NUL bytes.
  add(post("/interview/start", std::string(5000, '[') + std::string(5000, ']')));
  add(post("/interview/start", std::string(3000, '{')));
  add(post("/interview/start", "{\"name\":\"" + std::string(60000, 'a') + "\"}"));
  add(post("/interview/start", std::string(200 * 1024, 'x')));
  add(post("/interview/start", std::string("{\"name\":\"\xff\xfe\xfd\",\"role\":\"x\"}")));
  add(post("/interview/start", std::string("{\"name\":\"a\0b\"}", 14)));
  add(post("/interview/evaluate", "{\"question\":\"" + std::string(5000, 'q') + "\",\"answer\":\"a\"}"));
  add(post("/interview/evaluate", "{\"question\":\"What?\",\"answer\":\"" + std::string(10001, 'a') + "\"}"));
  // Path tricks in ids and files.
  for (const std::string& path : std::vector<std::string>{"/interview/session/../../etc/passwd", "/interview/session/%2e%2e%2fetc%2fpasswd",
                                 "/interview/session/" + sid + "%00", "/interview/session/' OR '1'='1",
                                 "/interview/session/" + std::string(4000, 'a'), "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                                 "/.git/config", "/web/../CMakeLists.txt", "/interview/session//answer", "//", "/interview/session/" + sid + "/export/../../x",
                                 "/interview/session/" + sid + "/charts/../../../etc/passwd.svg", "/?a=" + std::string(2000, 'b')})
    add(request("GET", path));
  // Wrong methods.
  for (const std::string method : {"PUT", "PATCH", "TRACE", "CONNECT", "PROPFIND", "DELETE"})
    add(request(method, "/interview/start"));
  add(request("POST", "/healthz"));
  add(request("GET", "/interview/session/" + sid + "/finalize"));
  // CORS from a foreign origin, odd headers.
  add(post("/interview/start", "{}", "Origin: https://evil.example\r\n"));
  add(request("OPTIONS", "/interview/start", "Origin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n"));
  add(request("GET", "/healthz", "X-Request-Id: ../../etc\r\n"));
  add(request("GET", "/healthz", "X-Request-Id: " + std::string(5000, 'r') + "\r\n"));
  add(request("GET", "/healthz", "X-Injected: a\rb\r\n"));
  add(request("GET", "/healthz", std::string(200, 'H') + ": v\r\n"));
  add(post("/interview/start", "{}", "Content-Type: text/plain\r\n"));
  add(post("/interview/start", "{}", "Transfer-Encoding: chunked\r\n"));
  // Broken HTTP: CRLF games, bad request lines, lying lengths.
  for (const std::string& raw : std::vector<std::string>{"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", "GET /\r\n\r\n", "\r\n\r\n",
                                "GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                                "POST /interview/start HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{}",
                                "GET /healthz HTTP/1.1\nHost: x\n\n", "GET /interview/session/a\r\nb HTTP/1.1\r\nHost: x\r\n\r\n",
                                "GET " + std::string(20000, '/') + " HTTP/1.1\r\nHost: x\r\n\r\n"})
    add(raw);
  // Slow senders: a request dribbled out in pieces.
  battery.push_back({"GET /heal", "thz HTTP/1.1\r\n", "Host: x\r\n", "Connection: close\r\n\r\n"});
  battery.push_back({"POST /interview/start HTTP/1.1\r\nHost: x\r\nContent-Length: 80\r\nConnection: close\r\n\r\n{\"name\":", "\"Slow\",", "\"role\":\"qa\",",
                     "\"experience\":\"junior\",", "\"mode\":\"technical\"}"});
  ASSERT_GE(battery.size(), 80u);

  int no_reply = 0;
  for (std::size_t i = 0; i < battery.size(); ++i) {
    const bool slow = battery[i].size() > 1;
    const int status = raw_request(port, battery[i], slow ? std::chrono::milliseconds(150) : std::chrono::milliseconds(0));
    EXPECT_LT(status, 500) << "request " << i << " got " << status << ": " << battery[i][0].substr(0, 120);
    EXPECT_NE(status, -1) << "request " << i << ": the server stopped accepting connections";
    no_reply += status == 0;
    ASSERT_TRUE(server.running()) << "request " << i << " crashed the server: " << battery[i][0].substr(0, 120);
  }
  std::printf("hostile battery: %zu requests, %d closed without a reply (malformed HTTP), none 5xx\n", battery.size(), no_reply);

  // Business as usual afterwards.
  const auto client = server.client();
  EXPECT_EQ(client.get("/healthz").status, 200);
  const auto answered = client.post("/interview/session/" + sid + "/answer", json{{"question_id", 1}, {"answer", "A real answer about indexes and caching."}});
  EXPECT_EQ(answered.status, 200);
  EXPECT_EQ(client.post("/interview/session/" + sid + "/finalize", std::string()).status, 200);
}

}  // namespace
}  // namespace prepbot::testing
