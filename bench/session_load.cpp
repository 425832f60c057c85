// session_load: runs full interview sessions (start → answer every question →
// finalize) against a PrepBot server from N concurrent clients for a while, and
// prints sessions/s, failures and latency percentiles. Each client keeps its
// connection alive, as a browser would.
//
//   session_load BASE_URL CLIENTS SECONDS [exports]
//
// With `exports`, sessions have 4 questions and end with the four exports (full,
// summary, then both again as base64): the first line adds the median of a
// session's first export (drawn) and of its repeated ones (the same PDFs again).
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
using nlohmann::json;

size_t collect(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

struct Client {
  CURL* curl = curl_easy_init();
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  ~Client() {
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
  }
  // Returns the status (0 on a transport error) and fills `body`.
  long post(const std::string& url, const std::string& payload, std::string& body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    return perform(url, body);
  }
  long get(const std::string& url, std::string& body) {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    return perform(url, body);
  }

 private:
  long perform(const std::string& url, std::string& body) {
    body.clear();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 10'000L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    long status = 0;
    if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    return status;
  }
};

const char* kAnswer =
    "First I would clarify the requirements, then design the data model and the API. For example, I would use "
    "PostgreSQL with an index on the lookup column, cache hot reads in Redis, and measure p99 latency before and "
    "after. The trade-off is consistency against speed, so I invalidate the cache on writes.";

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && !(argc == 5 && std::string(argv[4]) == "exports")) {
    std::fprintf(stderr, "usage: session_load BASE_URL CLIENTS SECONDS [exports]\n");
    return 2;
  }
  const bool exports = argc == 5;
  const std::string base = argv[1];
  const int clients = std::stoi(argv[2]);
  const auto duration = std::chrono::seconds(std::stoi(argv[3]));
  curl_global_init(CURL_GLOBAL_DEFAULT);

  std::atomic<long> sessions{0}, failures{0}, requests{0};
  std::vector<std::vector<double>> latencies(static_cast<size_t>(clients));  // per request, ms
  std::vector<std::vector<double>> first_exports(static_cast<size_t>(clients)), repeated_exports(static_cast<size_t>(clients));
  const auto deadline = Clock::now() + duration;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      Client client;
      std::string body;
      auto& mine = latencies[static_cast<size_t>(c)];
      auto timed = [&](auto request, std::vector<double>* also = nullptr) {
        const auto started = Clock::now();
        const long status = request();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        mine.push_back(ms);
        if (also) also->push_back(ms);
        ++requests;
        return status;
      };
      auto timed_post = [&](const std::string& url, const std::string& payload) {
        return timed([&] { return client.post(url, payload, body); });
      };
      while (Clock::now() < deadline) {
        bool ok = timed_post(base + "/interview/start",
                             json{{"name", fmt::format("Load {}", c)}, {"role", "backend developer"},
                                  {"experience", "mid"}, {"mode", "technical"}, {"num_questions", exports ? 4 : 5}}.dump()) == 200;
        json started;
        if (ok) started = json::parse(body, nullptr, false);
        ok = ok && started.is_object() && started.contains("session_id");
        if (ok) {
          const std::string prefix = base + "/interview/session/" + started["session_id"].get<std::string>();
          for (const auto& question : started["questions"])
            ok = ok && timed_post(prefix + "/answer", json{{"question_id", question["id"]}, {"answer", kAnswer}}.dump()) == 200;
          ok = ok && timed_post(prefix + "/finalize", "") == 200;
          const char* kinds[] = {"full", "summary", "full/base64", "summary/base64"};
          for (int k = 0; exports && k < 4; ++k) {
            auto* also = &(k == 0 ? first_exports : repeated_exports)[static_cast<size_t>(c)];
            ok = ok && timed([&] { return client.get(prefix + "/export/" + kinds[k], body); }, k == 1 ? nullptr : also) == 200;
          }
        }
        ++(ok ? sessions : failures);
      }
    });
  for (auto& thread : threads) thread.join();

  auto sorted = [](const std::vector<std::vector<double>>& lists) {
    std::vector<double> all;
    for (const auto& list : lists) all.insert(all.end(), list.begin(), list.end());
    std::sort(all.begin(), all.end());
    return all;
  };
  auto percentile = [](const std::vector<double>& all, double p) {
    return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(p * static_cast<double>(all.size())))];
  };
  const auto all = sorted(latencies);
  const double seconds = std::chrono::duration<double>(duration).count();
  fmt::print("clients={} sessions={} failures={} sessions_per_s={:.1f} requests_per_s={:.0f} p50_ms={:.2f} p90_ms={:.2f} p99_ms={:.2f}",
             clients, sessions.load(), failures.load(), static_cast<double>(sessions.load()) / seconds,
             static_cast<double>(requests.load()) / seconds, percentile(all, 0.5), percentile(all, 0.9), percentile(all, 0.99));
  if (exports)
    fmt::print(" first_export_p50_ms={:.2f} repeated_export_p50_ms={:.2f}", percentile(sorted(first_exports), 0.5),
               percentile(sorted(repeated_exports), 0.5));
  fmt::print("\n");
  curl_global_cleanup();
  return failures.load() == 0 ? 0 : 1;
}
