#include "speech/transcriber.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "coach/llm/provider.hpp"
#include "util/log.hpp"
#include "util/random.hpp"

namespace prepbot::speech {

using coach::llm::Failure;
using coach::llm::HttpRequest;
using coach::llm::HttpResult;
using coach::llm::Reply;

namespace {

// The file name tells the server the format, as OpenAI's reference clients do.
std::string file_name(const std::string& media_type) {
  if (media_type.find("flac") != std::string::npos) return "answer.flac";
  if (media_type.find("ogg") != std::string::npos) return "answer.ogg";
  return "answer.wav";
}

// What the server's failure means to the candidate, in plain words.
std::string plain_reason(const std::string& reason) {
  if (reason == "circuit open") return "the transcription server failed several times in a row; try again in a minute";
  if (reason == "timeout" || reason.find("timed out") != std::string::npos)
    return "the transcription server did not answer in time";
  if (reason == "no connection") return "the transcription server could not be reached";
  if (reason.rfind("HTTP 401", 0) == 0 || reason.rfind("HTTP 403", 0) == 0)
    return "the transcription server refused PrepBot's API key";
  if (reason.rfind("HTTP 429", 0) == 0) return "the transcription server is busy or out of quota";
  return "the transcription server failed (" + reason + ")";
}

class OpenAiTranscriber final : public Transcriber {
 public:
  OpenAiTranscriber(TranscriberConfig config, coach::llm::Transport& http, util::WorkerPool& workers,
                    util::Metrics* metrics)
      : config_(std::move(config)),
        caller_(http, workers, config_.policy),
        calls_(metrics ? metrics->counter("prepbot_transcriptions_total", "Transcription calls by outcome.")
                       : util::Counter{}) {
    while (!config_.base_url.empty() && config_.base_url.back() == '/') config_.base_url.pop_back();
  }

  const char* name() const override { return "openai"; }

  void transcribe(std::string audio, std::string media_type, util::Callback<std::string> done) override {
    const std::string boundary = "prepbot-" + util::random_uuid();
    auto body = std::make_shared<const std::string>(transcription_form(boundary, audio, media_type, config_.model));
    caller_.call(
        [this, body, boundary] {
          HttpRequest request;
          request.url = config_.base_url + "/audio/transcriptions";
          request.headers = {"Content-Type: multipart/form-data; boundary=" + boundary, "Accept: application/json"};
          if (!config_.api_key.empty()) request.headers.push_back("Authorization: Bearer " + config_.api_key.reveal());
          request.body = *body;
          request.purpose = "transcription: a spoken answer";
          return request;
        },
        [](const HttpResult& result) { return parse(result); },
        [this, done = std::move(done)](std::optional<std::string> text, std::string reason) {
          calls_.add(fmt::format("outcome=\"{}\"", text ? "ok" : "failed"));
          util::complete(done, [&]() -> std::string {
            if (!text) {
              util::log::warn("transcription failed", {{"reason", reason}});
              throw TranscriptionUnavailable(plain_reason(reason));
            }
            return std::move(*text);
          });
        });
  }

 private:
  // {"text": "..."} (response_format json); a reply without it is not a transcription.
  static Reply parse(const HttpResult& result) {
    if (result.status != 200) return coach::llm::openai_error(result);
    const auto body = nlohmann::json::parse(result.body, nullptr, false);
    if (!body.is_object() || !body.contains("text") || !body["text"].is_string())
      return {Failure::fatal, "", {}, "the reply was not a transcription"};
    return {Failure::none, body["text"].get<std::string>(), {}, ""};
  }

  TranscriberConfig config_;
  coach::llm::GuardedCaller caller_;
  util::Counter calls_;
};

}  // namespace

std::string transcription_form(const std::string& boundary, const std::string& audio, const std::string& media_type,
                               const std::string& model) {
  std::string body;
  body.reserve(audio.size() + 512);
  const auto field = [&](const char* name, const std::string& value) {
    body += fmt::format("--{}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{}\r\n", boundary, name, value);
  };
  body += fmt::format("--{}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                      boundary, file_name(media_type), media_type);
  body += audio;
  body += "\r\n";
  field("model", model);
  field("response_format", "json");
  body += fmt::format("--{}--\r\n", boundary);
  return body;
}

std::unique_ptr<Transcriber> make_openai_transcriber(TranscriberConfig config, coach::llm::Transport& http,
                                                     util::WorkerPool& workers, util::Metrics* metrics) {
  return std::make_unique<OpenAiTranscriber>(std::move(config), http, workers, metrics);
}

}  // namespace prepbot::speech
