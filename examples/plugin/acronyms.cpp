// An example third-party annotator: finds acronym definitions such as
// "United Nations Office on Drugs and Crime (UNODC)" and tags the acronym with its expansion.
//
// It is built as a shared library outside caucus's own libraries and loaded by a pipeline
// file through the C entry point of caucus/plugin.h.
#include <cctype>
#include <string>

#include "caucus/annotator.hpp"
#include "caucus/plugin.h"

namespace {

class AcronymAnnotator final : public caucus::Annotator {
 public:
  std::string_view name() const override { return "acronyms"; }
  std::vector<std::string> required_types() const override { return {"sentence"}; }
  std::vector<std::string> produced_types() const override { return {"acronym"}; }

  bool configure(const caucus::Config& config, caucus::Diagnostics& diagnostics) override {
    const auto length = config.integer("min_length", diagnostics).value_or(2);
    if (length < 2) {
      diagnostics.error("P008", "'min_length' must be at least 2", config.location("min_length"));
      return false;
    }
    min_length_ = static_cast<std::size_t>(length);
    return true;
  }

  // For each "(ABC)" inside a sentence, the expansion is the run of words before it whose
  // capitalised initials spell the acronym ("of", "and", "on" may sit between them).
  void annotate(caucus::Document& document) const override {
    const std::string_view text = document.text();
    for (caucus::AnnotationId id : document.annotations().of_type("sentence")) {
      const caucus::Span sentence = document.annotations()[id].span;
      for (uint32_t open = sentence.begin; open < sentence.end; ++open) {
        if (text[open] != '(') continue;
        uint32_t close = open + 1;
        while (close < sentence.end && std::isupper(static_cast<unsigned char>(text[close]))) ++close;
        if (close >= sentence.end || text[close] != ')' || close - open - 1 < min_length_) continue;
        const std::string acronym(text.substr(open + 1, close - open - 1));
        if (auto expansion = expand(text, sentence.begin, open, acronym)) {
          caucus::Annotation annotation{"acronym", {open + 1, close}, "", "", {}};
          annotation.attrs.set("expansion", *expansion);
          document.annotations().add(std::move(annotation));
        }
      }
    }
  }

 private:
  static std::optional<std::string> expand(std::string_view text, uint32_t floor, uint32_t open, const std::string& acronym) {
    // Walk back over words, matching initials from the acronym's last letter.
    int letter = static_cast<int>(acronym.size()) - 1;
    uint32_t pos = open;
    uint32_t start = open;
    while (letter >= 0 && pos > floor) {
      while (pos > floor && text[pos - 1] == ' ') --pos;
      uint32_t word_end = pos;
      while (pos > floor && std::isalpha(static_cast<unsigned char>(text[pos - 1]))) --pos;
      if (pos == word_end) return std::nullopt;
      const std::string_view word = text.substr(pos, word_end - pos);
      if (std::isupper(static_cast<unsigned char>(word[0]))) {
        if (word[0] != acronym[static_cast<std::size_t>(letter)]) return std::nullopt;
        --letter;
        start = pos;
      } else if (word != "of" && word != "and" && word != "on" && word != "for" && word != "the") {
        return std::nullopt;
      }
    }
    if (letter >= 0) return std::nullopt;
    std::string expansion(text.substr(start, open - start));
    while (!expansion.empty() && expansion.back() == ' ') expansion.pop_back();
    return expansion;
  }

  std::size_t min_length_ = 2;
};

caucus_annotator* create_acronyms() { return new AcronymAnnotator(); }
void destroy_acronyms(caucus_annotator* annotator) { delete annotator; }

}  // namespace

extern "C" CAUCUS_PLUGIN_EXPORT const caucus_plugin* caucus_plugin_entry(void) {
  static const caucus_annotator_entry annotators[] = {
      {"acronyms", "Acronym definitions such as 'Office on Drugs and Crime (UNODC)' (example plugin)", &create_acronyms,
       &destroy_acronyms},
  };
  static const caucus_plugin plugin = {CAUCUS_PLUGIN_ABI_VERSION, "caucus-example", 1, annotators};
  return &plugin;
}
