// The cache of compiled rule patterns, kept between runs so that loading rules that did not
// change skips PCRE2's compiling (see docs/architecture.md, "Loading"). Off unless turned on:
// the caucus command turns it on; a library user may too.
#pragma once

#include <cstddef>
#include <filesystem>

namespace caucus {

// Where the command keeps the cache: $CAUCUS_CACHE_DIR, else $XDG_CACHE_HOME/caucus, else
// $HOME/.cache/caucus. Empty (no cache) if CAUCUS_CACHE_DIR is set and empty, or no
// directory can be named.
std::filesystem::path default_pattern_cache_dir();

// Reads compiled patterns from `directory` (a missing or damaged cache file is an empty cache)
// and, after each Pipeline::load that compiled a pattern the cache lacked, writes them back.
// An empty path turns the cache off. Not to be called while rules are being compiled.
void use_pattern_cache(const std::filesystem::path& directory);

// How many patterns this process took from the cache (0 when it is off).
std::size_t patterns_from_cache();

}  // namespace caucus
