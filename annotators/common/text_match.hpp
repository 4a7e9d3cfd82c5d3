// Whether a text begins with, ends with or holds one of a few fixed phrases: the speeches annotator and
// its offices ask it of titles, speaker lines and sentences.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace caucus::annotators {

inline bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return text.starts_with(p); });
}

inline bool ends_with_any(std::string_view text, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view p) { return text.ends_with(p); });
}

inline bool contains_any(std::string_view text, std::initializer_list<std::string_view> parts) {
  return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return text.find(p) != std::string_view::npos; });
}

}  // namespace caucus::annotators
