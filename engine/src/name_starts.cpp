#include "name_starts.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "bytes.hpp"
#include "caucus/text.hpp"
#include "sorted_trie.hpp"
#include "typography.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace caucus {
namespace {

// The symbol every non-ASCII character without an ASCII reading becomes.
constexpr unsigned char kOther = 0x80;

// The code point of the UTF-8 sequence at `at` (of `length` bytes); U+FFFD if truncated.
char32_t decode(std::string_view text, std::size_t at, int length) {
  if (at + static_cast<std::size_t>(length) > text.size()) return 0xFFFD;
  const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[at + k])); };
  switch (length) {
    case 2: return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3: return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    case 4: return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    default: return byte(0);
  }
}

// Reads one symbol at `at` and returns where the next one starts: ASCII lower-cased, a run of
// white space as one ' ', the typographic quotes and dashes the lexicon pattern accepts as
// their plain forms, the two non-ASCII letters PCRE2 matches to ASCII ones without case (KELVIN
// SIGN, LONG S) as those, anything else non-ASCII as kOther.
std::size_t read_symbol(std::string_view text, std::size_t at, unsigned char& symbol) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80 && !NameStarts::space_byte(c)) {
    symbol = bytes::ascii_lower(c);
    return at + 1;
  }
  std::size_t next = at;
  bool space = false;
  while (next < text.size()) {
    const auto b = static_cast<unsigned char>(text[next]);
    if (NameStarts::space_byte(b)) {
      space = true;
      ++next;
      continue;
    }
    if (b < 0x80) break;
    const int length = utf8_sequence_length(b);
    // (White space outside ASCII is a space too, as the patterns see it: wide_space_length().)
    if (wide_space_length(text.substr(next)) == 0) {
      const char32_t cp = decode(text, next, length);
      if (space) break;
      next += static_cast<std::size_t>(length);
      if (const char plain = typography::plain(cp)) {
        symbol = static_cast<unsigned char>(plain);
      } else {
        symbol = cp == 0x212A ? 'k' : cp == 0x017F ? 's' : kOther;
      }
      return next;
    }
    space = true;
    next += static_cast<std::size_t>(length);
  }
  symbol = ' ';
  return next;
}

constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }
  return table;
}();

constexpr uint8_t kSlow = 0xFF;

// The symbol that stands for `symbol` in the trie: all digits are one, and so are the ASCII
// punctuation marks other than those names are made of. Fewer classes, a smaller table; the
// finder then reports a few more places (the regex checks them), never fewer.
unsigned char representative(unsigned char symbol) {
  if (symbol >= '0' && symbol <= '9') return '0';
  if (symbol < 0x80 && !std::isalpha(symbol) && !std::strchr(" '-.&", symbol)) return '!';
  return symbol;
}

}  // namespace

bool NameStarts::word_byte(unsigned char c) { return kWordByte[c]; }

NameStarts::NameStarts(const std::vector<std::vector<std::string>>& lists)
    : list_count_(std::min(lists.size(), kMaxLists)) {
  std::vector<std::string> spelled;  // each name as its symbols
  std::vector<uint32_t> list_of;
  for (std::size_t list = 0; list < list_count_; ++list) {
    for (const auto& name : lists[list]) {
      list_of.push_back(static_cast<uint32_t>(list));
      auto& symbols = spelled.emplace_back();
      for (std::size_t at = 0; at < name.size();) {
        unsigned char symbol = 0;
        at = read_symbol(name, at, symbol);
        symbol = representative(symbol);
        if (class_[symbol] == 0) class_[symbol] = static_cast<uint8_t>(classes_++);
        symbols.push_back(static_cast<char>(symbol));
      }
    }
  }
  for (int c = 0; c < 256; ++c) class_[c] = class_[representative(static_cast<unsigned char>(c))];
  for (int c = 0; c < 256; ++c) {
    const bool plain = c < 0x80 && !NameStarts::space_byte(static_cast<unsigned char>(c));
    ascii_class_[c] = plain ? class_[bytes::ascii_lower(static_cast<unsigned char>(c))] : kSlow;
    gram_class_[c] = c < 0x80 && !plain ? class_[' '] : ascii_class_[c];
  }
  // The quick test: the first four symbols of every name (all continuations of a shorter one
  // that a name may end before). Text windows with a run of white space (two bytes, one
  // symbol) are not tested but walked.
  const std::size_t k = classes_;
  // A name ends before no letter, digit, '_' or '-': after "I" or "We" the test lets through
  // only the classes that hold some other byte, not every word that begins with "i" or "we".
  std::vector<char> may_follow_a_name(k, 0);
  for (int c = 0; c < 0x80; ++c) {
    if (!kWordByte[c]) may_follow_a_name[gram_class_[c]] = 1;
  }
  grams_.assign((k * k * k * k + 63) / 64, 0);
  for (const auto& symbols : spelled) {
    if (symbols.empty()) continue;
    std::size_t first[kGram], last[kGram];
    for (std::size_t g = 0; g < kGram; ++g) {
      first[g] = g < symbols.size() ? class_[static_cast<unsigned char>(symbols[g])] : 0;
      last[g] = g < symbols.size() ? first[g] + 1 : k;
    }
    const auto fits = [&](std::size_t g, std::size_t cls) { return g != symbols.size() || may_follow_a_name[cls]; };
    for (std::size_t a = first[0]; a < last[0]; ++a) {
      for (std::size_t b = first[1]; b < last[1]; ++b) {
        if (!fits(1, b)) continue;
        for (std::size_t c = first[2]; c < last[2]; ++c) {
          if (!fits(2, c)) continue;
          for (std::size_t d = first[3]; d < last[3]; ++d) {
            if (!fits(3, d)) continue;
            const std::size_t bit = ((a * k + b) * k + c) * k + d;
            grams_[bit / 64] |= uint64_t{1} << (bit % 64);
          }
        }
      }
    }
  }
  // Which lists end a name at each node of the names' trie.
  const SortedTrie trie(spelled);
  std::vector<uint32_t> ends(trie.node_count(), 0);
  for (std::size_t n = 0; n < spelled.size(); ++n) {
    if (!spelled[n].empty()) ends[trie.end_of(n)] |= uint32_t{1} << list_of[n];
  }
  pack(trie, ends);
}

void NameStarts::pack(const SortedTrie& trie, const std::vector<uint32_t>& ends) {
  const std::size_t nodes = trie.node_count();
  std::vector<uint32_t> slot_of(nodes, 0);  // node -> slot
  slots_.assign(nodes + classes_, Slot{});
  slots_[0].parent = 0;  // the root's slot is taken (by itself)
  std::size_t first_free = 1;
  std::vector<uint8_t> classes;  // of the current node's children
  // Nodes in the order made: a parent is always placed before its children.
  for (uint32_t node = 0; node < nodes; ++node) {
    const auto children = trie.children(node);
    if (children.empty()) continue;
    classes.clear();
    for (const auto& edge : children) classes.push_back(class_[edge.symbol]);
    const uint8_t lowest = *std::min_element(classes.begin(), classes.end());
    while (slots_[first_free].parent != kFree) ++first_free;
    // The first base at which every child's slot is free (first fit).
    std::size_t base = first_free > lowest ? first_free - lowest : 0;
    for (;; ++base) {
      if (base + classes_ > slots_.size()) slots_.resize(base + classes_, Slot{});
      if (std::all_of(classes.begin(), classes.end(), [&](uint8_t c) { return slots_[base + c].parent == kFree; })) break;
    }
    const uint32_t slot = slot_of[node];
    slots_[slot].base = static_cast<uint32_t>(base);
    for (std::size_t k = 0; k < children.size(); ++k) {
      slots_[base + classes[k]].parent = slot;
      slot_of[children[k].child] = static_cast<uint32_t>(base + classes[k]);
    }
  }
  ends_.assign(slots_.size(), 0);
  for (std::size_t node = 0; node < nodes; ++node) ends_[slot_of[node]] = ends[node];
}

uint32_t NameStarts::names_at(const unsigned char* text, std::size_t at, std::size_t size) const {
  uint32_t node = 0, lists = 0;
  while (at < size) {
    uint8_t cls = ascii_class_[text[at]];
    if (cls != kSlow) {
      ++at;
    } else if (text[at] == ' ' && at + 1 < size && text[at + 1] < 0x80 && !NameStarts::space_byte(text[at + 1])) {
      cls = class_[' '];  // a single space between words: the common case of a run of white space
      ++at;
    } else {
      unsigned char symbol = 0;
      at = read_symbol({reinterpret_cast<const char*>(text), size}, at, symbol);
      cls = class_[symbol];
    }
    node = child(node, cls);
    if (node == 0) break;
    // A name ends here if no letter, digit, '_' or '-' follows (as the pattern's lookahead says),
    // or maybe a footnote's number after its last small letter ("Croatia1,": the matcher decides).
    if (ends_[node] != 0 && (at == size || !kWordByte[text[at]] || footnote_number_at(text, at))) lists |= ends_[node];
  }
  return lists;
}

bool NameStarts::may_begin(const unsigned char* text, std::size_t at, std::size_t size) const {
  if (at + kGram > size) return true;
  const uint8_t a = gram_class_[text[at]], b = gram_class_[text[at + 1]], c = gram_class_[text[at + 2]],
                d = gram_class_[text[at + 3]];
  if (a == kSlow || b == kSlow || c == kSlow || d == kSlow) return true;
  const uint8_t space = class_[' '];
  if ((b == space && c == space) || (c == space && d == space)) return true;  // a run of white space
  const std::size_t bit = ((static_cast<std::size_t>(a) * classes_ + b) * classes_ + c) * classes_ + d;
  return (grams_[bit / 64] >> (bit % 64)) & 1;
}

void NameStarts::find(std::string_view text, std::vector<std::vector<uint32_t>>& out) const {
  out.resize(list_count_);
  for (auto& list : out) list.clear();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  // A name may begin where no letter, digit, '_' or '-' comes just before (the pattern's
  // lookbehind says the same; after a non-ASCII letter the regex decides), not inside a UTF-8
  // sequence; this looks closer.
  auto consider = [&](std::size_t at) {
    const unsigned char c = bytes[at];
    const uint8_t cls = ascii_class_[c];
    // (White space is read slowly but begins no name; a UTF-8 lead byte may begin one.)
    const bool worth_a_walk = cls == kSlow ? c >= 0xC0 : child(0, cls) != 0 && may_begin(bytes, at, size);
    if (!worth_a_walk) return;
    for (uint32_t lists = names_at(bytes, at, size); lists != 0; lists &= lists - 1) {
      out[static_cast<std::size_t>(__builtin_ctz(lists))].push_back(static_cast<uint32_t>(at));
    }
  };
  std::size_t i = 0;
  bool after_word = false;
#if defined(__SSE2__)
  // Sixteen bytes at a time: masks of the word bytes, UTF-8 continuation bytes and ASCII white
  // space, and from them the places worth a closer look.
  const __m128i lower_a = _mm_set1_epi8('a' - 1), lower_z = _mm_set1_epi8('z' + 1);
  const __m128i digit_0 = _mm_set1_epi8('0' - 1), digit_9 = _mm_set1_epi8('9' + 1);
  const __m128i tab = _mm_set1_epi8('\t' - 1), carriage = _mm_set1_epi8('\r' + 1);
  for (; i + 16 <= size; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, lower_a), _mm_cmplt_epi8(folded, lower_z));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, digit_0), _mm_cmplt_epi8(v, digit_9));
    const __m128i joiner = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')), _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
    const auto word = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), joiner)));
    const auto continuation = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)))));
    const __m128i control_space = _mm_and_si128(_mm_cmpgt_epi8(v, tab), _mm_cmplt_epi8(v, carriage));
    const auto space = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(control_space, _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')))));
    const uint32_t before_word = (word << 1) | (after_word ? 1U : 0U);
    for (uint32_t places = ~before_word & ~continuation & ~space & 0xFFFF; places != 0; places &= places - 1) {
      consider(i + static_cast<std::size_t>(__builtin_ctz(places)));
    }
    after_word = (word >> 15) & 1;
  }
#endif
  for (; i < size; ++i) {
    const unsigned char c = bytes[i];
    if (!after_word && (c & 0xC0) != 0x80) consider(i);
    after_word = kWordByte[c];
  }
}

}  // namespace caucus
