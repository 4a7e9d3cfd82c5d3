// Command-line options: one table per subcommand gives both the parser and the --help text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace caucus::cli {

struct OptionSpec {
  std::string long_name;   // without "--"
  char short_name = 0;     // 0 = none
  std::string value_name;  // empty: a flag without a value
  std::string help;
  bool repeatable = false;
};

struct CommandSpec {
  std::string name;      // "annotate", "rules check"
  std::string usage;     // "[OPTIONS] INPUT..."
  std::string summary;   // one line
  std::string details;   // paragraphs after the options
  std::vector<OptionSpec> options;
};

class Args {
 public:
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> all(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  friend std::optional<Args> parse_args(const CommandSpec&, const std::vector<std::string>&, std::string&);
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// Parses `argv` (the words after the subcommand). On a usage error returns nullopt and sets
// `error`. "--help" is always accepted.
std::optional<Args> parse_args(const CommandSpec& spec, const std::vector<std::string>& argv, std::string& error);
std::string format_help(const CommandSpec& spec);

// Exit codes, as documented in docs/cli.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailures = 1;
inline constexpr int kExitUsage = 2;

}  // namespace caucus::cli
