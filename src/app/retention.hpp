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

// prepbot_sessions_purged_total.
util::Counter purged_counter(util::Metrics& metrics);

// Erases the sessions created before `now` minus `days` and counts them in `purged`; returns how many.
long long sweep_once(store::SessionStore& store, const util::Counter& purged, int days,
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
  util::Counter purged_;
  int days_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace prepbot::app
