// caucus explain: which rules matched where, with their roles, and with --trace why the
// other rules did not. The answer to "why didn't my rule match?".
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "caucus/reader.hpp"
#include "caucus/summary.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "rule_context.hpp"

namespace caucus::cli {
namespace {

const CommandSpec& spec() {
  static const CommandSpec spec{
      "explain",
      "[OPTIONS] (TEXT | --file FILE)",
      "show which rules match a text, and why others do not",
      "Runs the pipeline over TEXT (or FILE) and prints, sentence by sentence, every annotation a\n"
      "rule made, with its captures and roles. --trace adds every rule that was tried and why it\n"
      "made nothing: no trigger word (prefilter), pattern failed, a capture constraint failed, or\n"
      "overlap resolution dropped it. --rules adds rule files of your own after the pipeline.",
      {
          pipeline_option(),
          {"rules", 'r', "FILE", "Also apply this rule file (repeatable)", true},
          {"file", 'f', "FILE", "Explain this document instead of TEXT"},
          {"speech", 's', "N", "With --file: only speech N (0-based)"},
          {"trace", 0, "", "Also show the rules that were tried and made nothing"},
          {"color", 0, "WHEN", "auto (default), always or never"},
      }};
  return spec;
}

struct Painter {
  bool on;
  std::string bold(const std::string& s) const { return on ? "\033[1m" + s + "\033[0m" : s; }
  std::string mark(const std::string& s) const { return on ? "\033[1;33m" + s + "\033[0m" : "[" + s + "]"; }
  std::string dim(const std::string& s) const { return on ? "\033[2m" + s + "\033[0m" : s; }
};

std::string describe_attrs(const Attributes& attrs) {
  std::string out;
  for (const auto& [key, value] : attrs) {
    out += " " + key + "=";
    if (const auto* actor = std::get_if<ActorRef>(&value)) out += actor->id + " (" + actor->label + ")";
    else out += "\"" + attrs.text(key) + "\"";
  }
  return out;
}

}  // namespace

int run_explain(const Argv& argv) {
  int exit = kExitOk;
  auto args = parse_command(spec(), argv, exit);
  if (!args) return exit;
  const std::string color = args->get("color", "auto");
  const Painter paint{color == "always" || (color == "auto" && isatty(1))};

  Diagnostics diagnostics;
  std::optional<Document> document;
  if (args->has("file")) {
    document = read_document(args->get("file"), {}, diagnostics);
  } else if (!args->positional().empty()) {
    std::string text;
    for (const auto& word : args->positional()) text += (text.empty() ? "" : " ") + word;
    document.emplace("<text>", text);
  } else {
    std::fprintf(stderr, "caucus explain: give a TEXT or --file FILE (see 'caucus explain --help')\n");
    return kExitUsage;
  }
  if (!document) {
    print_diagnostics(diagnostics);
    return kExitUsage;
  }

  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  auto pipeline = load_pipeline(*args, registry);
  if (!pipeline) return kExitUsage;
  std::vector<RuleFileInContext> extra;
  if (!rule_files_in_context(args->all("rules"), pipeline.get(), diagnostics, extra)) {
    print_diagnostics(diagnostics);
    return kExitUsage;
  }
  print_diagnostics(diagnostics);

  // Run step by step; rule-backed steps run traced.
  std::vector<TraceEvent> trace;
  for (std::size_t i = 0; i < pipeline->steps().size(); ++i) {
    const auto& step = pipeline->steps()[i];
    const auto* provider = dynamic_cast<const RuleProvider*>(step.instance.get());
    if (!provider) {
      pipeline->run_step(*document, i);
      continue;
    }
    ApplyOptions options;
    options.trace = &trace;
    options.annotator = step.id;
    for (const auto& set : provider->rule_sets()) apply_rules(*set, *document, options);
  }
  for (const auto& file : extra) {
    ApplyOptions options;
    options.trace = &trace;
    options.annotator = "explain";
    apply_rules(*file.rules, *document, options);
  }

  Span window{0, static_cast<uint32_t>(document->text().size())};
  if (args->has("speech")) {
    const auto index = static_cast<std::size_t>(std::stoul(args->get("speech")));
    if (index >= document->speeches().size()) {
      std::fprintf(stderr, "caucus explain: the document has %zu speeches\n", document->speeches().size());
      return kExitUsage;
    }
    window = document->speeches()[index].span;
  }

  // Group rule-made annotations by the sentences holding them, and trace events by unit, once.
  const AnnotationStore& store = document->annotations();
  std::map<AnnotationId, std::vector<AnnotationId>> made_in;
  for (AnnotationId id = 0; id < store.size(); ++id) {
    if (store[id].rule.empty()) continue;
    for (AnnotationId sentence_id : store.covering("sentence", store[id].span)) made_in[sentence_id].push_back(id);
  }
  std::map<std::pair<uint32_t, uint32_t>, std::vector<const TraceEvent*>> events_in;
  if (args->has("trace")) {
    for (const auto& event : trace) {
      if (event.outcome != TraceOutcome::kept) events_in[{event.unit.begin, event.unit.end}].push_back(&event);
    }
  }
  auto print_event = [&](const TraceEvent& event, bool with_match) {
    std::string line = "  - " + event.rule + ": " + std::string(to_string(event.outcome));
    if (!event.detail.empty()) line += ": " + event.detail;
    if (with_match && !event.match.empty()) line += " (at \"" + one_line(document->slice(event.match)) + "\")";
    std::printf("%s\n", paint.dim(line).c_str());
  };
  static const std::vector<AnnotationId> kNone;
  static const std::vector<const TraceEvent*> kNoEvents;
  std::size_t shown = 0;
  for (AnnotationId sentence_id : store.of_type("sentence")) {
    const Span sentence = store[sentence_id].span;
    if (!window.contains(sentence)) continue;
    const auto made_it = made_in.find(sentence_id);
    const auto& made = made_it == made_in.end() ? kNone : made_it->second;
    const auto events_it = events_in.find({sentence.begin, sentence.end});
    const auto& events = events_it == events_in.end() ? kNoEvents : events_it->second;
    if (made.empty() && events.empty()) continue;
    ++shown;
    // The sentence with every match highlighted.
    std::string text;
    uint32_t at = sentence.begin;
    std::vector<Span> marks;
    for (AnnotationId id : made) marks.push_back(store[id].span);
    std::sort(marks.begin(), marks.end(), [](Span a, Span b) { return a.begin < b.begin; });
    for (const Span mark : marks) {
      if (mark.begin < at) continue;
      text += one_line(document->slice({at, mark.begin}));
      text += paint.mark(one_line(document->slice(mark)));
      at = mark.end;
    }
    text += one_line(document->slice({at, sentence.end}));
    const LineColumn where = document->lines().locate(sentence.begin);
    std::printf("%s %s\n", paint.bold("line " + std::to_string(where.line) + ":").c_str(), text.c_str());
    for (AnnotationId id : made) {
      const Annotation& a = store[id];
      std::printf("  + %s [%s] \"%s\"%s\n", a.type.c_str(), a.rule.c_str(), one_line(document->slice(a.span)).c_str(),
                  describe_attrs(a.attrs).c_str());
    }
    for (const auto* event : events) print_event(*event, true);
  }
  if (args->has("trace")) {
    // Rules scoped to paragraphs, speeches or the whole document: their attempts, per unit.
    std::set<std::pair<uint32_t, uint32_t>> sentences;
    for (AnnotationId id : store.of_type("sentence")) sentences.insert({store[id].span.begin, store[id].span.end});
    for (const auto& [unit, events] : events_in) {
      if (sentences.count(unit) || !window.overlaps({unit.first, unit.second})) continue;
      const LineColumn where = document->lines().locate(unit.first);
      std::printf("%s %s\n", paint.bold("line " + std::to_string(where.line) + " (paragraph or larger):").c_str(),
                  one_line(document->slice({unit.first, unit.second}), 100).c_str());
      for (const auto* event : events) print_event(*event, false);
      ++shown;
    }
  }
  if (shown == 0) std::printf("no rule matched%s\n", args->has("trace") ? "" : " (try --trace)");
  print_diagnostics(document->problems());
  return kExitOk;
}

}  // namespace caucus::cli
