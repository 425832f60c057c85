#include "coach/llm/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

namespace prepbot::coach::llm {
namespace {

using Clock = std::chrono::steady_clock;

size_t on_body(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* out) {
  const std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return size * count;
}

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

// A transfer for `request` with its timeouts and size cap; the reply lands in `result`,
// and `headers` holds the list libcurl reads (freed with the transfer).
CURL* make_transfer(const HttpRequest& request, curl_slist*& headers, HttpResult& result) {
  CURL* easy = curl_easy_init();
  for (const auto& header : request.headers) headers = curl_slist_append(headers, header.c_str());
  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  if (request.get) {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(4 * 1024 * 1024));
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &result.headers);
  return easy;
}

// The URL's host, with its port when the URL names one ("api.openai.com", "127.0.0.1:8089").
std::string host_of(const std::string& url) {
  std::string out = "unknown";
  CURLU* parsed = curl_url();
  if (curl_url_set(parsed, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* host = nullptr;
    char* port = nullptr;
    if (curl_url_get(parsed, CURLUPART_HOST, &host, 0) == CURLUE_OK) out = host;
    if (curl_url_get(parsed, CURLUPART_PORT, &port, 0) == CURLUE_OK) out += std::string(":") + port;
    curl_free(host);
    curl_free(port);
  }
  curl_url_cleanup(parsed);
  return out;
}

// Bytes a finished transfer sent and received, headers included.
std::pair<long long, long long> bytes_of(CURL* easy) {
  long request_headers = 0, response_headers = 0;
  curl_off_t uploaded = 0, downloaded = 0;
  curl_easy_getinfo(easy, CURLINFO_REQUEST_SIZE, &request_headers);
  curl_easy_getinfo(easy, CURLINFO_HEADER_SIZE, &response_headers);
  curl_easy_getinfo(easy, CURLINFO_SIZE_UPLOAD_T, &uploaded);
  curl_easy_getinfo(easy, CURLINFO_SIZE_DOWNLOAD_T, &downloaded);
  return {static_cast<long long>(request_headers) + uploaded, static_cast<long long>(response_headers) + downloaded};
}

}  // namespace

struct HttpClient::Pending {
  HttpRequest request;
  std::function<void(HttpResult)> done;
  Clock::time_point start_at;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  HttpResult result;

  ~Pending() {
    if (headers) curl_slist_free_all(headers);
    if (easy) curl_easy_cleanup(easy);
  }
};

HttpClient::HttpClient(util::OutboundLedger* ledger) : ledger_(ledger) {
  static CurlGlobal global;
  multi_ = curl_multi_init();
  thread_ = std::thread([this] { run(); });
}

HttpClient::~HttpClient() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  curl_multi_wakeup(static_cast<CURLM*>(multi_));
  thread_.join();
  curl_multi_cleanup(static_cast<CURLM*>(multi_));
}

void HttpClient::send(HttpRequest request, std::function<void(HttpResult)> done, std::chrono::milliseconds delay) {
  auto pending = std::make_unique<Pending>();
  pending->request = std::move(request);
  pending->done = std::move(done);
  pending->start_at = Clock::now() + delay;
  {
    std::lock_guard lock(mutex_);
    queued_.push_back(std::move(pending));
  }
  curl_multi_wakeup(static_cast<CURLM*>(multi_));
}

void HttpClient::run() {
  auto* multi = static_cast<CURLM*>(multi_);
  std::vector<std::unique_ptr<Pending>> waiting;  // delayed, not started yet
  std::map<CURL*, std::unique_ptr<Pending>> running;
  auto start = [&](std::unique_ptr<Pending> p) {
    p->easy = make_transfer(p->request, p->headers, p->result);
    curl_multi_add_handle(multi, p->easy);
    CURL* key = p->easy;
    running.emplace(key, std::move(p));
  };
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
      while (!queued_.empty()) {
        waiting.push_back(std::move(queued_.front()));
        queued_.pop_front();
      }
    }
    const auto now = Clock::now();
    auto next_start = Clock::time_point::max();
    for (auto it = waiting.begin(); it != waiting.end();) {
      if ((*it)->start_at <= now) {
        start(std::move(*it));
        it = waiting.erase(it);
      } else {
        next_start = std::min(next_start, (*it)->start_at);
        ++it;
      }
    }
    int still_running = 0;
    curl_multi_perform(multi, &still_running);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      auto node = running.extract(message->easy_handle);
      std::unique_ptr<Pending> p = std::move(node.mapped());
      curl_multi_remove_handle(multi, p->easy);
      const CURLcode code = message->data.result;
      if (code == CURLE_OK) {
        curl_easy_getinfo(p->easy, CURLINFO_RESPONSE_CODE, &p->result.status);
      } else {
        p->result.status = 0;
        p->result.failure = code == CURLE_OPERATION_TIMEDOUT ? HttpFailure::timeout
                            : code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ? HttpFailure::connect
                                                                                                  : HttpFailure::other;
      }
      if (ledger_) {
        const auto [sent, received] = bytes_of(p->easy);
        ledger_->record(host_of(p->request.url), p->request.purpose.empty() ? "unnamed" : p->request.purpose, sent, received);
      }
      p->done(std::move(p->result));
    }
    int wait_ms = 1000;
    if (next_start != Clock::time_point::max())
      wait_ms = static_cast<int>(std::clamp<long long>(
          std::chrono::duration_cast<std::chrono::milliseconds>(next_start - Clock::now()).count(), 0, 1000));
    curl_multi_poll(multi, nullptr, 0, wait_ms, nullptr);
  }
  for (auto& [easy, p] : running) {
    curl_multi_remove_handle(multi, easy);
    p->result.failure = HttpFailure::other;
    p->done(std::move(p->result));
  }
  std::lock_guard lock(mutex_);
  for (auto& p : queued_) waiting.push_back(std::move(p));
  for (auto& p : waiting) {
    p->result.failure = HttpFailure::other;
    p->done(std::move(p->result));
  }
}

}  // namespace prepbot::coach::llm
