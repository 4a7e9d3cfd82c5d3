#include "segmenter/segmenter.hpp"

#include "caucus/segmentation.hpp"

namespace caucus::annotators {

bool Segmenter::configure(const Config& config, Diagnostics& diagnostics) {
  sentences_ = config.boolean("sentences", diagnostics).value_or(true);
  return true;
}

void Segmenter::annotate(Document& document) const {
  const std::string_view text = document.text();
  SentenceSplitter& splitter = SentenceSplitter::for_this_thread();
  std::vector<Span> sentences;
  for (const Span paragraph : find_paragraphs(text)) {
    document.annotations().add({"paragraph", paragraph, "", "", {}});
    if (!sentences_) continue;
    sentences.clear();
    splitter.split(text, paragraph, sentences);
    for (const Span sentence : sentences) document.annotations().add({"sentence", sentence, "", "", {}});
  }
}

}  // namespace caucus::annotators
