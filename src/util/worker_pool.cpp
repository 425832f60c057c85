#include "util/worker_pool.hpp"

namespace prepbot::util {

WorkerPool::WorkerPool(std::size_t threads) {
  if (threads == 0) threads = 1;
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void WorkerPool::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
}

void WorkerPool::warm_up(std::function<void()> work) {
  {
    std::lock_guard lock(mutex_);
    warm_up_ = std::move(work);
    ++warm_ups_;
  }
  ready_.notify_all();
}

void WorkerPool::run() {
  std::size_t warmed = 0;  // the warm-ups this thread has run
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !jobs_.empty() || warmed != warm_ups_; });
      if (warmed != warm_ups_) {
        warmed = warm_ups_;
        job = warm_up_;
      } else if (jobs_.empty()) {
        return;  // stopping and drained
      } else {
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
    }
    job();  // jobs report their own errors through their callbacks
  }
}

}  // namespace prepbot::util
