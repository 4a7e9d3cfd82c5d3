// libFuzzer target: reading arbitrary bytes as a document, strictly and with replacement.
#include <cstddef>
#include <cstdint>
#include <string>

#include "caucus/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (auto mode : {caucus::EncodingErrors::fail, caucus::EncodingErrors::replace}) {
    caucus::Diagnostics diagnostics;
    caucus::ReadOptions options;
    options.encoding_errors = mode;
    auto document = caucus::make_document("fuzz.txt", bytes, options, diagnostics);
    if (document) {
      // Offsets must convert both ways on every code point boundary.
      const auto& offsets = document->offsets();
      (void)offsets.to_byte(offsets.to_code_point(static_cast<uint32_t>(document->text().size() / 2)));
    } else if (mode == caucus::EncodingErrors::replace && !diagnostics.has_errors()) {
      __builtin_trap();  // refused without saying why
    }
  }
  return 0;
}
