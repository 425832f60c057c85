#pragma once
// An LLM coach (Gemini or OpenAI-compatible) behind the Coach interface. Every
// call: a structured prompt with the candidate's words delimited as data, sent
// under the GuardedCaller's policy (a total deadline, bounded retries with
// backoff and jitter on 429/5xx honouring the provider's hint and never on a
// bad key or an exhausted quota, a circuit breaker, a cap on concurrent calls). Whatever fails, the offline coach
// answers instead and the result says so (source, evidence.fallback). LLM
// grades are checked against the offline grader's evidence and wild
// disagreement is flagged.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "coach/coach.hpp"
#include "coach/llm/guarded_caller.hpp"
#include "coach/llm/http_client.hpp"
#include "coach/llm/provider.hpp"
#include "coach/offline/offline_coach.hpp"
#include "util/metrics.hpp"
#include "util/worker_pool.hpp"

namespace prepbot::coach::llm {

// The calls' policy (max_concurrent: PREPBOT_LLM_CONCURRENCY), and how long question sets are cached.
struct LlmOptions : CallPolicy {
  std::chrono::minutes cache_ttl{10};  // identical question requests
};

class LlmCoach final : public Coach {
 public:
  LlmCoach(std::unique_ptr<Provider> provider, Transport& http, offline::OfflineCoach& fallback,
           util::WorkerPool& workers, util::Metrics* metrics, LlmOptions options = {});

  void generate_questions(QuestionRequest request, util::Callback<QuestionSet> done) override;
  void evaluate(EvaluationRequest request, util::Callback<model::Evaluation> done) override;
  std::optional<CoachHealth> health() const override;

  // Asks the provider, once and in the background, whether the configured model
  // exists (bounded by the call timeout, at most 10 s); a missing model is logged
  // as a warning and shown by health(), instead of every call failing quietly.
  void check_model();

 private:
  using Clock = std::chrono::steady_clock;

  void call(Prompt prompt, GuardedCaller::Done done);
  void count(const char* operation, const char* outcome, const std::string& reason = "");

  std::unique_ptr<Provider> provider_;
  Transport& http_;
  offline::OfflineCoach& fallback_;
  util::WorkerPool& workers_;
  util::Counter calls_, fallbacks_;
  LlmOptions options_;
  GuardedCaller caller_;

  mutable std::mutex mutex_;
  ModelCheck model_check_ = ModelCheck::checking;
  struct Cached {
    Clock::time_point at;
    QuestionSet set;
  };
  std::map<std::string, Cached> question_cache_;
};

// The prompts, exposed for tests: the candidate's text is delimited and declared as data.
Prompt evaluation_prompt(const EvaluationRequest& request);
Prompt questions_prompt(const QuestionRequest& request, const std::string& family_title);

}  // namespace prepbot::coach::llm
