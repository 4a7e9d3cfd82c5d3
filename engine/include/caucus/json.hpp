// JSON output: a small streaming writer and the JSON Lines form of an annotated document.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <set>
#include <string_view>
#include <vector>

#include "caucus/document.hpp"

namespace caucus {

// Appends JSON to a string. Commas are inserted automatically; the caller keeps keys and
// values paired and containers balanced.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view key);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(int64_t number);
  JsonWriter& value(uint32_t number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  JsonWriter& value(const AttrValue& value);

 private:
  void separate();
  std::string& out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

// Appends `text` as a JSON string literal (quoted, escaped) to `out`.
void append_json_string(std::string& out, std::string_view text);

struct JsonOptions {
  // Annotation types to write; empty = all but `hidden`.
  std::vector<std::string> types;
  // Types not written unless named in `types` (the intermediate types of rules).
  std::set<std::string> hidden;
  // Write each annotation's text (on by default: it makes the output readable on its own).
  bool include_text = true;
};

// The JSON Lines record of an annotated document (one line, no trailing newline). Offsets are
// code points into the text as read; annotations are ordered by offset, then type.
std::string document_to_json(const Document& document, const JsonOptions& options = {});

// The same record, handed to `flush` in pieces of about `chunk` bytes as it is made: for long
// documents, whose record (several times the text) need not be held whole. The pieces
// joined are document_to_json()'s string. (256 KB pieces: larger ones were 1.5 MB more of the
// peak memory of a long document, written no faster.)
void write_document_json(const Document& document, const JsonOptions& options,
                         const std::function<void(std::string_view)>& flush, std::size_t chunk = std::size_t{1} << 18);

}  // namespace caucus
