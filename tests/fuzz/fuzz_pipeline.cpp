// libFuzzer target: the whole default pipeline (segmentation, speeches, actors, every rule
// file, the network) on arbitrary bytes read with U+FFFD replacement.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "caucus/json.hpp"
#include "caucus/network.hpp"
#include "caucus/pipeline.hpp"
#include "caucus/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static caucus::AnnotatorRegistry registry;
  static std::unique_ptr<caucus::Pipeline> pipeline = [] {
    caucus::register_builtin_annotators(registry);
    caucus::Diagnostics diagnostics;
    auto p = caucus::Pipeline::load(caucus::default_pipeline_path(), registry, diagnostics);
    if (!p) std::abort();
    return p;
  }();
  caucus::Diagnostics diagnostics;
  caucus::ReadOptions options;
  options.encoding_errors = caucus::EncodingErrors::replace;
  auto document = caucus::make_document("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size), options, diagnostics);
  if (!document) return 0;
  pipeline->run(*document);
  (void)caucus::document_to_json(*document);
  caucus::AlignmentNetwork network;
  network.add_document(*document);
  std::ostringstream out;
  network.write_graphml(out);
  return 0;
}
