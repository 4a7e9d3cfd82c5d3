// Config: an annotator's settings, one [[step]] table of a pipeline file.
//
// Typed getters report wrong types with file:line:col, resolve paths against the rule tree
// (and refuse paths that leave it), and remember which keys were read: after configure(), the
// pipeline reports every key the annotator never asked for as unknown, with a "did you mean".
// TOML++ stays behind this class, so plugins do not depend on its ABI.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caucus/annotation.hpp"
#include "caucus/diagnostics.hpp"

namespace caucus {

// The diagnostic codes a Config reports with: pipelines use P007/P008, rule files R002/R003.
struct ConfigCodes {
  const char* unknown_key = "P007";
  const char* wrong_type = "P008";
};

class Config {
 public:
  // An empty configuration (no keys); `source` names it in messages.
  explicit Config(std::string source = "<empty>");
  ~Config();
  Config(Config&&) noexcept;
  Config& operator=(Config&&) noexcept;

  // `node` must point to a toml::table that outlives the Config.
  static Config from_toml_table(const void* node, std::string source_path, std::filesystem::path rule_root,
                                ConfigCodes codes = {});

  std::optional<std::string> string(std::string_view key, Diagnostics& diagnostics) const;
  // A string or an array of strings.
  std::vector<std::string> strings(std::string_view key, Diagnostics& diagnostics) const;
  std::optional<int64_t> integer(std::string_view key, Diagnostics& diagnostics) const;
  std::optional<double> number(std::string_view key, Diagnostics& diagnostics) const;
  std::optional<bool> boolean(std::string_view key, Diagnostics& diagnostics) const;
  // A path relative to the rule tree, resolved; reported (R018) if it leaves the rule tree.
  std::optional<std::filesystem::path> path(std::string_view key, Diagnostics& diagnostics) const;
  std::vector<std::filesystem::path> paths(std::string_view key, Diagnostics& diagnostics) const;

  // A nested table, as a Config of its own (report its unread keys separately).
  std::optional<Config> table(std::string_view key, Diagnostics& diagnostics) const;
  // An array of tables ([[key]]).
  std::vector<Config> tables(std::string_view key, Diagnostics& diagnostics) const;
  // A string, number, boolean or list of strings, as an attribute value.
  std::optional<AttrValue> scalar(std::string_view key, Diagnostics& diagnostics) const;
  // Every key of this table, in file order; marks them all as read (for user-named keys).
  std::vector<std::string> keys() const;

  bool has(std::string_view key) const;
  SourceLocation location(std::string_view key) const;
  SourceLocation location() const;  // of the table itself
  const std::string& source_path() const;
  const std::filesystem::path& rule_root() const;
  // Resolves a path written in a rule or pipeline file against the rule tree; reports R018 at
  // `where` if the result leaves the tree.
  std::optional<std::filesystem::path> resolve(const std::string& relative, const SourceLocation& where,
                                               Diagnostics& diagnostics) const;

  // Marks keys as read by the pipeline itself (annotator, id) so they are not reported.
  void mark_read(std::string_view key) const;
  // Reports an unknown key (P007 or R002) for each key that was never read.
  void report_unread_keys(Diagnostics& diagnostics) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Resolves `relative` against `root` and checks that the result stays inside `root` (after
// resolving "..", symbolic links included). Returns nullopt if it escapes.
std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& root, const std::string& relative);

}  // namespace caucus
