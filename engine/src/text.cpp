#include "caucus/text.hpp"

#include <algorithm>

#include "bytes.hpp"
#include "typography.hpp"

namespace caucus {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at text[i], or 0 if it is invalid. When it is invalid,
// `maximal` receives the length of its maximal invalid subpart (at least 1 byte).
std::size_t valid_sequence_length(std::string_view text, std::size_t i, std::size_t* maximal) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char lead = s[i];
  *maximal = 1;
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlongs
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlongs
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= n) return 0;
    const unsigned char byte = s[i + k];
    const bool ok = k == 1 ? (byte >= low && byte <= high) : is_continuation(byte);
    if (!ok) return 0;
    *maximal = k + 1;
  }
  return length;
}

// True if normalise_punctuation() would give the text back as it is: ASCII, single spaces
// between words (most matched names).
bool already_plain(std::string_view text) {
  if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) return false;
  char previous = 0;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80 || (is_ascii_space(c) && (c != ' ' || previous == ' '))) return false;
    previous = c;
  }
  return true;
}

}  // namespace

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(bytes::ascii_lower(static_cast<unsigned char>(c)));
  return lower;
}

// Plain forms of the typographic characters UN documents mix freely, written to `out`.
void normalise_punctuation(std::string_view text, std::string& out) {
  if (already_plain(text)) {
    out.assign(text);
    return;
  }
  out.clear();
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_ascii_space(static_cast<char>(c))) {
      space = true;
      ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (c < 0x80) {  // only non-ASCII characters need a second look
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (const char plain = typography::plain_at(reinterpret_cast<const unsigned char*>(text.data()), text.size(), i)) {
      out += plain;
      i += typography::kLength;
    } else if (rest.starts_with("\u00a0")) {
      space = true;
      i += 2;
    } else {
      out += static_cast<char>(c);
      ++i;
    }
  }
}

std::string normalise_punctuation(std::string_view text) {
  std::string out;
  normalise_punctuation(text, out);
  return out;
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Skip ASCII eight bytes at a time: most of a UN record is ASCII.
    while (i + 8 <= n) {
      uint64_t word;
      std::copy_n(text.data() + i, 8, reinterpret_cast<char*>(&word));
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t maximal;
    const std::size_t length = valid_sequence_length(text, i, &maximal);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t maximal;
    const std::size_t length = valid_sequence_length(text, i, &maximal);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      // The maximal invalid subpart is the valid prefix before the byte that broke it.
      i += maximal;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::pair<std::vector<Span>::const_iterator, std::vector<Span>::const_iterator> spans_overlapping(const std::vector<Span>& sorted,
                                                                                                 Span unit) {
  auto first = std::partition_point(sorted.begin(), sorted.end(), [&](Span s) { return s.end <= unit.begin; });
  auto last = std::partition_point(first, sorted.end(), [&](Span s) { return s.begin < unit.end; });
  return {first, last};
}

uint32_t count_code_points(std::string_view text) {
  // Every byte but continuation bytes (10xxxxxx) starts a code point. Eight bytes at a time,
  // a continuation byte is one with bit 7 set and bit 6 clear; its bit 7, moved to bit 0, is
  // added up per byte lane for up to 16 words, and the lanes summed with one multiplication
  // (no popcount: baseline x86-64 has none).
  std::size_t continuations = 0, i = 0;
  while (i + 8 <= text.size()) {
    uint64_t lanes = 0;
    for (int k = 0; k < 16 && i + 8 <= text.size(); ++k, i += 8) {
      const uint64_t word = bytes::load8(text.data() + i);
      lanes += (word & ~(word << 1) & bytes::kHighs) >> 7;
    }
    continuations += static_cast<std::size_t>((lanes * bytes::kOnes) >> 56);
  }
  for (; i < text.size(); ++i) continuations += is_continuation(static_cast<unsigned char>(text[i]));
  return static_cast<uint32_t>(text.size() - continuations);
}

int wide_space_length(std::string_view text) {
  const auto at = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0; };
  switch (at(0)) {
    case 0xC2: return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0;                              // U+0085, U+00A0
    case 0xE1: return (at(1) == 0x9A && at(2) == 0x80) || (at(1) == 0xA0 && at(2) == 0x8E) ? 3 : 0;  // U+1680, U+180E
    case 0xE2:
      if (at(1) == 0x80) {
        const unsigned char c = at(2);
        return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF ? 3 : 0;  // U+2000-200A, 2028, 2029, 202F
      }
      return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0;  // U+205F
    case 0xE3: return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0;  // U+3000
    default: return 0;
  }
}

namespace {

// One of typography::kHyphens (E2 80 90, E2 80 91) at the start of `text`.
bool unicode_hyphen_at(std::string_view text) {
  if (text.size() < 3 || text[0] != '\xE2' || text[1] != '\x80' || (text[2] & 0xC0) != 0x80) return false;
  return typography::kHyphens.find(0x2000 | (text[2] & 0x3F)) != std::u32string_view::npos;
}

}  // namespace

int ascii_stand_in_length(std::string_view text) { return unicode_hyphen_at(text) ? 3 : wide_space_length(text); }

char ascii_stand_in(std::string_view text) {
  if (unicode_hyphen_at(text)) return '-';
  return wide_space_length(text) > 0 ? ' ' : '\0';
}

std::vector<uint32_t> find_ascii_stand_ins(std::string_view text) {
  std::vector<uint32_t> found;
  for (std::size_t i = 0; i < text.size();) {
    // (ASCII text, most of any record, is skipped eight bytes at a time.)
    if (i + 8 <= text.size() && (bytes::load8(text.data() + i) & bytes::kHighs) == 0) {
      i += 8;
      continue;
    }
    const int length = static_cast<unsigned char>(text[i]) < 0x80 ? 0 : ascii_stand_in_length(text.substr(i));
    if (length > 0) found.push_back(static_cast<uint32_t>(i));
    i += length > 0 ? static_cast<std::size_t>(length) : 1;
  }
  return found;
}

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
  block_start_code_point_.reserve(text.size() / kBlock + 2);
  uint32_t code_points = 0;
  for (std::size_t start = 0; start < text.size(); start += kBlock) {
    block_start_code_point_.push_back(code_points);
    const std::string_view block = text.substr(start, kBlock);
    const uint32_t in_block = count_code_points(block);
    // Without continuation bytes every byte is a code point: offsets need no conversion.
    if (in_block != block.size()) ascii_ = false;
    code_points += in_block;
  }
  code_points_ = code_points;
}

uint32_t OffsetMap::to_code_point(uint32_t byte) const {
  if (ascii_) return std::min<uint32_t>(byte, static_cast<uint32_t>(text_.size()));
  if (byte >= text_.size()) return code_points_;
  const uint32_t block = byte / kBlock;
  const uint32_t start = block * kBlock;
  {
    // A block of ASCII bytes (as many code points as bytes) needs no counting.
    const uint32_t next = block + 1 < block_start_code_point_.size() ? block_start_code_point_[block + 1] : code_points_;
    const uint32_t bytes = std::min<uint32_t>(kBlock, static_cast<uint32_t>(text_.size()) - start);
    if (next - block_start_code_point_[block] == bytes) return block_start_code_point_[block] + (byte - start);
  }
  if (byte >= last_byte_ && byte - last_byte_ < kBlock) {
    last_code_point_ += count_code_points(text_.substr(last_byte_, byte - last_byte_));
    last_byte_ = byte;
    return last_code_point_;
  }
  last_code_point_ = block_start_code_point_[block] + count_code_points(text_.substr(start, byte - start));
  last_byte_ = byte;
  return last_code_point_;
}

uint32_t OffsetMap::to_byte(uint32_t code_point) const {
  const auto size = static_cast<uint32_t>(text_.size());
  if (ascii_) return std::min(code_point, size);
  if (code_point >= code_points_) return size;
  // The last block that starts at or before the code point.
  auto it = std::upper_bound(block_start_code_point_.begin(), block_start_code_point_.end(), code_point);
  uint32_t block = static_cast<uint32_t>(it - block_start_code_point_.begin()) - 1;
  uint32_t byte = block * kBlock;
  uint32_t seen = block_start_code_point_[block];
  // A block may start inside a sequence: step to the first lead byte.
  while (byte < size && is_continuation(static_cast<unsigned char>(text_[byte]))) ++byte;
  while (byte < size && seen < code_point) {
    byte += utf8_sequence_length(static_cast<unsigned char>(text_[byte]));
    ++seen;
  }
  return std::min(byte, size);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

LineColumn LineIndex::locate(uint32_t byte) const {
  byte = std::min<uint32_t>(byte, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  const auto line = static_cast<uint32_t>(it - line_starts_.begin());
  const uint32_t start = line_starts_[line - 1];
  return {line, count_code_points(text_.substr(start, byte - start)) + 1};
}

std::string_view LineIndex::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

}  // namespace caucus
