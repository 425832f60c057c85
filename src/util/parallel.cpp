#include "util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "util/worker_pool.hpp"

namespace prepbot::util {
namespace {

// One for_each_index call, shared with the helpers' jobs. A job that starts after the
// caller has finished finds it closed and does nothing, so the caller waits only for
// jobs under way, never for a helper busy elsewhere.
struct Run {
  Run(std::size_t calls, const std::function<void(std::size_t)>& call) : count(calls), work(call) {}

  void drain() {
    try {
      for (std::size_t i = next++; i < count; i = next++) work(i);
    } catch (...) {
      next = count;  // the others stop after the call they are in
      const std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
    }
  }
  void help() {
    {
      const std::lock_guard lock(mutex);
      if (closed) return;
      ++helping;
    }
    drain();
    const std::lock_guard lock(mutex);
    if (--helping == 0) done.notify_all();
  }
  void close_and_wait() {
    std::unique_lock lock(mutex);
    closed = true;
    done.wait(lock, [&] { return helping == 0; });
  }

  const std::size_t count;
  const std::function<void(std::size_t)>& work;
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable done;
  std::size_t helping = 0;
  bool closed = false;
  std::exception_ptr failure;
};

thread_local bool in_work = false;  // this thread is inside a for_each_index call

}  // namespace

void for_each_index(std::size_t count, const std::function<void(std::size_t)>& work) {
  static const std::size_t helper_count = std::max(1u, std::thread::hardware_concurrency()) - 1;
  static WorkerPool helpers(helper_count);  // one idle thread on a single core
  auto run = std::make_shared<Run>(count, work);
  if (!in_work && count > 1)
    for (std::size_t h = 0; h < std::min(helper_count, count - 1); ++h)
      helpers.post([run] {
        in_work = true;
        run->help();
        in_work = false;
      });
  const bool was_in_work = in_work;
  in_work = true;
  run->drain();
  in_work = was_in_work;
  run->close_and_wait();
  if (run->failure) std::rethrow_exception(run->failure);
}

}  // namespace prepbot::util
