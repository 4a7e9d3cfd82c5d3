#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

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
  Diagnostics diagnostics;
  auto pipeline = load_pipeline(args, registry, diagnostics);
  print_diagnostics(diagnostics);
  return pipeline;
}

Output::Output(const std::string& path) : path_(path == "-" ? "" : path) {
  if (path_.empty()) {
    file_ = stdout;
    return;
  }
  temp_path_ = path_ + ".tmp." + std::to_string(getpid());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_) {
    ok_ = false;
    error_ = "cannot write " + path_ + ": " + std::strerror(errno);
  }
}

Output::~Output() {
  if (!path_.empty() && !committed_) {
    if (file_) std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
}

void Output::write(std::string_view data) {
  if (!ok_) return;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    ok_ = false;
    error_ = "cannot write " + (path_.empty() ? std::string("to standard output") : path_) + ": " + std::strerror(errno);
  }
}

bool Output::commit() {
  if (committed_) return ok_;
  if (ok_ && std::fflush(file_) != 0) {
    ok_ = false;
    error_ = "cannot write " + (path_.empty() ? std::string("to standard output") : path_) + ": " + std::strerror(errno);
  }
  if (path_.empty()) {
    committed_ = true;
    return ok_;
  }
  if (std::fclose(file_) != 0 && ok_) {
    ok_ = false;
    error_ = "cannot write " + path_ + ": " + std::strerror(errno);
  }
  file_ = nullptr;
  committed_ = true;
  if (ok_ && std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    ok_ = false;
    error_ = "cannot rename " + temp_path_ + " to " + path_ + ": " + std::strerror(errno);
  }
  if (!ok_) std::remove(temp_path_.c_str());
  return ok_;
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
