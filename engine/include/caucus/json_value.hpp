// Reading JSON: a small DOM for the JSON Lines caucus reads back (its own annotation output,
// documents on stdin as {"doc": ..., "text": ...}, graphs in node-link form).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace caucus {

class JsonValue {
 public:
  using Array = std::vector<JsonValue>;
  using Object = std::vector<std::pair<std::string, JsonValue>>;  // in document order

  JsonValue() = default;  // null
  explicit JsonValue(bool b) : value_(b) {}
  explicit JsonValue(double d) : value_(d) {}
  explicit JsonValue(std::string s) : value_(std::move(s)) {}
  explicit JsonValue(Array a) : value_(std::make_shared<Array>(std::move(a))) {}
  explicit JsonValue(Object o) : value_(std::make_shared<Object>(std::move(o))) {}

  bool is_null() const { return std::holds_alternative<std::monostate>(value_); }
  bool is_string() const { return std::holds_alternative<std::string>(value_); }
  bool is_number() const { return std::holds_alternative<double>(value_); }
  bool is_object() const { return std::holds_alternative<std::shared_ptr<Object>>(value_); }
  bool is_array() const { return std::holds_alternative<std::shared_ptr<Array>>(value_); }

  // Typed access with a fallback when the value is of another type.
  const std::string& string_or(const std::string& fallback) const;
  double number_or(double fallback) const;
  const Array& array() const;    // empty if not an array
  const Object& object() const;  // empty if not an object
  // The member `key` of an object, or a null value.
  const JsonValue& operator[](std::string_view key) const;

 private:
  std::variant<std::monostate, bool, double, std::string, std::shared_ptr<Array>, std::shared_ptr<Object>> value_;
};

// Parses one JSON text. On error returns nullopt and sets `error` to a message with the byte
// offset where it went wrong.
std::optional<JsonValue> parse_json(std::string_view text, std::string& error);

}  // namespace caucus
