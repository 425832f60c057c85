#pragma once
// A fixed set of threads running posted jobs in order of arrival. CPU-bound work
// (grading, PDF drawing) runs here so that server threads only parse and reply.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace prepbot::util {

class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();  // finishes the queued jobs, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void post(std::function<void()> job);
  // Each thread runs `work` once, before any job it takes from now on (an idle thread
  // at once): work that a thread does once, like loading its fonts, then costs no
  // request. Called once the server is ready, so that it does not slow start-up.
  void warm_up(std::function<void()> work);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::function<void()> warm_up_;
  std::size_t warm_ups_ = 0;  // calls of warm_up(): a thread that has run fewer runs the latest
  std::vector<std::thread> threads_;
};

}  // namespace prepbot::util
