// Subcommands whose engines are still being built. Each keeps its --help so that scripts and
// users can discover it; running it says which capability it waits for.
#include <cstdio>

#include "commands.hpp"
#include "options.hpp"

namespace caucus::cli {
namespace {

int pending(const Argv& argv, const char* name, const char* summary, const char* waits_for) {
  for (const auto& word : argv) {
    if (word == "--help" || word == "-h") {
      std::printf("caucus %s: %s\n\nThis command is not available in this build yet: it arrives with %s.\n", name, summary,
                  waits_for);
      return kExitOk;
    }
  }
  std::fprintf(stderr, "caucus %s: not available in this build yet (arrives with %s)\n", name, waits_for);
  return kExitUsage;
}

}  // namespace

int run_graph(const Argv& argv) {
  return pending(argv, "graph", "build the alignment network", "the alignment network");
}

}  // namespace caucus::cli
