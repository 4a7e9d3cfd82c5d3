#include "caucus/diagnostics.hpp"

#include <algorithm>

#include "caucus/text.hpp"

namespace caucus {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

Diagnostic& Diagnostics::report(Severity severity, std::string code, std::string message, SourceLocation where) {
  auto diagnostic = std::make_unique<Diagnostic>();
  diagnostic->severity = severity;
  diagnostic->code = std::move(code);
  diagnostic->message = std::move(message);
  diagnostic->where = std::move(where);
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(diagnostic));
  return *items_.back();
}

void Diagnostics::append(const Diagnostics& other) {
  if (&other == this) return;
  auto copies = other.all();
  std::map<std::string, std::string, std::less<>> sources;
  {
    std::lock_guard lock(other.mutex_);
    sources = other.sources_;
  }
  std::lock_guard lock(mutex_);
  for (auto& d : copies) items_.push_back(std::make_unique<Diagnostic>(std::move(d)));
  for (auto& [path, text] : sources) sources_.emplace(path, std::move(text));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [](const auto& d) { return d->severity == Severity::error; }));
}

std::size_t Diagnostics::size() const {
  std::lock_guard lock(mutex_);
  return items_.size();
}

std::vector<Diagnostic> Diagnostics::all() const {
  std::lock_guard lock(mutex_);
  std::vector<Diagnostic> out;
  out.reserve(items_.size());
  for (const auto& d : items_) out.push_back(*d);
  return out;
}

bool Diagnostics::contains(std::string_view code) const {
  std::lock_guard lock(mutex_);
  return std::any_of(items_.begin(), items_.end(), [&](const auto& d) { return d->code == code; });
}

void Diagnostics::add_source(const std::string& path, std::string text) {
  std::lock_guard lock(mutex_);
  sources_.insert_or_assign(path, std::move(text));
}

std::string Diagnostics::render(const Diagnostic& d, bool color) const {
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  const char* tint = "";
  if (color) tint = d.severity == Severity::error ? "\033[1;31m" : d.severity == Severity::warning ? "\033[1;35m" : "\033[1;36m";

  std::string out;
  if (d.where.known()) {
    out += bold;
    out += d.where.path;
    if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
    out += reset;
  }
  out += tint;
  out += severity_name(d.severity);
  if (!d.code.empty()) out += "[" + d.code + "]";
  out += reset;
  out += ": ";
  out += bold;
  out += d.message;
  out += reset;
  out += '\n';

  // The source line and a caret under the column, like a compiler.
  std::string line_text;
  bool have_line = false;
  if (d.where.line > 0) {
    std::lock_guard lock(mutex_);
    auto it = sources_.find(d.where.path);
    if (it != sources_.end()) {
      LineIndex lines(it->second);
      line_text = std::string(lines.line_text(d.where.line));
      have_line = d.where.line <= lines.line_count();
    }
  }
  if (have_line) {
    out += "  " + line_text + "\n";
    if (d.where.column > 0) {
      // Tabs are kept so the caret lines up under the same character.
      std::string pad;
      uint32_t column = 1;
      for (std::size_t i = 0; i < line_text.size() && column < d.where.column;) {
        const int length = utf8_sequence_length(static_cast<unsigned char>(line_text[i]));
        pad += line_text[i] == '\t' ? '\t' : ' ';
        i += static_cast<std::size_t>(length);
        ++column;
      }
      out += "  " + pad + tint + "^";
      if (d.length > 1) out += std::string(d.length - 1, '~');
      out += reset;
      out += "\n";
    }
  }
  for (const auto& note : d.notes) out += "  = " + note + "\n";
  return out;
}

std::string Diagnostics::render(bool color) const {
  std::string out;
  for (const auto& d : all()) out += render(d, color);
  return out;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  // A plausible typo changes at most a third of the word (and at least one letter).
  const std::size_t allowed = std::max<std::size_t>(1, std::max(word.size(), best.size()) / 3);
  return best_distance <= allowed ? best : std::string();
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += separator;
    out += words[i];
  }
  return out;
}

}  // namespace caucus
