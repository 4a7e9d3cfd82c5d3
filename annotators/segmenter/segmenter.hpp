// The segmenter: paragraphs and sentences as annotations (ICU BreakIterator).
#pragma once

#include "caucus/annotator.hpp"

namespace caucus::annotators {

class Segmenter final : public Annotator {
 public:
  std::string_view name() const override { return "segmenter"; }
  std::vector<std::string> produced_types() const override { return {"paragraph", "sentence"}; }
  bool configure(const Config& config, Diagnostics& diagnostics) override;
  void annotate(Document& document) const override;

 private:
  bool sentences_ = true;
};

}  // namespace caucus::annotators
