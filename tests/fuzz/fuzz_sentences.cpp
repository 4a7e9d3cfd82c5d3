// libFuzzer target, differential: the sentence splitter, ICU reading windows around the
// terminators (engine/src/sentence_windows.hpp), against ICU reading every character. Any
// difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "caucus/segmentation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  caucus::SentenceSplitter& splitter = caucus::SentenceSplitter::for_this_thread();
  std::vector<caucus::Span> windows, everything;
  for (const caucus::Span paragraph : caucus::find_paragraphs(text)) {
    splitter.split(text, paragraph, windows);
    splitter.split_reading_everything(text, paragraph, everything);
  }
  if (windows != everything) {
    std::fprintf(stderr, "sentences differ: %zu with windows, %zu reading everything\n", windows.size(), everything.size());
    std::abort();
  }
  return 0;
}
