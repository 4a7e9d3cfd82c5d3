#include "toml_prefetch.hpp"

#include <filesystem>

#include "caucus/reader.hpp"

namespace caucus {
namespace {

thread_local TomlPrefetch* current = nullptr;

std::string normal(const std::string& path) { return std::filesystem::path(path).lexically_normal().string(); }

}  // namespace

ParsedToml parse_toml_text(const std::string& text, const std::string& path) {
  ParsedToml parsed;
  try {
    parsed.table = toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    parsed.error = std::string(error.description());
    parsed.error_at = error.source().begin;
  }
  return parsed;
}

TomlPrefetch::TomlPrefetch(const std::vector<std::string>& paths) {
  for (const auto& path : paths) {
    const std::string key = normal(path);
    bool seen = false;
    for (const auto& slot : slots_) seen = seen || slot.path == key;
    if (!seen) slots_.push_back(Slot{key, std::nullopt, false});
  }
  outer_ = std::exchange(current, this);
  if (!slots_.empty()) thread_ = std::thread([this] { run(); });
}

TomlPrefetch::~TomlPrefetch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  to_free_.notify_one();
  if (thread_.joinable()) thread_.join();
  current = outer_;
}

void TomlPrefetch::run() {
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    std::optional<PrefetchedToml> file;
    try {
      if (auto text = read_text_file(slots_[i].path)) {
        file.emplace();
        file->text = std::move(*text);
        file->parsed = parse_toml_text(file->text, slots_[i].path);
      }
    } catch (...) {
      file.reset();  // (out of memory) the reader tries itself
    }
    {
      std::lock_guard lock(mutex_);
      slots_[i].file = std::move(file);
      slots_[i].done = true;
    }
    parsed_.notify_all();
  }
  // Then frees the tables the readers are done with, until the load is.
  std::unique_lock lock(mutex_);
  for (;;) {
    to_free_.wait(lock, [&] { return stopping_ || !disposed_.empty(); });
    if (disposed_.empty()) return;
    std::vector<toml::table> tables = std::move(disposed_);
    disposed_.clear();
    lock.unlock();
    tables.clear();
    lock.lock();
  }
}

void TomlPrefetch::dispose(toml::table&& table) {
  TomlPrefetch* prefetch = current;
  if (!prefetch || !prefetch->thread_.joinable()) {
    toml::table freed = std::move(table);
    return;
  }
  {
    std::lock_guard lock(prefetch->mutex_);
    prefetch->disposed_.push_back(std::move(table));
  }
  prefetch->to_free_.notify_one();
}

std::optional<PrefetchedToml> TomlPrefetch::take(const std::string& path) {
  TomlPrefetch* prefetch = current;
  if (!prefetch) return std::nullopt;
  const std::string key = normal(path);
  for (auto& slot : prefetch->slots_) {
    if (slot.path != key) continue;
    std::unique_lock lock(prefetch->mutex_);
    prefetch->parsed_.wait(lock, [&] { return slot.done; });
    return std::exchange(slot.file, std::nullopt);
  }
  return std::nullopt;
}

}  // namespace caucus
