#include "caucus/config.hpp"

#include <algorithm>
#include <set>

#include "toml_util.hpp"

namespace caucus {

struct Config::Impl {
  const toml::table* table = nullptr;
  std::string source;
  std::filesystem::path rule_root;
  ConfigCodes codes;
  mutable std::set<std::string, std::less<>> read;
};

Config::Config(std::string source) : impl_(std::make_unique<Impl>()) { impl_->source = std::move(source); }
Config::~Config() = default;
Config::Config(Config&&) noexcept = default;
Config& Config::operator=(Config&&) noexcept = default;

Config Config::from_toml_table(const void* node, std::string source_path, std::filesystem::path rule_root,
                               ConfigCodes codes) {
  Config config(std::move(source_path));
  config.impl_->table = static_cast<const toml::table*>(node);
  config.impl_->rule_root = std::move(rule_root);
  config.impl_->codes = codes;
  return config;
}

namespace {

void wrong_type(Diagnostics& diagnostics, const char* code, const SourceLocation& where, std::string_view key,
                std::string_view expected, const toml::node& node) {
  diagnostics.error(code, "'" + std::string(key) + "' must be " + std::string(expected) + ", not " + toml_type_name(node),
                    where);
}

}  // namespace

bool Config::has(std::string_view key) const { return impl_->table && impl_->table->contains(key); }

void Config::mark_read(std::string_view key) const { impl_->read.emplace(key); }

SourceLocation Config::location(std::string_view key) const {
  if (impl_->table) {
    if (const toml::node* node = impl_->table->get(key)) return toml_location(*node, impl_->source);
  }
  return location();
}

SourceLocation Config::location() const {
  if (impl_->table) return toml_location(*impl_->table, impl_->source);
  return {impl_->source};
}

const std::filesystem::path& Config::rule_root() const { return impl_->rule_root; }

const std::string& Config::source_path() const { return impl_->source; }

std::optional<Config> Config::table(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (const toml::table* child = node.as_table()) {
    return from_toml_table(child, impl_->source, impl_->rule_root, impl_->codes);
  }
  wrong_type(diagnostics, impl_->codes.wrong_type, location(key), key, "a table", node);
  return std::nullopt;
}

std::vector<Config> Config::tables(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  std::vector<Config> out;
  if (!has(key)) return out;
  const toml::node& node = *impl_->table->get(key);
  if (const toml::array* array = node.as_array()) {
    for (const toml::node& item : *array) {
      if (const toml::table* child = item.as_table()) {
        out.push_back(from_toml_table(child, impl_->source, impl_->rule_root, impl_->codes));
      } else {
        wrong_type(diagnostics, impl_->codes.wrong_type, toml_location(item, impl_->source), key, "a list of tables", item);
      }
    }
  } else if (const toml::table* single = node.as_table()) {
    out.push_back(from_toml_table(single, impl_->source, impl_->rule_root, impl_->codes));
  } else {
    wrong_type(diagnostics, impl_->codes.wrong_type, location(key), key, "a list of tables", node);
  }
  return out;
}

std::optional<AttrValue> Config::scalar(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (node.is_string()) return AttrValue(*node.value<std::string>());
  if (node.is_integer()) return AttrValue(*node.value<int64_t>());
  if (node.is_floating_point()) return AttrValue(*node.value<double>());
  if (node.is_boolean()) return AttrValue(*node.value<bool>());
  if (node.is_array()) return AttrValue(strings(key, diagnostics));
  wrong_type(diagnostics, impl_->codes.wrong_type, location(key), key, "a string, number, boolean or list of strings", node);
  return std::nullopt;
}

std::vector<std::string> Config::keys() const {
  std::vector<std::string> out;
  if (!impl_->table) return out;
  // TOML++ keeps keys sorted; file order is what a person expects to see.
  std::vector<std::pair<toml::source_position, std::string>> ordered;
  for (const auto& [key, node] : *impl_->table) ordered.emplace_back(key.source().begin, std::string(key.str()));
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return a.first.line != b.first.line ? a.first.line < b.first.line : a.first.column < b.first.column;
  });
  for (auto& [position, key] : ordered) {
    mark_read(key);
    out.push_back(std::move(key));
  }
  return out;
}

std::optional<std::string> Config::string(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (auto value = node.value<std::string>(); value && node.is_string()) return value;
  wrong_type(diagnostics, impl_->codes.wrong_type, location(key), key, "a string", node);
  return std::nullopt;
}

std::vector<std::string> Config::strings(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  std::vector<std::string> out;
  if (!has(key)) return out;
  const toml::node& node = *impl_->table->get(key);
  if (node.is_string()) {
    out.push_back(*node.value<std::string>());
  } else if (const toml::array* array = node.as_array()) {
    for (const toml::node& item : *array) {
      if (item.is_string()) {
        out.push_back(*item.value<std::string>());
      } else {
        wrong_type(diagnostics, impl_->codes.wrong_type, toml_location(item, impl_->source), key, "a list of strings", item);
      }
    }
  } else {
    wrong_type(diagnostics, impl_->codes.wrong_type, location(key), key, "a string or a list of strings", node);
  }
  return out;
}

std::optional<int64_t> Config::integer(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (node.is_integer()) return node.value<int64_t>();
  wrong_type(diagnostics, impl_->codes.wrong_type, location(key), key, "an integer", node);
  return std::nullopt;
}

std::optional<double> Config::number(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (node.is_number()) return node.value<double>();
  wrong_type(diagnostics, impl_->codes.wrong_type, location(key), key, "a number", node);
  return std::nullopt;
}

std::optional<bool> Config::boolean(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (node.is_boolean()) return node.value<bool>();
  wrong_type(diagnostics, impl_->codes.wrong_type, location(key), key, "true or false", node);
  return std::nullopt;
}

std::optional<std::filesystem::path> Config::resolve(const std::string& relative, const SourceLocation& where,
                                                     Diagnostics& diagnostics) const {
  auto resolved = resolve_inside(impl_->rule_root, relative);
  if (!resolved) {
    auto& d = diagnostics.error("R018", "path '" + relative + "' leaves the rule tree", where);
    d.notes.push_back("rule files may only name files under " + impl_->rule_root.string());
  }
  return resolved;
}

std::optional<std::filesystem::path> Config::path(std::string_view key, Diagnostics& diagnostics) const {
  auto text = string(key, diagnostics);
  if (!text) return std::nullopt;
  return resolve(*text, location(key), diagnostics);
}

std::vector<std::filesystem::path> Config::paths(std::string_view key, Diagnostics& diagnostics) const {
  std::vector<std::filesystem::path> out;
  for (const auto& text : strings(key, diagnostics)) {
    if (auto resolved = resolve(text, location(key), diagnostics)) out.push_back(*resolved);
  }
  return out;
}

void Config::report_unread_keys(Diagnostics& diagnostics) const {
  if (!impl_->table) return;
  std::vector<std::string> known(impl_->read.begin(), impl_->read.end());
  for (const auto& [key, node] : *impl_->table) {
    if (impl_->read.count(key.str())) continue;
    auto& d = diagnostics.error(impl_->codes.unknown_key, "unknown key '" + std::string(key.str()) + "'", toml_location(node, impl_->source));
    if (auto guess = closest_match(key.str(), known); !guess.empty()) d.notes.push_back("did you mean '" + guess + "'?");
    if (!known.empty()) d.notes.push_back("known keys: " + join(known));
  }
}

std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& root, const std::string& relative) {
  namespace fs = std::filesystem;
  const fs::path candidate = fs::path(relative).is_absolute() ? fs::path(relative) : root / relative;
  std::error_code error;
  const fs::path canonical_root = fs::weakly_canonical(root, error);
  if (error) return std::nullopt;
  const fs::path canonical = fs::weakly_canonical(candidate, error);
  if (error) return std::nullopt;
  // Inside means every component of the root is a prefix of the candidate's components.
  auto r = canonical_root.begin();
  auto c = canonical.begin();
  for (; r != canonical_root.end(); ++r, ++c) {
    if (r->empty()) continue;  // trailing separator
    if (c == canonical.end() || *r != *c) return std::nullopt;
  }
  return canonical;
}

}  // namespace caucus
