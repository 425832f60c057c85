// fake_llm: an LLM server for the tests, on 127.0.0.1, speaking Gemini's
// generateContent and OpenAI's /chat/completions. The model name picks the
// behaviour, so one server serves every test:
//   normal fenced prose truncated out_of_range clamped ratelimited quota error500
//   unavailable badkey safety garbage hang slow-<ms>
// It checks the API key it was started with (x-goog-api-key, or Bearer) and
// counts requests per model at GET /stats. Its catalogue (Gemini's models.get,
// OpenAI's GET /models) holds every model name above except those starting
// with "retired".
//
// It is also an OpenAI-compatible transcription server: POST
// /v1/audio/transcriptions with multipart/form-data (file, model,
// response_format), answering {"text": …}. The model picks the behaviour:
//   stt-ok        the transcript of the upload: with TRANSCRIPTS_DIR given, the
//                 text of FILE.txt for the file FILE there whose bytes equal the
//                 upload, else of default.txt there; else an empty text
//   stt-slow-<ms> the same after a delay;  stt-down 503;  stt-garbage not JSON;
//   stt-hang      never answers
//   fake_llm PORT API_KEY [TRANSCRIPTS_DIR]
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <queue>
#include <regex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>
#include <restinio/all.hpp>

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string api_key;
std::filesystem::path transcripts_dir;
std::mutex stats_mutex;
std::map<std::string, int> requests_by_model;
std::map<std::string, int> seen_bodies;  // for ratelimited: the first attempt of each body fails

struct Delayed {
  Clock::time_point at;
  std::function<void()> send;
  bool operator<(const Delayed& other) const { return at > other.at; }
};
std::mutex delayed_mutex;
std::condition_variable delayed_ready;
std::priority_queue<Delayed> delayed;

void delayed_sender() {
  std::unique_lock lock(delayed_mutex);
  for (;;) {
    if (delayed.empty()) {
      delayed_ready.wait(lock);
      continue;
    }
    // A copy: while this thread waits, a push may move the queue's elements.
    if (const auto next = delayed.top().at; Clock::now() < next) {
      delayed_ready.wait_until(lock, next);
      continue;
    }
    auto job = delayed.top().send;
    delayed.pop();
    lock.unlock();
    job();
    lock.lock();
  }
}

json evaluation_reply(const std::string& mode) {
  double technical = 7, communication = 8, confidence = 6;
  if (mode == "out_of_range") technical = 85, communication = -3, confidence = 11;
  if (mode == "clamped") technical = 10.4, communication = 0.4, confidence = 9;
  return {{"scores", {{"technical", technical}, {"communication", communication}, {"confidence", confidence}}},
          {"feedback", "LLM feedback: you covered the main idea; add a concrete example."},
          {"examples_or_corrections", "LLM example: Situation, Task, Action, Result."},
          {"resources", {"Fake docs — https://docs.example.org/guide"}}};
}

json questions_reply(int count) {
  json questions = json::array();
  for (int i = 1; i <= count; ++i)
    questions.push_back({{"question", "LLM question " + std::to_string(i) + ": how would you design a rate limiter?"},
                         {"type", i % 2 ? "technical" : "behavioral"},
                         {"difficulty", "medium"},
                         {"hint", "Think about where the counters live."}});
  return {{"questions", questions}};
}

// The model's text for `mode`: JSON, fenced, wrapped in prose, or cut short.
std::string model_text(const std::string& mode, bool wants_questions, int count) {
  const std::string payload = (wants_questions ? questions_reply(count) : evaluation_reply(mode)).dump();
  if (mode == "fenced") return "```json\n" + payload + "\n```";
  if (mode == "prose") return "Sure! Here is my assessment:\n" + payload + "\nGood luck with the interview!";
  if (mode == "truncated") return payload.substr(0, payload.size() / 2);
  return payload;
}

struct Answer {
  int status;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

Answer answer_gemini(const std::string& mode, bool wants_questions, int count, bool first_attempt) {
  auto error = [](int code, const char* status, const std::string& message, json details = json::array()) {
    return Answer{code, json{{"error", {{"code", code}, {"message", message}, {"status", status}, {"details", details}}}}.dump(), {}};
  };
  if (mode == "badkey") return error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");
  if (mode == "quota")
    return error(429, "RESOURCE_EXHAUSTED", "Quota exceeded",
                 {{{"@type", "type.googleapis.com/google.rpc.QuotaFailure"}, {"violations", {{{"quotaId", "GenerateRequestsPerDayPerProject"}}}}}});
  if (mode == "ratelimited" && first_attempt)
    return error(429, "RESOURCE_EXHAUSTED", "Please retry in 0.2s.",
                 {{{"@type", "type.googleapis.com/google.rpc.RetryInfo"}, {"retryDelay", "0.2s"}}});
  if (mode == "error500") return error(500, "INTERNAL", "An internal error has occurred.");
  if (mode == "unavailable") return error(503, "UNAVAILABLE", "The model is overloaded.");
  if (mode == "garbage") return {200, "<html>surprise</html>", {}};
  if (mode == "safety") return {200, json{{"promptFeedback", {{"blockReason", "SAFETY"}}}}.dump(), {}};
  const std::string finish = mode == "truncated" ? "MAX_TOKENS" : "STOP";
  const json reply = {{"candidates", {{{"content", {{"role", "model"}, {"parts", {{{"text", model_text(mode, wants_questions, count)}}}}}},
                                        {"finishReason", finish}, {"index", 0}}}},
                      {"modelVersion", mode}};
  return {200, reply.dump(), {}};
}

Answer answer_openai(const std::string& mode, bool wants_questions, int count, bool first_attempt) {
  auto error = [](int code, const std::string& type, const std::string& message) {
    return Answer{code, json{{"error", {{"message", message}, {"type", "invalid_request_error"}, {"code", type}}}}.dump(), {}};
  };
  if (mode == "badkey") return error(401, "invalid_api_key", "Incorrect API key provided.");
  if (mode == "quota") return error(429, "insufficient_quota", "You exceeded your current quota.");
  if (mode == "ratelimited" && first_attempt) {
    Answer limited = error(429, "rate_limit_exceeded", "Rate limit reached.");
    limited.headers.emplace_back("retry-after-ms", "200");
    return limited;
  }
  if (mode == "error500") return error(500, "server_error", "The server had an error.");
  if (mode == "unavailable") return error(503, "overloaded", "The engine is overloaded.");
  if (mode == "garbage") return {200, "<html>surprise</html>", {}};
  const std::string finish = mode == "truncated" ? "length" : mode == "safety" ? "content_filter" : "stop";
  const json reply = {{"id", "chatcmpl-fake"}, {"object", "chat.completion"}, {"model", mode},
                      {"choices", {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", model_text(mode, wants_questions, count)}}},
                                    {"finish_reason", finish}}}}};
  return {200, reply.dump(), {}};
}

bool in_catalogue(const std::string& model) { return model.rfind("retired", 0) != 0; }

// GET /v1beta/models/{model} (Gemini) and GET /v1/models (OpenAI), with the key checked as on calls.
Answer catalogue(const std::string& path, const restinio::http_request_header_t& header) {
  static const std::regex gemini_model("/v1beta/models/([^:/]+)");
  std::smatch match;
  if (std::regex_match(path, match, gemini_model)) {
    const auto key = header.opt_value_of("x-goog-api-key");
    if (!key || *key != api_key) return {400, R"({"error":{"code":400,"status":"INVALID_ARGUMENT","message":"API key not valid."}})", {}};
    const std::string model = match[1];
    if (!in_catalogue(model))
      return {404, json{{"error", {{"code", 404}, {"status", "NOT_FOUND"}, {"message", "models/" + model + " is not found"}}}}.dump(), {}};
    return {200, json{{"name", "models/" + model}, {"displayName", model}}.dump(), {}};
  }
  if (path == "/v1/models") {
    const auto auth = header.opt_value_of("Authorization");
    if (!auth || *auth != "Bearer " + api_key) return {401, R"({"error":{"code":"invalid_api_key"}})", {}};
    json data = json::array();
    for (const char* model : {"normal", "fenced", "prose", "truncated", "out_of_range", "clamped", "ratelimited", "quota",
                              "error500", "unavailable", "badkey", "safety", "garbage", "hang", "slow-2000"})
      data.push_back({{"id", model}, {"object", "model"}});
    return {200, json{{"object", "list"}, {"data", data}}.dump(), {}};
  }
  return {404, R"({"error":"not found"})", {}};
}

// Sends now, or after `delay_ms` from the delayed sender's thread.
void send_after(int delay_ms, std::function<void()> send) {
  if (delay_ms == 0) return send();
  std::lock_guard lock(delayed_mutex);
  delayed.push({Clock::now() + std::chrono::milliseconds(delay_ms), std::move(send)});
  delayed_ready.notify_one();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The parts of a multipart/form-data body, by field name.
std::map<std::string, std::string> form_parts(const std::string& body, const std::string& content_type) {
  std::map<std::string, std::string> parts;
  const auto at = content_type.find("boundary=");
  if (at == std::string::npos) return parts;
  const std::string delimiter = "--" + content_type.substr(at + 9);
  std::size_t start = body.find(delimiter);
  while (start != std::string::npos) {
    start += delimiter.size();
    if (body.compare(start, 2, "--") == 0) break;
    const auto head_end = body.find("\r\n\r\n", start);
    const auto next = body.find("\r\n" + delimiter, start);
    if (head_end == std::string::npos || next == std::string::npos || head_end > next) break;
    const std::string head = body.substr(start, head_end - start);
    std::smatch name;
    if (std::regex_search(head, name, std::regex("name=\"([^\"]*)\""))) parts[name[1]] = body.substr(head_end + 4, next - head_end - 4);
    start = next + 2;
  }
  return parts;
}

std::string transcript_of(const std::string& audio) {
  if (transcripts_dir.empty()) return "";
  for (const auto& entry : std::filesystem::directory_iterator(transcripts_dir)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".txt") continue;
    if (entry.file_size() == audio.size() && read_file(entry.path()) == audio)
      return read_file(entry.path().string() + ".txt");
  }
  return read_file(transcripts_dir / "default.txt");
}

// POST /v1/audio/transcriptions; nullopt: never answer.
std::optional<Answer> transcription(const restinio::request_handle_t& req, int& delay_ms) {
  const auto type = req->header().opt_value_of(restinio::http_field::content_type);
  const auto parts = form_parts(req->body(), type ? std::string(*type) : "");
  const auto auth = req->header().opt_value_of("Authorization");
  const std::string model = parts.count("model") ? parts.at("model") : "";
  {
    std::lock_guard lock(stats_mutex);
    ++requests_by_model[model];
  }
  if (!auth || *auth != "Bearer " + api_key)
    return Answer{401, R"({"error":{"message":"Incorrect API key provided.","code":"invalid_api_key"}})", {}};
  if (!parts.count("file") || model.empty())
    return Answer{400, R"({"error":{"message":"file and model are required","code":"invalid_request"}})", {}};
  if (model == "stt-hang") return std::nullopt;
  if (model == "stt-down") return Answer{503, R"({"error":{"message":"The server is overloaded.","code":"overloaded"}})", {}};
  if (model == "stt-garbage") return Answer{200, "<html>surprise</html>", {}};
  if (model.rfind("stt-slow-", 0) == 0) delay_ms = std::stoi(model.substr(9));
  return Answer{200, json{{"text", transcript_of(parts.at("file"))}}.dump(), {}};
}

restinio::request_handling_status_t handle(const restinio::request_handle_t& req) {
  const std::string path(req->header().path());
  auto respond = [req](const Answer& answer) {
    auto response = req->create_response(restinio::http_status_line_t(
        restinio::http_status_code_t(static_cast<std::uint16_t>(answer.status)), "Fake"));
    response.append_header(restinio::http_field::content_type, "application/json");
    for (const auto& [name, value] : answer.headers) response.append_header(name, value);
    response.set_body(answer.body);
    response.done();
  };
  if (path == "/stats") {
    std::lock_guard lock(stats_mutex);
    respond({200, json(requests_by_model).dump(), {}});
    return restinio::request_accepted();
  }
  if (req->header().method() == restinio::http_method_get()) {
    respond(catalogue(path, req->header()));
    return restinio::request_accepted();
  }
  if (path == "/v1/audio/transcriptions") {
    int delay_ms = 0;
    const auto answer = transcription(req, delay_ms);
    if (!answer) return restinio::request_accepted();  // never answers
    send_after(delay_ms, [respond, answer = *answer] { respond(answer); });
    return restinio::request_accepted();
  }
  const json body = json::parse(req->body(), nullptr, false);
  std::string model;
  bool gemini = false;
  static const std::regex gemini_path("/v1beta/models/([^:/]+):generateContent");
  std::smatch match;
  if (std::regex_match(path, match, gemini_path)) {
    gemini = true;
    model = match[1];
    const auto key = req->header().opt_value_of("x-goog-api-key");
    if (!key || *key != api_key) model = "badkey";
  } else if (path == "/v1/chat/completions" && body.is_object()) {
    model = body.value("model", "");
    const auto auth = req->header().opt_value_of("Authorization");
    if (!auth || *auth != "Bearer " + api_key) model = "badkey";
  } else {
    respond({404, R"({"error":"not found"})", {}});
    return restinio::request_accepted();
  }
  const std::string text = req->body();
  const bool wants_questions = text.find("interview_questions") != std::string::npos || text.find("\"questions\"") != std::string::npos;
  int count = 5;
  if (std::smatch n; std::regex_search(text, n, std::regex("Number of questions: ([0-9]+)"))) count = std::stoi(n[1]);
  bool first_attempt = false;
  {
    std::lock_guard lock(stats_mutex);
    ++requests_by_model[model];
    first_attempt = seen_bodies[path + " " + model + " " + text]++ == 0;
  }
  if (model == "hang") return restinio::request_accepted();  // never answers
  int delay_ms = 0;
  std::string mode = model;
  if (model.rfind("slow-", 0) == 0) delay_ms = std::stoi(model.substr(5)), mode = "normal";
  Answer answer = gemini ? answer_gemini(mode, wants_questions, count, first_attempt)
                         : answer_openai(mode, wants_questions, count, first_attempt);
  send_after(delay_ms, [respond, answer] { respond(answer); });
  return restinio::request_accepted();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: fake_llm PORT API_KEY [TRANSCRIPTS_DIR]\n");
    return 2;
  }
  api_key = argv[2];
  if (argc == 4) transcripts_dir = argv[3];
  std::thread(delayed_sender).detach();
  using Traits = restinio::default_traits_t;
  restinio::run(restinio::on_thread_pool<Traits>(2)
                    .port(static_cast<std::uint16_t>(std::stoi(argv[1])))
                    .address("127.0.0.1")
                    .max_pipelined_requests(4)
                    .handle_request_timeout(std::chrono::seconds(120))
                    .request_handler(handle));
  return 0;
}
