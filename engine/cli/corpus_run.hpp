// Running a command over a corpus: documents on -j threads, results taken in input order, a
// progress bar on a terminal, Ctrl-C ending the run cleanly. Shared by `annotate` and `graph`.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace caucus::cli {

// Set by SIGINT and SIGTERM while an InterruptGuard lives: the run stops taking documents.
extern std::atomic<bool> g_interrupted;

// Catches SIGINT and SIGTERM for its lifetime (so that an interrupted run can remove its
// temporary output), and restores the previous handlers after.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  void (*previous_int_)(int);
  void (*previous_term_)(int);
};

// -j N: "jobs" from the arguments, or every core. nullopt (after a message) if N is not a
// number from 1 to 256.
std::optional<unsigned> jobs_option(const std::string& command, bool given, const std::string& value);

// Documents done of total, MB, MB/s and time left, on one line of stderr, at most five times a
// second; nothing unless enabled (stderr is a terminal and not --quiet).
class Progress {
 public:
  Progress(bool enabled, std::size_t total);
  void update(std::size_t done, uint64_t bytes, bool final = false);

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::size_t total_;
  Clock::time_point started_, last_;
};

// Calls work(item) for every item next() gives, on `jobs` threads, and consume(result) on
// this thread in the order next() gave them. At most 4 * jobs results wait to be consumed,
// so memory does not grow with the corpus. `idle` is called every 200 ms while the next
// result is not ready (for the progress bar). Stops early when g_interrupted is set or
// consume() returns false.
template <typename Item, typename Result>
void run_in_order(unsigned jobs, const std::function<bool(Item&)>& next, const std::function<Result(Item&)>& work,
                  const std::function<bool(Result&)>& consume, const std::function<void()>& idle) {
  std::mutex mutex;
  std::mutex source;  // next() is called by one thread at a time, which also numbers the items
  std::condition_variable ready, room;
  std::map<std::size_t, Result> finished;
  std::size_t next_seq = 0, next_to_consume = 0, active = jobs;
  bool done = false, stop = false;
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      Item item;
      while (true) {
        {
          std::unique_lock lock(mutex);
          room.wait(lock, [&] { return stop || g_interrupted || finished.size() < window; });
          if (stop || g_interrupted) break;
        }
        std::size_t seq = 0;
        {
          std::lock_guard lock(source);
          if (!next(item)) break;
          seq = next_seq++;
        }
        Result result = work(item);
        std::lock_guard lock(mutex);
        finished.emplace(seq, std::move(result));
        ready.notify_all();
      }
      std::lock_guard lock(mutex);
      if (--active == 0) done = true;
      ready.notify_all();
    });
  }
  while (true) {
    std::unique_lock lock(mutex);
    ready.wait_for(lock, std::chrono::milliseconds(200), [&] { return finished.count(next_to_consume) || done; });
    auto it = finished.find(next_to_consume);
    if (it == finished.end()) {
      if (done) break;
      lock.unlock();
      idle();
      continue;
    }
    Result result = std::move(it->second);
    finished.erase(it);
    ++next_to_consume;
    room.notify_all();
    lock.unlock();
    if (!consume(result)) {
      std::lock_guard stop_lock(mutex);
      stop = true;
      room.notify_all();
    }
  }
  for (auto& worker : workers) worker.join();
}

}  // namespace caucus::cli
