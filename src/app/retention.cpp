#include "app/retention.hpp"

#include <exception>

#include "util/clock.hpp"
#include "util/log.hpp"

namespace prepbot::app {

util::Counter purged_counter(util::Metrics& metrics) {
  return metrics.counter("prepbot_sessions_purged_total", "Sessions erased by the retention sweeper.");
}

long long sweep_once(store::SessionStore& store, const util::Counter& purged_sessions, int days,
                     std::chrono::system_clock::time_point now) {
  const auto cutoff = now - std::chrono::hours(24) * days;
  const auto purged = static_cast<long long>(store.purge_created_before(util::iso8601(cutoff)));
  purged_sessions.add("", static_cast<double>(purged));
  if (purged > 0) util::log::info("retention sweep", {{"purged_sessions", purged}, {"retention_days", days}});
  return purged;
}

RetentionSweeper::RetentionSweeper(store::SessionStore& store, util::Metrics& metrics, int days)
    : store_(store), purged_(purged_counter(metrics)), days_(days) {
  if (days_ > 0) thread_ = std::thread([this] { run(); });
}

RetentionSweeper::~RetentionSweeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetentionSweeper::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      sweep_once(store_, purged_, days_);
    } catch (const std::exception& error) {
      util::log::error("retention sweep failed", {{"error", error.what()}});
    }
    lock.lock();
    wake_.wait_for(lock, std::chrono::hours(1), [this] { return stopping_; });
  }
}

}  // namespace prepbot::app
