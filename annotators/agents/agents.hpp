// The agents annotator: gives statements without a named agent the speaker's actor, and says
// whether each statement is the speaker's own or reported.
//
// "..., and is committed to ..." names no agent: in a speech it is the speaker's. A commitment
// whose agent is the speaker's actor is the speaker's own ("own"); one by another actor or a
// resolution ("Resolution 2331 (2016) condemns ...") is reported ("reported").
#pragma once

#include "caucus/annotator.hpp"

namespace caucus::annotators {

class AgentsAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "agents"; }
  std::vector<std::string> required_types() const override;
  std::vector<std::string> produced_types() const override { return {}; }
  bool configure(const Config& config, Diagnostics& diagnostics) override;
  void annotate(Document& document) const override;

 private:
  std::vector<std::string> types_{"commitment", "condemnation"};
  std::string role_ = "agent";
};

}  // namespace caucus::annotators
