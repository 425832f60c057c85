// Spoken answers through the real binary: recordings synthesized with espeak-ng
// and sox, transcribed by the fake transcription server (support/fake_llm.cpp,
// the real multipart protocol), measured and graded by the server; and every
// bad input: not audio, damaged, silent, too long, too large, the transcription
// server down, failing or hanging. Nothing is stored for any of them.
#include <gtest/gtest.h>

#include <fstream>

#include "support/fake_llm_process.hpp"
#include "support/recordings.hpp"
#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

using nlohmann::json;
using speech::recordings::read_bytes;
using speech::recordings::shell_quoted;
using speech::recordings::Workspace;

const std::string kKey = "sk-stt-SECRET-41d8e2";
const std::string kSpoken =
    "I would put a cache in front of the database. On a miss the service reads the row and stores it with a time to "
    "live. When the row changes I delete the key, so the next read loads the new value.";

// One recording of kSpoken with a 1.5 s pause after its second sentence, as 16 kHz
// mono WAV and as FLAC, each with its transcript beside it for the fake server.
class Recordings {
 public:
  Recordings() {
    // Each clip trimmed of espeak's own silence at its ends, so the pause is the one inserted.
    const auto first = work_.trimmed(work_.speak("first.wav", "I would put a cache in front of the database. On a miss the "
                                                              "service reads the row and stores it with a time to live.", 150),
                                     "first-trimmed.wav", 22050);
    const auto second = work_.trimmed(work_.speak("second.wav", "When the row changes I delete the key, so the next read "
                                                                "loads the new value.", 150),
                                      "second-trimmed.wav", 22050);
    const auto pause = work_.silence("pause.wav", 1.5, 22050);
    wav_ = work_.sox(shell_quoted(first) + " " + shell_quoted(pause) + " " + shell_quoted(second), "answer.wav",
                     "rate 16000", "-b 16 -c 1");
    flac_ = work_.sox(shell_quoted(wav_), "answer.flac");
    silent_ = work_.silence("silent.wav", 3, 16000);
    too_long_ = work_.generate("long.wav", 8000, "trim 0 301");
    for (const auto& file : {wav_, flac_}) std::ofstream(file + ".txt") << kSpoken;
    first_sentence_seconds_ = work_.seconds_of(first);
  }
  std::string dir() const { return work_.path(""); }
  std::string wav() const { return read_bytes(wav_); }
  std::string flac() const { return read_bytes(flac_); }
  std::string silent() const { return read_bytes(silent_); }
  std::string too_long() const { return read_bytes(too_long_); }
  double first_sentence_seconds() const { return first_sentence_seconds_; }

 private:
  Workspace work_;
  std::string wav_, flac_, silent_, too_long_;
  double first_sentence_seconds_ = 0;
};

Recordings& recordings() {
  static Recordings made;
  return made;
}

FakeLlm& fake() {
  static FakeLlm server(kKey, recordings().dir());
  return server;
}

std::vector<std::string> stt_args(const std::string& model) {
  return {"--stt", "openai", "--stt-base-url", fake().url() + "/v1", "--stt-model", model, "--stt-api-key", kKey,
          "--llm-timeout", "3"};
}

std::string start_session(const HttpClient& client) {
  const auto started = client.post("/interview/start", json{{"name", "Ada"}, {"role", "Backend Engineer"},
                                                            {"experience", "1-3 years"}, {"mode", "technical"},
                                                            {"num_questions", 2}, {"follow_ups", false}});
  EXPECT_EQ(started.status, 200) << started.body;
  return started.json()["session_id"];
}

HttpResponse send_audio(const HttpClient& client, const std::string& path, const std::string& audio,
                        const std::string& type = "audio/wav") {
  return client.send("POST", path, audio, {{"Content-Type", type}});
}

int answers_stored(const HttpClient& client, const std::string& id) {
  return static_cast<int>(client.get("/interview/session/" + id).json()["answers"].size());
}

TEST(Voice, ASpokenAnswerIsTranscribedMeasuredGradedAndStored) {
  ServerProcess server("sqlite::memory:", stt_args("stt-ok"));
  const auto client = server.client();
  const std::string id = start_session(client);
  const auto reply = send_audio(client, "/interview/session/" + id + "/answer/audio?question_id=1", recordings().wav());
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = reply.json();
  EXPECT_EQ(body["transcript"], kSpoken);
  EXPECT_EQ(body["question_id"], 1);
  const json delivery = body["delivery"];
  EXPECT_EQ(delivery["words"], 42);
  EXPECT_GT(delivery["words_per_minute"].get<double>(), 100);
  EXPECT_LT(delivery["words_per_minute"].get<double>(), 260);
  ASSERT_EQ(delivery["pauses"].size(), 1u) << delivery.dump();
  EXPECT_NEAR(delivery["pauses"][0]["length_seconds"].get<double>(), 1.5, 0.2);
  EXPECT_NEAR(delivery["pauses"][0]["start_seconds"].get<double>(), recordings().first_sentence_seconds(), 0.2);
  EXPECT_FALSE(delivery["verdicts"]["pace"].get<std::string>().empty());
  EXPECT_NE(body["feedback"].get<std::string>().find("Spoken delivery:"), std::string::npos);
  EXPECT_EQ(body["evidence"]["delivery"], delivery);

  // Stored: the transcript is the answer, delivery in its evidence.
  const json session = client.get("/interview/session/" + id).json();
  ASSERT_EQ(session["answers"].size(), 1u);
  EXPECT_EQ(session["answers"][0]["answer"], kSpoken);
  EXPECT_EQ(session["answers"][0]["evaluation"]["evidence"]["delivery"], delivery);

  // FLAC is heard the same way.
  const auto flac = send_audio(client, "/interview/session/" + id + "/answer/audio?question_id=2", recordings().flac(),
                               "audio/flac");
  ASSERT_EQ(flac.status, 200) << flac.body;
  EXPECT_EQ(flac.json()["transcript"], kSpoken);

  EXPECT_NE(client.get("/metrics").body.find("prepbot_transcriptions_total{outcome=\"ok\"} 2"), std::string::npos);
  EXPECT_EQ(client.get("/interview/coaches").json()["transcriber"], "openai");
  EXPECT_EQ(server.log().find(kKey), std::string::npos) << "the transcription key is never logged";
}

TEST(Voice, TheBrowsersOwnTranscriptNeedsNoTranscriptionServer) {
  ServerProcess server("sqlite::memory:");
  const auto client = server.client();
  EXPECT_TRUE(client.get("/interview/coaches").json()["transcriber"].is_null());
  const std::string id = start_session(client);
  const std::string path = "/interview/session/" + id + "/answer/audio?question_id=1";

  const auto refused = send_audio(client, path, recordings().wav());
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_NE(refused.json()["detail"].get<std::string>().find("no transcription server"), std::string::npos);
  EXPECT_EQ(answers_stored(client, id), 0);

  const auto heard = send_audio(client, path + "&transcript=I%20would%20cache%20the+row%20with%20a%20TTL.", recordings().wav());
  ASSERT_EQ(heard.status, 200) << heard.body;
  EXPECT_EQ(heard.json()["transcript"], "I would cache the row with a TTL.");
  EXPECT_EQ(heard.json()["delivery"]["words"], 8);
  EXPECT_EQ(answers_stored(client, id), 1);
}

TEST(Voice, BadRecordingsAreClearErrorsAndNothingIsStored) {
  ServerProcess server("sqlite::memory:", stt_args("stt-ok"));
  const auto client = server.client();
  const std::string id = start_session(client);
  const std::string path = "/interview/session/" + id + "/answer/audio?question_id=1";
  const std::string wav = recordings().wav();
  const int transcribed_before = fake().requests("stt-ok");
  const auto detail = [](const HttpResponse& response) { return response.json()["detail"].dump(); };

  const auto not_audio = send_audio(client, path, "this is plainly not a recording, just some text");
  EXPECT_EQ(not_audio.status, 422) << not_audio.body;
  const auto cut_short = send_audio(client, path, wav.substr(0, wav.size() / 2));
  EXPECT_EQ(cut_short.status, 422) << cut_short.body;
  EXPECT_NE(detail(cut_short).find("cut short"), std::string::npos) << cut_short.body;
  const auto silent = send_audio(client, path, recordings().silent());
  EXPECT_EQ(silent.status, 422) << silent.body;
  EXPECT_NE(detail(silent).find("no speech"), std::string::npos) << silent.body;
  const auto too_long = send_audio(client, path, recordings().too_long());
  EXPECT_EQ(too_long.status, 413) << too_long.body;
  const auto too_large = send_audio(client, path, std::string(26u << 20, 'x'));
  EXPECT_EQ(too_large.status, 413) << too_large.body;
  EXPECT_EQ(send_audio(client, path, wav, "application/json").status, 415);
  EXPECT_EQ(send_audio(client, path, wav, "text/plain").status, 415);
  EXPECT_EQ(send_audio(client, path, wav, "audio").status, 415);

  // The query: a missing or wrong question, a bad escape.
  const auto no_question = send_audio(client, "/interview/session/" + id + "/answer/audio", wav);
  EXPECT_EQ(no_question.status, 422) << no_question.body;
  EXPECT_EQ(no_question.json()["detail"][0]["loc"], json({"query", "question_id"}));
  EXPECT_EQ(send_audio(client, "/interview/session/" + id + "/answer/audio?question_id=9", wav).status, 400);
  EXPECT_EQ(send_audio(client, path + "&transcript=%ZZ", wav).status, 422);
  EXPECT_EQ(send_audio(client, "/interview/session/nope/answer/audio?question_id=1", wav).status, 404);

  EXPECT_EQ(fake().requests("stt-ok"), transcribed_before) << "no bad recording reached the transcription server";
  EXPECT_EQ(answers_stored(client, id), 0);
  EXPECT_EQ(client.get("/healthz").status, 200);
}

TEST(Voice, ATranscriptionServerThatFailsIs503AndTheAnswerIsNotRecorded) {
  for (const std::string model : {"stt-down", "stt-garbage", "stt-hang"}) {
    ServerProcess server("sqlite::memory:", stt_args(model));
    const auto client = server.client();
    const std::string id = start_session(client);
    const auto reply = send_audio(client, "/interview/session/" + id + "/answer/audio?question_id=1", recordings().wav());
    EXPECT_EQ(reply.status, 503) << model << ": " << reply.body;
    EXPECT_EQ(reply.headers.count("retry-after"), 1u) << model;
    EXPECT_NE(reply.json()["detail"].get<std::string>().find("Transcription is unavailable"), std::string::npos) << reply.body;
    EXPECT_EQ(answers_stored(client, id), 0) << model;
    EXPECT_EQ(server.log().find(kKey), std::string::npos);
  }
}

TEST(Voice, ASpokenAnswerIsGradedOnItsOwnWithoutASession) {
  ServerProcess server("sqlite::memory:", stt_args("stt-ok"));
  const auto client = server.client();
  const auto reply = send_audio(client, "/interview/evaluate/audio?question=How%20would%20you%20cache%20a%20database%20read%3F"
                                        "&mode=technical&experience=junior",
                                recordings().wav());
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["transcript"], kSpoken);
  EXPECT_EQ(reply.json()["delivery"]["pauses"].size(), 1u);
  EXPECT_GE(reply.json()["scores"]["technical"].get<int>(), 1);
  const auto missing = send_audio(client, "/interview/evaluate/audio", recordings().wav());
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["detail"][0]["loc"], json({"query", "question"}));
}

}  // namespace
}  // namespace prepbot::testing
