#include "caucus/hyphenation.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "caucus/text.hpp"

namespace caucus {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return is_blank(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A rejoined word longer than this is not a word (a URL, a table row): it is left as read.
constexpr std::size_t kMaxFragment = 64;

// First parts that make compounds in UN English ("co-sponsor", "non-aligned", "follow-up").
// Prefixes that also begin common words ("inter-national", "pre-vention", "ex-perts") are left
// out: a syllable break after them is more frequent than the compound.
constexpr std::array<std::string_view, 19> kCompoundFirst = {
    "all",   "anti",  "co",      "cross",   "eighty", "fifty",   "follow", "forty", "full", "half",
    "ninety", "non",  "post",    "self",    "seventy", "sixty",  "thirty", "twenty", "well"};

// Second parts that make compounds ("gender-based", "country-led", "decision-making").
constexpr std::array<std::string_view, 23> kCompoundSecond = {
    "based",   "bound",    "centered", "centred", "driven", "effective", "free",    "friendly",
    "led",     "level",    "making",   "minded",  "oriented", "owned",   "related", "round",
    "saving",  "scale",    "sensitive", "specific", "term",  "up",       "wide"};

bool listed(std::string_view word, std::string_view const* begin, std::string_view const* end) {
  return std::find(begin, end, word) != end;
}

}  // namespace

bool is_hyphenated_compound(std::string_view left, std::string_view right) {
  if (left.size() == 1) return true;  // "e-mail", "x-ray"
  return listed(left, kCompoundFirst.begin(), kCompoundFirst.end()) ||
         listed(right, kCompoundSecond.begin(), kCompoundSecond.end());
}

RejoinedWords RejoinedWords::rejoin(std::string& text) {
  RejoinedWords rejoined;
  const std::size_t size = text.size();
  std::size_t from = 0;
  std::size_t rewritten_to = 0;  // the end of the last rewritten stretch
  while (true) {
    const void* found = from < size ? std::memchr(text.data() + from, '\n', size - from) : nullptr;
    if (!found) break;
    const std::size_t newline = static_cast<const char*>(found) - text.data();
    from = newline + 1;
    // Back over "-[ \t]*\r?" to the hyphen, which must follow a letter.
    std::size_t hyphen = newline;
    if (hyphen > 0 && text[hyphen - 1] == '\r') --hyphen;
    while (hyphen > 0 && is_blank(text[hyphen - 1])) --hyphen;
    if (hyphen < 2 || text[hyphen - 1] != '-' || !is_letter(text[hyphen - 2])) continue;
    // Not inside the word rewritten last ("self-\ndetermina-\ntion": its blanks now end the line).
    if (hyphen - 1 < rewritten_to) continue;
    --hyphen;
    // Forward over the next line's indentation to the rest of the word, which must be a letter.
    std::size_t right = newline + 1;
    while (right < size && is_blank(text[right])) ++right;
    if (right >= size || !is_letter(text[right])) continue;
    std::size_t token_end = right;
    while (token_end < size && !is_space(text[token_end]) && token_end - right <= kMaxFragment) ++token_end;
    std::size_t left = hyphen;
    // (Bytes of UTF-8 sequences count as letters: "Méx-" is a word of three letters, not "x".)
    while (left > 0 && (is_letter(text[left - 1]) || static_cast<unsigned char>(text[left - 1]) >= 0x80)) --left;
    if (token_end - right > kMaxFragment || hyphen - left > kMaxFragment) continue;

    std::size_t right_letters = right;
    while (right_letters < token_end && is_letter(text[right_letters])) ++right_letters;
    const std::string left_word = lower_ascii({text.data() + left, hyphen - left});
    const std::string right_word = lower_ascii({text.data() + right, right_letters - right});
    const bool syllable_break = is_lower(text[hyphen - 1]) && is_lower(text[right]) &&
                                !is_hyphenated_compound(left_word, right_word);

    // Bytes [hyphen, token_end) become: the rest of the word, then the line break (the hyphen,
    // when dropped, as one more blank before it).
    const std::string as_read = text.substr(hyphen, token_end - hyphen);
    const std::string_view line_break(as_read.data() + 1, right - hyphen - 1);
    const std::string_view rest(as_read.data() + (right - hyphen), token_end - right);
    std::string rewritten;
    rewritten.reserve(as_read.size());
    if (!syllable_break) rewritten += '-';
    rewritten += rest;
    if (syllable_break) rewritten += ' ';
    // The line break goes after the word, unless the word ended its line: a second break there
    // would make a blank line, which ends a paragraph. Then blanks stand for it.
    const bool ends_line = token_end == size || text[token_end] == '\n' || text[token_end] == '\r';
    if (ends_line) rewritten.append(line_break.size(), ' ');
    else rewritten += line_break;
    text.replace(hyphen, rewritten.size(), rewritten);
    rejoined.words_.push_back({static_cast<uint32_t>(hyphen), as_read, static_cast<uint32_t>(right - hyphen), !syllable_break});
    from = rewritten_to = token_end;
  }
  return rejoined;
}

const RejoinedWord* RejoinedWords::containing(uint32_t offset) const {
  auto it = std::upper_bound(words_.begin(), words_.end(), offset,
                             [](uint32_t value, const RejoinedWord& word) { return value < word.begin; });
  if (it == words_.begin()) return nullptr;
  --it;
  return offset > it->begin && offset < it->begin + it->as_read.size() ? &*it : nullptr;
}

uint32_t RejoinedWords::input_offset(const RejoinedWord& word, uint32_t offset) {
  // The rewritten bytes: ["-"] rest [" "] line-break; as read: "-" line-break rest.
  const uint32_t into_rest = offset - word.begin - (word.hyphen_kept ? 1 : 0);
  const uint32_t rest_size = static_cast<uint32_t>(word.as_read.size()) - word.rest;
  if (into_rest >= rest_size) return word.begin + static_cast<uint32_t>(word.as_read.size());
  return word.begin + word.rest + into_rest;
}

uint32_t RejoinedWords::input_offset(uint32_t offset) const {
  const RejoinedWord* word = containing(offset);
  return word ? input_offset(*word, offset) : offset;
}

std::string_view RejoinedWords::input_slice(std::string_view text, Span span, std::string& buffer) const {
  const std::string_view rewritten = text.substr(span.begin, span.size());
  if (words_.empty()) return rewritten;
  const Span input{input_offset(span.begin), input_offset(span.end)};
  // The first word that may reach into the span (words do not overlap).
  auto it = std::lower_bound(words_.begin(), words_.end(), input.begin, [](const RejoinedWord& word, uint32_t offset) {
    return word.begin + word.as_read.size() <= offset;
  });
  // Outside rejoined words the text is as read.
  if (it == words_.end() || it->begin >= input.end) return text.substr(input.begin, input.size());
  buffer.assign(text.substr(input.begin, input.size()));
  for (; it != words_.end() && it->begin < input.end; ++it) {
    const uint32_t from = std::max(it->begin, input.begin);
    const uint32_t to = std::min<uint32_t>(it->begin + static_cast<uint32_t>(it->as_read.size()), input.end);
    buffer.replace(from - input.begin, to - from, it->as_read, from - it->begin, to - from);
  }
  return buffer;
}

uint32_t RejoinedWords::input_code_point(const OffsetMap& offsets, uint32_t offset) const {
  const RejoinedWord* word = containing(offset);
  if (!word) return offsets.to_code_point(offset);
  // A word's bytes hold the same characters rewritten as read: count them from its start.
  uint32_t code_points = offsets.to_code_point(word->begin);
  const uint32_t end = input_offset(*word, offset) - word->begin;
  for (uint32_t i = 0; i < end; i += utf8_sequence_length(static_cast<unsigned char>(word->as_read[i]))) ++code_points;
  return code_points;
}

}  // namespace caucus
