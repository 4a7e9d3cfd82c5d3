#include "segmenter/segmenter.hpp"

#include "caucus/segmentation.hpp"

namespace caucus::annotators {

bool Segmenter::configure(const Config& config, Diagnostics& diagnostics) {
  sentences_ = config.boolean("sentences", diagnostics).value_or(true);
  page_furniture_ = config.boolean("page_furniture", diagnostics).value_or(true);
  return true;
}

void Segmenter::annotate(Document& document) const {
  static const Name kFurniture("page_furniture"), kParagraph("paragraph"), kSentence("sentence");  // interned once
  const std::string_view text = document.text();
  SentenceSplitter& splitter = SentenceSplitter::for_this_thread();
  const std::vector<Span> furniture = page_furniture_ ? find_page_furniture(text) : std::vector<Span>{};
  for (const Span span : furniture) document.annotations().add({kFurniture, span, {}, {}, {}});
  std::vector<Span> sentences;
  for (const Span paragraph : find_paragraphs(text)) {
    document.annotations().add({kParagraph, paragraph, {}, {}, {}});
    if (!sentences_) continue;
    sentences.clear();
    splitter.split(text, paragraph, sentences, furniture);
    for (const Span sentence : sentences) document.annotations().add({kSentence, sentence, {}, {}, {}});
  }
}

}  // namespace caucus::annotators
