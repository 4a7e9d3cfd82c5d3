// The rules annotator: applies rule files (docs/rule-language.md) to documents.
#pragma once

#include "caucus/annotator.hpp"
#include "caucus/rules.hpp"

namespace caucus::annotators {

class RulesAnnotator final : public Annotator, public RuleProvider {
 public:
  std::string_view name() const override { return "rules"; }
  std::vector<std::string> required_types() const override;
  std::vector<std::string> produced_types() const override;
  std::vector<std::string> internal_types() const override;
  bool configure(const Config& config, Diagnostics& diagnostics) override;
  void annotate(Document& document) const override;
  std::vector<std::shared_ptr<const RuleSet>> rule_sets() const override { return sets_; }

 private:
  std::vector<std::shared_ptr<const RuleSet>> sets_;
  bool prefilter_ = true;
};

}  // namespace caucus::annotators
