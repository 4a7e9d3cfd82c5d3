#include "caucus/summary.hpp"

#include <algorithm>
#include <map>

namespace caucus {
std::string one_line(std::string_view text, std::size_t limit) {
  std::string out;
  std::size_t code_points = 0;
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const int length = utf8_sequence_length(static_cast<unsigned char>(c));
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      ++i;
      continue;
    }
    if (code_points >= limit) return out + "...";
    if (space && !out.empty()) {
      out += ' ';
      ++code_points;
    }
    space = false;
    out.append(text.substr(i, static_cast<std::size_t>(length)));
    ++code_points;
    i += static_cast<std::size_t>(length);
  }
  return out;
}

namespace {

std::string span_text(const Document& document, Span span) {
  return "[" + std::to_string(document.code_point_as_read(span.begin)) + "," +
         std::to_string(document.code_point_as_read(span.end)) + ")";
}

}  // namespace

std::string document_summary(const Document& document, const SummaryOptions& options) {
  std::string out = "doc " + document.name() + "\n";
  for (const auto& [key, value] : document.meta()) out += "meta " + key + "=" + value + "\n";
  for (std::size_t i = 0; i < document.speeches().size(); ++i) {
    const Speech& s = document.speeches()[i];
    out += "speech " + std::to_string(i) + " " + span_text(document, s.span) + " \"" + s.speaker + "\" " +
           (s.actor.id.empty() ? std::string("-") : s.actor.id.str()) + " " + s.role + " " + s.mode + "\n";
  }
  const AnnotationStore& store = document.annotations();
  std::string as_read;
  for (AnnotationId id : store.ordered()) {
    const Annotation& a = store[id];
    if (!options.types.empty() && std::find(options.types.begin(), options.types.end(), a.type) == options.types.end()) continue;
    out += a.type + " " + span_text(document, a.span);
    const int speech = document.speech_at(a.span.begin);
    if (speech >= 0) out += " speech=" + std::to_string(speech);
    if (!a.rule.empty()) out += " rule=" + a.rule;
    // Attributes sorted by key, so that the order rules set them in does not matter.
    std::map<std::string, std::string> attrs;
    for (const auto& [key, value] : a.attrs) attrs[key] = one_line(a.attrs.text(key), options.text_limit);
    for (const auto& [key, value] : attrs) out += " " + key + "=" + (value.find(' ') == std::string::npos ? value : "\"" + value + "\"");
    out += " | " + one_line(document.slice_as_read(a.span, as_read), options.text_limit) + "\n";
  }
  return out;
}

}  // namespace caucus
