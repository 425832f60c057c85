#pragma once
// A small blocking HTTP client for the API tests (libcurl, 10 s timeout).
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace prepbot::testing {

struct HttpResponse {
  long status = 0;  // 0: no response (connection failed or timed out)
  std::string body;
  std::map<std::string, std::string> headers;  // lowercase names

  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url) : base_(std::move(base_url)) {}

  HttpResponse get(const std::string& path) const { return send("GET", path, ""); }
  HttpResponse del(const std::string& path) const { return send("DELETE", path, ""); }
  HttpResponse post(const std::string& path, const std::string& body) const { return send("POST", path, body); }
  HttpResponse post(const std::string& path, const nlohmann::json& body) const { return post(path, body.dump()); }
  // The body is sent as application/json unless `headers` holds "Content-Type".
  HttpResponse send(const std::string& method, const std::string& path, const std::string& body,
                    const std::map<std::string, std::string>& headers = {}) const;

 private:
  std::string base_;
};

}  // namespace prepbot::testing
