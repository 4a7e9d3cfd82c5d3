// PCRE2 inside the engine: compiled rule patterns and the per-thread scratch space to run them.
#pragma once

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "caucus/name.hpp"
#include "pattern_cache.hpp"

namespace caucus {

struct CompiledPattern {
  // Replaced by finish() on the pattern worker: read it only once `ready` is true.
  pcre2_code* code = nullptr;
  // Capture name -> group numbers (several when the pattern reuses a name in alternatives).
  std::map<std::string, std::vector<uint32_t>> groups;
  // The same, in name order, without the helper groups (a leading '_'): the attributes a
  // match writes, named in advance.
  std::vector<std::pair<Name, std::vector<uint32_t>>> written_groups;
  uint32_t min_length = 0;  // of any match, in code units
  bool jit = false;  // JIT compiled: run with pcre2_jit_match(), which skips pcre2_match()'s checks
  // False while the pattern worker has the pattern (see pattern_worker.hpp): `code` and `jit`
  // are not yet final.
  std::atomic<bool> ready{false};
  ~CompiledPattern();
  // Matches from `at` (the subject is valid UTF-8: not checked again).
  int match(PCRE2_SPTR subject, PCRE2_SIZE length, PCRE2_SIZE at, pcre2_match_data* data, pcre2_match_context* context) const {
    if (!ready.load(std::memory_order_acquire)) make_ready();
    return jit ? pcre2_jit_match(code, subject, length, at, 0, data, context)
               : pcre2_match(code, subject, length, at, PCRE2_NO_UTF_CHECK, data, context);
  }
  // Finishes the pattern on this thread if the worker has not started on it, else waits.
  void make_ready() const;
  // Makes the pattern ready to match: picks the pattern as written over its shared form if
  // that is better (see compile_pattern()), keeps the choice in the cache and JIT compiles it.
  // Run by the pattern worker, or by the first thread to match the pattern before the worker.
  void finish();
  // The pattern as written, with its compile options, while finish() has to compare it with
  // the shared form `code` holds.
  std::string written_out;
  uint32_t written_out_options = 0;
  // Where finish() keeps the code it chose, under `cache_key` (null: no cache, or the code
  // came from it).
  std::shared_ptr<PatternCache> cache;
  PatternCache::Key cache_key;
  bool shared = false;  // `code` is the shared form (shared_groups.hpp)
};

struct PatternError {
  std::string message;
  std::size_t offset = 0;  // into the pattern that was compiled
};

// Compiles with UTF, Unicode properties, duplicate names and offset limits on (see
// MatchScratch::context()); `caseless` unless the rule is case-sensitive. Returns nullptr and
// fills `error` on failure. With Jit::skip the pattern is only checked (a macro's): JIT
// compiling is most of the cost of compiling. With Jit::compile the JIT compiling is left to
// the pattern worker (pattern_worker.hpp), and may still be to do when this returns.
enum class Jit { compile, skip };
std::shared_ptr<const CompiledPattern> compile_pattern(const std::string& pattern, bool caseless, PatternError& error,
                                                       Jit jit = Jit::compile);

// Per-thread match data, match context and JIT stack, sized for the largest pattern seen.
class MatchScratch {
 public:
  // 200 pairs cover any sane rule; PCRE2 reports the overall match even if a rule has more.
  static constexpr uint32_t kPairs = 200;
  static MatchScratch& for_this_thread();
  ~MatchScratch();
  pcre2_match_data* data() { return data_; }
  // The context with the given match limit; a search with it starts no attempt after
  // `last_start` (PCRE2_UNSET: anywhere).
  pcre2_match_context* context(uint32_t match_limit, PCRE2_SIZE last_start = PCRE2_UNSET);

 private:
  MatchScratch();
  pcre2_match_data* data_ = nullptr;
  pcre2_match_context* context_ = nullptr;
  pcre2_jit_stack* jit_stack_ = nullptr;
  uint32_t limit_ = 0;
  PCRE2_SIZE last_start_ = PCRE2_UNSET;
};

// The error text PCRE2 gives for an error code.
std::string pcre2_message(int code);

}  // namespace caucus
