// libFuzzer target: the JSON reader (JSON Lines on standard input, graphs, annotations).
#include <cstddef>
#include <cstdint>
#include <string>

#include "caucus/json_value.hpp"
#include "caucus/network.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string error;
  auto value = caucus::parse_json(std::string_view(reinterpret_cast<const char*>(data), size), error);
  if (value) {
    caucus::AlignmentNetwork network;
    network.add_annotation_record(*value, error);
  }
  return 0;
}
