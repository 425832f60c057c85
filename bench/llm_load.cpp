// llm_load: N concurrent stateless evaluations against a PrepBot whose LLM coach
// answers slowly, while another thread polls /healthz every 10 ms. Prints the
// wall time of the whole batch, how many the LLM answered, and /healthz latency
// percentiles: a slow LLM must hold no server thread.
//
//   llm_load BASE_URL CONCURRENT
#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
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

long request(const std::string& url, const std::string* body, std::string& out) {
  CURL* curl = curl_easy_init();
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  if (body) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 30'000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out);
  long status = 0;
  if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: llm_load BASE_URL CONCURRENT\n");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const std::string base = argv[1];
  const int concurrent = std::stoi(argv[2]);
  const std::string body = nlohmann::json{{"question", "How would you design a rate limiter for a public API?"},
                                          {"answer", "A token bucket per API key in Redis, 429 with Retry-After."}}.dump();
  std::atomic<int> ok{0}, from_llm{0}, failed{0};
  std::atomic<bool> done{false};
  std::vector<double> health;
  std::thread prober([&] {
    while (!done) {
      std::string out;
      const auto started = Clock::now();
      request(base + "/healthz", nullptr, out);
      health.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  const auto started = Clock::now();
  std::vector<std::thread> clients;
  for (int i = 0; i < concurrent; ++i)
    clients.emplace_back([&] {
      std::string out;
      if (request(base + "/interview/evaluate", &body, out) != 200) return void(++failed);
      ++ok;
      const auto reply = nlohmann::json::parse(out, nullptr, false);
      if (reply.is_object() && reply.value("source", "") != "offline") ++from_llm;
    });
  for (auto& client : clients) client.join();
  const double wall = std::chrono::duration<double>(Clock::now() - started).count();
  done = true;
  prober.join();
  std::sort(health.begin(), health.end());
  auto pct = [&](double p) { return health.empty() ? 0.0 : health[std::min(health.size() - 1, static_cast<size_t>(p * static_cast<double>(health.size())))]; };
  fmt::print("evaluations={} ok={} answered_by_llm={} failed={} wall_s={:.2f} healthz_samples={} healthz_p50_ms={:.2f} healthz_p99_ms={:.2f}\n",
             concurrent, ok.load(), from_llm.load(), failed.load(), wall, health.size(), pct(0.5), pct(0.99));
  curl_global_cleanup();
  return failed.load() == 0 ? 0 : 1;
}
