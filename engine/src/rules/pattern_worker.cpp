#include "pattern_worker.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "pattern.hpp"

namespace caucus {
namespace {

// True if a second core can take the finishing (asked once: it reads /sys).
bool spare_core() {
  static const bool spare = std::thread::hardware_concurrency() >= 2;
  return spare;
}

// The JIT compiler's scratch memory comes from the compiling thread's malloc arena, which keeps
// it after it is freed: give it back, or every run holds a few megabytes more.
void release_scratch() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// Lowers the calling thread's priority: the worker takes what the loading and matching threads
// leave of the cores, and a match that needs a pattern first finishes it itself.
void yield_to_other_threads() {
#if defined(__linux__)
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
}

class Worker {
 public:
  static Worker& instance() {
    static Worker worker;  // joined at exit, after the job under way
    return worker;
  }

  void submit(std::shared_ptr<CompiledPattern> pattern) {
    {
      std::lock_guard lock(mutex_);
      if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
      if (pattern->cache) ++cache_entries_;
      queue_.push_back(std::move(pattern));
    }
    work_.notify_one();
  }

  void make_ready(const CompiledPattern& pattern) {
    std::unique_lock lock(mutex_);
    const auto queued = std::find_if(queue_.begin(), queue_.end(), [&](const auto& each) { return each.get() == &pattern; });
    if (queued != queue_.end()) {
      std::shared_ptr<CompiledPattern> taken = std::move(*queued);
      queue_.erase(queued);
      finish(std::move(taken), lock);
      return;
    }
    done_.wait(lock, [&] { return pattern.ready.load(std::memory_order_acquire); });
  }

  // The waiting thread takes patterns from the queue too: the background thread finishes the
  // one it has, this one the rest, so that both cores work.
  void wait_all(bool only_for_cache) {
    std::unique_lock lock(mutex_);
    if (only_for_cache && cache_entries_ == 0) return;
    while (!queue_.empty()) finish_next(lock);
    done_.wait(lock, [&] { return queue_.empty() && busy_ == 0; });
  }

  ~Worker() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    yield_to_other_threads();
    std::unique_lock lock(mutex_);
    for (;;) {
      work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) {
        // The process exits: what is left runs in the interpreter if anyone still asks.
        for (const auto& left : queue_) left->ready.store(true, std::memory_order_release);
        queue_.clear();
        done_.notify_all();
        return;
      }
      finish_next(lock);
    }
  }

  void finish_next(std::unique_lock<std::mutex>& lock) {
    std::shared_ptr<CompiledPattern> pattern = std::move(queue_.front());
    queue_.pop_front();
    finish(std::move(pattern), lock);
  }

  // Finishes `pattern`, taken from the queue, with `lock` (held) released meanwhile. The thread
  // that finishes the last pattern of the queue gives the scratch memory back, once.
  void finish(std::shared_ptr<CompiledPattern> pattern, std::unique_lock<std::mutex>& lock) {
    const bool for_cache = pattern->cache != nullptr;
    ++busy_;
    lock.unlock();
    pattern->finish();
    lock.lock();
    // The flag's release store, after `code` and `jit` are written, is what match() reads
    // before using them.
    pattern->ready.store(true, std::memory_order_release);
    --busy_;
    if (for_cache) --cache_entries_;
    done_.notify_all();
    if (queue_.empty() && busy_ == 0) {
      lock.unlock();
      release_scratch();
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable work_, done_;
  std::deque<std::shared_ptr<CompiledPattern>> queue_;
  unsigned busy_ = 0;              // patterns being finished (by the background thread and others)
  std::size_t cache_entries_ = 0;  // queued or busy patterns whose code the cache is to keep
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

void PatternWorker::submit(std::shared_ptr<CompiledPattern> pattern) {
  if (!spare_core()) {
    pattern->finish();
    pattern->ready.store(true, std::memory_order_release);
    return;
  }
  Worker::instance().submit(std::move(pattern));
}

void PatternWorker::make_ready(const CompiledPattern& pattern) { Worker::instance().make_ready(pattern); }

void PatternWorker::wait_all() {
  if (spare_core()) Worker::instance().wait_all(false);
}

void PatternWorker::wait_for_cache_entries() {
  if (spare_core()) Worker::instance().wait_all(true);
}

}  // namespace caucus
