#include "caucus/config.hpp"

#include <set>

#include "toml_util.hpp"

namespace caucus {

struct Config::Impl {
  const toml::table* table = nullptr;
  std::string source;
  std::filesystem::path rule_root;
  mutable std::set<std::string, std::less<>> read;
};

Config::Config(std::string source) : impl_(std::make_unique<Impl>()) { impl_->source = std::move(source); }
Config::~Config() = default;
Config::Config(Config&&) noexcept = default;
Config& Config::operator=(Config&&) noexcept = default;

Config Config::from_toml_table(const void* node, std::string source_path, std::filesystem::path rule_root) {
  Config config(std::move(source_path));
  config.impl_->table = static_cast<const toml::table*>(node);
  config.impl_->rule_root = std::move(rule_root);
  return config;
}

namespace {

void wrong_type(Diagnostics& diagnostics, const SourceLocation& where, std::string_view key, std::string_view expected,
                const toml::node& node) {
  diagnostics.error("P008", "'" + std::string(key) + "' must be " + std::string(expected) + ", not " + toml_type_name(node),
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

std::optional<std::string> Config::string(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (auto value = node.value<std::string>(); value && node.is_string()) return value;
  wrong_type(diagnostics, location(key), key, "a string", node);
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
        wrong_type(diagnostics, toml_location(item, impl_->source), key, "a list of strings", item);
      }
    }
  } else {
    wrong_type(diagnostics, location(key), key, "a string or a list of strings", node);
  }
  return out;
}

std::optional<int64_t> Config::integer(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (node.is_integer()) return node.value<int64_t>();
  wrong_type(diagnostics, location(key), key, "an integer", node);
  return std::nullopt;
}

std::optional<double> Config::number(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (node.is_number()) return node.value<double>();
  wrong_type(diagnostics, location(key), key, "a number", node);
  return std::nullopt;
}

std::optional<bool> Config::boolean(std::string_view key, Diagnostics& diagnostics) const {
  mark_read(key);
  if (!has(key)) return std::nullopt;
  const toml::node& node = *impl_->table->get(key);
  if (node.is_boolean()) return node.value<bool>();
  wrong_type(diagnostics, location(key), key, "true or false", node);
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
    auto& d = diagnostics.error("P007", "unknown key '" + std::string(key.str()) + "'", toml_location(node, impl_->source));
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
