// Rule examples: each rule carries texts it must and must not match; this checks them.
#include "caucus/pipeline.hpp"
#include "caucus/rules.hpp"

namespace caucus {
namespace {

std::string describe(const Document& document, const Annotation& a) {
  std::string out = "'" + std::string(document.slice(a.span)) + "'";
  for (const auto& [key, value] : a.attrs) {
    out += " " + key + "=" + a.attrs.text(key);
  }
  return out;
}

// True if attribute `key` of `a` is `expected`: an actor by its id or label, anything else by its text.
bool attribute_is(const Annotation& a, const std::string& key, const std::string& expected) {
  const AttrValue* value = a.attrs.find(key);
  if (!value) return false;
  if (const auto* actor = std::get_if<ActorRef>(value)) return actor->id == expected || actor->label == expected;
  return a.attrs.text(key) == expected;
}

}  // namespace

ExampleReport run_examples(const RuleSet& rules, const ExampleContext& context) {
  ExampleReport report;
  for (const Rule& rule : rules.rules) {
    for (const RuleExample& example : rule.examples) {
      ++report.run;
      Document document("example", example.text);
      if (context.pipeline) context.pipeline->run_steps(document, context.before);
      std::vector<TraceEvent> trace;
      ApplyOptions options;
      options.trace = &trace;
      options.annotator = "example";
      apply_rules(rules, document, options);
      if (context.pipeline) {
        for (std::size_t step = context.after; step < context.pipeline->steps().size(); ++step) {
          context.pipeline->run_step(document, step);
        }
      }

      std::vector<const Annotation*> made;
      for (AnnotationId id = 0; id < document.annotations().size(); ++id) {
        const Annotation& a = document.annotations()[id];
        if (a.rule == rule.id) made.push_back(&a);
      }
      // A blocking rule adds nothing: what it kept is in the trace, as annotations without roles.
      std::vector<Annotation> blocked;
      if (rule.block) {
        for (const auto& event : trace) {
          if (event.rule == rule.id && event.outcome == TraceOutcome::kept)
            blocked.push_back({rule.type, event.match, rule.id, "example", {}});
        }
        for (const auto& a : blocked) made.push_back(&a);
      }
      ExampleFailure failure{rule.id, example.where, "", {}};
      if (!example.should_match) {
        if (made.empty()) {
          ++report.passed;
          continue;
        }
        failure.message = "rule '" + rule.id + "' matched a text it must not match";
        for (const auto* a : made) failure.notes.push_back("it found " + describe(document, *a));
        report.failures.push_back(std::move(failure));
        continue;
      }
      const bool ok = std::any_of(made.begin(), made.end(), [&](const Annotation* a) {
        if (!example.span.empty() && document.slice(a->span) != example.span) return false;
        for (const auto& [key, expected] : example.expect) {
          if (!attribute_is(*a, key, expected)) return false;
        }
        return true;
      });
      if (ok) {
        ++report.passed;
        continue;
      }
      std::string wanted;
      if (!example.span.empty()) wanted += " span '" + example.span + "'";
      for (const auto& [key, expected] : example.expect) wanted += " " + key + "=" + expected;
      failure.message = "rule '" + rule.id + "' did not find" + (wanted.empty() ? std::string(" a match") : wanted);
      for (const auto* a : made) failure.notes.push_back("it found " + describe(document, *a));
      if (made.empty()) {
        for (const auto& event : trace) {
          if (event.rule != rule.id) continue;
          std::string note = std::string(to_string(event.outcome));
          if (!event.detail.empty()) note += ": " + event.detail;
          if (std::find(failure.notes.begin(), failure.notes.end(), note) == failure.notes.end()) failure.notes.push_back(note);
        }
        if (failure.notes.empty()) failure.notes.push_back("no " + std::string(to_string(rule.scope)) + " to match in: is the context pipeline right?");
      }
      report.failures.push_back(std::move(failure));
    }
  }
  return report;
}

}  // namespace caucus
