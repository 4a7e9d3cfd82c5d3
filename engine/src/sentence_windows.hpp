// What of a paragraph ICU's sentence iterator must read to find the same sentence ends.
//
// Under ICU's sentence rules (UAX #29) a sentence can only end just after a terminator (. ? !
// and the like) or a paragraph separator; where exactly, or whether at all, depends on the few
// characters around it: the letter before a full stop ("U.S"), the closing quotes and spaces
// after it, the first letter that follows (lower case: no end), and the abbreviation the
// filtered iterator looks back at ("Mr."). Between two such places, a stretch of ordinary
// characters (letters, digits, commas, spaces, quotes) leaves the iterator in the state one
// ordinary character does. So the iterator is given windows around the terminators, each
// stretch between them cut down to one letter, and its breaks are mapped back: the same
// breaks, with a fraction of the text read (a record's sentences are a hundred characters and
// more, a window a few dozen). tests/test_sentence_windows.cpp compares the two on real and
// generated text.
#pragma once

#include <unicode/umachine.h>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace caucus {

class SentenceWindows {
 public:
  SentenceWindows();

  enum class Plan {
    whole,         // read the paragraph as it is (the windows would leave little out)
    windows,       // read `compact`, mapping its offsets back through `origin`
    one_sentence,  // no terminator or separator: nothing to read, the paragraph is one sentence
  };
  // For `units` (a paragraph in UTF-16, line breaks made spaces): with Plan::windows, fills
  // `compact` with the windows and one letter for each stretch between them, and `origin`
  // with the index in `units` of each unit of `compact`, plus units.size() for its end.
  Plan plan(const std::vector<UChar>& units, std::vector<UChar>& compact, std::vector<int32_t>& origin);
  // How many places the last plan() looked at for a window's edge: linear in the paragraph's
  // length whatever its text (a test holds it to that).
  std::size_t pair_checks() const { return pair_checks_; }

 private:
  enum Kind : uint8_t {
    kOther,      // ordinary: digits, commas, symbols
    kLetter,     // upper, lower, other letters: the first after a terminator decides
    kQuiet,      // spaces, closing punctuation, format and combining characters
    kEnd,        // terminators and paragraph separators: a sentence may end after them
    kSurrogate,  // half of a pair (only in the table: kind() reads the pair)
    kUnknown,    // not looked up yet (only in the table)
  };
  Kind kind(std::size_t at) const {
    const Kind k = kinds_[(*units_)[at]];
    return k < kSurrogate ? k : kind_beyond(at);
  }
  Kind kind_beyond(std::size_t at) const;
  static Kind kind_of(UChar32 c);
  // Windows begin and end between two ordinary characters (letters or kOther), where the
  // iterator is in the state any ordinary character leaves it in.
  bool ordinary_pair(std::size_t at) {
    ++pair_checks_;
    const Kind before = kind(at - 1), here = kind(at);
    return (before == kOther || before == kLetter) && (here == kOther || here == kLetter);
  }
  // The first terminator or separator from `from` on, or the paragraph's end.
  std::size_t next_end(std::size_t from) const;
  // Where the window of the terminator at `end` (and of those that follow close by) ends;
  // moves `end` to the first terminator after it, or the paragraph's end. Gives up, returning
  // kGiveUp, once the window reaches past `limit`.
  std::size_t window_end(std::size_t& end, std::size_t limit);
  static constexpr std::size_t kGiveUp = SIZE_MAX;

  // The kind of each unit of the Basic Multilingual Plane, looked up in ICU on first sight
  // (ASCII at once): the Cyrillic, Arabic or Chinese of other records is all beyond ASCII.
  mutable std::vector<Kind> kinds_;
  bool ascii_ends_are_plain_ = true;  // the ASCII kEnd are . ! ? CR LF (the fast scan's set)
  const std::vector<UChar>* units_ = nullptr;  // the paragraph being read
  std::vector<std::pair<std::size_t, std::size_t>> windows_;
  std::size_t next_pair_ = 0;    // the last ordinary pair window_end() found (or the end)
  std::size_t pair_checks_ = 0;  // see pair_checks()
};

}  // namespace caucus
