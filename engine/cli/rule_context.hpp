// Finding rule files and the pipeline context they run in (for `rules` and `explain`).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "caucus/pipeline.hpp"
#include "caucus/rules.hpp"

namespace caucus::cli {

struct RuleFileInContext {
  std::shared_ptr<const RuleSet> rules;
  std::size_t context_steps = 0;  // pipeline steps to run before applying the rules
  std::size_t after = SIZE_MAX;   // the steps from here on run after the rules
  std::string step_id;            // the step that applies it ("" if not in the pipeline)
};

// Every rule set of the pipeline's rule-backed steps, each with the steps before it.
std::vector<RuleFileInContext> pipeline_rule_files(const Pipeline& pipeline);

// Compiles `files` and places each in the pipeline: after the steps before the step that
// applies it, or before the first step that produces what it produces, or after all steps.
// Returns false if a file has errors (reported in `diagnostics`).
bool rule_files_in_context(const std::vector<std::string>& files, const Pipeline* pipeline, Diagnostics& diagnostics,
                           std::vector<RuleFileInContext>& out);

}  // namespace caucus::cli
