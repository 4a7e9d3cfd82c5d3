#include "sentence_windows.hpp"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace caucus {
namespace {

// How much of the text around a terminator the iterator reads. Before it: the abbreviation
// the filtered iterator matches backwards from a break ("Hon.B.A.", "U.S.A.", at most a dozen
// characters with the space it skips) and the letter rule SB7 looks at. After the first
// letter that decides whether it ends a sentence: what the filter reads forwards ("Ph.D.").
// Both twice what they need.
constexpr std::size_t kBefore = 24;
constexpr std::size_t kAfter = 24;
// A stretch shorter than this is read rather than cut: a window each side is as cheap.
constexpr std::size_t kMinStretch = 16;

}  // namespace

SentenceWindows::SentenceWindows() : kinds_(0x10000, kUnknown) {
  for (UChar32 c = 0; c < 128; ++c) {
    kinds_[static_cast<std::size_t>(c)] = kind_of(c);
    const bool plain_end = c == '.' || c == '!' || c == '?' || c == '\r' || c == '\n';
    if ((kinds_[static_cast<std::size_t>(c)] == kEnd) != plain_end) ascii_ends_are_plain_ = false;
  }
  for (UChar32 c = 0xD800; c <= 0xDFFF; ++c) kinds_[static_cast<std::size_t>(c)] = kSurrogate;
}

SentenceWindows::Kind SentenceWindows::kind_of(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM: case U_SB_STERM: case U_SB_SEP: case U_SB_CR: case U_SB_LF: return kEnd;
    case U_SB_UPPER: case U_SB_LOWER: case U_SB_OLETTER: return kLetter;
    case U_SB_SP: case U_SB_CLOSE: case U_SB_FORMAT: case U_SB_EXTEND: return kQuiet;
    default: return kOther;
  }
}

SentenceWindows::Kind SentenceWindows::kind_beyond(std::size_t at) const {
  const std::vector<UChar>& units = *units_;
  const UChar u = units[at];
  if (kinds_[u] == kUnknown) return kinds_[u] = kind_of(u);
  // A window never begins or ends between the two halves of a pair; a half alone is read.
  if (U16_IS_LEAD(u) && at + 1 < units.size() && U16_IS_TRAIL(units[at + 1])) {
    return kind_of(U16_GET_SUPPLEMENTARY(u, units[at + 1]));
  }
  if (U16_IS_TRAIL(u) && at > 0 && U16_IS_LEAD(units[at - 1])) return kQuiet;
  return kEnd;
}

std::size_t SentenceWindows::next_end(std::size_t from) const {
  const std::vector<UChar>& units = *units_;
  const std::size_t n = units.size();
  while (from < n) {
#if defined(__SSE2__)
    // Eight units at a time skip those that are neither ASCII terminators and separators
    // (. ! ? CR LF: checked when the table is made) nor beyond ASCII.
    if (ascii_ends_are_plain_) {
      const __m128i dot = _mm_set1_epi16('.'), bang = _mm_set1_epi16('!'), question = _mm_set1_epi16('?');
      const __m128i cr = _mm_set1_epi16('\r'), lf = _mm_set1_epi16('\n');
      const __m128i high = _mm_set1_epi16(static_cast<short>(0xFF80)), zero = _mm_setzero_si128();
      for (; from + 8 <= n; from += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(units.data() + from));
        const __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(v, high), zero);
        const __m128i ends = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(v, dot), _mm_cmpeq_epi16(v, bang)),
                                          _mm_or_si128(_mm_cmpeq_epi16(v, question),
                                                       _mm_or_si128(_mm_cmpeq_epi16(v, cr), _mm_cmpeq_epi16(v, lf))));
        if (_mm_movemask_epi8(_mm_andnot_si128(ascii, _mm_set1_epi16(-1))) != 0 || _mm_movemask_epi8(ends) != 0) break;
      }
    }
#endif
    for (const std::size_t block_end = std::min(n, from + 8); from < block_end; ++from) {
      if (kind(from) == kEnd) return from;
    }
  }
  return n;
}

std::size_t SentenceWindows::window_end(std::size_t& end, std::size_t limit) {
  const std::size_t n = units_->size();
  for (;;) {
    // A window that grows past `limit` (half the paragraph) is not worth finishing: close
    // terminators, as in Chinese, join all the windows into one; the caller reads the
    // paragraph whole.
    if (end > limit) return kGiveUp;
    // Whether the terminator ends a sentence is decided at the first letter after it (rules
    // SB6 to SB11: closing punctuation, spaces, digits, commas, more terminators come first).
    std::size_t letter = end + 1;
    while (letter < n && kind(letter) != kLetter) ++letter;
    if (letter >= n) {
      end = n;
      return n;
    }
    std::size_t stop = std::min(n, letter + 1 + kAfter);
    // The first ordinary pair from there on: the one found last time if it is not behind
    // (with no pair in the text, each terminator would otherwise scan to the end again).
    if (stop > next_pair_) {
      while (stop < n && !ordinary_pair(stop)) ++stop;
      next_pair_ = stop;
    } else {
      stop = next_pair_;
    }
    end = next_end(letter);
    // A terminator whose window would touch this one shares it.
    if (end < n && end < stop + kBefore + kMinStretch) continue;
    return stop;
  }
}

SentenceWindows::Plan SentenceWindows::plan(const std::vector<UChar>& units, std::vector<UChar>& compact,
                                            std::vector<int32_t>& origin) {
  units_ = &units;
  const std::size_t n = units.size();
  std::size_t end = next_end(0);
  if (end == n) return Plan::one_sentence;
  windows_.clear();
  next_pair_ = 0;
  pair_checks_ = 0;
  std::size_t read = 0;  // units of the windows so far, and one for each stretch before them
  while (end < n) {
    const std::size_t floor = windows_.empty() ? 0 : windows_.back().second;
    std::size_t start = end > floor + kBefore ? end - kBefore : floor;
    while (start > floor && !ordinary_pair(start)) --start;
    const std::size_t stop = window_end(end, start + n / 2);
    if (stop == kGiveUp) return Plan::whole;
    if (!windows_.empty() && start < floor + kMinStretch) {
      read += stop - windows_.back().second;
      windows_.back().second = stop;
    } else {
      read += stop - start + 1;
      windows_.emplace_back(start, stop);
    }
    // Text dense with terminators (lists of initials, scripts with short sentences) is read
    // whole: the windows would be most of it.
    if (read * 4 > n * 3) return Plan::whole;
  }

  compact.resize(read + 1);
  origin.resize(read + 2);
  std::size_t size = 0;
  std::size_t cursor = 0;  // the first unit not yet read or cut
  const auto cut_to = [&](std::size_t to) {
    if (to <= cursor) return;
    // One ordinary letter stands for the stretch: after it the iterator is where the
    // stretch's last ordinary character would leave it. Breaks never fall inside a stretch.
    compact[size] = u'x';
    origin[size++] = static_cast<int32_t>(cursor);
  };
  for (const auto& [start, stop] : windows_) {
    cut_to(start);
    std::memcpy(compact.data() + size, units.data() + start, (stop - start) * sizeof(UChar));
    for (std::size_t k = start; k < stop; ++k) origin[size++] = static_cast<int32_t>(k);
    cursor = stop;
  }
  cut_to(n);
  compact.resize(size);
  origin[size] = static_cast<int32_t>(n);
  origin.resize(size + 1);
  return Plan::windows;
}

}  // namespace caucus
