#pragma once
// A Transport for unit tests of what sends through GuardedCaller (the LLM coach,
// the transcriber): scripted results instead of a network.
#include <algorithm>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

#include "coach/llm/http_client.hpp"

namespace prepbot::coach::llm {

// Answers each request with the next scripted result (the last one once the script
// runs out), at once and on the caller's thread, ignoring the delay; or holds the
// requests until release_one() when `hold` is set. Counts what was sent and keeps the last request.
class ScriptedTransport final : public Transport {
 public:
  explicit ScriptedTransport(std::vector<HttpResult> script, bool hold = false)
      : script_(std::move(script)), hold_(hold) {}

  void send(HttpRequest request, std::function<void(HttpResult)> done, std::chrono::milliseconds) override {
    HttpResult result;
    {
      std::lock_guard lock(mutex_);
      ++sent_;
      last_ = std::move(request);
      result = script_[std::min(next_++, script_.size() - 1)];
      if (hold_) return held_.push_back([done = std::move(done), result] { done(result); });
    }
    done(std::move(result));
  }
  void release_one() {
    std::function<void()> answer;
    {
      std::lock_guard lock(mutex_);
      answer = std::move(held_.front());
      held_.pop_front();
    }
    answer();
  }
  HttpRequest last() const {
    std::lock_guard lock(mutex_);
    return last_;
  }
  int sent() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(sent_);
  }

 private:
  mutable std::mutex mutex_;
  std::vector<HttpResult> script_;
  bool hold_;
  std::size_t next_ = 0, sent_ = 0;
  std::deque<std::function<void()>> held_;
  HttpRequest last_;
};

}  // namespace prepbot::coach::llm
