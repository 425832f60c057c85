// llm_load: N concurrent stateless evaluations against a PrepBot whose LLM coach
// (or, given a recording, whose transcription server) answers slowly, while another thread polls /healthz every 10 ms over a kept-alive
// connection, as a monitor would. Prints the wall time of the whole batch, how many
// the LLM answered, and /healthz latency percentiles: a slow LLM must hold no
// server thread. The N evaluations run from one libcurl multi loop (one thread),
// so the load generator's own threads do not crowd out the prober.
//
//   llm_load BASE_URL CONCURRENT            typed answers, graded by the LLM coach
//   llm_load BASE_URL CONCURRENT FILE.wav   spoken answers (POST /interview/evaluate/audio)
//   LLM_LOAD_FRESH_PROBES=1 llm_load …   # a new connection for every probe
#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace {

using Clock = std::chrono::steady_clock;

size_t collect(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// One request's easy handle and what it received.
struct Transfer {
  CURL* curl = curl_easy_init();
  std::string out;
  ~Transfer() { curl_easy_cleanup(curl); }

  void prepare(const std::string& url, const std::string* body, curl_slist* headers) {
    out.clear();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    if (body) {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->data());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 30'000L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out);
  }
  long status() const {
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    return code;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: llm_load BASE_URL CONCURRENT [RECORDING.wav]\n");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const std::string base = argv[1];
  const int concurrent = std::stoi(argv[2]);
  const bool spoken = argc == 4;
  std::string body = nlohmann::json{{"question", "How would you design a rate limiter for a public API?"},
                                    {"answer", "A token bucket per API key in Redis, 429 with Retry-After."}}.dump();
  std::string route = "/interview/evaluate";
  if (spoken) {
    std::ifstream in(argv[3], std::ios::binary);
    body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    route = "/interview/evaluate/audio?question=How%20would%20you%20design%20a%20rate%20limiter%3F";
  }
  curl_slist* headers = curl_slist_append(nullptr, spoken ? "Content-Type: audio/wav" : "Content-Type: application/json");
  std::atomic<bool> done{false};
  std::vector<double> health;
  std::thread prober([&] {
    Transfer probe;  // one handle: its connection is reused
    probe.prepare(base + "/healthz", nullptr, headers);
    if (const char* fresh = std::getenv("LLM_LOAD_FRESH_PROBES"); fresh && *fresh == '1')
      curl_easy_setopt(probe.curl, CURLOPT_FORBID_REUSE, 1L);
    while (!done) {
      probe.out.clear();
      const auto started = Clock::now();
      curl_easy_perform(probe.curl);
      health.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });

  const auto started = Clock::now();
  CURLM* multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(concurrent));
  std::vector<std::unique_ptr<Transfer>> transfers;
  for (int i = 0; i < concurrent; ++i) {
    transfers.push_back(std::make_unique<Transfer>());
    transfers.back()->prepare(base + route, &body, headers);
    curl_multi_add_handle(multi, transfers.back()->curl);
  }
  int running = concurrent;
  while (running > 0) {
    curl_multi_perform(multi, &running);
    if (running > 0) curl_multi_poll(multi, nullptr, 0, 100, nullptr);
  }
  int ok = 0, from_llm = 0, failed = 0;
  for (const auto& transfer : transfers) {
    curl_multi_remove_handle(multi, transfer->curl);
    if (transfer->status() != 200) {
      ++failed;
      continue;
    }
    ++ok;
    const auto reply = nlohmann::json::parse(transfer->out, nullptr, false);
    // Answered by the slow server: the LLM's grade, or the transcriber's words.
    if (reply.is_object() && (spoken ? reply.contains("transcript") : reply.value("source", "") != "offline")) ++from_llm;
  }
  const double wall = std::chrono::duration<double>(Clock::now() - started).count();
  done = true;
  prober.join();
  transfers.clear();
  curl_multi_cleanup(multi);
  curl_slist_free_all(headers);

  std::sort(health.begin(), health.end());
  auto pct = [&](double p) { return health.empty() ? 0.0 : health[std::min(health.size() - 1, static_cast<size_t>(p * static_cast<double>(health.size())))]; };
  fmt::print("{}={} ok={} {}={} failed={} wall_s={:.2f} healthz_samples={} healthz_p50_ms={:.2f} healthz_p99_ms={:.2f}\n",
             spoken ? "spoken_answers" : "evaluations", concurrent, ok, spoken ? "transcribed" : "answered_by_llm",
             from_llm, failed, wall, health.size(), pct(0.5), pct(0.99));
  curl_global_cleanup();
  return failed == 0 ? 0 : 1;
}
