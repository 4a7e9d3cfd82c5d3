// Whether every match of a pattern begins with one of its elements: then the rule needs to be
// tried only where that element can match (see NameStarts).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caucus {

// True if every match of `pattern` begins where its element pattern[at, at + length) begins
// to match: before the element come only zero-width items (lookarounds, \b, ^, option
// settings) and group openings; no '|' beside it or beside a group around it; no quantifier
// that lets it or such a group be skipped. False for patterns with \G (anchored at the search
// start, which moves).
bool every_match_begins_with(std::string_view pattern, std::size_t at, std::size_t length);

// The phrases of a word-list pattern: "(?<![\w\-])", then one group whose alternatives are
// literal phrases, then "(?![\w\-])" and anything. A phrase may hold small classes ("[Ww]e"),
// groups of alternatives ("my\s+(?:country|delegation)"), \s or \s+ (read as one space), a
// trailing \s*, and lookarounds (which only narrow its matches). Every match then begins with
// one of the phrases as a whole word, so the rule need be tried only where one begins (see
// NameStarts). nullopt for any other pattern, or for more than `limit` phrases.
std::optional<std::vector<std::string>> leading_phrases(std::string_view pattern, std::size_t limit = 256);

// The pattern with each \G (true only where the search starts) made an item that never
// matches, or nullopt if it has no \G. Past the search's start the two match the same; but
// PCRE2 finds no start bytes for a pattern with a \G branch ("statement ... |\G, and ..."),
// so its search tries every place, while the rewritten one skips to the bytes a match can
// begin with. The item is (?:\x{FFFF}(*FAIL)): a character first, so that its branch still
// has start bytes. Also nullopt where the two could differ: a \G inside a lookbehind (seen from
// later places too), or a verb that ends the search where an attempt fails ((*COMMIT), (*SKIP),
// (*PRUNE), (*THEN)).
std::optional<std::string> without_search_start(std::string_view pattern);

}  // namespace caucus
