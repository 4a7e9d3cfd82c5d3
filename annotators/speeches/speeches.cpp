#include "speeches/speeches.hpp"

#include "speeches/speech_builder.hpp"

namespace caucus::annotators {

bool SpeechesAnnotator::configure(const Config& config, Diagnostics& diagnostics) {
  self_references_ = config.boolean("self_references", diagnostics).value_or(true);
  return true;
}

std::vector<std::string> SpeechesAnnotator::required_types() const {
  return {"paragraph",   "sentence",   "actor",           "speaker_header", "invitee",
          "floor_given", "presidency", "reported_speech", "document_meta",  "self_mention"};
}

void SpeechesAnnotator::annotate(Document& document) const { SpeechBuilder(document).run(self_references_); }

}  // namespace caucus::annotators
