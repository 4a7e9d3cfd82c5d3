// The literal prefilter: which rules can possibly match a piece of text.
//
// Each rule gets a set of trigger words, one of which appears (case-insensitively) in every
// text the rule matches: extracted from its pattern, or declared by the author. One
// Aho-Corasick pass over the document finds every trigger; a rule is then run only on the
// sentences (paragraphs, ...) that contain one of its triggers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "caucus/text.hpp"

namespace caucus {

// Words one of which must appear in any match of `pattern` (a PCRE2 pattern), lower case.
// Empty when no such set can be proven (the rule then runs everywhere). Words shorter than
// `min_length` are not worth filtering on and give an empty set.
std::vector<std::string> extract_triggers(std::string_view pattern, std::size_t min_length = 3);
// Every set of words that can be proven of `pattern` in this way: each match contains a word
// of each set ("{STATE} aligns itself with (the statement|those) of": "aligns itself with",
// and "statement" or "those"). The best set (what extract_triggers() gives) comes first.
std::vector<std::vector<std::string>> extract_trigger_sets(std::string_view pattern, std::size_t min_length = 3);
// extract_trigger_sets() with min_length 3, kept in the cache of compiled patterns when it is
// on (caucus/pattern_cache.hpp): reading a long pattern costs more than finding its answer.
std::vector<std::vector<std::string>> trigger_sets_of(std::string_view pattern);
// What the cache keeps them as: raise the version when the extraction's answers change.
inline constexpr std::string_view kTriggerSetsInCache = "trigger sets 5";
// True for a word found in most sentences of a UN record ("for", "the", "united nations"): a
// rule with it among its triggers runs nearly everywhere (`rules check` warns, R051).
bool everyday_word(std::string_view word);

class Prefilter {
 public:
  // What the prefilter knows of a rule: its trigger words (none: "always run it"), and more
  // sets of words each of which its matches also meet (the rule is a candidate in a unit only
  // if each of them has a word there too).
  struct RuleWords {
    std::vector<std::string> triggers;
    std::vector<std::vector<std::string>> also_required;
  };
  explicit Prefilter(const std::vector<RuleWords>& rules);
  // `triggers[r]` are rule r's trigger words, and nothing more is required.
  explicit Prefilter(const std::vector<std::vector<std::string>>& triggers);
  Prefilter() : Prefilter(std::vector<std::vector<std::string>>{}) {}

  // A trigger word found in the text, in 8 bytes: a long document holds hundreds of thousands
  // of them while its rule files run.
  struct Hit {
    uint32_t begin;        // where the word begins in the text
    uint32_t length : 12;  // its bytes in the text (a stand-in's, see ascii_view.hpp, are more)
    uint32_t word : 20;    // its number
    uint32_t end() const { return begin + length; }
  };
  // The longest word kept whole (its bytes in the text are at most three times as many, which
  // Hit::length holds): a longer one is cut to its first kMaxWordBytes, found wherever it is, and
  // the most words a Prefilter may have.
  static constexpr std::size_t kMaxWordBytes = 1024;
  static constexpr std::size_t kMaxWords = std::size_t{1} << 20;
  // Every trigger occurrence in `text` as the patterns see it (see ascii_view.hpp: "-" in a
  // word is found in the text's no-break hyphen too), ordered by end; offsets are the text's.
  // `stand_ins` are the text's (find_ascii_stand_ins(), kept by Document::ascii_stand_ins()).
  std::vector<Hit> scan(std::string_view text, const std::vector<uint32_t>& stand_ins) const;
  std::vector<Hit> scan(std::string_view text) const { return scan(text, find_ascii_stand_ins(text)); }

  // What candidates() tells of a rule in a unit.
  static constexpr uint32_t kSkip = UINT32_MAX;          // no trigger word of it: it cannot match
  static constexpr uint32_t kAnywhere = UINT32_MAX - 1;  // it has no trigger words: it may match anywhere
  // Sets out[r] (size = rule count) for each rule r that can match inside `unit`, given the
  // hits of the whole text: the offset in the text where the last of its trigger words inside
  // the unit begins (every match holds one, so no match of its consuming part begins after
  // it; with sets in `also_required`, the earliest of each set's last words), or kAnywhere;
  // the others are left as they are (kSkip before the call). `hits` must come from scan() of
  // the same text. `cursor` (0 at first) carries over from one unit to the next: units that
  // come in text order are found by moving it forward, not by a search from scratch.
  void candidates(const std::vector<Hit>& hits, Span unit, std::vector<uint32_t>& out, std::size_t& cursor) const;
  void candidates(const std::vector<Hit>& hits, Span unit, std::vector<uint32_t>& out) const {
    std::size_t cursor = 0;
    candidates(hits, unit, out, cursor);
  }

  std::size_t word_count() const { return words_.size(); }
  // The trigger words, lower case, numbered as Hit::word numbers them.
  const std::vector<std::string>& words() const { return words_; }
  std::size_t rule_count() const { return rule_words_.size(); }

 private:
  std::vector<std::string> words_;
  std::vector<std::vector<uint32_t>> word_rules_;  // word -> rules it triggers
  std::vector<std::vector<uint32_t>> rule_words_;  // rule -> its words (empty = always)
  std::vector<uint32_t> always_;                   // the rules without words
  // The sets of `also_required`, numbered from 0 over all rules: how many, the sets each word
  // is in, and each rule's sets.
  uint32_t set_count_ = 0;
  std::vector<std::vector<uint32_t>> word_sets_;
  std::vector<std::vector<uint32_t>> rule_sets_;
  std::vector<uint32_t> rules_with_sets_;
  // The automaton, compact for the cache: bytes are mapped to classes (case folded; bytes in no
  // word share class 0), transitions are a flat states x classes table whose entries hold the
  // target's row offset (state * classes) shifted left once, with the low bit set if words end
  // there; the words ending in each state are a slice of `outputs_`.
  uint8_t byte_class_[256] = {};
  uint32_t classes_ = 1;
  std::vector<uint32_t> next_;
  std::vector<uint32_t> output_begin_;  // per state, plus one
  std::vector<uint32_t> outputs_;
  uint32_t longest_ = 0;  // bytes of the longest word

  // scan() of text without stand-ins: the bytes as they are.
  std::vector<Hit> scan_bytes(std::string_view text) const;
  // Appends the hits of the words that end at byte `at` in the state of row offset `row`.
  void report(uint32_t row, uint32_t at, std::vector<Hit>& hits) const;
};

}  // namespace caucus
