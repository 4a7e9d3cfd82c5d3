#include "pattern_cache.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "byte_fields.hpp"
#include "caucus/pattern_cache.hpp"
#include "caucus/reader.hpp"

namespace caucus {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "caucus patterns\n";
// The file's layout and what its codes are: raise it when either changes (the entries'
// fields; how compile_pattern() chooses a pattern's final form, shared_groups.cpp's names).
constexpr uint32_t kFormat = 1;

// FNV-1a, for the second half of a key and the entries' checksums: std::hash gives the first
// half, so a key is two unrelated hashes.
uint64_t fnv1a(std::string_view bytes, uint64_t hash = 14695981039346656037ULL) {
  for (const unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ULL;
  return hash;
}

uint64_t checksum(std::string_view bytes) { return std::hash<std::string_view>{}(bytes) ^ bytes.size(); }

// The versions of caucus and of the PCRE2 library that runs: serialized code is only good
// for the same PCRE2, and a cache written by another caucus is not trusted either.
std::string versions() {
  char buffer[64] = {};
  pcre2_config(PCRE2_CONFIG_VERSION, buffer);
  return std::string("caucus ") + CAUCUS_VERSION + ", PCRE2 " + buffer;
}

std::mutex& active_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::shared_ptr<PatternCache>& active_cache() {
  static std::shared_ptr<PatternCache> cache;
  return cache;
}

// The key of `text` under `head` (what kind of entry, with which options): two unrelated hashes.
PatternCache::Key key_under(std::string_view head, std::string_view text) {
  return {std::hash<std::string_view>{}(text) ^ fnv1a(head), fnv1a(text, fnv1a(head))};
}

}  // namespace

PatternCache::PatternCache(fs::path directory) : file_(std::move(directory) / "patterns.bin") {}

PatternCache::Key PatternCache::key_of(uint32_t options, bool jit, std::string_view pattern) {
  std::string head(reinterpret_cast<const char*>(&options), sizeof options);
  head += jit ? 'j' : 'c';
  return key_under(head, pattern);
}

PatternCache::Key PatternCache::key_of(std::string_view kind, std::string_view text) {
  return key_under("data " + std::string(kind), text);
}

void PatternCache::read_once() {
  if (read_) return;
  read_ = true;
  const auto data = read_text_file(file_.string());
  if (!data) return;
  FieldReader reader(*data);
  if (reader.take(kMagic.size()) != kMagic || reader.number() != kFormat) return;
  if (reader.string() != versions()) return;
  std::unordered_map<Key, Entry, KeyHash> entries;
  for (uint64_t count = reader.number(); reader.good() && count > 0; --count) {
    Key key;
    key.first = reader.number();
    key.second = reader.number();
    const uint64_t shared = reader.number();
    const uint64_t sum = reader.number();
    const std::string_view bytes = reader.string();
    if (!reader.good() || checksum(bytes) != sum) return;
    entries[key] = Entry{std::string(bytes), shared != 0, false};
  }
  if (reader.good() && reader.at_end()) entries_ = std::move(entries);
}

pcre2_code* PatternCache::find(const Key& key, bool& shared) {
  std::lock_guard lock(mutex_);
  read_once();
  const auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  pcre2_code* code = nullptr;
  if (pcre2_serialize_decode(&code, 1, reinterpret_cast<const uint8_t*>(it->second.bytes.data()), nullptr) != 1) {
    entries_.erase(it);
    return nullptr;
  }
  it->second.used = true;
  shared = it->second.shared;
  ++found_;
  return code;
}

void PatternCache::remember(const Key& key, const pcre2_code* code, bool shared) {
  uint8_t* bytes = nullptr;
  PCRE2_SIZE size = 0;
  if (pcre2_serialize_encode(&code, 1, &bytes, &size, nullptr) != 1) return;
  Entry entry{std::string(reinterpret_cast<const char*>(bytes), size), shared, true};
  pcre2_serialize_free(bytes);
  std::lock_guard lock(mutex_);
  read_once();
  entries_[key] = std::move(entry);
  added_ = true;
}

std::optional<std::string> PatternCache::find_bytes(const Key& key) {
  std::lock_guard lock(mutex_);
  read_once();
  const auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  it->second.used = true;
  return it->second.bytes;
}

void PatternCache::remember_bytes(const Key& key, std::string bytes) {
  std::lock_guard lock(mutex_);
  read_once();
  entries_[key] = Entry{std::move(bytes), false, true};
  added_ = true;
}

std::size_t PatternCache::size() {
  std::lock_guard lock(mutex_);
  read_once();
  return entries_.size();
}

std::size_t PatternCache::found() const {
  std::lock_guard lock(mutex_);
  return found_;
}

void PatternCache::save() {
  std::lock_guard lock(mutex_);
  if (!added_) return;
  std::vector<std::pair<const Key*, const Entry*>> kept;
  std::size_t total = 0;
  for (const bool used : {true, false}) {
    for (const auto& [key, entry] : entries_) {
      if (entry.used != used || (!used && total + entry.bytes.size() > kMaxBytes)) continue;
      kept.emplace_back(&key, &entry);
      total += entry.bytes.size();
    }
  }
  std::string out(kMagic);
  put(out, kFormat);
  const std::string version = versions();
  put_string(out, version);
  put(out, kept.size());
  for (const auto& [key, entry] : kept) {
    put(out, key->first);
    put(out, key->second);
    put(out, entry->shared ? 1 : 0);
    put(out, checksum(entry->bytes));
    put_string(out, entry->bytes);
  }
  std::error_code error;
  fs::create_directories(file_.parent_path(), error);
  const fs::path temp = file_.string() + ".tmp." + std::to_string(getpid());
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file || !file.write(out.data(), static_cast<std::streamsize>(out.size())) || !file.flush()) {
      fs::remove(temp, error);
      return;
    }
  }
  fs::rename(temp, file_, error);
  if (error) fs::remove(temp, error);
  added_ = false;
}

std::shared_ptr<PatternCache> PatternCache::active() {
  std::lock_guard lock(active_mutex());
  return active_cache();
}

void use_pattern_cache(const fs::path& directory) {
  auto cache = directory.empty() ? nullptr : std::make_shared<PatternCache>(directory);
  std::lock_guard lock(active_mutex());
  active_cache() = std::move(cache);
}

std::size_t patterns_from_cache() {
  const auto cache = PatternCache::active();
  return cache ? cache->found() : 0;
}

fs::path default_pattern_cache_dir() {
  if (const char* dir = std::getenv("CAUCUS_CACHE_DIR")) return fs::path(dir);
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "caucus";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "caucus";
  return {};
}

}  // namespace caucus
