// Where in a text the names of a lexicon may begin.
//
// A rule whose every match begins with a lexicon ("(?<actor>{lexicon:states})") would make
// PCRE2 try the lexicon's thousand-branch trie at every word of the text. NameStarts finds,
// in one pass, the few positions where a name can begin (a walk down a trie of the names at
// each word start), and the rule's regex runs anchored there only. The finder may report a
// position where the regex then fails (it reads every other non-ASCII character as one
// wildcard and ignores case everywhere), never miss one where it succeeds: results are those
// of the plain scan.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caucus {

class NameStarts {
 public:
  // `names` as the lexicon's pattern spells them (punctuation made plain, single spaces).
  explicit NameStarts(const std::vector<std::string>& names);

  // Appends to `out` every offset in `text` at which a name may begin, in increasing order.
  void find(std::string_view text, std::vector<uint32_t>& out) const;

 private:
  bool name_at(const unsigned char* text, std::size_t at, std::size_t size) const;

  // A dense trie: next_[node + class of symbol] = (child << 1) | child is the end of a name, 0
  // for no child. Nodes are numbered by their offset in next_; the root is 0.
  std::array<uint8_t, 256> class_{};        // symbol -> class; 0 for symbols in no name
  std::array<uint8_t, 256> ascii_class_{};  // text byte -> class of its symbol; kSlow: read it whole
  uint32_t classes_ = 1;
  std::vector<uint32_t> next_;
};

}  // namespace caucus
