#include "caucus/json_value.hpp"

#include <cstdlib>

namespace caucus {

const std::string& JsonValue::string_or(const std::string& fallback) const {
  const auto* s = std::get_if<std::string>(&value_);
  return s ? *s : fallback;
}

double JsonValue::number_or(double fallback) const {
  const auto* d = std::get_if<double>(&value_);
  return d ? *d : fallback;
}

const JsonValue::Array& JsonValue::array() const {
  static const Array kEmpty;
  const auto* a = std::get_if<std::shared_ptr<Array>>(&value_);
  return a ? **a : kEmpty;
}

const JsonValue::Object& JsonValue::object() const {
  static const Object kEmpty;
  const auto* o = std::get_if<std::shared_ptr<Object>>(&value_);
  return o ? **o : kEmpty;
}

const JsonValue& JsonValue::operator[](std::string_view key) const {
  static const JsonValue kNull;
  for (const auto& [k, v] : object()) {
    if (k == key) return v;
  }
  return kNull;
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  std::optional<JsonValue> parse(std::string& error) {
    auto value = parse_value(0);
    skip_space();
    if (value && pos_ != s_.size()) fail("unexpected text after the value");
    if (!error_.empty()) {
      error = error_ + " at byte offset " + std::to_string(pos_);
      return std::nullopt;
    }
    return value;
  }

 private:
  static constexpr int kMaxDepth = 256;  // hostile input must not overflow the stack

  void fail(const std::string& message) {
    if (error_.empty()) error_ = message;
  }
  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  bool consume(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  std::optional<JsonValue> parse_value(int depth) {
    if (depth > kMaxDepth) {
      fail("nesting too deep");
      return std::nullopt;
    }
    skip_space();
    if (pos_ >= s_.size()) {
      fail("unexpected end");
      return std::nullopt;
    }
    const char c = s_[pos_];
    if (c == '{') return parse_object(depth);
    if (c == '[') return parse_array(depth);
    if (c == '"') {
      auto s = parse_string();
      if (!s) return std::nullopt;
      return JsonValue(std::move(*s));
    }
    if (literal("true")) return JsonValue(true);
    if (literal("false")) return JsonValue(false);
    if (literal("null")) return JsonValue();
    if (c == '-' || (c >= '0' && c <= '9')) {
      char* end = nullptr;
      const std::string copy(s_.substr(pos_, std::min<std::size_t>(64, s_.size() - pos_)));
      const double number = std::strtod(copy.c_str(), &end);
      const auto used = static_cast<std::size_t>(end - copy.c_str());
      if (used == 0) {
        fail("bad number");
        return std::nullopt;
      }
      pos_ += used;
      return JsonValue(number);
    }
    fail(std::string("unexpected character '") + c + "'");
    return std::nullopt;
  }

  std::optional<JsonValue> parse_object(int depth) {
    ++pos_;
    JsonValue::Object object;
    if (consume('}')) return JsonValue(std::move(object));
    do {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '"') {
        fail("expected a string key");
        return std::nullopt;
      }
      auto key = parse_string();
      if (!key) return std::nullopt;
      if (!consume(':')) {
        fail("expected ':'");
        return std::nullopt;
      }
      auto value = parse_value(depth + 1);
      if (!value) return std::nullopt;
      object.emplace_back(std::move(*key), std::move(*value));
    } while (consume(','));
    if (!consume('}')) {
      fail("expected ',' or '}'");
      return std::nullopt;
    }
    return JsonValue(std::move(object));
  }

  std::optional<JsonValue> parse_array(int depth) {
    ++pos_;
    JsonValue::Array array;
    if (consume(']')) return JsonValue(std::move(array));
    do {
      auto value = parse_value(depth + 1);
      if (!value) return std::nullopt;
      array.push_back(std::move(*value));
    } while (consume(','));
    if (!consume(']')) {
      fail("expected ',' or ']'");
      return std::nullopt;
    }
    return JsonValue(std::move(array));
  }

  static void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::optional<uint32_t> hex4() {
    if (pos_ + 4 > s_.size()) return std::nullopt;
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      value <<= 4;
      if (h >= '0' && h <= '9') value |= static_cast<uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f') value |= static_cast<uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') value |= static_cast<uint32_t>(h - 'A' + 10);
      else return std::nullopt;
    }
    return value;
  }

  std::optional<std::string> parse_string() {
    ++pos_;  // opening quote
    std::string out;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) {
        fail("control character in a string");
        return std::nullopt;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) break;
      const char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          auto cp = hex4();
          if (!cp) {
            fail("bad \\u escape");
            return std::nullopt;
          }
          if (*cp >= 0xD800 && *cp <= 0xDBFF && s_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            auto low = hex4();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) {
              fail("bad surrogate pair");
              return std::nullopt;
            }
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
          } else if (*cp >= 0xD800 && *cp <= 0xDFFF) {
            *cp = 0xFFFD;  // a lone surrogate
          }
          append_utf8(out, *cp);
          break;
        }
        default:
          fail("bad escape");
          return std::nullopt;
      }
    }
    fail("unterminated string");
    return std::nullopt;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace

std::optional<JsonValue> parse_json(std::string_view text, std::string& error) { return Parser(text).parse(error); }

}  // namespace caucus
