#include "rule_context.hpp"

#include <algorithm>
#include <filesystem>

namespace caucus::cli {
namespace {

std::string canonical(const std::string& path) {
  std::error_code error;
  auto result = std::filesystem::weakly_canonical(path, error);
  return error ? path : result.string();
}

}  // namespace

std::vector<RuleFileInContext> pipeline_rule_files(const Pipeline& pipeline) {
  std::vector<RuleFileInContext> out;
  for (std::size_t i = 0; i < pipeline.steps().size(); ++i) {
    const auto* provider = dynamic_cast<const RuleProvider*>(pipeline.steps()[i].instance.get());
    if (!provider) continue;
    for (auto& set : provider->rule_sets()) out.push_back({set, i, i + 1, pipeline.steps()[i].id});
  }
  return out;
}

bool rule_files_in_context(const std::vector<std::string>& files, const Pipeline* pipeline, Diagnostics& diagnostics,
                           std::vector<RuleFileInContext>& out) {
  const auto in_pipeline = pipeline ? pipeline_rule_files(*pipeline) : std::vector<RuleFileInContext>{};
  bool ok = true;
  for (const auto& file : files) {
    const std::string wanted = canonical(file);
    auto known = std::find_if(in_pipeline.begin(), in_pipeline.end(),
                              [&](const RuleFileInContext& r) { return canonical(r.rules->file) == wanted; });
    // A file the pipeline does not know is read with the pipeline's rule tree if it lies
    // inside it, and with its own directory otherwise.
    std::filesystem::path root = std::filesystem::path(wanted).parent_path();
    if (pipeline) {
      const std::string pipeline_root = canonical(pipeline->rule_root().string());
      if (wanted.rfind(pipeline_root + "/", 0) == 0) root = pipeline_root;
    }
    auto rules = compile_rule_file(file, root, diagnostics);
    if (!rules) {
      ok = false;
      continue;
    }
    std::size_t context = pipeline ? pipeline->steps().size() : 0;
    std::size_t after = SIZE_MAX;
    std::string step_id;
    if (known != in_pipeline.end()) {
      context = known->context_steps;
      after = known->after;
      step_id = known->step_id;
    } else if (pipeline) {
      const auto produced = rules->produced_types();
      for (std::size_t i = 0; i < pipeline->steps().size(); ++i) {
        const auto& step_types = pipeline->steps()[i].produced;
        if (std::any_of(produced.begin(), produced.end(), [&](const std::string& t) {
              return std::find(step_types.begin(), step_types.end(), t) != step_types.end();
            })) {
          context = i;
          break;
        }
      }
    }
    out.push_back({rules, context, after, step_id});
  }
  return ok;
}

}  // namespace caucus::cli
