// UTF-8 text utilities: validation, byte <-> code point offsets, line/column lookup.
//
// Inside caucus every offset is a byte offset into the document's UTF-8 text, which is what
// PCRE2 and ICU's UText work with. Users see code point offsets (Python's str indices), so
// every offset is converted exactly once, when output is written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caucus {

// A half-open byte range [begin, end) into a document's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
  bool overlaps(Span other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(Span, Span) = default;
};

// The spans of `sorted` (in text order, none overlapping another, none empty) that overlap
// `unit`: a run of them, found by binary search.
std::pair<std::vector<Span>::const_iterator, std::vector<Span>::const_iterator> spans_overlapping(const std::vector<Span>& sorted,
                                                                                                 Span unit);

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or npos when the
// whole text is valid. Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::size_t find_invalid_utf8(std::string_view text);

// Returns `text` with every invalid UTF-8 sequence replaced by U+FFFD (one per maximal
// invalid subpart, as the Unicode standard recommends).
std::string replace_invalid_utf8(std::string_view text);

// `text` with the ASCII capitals in lower case, every other byte as it is.
std::string lower_ascii(std::string_view text);

// `text` with the typographic apostrophes, quotes and hyphens of UN documents in their plain
// ASCII form ("Secretary\u2011General" -> "Secretary-General", "Assembly\u2019s" -> "Assembly's"),
// no-break spaces as spaces, and white space collapsed to single spaces.
std::string normalise_punctuation(std::string_view text);
void normalise_punctuation(std::string_view text, std::string& out);  // the same, into `out`

// True for the white space a line of text or a scanned symbol holds: space, tab, line feed,
// carriage return.
inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length in bytes of the UTF-8 sequence that starts with `lead` (1 for invalid leads).
inline int utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// The length in bytes of the white-space character outside ASCII at the start of `text`, the
// characters PCRE2_UCP's \s matches (U+0085, U+00A0, U+1680, U+180E, U+2000-U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000), or 0.
int wide_space_length(std::string_view text);

// The length in bytes of the character outside ASCII at the start of `text` that rule
// patterns see as one ASCII character (see rules/ascii_view.hpp), or 0: white space
// (wide_space_length()), seen as ' ', and the Unicode hyphens U+2010 and U+2011, seen as '-'
// (press releases print "Under\u2011Secretary\u2011General" with the no-break one).
int ascii_stand_in_length(std::string_view text);
// The ASCII character the one at the start of `text` is seen as: ' ', '-', or 0 if none.
char ascii_stand_in(std::string_view text);

// The byte offsets of those characters in `text`, in order.
std::vector<uint32_t> find_ascii_stand_ins(std::string_view text);

// Converts byte offsets to code point offsets and back in O(1) + a short scan, using a
// checkpoint every kBlock bytes. Built once per document; valid UTF-8 is assumed.
class OffsetMap {
 public:
  OffsetMap() = default;
  explicit OffsetMap(std::string_view text);

  // Code point offset of byte offset `byte` (which must lie on a code point boundary or at
  // the end of the text).
  uint32_t to_code_point(uint32_t byte) const;
  // Byte offset of code point offset `code_point` (clamped to the end of the text).
  uint32_t to_byte(uint32_t code_point) const;
  uint32_t code_point_count() const { return code_points_; }
  bool is_ascii() const { return ascii_; }

 private:
  static constexpr uint32_t kBlock = 256;
  std::string_view text_;
  // The last conversion: output asks for offsets in increasing order, so most conversions
  // count only the bytes since the previous one. A Document is used by one thread at a time.
  mutable uint32_t last_byte_ = 0, last_code_point_ = 0;
  std::vector<uint32_t> block_start_code_point_;  // code points before byte i * kBlock
  uint32_t code_points_ = 0;
  bool ascii_ = true;
};

// 1-based line and column of a byte offset; the column counts code points.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};

// Finds the line and column of a byte offset. Lines end at "\n"; a "\r\n" pair counts as one
// line end, and a lone "\r" too (old Mac files), so mixed line endings give the lines a person
// sees in an editor.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  LineColumn locate(uint32_t byte) const;
  // The text of 1-based line `line`, without its line end.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::string_view text_;
  std::vector<uint32_t> line_starts_;
};

// Number of code points in `text` (valid UTF-8 assumed).
uint32_t count_code_points(std::string_view text);

}  // namespace caucus
