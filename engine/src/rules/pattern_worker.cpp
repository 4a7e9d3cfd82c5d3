#include "jit_worker.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "pattern.hpp"

namespace caucus {
namespace {

// True if a second core can take the JIT compiling (asked once: it reads /sys).
bool spare_core() {
  static const bool spare = std::thread::hardware_concurrency() >= 2;
  return spare;
}

class Worker {
 public:
  static Worker& instance() {
    static Worker worker;  // joined at exit, after the job under way
    return worker;
  }

  void submit(std::shared_ptr<CompiledPattern> pattern) {
    pattern->jit_pending.store(true, std::memory_order_relaxed);
    {
      std::lock_guard lock(mutex_);
      if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
      queue_.push_back(std::move(pattern));
    }
    work_.notify_one();
  }

  void wait_for(const CompiledPattern& pattern) {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return !pattern.jit_pending.load(std::memory_order_acquire); });
  }

  // The waiting thread takes patterns from the queue too: the background thread finishes the
  // one it has, this one the rest, so that both cores work at the end of loading.
  void wait_all() {
    std::unique_lock lock(mutex_);
    while (!queue_.empty()) compile_next(lock);
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
    std::unique_lock lock(mutex_);
    for (;;) {
      work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) {
        // The process exits: what is left runs in the interpreter if anyone still asks.
        for (const auto& left : queue_) left->jit_pending.store(false, std::memory_order_release);
        queue_.clear();
        done_.notify_all();
        return;
      }
      compile_next(lock);
    }
  }

  // Compiles the pattern at the front of the queue, with `lock` (held) released meanwhile.
  void compile_next(std::unique_lock<std::mutex>& lock) {
    std::shared_ptr<CompiledPattern> pattern = std::move(queue_.front());
    queue_.pop_front();
    ++busy_;
    lock.unlock();
    pattern->finish();
    lock.lock();
    // The flag's release store, after `jit` is written, is what match() reads before using it.
    pattern->jit_pending.store(false, std::memory_order_release);
    --busy_;
    done_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable work_, done_;
  std::deque<std::shared_ptr<CompiledPattern>> queue_;
  unsigned busy_ = 0;  // patterns being compiled (by the background thread and a waiting one)
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

void JitWorker::submit(std::shared_ptr<CompiledPattern> pattern) {
  if (!spare_core()) {
    pattern->finish();
    return;
  }
  Worker::instance().submit(std::move(pattern));
}

void JitWorker::wait_for(const CompiledPattern& pattern) { Worker::instance().wait_for(pattern); }

void JitWorker::wait_all() {
  if (!spare_core()) return;
  Worker::instance().wait_all();
#if defined(__GLIBC__)
  // The JIT compiler's scratch memory came from the worker thread's own malloc arena, which
  // keeps it after it is freed: give it back, or every run holds a few megabytes more.
  malloc_trim(0);
#endif
}

}  // namespace caucus
