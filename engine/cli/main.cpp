// caucus: rule-based annotation of diplomatic records. This file only dispatches to the
// subcommands; each lives in its own file.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "caucus/pattern_cache.hpp"
#include "commands.hpp"
#include "heap_pages.hpp"
#include "options.hpp"

namespace {

struct Subcommand {
  const char* name;
  int (*run)(const caucus::cli::Argv&);
  const char* summary;
};

constexpr Subcommand kSubcommands[] = {
    {"annotate", caucus::cli::run_annotate, "annotate documents, write JSON Lines"},
    {"graph", caucus::cli::run_graph, "build the alignment network (GraphML, DOT, JSON, CSV, SVG)"},
    {"rules", caucus::cli::run_rules, "check, test and dump rule files"},
    {"explain", caucus::cli::run_explain, "show which rules match a text, and why others do not"},
    {"eval", caucus::cli::run_eval, "score the pipeline against gold annotations"},
    {"annotators", caucus::cli::run_annotators, "list annotators and pipeline steps"},
    {"bench", caucus::cli::run_bench, "measure speed per step and per rule, and peak memory"},
};

void print_usage(std::FILE* out) {
  std::fprintf(out,
               "caucus %s: rule-based annotation of diplomatic records\n\n"
               "Usage: caucus COMMAND [OPTIONS] [ARGS]\n\nCommands:\n",
               CAUCUS_VERSION);
  for (const auto& command : kSubcommands) std::fprintf(out, "  %-12s %s\n", command.name, command.summary);
  std::fprintf(out,
               "\nRun 'caucus COMMAND --help' for a command's options.\n"
               "Exit status: 0 ok, 1 some inputs failed, 2 usage or configuration error.\n");
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (caucus annotate ... | head) becomes a write error we report, not a signal.
  std::signal(SIGPIPE, SIG_IGN);
  caucus::cli::tune_heap();
  if (argc < 2) {
    print_usage(stderr);
    return caucus::cli::kExitUsage;
  }
  // Rules that did not change since the last run load without PCRE2's compiling.
  caucus::use_pattern_cache(caucus::default_pattern_cache_dir());
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    print_usage(stdout);
    return caucus::cli::kExitOk;
  }
  if (command == "--version" || command == "-V") {
    std::printf("caucus %s\n", CAUCUS_VERSION);
    return caucus::cli::kExitOk;
  }
  for (const auto& sub : kSubcommands) {
    if (command == sub.name) {
      try {
        return sub.run(caucus::cli::Argv(argv + 2, argv + argc));
      } catch (const std::exception& error) {
        std::fprintf(stderr, "caucus %s: internal error: %s\n", sub.name, error.what());
        return caucus::cli::kExitUsage;
      }
    }
  }
  std::fprintf(stderr, "caucus: unknown command '%s'\n\n", command.c_str());
  print_usage(stderr);
  return caucus::cli::kExitUsage;
}
