// libFuzzer target: the file of the cache of compiled patterns (pattern_cache.hpp), damaged.
// The input gives up to four entries and one damage (a byte changed, or the file cut short) to
// a cache file written by save(); a cache read from the damaged file must give each entry's
// bytes as they were, or nothing, never other bytes; and what it writes back must read the same.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "../../engine/src/rules/pattern_cache.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Each entry read back is the one written, or missing.
void check(const fs::path& dir, const std::vector<caucus::PatternCache::Key>& keys,
           const std::vector<std::string>& values) {
  caucus::PatternCache cache(dir);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::optional<std::string> found = cache.find_bytes(keys[i]);
    if (found && *found != values[i]) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const fs::path dir = fs::temp_directory_path() / ("caucus_fuzz_cache_" + std::to_string(getpid()));
  fs::remove_all(dir);
  // data[0]: how many entries; data[1..2]: where the damage is; data[3]: what it is.
  const std::size_t count = data[0] % 4 + 1;
  const std::size_t damage_at = static_cast<std::size_t>(data[1]) << 8 | data[2];
  const uint8_t damage = data[3];
  std::vector<caucus::PatternCache::Key> keys;
  std::vector<std::string> values;
  const std::string body = input.substr(4);
  for (std::size_t i = 0; i < count; ++i) {
    keys.push_back(caucus::PatternCache::key_of("fuzz", std::to_string(i)));
    values.push_back(body.substr(i * body.size() / count, body.size() / count));
  }
  {
    caucus::PatternCache cache(dir);
    for (std::size_t i = 0; i < count; ++i) cache.remember_bytes(keys[i], values[i]);
    cache.save();
  }
  const fs::path file = dir / "patterns.bin";
  std::string bytes = read_all(file);
  if (bytes.empty()) __builtin_trap();  // save() wrote nothing
  check(dir, keys, values);             // whole: each entry is found as it was
  {
    caucus::PatternCache cache(dir);
    for (std::size_t i = 0; i < count; ++i) {
      if (cache.find_bytes(keys[i]) != values[i]) __builtin_trap();
    }
  }
  if (damage == 0) {
    bytes.resize(damage_at % bytes.size());
  } else {
    bytes[damage_at % bytes.size()] = static_cast<char>(bytes[damage_at % bytes.size()] ^ damage);
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  check(dir, keys, values);
  {
    // Written back with one more entry (the damaged ones as they were): still never other bytes.
    caucus::PatternCache cache(dir);
    cache.remember_bytes(caucus::PatternCache::key_of("fuzz", "more"), "more");
    cache.save();
  }
  check(dir, keys, values);
  fs::remove_all(dir);
  return 0;
}
