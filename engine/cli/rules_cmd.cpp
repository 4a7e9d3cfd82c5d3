// caucus rules check|test|dump: tools for rule authors.
#include <cstdio>

#include "caucus/reader.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "rule_context.hpp"

namespace caucus::cli {
namespace {

const CommandSpec& spec() {
  static const CommandSpec spec{
      "rules",
      "check|test|dump [OPTIONS] [FILE...]",
      "check, test and dump rule files",
      "check  compiles rule files and reports every error, compiler-style (exit 1 if any)\n"
      "test   runs every example of every rule (exit 1 if one fails)\n"
      "dump   prints the compiled form: final patterns, flags, triggers, lexicon sizes\n\n"
      "Without FILE, the rule files of the pipeline's steps are used. A FILE runs its examples\n"
      "after the pipeline steps that come before the step applying it (or before the first step\n"
      "producing its types), so that sentences, speeches and actors exist.",
      {pipeline_option(), {"quiet", 'q', "", "Only errors and the summary"}}};
  return spec;
}

}  // namespace

int run_rules(const Argv& argv) {
  int exit = kExitOk;
  auto args = parse_command(spec(), argv, exit);
  if (!args) return exit;
  if (args->positional().empty()) {
    std::fprintf(stderr, "caucus rules: say check, test or dump (see 'caucus rules --help')\n");
    return kExitUsage;
  }
  const std::string action = args->positional().front();
  if (action != "check" && action != "test" && action != "dump") {
    std::fprintf(stderr, "caucus rules: unknown action '%s': check, test or dump\n", action.c_str());
    return kExitUsage;
  }
  const std::vector<std::string> files(args->positional().begin() + 1, args->positional().end());

  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  // The pipeline gives context; with explicit files a broken pipeline must not hide their errors.
  Diagnostics pipeline_diagnostics;
  auto pipeline = load_pipeline(*args, registry, pipeline_diagnostics);

  Diagnostics diagnostics;
  std::vector<RuleFileInContext> sets;
  bool compiled = true;
  if (files.empty()) {
    diagnostics.append(pipeline_diagnostics);
    if (!pipeline) {
      print_diagnostics(diagnostics);
      return action == "check" ? kExitFailures : kExitUsage;
    }
    sets = pipeline_rule_files(*pipeline);
  } else {
    if (!pipeline && action == "test") {
      diagnostics.append(pipeline_diagnostics);
      diagnostics.warning("R042", "the pipeline did not load: examples run without the steps that give them context");
    }
    compiled = rule_files_in_context(files, pipeline.get(), diagnostics, sets);
  }

  if (action == "dump") {
    print_diagnostics(diagnostics);
    for (const auto& set : sets) std::fputs(set.rules->dump().c_str(), stdout);
    return compiled ? kExitOk : kExitFailures;
  }

  std::size_t rule_count = 0;
  for (const auto& set : sets) rule_count += set.rules->rules.size();
  if (action == "check") {
    if (args->has("quiet")) {
      Diagnostics errors_only;
      for (const auto& d : diagnostics.all()) {
        if (d.severity == Severity::error) errors_only.report(d.severity, d.code, d.message, d.where).notes = d.notes;
      }
      print_diagnostics(errors_only);
    } else {
      print_diagnostics(diagnostics);
    }
    const std::size_t errors = diagnostics.error_count();
    std::fprintf(stderr, "caucus rules check: %s, %s, %s, %s\n", counted(sets.size(), "file").c_str(),
                 counted(rule_count, "rule").c_str(), counted(errors, "error").c_str(),
                 counted(diagnostics.size() - errors, "warning").c_str());
    return errors ? kExitFailures : kExitOk;
  }

  // test: problems loading the pipeline or the files come first (examples then lack context).
  print_diagnostics(diagnostics);
  if (!compiled) return kExitFailures;
  Diagnostics failures;
  std::size_t run = 0, passed = 0;
  for (const auto& set : sets) {
    const ExampleReport report = run_examples(*set.rules, {pipeline.get(), set.context_steps, set.after});
    run += report.run;
    passed += report.passed;
    for (const auto& failure : report.failures) {
      failures.error("R040", failure.message, failure.where).notes = failure.notes;
    }
    // Sources for the caret lines.
    if (auto text = read_text_file(set.rules->file)) failures.add_source(set.rules->file, *text);
  }
  print_diagnostics(failures);
  std::fprintf(stderr, "caucus rules test: %zu rules, %zu examples: %zu passed, %zu failed\n", rule_count, run, passed, run - passed);
  return run == passed ? kExitOk : kExitFailures;
}

}  // namespace caucus::cli
