#include "pattern_cache.hpp"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "byte_fields.hpp"
#include "caucus/pattern_cache.hpp"
#include "caucus/replaced_file.hpp"

namespace caucus {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "caucus patterns\n";
// The file's layout and what its codes are: raise it when either changes (the entries'
// fields; how compile_pattern() chooses a pattern's final form, shared_groups.cpp's names).
constexpr uint32_t kFormat = 2;
// Each entry's index fields (two for the key, shared, checksum, offset, size), and the
// alignment of its bytes in the file: PCRE2 reads serialized code as it lays it out.
constexpr std::size_t kIndexFields = 6;
constexpr std::size_t kAlign = 8;

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
  auto mapped = MappedFile::open(file_.string());
  if (!mapped) return;
  const std::string_view file = mapped->bytes();
  FieldReader reader(file);
  if (reader.take(kMagic.size()) != kMagic || reader.number() != kFormat) return;
  if (reader.string() != versions()) return;
  std::unordered_map<Key, Entry, KeyHash> entries;
  for (uint64_t count = reader.number(); reader.good() && count > 0; --count) {
    Key key;
    key.first = reader.number();
    key.second = reader.number();
    Entry entry;
    entry.shared = reader.number() != 0;
    entry.sum = reader.number();
    const uint64_t offset = reader.number(), size = reader.number();
    // Every entry's place must be inside the file and aligned, or the index is not trusted.
    if (!reader.good() || offset % kAlign != 0 || offset > file.size() || size > file.size() - offset) {
      return;
    }
    entry.in_file = file.substr(offset, size);
    entry.from_file = true;
    entries[key] = std::move(entry);
  }
  if (!reader.good()) return;
  entries_ = std::move(entries);
  mapped_ = std::move(mapped);
}

PatternCache::Entry* PatternCache::checked_entry(const Key& key) {
  read_once();
  const auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  Entry& entry = it->second;
  if (entry.from_file && !entry.checked) {
    if (checksum(entry.in_file) != entry.sum) {
      entries_.erase(it);
      return nullptr;
    }
    entry.checked = true;
  }
  entry.used = true;
  return &entry;
}

pcre2_code* PatternCache::find(const Key& key, bool& shared) {
  std::lock_guard lock(mutex_);
  Entry* entry = checked_entry(key);
  if (!entry) return nullptr;
  pcre2_code* code = nullptr;
  if (pcre2_serialize_decode(&code, 1, reinterpret_cast<const uint8_t*>(entry->bytes().data()), nullptr) != 1) {
    entries_.erase(key);
    return nullptr;
  }
  shared = entry->shared;
  ++found_;
  return code;
}

void PatternCache::remember(const Key& key, const pcre2_code* code, bool shared) {
  uint8_t* bytes = nullptr;
  PCRE2_SIZE size = 0;
  if (pcre2_serialize_encode(&code, 1, &bytes, &size, nullptr) != 1) return;
  Entry entry;
  entry.owned.assign(reinterpret_cast<const char*>(bytes), size);
  entry.shared = shared;
  entry.used = true;
  pcre2_serialize_free(bytes);
  std::lock_guard lock(mutex_);
  read_once();
  entries_[key] = std::move(entry);
  added_ = true;
}

std::optional<std::string> PatternCache::find_bytes(const Key& key) {
  std::lock_guard lock(mutex_);
  const Entry* entry = checked_entry(key);
  if (!entry) return std::nullopt;
  return std::string(entry->bytes());
}

void PatternCache::remember_bytes(const Key& key, std::string bytes) {
  Entry entry;
  entry.owned = std::move(bytes);
  entry.used = true;
  std::lock_guard lock(mutex_);
  read_once();
  entries_[key] = std::move(entry);
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
      const std::size_t size = entry.bytes().size();
      if (entry.used != used || (!used && total + size > kMaxBytes)) continue;
      kept.emplace_back(&key, &entry);
      total += size;
    }
  }
  // The index, then the entries' bytes, each at an aligned offset.
  std::string index(kMagic);
  put(index, kFormat);
  put_string(index, versions());
  put(index, kept.size());
  const auto aligned = [](std::size_t at) { return (at + kAlign - 1) / kAlign * kAlign; };
  std::size_t at = aligned(index.size() + kept.size() * kIndexFields * sizeof(uint64_t));
  for (const auto& [key, entry] : kept) {
    put(index, key->first);
    put(index, key->second);
    put(index, entry->shared ? 1 : 0);
    // An entry from the file keeps the checksum the file gave it: one that was damaged there
    // and not used here stays detectably damaged.
    put(index, entry->from_file ? entry->sum : checksum(entry->owned));
    put(index, at);
    put(index, entry->bytes().size());
    at = aligned(at + entry->bytes().size());
  }
  std::error_code error;
  fs::create_directories(file_.parent_path(), error);
  // The file being replaced stays mapped (mapped_) while the new one is written and renamed.
  ReplacedFile file(file_);
  std::size_t written = index.size();
  file.write(index);
  for (const auto& [key, entry] : kept) {
    const std::string padding(aligned(written) - written, '\0');
    file.write(padding);
    file.write(entry->bytes());
    written = aligned(written) + entry->bytes().size();
  }
  // A cache that cannot be written is no error: this run's patterns are compiled, the next
  // run compiles them again (and tries to save them again).
  if (file.commit()) added_ = false;
}

void PatternCache::forget_file() {
  std::lock_guard lock(mutex_);
  if (added_) return;  // not written: what was added waits for the next save()
  entries_.clear();
  mapped_.reset();
  read_ = false;
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
