#include "lexicon_matcher.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "bytes.hpp"
#include "caucus/lexicon.hpp"
#include "name_starts.hpp"
#include "sorted_trie.hpp"
#include "typography.hpp"

namespace caucus {
namespace {

// True if the matcher cannot read `name` as the pattern does: a non-ASCII character that
// matches an ASCII one under Unicode case rules (KELVIN SIGN and 'k', LONG S and 's', DOTTED
// CAPITAL I and 'i', ...), or a control character (a form feed in a name is a literal in the
// pattern, but white space to the matcher).
bool needs_the_regex(const std::string& name) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
  const auto length = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0x20) return true;  // a control character, or not UTF-8 (c < 0)
    if (c < 0x80) continue;
    if (u_tolower(c) < 0x80 || u_toupper(c) < 0x80 || u_foldCase(c, U_FOLD_CASE_DEFAULT) < 0x80) return true;
  }
  return false;
}

// Where a footnote's number after a name's last small letter ends (kAfterName's exception), or
// `pos` if none begins there.
std::size_t after_footnote_number(const unsigned char* text, std::size_t size, std::size_t pos) {
  using bytes::ascii_digit;
  if (pos == 0 || pos >= size || !NameStarts::footnote_number_at(text, pos)) return pos;
  std::size_t end = pos + 1;
  if (end < size && ascii_digit(text[end])) ++end;
  return end < size && ascii_digit(text[end]) ? pos : end;  // three digits are no footnote's
}

}  // namespace

// What the element puts before and after the lexicon's pattern: no letter, digit, '_' or '-'
// touches a name, but for a footnote's number of one or two digits stuck to its last small
// letter, as web copies of statements print it ("The Acceding Country Croatia1, the Candidate
// Countries"; not "the UN80 Initiative").
constexpr std::string_view kBeforeName = "(?<![\\w\\-])",
                           kAfterName = "(?!-|[^\\W\\d]|\\d(?<=(?-i:[^a-z])\\d)|\\d{3}|\\d{1,2}+[\\w\\-])";

std::string lexicon_element(const Lexicon& lexicon, std::string_view field) {
  return std::string(kBeforeName) + lexicon.pattern(field) + std::string(kAfterName);
}

bool is_lexicon_element(std::string_view pattern, const Lexicon& lexicon, std::string_view field) {
  const std::string& names = lexicon.pattern(field);
  return pattern.size() == kBeforeName.size() + names.size() + kAfterName.size() && pattern.starts_with(kBeforeName) &&
         pattern.ends_with(kAfterName) && pattern.substr(kBeforeName.size(), names.size()) == names;
}

// The names' atoms as Lexicon::pattern() writes them: a space is \s+, quotes and dashes are
// classes of their typographic forms, anything else is itself. A non-ASCII character ends a
// name's path where it stands: only non-ASCII text could match it, and there the matcher is
// unsure anyway.
void LexiconMatcher::Trie::build(const std::vector<std::string>& names) {
  std::vector<std::string> paths(names.size());  // each name's symbols, up to a non-ASCII one
  std::vector<char> whole(names.size(), 1);      // no non-ASCII character cut it short
  for (std::size_t n = 0; n < names.size(); ++n) {
    for (const char byte : names[n]) {
      const auto c = static_cast<unsigned char>(byte);
      if (c >= 0x80) {
        whole[n] = 0;
        break;
      }
      paths[n] += static_cast<char>(caseless ? bytes::ascii_lower(c) : c);
    }
  }
  const SortedTrie trie(paths);
  nodes.assign(trie.node_count(), Node{});
  for (std::size_t n = 0; n < names.size(); ++n) (whole[n] ? nodes[trie.end_of(n)].terminal : nodes[trie.end_of(n)].goes_on) = true;
  children.clear();
  for (uint32_t node = 0; node < nodes.size(); ++node) {
    nodes[node].first = static_cast<uint32_t>(children.size());
    for (const auto& edge : trie.children(node)) {
      children.emplace_back(edge.symbol, edge.child);
      if (node == 0) root[edge.symbol] = edge.child;
    }
    nodes[node].count = static_cast<uint32_t>(children.size()) - nodes[node].first;
    if (nodes[node].count > 0) nodes[node].goes_on = true;
  }
}

uint32_t LexiconMatcher::Trie::child(uint32_t node, unsigned char symbol) const {
  if (node == 0) return symbol < 0x80 ? root[symbol] : 0;
  const Node& parent = nodes[node];
  for (uint32_t k = parent.first; k < parent.first + parent.count; ++k) {
    if (children[k].first == symbol) return children[k].second;
  }
  return 0;
}

std::unique_ptr<LexiconMatcher> LexiconMatcher::make(const std::vector<std::string>& words,
                                                     const std::vector<std::string>& acronyms, bool ignore_case) {
  for (const auto* list : {&words, &acronyms}) {
    for (const auto& name : *list) {
      if (needs_the_regex(name)) return nullptr;
    }
  }
  auto matcher = std::unique_ptr<LexiconMatcher>(new LexiconMatcher());
  matcher->words_.caseless = ignore_case;
  matcher->words_.build(words);
  matcher->acronyms_.build(acronyms);
  return matcher;
}

LexiconMatcher::Result LexiconMatcher::walk(const Trie& trie, const unsigned char* text, std::size_t size, std::size_t at) {
  std::size_t best = 0, unsure = 0;  // ends of the longest name found, and of the longest in doubt
  uint32_t node = 0;
  for (std::size_t pos = at; pos < size && (node == 0 || trie.nodes[node].goes_on);) {
    const unsigned char c = text[pos];
    unsigned char symbol = 0;
    if (c < 0x80) {
      symbol = trie.caseless ? bytes::ascii_lower(c) : c;
      ++pos;
      if (NameStarts::space_byte(c)) {
        symbol = ' ';
        while (pos < size && NameStarts::space_byte(text[pos])) ++pos;
      }
    } else if ((symbol = static_cast<unsigned char>(typography::plain_at(text, size, pos))) != 0) {
      pos += typography::kLength;
    } else {
      return {Outcome::unsure};  // a letter with Unicode case rules, a Unicode space, ...
    }
    node = trie.child(node, symbol);
    if (node == 0) break;
    if (!trie.nodes[node].terminal) continue;
    // The name may end here if no word character follows (the element's lookahead), maybe
    // after a footnote's number.
    const std::size_t next = after_footnote_number(text, size, pos);
    if (next == size ||
        (text[next] < 0x80 ? !NameStarts::word_byte(text[next]) : typography::plain_at(text, size, next) != 0)) {
      best = pos;
    } else if (text[next] >= 0x80) {
      unsure = pos;  // a non-ASCII letter, or not
    }
  }
  if (unsure > best) return {Outcome::unsure};
  return best ? Result{Outcome::match, best} : Result{Outcome::no_match};
}

LexiconMatcher::Result LexiconMatcher::match(const unsigned char* text, std::size_t size, std::size_t at) const {
  // The element's lookbehind: no word character just before.
  if (at > 0) {
    if (text[at - 1] < 0x80) {
      if (NameStarts::word_byte(text[at - 1])) return {Outcome::no_match};
    } else if (at < typography::kLength || typography::plain_at(text, size, at - typography::kLength) == 0) {
      return {Outcome::unsure};  // a non-ASCII letter, or not
    }
  }
  const Result word = walk(words_, text, size, at);
  return word.outcome != Outcome::no_match ? word : walk(acronyms_, text, size, at);
}

}  // namespace caucus
