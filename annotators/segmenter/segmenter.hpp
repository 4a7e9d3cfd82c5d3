// The segmenter: paragraphs and sentences as annotations (ICU BreakIterator), and the page
// furniture (running heads) that rules read as white space.
#pragma once

#include "caucus/annotator.hpp"

namespace caucus::annotators {

class Segmenter final : public Annotator {
 public:
  std::string_view name() const override { return "segmenter"; }
  std::vector<std::string> produced_types() const override { return {"paragraph", "sentence", "page_furniture"}; }
  std::vector<std::string> internal_types() const override { return {"page_furniture"}; }
  bool configure(const Config& config, Diagnostics& diagnostics) override;
  void annotate(Document& document) const override;

 private:
  bool sentences_ = true;
  bool page_furniture_ = true;
};

}  // namespace caucus::annotators
