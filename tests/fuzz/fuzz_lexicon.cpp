// libFuzzer target, differential: the lexicon matcher against the regex it stands in for, on
// the shipped lexicons, at every character of arbitrary text. Wherever the matcher decides,
// it must decide as PCRE2 does (see engine/src/lexicon_matcher.hpp); a difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "../../engine/src/lexicon_matcher.hpp"
#include "../../engine/src/rules/pattern.hpp"
#include "caucus/lexicon.hpp"
#include "caucus/pipeline.hpp"

namespace {

struct Pair {
  std::unique_ptr<caucus::LexiconMatcher> matcher;
  std::shared_ptr<const caucus::CompiledPattern> regex;
};

std::vector<Pair> load() {
  std::vector<Pair> pairs;
  const auto root = caucus::default_pipeline_path().parent_path() / "actors";
  for (const auto& [file, field] : std::vector<std::pair<std::string, std::string>>{
           {"states.toml", "names"}, {"states.toml", "demonyms"}, {"groups.toml", "names"}}) {
    caucus::Diagnostics diagnostics;
    auto lexicon = caucus::Lexicon::load(root / file, file, {}, diagnostics);
    if (!lexicon) std::abort();
    caucus::PatternError error;
    Pair pair{caucus::LexiconMatcher::make(lexicon->pattern_words(field), lexicon->pattern_acronyms(field),
                                           lexicon->options().ignore_case),
              // Compiled as the rule compiler compiles it for a rule the matcher serves.
              caucus::compile_pattern("\\G(?:" + caucus::lexicon_element(*lexicon, field) + ")", true, error,
                                      caucus::Jit::skip)};
    if (!pair.matcher || !pair.regex) std::abort();
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<Pair> pairs = load();
  caucus::MatchScratch& scratch = caucus::MatchScratch::for_this_thread();
  pcre2_match_data* match = scratch.data();
  pcre2_match_context* limits = scratch.context(1'000'000);  // the rule files' default
  // The matcher reads the text as the rules do: valid UTF-8 (the reader replaces the rest).
  const int valid = pcre2_match(pairs[0].regex->code, data, size, 0, 0, match, nullptr);
  if (valid <= PCRE2_ERROR_UTF8_ERR1 && valid >= PCRE2_ERROR_UTF8_ERR21) return 0;
  for (const Pair& pair : pairs) {
    for (std::size_t at = 0; at < size; ++at) {
      if ((data[at] & 0xC0) == 0x80) continue;
      const auto found = pair.matcher->match(data, size, at);
      if (found.outcome == caucus::LexiconMatcher::Outcome::unsure) continue;
      const int rc = pcre2_match(pair.regex->code, data, size, at, PCRE2_NO_UTF_CHECK, match, limits);
      // A limit met: the regex gives no answer to compare with (in a run the matcher's stands).
      if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT) continue;
      if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
        std::fprintf(stderr, "lexicon matcher: the regex failed at %zu (%d)\n", at, rc);
        std::abort();
      }
      const std::size_t expected = rc > 0 ? pcre2_get_ovector_pointer(match)[1] : 0;
      const std::size_t got = found.outcome == caucus::LexiconMatcher::Outcome::match ? found.end : 0;
      if (got != expected) {
        std::fprintf(stderr, "lexicon matcher: at %zu it ends at %zu, the regex at %zu\n", at, got, expected);
        std::abort();
      }
    }
  }
  return 0;
}
