// From a rule's pattern as its file writes it to the PCRE2 pattern it stands for.
//
// A rule file's pattern may use macros ({NAME}, defined in [macros] or an imported file),
// lexicon references ({lexicon:states}, {lexicon:states.demonyms}: the lexicon's names as one
// alternation), annotation references ({annotation:actor}: an annotation of that type as a
// whole, read through the mask bytes the matcher writes over it) and white space as layout (a
// space matches a run of white space, a line break optional white space, so that hard-wrapped
// text matches). Errors are reported at their place in the rule file.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caucus/diagnostics.hpp"
#include "caucus/rules.hpp"

namespace caucus {

// A pattern string from a rule file, with what is needed to point into it.
struct PatternSource {
  std::string text;
  SourceLocation value;  // the string value's opening quote
  const std::string* file_text = nullptr;

  SourceLocation at(std::size_t index) const;
};

// Where the bytes of an expanded pattern come from in its source, for error messages: a run of
// bytes per piece emitted, so that a lexicon reference's thousands of names are one entry (one
// offset per byte was a fifteenth of loading the shipped rules).
class ExpansionOrigins {
 public:
  // The next `length` bytes of the expansion come from source offset `from`.
  void append(std::size_t length, std::size_t from);
  // The source offset that byte `offset` of the expansion comes from (the last byte's past
  // the end; 0 if there is none).
  std::size_t at(std::size_t offset) const;

 private:
  std::vector<std::pair<std::size_t, std::size_t>> runs_;  // (first byte, source offset), in order
  std::size_t size_ = 0;
};

// A word of letters, digits and '_' that does not begin with a digit: a macro's or a type's name.
bool is_identifier(std::string_view s);

class PatternExpander {
 public:
  explicit PatternExpander(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Defines the macro `name` as `source`; reports an error (and keeps the first definition) if
  // the name is no identifier, is "lexicon" or is taken.
  void define(const std::string& name, PatternSource source);

  // Expands `source` into `out`; `origin` says which offset in source.text each byte of
  // `out` comes from. The annotation types referred to, directly or through macros, are numbered in
  // set.masks and their numbers appended to `masks` (if not null). Returns false after
  // reporting an error.
  bool expand(const PatternSource& source, RuleSet& set, std::string& out, ExpansionOrigins& origin,
              std::vector<std::size_t>* masks);

  // After a pattern expanded from `source` failed to compile at `at` (an offset into
  // source.text): if a macro reference stands there and the macro is itself no valid pattern,
  // reports the error at the macro's definition (once: true again on later calls) and returns
  // true. Macros are only checked this way, when a pattern using them fails.
  bool report_error_in_macro(const PatternSource& source, std::size_t at, RuleSet& set);

  // The macros expanded so far without error (those the rules used), by name.
  std::map<std::string, std::string> expanded_macros() const;

 private:
  struct Macro {
    PatternSource source;
    std::string expanded;
    std::vector<std::size_t> masks;  // {annotation:TYPE} it refers to, directly or through macros
    enum class State { unexpanded, expanding, done, failed } state = State::unexpanded;
  };
  // What a {...} reference at source offset `at` stands for, or nothing after an error;
  // `inside` is what stands between the braces.
  std::optional<std::string> lexicon_reference(std::string_view inside, const PatternSource& source, std::size_t at,
                                               RuleSet& set);
  std::optional<std::string> annotation_reference(std::string_view inside, const PatternSource& source, std::size_t at,
                                                  RuleSet& set);
  std::optional<std::string> macro_reference(const std::string& name, const PatternSource& source, std::size_t at,
                                             RuleSet& set);
  // The expansion of a macro, or nullptr if it is broken or part of a cycle.
  const std::string* expand_macro(const std::string& name, RuleSet& set, const PatternSource& source,
                                  std::size_t used_at);

  // Compiles a macro's expansion alone and reports its error, if any, at its definition.
  bool report_macro_error(const std::string& name, const std::string& expanded, const ExpansionOrigins& origin);

  Diagnostics& diagnostics_;
  std::map<std::string, Macro> macros_;
  bool last_balanced_ = true;  // the last expand() closed every group, class and \Q it opened
  std::vector<std::string> macro_stack_;       // the macros being expanded (cycle guard)
  std::vector<std::size_t>* masks_ = nullptr;  // where the annotation references found go
};

}  // namespace caucus
