// Words hyphenated across a line break ("state-\nment", "Non-\nAligned"), as text taken from
// PDF records has them. Rules see words, so a broken word is rejoined before annotation, in
// place and without changing the text's length: offsets outside a rejoined word are offsets
// into the text as read, and output maps those inside one back (input_offset).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "caucus/text.hpp"

namespace caucus {

// A rejoined word: the bytes [begin, begin + as_read.size()) of the text, from the hyphen to
// the end of the word's rest, and what they were as read: "-", the line break, then the rest.
struct RejoinedWord {
  uint32_t begin = 0;
  std::string as_read;
  uint32_t rest = 0;          // where the rest of the word begins in `as_read`
  bool hyphen_kept = false;   // a compound: the rewritten bytes begin with "-"
};

// The words a text had rejoined, in text order, and the way back to the text as read.
class RejoinedWords {
 public:
  // Rewrites each word broken by "-" at a line end into one word, followed by the line break:
  //   "deliv-\nered by"       ->  "delivered \n by"     (lower case on both sides: syllables)
  //   "Non-\nAligned"         ->  "Non-Aligned\n"       (a capital after the break: a compound)
  //   "self-\ndetermination"  ->  "self-determination\n" (a known compound part)
  // The rest of the word runs to the next white space, punctuation included ("state-\nment."
  // becomes "statement. \n"), so that what follows the word still follows it. If the rest
  // ends its line, the moved break becomes blanks: a blank line would end the paragraph.
  // Compound parts are looked up in any case; a capital on either side of the break, or a
  // one-letter first part ("e-mail"), keeps the hyphen.
  static RejoinedWords rejoin(std::string& text);

  bool empty() const { return words_.empty(); }
  const std::vector<RejoinedWord>& words() const { return words_; }

  // The byte offset in the text as read of `offset` in the rewritten text: the same outside
  // rejoined words; inside one, the same place in its rest ("Secretary-General|" ends after
  // "General" as read), and the word's end for the moved line break.
  uint32_t input_offset(uint32_t offset) const;
  // The bytes as read between the input offsets of `span`'s ends; `buffer` holds them when
  // they differ from `text`'s.
  std::string_view input_slice(std::string_view text, Span span, std::string& buffer) const;
  // The code point offset as read of `offset`, given the rewritten text's offset map.
  uint32_t input_code_point(const OffsetMap& offsets, uint32_t offset) const;

 private:
  const RejoinedWord* containing(uint32_t offset) const;  // begin < offset < end, or null
  static uint32_t input_offset(const RejoinedWord& word, uint32_t offset);  // an offset inside `word`
  std::vector<RejoinedWord> words_;
};

// Whether a word split as `left`-`right` (both lower case) is a compound that keeps its
// hyphen ("follow-up", "gender-based") rather than one word broken into syllables.
bool is_hyphenated_compound(std::string_view left, std::string_view right);

}  // namespace caucus
