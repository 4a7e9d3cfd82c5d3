// caucus annotators: lists the registered annotators and, for a pipeline, what each step
// requires and produces.
#include <cstdio>

#include "commands.hpp"
#include "common.hpp"

namespace caucus::cli {

int run_annotators(const Argv& argv) {
  static const CommandSpec spec{
      "annotators", "[OPTIONS]", "list the registered annotators and the steps of a pipeline",
      "Built-in annotators are listed first, then those of plugins loaded by the pipeline.",
      {pipeline_option(), {"plugin", 0, "LIBRARY", "Load a plugin library first", true}}};
  int exit = kExitOk;
  auto args = parse_command(spec, argv, exit);
  if (!args) return exit;
  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  Diagnostics diagnostics;
  for (const auto& plugin : args->all("plugin")) registry.load_plugin(plugin, diagnostics);
  print_diagnostics(diagnostics);
  if (diagnostics.has_errors()) return kExitUsage;
  auto pipeline = load_pipeline(*args, registry);

  std::printf("Annotators:\n");
  for (const auto& entry : registry.entries()) {
    std::printf("  %-16s %s%s\n", entry.name.c_str(), entry.description.c_str(),
                entry.origin == "built-in" ? "" : (" [" + entry.origin + "]").c_str());
  }
  if (!pipeline) return kExitUsage;
  std::printf("\nPipeline %s (%s):\n", pipeline->name().c_str(), pipeline->file().c_str());
  for (const auto& step : pipeline->steps()) {
    std::printf("  %-16s annotator=%s\n", step.id.c_str(), step.annotator.c_str());
    std::printf("  %-16s   requires: %s\n", "", step.required.empty() ? "-" : join(step.required).c_str());
    std::printf("  %-16s   produces: %s\n", "", step.produced.empty() ? "-" : join(step.produced).c_str());
  }
  return kExitOk;
}

}  // namespace caucus::cli
