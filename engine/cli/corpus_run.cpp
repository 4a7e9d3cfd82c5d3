#include "corpus_run.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace caucus::cli {

std::atomic<bool> g_interrupted{false};

namespace {
extern "C" void on_interrupt(int) { g_interrupted = true; }
}  // namespace

InterruptGuard::InterruptGuard() {
  g_interrupted = false;
  previous_int_ = std::signal(SIGINT, on_interrupt);
  previous_term_ = std::signal(SIGTERM, on_interrupt);
}

InterruptGuard::~InterruptGuard() {
  std::signal(SIGINT, previous_int_);
  std::signal(SIGTERM, previous_term_);
}

std::optional<unsigned> jobs_option(const std::string& command, bool given, const std::string& value) {
  if (!given) return std::max(1u, std::thread::hardware_concurrency());
  unsigned jobs = 0;
  try {
    jobs = static_cast<unsigned>(std::stoul(value));
  } catch (const std::exception&) {
    jobs = 0;
  }
  if (jobs == 0 || jobs > 256) {
    std::fprintf(stderr, "caucus %s: --jobs takes a number from 1 to 256\n", command.c_str());
    return std::nullopt;
  }
  return jobs;
}

Progress::Progress(bool enabled, std::size_t total) : enabled_(enabled), total_(total), started_(Clock::now()) {}

void Progress::update(std::size_t done, uint64_t bytes, bool final) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (!final && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double mb_per_s = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
  std::string line = "\r\033[K" + std::to_string(done);
  if (total_) line += "/" + std::to_string(total_);
  char rest[96];
  std::snprintf(rest, sizeof rest, " documents  %.1f MB  %.1f MB/s", static_cast<double>(bytes) / 1e6, mb_per_s);
  line += rest;
  if (total_ && done > 0 && done < total_) {
    std::snprintf(rest, sizeof rest, "  %.0f s left", seconds / static_cast<double>(done) * static_cast<double>(total_ - done));
    line += rest;
  }
  std::fputs(line.c_str(), stderr);
  if (final) std::fputs("\r\033[K", stderr);
}

}  // namespace caucus::cli
