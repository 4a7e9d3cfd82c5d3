// The speeches annotator: segments a document into speeches (speaker turns) and says who
// speaks for whom.
//
// The cues come from rules (rules/speeches.toml): speaker lines, invitations, give-the-floor
// lines, the presidency, reported speech and metadata. What needs logic is here: the kind of
// document, where each speech ends, resolving "The President" and speakers printed without a
// country, roles, votes, and the self-references ("I", "we", "my delegation") that stand for
// the speaker's actor.
#pragma once

#include "caucus/annotator.hpp"

namespace caucus::annotators {

class SpeechesAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "speeches"; }
  std::vector<std::string> required_types() const override;
  std::vector<std::string> produced_types() const override { return {"speech", "self_reference"}; }
  std::vector<std::string> internal_types() const override { return {"self_reference"}; }
  bool configure(const Config& config, Diagnostics& diagnostics) override;
  void annotate(Document& document) const override;

 private:
  bool self_references_ = true;
};

}  // namespace caucus::annotators
