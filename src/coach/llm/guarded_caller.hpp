#pragma once
// One policy for every call PrepBot makes to a model server (the LLM coaches,
// the transcriber): a total deadline per call, retries included; bounded
// retries with backoff and jitter on what is worth another try (honouring the
// server's hint, never after a bad key or an exhausted quota); a circuit
// breaker; and a cap on calls in flight, the rest waiting their turn.
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "coach/llm/http_client.hpp"
#include "util/worker_pool.hpp"

namespace prepbot::coach::llm {

enum class Failure {
  none,
  retryable,  // 429 rate limit, 5xx, timeouts: worth another try
  fatal,      // bad key, exhausted quota, bad request: do not retry
  blocked,    // the provider's safety filter answered instead
  truncated,  // the reply hit the token limit
};

// What a server's HTTP result means: text, or a classified failure.
struct Reply {
  Failure failure = Failure::none;
  std::string text;                           // the reply's text when failure is none
  std::chrono::milliseconds retry_after{0};   // the server's hint, if it gave one
  std::string reason;                         // short and safe to log: never the key, never the prompt
};

struct CallPolicy {
  std::chrono::milliseconds timeout{30'000};  // per call, retries included
  int max_concurrent = 512;                   // calls in flight; more wait their turn
  int max_retries = 2;
  int breaker_threshold = 5;                  // consecutive failures that open the circuit
  std::chrono::seconds breaker_cooldown{30};
};

class GuardedCaller {
 public:
  using Build = std::function<HttpRequest()>;
  using Parse = std::function<Reply(const HttpResult&)>;
  // The reply's text, or nullopt and a reason; called on the worker pool.
  using Done = std::function<void(std::optional<std::string> text, std::string reason)>;

  GuardedCaller(Transport& http, util::WorkerPool& workers, CallPolicy policy);

  // Sends what `build` makes (once per attempt) and reads each result with `parse`.
  void call(Build build, Parse parse, Done done);

 private:
  using Clock = std::chrono::steady_clock;
  struct Call;
  void start(std::shared_ptr<Call> call);
  void attempt(std::shared_ptr<Call> call, std::chrono::milliseconds delay);
  void finish(const std::shared_ptr<Call>& call, std::optional<std::string> text, std::string reason);
  bool circuit_open();
  void record(bool success);

  Transport& http_;
  util::WorkerPool& workers_;
  CallPolicy policy_;

  std::mutex mutex_;
  int in_flight_ = 0;
  std::deque<std::shared_ptr<Call>> waiting_;
  int consecutive_failures_ = 0;
  Clock::time_point open_until_{};
};

}  // namespace prepbot::coach::llm
