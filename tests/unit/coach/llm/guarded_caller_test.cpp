#include "coach/llm/guarded_caller.hpp"

#include <gtest/gtest.h>

#include <future>

#include "coach/llm/scripted_transport.hpp"

namespace prepbot::coach::llm {
namespace {

HttpResult status(long code) { return {code, HttpFailure::none, "body " + std::to_string(code), {}}; }

// 200 is the text; 503 is worth another try; anything else is fatal.
Reply by_status(const HttpResult& result) {
  if (result.status == 200) return {Failure::none, result.body, {}, ""};
  return {result.status == 503 ? Failure::retryable : Failure::fatal, "", {}, "HTTP " + std::to_string(result.status)};
}

// The text, or "failed: " and the reason.
std::string call(GuardedCaller& caller) {
  std::promise<std::string> promise;
  caller.call([] { return HttpRequest{}; }, by_status, [&](std::optional<std::string> text, std::string reason) {
    promise.set_value(text ? *text : "failed: " + reason);
  });
  return promise.get_future().get();
}

TEST(GuardedCaller, RetriesWhatIsWorthRetryingWithinItsBound) {
  util::WorkerPool workers(1);
  ScriptedTransport flaky({status(503), status(200)});
  GuardedCaller caller(flaky, workers, {});
  EXPECT_EQ(call(caller), "body 200");
  EXPECT_EQ(flaky.sent(), 2);

  ScriptedTransport down({status(503)});
  GuardedCaller bounded(down, workers, {});
  EXPECT_EQ(call(bounded), "failed: HTTP 503");
  EXPECT_EQ(down.sent(), 3) << "the first try and max_retries (2) more";

  ScriptedTransport refused({status(401)});
  GuardedCaller fatal(refused, workers, {});
  EXPECT_EQ(call(fatal), "failed: HTTP 401");
  EXPECT_EQ(refused.sent(), 1) << "a fatal failure is not retried";
}

TEST(GuardedCaller, TheCircuitOpensAfterConsecutiveFailuresAndSendsNothingWhileOpen) {
  util::WorkerPool workers(1);
  ScriptedTransport refused({status(401)});
  CallPolicy policy;
  policy.breaker_threshold = 2;
  policy.breaker_cooldown = std::chrono::hours(1);
  GuardedCaller caller(refused, workers, policy);
  EXPECT_EQ(call(caller), "failed: HTTP 401");
  EXPECT_EQ(call(caller), "failed: HTTP 401");
  EXPECT_EQ(call(caller), "failed: circuit open");
  EXPECT_EQ(refused.sent(), 2);
}

}  // namespace
}  // namespace prepbot::coach::llm
