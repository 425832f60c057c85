#include "app/retention.hpp"

#include <exception>

#include "util/clock.hpp"
#include "util/log.hpp"

namespace prepbot::app {

long long sweep_once(store::SessionStore& store, util::Metrics& metrics, int days,
                     std::chrono::system_clock::time_point now) {
  const auto cutoff = now - std::chrono::hours(24) * days;
  const auto purged = static_cast<long long>(store.purge_created_before(util::iso8601(cutoff)));
  metrics.count(kPurgedMetric, "", static_cast<double>(purged));
  if (purged > 0) util::log::info("retention sweep", {{"purged_sessions", purged}, {"retention_days", days}});
  return purged;
}

RetentionSweeper::RetentionSweeper(store::SessionStore& store, util::Metrics& metrics, int days)
    : store_(store), metrics_(metrics), days_(days) {
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
      sweep_once(store_, metrics_, days_);
    } catch (const std::exception& error) {
      util::log::error("retention sweep failed", {{"error", error.what()}});
    }
    lock.lock();
    wake_.wait_for(lock, std::chrono::hours(1), [this] { return stopping_; });
  }
}

}  // namespace prepbot::app
