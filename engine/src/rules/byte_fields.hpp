// Fixed-width binary fields, for what the cache of compiled patterns keeps (pattern_cache.cpp
// and the trigger sets of prefilter.cpp): numbers as 8 native-endian bytes, strings as their
// length then their bytes. The cache is this machine's own, so native byte order is fine.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace caucus {

inline void put(std::string& out, uint64_t value) { out.append(reinterpret_cast<const char*>(&value), sizeof value); }

inline void put_string(std::string& out, std::string_view text) {
  put(out, text.size());
  out += text;
}

// Reads fields in order; any read past the end makes it bad (and then reads nothing more),
// and whoever reads the bytes ignores all of them.
class FieldReader {
 public:
  explicit FieldReader(std::string_view data) : data_(data) {}
  bool good() const { return good_; }
  bool at_end() const { return at_ == data_.size(); }
  uint64_t number() {
    uint64_t value = 0;
    if (auto bytes = take(sizeof value); good_) std::memcpy(&value, bytes.data(), sizeof value);
    return value;
  }
  std::string_view take(uint64_t size) {
    if (!good_ || size > data_.size() - at_) {
      good_ = false;
      return {};
    }
    const std::string_view out = data_.substr(at_, size);
    at_ += size;
    return out;
  }
  std::string_view string() { return take(number()); }

 private:
  std::string_view data_;
  std::size_t at_ = 0;
  bool good_ = true;
};

}  // namespace caucus
