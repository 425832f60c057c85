// OpenAI-compatible /chat/completions: Bearer key (optional for local servers),
// response_format json_schema, falling back to json_object mode for servers
// that reject schemas.
#include <atomic>

#include <fmt/format.h>

#include "coach/llm/provider.hpp"

namespace prepbot::coach::llm {
namespace {

using json = nlohmann::json;

class OpenAi final : public Provider {
 public:
  explicit OpenAi(ProviderConfig config) : config_(std::move(config)) {}
  const char* name() const override { return "openai"; }
  const std::string& model() const override { return config_.model; }

  // GET /models lists what the server serves; a server without the route (404) cannot say.
  HttpRequest model_request() const override {
    HttpRequest request;
    request.url = config_.base() + "/models";
    if (!config_.api_key.empty()) request.headers.push_back("Authorization: Bearer " + config_.api_key.reveal());
    request.get = true;
    return request;
  }

  ModelCheck parse_model(const HttpResult& result) const override {
    if (result.status != 200) return ModelCheck::unchecked;
    const json body = json::parse(result.body, nullptr, false);
    if (!body.is_object() || !body.contains("data") || !body["data"].is_array()) return ModelCheck::unchecked;
    for (const auto& entry : body["data"]) {
      const std::string id = entry.is_object() ? entry.value("id", "") : "";
      if (id == config_.model || id == config_.model + ":latest") return ModelCheck::available;  // Ollama tags its default
    }
    return ModelCheck::missing;
  }

  HttpRequest build(const Prompt& prompt) const override {
    HttpRequest request;
    request.url = config_.base() + "/chat/completions";
    request.headers = {"Content-Type: application/json"};
    if (!config_.api_key.empty()) request.headers.push_back("Authorization: Bearer " + config_.api_key.reveal());
    json format = {{"type", "json_object"}};
    if (schemas_supported_.load())
      format = {{"type", "json_schema"}, {"json_schema", {{"name", prompt.schema_name}, {"schema", prompt.schema}}}};
    const json body = {{"model", config_.model},
                       {"temperature", 0},
                       {"max_tokens", prompt.max_tokens},
                       {"stream", false},
                       {"messages",
                        {{{"role", "system"}, {"content", prompt.system + "\nReply with one JSON object only."}},
                         {{"role", "user"}, {"content", prompt.user}}}},
                       {"response_format", format}};
    request.body = body.dump();
    return request;
  }

  Reply parse(const HttpResult& result) const override {
    if (result.status != 200) return classify_error(result);
    const json body = json::parse(result.body, nullptr, false);
    if (!body.is_object() || !body.contains("choices") || !body["choices"].is_array() || body["choices"].empty())
      return {Failure::retryable, "", {}, "unreadable reply"};
    const json& choice = body["choices"][0];
    const std::string finish = choice.value("finish_reason", "");
    if (finish == "length") return {Failure::truncated, "", {}, "reply truncated at the token limit"};
    if (finish == "content_filter") return {Failure::blocked, "", {}, "content filter"};
    const json message = choice.value("message", json::object());
    if (message.contains("refusal") && message["refusal"].is_string()) return {Failure::blocked, "", {}, "refusal"};
    if (!message.contains("content") || !message["content"].is_string() || message["content"].get<std::string>().empty())
      return {Failure::retryable, "", {}, "empty reply"};
    return {Failure::none, message["content"].get<std::string>(), {}, ""};
  }

 private:
  Reply classify_error(const HttpResult& result) const {
    std::string message;
    Reply reply = openai_error(result, &message);
    if (result.status == 400 && message.find("response_format") != std::string::npos && schemas_supported_.exchange(false))
      return {Failure::retryable, "", {}, "server has no json_schema support; using JSON mode"};
    return reply;
  }

  ProviderConfig config_;
  mutable std::atomic<bool> schemas_supported_{true};
};

}  // namespace

Reply openai_error(const HttpResult& result, std::string* message_out) {
  if (result.status == 0)
    return {Failure::retryable, "", {}, result.failure == HttpFailure::timeout ? "timeout" : "no connection"};
  const json body = json::parse(result.body, nullptr, false);
  std::string code, message;
  if (body.is_object() && body.contains("error")) {
    const json& error = body["error"];
    if (error.is_object()) {
      code = error.contains("code") && error["code"].is_string() ? error["code"].get<std::string>() : "";
      message = error.value("message", "");
    } else if (error.is_string()) {
      message = error.get<std::string>();
    }
  }
  if (message_out) *message_out = message;
  std::chrono::milliseconds retry_after{0};
  if (const auto it = result.headers.find("retry-after-ms"); it != result.headers.end())
    retry_after = parse_duration(it->second + "ms");
  else if (const auto it2 = result.headers.find("retry-after"); it2 != result.headers.end())
    retry_after = parse_duration(it2->second + "s");
  const std::string reason = code.empty() ? fmt::format("HTTP {}", result.status) : fmt::format("HTTP {} {}", result.status, code);
  if (result.status == 429) return {code == "insufficient_quota" ? Failure::fatal : Failure::retryable, "", retry_after, reason};
  if (result.status >= 500) return {Failure::retryable, "", retry_after, reason};
  return {Failure::fatal, "", {}, reason};
}

std::unique_ptr<Provider> make_openai(ProviderConfig config) { return std::make_unique<OpenAi>(std::move(config)); }

}  // namespace prepbot::coach::llm
