#pragma once
// Outgoing HTTP for the LLM coaches: one libcurl multi handle driven by one
// thread, so thousands of slow calls wait together without holding a thread
// each. Every request states its connect and total timeouts. Callbacks run on
// the client's thread, one at a time: a callback may parse a reply, but anything
// heavier (grading, drawing) belongs on a worker pool, or every other call waits.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "util/outbound_ledger.hpp"

namespace prepbot::coach::llm {

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // POSTed as is
  bool get = false;                  // a GET without a body instead
  std::string purpose;               // what it is for, in the outbound ledger ("gemini: grading an answer")
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds total_timeout{30'000};
};

enum class HttpFailure { none, timeout, connect, other };

struct HttpResult {
  long status = 0;  // 0 when no response arrived
  HttpFailure failure = HttpFailure::none;
  std::string body;
  std::map<std::string, std::string> headers;  // lowercase names
};

// Where the LLM coach's requests go: the HttpClient below, or a script in the unit
// tests of retries, the breaker and the concurrency cap.
class Transport {
 public:
  virtual ~Transport() = default;
  // Starts `request` after `delay` and calls `done` once with the outcome.
  virtual void send(HttpRequest request, std::function<void(HttpResult)> done, std::chrono::milliseconds delay) = 0;
};

class HttpClient final : public Transport {
 public:
  // Every request that is sent is recorded in `ledger` (when given): host, purpose, bytes.
  explicit HttpClient(util::OutboundLedger* ledger = nullptr);
  ~HttpClient() override;  // cancels what is still running; its callbacks get HttpFailure::other
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  void send(HttpRequest request, std::function<void(HttpResult)> done, std::chrono::milliseconds delay) override;

 private:
  struct Pending;
  void run();

  util::OutboundLedger* ledger_;
  void* multi_;  // CURLM*
  std::mutex mutex_;
  std::deque<std::unique_ptr<Pending>> queued_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace prepbot::coach::llm
