// Private helpers shared by the readers of TOML files (pipelines, rule files, lexicons).
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>

#include "caucus/diagnostics.hpp"
#include "caucus/reader.hpp"
#include "toml_prefetch.hpp"

namespace caucus {

inline SourceLocation toml_location(const toml::node& node, const std::string& path) {
  const auto& begin = node.source().begin;
  return {path, static_cast<uint32_t>(begin.line), static_cast<uint32_t>(begin.column)};
}

inline std::string toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "a list";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return "a date";
    default: return "nothing";
  }
}

// Registers `text` with `diagnostics`, so that errors show its lines, and reports the syntax
// error of `parsed`, if any, as `code` at its line and column. Returns the table.
inline std::optional<toml::table> take_parsed(ParsedToml parsed, const std::string& text, const std::string& path,
                                              std::string_view code, Diagnostics& diagnostics) {
  diagnostics.add_source(path, text);
  if (!parsed.table) {
    diagnostics.error(std::string(code), "TOML syntax error: " + parsed.error,
                      {path, static_cast<uint32_t>(parsed.error_at.line), static_cast<uint32_t>(parsed.error_at.column)});
  }
  return std::move(parsed.table);
}

// Parses a TOML document, reporting a syntax error as `code` at its line and column, and
// registering the text with `diagnostics` so that errors show the source line.
inline std::optional<toml::table> parse_toml(const std::string& text, const std::string& path, std::string_view code,
                                             Diagnostics& diagnostics) {
  return take_parsed(parse_toml_text(text, path), text, path, code, diagnostics);
}

// A TOML file read and parsed: no text if it could not be read, no table after a syntax error
// (reported).
struct TomlFile {
  std::optional<std::string> text;
  std::optional<toml::table> table;
};

// Reads and parses the TOML file at `path`, or takes it from the TomlPrefetch under way
// (toml_prefetch.hpp), reporting a syntax error as parse_toml() does.
inline TomlFile load_toml_file(const std::string& path, std::string_view code, Diagnostics& diagnostics) {
  TomlFile file;
  if (auto prefetched = TomlPrefetch::take(path)) {
    file.text = std::move(prefetched->text);
    file.table = take_parsed(std::move(prefetched->parsed), *file.text, path, code, diagnostics);
    return file;
  }
  file.text = read_text_file(path);
  if (file.text) file.table = parse_toml(*file.text, path, code, diagnostics);
  return file;
}

}  // namespace caucus
