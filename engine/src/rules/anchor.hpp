// Whether every match of a pattern begins with one of its elements: then the rule needs to be
// tried only where that element can match (see NameStarts).
#pragma once

#include <cstddef>
#include <string_view>

namespace caucus {

// True if every match of `pattern` begins where its element pattern[at, at + length) begins
// to match: before the element come only zero-width items (lookarounds, \b, ^, option
// settings) and group openings; no '|' beside it or beside a group around it; no quantifier
// that lets it or such a group be skipped. False for patterns with \G (anchored at the search
// start, which moves).
bool every_match_begins_with(std::string_view pattern, std::size_t at, std::size_t length);

}  // namespace caucus
