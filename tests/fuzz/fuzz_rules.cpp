// libFuzzer target: the rule compiler on arbitrary bytes. It must report, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "caucus/rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path root = std::filesystem::temp_directory_path() / "caucus-fuzz-rules";
  static const bool made = std::filesystem::create_directories(root) || true;
  (void)made;
  caucus::Diagnostics diagnostics;
  auto rules = caucus::compile_rule_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.toml", root, diagnostics);
  (void)diagnostics.render();
  if (rules) (void)rules->dump();
  return 0;
}
