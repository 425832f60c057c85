// Abuse limits, web security and hostile input, against the real binary.
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

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

// A reply read off a raw socket.
struct RawReply {
  int status = 0;  // 0: no reply
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;    // every byte after the head
  bool closed = false;  // the server closed the connection (rather than the read timing out)

  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

void send_all(int fd, const std::string& bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

// Reads until `done(bytes)` holds, the server closes (sets `closed`) or 10 s pass without a byte.
std::string read_until(int fd, bool& closed, const std::function<bool(const std::string&)>& done) {
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string bytes;
  char buffer[16384];
  while (!done(bytes)) {
    const ssize_t got = recv(fd, buffer, sizeof buffer, 0);
    if (got == 0) closed = true;
    if (got <= 0) break;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  return bytes;
}

// The status line and headers at the start of `bytes`; the rest goes to body.
RawReply parse_reply(const std::string& bytes) {
  RawReply reply;
  const auto end = bytes.find("\r\n\r\n");
  if (bytes.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) return reply;
  reply.status = std::atoi(bytes.c_str() + 9);
  std::size_t line = bytes.find("\r\n") + 2;
  while (line < end) {
    const auto next = bytes.find("\r\n", line);
    const std::string field = bytes.substr(line, next - line);
    const auto colon = field.find(':');
    std::string name = field.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    reply.headers[name] = colon == std::string::npos ? "" : field.substr(field.find_first_not_of(' ', colon + 1));
    line = next + 2;
  }
  reply.body = bytes.substr(end + 4);
  return reply;
}

// Sends `raw` on a new connection and reads until the server closes it.
RawReply send_and_read(int port, const std::string& raw) {
  const int fd = connect_to(port);
  if (fd < 0) return {};
  send_all(fd, raw);
  bool closed = false;
  RawReply reply = parse_reply(read_until(fd, closed, [](const std::string&) { return false; }));
  reply.closed = closed;
  close(fd);
  return reply;
}

// HEAD `path` on a kept-alive connection, then GET /healthz on the same connection:
// the HEAD reply, with every byte the server sent after its head (the next reply, nothing else) as its body.
RawReply head_then_get(int port, const std::string& path, const std::string& extra_headers = "") {
  const int fd = connect_to(port);
  if (fd < 0) return {};
  send_all(fd, "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n");
  bool closed = false;
  std::string bytes = read_until(fd, closed, [](const std::string& b) { return b.find("\r\n\r\n") != std::string::npos; });
  send_all(fd, request("GET", "/healthz"));
  bytes += read_until(fd, closed, [](const std::string&) { return false; });
  close(fd);
  return parse_reply(bytes);
}

// The routes /openapi.json documents, path → methods in lower case; with the web app's, that is the route table.
std::map<std::string, std::set<std::string>> documented_routes(const ServerProcess& server) {
  std::map<std::string, std::set<std::string>> routes;
  const json document = server.client().get("/openapi.json").json();
  for (const auto& [path, operations] : document.at("paths").items())
    for (const auto& [method, operation] : operations.items())
      if (method != "parameters") routes[path].insert(method);
  return routes;
}

// The route with its parameters filled: the session's id, and a share link's token and id when given.
std::string with_id(std::string path, const std::string& id, const std::string& share_token = "x.y") {
  for (const auto& [name, value] : {std::pair<std::string, std::string>{"{id}", id}, {"{token}", share_token},
                                    {"{share_id}", share_token.substr(0, share_token.find('.'))}})
    if (const auto at = path.find(name); at != std::string::npos) path.replace(at, name.size(), value);
  return path;
}

// The number a Prometheus line starting with `series` ends with; 0 when there is no such line.
long metric(const std::string& text, const std::string& series) {
  const auto at = text.find(series + " ");
  return at == std::string::npos ? 0 : std::atol(text.c_str() + at + series.size() + 1);
}

std::string raw_post(const std::string& path, const std::string& body, const std::optional<std::string>& content_type) {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (content_type ? "Content-Type: " + *content_type + "\r\n" : "") +
         "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

const json kStart = {{"name", "Ada"}, {"role", "backend"}, {"experience", "mid"}, {"mode", "technical"}, {"num_questions", 2}};
const std::string kAnswer = "I would add an index on the filtered column and cache the hot reads with a TTL.";

std::string start_session(const ServerProcess& server) {
  const auto started = server.client().post("/interview/start", kStart);
  EXPECT_EQ(started.status, 200) << started.body;
  return started.json().at("session_id");
}

constexpr const char* kUploadRoute = "/interview/extract-text";

// A valid body for each JSON-taking route.
std::string valid_body(const std::string& path) {
  if (path.ends_with("/start")) return kStart.dump();
  if (path.ends_with("/answer")) return json{{"question_id", 1}, {"answer", kAnswer}}.dump();
  if (path.ends_with("/evaluate")) return json{{"question", "What is an index?"}, {"answer", kAnswer}}.dump();
  if (path.ends_with("/finalize") || path.ends_with("/share") || path == "/profiles") return "{}";
  if (path.ends_with("/notes")) return json{{"question_id", 1}, {"note", "Lead with the result."}}.dump();
  if (path.ends_with("/import")) return R"({"format":"prepbot-profile","version":1,"sessions":[],"review_cards":[]})";
  ADD_FAILURE() << "a new POST route: give it a valid body here: " << path;
  return "{}";
}

// Browsers send text/plain, form and multipart bodies cross-site without asking first (no CORS
// preflight); a JSON API that read them would let any page act for its visitor.
TEST(Hardening, PostsThatAreNotDeclaredJsonAre415AndHaveNoEffect) {
  ServerProcess server("sqlite::memory:", {"--rate-limit", "0"});
  const int port = server.port();
  const std::string sid = start_session(server);
  // The routes of profiles and share links need a token as well, and some answer 201.
  auto needs_token = [](const std::string& path) {
    return path.starts_with("/profiles") || path.starts_with("/shared/") || path.ends_with("/share");
  };
  std::vector<std::string> posts, token_posts;
  for (const auto& [path, methods] : documented_routes(server))
    if (methods.contains("post") && path != kUploadRoute && !path.ends_with("/audio"))
      (needs_token(path) ? token_posts : posts).push_back(path);
  ASSERT_EQ(posts.size(), 4u) << "start, answer, finalize, evaluate";
  ASSERT_EQ(token_posts.size(), 4u) << "create a profile, import, share a session, a mentor's note";
  posts.insert(posts.end(), token_posts.begin(), token_posts.end());

  const std::vector<std::optional<std::string>> refused = {
      "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
      "application/xml", "text/json", "application/jsonx", "", "application/json; charset=iso-8859-1", std::nullopt};
  for (const auto& path : posts) {
    for (const auto& type : refused) {
      const auto reply = send_and_read(port, raw_post(with_id(path, sid), valid_body(path), type));
      const std::string label = path + " with " + type.value_or("no Content-Type");
      EXPECT_EQ(reply.status, 415) << label << ": " << reply.body;
      EXPECT_EQ(reply.header("content-type"), "application/json") << label;
      const json error = json::parse(reply.body, nullptr, false);
      EXPECT_TRUE(error.is_object() && error.contains("detail") && error.at("detail").is_string() &&
                  error.at("detail").get<std::string>().find("application/json") != std::string::npos)
          << label << ": " << reply.body;
    }
    EXPECT_EQ(send_and_read(port, raw_post(with_id(path, sid), "", "text/plain")).status, 415) << path << ": an empty form";
  }
  // The PDF upload takes application/pdf, declared, and nothing else (JSON neither).
  std::vector<std::optional<std::string>> not_pdf = refused;
  not_pdf.push_back("application/json");
  for (const auto& type : not_pdf) {
    const auto reply = send_and_read(port, raw_post(kUploadRoute, "%PDF-1.7\n", type));
    EXPECT_EQ(reply.status, 415) << type.value_or("no Content-Type");
    EXPECT_NE(reply.body.find("application/pdf"), std::string::npos) << reply.body;
  }
  // A spoken answer's routes take an audio type, declared, and nothing else.
  for (const std::string path : {"/interview/session/{id}/answer/audio?question_id=1", "/interview/evaluate/audio?question=Why"})
    for (const auto& type : not_pdf) {
      const auto reply = send_and_read(port, raw_post(with_id(path, sid), "RIFF....WAVE", type));
      EXPECT_EQ(reply.status, 415) << path << " with " << type.value_or("no Content-Type");
      EXPECT_NE(reply.body.find("audio/"), std::string::npos) << reply.body;
    }
  const json session = server.client().get("/interview/session/" + sid).json();
  EXPECT_TRUE(session["answers"].empty()) << session["answers"].dump();
  EXPECT_EQ(session["status"], "ongoing");
  const std::string metrics = server.client().get("/metrics").body;
  EXPECT_EQ(metric(metrics, R"(prepbot_coach_calls_total{provider="offline",operation="questions",outcome="ok"})"), 1)
      << "no session was started";
  EXPECT_EQ(metric(metrics, R"(prepbot_coach_calls_total{provider="offline",operation="evaluate",outcome="ok"})"), 0)
      << "nothing was graded";

  for (const std::string type : {"application/json", "application/json; charset=utf-8", "Application/JSON;Charset=\"UTF-8\"",
                                 "application/problem+json", "application/vnd.api+json; charset=utf-8"}) {
    const std::string id = start_session(server);  // answer before finalize: "answers" < "finalize"
    for (const auto& path : posts) {
      if (needs_token(path)) continue;
      const auto reply = send_and_read(port, raw_post(with_id(path, id), valid_body(path), type));
      EXPECT_EQ(reply.status, 200) << path << " with " << type << ": " << reply.body;
    }
  }
  // The seed's clients and the web app finalize with an empty POST and no Content-Type (fetch, curl -X POST).
  const std::string id = start_session(server);
  ASSERT_EQ(server.client().post("/interview/session/" + id + "/answer", json{{"question_id", 1}, {"answer", kAnswer}}).status, 200);
  EXPECT_EQ(send_and_read(port, raw_post("/interview/session/" + id + "/finalize", "", std::nullopt)).status, 200);
  // A route that needs a body and gets none (and no type) says what is missing.
  EXPECT_EQ(send_and_read(port, raw_post("/interview/start", "", std::nullopt)).status, 422);
}

// HEAD is GET without the body (RFC 9110 §9.3.2); a body after a HEAD reply would be read as
// the start of the next reply on a kept-alive connection.
TEST(Hardening, HeadOnEveryRouteAnswersLikeGetWithoutABody) {
  ServerProcess server("sqlite::memory:", {"--rate-limit", "0"});
  const int port = server.port();
  const std::string sid = start_session(server);
  ASSERT_EQ(server.client().post("/interview/session/" + sid + "/answer", json{{"question_id", 1}, {"answer", kAnswer}}).status, 200);
  ASSERT_EQ(server.client().post("/interview/session/" + sid + "/finalize", std::string()).status, 200);
  auto routes = documented_routes(server);
  ASSERT_GE(routes.size(), 15u);
  const std::string token = server.client().post("/profiles", std::string()).json()["token"];
  const std::string authorization = "Authorization: Bearer " + token + "\r\n";
  const std::string share = server.client().post("/interview/session/" + sid + "/share", std::string()).json()["token"];
  for (const std::string web : {"/", "/docs", "/openapi.json", "/js/api.js", "/interview/health"}) routes[web].insert("get");

  for (const auto& [pattern, methods] : routes) {
    const std::string path = with_id(pattern, sid, share);
    const std::string headers = pattern.starts_with("/profiles") ? authorization : "";
    const RawReply head = head_then_get(port, path, headers);
    const auto next = parse_reply(head.body);
    EXPECT_EQ(next.status, 200) << "HEAD " << pattern << " left bytes before the next reply: " << head.body.substr(0, 80);
    const json health = json::parse(next.body, nullptr, false);
    EXPECT_TRUE(health.is_object() && health.value("status", "") == "ok") << pattern << ": " << next.body;
    if (methods.contains("get")) {
      const RawReply get = send_and_read(port, request("GET", path, headers));
      EXPECT_EQ(get.status, 200) << pattern;
      EXPECT_EQ(head.status, get.status) << pattern;
      EXPECT_EQ(head.header("content-type"), get.header("content-type")) << pattern;
      if (pattern != "/metrics") {  // its numbers move between two requests
        EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size())) << pattern;
      }
    } else {
      EXPECT_EQ(head.status, 405) << pattern;
      EXPECT_FALSE(head.header("allow").empty()) << pattern;
      for (const auto& method : methods) {
        std::string upper = method;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
        EXPECT_NE(head.header("allow").find(upper), std::string::npos) << pattern << ": Allow " << head.header("allow");
      }
    }
  }
  EXPECT_EQ(server.client().get("/interview/session/" + sid).status, 200) << "HEAD never reaches DELETE";
}

// Over our limits the client hears why (414, 431) and the connection closes; the server stays up.
TEST(Hardening, OversizedRequestLinesAndHeadersAreAnswered414And431) {
  ServerProcess server("sqlite::memory:");
  const int port = server.port();
  auto keep_alive = [](const std::string& path, const std::string& headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
  };
  std::string many;
  for (int i = 0; i < 150; ++i) many += "X-Field-" + std::to_string(i) + ": v\r\n";
  const std::vector<std::tuple<std::string, std::string, int>> cases = {
      {"a 9 KB session id", keep_alive("/interview/session/" + std::string(9 * 1024, 'a'), ""), 414},
      {"a 9 KB query", keep_alive("/healthz?q=" + std::string(9 * 1024, 'q'), ""), 414},
      {"a 20 KB header value", keep_alive("/healthz", "X-Big: " + std::string(20 * 1024, 'v') + "\r\n"), 431},
      {"a 2 KB header name", keep_alive("/healthz", std::string(2048, 'N') + ": v\r\n"), 431},
      {"150 header fields", keep_alive("/healthz", many), 431},
  };
  for (const auto& [label, raw, status] : cases) {
    const auto reply = send_and_read(port, raw);
    EXPECT_EQ(reply.status, status) << label;
    EXPECT_EQ(reply.header("connection"), "close") << label;
    EXPECT_TRUE(reply.closed) << label << ": the server closes the connection";
    const json error = json::parse(reply.body, nullptr, false);
    EXPECT_TRUE(error.is_object() && error.contains("detail") && error.at("detail").is_string()) << label << ": " << reply.body;
    ASSERT_TRUE(server.running());
  }
  const auto within = send_and_read(port, request("GET", "/interview/session/" + std::string(7 * 1024, 'a')));
  EXPECT_EQ(within.status, 404) << "just inside the limit is an ordinary request";
  EXPECT_EQ(server.client().get("/healthz").status, 200);
}

// The seed's Streamlit client checks /interview/health when it loads.
TEST(Hardening, InterviewHealthAnswersLikeHealthz) {
  ServerProcess server("sqlite::memory:", {"--rate-limit", "1,1"});
  for (int i = 0; i < 5; ++i) {
    const auto health = server.client().get("/interview/health");
    EXPECT_EQ(health.status, 200) << "like /healthz, never rate-limited";
    EXPECT_EQ(health.body, server.client().get("/healthz").body);
    EXPECT_EQ(health.headers.at("content-type"), "application/json");
  }
  EXPECT_TRUE(documented_routes(server)["/interview/health"].contains("get")) << "documented in /openapi.json";
}

// Control characters in stored text ring, recolour or rewrite whatever terminal or log shows them later.
TEST(Hardening, ControlCharactersInTextAre422NamingTheField) {
  ServerProcess server("sqlite::memory:", {"--rate-limit", "0"});
  const std::string sid = start_session(server);
  const auto hostile = server.client().post("/interview/start", json{{"name", "Bell\x07 Esc\x1b[31mRed"}, {"role", "qa"},
                                                                     {"experience", "junior"}, {"mode", "technical"}});
  ASSERT_EQ(hostile.status, 422) << hostile.body;
  EXPECT_EQ(hostile.json()["detail"][0]["loc"], json::array({"body", "name"}));

  const std::vector<std::pair<std::string, json>> requests = {
      {"/interview/start", kStart},
      {"/interview/session/" + sid + "/answer", {{"question_id", 1}, {"answer", kAnswer}}},
      {"/interview/evaluate", {{"question", "What is an index?"}, {"answer", kAnswer}}},
  };
  const std::map<std::string, std::vector<std::string>> optional_fields = {
      {"/interview/start", {"domain", "difficulty", "focus", "coach", "avoid_questions", "scoring", "job_description", "resume"}},
      {"/interview/evaluate", {"mode", "experience", "role", "coach", "scoring"}},
  };
  for (const auto& [path, base] : requests) {
    std::vector<std::string> fields;
    for (const auto& [field, value] : base.items())
      if (value.is_string()) fields.push_back(field);
    if (optional_fields.contains(path)) fields.insert(fields.end(), optional_fields.at(path).begin(), optional_fields.at(path).end());
    for (const auto& field : fields) {
      for (const std::string text : {"a\x1b[2Jb", "bell\x07", "del\x7f", "csi\xc2\x9b"}) {
        json body = base;
        body[field] = field == "avoid_questions" ? json::array({text}) : json(text);
        const auto reply = server.client().post(path, body);
        EXPECT_EQ(reply.status, 422) << path << " " << field << ": " << reply.body;
        if (reply.status == 422) {
          EXPECT_EQ(reply.json()["detail"][0]["loc"], json::array({"body", field})) << reply.body;
        }
      }
    }
  }
  EXPECT_TRUE(server.client().get("/interview/session/" + sid).json()["answers"].empty());

  // Every script, emoji and line breaks in an answer are kept as sent.
  json start = kStart;
  start["name"] = "Zoë Ñúñez 李雷 Дмитрий 👩🏽‍💻";
  const auto started = server.client().post("/interview/start", start);
  ASSERT_EQ(started.status, 200) << started.body;
  const std::string id = started.json()["session_id"];
  const std::string answer = "First:\n\tan index.\r\nThen: a cache ✓.";
  ASSERT_EQ(server.client().post("/interview/session/" + id + "/answer", json{{"question_id", 1}, {"answer", answer}}).status, 200);
  const json session = server.client().get("/interview/session/" + id).json();
  EXPECT_EQ(session["meta"]["name"], start["name"]);
  EXPECT_EQ(session["answers"][0]["answer"], answer) << session["answers"].dump();
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
