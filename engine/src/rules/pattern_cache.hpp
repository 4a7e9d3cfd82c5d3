// The compiled-pattern cache behind caucus/pattern_cache.hpp: one file, patterns.bin, of
// PCRE2's serialized codes (pcre2_serialize_encode), each under a 128-bit hash of its compile
// options and its text. PCRE2 does not check serialized code when it decodes it, so each
// entry carries a checksum, and the file names the versions of caucus and PCRE2 that wrote it:
// a file that fails the second is not used, an entry that fails the first is not either. The
// JIT's machine code cannot be serialized: a pattern from the cache is still JIT compiled.
//
// The file is an index (each entry's key, checksum and place) then the entries' bytes; it is
// mapped, not read, and an entry's bytes are checked when it is first asked for. A load thus
// touches the index and the entries it uses, however many entries earlier versions of the
// rules left (up to kMaxBytes). Reading and checking all of it made a load of the shipped
// rules with 8 earlier versions in the cache (7.0 MB) take 91-95 ms, against 52-64 ms now.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "../mapped_file.hpp"

namespace caucus {

class PatternCache {
 public:
  struct Key {
    uint64_t first = 0, second = 0;
    bool operator==(const Key&) const = default;
  };

  // The cache in `directory`/patterns.bin, read (if it is there and whole) when first asked:
  // turning the cache on costs a command that compiles no rules nothing.
  explicit PatternCache(std::filesystem::path directory);

  // The key of a pattern compiled with `options`, JIT compiled or only checked.
  static Key key_of(uint32_t options, bool jit, std::string_view pattern);

  // The code kept under `key`, decoded afresh (the caller frees it), or nullptr. `shared` says
  // whether it is the pattern's shared form (see shared_groups.hpp), whose helper groups are
  // no captures of the rule.
  pcre2_code* find(const Key& key, bool& shared);

  // Keeps `code`, the final form of the pattern under `key`, for save(). Thread-safe: the JIT
  // worker calls it.
  void remember(const Key& key, const pcre2_code* code, bool shared);

  // Other results worked out from a pattern's text and kept the same way (the trigger words
  // of the prefilter): `kind` names what they are, and its version.
  static Key key_of(std::string_view kind, std::string_view text);
  std::optional<std::string> find_bytes(const Key& key);
  void remember_bytes(const Key& key, std::string bytes);

  // Writes the file if remember() or remember_bytes() added an entry: the entries found or added in this process,
  // then the others up to kMaxBytes. Through a temporary file renamed into place, so that a
  // process reading it meanwhile (several caucus processes at once) sees a whole file; a
  // directory that cannot be written leaves the cache as it was.
  void save();

  // Lets go of the file read (its mapping and index) once everything is saved: a loaded
  // pipeline runs with the patterns it decoded, and a later load reads the file again. (The
  // mapping's pages were 1.4 MB of a run's memory with the shipped rules.)
  void forget_file();

  std::size_t size();         // entries held
  std::size_t found() const;  // finds that gave a code
  static constexpr std::size_t kMaxBytes = std::size_t{32} << 20;

  // The cache turned on by use_pattern_cache(), or nullptr.
  static std::shared_ptr<PatternCache> active();

 private:
  struct KeyHash {
    std::size_t operator()(const Key& key) const { return static_cast<std::size_t>(key.first ^ (key.second << 1)); }
  };
  struct Entry {
    // pcre2_serialize_encode's output or remember_bytes()'s: in a buffer of its own (aligned),
    // or in the mapped file (8-byte aligned there).
    std::string owned;
    std::string_view in_file;
    bool from_file = false;  // in_file holds the bytes, else owned does
    uint64_t sum = 0;        // the checksum the file gives for in_file
    bool checked = false;    // in_file's checksum was checked (an owned entry needs none)
    bool shared = false;
    bool used = false;  // found or added in this process
    std::string_view bytes() const { return from_file ? in_file : std::string_view(owned); }
  };

  void read_once();  // with mutex_ held
  // The entry under `key` whose bytes are whole (a damaged one is dropped), or null; marks it
  // used. With mutex_ held.
  Entry* checked_entry(const Key& key);

  std::filesystem::path file_;
  std::unique_ptr<MappedFile> mapped_;  // the file as read: entries' in_file point into it
  mutable std::mutex mutex_;
  std::unordered_map<Key, Entry, KeyHash> entries_;
  bool read_ = false;
  bool added_ = false;
  std::size_t found_ = 0;
};

}  // namespace caucus
