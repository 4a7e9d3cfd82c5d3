// The typographic apostrophes, quotes and dashes of UN documents, and the plain ASCII character
// each reads as. Lexicon names are made plain with them, the lexicon pattern accepts either
// form, and the finders that mirror that pattern (NameStarts, LexiconMatcher) read them the
// same way: one table, so that the four cannot drift apart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace caucus::typography {

struct Forms {
  char plain;
  std::u32string_view typographic;  // all in U+2000..U+203F: three UTF-8 bytes, E2 80 xx
};
inline constexpr Forms kForms[] = {
    {'\'', U"\u2019\u2018"},
    {'"', U"\u201C\u201D"},
    {'-', U"\u2010\u2011\u2013\u2014"},
};
// The first two dashes are hyphens proper, U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN: every
// pattern reads these as "-" (text.hpp's ascii_stand_in()), the en and em dashes stay themselves.
inline constexpr std::u32string_view kHyphens = kForms[2].typographic.substr(0, 2);
static_assert(kForms[2].plain == '-');

// The plain character the code point `c` reads as, or 0.
constexpr char plain(char32_t c) {
  for (const Forms& forms : kForms) {
    if (forms.typographic.find(c) != std::u32string_view::npos) return forms.plain;
  }
  return 0;
}

// The same for the UTF-8 sequence at text[at], or 0 if it is none of them.
inline char plain_at(const unsigned char* text, std::size_t size, std::size_t at) {
  if (at + 3 > size || text[at] != 0xE2 || text[at + 1] != 0x80 || (text[at + 2] & 0xC0) != 0x80) return 0;
  return plain(0x2000 | (text[at + 2] & 0x3F));
}
inline constexpr std::size_t kLength = 3;  // the bytes of a typographic form

// The pattern class that accepts `c` and its typographic forms ("['’‘]"); "" if it has none.
inline std::string pattern_class(char c) {
  for (const Forms& forms : kForms) {
    if (forms.plain != c) continue;
    std::string out = "[";
    out += c;
    for (const char32_t form : forms.typographic) {
      out += static_cast<char>(0xE0 | (form >> 12));
      out += static_cast<char>(0x80 | ((form >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (form & 0x3F));
    }
    return out + "]";
  }
  return "";
}

}  // namespace caucus::typography
