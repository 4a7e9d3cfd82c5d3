// Helpers shared by the subcommands: pipeline loading, output files, terminal detection.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "caucus/diagnostics.hpp"
#include "caucus/pipeline.hpp"
#include "caucus/registry.hpp"
#include "caucus/replaced_file.hpp"
#include "options.hpp"

namespace caucus::cli {

// True if stderr is a terminal (colours and progress bars are for people, not log files).
bool stderr_is_terminal();

// Prints diagnostics to stderr, coloured on a terminal.
void print_diagnostics(const Diagnostics& diagnostics);

// Loads the pipeline named by --pipeline, or the shipped default one. Prints diagnostics and
// returns nullptr on failure.
std::unique_ptr<Pipeline> load_pipeline(const Args& args, AnnotatorRegistry& registry);
// The same, leaving the diagnostics to the caller.
std::unique_ptr<Pipeline> load_pipeline(const Args& args, AnnotatorRegistry& registry, Diagnostics& diagnostics);

// Writes to stdout or to a file. A file is written as a whole (see ReplacedFile): an
// interrupted run never leaves a truncated output.
class Output {
 public:
  // `path` empty or "-" means stdout.
  explicit Output(const std::string& path);
  bool ok() const;
  const std::string& error() const;
  void write(std::string_view data);
  // Flushes, and for files renames the temporary into place. Returns false on any error.
  bool commit();

 private:
  void fail_on_stdout();

  std::optional<ReplacedFile> file_;  // none: stdout
  bool stdout_ok_ = true;
  std::string stdout_error_;
};

// Parses a subcommand's arguments. Prints a usage error or the --help text itself and returns
// nullopt, with the exit status in `exit`, when the command must stop there.
std::optional<Args> parse_command(const CommandSpec& spec, const std::vector<std::string>& argv, int& exit);

// The items of a comma-separated option value ("a,b,,c" -> a, b, c), empty items dropped.
std::vector<std::string> split_commas(const std::string& text);

// "1 document", "3 documents": a count and its noun, for summaries (the noun takes an "s").
std::string counted(std::size_t n, std::string_view noun);

// Common option specs.
OptionSpec pipeline_option();

}  // namespace caucus::cli
