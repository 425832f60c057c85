#include "coach/llm/guarded_caller.hpp"

#include <algorithm>
#include <random>

namespace prepbot::coach::llm {

namespace {

std::chrono::milliseconds backoff(int attempt) {
  thread_local std::mt19937 random{std::random_device{}()};
  const double base = 500.0 * (1 << std::min(attempt, 6));
  std::uniform_real_distribution<double> jitter(0.75, 1.25);
  return std::chrono::milliseconds(static_cast<long long>(base * jitter(random)));
}

}  // namespace

struct GuardedCaller::Call {
  Build build;
  Parse parse;
  Done done;
  Clock::time_point deadline;
  int attempts = 0;
};

GuardedCaller::GuardedCaller(Transport& http, util::WorkerPool& workers, CallPolicy policy)
    : http_(http), workers_(workers), policy_(policy) {}

bool GuardedCaller::circuit_open() {
  std::lock_guard lock(mutex_);
  return Clock::now() < open_until_;
}

void GuardedCaller::record(bool success) {
  std::lock_guard lock(mutex_);
  if (success) {
    consecutive_failures_ = 0;
    return;
  }
  if (++consecutive_failures_ >= policy_.breaker_threshold) {
    open_until_ = Clock::now() + policy_.breaker_cooldown;
    consecutive_failures_ = 0;  // after the cooldown one call tries again
  }
}

void GuardedCaller::call(Build build, Parse parse, Done done) {
  if (circuit_open()) {
    workers_.post([done = std::move(done)] { done(std::nullopt, "circuit open"); });
    return;
  }
  auto pending = std::make_shared<Call>(
      Call{std::move(build), std::move(parse), std::move(done), Clock::now() + policy_.timeout, 0});
  {
    std::lock_guard lock(mutex_);
    if (in_flight_ >= policy_.max_concurrent) {
      waiting_.push_back(std::move(pending));
      return;
    }
    ++in_flight_;
  }
  start(std::move(pending));
}

void GuardedCaller::start(std::shared_ptr<Call> pending) {
  if (Clock::now() >= pending->deadline) return finish(pending, std::nullopt, "timed out waiting for a free slot");
  attempt(std::move(pending), std::chrono::milliseconds(0));
}

void GuardedCaller::attempt(std::shared_ptr<Call> pending, std::chrono::milliseconds delay) {
  HttpRequest request = pending->build();
  const auto remaining =
      std::chrono::duration_cast<std::chrono::milliseconds>(pending->deadline - Clock::now()) - delay;
  request.total_timeout = std::max(std::chrono::milliseconds(1), remaining);
  request.connect_timeout = std::min(request.connect_timeout, request.total_timeout);
  ++pending->attempts;
  http_.send(std::move(request), [this, pending](HttpResult result) {
    Reply reply = pending->parse(result);
    if (reply.failure == Failure::none) return finish(pending, std::move(reply.text), "");
    if (reply.failure == Failure::retryable && pending->attempts <= policy_.max_retries) {
      const auto wait = std::max(reply.retry_after, backoff(pending->attempts - 1));
      if (Clock::now() + wait + std::chrono::milliseconds(100) < pending->deadline) return attempt(pending, wait);
    }
    finish(pending, std::nullopt, reply.reason);
  }, delay);
}

void GuardedCaller::finish(const std::shared_ptr<Call>& pending, std::optional<std::string> text, std::string reason) {
  record(text.has_value());
  std::shared_ptr<Call> next;
  {
    std::lock_guard lock(mutex_);
    if (!waiting_.empty()) {
      next = std::move(waiting_.front());
      waiting_.pop_front();
    } else {
      --in_flight_;
    }
  }
  workers_.post([pending, text = std::move(text), reason = std::move(reason)]() mutable {
    pending->done(std::move(text), std::move(reason));
  });
  if (next) start(std::move(next));
}

}  // namespace prepbot::coach::llm
