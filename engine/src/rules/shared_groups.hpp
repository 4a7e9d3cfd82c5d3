// Repeated groups of a pattern written once, to cut the cost of compiling it.
//
// Macros make rule patterns repeat themselves: a group of names or a list of actors can come
// back ten times in one pattern. PCRE2 compiles (and, above all, JIT compiles) every copy.
// share_repeated_groups() keeps one copy of each repeated group in a DEFINE group at the end of
// the pattern and calls it where the copies stood: "(?:X)...(?:X)" becomes
// "(?&_shared1)...(?&_shared1)(?(DEFINE)(?<_shared1>(?i:X)))". Since PCRE2 10.30 a call
// backtracks like the group it stands for, so the pattern matches the same text with the same
// captures: only groups that capture nothing, refer to no group, hold no \K, verb or condition
// and do not stand in a lookbehind are shared, and each copy is written with the case setting
// that applied where the group stood.
#pragma once

#include <string>
#include <string_view>

namespace caucus {

// The pattern with its repeated groups shared, or an empty string if none is worth sharing
// (or the pattern uses something the sharing does not follow: the (?x) flag, for one).
// `caseless` is the case setting the pattern is compiled with.
std::string share_repeated_groups(std::string_view pattern, bool caseless);

// True for the names the DEFINE'd copies get ("_shared1"): no rule writes or reads them.
bool is_shared_group_name(std::string_view name);

}  // namespace caucus
