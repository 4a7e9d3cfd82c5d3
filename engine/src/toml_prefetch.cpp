#include "toml_prefetch.hpp"

#include <algorithm>
#include <filesystem>

#include "caucus/config.hpp"
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

TomlPrefetch::TomlPrefetch(const std::vector<std::string>& paths, std::filesystem::path rule_root)
    : rule_root_(std::move(rule_root)) {
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
  if (thread_.joinable()) thread_.join();
  current = outer_;
}

std::vector<std::string> TomlPrefetch::named_in(const toml::table& table) const {
  std::vector<std::string> named;
  const auto add = [&](const toml::node* value) {
    const auto* text = value ? value->as_string() : nullptr;
    if (!text || !text->get().ends_with(".toml")) return;
    if (auto path = resolve_inside(rule_root_, text->get())) named.push_back(normal(path->string()));
  };
  if (const auto* imports = table["rules"]["import"].as_array()) {
    for (const toml::node& import : *imports) add(&import);
  }
  if (const auto* lexicons = table["lexicons"].as_table()) {
    for (const auto& [name, lexicon] : *lexicons) {
      if (const auto* declared = lexicon.as_table()) add(declared->get("file"));
    }
  }
  return named;
}

void TomlPrefetch::run() {
  std::unique_lock lock(mutex_);
  for (auto slot = slots_.begin(); slot != slots_.end(); ++slot) {
    const std::string path = slot->path;
    lock.unlock();
    std::optional<PrefetchedToml> file;
    std::vector<std::string> named;
    try {
      if (auto text = read_text_file(path)) {
        file.emplace();
        file->text = std::move(*text);
        file->parsed = parse_toml_text(file->text, path);
        if (!rule_root_.empty() && file->parsed.table) named = named_in(*file->parsed.table);
      }
    } catch (...) {
      file.reset();  // (out of memory) the reader tries itself
    }
    lock.lock();
    slot->file = std::move(file);
    slot->done = true;
    // The files it names are read next, in the order it names them, unless already queued.
    auto next = std::next(slot);
    for (const auto& key : named) {
      const bool queued = std::any_of(slots_.begin(), slots_.end(), [&](const Slot& s) { return s.path == key; });
      if (!queued) slots_.insert(next, Slot{key, std::nullopt, false});
    }
    parsed_.notify_all();
  }
}

std::optional<PrefetchedToml> TomlPrefetch::take(const std::string& path) {
  TomlPrefetch* prefetch = current;
  if (!prefetch) return std::nullopt;
  const std::string key = normal(path);
  std::unique_lock lock(prefetch->mutex_);
  for (auto& slot : prefetch->slots_) {
    if (slot.path != key) continue;
    prefetch->parsed_.wait(lock, [&] { return slot.done; });
    return std::exchange(slot.file, std::nullopt);
  }
  return std::nullopt;
}

}  // namespace caucus
