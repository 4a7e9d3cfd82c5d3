// A lexicon's names matched without PCRE2, for rules that are nothing but a lexicon reference
// ("(?<actor>{lexicon:states})"): the commonest rules of all, tried at every place a name may
// begin.
//
// It answers what the lexicon element's regex answers when started at a place,
//   (?<![\w\-])(?:(?i:WORDS)|(?-i:ACRONYMS))(?![\w\-])
// WORDS and ACRONYMS being the tries Lexicon::pattern() writes: the longest name of the words
// after which no letter, digit, '_' or '-' follows, else the longest such acronym. It reads
// ASCII text and the typographic quotes and dashes the pattern accepts; where the answer
// depends on any other non-ASCII character (Unicode case, letters and spaces: the regex's
// business), it says `unsure` and the caller asks the regex. A lexicon with a non-ASCII
// character that matches an ASCII one without case (KELVIN SIGN is 'k'), or with a control
// character in a name, gets no matcher.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace caucus {

class Lexicon;

// The pattern element a {lexicon:NAME.field} reference becomes, the one a LexiconMatcher stands
// in for: the field's names as whole words, no letter, digit, '_' or '-' touching them.
std::string lexicon_element(const Lexicon& lexicon, std::string_view field);
// True if `pattern` is exactly that element (checked without writing it out: it is as long as
// the lexicon's pattern, thousands of bytes).
bool is_lexicon_element(std::string_view pattern, const Lexicon& lexicon, std::string_view field);

class LexiconMatcher {
 public:
  // `words` are matched without case if `ignore_case`, `acronyms` as written (see
  // Lexicon::pattern_words()). Returns nullptr if the names need Unicode case rules or hold
  // control characters.
  static std::unique_ptr<LexiconMatcher> make(const std::vector<std::string>& words,
                                              const std::vector<std::string>& acronyms, bool ignore_case);

  enum class Outcome { match, no_match, unsure };
  struct Result {
    Outcome outcome = Outcome::no_match;
    std::size_t end = 0;  // with `match`: where the name ends
  };
  // The match of the element starting exactly at `at` in text[0, size).
  Result match(const unsigned char* text, std::size_t size, std::size_t at) const;

 private:
  // A trie of symbols: ASCII bytes (lower case in a caseless trie) and the classes below. A
  // node's children are children[first, first + count), few each.
  struct Node {
    uint32_t first = 0, count = 0;
    bool terminal = false;
    bool goes_on = false;  // some name goes on after it (maybe with a non-ASCII character)
  };
  struct Trie {
    std::vector<Node> nodes{1};
    std::vector<std::pair<unsigned char, uint32_t>> children;  // symbol -> node
    std::array<uint32_t, 128> root{};  // the root's children by symbol (0: none)
    bool caseless = false;
    void build(const std::vector<std::string>& names);
    uint32_t child(uint32_t node, unsigned char symbol) const;
  };
  // The longest name of `trie` at `at` with no word character after it.
  static Result walk(const Trie& trie, const unsigned char* text, std::size_t size, std::size_t at);

  Trie words_, acronyms_;
};

}  // namespace caucus
