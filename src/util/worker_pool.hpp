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
  // Each thread runs `warm_up` (if given) before its first job: work that a thread
  // does once, like loading its fonts, then costs no request.
  explicit WorkerPool(std::size_t threads, std::function<void()> warm_up = {});
  ~WorkerPool();  // finishes the queued jobs, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void post(std::function<void()> job);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace prepbot::util
