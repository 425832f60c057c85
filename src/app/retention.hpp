#pragma once
// The retention sweep: sessions older than the retention period are erased, at
// start-up and then hourly, on a thread of its own. Each erased session is
// counted in prepbot_sessions_purged_total.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/session_store.hpp"
#include "util/metrics.hpp"

namespace prepbot::app {

inline constexpr const char* kPurgedMetric = "prepbot_sessions_purged_total";

// Erases the sessions created before `now` minus `days` and counts them; returns how many.
long long sweep_once(store::SessionStore& store, util::Metrics& metrics, int days,
                     std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

class RetentionSweeper {
 public:
  // `days` ≤ 0 keeps every session: no thread is started.
  RetentionSweeper(store::SessionStore& store, util::Metrics& metrics, int days);
  ~RetentionSweeper();
  RetentionSweeper(const RetentionSweeper&) = delete;
  RetentionSweeper& operator=(const RetentionSweeper&) = delete;

 private:
  void run();

  store::SessionStore& store_;
  util::Metrics& metrics_;
  int days_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace prepbot::app
