// The text as the patterns see its white space and hyphens.
//
// Patterns are compiled without PCRE2_UCP (see pattern.cpp): PCRE2's Unicode \s is three
// times the machine code of the ASCII one, and the shipped rules hold thousands of \s. Their \s
// then knows ASCII white space only, so a unit of text that holds white space outside ASCII
// (a no-break space, a thin space, ...) is matched as a copy with one ASCII space for each such
// character: a pattern sees one character where there was one, as PCRE2_UCP would have had
// it ("resolution\u00a02331" matches `resolution\s(\d+)`). The Unicode hyphens are seen as
// "-" the same way: rules write "Secretary-General", press releases print it with U+2011.
// AsciiView finds those characters (ascii_stand_in_length()) in a unit, makes such copies of
// the unit's text (masked or not: see RuleRunner::masked()) and maps offsets between the two.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "caucus/text.hpp"

namespace caucus {

class AsciiView {
 public:
  // Takes the stand-ins of `unit` of `text` from `stand_ins`, the text's (see
  // find_ascii_stand_ins()).
  void find(std::string_view text, Span unit, const std::vector<uint32_t>& stand_ins);
  // The view of `subject`, the unit's text or a copy of it of the same length with some bytes
  // overwritten (masks, page furniture): each stand-in one byte, its ASCII character where the
  // copy kept the character, else the byte the copy put at its start.
  void make(std::string_view subject, std::string& view) const;

  // The view's offset of `offset`, an offset of the unit at a character's start or end.
  uint32_t to_view(uint32_t offset) const;
  // The unit's offset of the view's `offset`.
  uint32_t from_view(uint32_t offset) const;

 private:
  // Each stand-in: where it begins in the unit, where the unit and the view go on after it,
  // and the bytes dropped up to there.
  struct Shift {
    uint32_t begin, text_after, view_after, dropped;
  };
  std::vector<Shift> shifts_;
};

}  // namespace caucus
