#include "pattern.hpp"

#include "pattern_worker.hpp"
#include "shared_groups.hpp"

namespace caucus {

CompiledPattern::~CompiledPattern() { pcre2_code_free(code); }

void CompiledPattern::make_ready() const { PatternWorker::make_ready(*this); }

std::string pcre2_message(int code) {
  PCRE2_UCHAR buffer[256];
  const int length = pcre2_get_error_message(code, buffer, sizeof buffer);
  return length < 0 ? "unknown PCRE2 error " + std::to_string(code) : std::string(reinterpret_cast<char*>(buffer), static_cast<std::size_t>(length));
}

namespace {

pcre2_code* compile_code(std::string_view pattern, uint32_t options, PatternError* error) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* compiled = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &code, &offset, nullptr);
  if (!compiled && error) {
    error->message = pcre2_message(code);
    error->offset = offset;
  }
  return compiled;
}

// What PCRE2 found out about where matches start and what they must hold, which it uses to
// skip text: a call to a shared group can hide the group's characters from it.
struct StartInfo {
  bool first = false;     // a first code unit or a set of them
  bool required = false;  // a code unit every match holds
  bool operator<=(const StartInfo& other) const { return first <= other.first && required <= other.required; }
};

StartInfo start_info(const pcre2_code* code) {
  uint32_t first_type = 0, last_type = 0;
  const uint8_t* bitmap = nullptr;
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &first_type);
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
  pcre2_pattern_info(code, PCRE2_INFO_LASTCODETYPE, &last_type);
  return {first_type != 0 || bitmap != nullptr, last_type != 0};
}

// True if every match starts where the search does (\A, ^ or \G before every branch): where
// a match may start is then known without the first code units, whatever sharing hid, and
// the pattern as written is not compiled again to compare (see finish()).
bool anchored(const pcre2_code* code) {
  uint32_t options = 0;
  pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &options);
  return (options & PCRE2_ANCHORED) != 0;
}

uint32_t min_length(const pcre2_code* code) {
  uint32_t length = 0;
  pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &length);
  return length;
}

}  // namespace

void CompiledPattern::finish() {
  if (!written_out.empty()) {
    // Sharing may have cost PCRE2 what it skips text with: then the pattern as written is
    // better. Found out here, on the pattern worker, for the second compiling is dear.
    pcre2_code* plain = compile_code(written_out, written_out_options, nullptr);
    if (plain && !(start_info(plain) <= start_info(code))) {
      std::swap(code, plain);
      shared = false;
    }
    pcre2_code_free(plain);
    std::string().swap(written_out);
  }
  if (cache) {
    cache->remember(cache_key, code, shared);
    cache.reset();
  }
  // Without JIT support (some platforms) pcre2_match falls back to the interpreter: same results.
  jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
}

std::shared_ptr<const CompiledPattern> compile_pattern(const std::string& pattern, bool caseless, PatternError& error,
                                                       Jit jit) {
  // PCRE2_USE_OFFSET_LIMIT: the matcher bounds where a search may start (see matcher.cpp).
  // Not PCRE2_UCP: its \s is three times the machine code of an ASCII one, thousands of times
  // over; the matcher shows patterns the text's wide spaces and hyphens as ASCII ones (ascii_view.hpp).
  uint32_t options = PCRE2_UTF | PCRE2_DUPNAMES | PCRE2_USE_OFFSET_LIMIT;
  if (caseless) options |= PCRE2_CASELESS;
  auto result = std::make_shared<CompiledPattern>();
  // A pattern compiled by an earlier run, with the same options and text, from the cache.
  const std::shared_ptr<PatternCache> cache = PatternCache::active();
  const PatternCache::Key key =
      cache ? PatternCache::key_of(options, jit == Jit::compile, pattern) : PatternCache::Key{};
  pcre2_code* compiled = cache ? cache->find(key, result->shared) : nullptr;
  if (!compiled) {
    // Only a pattern to be JIT compiled is worth sharing: JIT compiling is what sharing saves.
    std::string shared = jit == Jit::compile ? share_repeated_groups(pattern, caseless) : std::string();
    compiled = shared.empty() ? nullptr : compile_code(shared, options, nullptr);
    if (compiled && min_length(compiled) == 0) {
      // PCRE2 may not see the least length through a call: the pattern as written says, for
      // the empty-match check.
      pcre2_code_free(compiled);
      compiled = nullptr;
    }
    if (!compiled) {
      shared.clear();
      compiled = compile_code(pattern, options, &error);
      if (!compiled) return nullptr;
    }
    result->shared = !shared.empty();
    // Only where sharing may have hidden where matches start: a hidden required code unit was
    // worth no measurable time (the example corpus ran the same instructions either way), a
    // second compiling is.
    if (result->shared && !start_info(compiled).first && !anchored(compiled)) {
      result->written_out = pattern;
      result->written_out_options = options;
    }
    // The cache keeps the final code: finish() chooses it for a pattern to be JIT compiled.
    if (cache && jit == Jit::compile) {
      result->cache = cache;
      result->cache_key = key;
    } else if (cache) {
      cache->remember(key, compiled, result->shared);
    }
  }
  result->code = compiled;
  result->min_length = min_length(compiled);
  uint32_t name_count = 0, entry_size = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(compiled, PCRE2_INFO_NAMECOUNT, &name_count);
  pcre2_pattern_info(compiled, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info(compiled, PCRE2_INFO_NAMETABLE, &table);
  for (uint32_t i = 0; i < name_count; ++i) {
    const PCRE2_SPTR entry = table + i * entry_size;
    const uint32_t group = (static_cast<uint32_t>(entry[0]) << 8) | entry[1];
    const char* name = reinterpret_cast<const char*>(entry + 2);
    if (!result->shared || !is_shared_group_name(name)) result->groups[name].push_back(group);
  }
  for (const auto& [name, numbers] : result->groups) {
    if (!name.starts_with("_")) result->written_groups.emplace_back(name, numbers);
  }
  if (jit == Jit::compile) {
    PatternWorker::submit(result);
  } else {
    result->ready.store(true, std::memory_order_relaxed);  // checked only: the interpreter will do
  }
  return result;
}

MatchScratch& MatchScratch::for_this_thread() {
  thread_local MatchScratch scratch;
  return scratch;
}

MatchScratch::MatchScratch() {
  data_ = pcre2_match_data_create(kPairs, nullptr);
  context_ = pcre2_match_context_create(nullptr);
  // Big lexicon tries recurse deeply in JIT code: give them a stack that can grow to 4 MB.
  jit_stack_ = pcre2_jit_stack_create(64 * 1024, 4 * 1024 * 1024, nullptr);
  pcre2_jit_stack_assign(context_, nullptr, jit_stack_);
}

MatchScratch::~MatchScratch() {
  pcre2_match_data_free(data_);
  pcre2_match_context_free(context_);
  pcre2_jit_stack_free(jit_stack_);
}

pcre2_match_context* MatchScratch::context(uint32_t match_limit, PCRE2_SIZE last_start) {
  if (last_start != last_start_) {
    pcre2_set_offset_limit(context_, last_start);
    last_start_ = last_start;
  }
  if (match_limit != limit_) {
    pcre2_set_match_limit(context_, match_limit);
    pcre2_set_depth_limit(context_, match_limit / 10 + 1000);
    limit_ = match_limit;
  }
  return context_;
}

}  // namespace caucus
