// Gemini's generateContent: key in x-goog-api-key, JSON constrained by responseJsonSchema.
#include <fmt/format.h>

#include "coach/llm/provider.hpp"

namespace prepbot::coach::llm {
namespace {

using json = nlohmann::json;

class Gemini final : public Provider {
 public:
  explicit Gemini(ProviderConfig config) : config_(std::move(config)) {}
  const char* name() const override { return "gemini"; }
  const std::string& model() const override { return config_.model; }

  // models.get: 200 with the model, or 404 NOT_FOUND in Gemini's error shape.
  HttpRequest model_request() const override {
    HttpRequest request;
    request.url = fmt::format("{}/v1beta/models/{}", config_.base(), config_.model);
    request.headers = {"x-goog-api-key: " + config_.api_key.reveal()};
    request.get = true;
    return request;
  }

  ModelCheck parse_model(const HttpResult& result) const override {
    if (result.status == 200) return ModelCheck::available;
    const json body = json::parse(result.body, nullptr, false);
    const bool gemini_not_found = result.status == 404 && body.is_object() && body.contains("error") &&
                                  body["error"].is_object() && body["error"].value("status", "") == "NOT_FOUND";
    return gemini_not_found ? ModelCheck::missing : ModelCheck::unchecked;
  }

  HttpRequest build(const Prompt& prompt) const override {
    HttpRequest request;
    request.url = fmt::format("{}/v1beta/models/{}:generateContent", config_.base(), config_.model);
    request.headers = {"Content-Type: application/json", "x-goog-api-key: " + config_.api_key.reveal()};
    const json body = {
        {"systemInstruction", {{"parts", {{{"text", prompt.system}}}}}},
        {"contents", {{{"role", "user"}, {"parts", {{{"text", prompt.user}}}}}}},
        {"generationConfig",
         {{"temperature", 0.2},
          {"maxOutputTokens", prompt.max_tokens},
          {"responseMimeType", "application/json"},
          {"responseJsonSchema", prompt.schema}}}};
    request.body = body.dump();
    return request;
  }

  Reply parse(const HttpResult& result) const override {
    if (result.status == 0)
      return {Failure::retryable, "", {}, result.failure == HttpFailure::timeout ? "timeout" : "no connection"};
    const json body = json::parse(result.body, nullptr, false);
    if (result.status != 200) return classify_error(result.status, body);
    if (!body.is_object()) return {Failure::retryable, "", {}, "unreadable reply"};
    if (!body.contains("candidates") || !body["candidates"].is_array() || body["candidates"].empty()) {
      if (body.contains("promptFeedback")) return {Failure::blocked, "", {}, "prompt blocked"};
      return {Failure::retryable, "", {}, "no candidates"};
    }
    const json& candidate = body["candidates"][0];
    const std::string finish = candidate.value("finishReason", "");
    if (finish == "MAX_TOKENS") return {Failure::truncated, "", {}, "reply truncated at the token limit"};
    if (finish != "STOP" && !finish.empty()) return {Failure::blocked, "", {}, "finish reason " + finish};
    std::string text;
    if (candidate.contains("content") && candidate["content"].contains("parts"))
      for (const auto& part : candidate["content"]["parts"])
        if (part.is_object() && part.contains("text") && part["text"].is_string() && !part.value("thought", false))
          text += part["text"].get<std::string>();
    if (text.empty()) return {Failure::retryable, "", {}, "empty reply"};
    return {Failure::none, std::move(text), {}, ""};
  }

 private:
  static Reply classify_error(long status, const json& body) {
    std::string state, message;
    std::chrono::milliseconds retry_after{0};
    bool per_day_quota = false;
    if (body.is_object() && body.contains("error") && body["error"].is_object()) {
      const json& error = body["error"];
      state = error.value("status", "");
      message = error.value("message", "");
      if (error.contains("details") && error["details"].is_array())
        for (const auto& detail : error["details"]) {
          if (!detail.is_object()) continue;
          if (detail.contains("retryDelay") && detail["retryDelay"].is_string())
            retry_after = parse_duration(detail["retryDelay"].get<std::string>());
          if (detail.contains("violations") && detail["violations"].dump().find("PerDay") != std::string::npos)
            per_day_quota = true;
        }
    }
    const std::string reason = fmt::format("HTTP {} {}", status, state);
    if (status == 429) return {per_day_quota ? Failure::fatal : Failure::retryable, "", retry_after, reason};
    if (status >= 500) return {Failure::retryable, "", retry_after, reason};
    return {Failure::fatal, "", {}, reason};  // 400 (a bad key is 400 here), 401, 403, 404
  }

  ProviderConfig config_;
};

}  // namespace

std::unique_ptr<Provider> make_gemini(ProviderConfig config) { return std::make_unique<Gemini>(std::move(config)); }

std::chrono::milliseconds parse_duration(const std::string& text) {
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    const std::string unit = text.substr(used);
    if (unit == "ms") return std::chrono::milliseconds(static_cast<long long>(value));
    if (unit == "s" || unit.empty()) return std::chrono::milliseconds(static_cast<long long>(value * 1000));
  } catch (const std::exception&) {
  }
  return std::chrono::milliseconds(0);
}

}  // namespace prepbot::coach::llm
