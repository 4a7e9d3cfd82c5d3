#include "options.hpp"

#include <algorithm>

namespace caucus::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::optional<Args> parse_args(const CommandSpec& spec, const std::vector<std::string>& argv, std::string& error) {
  Args args;
  auto find_long = [&](const std::string& name) -> const OptionSpec* {
    if (name == "help") {
      static const OptionSpec help{"help", 'h', "", "", false};
      return &help;
    }
    auto it = std::find_if(spec.options.begin(), spec.options.end(), [&](const OptionSpec& o) { return o.long_name == name; });
    return it == spec.options.end() ? nullptr : &*it;
  };
  auto find_short = [&](char c) -> const OptionSpec* {
    if (c == 'h') return find_long("help");
    auto it = std::find_if(spec.options.begin(), spec.options.end(), [&](const OptionSpec& o) { return o.short_name == c; });
    return it == spec.options.end() ? nullptr : &*it;
  };

  bool options_done = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    if (options_done || word == "-" || word.size() < 2 || word[0] != '-') {
      args.positional_.push_back(word);
      continue;
    }
    if (word == "--") {
      options_done = true;
      continue;
    }
    const OptionSpec* option = nullptr;
    std::optional<std::string> inline_value;
    std::string shown;
    if (word.starts_with("--")) {
      std::string name = word.substr(2);
      if (auto eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name.resize(eq);
      }
      option = find_long(name);
      shown = "--" + name;
    } else {
      option = find_short(word[1]);
      if (word.size() > 2) inline_value = word.substr(2);
      shown = word.substr(0, 2);
    }
    if (!option) {
      error = "unknown option '" + shown + "' (see 'caucus " + spec.name + " --help')";
      return std::nullopt;
    }
    std::string value;
    if (option->value_name.empty()) {
      if (inline_value) {
        error = "option '" + shown + "' takes no value";
        return std::nullopt;
      }
    } else if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < argv.size()) {
      value = argv[++i];
    } else {
      error = "option '" + shown + "' needs a value (" + option->value_name + ")";
      return std::nullopt;
    }
    auto& slot = args.values_[option->long_name];
    if (!slot.empty() && !option->repeatable && !option->value_name.empty()) slot.clear();
    slot.push_back(value);
  }
  return args;
}

std::string format_help(const CommandSpec& spec) {
  std::string out = "caucus " + spec.name + ": " + spec.summary + "\n\nUsage: caucus " + spec.name + " " + spec.usage + "\n";
  if (!spec.options.empty()) out += "\nOptions:\n";
  auto options = spec.options;
  options.push_back({"help", 'h', "", "Show this help and exit"});
  for (const auto& o : options) {
    std::string left = "  ";
    left += o.short_name ? std::string("-") + o.short_name + ", " : "    ";
    left += "--" + o.long_name;
    if (!o.value_name.empty()) left += " " + o.value_name;
    if (left.size() < 30) left.resize(30, ' ');
    else left += "\n" + std::string(30, ' ');
    out += left + o.help + "\n";
  }
  if (!spec.details.empty()) out += "\n" + spec.details + "\n";
  return out;
}

}  // namespace caucus::cli
