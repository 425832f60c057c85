#include "speech/transcriber.hpp"

#include <gtest/gtest.h>

#include <future>

#include <nlohmann/json.hpp>

#include "coach/llm/scripted_transport.hpp"

namespace prepbot::speech {
namespace {

using coach::llm::HttpFailure;
using coach::llm::HttpResult;
using coach::llm::ScriptedTransport;

HttpResult heard(const std::string& text) { return {200, HttpFailure::none, nlohmann::json{{"text", text}}.dump(), {}}; }
HttpResult failed(long status) {
  return {status, HttpFailure::none, R"({"error":{"message":"scripted","code":"scripted"}})", {}};
}

class TranscriberTest : public ::testing::Test {
 protected:
  std::unique_ptr<Transcriber> transcriber(ScriptedTransport& transport) {
    TranscriberConfig config{util::Secret("sk-secret-key"), "whisper-1", "http://stt.invalid/v1/", {}};
    return make_openai_transcriber(std::move(config), transport, workers_, nullptr);
  }
  // The transcript, or the TranscriptionUnavailable message prefixed with "unavailable: ".
  static std::string transcribe(Transcriber& transcriber) {
    std::promise<std::string> promise;
    transcriber.transcribe("RIFF-audio-bytes", "audio/wav", [&](util::Result<std::string> result) {
      try {
        promise.set_value(result.get());
      } catch (const TranscriptionUnavailable& unavailable) {
        promise.set_value(std::string("unavailable: ") + unavailable.what());
      }
    });
    return promise.get_future().get();
  }
  util::WorkerPool workers_{2};
};

TEST(TranscriptionForm, HoldsTheFileTheModelAndTheJsonFormatAsMultipartParts) {
  const std::string form = transcription_form("B0UND", "\x01\x02wav", "audio/wav", "whisper-1");
  EXPECT_EQ(form,
            "--B0UND\r\nContent-Disposition: form-data; name=\"file\"; filename=\"answer.wav\"\r\nContent-Type: audio/wav\r\n\r\n"
            "\x01\x02wav\r\n"
            "--B0UND\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
            "--B0UND\r\nContent-Disposition: form-data; name=\"response_format\"\r\n\r\njson\r\n"
            "--B0UND--\r\n");
  EXPECT_NE(transcription_form("b", "x", "audio/flac", "m").find("filename=\"answer.flac\""), std::string::npos);
  EXPECT_NE(transcription_form("b", "x", "audio/ogg; codecs=opus", "m").find("filename=\"answer.ogg\""), std::string::npos);
}

TEST_F(TranscriberTest, SendsTheRecordingToTheTranscriptionRouteWithTheKeyInTheHeaderOnly) {
  ScriptedTransport transport({heard("I led the migration.")});
  const auto stt = transcriber(transport);
  EXPECT_EQ(transcribe(*stt), "I led the migration.");
  const auto request = transport.last();
  EXPECT_EQ(request.url, "http://stt.invalid/v1/audio/transcriptions");
  EXPECT_NE(request.body.find("RIFF-audio-bytes"), std::string::npos);
  EXPECT_EQ(request.body.find("sk-secret-key"), std::string::npos);
  EXPECT_EQ(request.purpose.find("sk-secret-key"), std::string::npos);
  bool keyed = false, multipart = false;
  for (const auto& header : request.headers) {
    keyed |= header == "Authorization: Bearer sk-secret-key";
    multipart |= header.rfind("Content-Type: multipart/form-data; boundary=prepbot-", 0) == 0;
  }
  EXPECT_TRUE(keyed);
  EXPECT_TRUE(multipart);
}

TEST_F(TranscriberTest, AnOverloadedServerIsTriedAgain) {
  ScriptedTransport transport({failed(503), heard("second time lucky")});
  const auto stt = transcriber(transport);
  EXPECT_EQ(transcribe(*stt), "second time lucky");
  EXPECT_EQ(transport.sent(), 2);
}

TEST_F(TranscriberTest, FailuresArePlainReasonsAndABadKeyIsNotRetried) {
  ScriptedTransport refused({failed(401)});
  EXPECT_EQ(transcribe(*transcriber(refused)), "unavailable: the transcription server refused PrepBot's API key");
  EXPECT_EQ(refused.sent(), 1);

  ScriptedTransport unreachable({HttpResult{0, HttpFailure::connect, "", {}}});
  EXPECT_EQ(transcribe(*transcriber(unreachable)), "unavailable: the transcription server could not be reached");
  EXPECT_EQ(unreachable.sent(), 3);  // the first try and two retries

  ScriptedTransport garbage({HttpResult{200, HttpFailure::none, "<html>surprise</html>", {}}});
  EXPECT_EQ(transcribe(*transcriber(garbage)),
            "unavailable: the transcription server failed (the reply was not a transcription)");
}

}  // namespace
}  // namespace prepbot::speech
