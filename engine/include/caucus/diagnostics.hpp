// Diagnostics: the one channel for user mistakes (bad rule files, pipelines, documents).
//
// Everything a user can get wrong becomes a Diagnostic collected in a Diagnostics object, so
// a run reports every problem at once instead of stopping at the first. Exceptions are kept
// for broken preconditions inside caucus itself.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace caucus {

enum class Severity { note, warning, error };

std::string_view severity_name(Severity severity);

// Where a diagnostic points: a file and a 1-based line and column (0 = unknown). For
// documents, `byte_offset` may be set instead of a line.
struct SourceLocation {
  std::string path;
  uint32_t line = 0;
  uint32_t column = 0;

  bool known() const { return !path.empty(); }
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // e.g. "R010"; documented in docs/diagnostics.md
  std::string message;  // one sentence, no trailing period
  SourceLocation where;
  std::vector<std::string> notes;  // extra lines ("did you mean ...", "known annotators: ...")
  // Length of the underline below the caret (code points); 1 when unknown.
  uint32_t length = 1;
};

// Collects diagnostics from every stage of a run. Safe to share between threads.
class Diagnostics {
 public:
  Diagnostic& report(Severity severity, std::string code, std::string message, SourceLocation where = {});
  Diagnostic& error(std::string code, std::string message, SourceLocation where = {}) {
    return report(Severity::error, std::move(code), std::move(message), std::move(where));
  }
  Diagnostic& warning(std::string code, std::string message, SourceLocation where = {}) {
    return report(Severity::warning, std::move(code), std::move(message), std::move(where));
  }
  void append(const Diagnostics& other);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t size() const;
  std::vector<Diagnostic> all() const;
  // True if a diagnostic with this code was reported (used by tests).
  bool contains(std::string_view code) const;

  // Registers the text of a file so that rendering can show its lines (rule files, pipelines).
  void add_source(const std::string& path, std::string text);

  // Renders every diagnostic compiler-style: "file:line:col: error[CODE]: message", the source
  // line and a caret, then the notes. `color` adds ANSI colours for terminals.
  std::string render(bool color = false) const;
  std::string render(const Diagnostic& diagnostic, bool color = false) const;

 private:
  mutable std::mutex mutex_;
  // Diagnostics are handed out by reference, so they live in stable storage.
  std::vector<std::unique_ptr<Diagnostic>> items_;
  std::map<std::string, std::string, std::less<>> sources_;
};

// "did you mean" support: the candidate closest to `word` by edit distance, or "" when none is
// close enough to be a plausible typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// Joins words for messages: "a, b, c".
std::string join(const std::vector<std::string>& words, std::string_view separator = ", ");

}  // namespace caucus
