#include "pattern_expander.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <utility>

#include "../lexicon_matcher.hpp"
#include "caucus/text.hpp"
#include "pattern.hpp"
#include "source_map.hpp"

namespace caucus {

SourceLocation PatternSource::at(std::size_t index) const {
  return file_text ? locate_in_string(*file_text, value, index) : value;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

namespace {

// The length of the white space at s[i], 0 if none: a space, a tab, a line break, or one of
// Unicode's (a no-break space pasted from a document: the patterns see the text's as spaces,
// see ascii_view.hpp).
std::size_t white_space_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  return static_cast<unsigned char>(c) < 0x80 ? 0 : static_cast<std::size_t>(wide_space_length(s.substr(i)));
}

// How many bytes the escape at `i` (a backslash) takes: \p{Lu}, \x{263A}, \g{1}, \k{name} and
// \N{U+263A} take their braces; any other escape its one (UTF-8) character.
std::size_t escape_length(const std::string& s, std::size_t i) {
  std::size_t length = 1 + static_cast<std::size_t>(utf8_sequence_length(static_cast<unsigned char>(s[i + 1])));
  if (std::strchr("pPxgkNo", s[i + 1]) && i + 2 < s.size() && s[i + 2] == '{') {
    const std::size_t close = s.find('}', i + 2);
    if (close != std::string::npos) length = close - i + 1;
  }
  return std::min(length, s.size() - i);
}

// True if s[j] opens a group, capturing or not, whose contents begin with a required space or
// tab on the same line: "(?: {PARENTHESISED})?", "(?<office> of ...)", "(?i: or)". Lookarounds do not
// count: they consume nothing.
bool opens_group_with_space(std::string_view s, std::size_t j) {
  if (j >= s.size() || s[j] != '(') return false;
  std::size_t k = j + 1;
  if (k < s.size() && s[k] == '?') {
    ++k;
    if (k < s.size() && s[k] == 'P') ++k;
    if (k < s.size() && (s[k] == '<' || s[k] == '\'')) {  // a name: (?<name>, (?'name', (?P<name>
      const char close = s[k] == '<' ? '>' : '\'';
      if (k + 1 >= s.size() || !(std::isalpha(static_cast<unsigned char>(s[k + 1])) || s[k + 1] == '_')) return false;
      k = s.find(close, k + 1);
      if (k == std::string_view::npos) return false;
    } else {  // options: (?:, (?i:, (?-x:, (?|
      while (k < s.size() && (std::isalpha(static_cast<unsigned char>(s[k])) || s[k] == '-' || s[k] == '^')) ++k;
      if (k >= s.size() || (s[k] != ':' && s[k] != '|')) return false;
    }
  }
  ++k;
  if (k >= s.size() || white_space_at(s, k) == 0) return false;
  while (k < s.size() && white_space_at(s, k) > 0) {
    if (s[k] == '\n' || s[k] == '\r') return false;
    k += white_space_at(s, k);
  }
  return k < s.size() && s[k] != '?' && s[k] != '*';  // " ?": the group's space is optional
}

}  // namespace

void PatternExpander::define(const std::string& name, PatternSource source) {
  if (!is_identifier(name) || name == "lexicon") {
    diagnostics_.error("R002", "macro name '" + name + "' must be a word of letters, digits and _ (and not 'lexicon')",
                       source.value);
    return;
  }
  if (macros_.count(name)) {
    diagnostics_.error("R011", "macro '" + name + "' is defined twice", source.value);
    return;
  }
  macros_[name] = Macro{std::move(source), "", {}, Macro::State::unexpanded};
}

std::map<std::string, std::string> PatternExpander::expanded_macros() const {
  std::map<std::string, std::string> out;
  for (const auto& [name, macro] : macros_) {
    if (macro.state == Macro::State::done) out[name] = macro.expanded;
  }
  return out;
}

void ExpansionOrigins::append(std::size_t length, std::size_t from) {
  if (length == 0) return;
  if (runs_.empty() || runs_.back().second != from) runs_.emplace_back(size_, from);
  size_ += length;
}

std::size_t ExpansionOrigins::at(std::size_t offset) const {
  if (runs_.empty()) return 0;
  offset = std::min(offset, size_ - 1);
  const auto after = std::upper_bound(runs_.begin(), runs_.end(), offset,
                                      [](std::size_t at, const auto& run) { return at < run.first; });
  return std::prev(after)->second;
}

bool PatternExpander::expand(const PatternSource& source, RuleSet& set, std::string& out, ExpansionOrigins& origin,
                             std::vector<std::size_t>* masks) {
  std::vector<std::size_t>* const outer_masks = std::exchange(masks_, masks);
  const std::string& s = source.text;
  bool ok = true;
  bool in_class = false, in_quote = false;
  std::size_t class_start = 0;
  // Open groups; true for lookbehinds, which need fixed-length contents.
  std::vector<bool> groups;
  bool stray_close = false;  // a ')' that closes no group
  auto in_lookbehind = [&] { return std::find(groups.begin(), groups.end(), true) != groups.end(); };
  auto emit = [&](std::string_view text, std::size_t from) {
    out += text;
    origin.append(text.size(), from);
  };
  auto emit_char = [&](std::size_t at) { emit(std::string_view(&s[at], 1), at); };
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (in_quote) {  // \Q...\E: everything as it is
      if (s.compare(i, 2, "\\E") == 0) {
        in_quote = false;
        emit("\\E", i);
        i += 2;
      } else {
        emit_char(i++);
      }
      continue;
    }
    if (c == '\\' && i + 1 < s.size()) {
      const std::string_view piece(&s[i], escape_length(s, i));
      emit(piece, i);
      if (s[i + 1] == 'Q' && !in_class) in_quote = true;
      i += piece.size();
      continue;
    }
    if (in_class) {
      if (c == ']' && i > class_start + 1 && !(i == class_start + 2 && s[class_start + 1] == '^')) in_class = false;
      emit_char(i++);
      continue;
    }
    if (c == '[') {
      in_class = true;
      class_start = i;
      emit_char(i++);
      continue;
    }
    if (white_space_at(s, i) > 0) {
      std::size_t j = i;
      while (j < s.size() && white_space_at(s, j) > 0) j += white_space_at(s, j);
      // White space at either end of a pattern is layout. A line break (with its indentation)
      // lets a long pattern go on on the next line: it matches optional white space. Any
      // other run of spaces matches one or more white-space characters, line breaks included,
      // so that hard-wrapped text still matches (in a lookbehind, which must have a fixed
      // length, exactly one). A quantifier after a space applies to that run: " ?" and " *"
      // are optional white space (\s*, not "\s+?", a lazy run that must be there), " +" is
      // \s+, " {2}" is (?:\s+){2}; a lazy or possessive mark after it stays.
      const bool layout = out.empty() || j == s.size();
      const bool line_break = std::string_view(s).substr(i, j - i).find('\n') != std::string_view::npos;
      const char next = j < s.size() ? s[j] : '\0';
      // ("{" is a quantifier before a digit only: " {MACRO}" is a space and a macro.)
      const bool counted = next == '{' && j + 1 < s.size() && s[j + 1] >= '0' && s[j + 1] <= '9';
      if (!layout) {
        if (in_lookbehind()) {
          if (!line_break) emit("\\s", i);
        } else if (line_break) {
          // Before a group that begins with a space, the group's own \s+ is the white space:
          // a \s* there would take it and leave an optional group nothing to start with, so
          // that "NAME⏎  (?: of X)?" skipped " of X" whenever the rest matched without it.
          if (!opens_group_with_space(s, j)) emit("\\s*", i);
        } else if (next == '?' || next == '*') {
          emit("\\s*", i);
          ++j;  // the quantifier is the \s*'s
        } else if (next == '+') {
          emit("\\s+", i);
          ++j;
        } else {
          emit(counted ? "(?:\\s+)" : "\\s+", i);
        }
      }
      i = j;
      continue;
    }
    if (c == '{') {
      const std::size_t close = s.find('}', i);
      const std::string_view inside =
          close == std::string::npos ? std::string_view() : std::string_view(s).substr(i + 1, close - i - 1);
      const bool lexicon = inside.starts_with("lexicon:"), annotation = inside.starts_with("annotation:");
      if (lexicon || annotation || is_identifier(inside)) {
        const std::optional<std::string> piece = lexicon      ? lexicon_reference(inside, source, i, set)
                                                 : annotation ? annotation_reference(inside, source, i, set)
                                                              : macro_reference(std::string(inside), source, i, set);
        if (piece) {
          emit(*piece, i);
        } else {
          ok = false;
        }
        i = close + 1;
        continue;
      }
    }
    if (c == '(') groups.push_back(s.compare(i, 4, "(?<=") == 0 || s.compare(i, 4, "(?<!") == 0);
    if (c == ')') {
      if (groups.empty()) {
        stray_close = true;
      } else {
        groups.pop_back();
      }
    }
    emit_char(i++);
  }
  masks_ = outer_masks;
  last_balanced_ = groups.empty() && !stray_close && !in_class && !in_quote;
  return ok;
}

// {lexicon:NAME} or {lexicon:NAME.FIELD}: the names of the lexicon's field (by default its
// names) as whole words, no letter or digit touching them.
std::optional<std::string> PatternExpander::lexicon_reference(std::string_view inside, const PatternSource& source,
                                                              std::size_t at, RuleSet& set) {
  std::string reference(inside.substr(8));
  std::string field = "names";
  if (auto dot = reference.find('.'); dot != std::string::npos) {
    field = reference.substr(dot + 1);
    reference.resize(dot);
  }
  const auto length = static_cast<uint32_t>(inside.size() + 2);
  auto it = set.lexicons.find(reference);
  if (it == set.lexicons.end()) {
    auto& d = diagnostics_.error("R013", "unknown lexicon '" + reference + "'", source.at(at));
    d.length = length;
    std::vector<std::string> known;
    for (const auto& [name, lexicon] : set.lexicons) known.push_back(name);
    if (auto guess = closest_match(reference, known); !guess.empty())
      d.notes.push_back("did you mean '" + guess + "'?");
    return std::nullopt;
  }
  if (!it->second->has_field(field)) {
    diagnostics_.error("R013", "lexicon '" + reference + "' has no field '" + field + "'", source.at(at)).length =
        length;
    return std::nullopt;
  }
  return lexicon_element(*it->second, field);
}

// {annotation:TYPE}: the mask of the type, numbered in the rule set's masks on first use.
std::optional<std::string> PatternExpander::annotation_reference(std::string_view inside, const PatternSource& source,
                                                                 std::size_t at, RuleSet& set) {
  const std::string type(inside.substr(11));
  auto& masks = set.masks;
  auto it = std::find(masks.begin(), masks.end(), type);
  if (it == masks.end() && masks.size() >= RuleSet::kMaxMasks) {
    diagnostics_.error("R013", "a rule file can refer to at most 13 annotation types with {annotation:...}",
                       source.at(at));
    return std::nullopt;
  }
  if (!is_identifier(type)) {
    diagnostics_.error("R013", "'" + type + "' is not an annotation type name", source.at(at));
    return std::nullopt;
  }
  if (it == masks.end()) it = masks.insert(masks.end(), type);
  const auto k = static_cast<std::size_t>(it - masks.begin());
  if (masks_) masks_->push_back(k);
  return RuleSet::mask_element(k);
}

// {NAME}: the macro's expansion as a group of its own.
std::optional<std::string> PatternExpander::macro_reference(const std::string& name, const PatternSource& source,
                                                            std::size_t at, RuleSet& set) {
  if (!macros_.count(name)) {
    auto& d = diagnostics_.error("R011", "unknown macro '" + name + "'", source.at(at));
    d.length = static_cast<uint32_t>(name.size() + 2);
    std::vector<std::string> known;
    for (const auto& [n, m] : macros_) known.push_back(n);
    if (auto guess = closest_match(name, known); !guess.empty()) d.notes.push_back("did you mean '" + guess + "'?");
    return std::nullopt;
  }
  const std::string* body = expand_macro(name, set, source, at);
  if (!body) return std::nullopt;
  const auto& used = macros_.at(name).masks;
  if (masks_) masks_->insert(masks_->end(), used.begin(), used.end());
  return "(?:" + *body + ")";
}

// The expansion of a macro, or nullptr if it is broken or part of a cycle. It is used at
// `source` offset `used_at`: located only for an error (locating reads the file from the start).
const std::string* PatternExpander::expand_macro(const std::string& name, RuleSet& set, const PatternSource& source,
                                                 std::size_t used_at) {
  Macro& macro = macros_.at(name);
  if (macro.state == Macro::State::done) return &macro.expanded;
  if (macro.state == Macro::State::failed) return nullptr;
  if (macro.state == Macro::State::expanding) {
    diagnostics_.error(
        "R012", "macro '" + name + "' refers to itself (through " + join(macro_stack_, " -> ") + " -> " + name + ")",
        source.at(used_at));
    return nullptr;
  }
  macro.state = Macro::State::expanding;
  macro_stack_.push_back(name);
  std::string out;
  ExpansionOrigins origin;
  const bool ok = expand(macro.source, set, out, origin, &macro.masks);
  macro_stack_.pop_back();
  // A macro must be a pattern of its own: "a)(b" would change the groups of the pattern
  // using it. PCRE2 says what is wrong, at the macro's definition.
  if (ok && !last_balanced_ && report_macro_error(name, out, origin)) return nullptr;
  if (ok) {
    // Other errors in the macro show when a rule using it is compiled (see
    // report_error_in_macro()): compiling every macro alone would cost a tenth of loading.
    macro.expanded = std::move(out);
    macro.state = Macro::State::done;
    return &macro.expanded;
  }
  macro.state = Macro::State::failed;
  return nullptr;
}

bool PatternExpander::report_macro_error(const std::string& name, const std::string& expanded,
                                         const ExpansionOrigins& origin) {
  PatternError error;
  if (compile_pattern(expanded, true, error, Jit::skip)) return false;
  Macro& macro = macros_.at(name);
  const std::size_t at = origin.at(error.offset);
  diagnostics_.error("R010", "invalid pattern in macro '" + name + "': " + error.message, macro.source.at(at));
  macro.state = Macro::State::failed;
  return true;
}

bool PatternExpander::report_error_in_macro(const PatternSource& source, std::size_t at, RuleSet& set) {
  const std::string& s = source.text;
  if (at >= s.size() || s[at] != '{') return false;
  const std::size_t close = s.find('}', at);
  if (close == std::string::npos) return false;
  const std::string name = s.substr(at + 1, close - at - 1);
  auto it = macros_.find(name);
  if (it == macros_.end()) return false;  // a lexicon or annotation reference
  Macro& macro = it->second;
  if (macro.state == Macro::State::failed) return true;  // reported already
  if (macro.state != Macro::State::done) return false;
  // Expanded again, for the offsets into its definition (the macros inside come from their
  // own expansions, done already).
  std::string out;
  ExpansionOrigins origin;
  if (!expand(macro.source, set, out, origin, nullptr)) return false;
  PatternError error;
  if (compile_pattern(out, true, error, Jit::skip)) return false;  // wrong only where it is used
  const std::size_t inner = origin.at(error.offset);
  if (!report_error_in_macro(macro.source, inner, set)) report_macro_error(name, out, origin);
  macro.state = Macro::State::failed;
  return true;
}

}  // namespace caucus
