#pragma once
// Speech to text for spoken answers, from a transcription server the operator
// chooses: any OpenAI-compatible `POST /audio/transcriptions` (OpenAI, Groq, a
// local faster-whisper or whisper.cpp server). Calls go through the same
// GuardedCaller policy as the LLM coaches (deadline, retries, breaker, cap) and
// are counted in prepbot_transcriptions_total{outcome}. The key stays in the
// request's header: never logged, stored or returned.
#include <memory>
#include <stdexcept>
#include <string>

#include "coach/llm/guarded_caller.hpp"
#include "coach/llm/http_client.hpp"
#include "util/metrics.hpp"
#include "util/result.hpp"
#include "util/secret.hpp"
#include "util/worker_pool.hpp"

namespace prepbot::speech {

// The transcription server is unreachable, refused or failed; `what()` says why
// in plain words, safe to show (503: the answer is not recorded).
struct TranscriptionUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct TranscriberConfig {
  util::Secret api_key;  // optional for local servers
  std::string model = "whisper-1";
  std::string base_url = "https://api.openai.com/v1";
  coach::llm::CallPolicy policy;
};

class Transcriber {
 public:
  virtual ~Transcriber() = default;
  virtual const char* name() const = 0;
  // The words spoken in `audio` (of `media_type`), or TranscriptionUnavailable through `done`.
  virtual void transcribe(std::string audio, std::string media_type, util::Callback<std::string> done) = 0;
};

std::unique_ptr<Transcriber> make_openai_transcriber(TranscriberConfig config, coach::llm::Transport& http,
                                                     util::WorkerPool& workers, util::Metrics* metrics);

// The multipart/form-data body of a transcription request, exposed for tests.
std::string transcription_form(const std::string& boundary, const std::string& audio, const std::string& media_type,
                               const std::string& model);

}  // namespace prepbot::speech
