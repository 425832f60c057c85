#pragma once
// An LLM provider's wire protocol: how a prompt becomes an HTTP request and how
// the HTTP result becomes text or a classified failure. Gemini's generateContent
// (v1beta) and any OpenAI-compatible /chat/completions server (OpenAI, Ollama,
// llama.cpp, vLLM, LM Studio, Groq); tests/support/fake_llm.cpp speaks both.
#include <chrono>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "coach/llm/guarded_caller.hpp"
#include "coach/llm/http_client.hpp"
#include "util/secret.hpp"

namespace prepbot::coach::llm {

struct Prompt {
  std::string system;       // the instructions
  std::string user;         // the task, with the candidate's words delimited as data
  nlohmann::json schema;    // JSON Schema of the reply
  std::string schema_name;  // [A-Za-z0-9_-]
  int max_tokens = 2048;
  std::string purpose;      // what the call is for, in the outbound ledger ("grading an answer")
};

struct ProviderConfig {
  util::Secret api_key;  // goes only into the request's header
  std::string model;
  std::string base_url;

  // The base URL without trailing slashes, ready for a path.
  std::string base() const {
    std::string out = base_url;
    while (!out.empty() && out.back() == '/') out.pop_back();
    return out;
  }
};

// Whether the configured model exists at the provider, asked once at start-up.
enum class ModelCheck {
  checking,   // no answer yet
  available,
  missing,    // the provider says it has no such model (retired, misspelt): every call will fall back
  unchecked,  // no clear answer: the server lacks the route (many local servers), or was unreachable
};

class Provider {
 public:
  virtual ~Provider() = default;
  virtual const char* name() const = 0;
  virtual const std::string& model() const = 0;
  virtual HttpRequest build(const Prompt& prompt) const = 0;
  virtual Reply parse(const HttpResult& result) const = 0;
  // A GET that asks the provider about the configured model, and what its answer says.
  virtual HttpRequest model_request() const = 0;
  virtual ModelCheck parse_model(const HttpResult& result) const = 0;
};

std::unique_ptr<Provider> make_gemini(ProviderConfig config);
std::unique_ptr<Provider> make_openai(ProviderConfig config);

const char* to_string(ModelCheck check);

// An OpenAI-compatible server's failed call (no response, or a status other than
// 200), classified: an exhausted quota and other 4xx are fatal; 429, 5xx and no
// response are worth another try, with the server's hint. `message`, when given,
// gets the server's error message (not safe to log: it may quote the request).
Reply openai_error(const HttpResult& result, std::string* message = nullptr);

// "43.7s", "1.5s", "500ms" → milliseconds; 0 when unreadable.
std::chrono::milliseconds parse_duration(const std::string& text);

}  // namespace prepbot::coach::llm
