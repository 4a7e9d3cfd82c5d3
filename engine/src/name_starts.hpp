// Where in a text the names of lexicons may begin.
//
// A rule whose every match begins with a lexicon name ("(?<actor>{lexicon:states})") would
// make PCRE2 try the lexicon's thousand-branch trie at every word of the text. NameStarts
// finds, in one pass for all the lexicons of a rule file, the few places where a name can
// begin (a walk down a trie of the names at each word start), and the rule's regex searches
// from those places only (see every_match_begins_with() for when that is safe). The finder
// may report a place where the regex then fails (it ignores case everywhere, reads every other
// non-ASCII character as one wildcard, and all digits, and most punctuation, as one symbol),
// never miss one where it succeeds: the results are those of the plain search.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bytes.hpp"

namespace caucus {

class SortedTrie;

class NameStarts {
 public:
  // One list of names per lexicon (field) of a rule set, as the lexicon's pattern spells them
  // (punctuation made plain, single spaces). At most 32 lists.
  explicit NameStarts(const std::vector<std::vector<std::string>>& lists);
  static constexpr std::size_t kMaxLists = 32;

  // Sets out[k] to every offset in `text` at which a name of list k may begin, increasing:
  // one pass over the text for all the lists.
  void find(std::string_view text, std::vector<std::vector<uint32_t>>& out) const;
  std::size_t list_count() const { return list_count_; }
  // True for the bytes a name may not touch (letters, digits, '_', '-'): a place after one is
  // no word start, and a name must not be followed by one.
  static bool word_byte(unsigned char c);
  // True if a footnote's number may begin at `at` (> 0), stuck to a name's last letter: a digit
  // after a small ASCII letter ("Croatia1, ..."). The lexicon element allows one or two digits.
  static bool footnote_number_at(const unsigned char* text, std::size_t at) {
    return bytes::ascii_digit(text[at]) && text[at - 1] >= 'a' && text[at - 1] <= 'z';
  }
  // True for the ASCII bytes PCRE2's \s matches (a space in a name matches a run of them).
  static bool space_byte(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

 private:
  // The lists of which a name is spelled from `at` on as a whole word (a bit each).
  uint32_t names_at(const unsigned char* text, std::size_t at, std::size_t size) const;

  // The trie of the names as a double array, small enough for the cache (a dense table of
  // nodes x classes was ten times larger, and a walk missed the cache at nearly every step).
  // A node is a slot; the child of node s by class c is slot t = slots_[s].base + c if
  // slots_[t].parent == s. The root is slot 0; ends_[t] says of which lists node t ends a name.
  struct Slot {
    uint32_t base = 0;
    uint32_t parent = kFree;
  };
  static constexpr uint32_t kFree = UINT32_MAX;
  std::array<uint8_t, 256> class_{};        // symbol -> class; 0 for symbols in no name
  std::array<uint8_t, 256> ascii_class_{};  // text byte -> class of its symbol; kSlow: read it whole
  uint32_t classes_ = 1;
  std::vector<Slot> slots_;
  std::vector<uint32_t> ends_;
  uint32_t child(uint32_t node, uint8_t cls) const {
    const uint32_t t = slots_[node].base + cls;
    return cls != 0 && slots_[t].parent == node ? t : 0;
  }
  // Packs `trie` into slots_ and ends_; ends[node] says of which lists the node ends a name.
  void pack(const SortedTrie& trie, const std::vector<uint32_t>& ends);
  std::size_t list_count_ = 0;
  // A quick test before the walk: the classes of the first four symbols (ASCII white space
  // counted as one space each) must begin some name. Bit ((a * classes + b) * classes + c) *
  // classes + d; shorter names set every bit they begin.
  static constexpr std::size_t kGram = 4;
  std::array<uint8_t, 256> gram_class_{};  // text byte -> class for the test; kSlow: walk
  std::vector<uint64_t> grams_;
  bool may_begin(const unsigned char* text, std::size_t at, std::size_t size) const;
};

}  // namespace caucus
