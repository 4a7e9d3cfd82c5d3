#include "rules/rules_annotator.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace caucus::annotators {

bool RulesAnnotator::configure(const Config& config, Diagnostics& diagnostics) {
  prefilter_ = config.boolean("prefilter", diagnostics).value_or(true);
  const auto files = config.paths("files", diagnostics);
  if (files.empty() && !config.has("files")) {
    diagnostics.error("P012", "a rules step needs 'files' (the rule files it applies)", config.location());
    return false;
  }
  std::map<std::string, std::string> ids;  // rule id -> file
  bool ok = true;
  for (const auto& file : files) {
    auto set = compile_rule_file(file, config.rule_root(), diagnostics);
    if (!set) {
      ok = false;
      continue;
    }
    for (const auto& rule : set->rules) {
      auto [it, inserted] = ids.emplace(rule.id, set->file);
      if (!inserted) {
        diagnostics.error("R014", "rule id '" + rule.id + "' is also used in " + it->second, rule.where);
        ok = false;
      }
    }
    sets_.push_back(std::move(set));
  }
  return ok;
}

std::vector<std::string> RulesAnnotator::produced_types() const {
  std::set<std::string> types;
  for (const auto& set : sets_) {
    for (const auto& type : set->produced_types()) types.insert(type);
  }
  return {types.begin(), types.end()};
}

std::vector<std::string> RulesAnnotator::internal_types() const {
  std::vector<std::string> out;
  for (const auto& set : sets_) {
    for (const auto& type : set->internal_types()) out.push_back(type);
  }
  return out;
}

std::vector<std::string> RulesAnnotator::required_types() const {
  // What a file needs may come from an earlier file of the same step.
  std::set<std::string> required, produced;
  for (const auto& set : sets_) {
    for (const auto& type : set->required_types()) {
      if (!produced.count(type)) required.insert(type);
    }
    for (const auto& type : set->produced_types()) produced.insert(type);
  }
  return {required.begin(), required.end()};
}

void RulesAnnotator::annotate(Document& document) const {
  ApplyOptions options;
  options.use_prefilter = prefilter_;
  for (const auto& set : sets_) apply_rules(*set, document, options);
}

}  // namespace caucus::annotators
