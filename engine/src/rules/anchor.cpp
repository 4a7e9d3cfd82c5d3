#include "anchor.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

namespace caucus {
namespace {

bool option_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '^'; }

// Where the character class that opens at `i` ends (just past its ']').
std::size_t class_end(std::string_view p, std::size_t i) {
  std::size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // a leading ']' is literal
  while (j < p.size() && p[j] != ']') {
    if (p[j] == '\\') {
      j += 2;
    } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      const auto end = p.find(":]", j + 2);
      j = end == std::string_view::npos ? p.size() : end + 2;
    } else {
      ++j;
    }
  }
  return std::min(j + 1, p.size());
}

// Where the item at `i` ends if it is an escape (\Q...\E included) or a class; else `i`.
std::size_t skip_escape_or_class(std::string_view p, std::size_t i) {
  if (p[i] == '[') return class_end(p, i);
  if (p[i] != '\\') return i;
  if (i + 1 < p.size() && p[i + 1] == 'Q') {
    const auto end = p.find("\\E", i + 2);
    return end == std::string_view::npos ? p.size() : end + 2;
  }
  return std::min(i + 2, p.size());
}

// Where the group that opens at `i` ends (just past its ')').
std::size_t group_end(std::string_view p, std::size_t i) {
  int depth = 0;
  while (i < p.size()) {
    if (const std::size_t next = skip_escape_or_class(p, i); next != i) {
      i = next;
      continue;
    }
    if (p[i] == '(') ++depth;
    if (p[i] == ')' && --depth == 0) return i + 1;
    ++i;
  }
  return p.size();
}

// True if a quantifier at `at` lets the item before it match zero times.
bool optional_quantifier(std::string_view p, std::size_t at) {
  if (at >= p.size()) return false;
  if (p[at] == '?' || p[at] == '*') return true;
  return p[at] == '{' && at + 1 < p.size() && (p[at + 1] == '0' || p[at + 1] == ',');
}

// True for patterns this analysis cannot read: \G, or extended mode (comments and spaces).
bool unreadable(std::string_view p) {
  if (p.find("\\G") != std::string_view::npos) return true;
  for (auto at = p.find("(?"); at != std::string_view::npos; at = p.find("(?", at + 2)) {
    for (std::size_t j = at + 2; j < p.size() && option_letter(p[j]); ++j) {
      if (p[j] == 'x') return true;
    }
  }
  return false;
}

// Reads what comes before the element: zero-width items and group openings. Returns the number
// of groups opened, or -1 if anything else comes first.
int groups_opened_before(std::string_view p, std::size_t at) {
  int open = 0;
  std::size_t i = 0;
  while (i < at) {
    const std::string_view rest = p.substr(i);
    if (rest.starts_with("(?=") || rest.starts_with("(?!") || rest.starts_with("(?<=") || rest.starts_with("(?<!")) {
      i = group_end(p, i);
    } else if (rest.starts_with("\\b") || rest.starts_with("\\B") || rest.starts_with("\\A")) {
      i += 2;
    } else if (rest.starts_with("^")) {
      i += 1;
    } else if (rest.starts_with("(?:") || rest.starts_with("(?>")) {
      i += 3, ++open;
    } else if (rest.starts_with("(?<") || rest.starts_with("(?P<") || rest.starts_with("(?'")) {
      const char close = rest[2] == '\'' ? '\'' : '>';
      const auto end = rest.find(close, 3);
      if (end == std::string_view::npos) return -1;
      i += end + 1, ++open;
    } else if (rest.starts_with("(?")) {
      std::size_t j = 2;  // option settings: (?i) alone, or (?i: as a group
      while (j < rest.size() && option_letter(rest[j])) ++j;
      if (j == 2 || j >= rest.size() || (rest[j] != ')' && rest[j] != ':')) return -1;
      if (rest[j] == ':') ++open;
      i += j + 1;
    } else if (rest.starts_with("(") && !rest.starts_with("(*")) {
      i += 1, ++open;
    } else {
      return -1;
    }
  }
  return i == at ? open : -1;
}

// The length of a group header at `i` ("(?:", "(?<name>", "(?P<name>", "(?'name'", "("), 0 if
// the group there is of another kind (lookaround, options, atomic, ...).
std::size_t group_header(std::string_view p, std::size_t i) {
  const std::string_view rest = p.substr(i);
  if (rest.starts_with("(?:")) return 3;
  if (rest.starts_with("(?<=") || rest.starts_with("(?<!")) return 0;
  if (rest.starts_with("(?<") || rest.starts_with("(?P<") || rest.starts_with("(?'")) {
    const char close = rest[2] == '\'' ? '\'' : '>';
    const auto end = rest.find(close, 3);
    return end == std::string_view::npos ? 0 : end + 1;
  }
  if (rest.starts_with("(") && !rest.starts_with("(?") && !rest.starts_with("(*")) return 1;
  return 0;
}

bool quantifier_at(std::string_view p, std::size_t i) {
  return i < p.size() && (p[i] == '?' || p[i] == '*' || p[i] == '+' || p[i] == '{');
}

// Reads alternatives of literal phrases (see leading_phrases()); fails on anything else.
class PhraseReader {
 public:
  PhraseReader(std::string_view p, std::size_t limit) : p_(p), limit_(limit) {}

  // Alternatives from `i` up to a ')' (left unread) or the end.
  std::optional<std::vector<std::string>> alternation(std::size_t& i) {
    std::vector<std::string> out;
    while (true) {
      auto phrases = sequence(i);
      if (!phrases) return std::nullopt;
      out.insert(out.end(), phrases->begin(), phrases->end());
      if (out.size() > limit_) return std::nullopt;
      if (i >= p_.size() || p_[i] != '|') return out;
      ++i;
    }
  }

 private:
  // One alternative, up to a '|' or ')' (left unread) or the end.
  std::optional<std::vector<std::string>> sequence(std::size_t& i) {
    std::vector<std::string> out{""};
    auto append = [&](const std::vector<std::string>& choices) {
      std::vector<std::string> next;
      for (const auto& head : out) {
        for (const auto& tail : choices) next.push_back(head + tail);
      }
      out = std::move(next);
      return out.size() <= limit_;
    };
    while (i < p_.size() && p_[i] != '|' && p_[i] != ')') {
      const std::string_view rest = p_.substr(i);
      if (rest.starts_with("(?=") || rest.starts_with("(?!") || rest.starts_with("(?<=") || rest.starts_with("(?<!")) {
        i = group_end(p_, i);  // zero-width: only narrows the phrase's matches
        if (quantifier_at(p_, i)) return std::nullopt;
      } else if (const std::size_t header = group_header(p_, i); header != 0) {
        std::size_t inner = i + header;
        auto choices = alternation(inner);
        if (!choices || inner >= p_.size() || p_[inner] != ')') return std::nullopt;
        i = inner + 1;
        if (!maybe_optional(i, *choices) || !append(*choices)) return std::nullopt;
      } else if (rest.starts_with("\\s")) {
        i += 2;
        if (i < p_.size() && (p_[i] == '*' || p_[i] == '?')) {
          // Optional white space only at the end of the phrase, where it cannot change where
          // the phrase begins.
          ++i;
          if (i < p_.size() && p_[i] != '|' && p_[i] != ')') return std::nullopt;
          continue;
        }
        if (i < p_.size() && p_[i] == '+') ++i;
        if (quantifier_at(p_, i) || !append({" "})) return std::nullopt;
      } else if (rest[0] == '\\') {
        // An escaped punctuation mark is itself; \d, \w, \b and the like are not literals.
        if (rest.size() < 2 || std::isalnum(static_cast<unsigned char>(rest[1]))) return std::nullopt;
        i += 2;
        std::vector<std::string> choices{std::string(1, rest[1])};
        if (!maybe_optional(i, choices) || !append(choices)) return std::nullopt;
      } else if (rest[0] == '[') {
        const std::size_t end = class_end(p_, i);
        std::vector<std::string> choices;
        for (std::size_t k = i + 1; k + 1 < end; ++k) {
          const char c = p_[k];
          if (c == '^' || c == '-' || c == '\\' || c == '[' || static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
          choices.emplace_back(1, c);
        }
        i = end;
        if (choices.empty() || !maybe_optional(i, choices) || !append(choices)) return std::nullopt;
      } else if (std::isalnum(static_cast<unsigned char>(rest[0])) || std::strchr(" ',&-", rest[0]) ||
                 static_cast<unsigned char>(rest[0]) >= 0x80) {
        ++i;
        std::vector<std::string> choices{std::string(1, rest[0])};
        if (!maybe_optional(i, choices) || !append(choices)) return std::nullopt;
      } else {
        return std::nullopt;  // ., ^, $, (?i), a quantifier, ...
      }
    }
    return out;
  }

  // After an element: "?" (or "??", "?+": the same texts) makes it optional, which adds the
  // empty choice; any other quantifier makes the texts unlimited: false.
  bool maybe_optional(std::size_t& i, std::vector<std::string>& choices) const {
    if (i < p_.size() && p_[i] == '?') {
      ++i;
      if (i < p_.size() && (p_[i] == '?' || p_[i] == '+')) ++i;
      choices.emplace_back();
    }
    return !quantifier_at(p_, i);
  }

  std::string_view p_;
  std::size_t limit_;
};

}  // namespace

std::optional<std::vector<std::string>> leading_phrases(std::string_view p, std::size_t limit) {
  constexpr std::string_view kWordStart = "(?<![\\w\\-])", kWordEnd = "(?![\\w\\-])";
  if (!p.starts_with(kWordStart) || unreadable(p)) return std::nullopt;
  std::size_t group = kWordStart.size();
  // More lookarounds only narrow the matches: "(?<![\w\-])(?<!-\n)(?:Mr|Ms)".
  while (group < p.size()) {
    const std::string_view rest = p.substr(group);
    if (!rest.starts_with("(?<!") && !rest.starts_with("(?<=") && !rest.starts_with("(?!") && !rest.starts_with("(?=")) break;
    group = group_end(p, group);
    if (quantifier_at(p, group)) return std::nullopt;
  }
  const std::size_t header = group < p.size() ? group_header(p, group) : 0;
  if (header == 0) return std::nullopt;
  const std::size_t end = group_end(p, group);
  if (!every_match_begins_with(p, group, end - group) || !p.substr(end).starts_with(kWordEnd)) return std::nullopt;
  std::size_t i = group + header;
  auto phrases = PhraseReader(p, limit).alternation(i);
  if (!phrases || i + 1 != end) return std::nullopt;
  for (auto& phrase : *phrases) {
    while (!phrase.empty() && phrase.back() == ' ') phrase.pop_back();
    // The finder looks at word starts only: a phrase must begin with a letter or digit.
    if (phrase.empty() || !std::isalnum(static_cast<unsigned char>(phrase[0]))) return std::nullopt;
  }
  std::sort(phrases->begin(), phrases->end());
  phrases->erase(std::unique(phrases->begin(), phrases->end()), phrases->end());
  return phrases;
}

bool every_match_begins_with(std::string_view p, std::size_t at, std::size_t length) {
  if (at + length > p.size() || unreadable(p)) return false;
  int around = groups_opened_before(p, at);
  if (around < 0 || optional_quantifier(p, at + length)) return false;
  int inner = 0;  // groups opened after the element and not yet closed
  for (std::size_t i = at + length; i < p.size();) {
    if (const std::size_t next = skip_escape_or_class(p, i); next != i) {
      i = next;
      continue;
    }
    const char c = p[i++];
    if (c == '(') {
      ++inner;
    } else if (c == ')') {
      if (inner > 0) {
        --inner;
      } else if (--around < 0 || optional_quantifier(p, i)) {
        return false;  // unbalanced, or a group around the element may be skipped
      }
    } else if (c == '|' && inner == 0) {
      return false;  // an alternative to the element (or to a group around it)
    }
  }
  return true;
}

std::optional<std::string> without_search_start(std::string_view p) {
  // Most patterns have no \G: they are not copied character by character to find that out.
  if (p.find("\\G") == std::string_view::npos) return std::nullopt;
  // Verbs that stop the search where they fail ((*COMMIT), ...) make an attempt's failure end
  // the whole search, which the split search would not do: such patterns are searched as they are.
  for (std::string_view verb : {"(*COMMIT", "(*SKIP", "(*PRUNE", "(*THEN"}) {
    if (p.find(verb) != std::string_view::npos) return std::nullopt;
  }
  std::string out;
  bool found = false;
  std::vector<bool> lookbehind;  // per open group: is it a lookbehind?
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] == '\\' && i + 1 < p.size() && p[i + 1] == 'G') {
      // Inside a lookbehind, \G is seen from later places too: the split would change it.
      if (std::find(lookbehind.begin(), lookbehind.end(), true) != lookbehind.end()) return std::nullopt;
      out += "(?:\\x{FFFF}(*FAIL))";
      found = true;
      i += 2;
      continue;
    }
    if (p[i] == '(') {
      const std::string_view rest = p.substr(i);
      lookbehind.push_back(rest.starts_with("(?<=") || rest.starts_with("(?<!") || rest.starts_with("(*plb:") ||
                           rest.starts_with("(*nlb:") || rest.starts_with("(*positive_lookbehind:") ||
                           rest.starts_with("(*negative_lookbehind:"));
    } else if (p[i] == ')' && !lookbehind.empty()) {
      lookbehind.pop_back();
    }
    const std::size_t next = std::max(skip_escape_or_class(p, i), i + 1);  // escapes and classes whole
    out.append(p.substr(i, next - i));
    i = next;
  }
  if (!found) return std::nullopt;
  return out;
}

}  // namespace caucus
