#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "caucus/rules.hpp"

namespace caucus::cli {

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

void print_diagnostics(const Diagnostics& diagnostics) {
  const std::string text = diagnostics.render(stderr_is_terminal());
  std::fwrite(text.data(), 1, text.size(), stderr);
}

std::optional<Args> parse_command(const CommandSpec& spec, const std::vector<std::string>& argv, int& exit) {
  std::string error;
  auto args = parse_args(spec, argv, error);
  if (!args) {
    std::fprintf(stderr, "caucus %s: %s\n", spec.name.c_str(), error.c_str());
    exit = kExitUsage;
    return std::nullopt;
  }
  if (args->has("help")) {
    std::fputs(format_help(spec).c_str(), stdout);
    exit = kExitOk;
    return std::nullopt;
  }
  return args;
}

OptionSpec pipeline_option() {
  return {"pipeline", 'p', "FILE", "Pipeline file (default: the shipped rules/pipeline.toml; $CAUCUS_RULES overrides)"};
}

std::unique_ptr<Pipeline> load_pipeline(const Args& args, AnnotatorRegistry& registry, Diagnostics& diagnostics) {
  std::filesystem::path file = args.get("pipeline");
  if (file.empty()) {
    file = default_pipeline_path();
    if (file.empty()) {
      diagnostics.error("P001", "cannot find the shipped rules: set CAUCUS_RULES to the rules/ directory or pass --pipeline");
      return nullptr;
    }
  }
  return Pipeline::load(file, registry, diagnostics);
}

std::unique_ptr<Pipeline> load_pipeline(const Args& args, AnnotatorRegistry& registry) {
  read_rule_examples(false);  // the commands that run a pipeline; `caucus rules` tests examples
  Diagnostics diagnostics;
  auto pipeline = load_pipeline(args, registry, diagnostics);
  print_diagnostics(diagnostics);
  return pipeline;
}

Output::Output(const std::string& path) {
  if (!path.empty() && path != "-") file_.emplace(path);
}

bool Output::ok() const { return file_ ? file_->ok() : stdout_ok_; }

const std::string& Output::error() const { return file_ ? file_->error() : stdout_error_; }

void Output::write(std::string_view data) {
  if (file_) return file_->write(data);
  if (stdout_ok_ && std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) fail_on_stdout();
}

bool Output::commit() {
  if (file_) return file_->commit();
  if (stdout_ok_ && std::fflush(stdout) != 0) fail_on_stdout();
  return stdout_ok_;
}

void Output::fail_on_stdout() {
  stdout_ok_ = false;
  stdout_error_ = std::string("cannot write to standard output: ") + std::strerror(errno);
}

std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace caucus::cli
