// A Pipeline runs annotators, in the order its TOML file lists them, over documents.
//
// The file is checked completely before any document is read: unknown annotators, bad or
// unknown settings, requirements no earlier step produces, and cycles between steps are all
// reported, each at its file:line:col.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "caucus/annotator.hpp"
#include "caucus/diagnostics.hpp"
#include "caucus/document.hpp"
#include "caucus/registry.hpp"

namespace caucus {

class RuleSet;
class SharedScan;

struct PipelineStep {
  std::string id;         // unique within the pipeline; defaults to the annotator's name
  std::string annotator;  // registered name
  SourceLocation where;   // the [[step]] table
  std::unique_ptr<Annotator> instance;
  std::vector<std::string> required;
  std::vector<std::string> produced;
};

struct PipelineOptions {
  // Extra places to look for plugins named without a path (besides CAUCUS_PLUGIN_PATH).
  std::vector<std::filesystem::path> plugin_dirs;
};

class Pipeline {
 public:
  // Loads and checks a pipeline file. Returns nullptr if anything is wrong; every problem is
  // in `diagnostics`. `registry` must outlive the pipeline (it owns plugin libraries).
  static std::unique_ptr<Pipeline> load(const std::filesystem::path& file, AnnotatorRegistry& registry,
                                        Diagnostics& diagnostics, const PipelineOptions& options = {});
  // The same from text; `path` names it in messages and anchors relative paths.
  static std::unique_ptr<Pipeline> parse(const std::string& text, const std::filesystem::path& path,
                                         AnnotatorRegistry& registry, Diagnostics& diagnostics,
                                         const PipelineOptions& options = {});

  // Runs every step over `document`.
  void run(Document& document) const { run_steps(document, steps_.size()); }
  // Runs the first `count` steps (used to give rule examples the context they need).
  void run_steps(Document& document, std::size_t count) const;
  // Runs step `index` alone.
  void run_step(Document& document, std::size_t index) const;
  // Does now, for `document`, the trigger scan and name-start pass its rule steps share, which
  // the first of them would do when it needs them: `caucus bench` times them as a stage of
  // their own. Has an effect between run_step(document, 0) and the end of the last step.
  void run_shared_scans(const Document& document) const;
  // True if its rule steps share those scans (it has two rule files or more).
  bool shares_rule_scans() const { return shared_scan_ != nullptr; }

  const std::vector<PipelineStep>& steps() const { return steps_; }
  // The rule files of its rule-driven steps (those that are RuleProviders), in step order.
  std::vector<const RuleSet*> rule_sets() const;
  // The internal types of every step (see Annotator::internal_types()).
  std::set<std::string> internal_types() const;
  // Index of the step with this id, or -1.
  int find_step(std::string_view id) const;
  const std::string& name() const { return name_; }
  const std::filesystem::path& file() const { return file_; }
  const std::filesystem::path& rule_root() const { return rule_root_; }

 private:
  std::string name_;
  std::filesystem::path file_;
  std::filesystem::path rule_root_;
  std::vector<PipelineStep> steps_;
  std::shared_ptr<const SharedScan> shared_scan_;  // one trigger scan for all its rule files
};

// Finds the shipped rule directory: $CAUCUS_RULES, then <prefix>/share/caucus/rules next to the
// installed binary, then rules/ in the source tree the binary was built from. Empty if none.
std::filesystem::path find_rules_dir();
// The shipped default pipeline: find_rules_dir() / "pipeline.toml".
std::filesystem::path default_pipeline_path();

}  // namespace caucus
