#include "caucus/pipeline.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "caucus/rules.hpp"
#include "rules/pattern_worker.hpp"
#include "rules/pattern_cache.hpp"
#include "rules/shared_scan.hpp"
#include "toml_prefetch.hpp"
#include "toml_util.hpp"

namespace caucus {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Finds a plugin named without a directory in CAUCUS_PLUGIN_PATH, the extra directories and
// the pipeline's own directory, trying lib<name>.so and <name>.so too.
std::string locate_plugin(const std::string& name, const std::filesystem::path& pipeline_dir,
                          const PipelineOptions& options) {
  namespace fs = std::filesystem;
  if (name.find('/') != std::string::npos) {
    const fs::path path(name);
    return (path.is_absolute() ? path : pipeline_dir / path).string();
  }
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("CAUCUS_PLUGIN_PATH")) {
    std::stringstream list(env);
    for (std::string dir; std::getline(list, dir, ':');) {
      if (!dir.empty()) dirs.emplace_back(dir);
    }
  }
  dirs.insert(dirs.end(), options.plugin_dirs.begin(), options.plugin_dirs.end());
  dirs.push_back(pipeline_dir);
  for (const auto& dir : dirs) {
    for (const auto& file : {name, "lib" + name + ".so", name + ".so"}) {
      std::error_code error;
      if (fs::is_regular_file(dir / file, error)) return (dir / file).string();
    }
  }
  return name;  // let dlopen search the system paths and report failure
}

// Reports requirements that no step produces, steps that run before what they need, and
// cycles between steps.
bool check_dependencies(const std::vector<PipelineStep>& steps, Diagnostics& diagnostics) {
  bool ok = true;
  const std::size_t n = steps.size();
  std::vector<std::vector<std::size_t>> needs(n);  // i needs the output of needs[i]
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& type : steps[i].required) {
      bool any = false;
      for (std::size_t j = 0; j < n; ++j) {
        if (j != i && contains(steps[j].produced, type)) {
          any = true;
          needs[i].push_back(j);
        }
      }
      if (!any) {
        auto& d = diagnostics.error("P004", "step '" + steps[i].id + "' requires annotation type '" + type +
                                                "', which no step of the pipeline produces",
                                    steps[i].where);
        d.notes.push_back("add a step that produces '" + type + "' before it");
        ok = false;
      }
    }
  }
  // Cycles: depth-first search over "needs" edges.
  std::vector<int> state(n, 0);  // 0 new, 1 on the stack, 2 done
  std::vector<std::size_t> stack;
  std::set<std::size_t> in_cycle;
  std::function<void(std::size_t)> visit = [&](std::size_t i) {
    state[i] = 1;
    stack.push_back(i);
    for (std::size_t j : needs[i]) {
      if (state[j] == 1) {
        auto from = std::find(stack.begin(), stack.end(), j);
        std::string path;
        for (auto it = from; it != stack.end(); ++it) {
          path += "'" + steps[*it].id + "' needs ";
          in_cycle.insert(*it);
        }
        path += "'" + steps[j].id + "'";
        diagnostics.error("P006", "cycle between steps: " + path, steps[j].where);
        ok = false;
      } else if (state[j] == 0) {
        visit(j);
      }
    }
    stack.pop_back();
    state[i] = 2;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (state[i] == 0) visit(i);
  }
  // Order: every requirement must be produced by some earlier step.
  for (std::size_t i = 0; i < n; ++i) {
    if (in_cycle.count(i)) continue;
    for (const auto& type : steps[i].required) {
      bool earlier = false;
      std::string later;
      for (std::size_t j = 0; j < n; ++j) {
        if (j == i || !contains(steps[j].produced, type)) continue;
        if (j < i) earlier = true;
        else if (later.empty()) later = steps[j].id;
      }
      if (!earlier && !later.empty()) {
        auto& d = diagnostics.error("P005", "step '" + steps[i].id + "' requires '" + type + "', produced by step '" +
                                                later + "', which runs after it",
                                    steps[i].where);
        d.notes.push_back("move step '" + steps[i].id + "' after step '" + later + "'");
        ok = false;
      }
    }
  }
  return ok;
}

// The existing ".toml" files the steps' settings name, in step order: what they will read, to
// be parsed ahead (toml_prefetch.hpp).
std::vector<std::string> toml_files_named(const toml::array& steps, const std::filesystem::path& rule_root) {
  std::vector<std::string> files;
  const auto add = [&](const toml::node& value) {
    const auto* text = value.as_string();
    if (!text || !text->get().ends_with(".toml")) return;
    std::error_code error;
    if (auto path = resolve_inside(rule_root, text->get()); path && std::filesystem::is_regular_file(*path, error))
      files.push_back(path->string());
  };
  for (const toml::node& step : steps) {
    const toml::table* table = step.as_table();
    if (!table) continue;
    for (const auto& [key, value] : *table) {
      if (const auto* list = value.as_array()) {
        for (const toml::node& item : *list) add(item);
      } else {
        add(value);
      }
    }
  }
  return files;
}

}  // namespace

std::unique_ptr<Pipeline> Pipeline::load(const std::filesystem::path& file, AnnotatorRegistry& registry,
                                         Diagnostics& diagnostics, const PipelineOptions& options) {
  auto text = read_text_file(file.string());
  if (!text) {
    diagnostics.error("P001", "cannot read pipeline file", {file.string()});
    return nullptr;
  }
  return parse(*text, file, registry, diagnostics, options);
}

std::unique_ptr<Pipeline> Pipeline::parse(const std::string& text, const std::filesystem::path& path,
                                          AnnotatorRegistry& registry, Diagnostics& diagnostics,
                                          const PipelineOptions& options) {
  const std::string source = path.string();
  auto table = parse_toml(text, source, "P002", diagnostics);
  if (!table) return nullptr;

  auto pipeline = std::make_unique<Pipeline>();
  pipeline->file_ = path;
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  pipeline->rule_root_ = dir;
  bool ok = true;

  for (const auto& [key, node] : *table) {
    if (key != "pipeline" && key != "step") {
      auto& d = diagnostics.error("P013", "unknown section '" + std::string(key.str()) + "'", toml_location(node, source));
      if (auto guess = closest_match(key.str(), {"pipeline", "step"}); !guess.empty()) d.notes.push_back("did you mean '" + guess + "'?");
      ok = false;
    }
  }

  if (const toml::node* header_node = table->get("pipeline")) {
    if (const toml::table* header = header_node->as_table()) {
      Config config = Config::from_toml_table(header, source, dir);
      pipeline->name_ = config.string("name", diagnostics).value_or("");
      config.string("description", diagnostics);
      if (auto root = config.string("rule_root", diagnostics)) pipeline->rule_root_ = dir / *root;
      for (const auto& plugin : config.strings("plugins", diagnostics)) {
        ok &= registry.load_plugin(locate_plugin(plugin, dir, options), diagnostics, config.location("plugins"));
      }
      config.report_unread_keys(diagnostics);
    } else {
      diagnostics.error("P008", "'pipeline' must be a table", toml_location(*header_node, source));
      ok = false;
    }
  }

  const toml::array* steps = table->get_as<toml::array>("step");
  if (!steps || steps->empty()) {
    diagnostics.error("P012", "the pipeline has no [[step]]", {source, 1, 1});
    return nullptr;
  }
  const TomlPrefetch prefetch(toml_files_named(*steps, pipeline->rule_root_));
  std::set<std::string> ids;
  for (const toml::node& node : *steps) {
    const toml::table* step_table = node.as_table();
    if (!step_table) {
      diagnostics.error("P008", "each 'step' must be a table ([[step]])", toml_location(node, source));
      ok = false;
      continue;
    }
    Config config = Config::from_toml_table(step_table, source, pipeline->rule_root_);
    PipelineStep step;
    step.where = toml_location(*step_table, source);
    auto annotator = config.string("annotator", diagnostics);
    if (!annotator) {
      if (!config.has("annotator")) diagnostics.error("P012", "step has no 'annotator'", step.where);
      ok = false;
      continue;
    }
    step.annotator = *annotator;
    step.id = config.string("id", diagnostics).value_or(*annotator);
    if (!ids.insert(step.id).second) {
      diagnostics.error("P009", "two steps have the id '" + step.id + "'", config.location("id"))
          .notes.push_back("give one of them another id = \"...\"");
      ok = false;
    }
    const RegistryEntry* entry = registry.find(step.annotator);
    if (!entry) {
      auto& d = diagnostics.error("P003", "unknown annotator '" + step.annotator + "'", config.location("annotator"));
      if (auto guess = closest_match(step.annotator, registry.names()); !guess.empty()) d.notes.push_back("did you mean '" + guess + "'?");
      d.notes.push_back("known annotators: " + join(registry.names()));
      ok = false;
      continue;
    }
    step.instance = entry->create();
    if (!step.instance) {
      diagnostics.error("P011", "annotator '" + step.annotator + "' could not be created", step.where);
      ok = false;
      continue;
    }
    const std::size_t errors_before = diagnostics.error_count();
    const bool configured = step.instance->configure(config, diagnostics);
    config.report_unread_keys(diagnostics);
    if (!configured || diagnostics.error_count() > errors_before) {
      ok = false;
      continue;
    }
    step.required = step.instance->required_types();
    step.produced = step.instance->produced_types();
    pipeline->steps_.push_back(std::move(step));
  }
  if (!ok) return nullptr;
  if (!check_dependencies(pipeline->steps_, diagnostics)) return nullptr;
  if (const auto sets = pipeline->rule_sets(); sets.size() > 1) pipeline->shared_scan_ = std::make_shared<const SharedScan>(sets);
  PatternWorker::wait_for_cache_entries();  // the JIT compiling goes on (see pattern_worker.hpp)
  if (const auto cache = PatternCache::active()) {
    cache->save();  // what this load compiled, for the next
    cache->forget_file();
  }
  return pipeline;
}

std::vector<const RuleSet*> Pipeline::rule_sets() const {
  std::vector<const RuleSet*> sets;
  for (const auto& step : steps_) {
    if (const auto* provider = dynamic_cast<const RuleProvider*>(step.instance.get())) {
      for (const auto& set : provider->rule_sets()) sets.push_back(set.get());
    }
  }
  return sets;
}

void Pipeline::run_steps(Document& document, std::size_t count) const {
  count = std::min(count, steps_.size());
  for (std::size_t i = 0; i < count; ++i) run_step(document, i);
  SharedScan::end();
}

void Pipeline::run_step(Document& document, std::size_t index) const {
  const PipelineStep& step = steps_.at(index);
  // A document's run begins with its first step: what the shared scan found belongs to it
  // until its last step (or the end of run_steps()).
  if (index == 0) SharedScan::begin(shared_scan_, document.text(), &document.ascii_stand_ins());
  const std::size_t before = document.annotations().size();
  try {
    step.instance->annotate(document);
  } catch (const std::exception& error) {
    document.problems().error("A001", "step '" + step.id + "' failed: " + error.what(), {document.name()});
  }
  if (index + 1 == steps_.size()) SharedScan::end();
  // Stamp what the step added with the step's id, unless the annotator said otherwise.
  auto& store = document.annotations();
  const Name annotator = step.id;  // interned once, not once per annotation
  for (AnnotationId id = static_cast<AnnotationId>(before); id < store.size(); ++id) {
    if (store[id].annotator.empty()) store.mutable_at(id).annotator = annotator;
  }
}

void Pipeline::run_shared_scans(const Document& document) const { SharedScan::scan_now(document.text()); }

std::set<std::string> Pipeline::internal_types() const {
  std::set<std::string> out;
  for (const auto& step : steps_) {
    for (auto& type : step.instance->internal_types()) out.insert(std::move(type));
  }
  return out;
}

int Pipeline::find_step(std::string_view id) const {
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (steps_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::filesystem::path find_rules_dir() {
  namespace fs = std::filesystem;
  std::error_code error;
  if (const char* env = std::getenv("CAUCUS_RULES"); env && *env) return fs::path(env);
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "caucus" / "rules";
    if (fs::is_regular_file(installed / "pipeline.toml", error)) return installed;
  }
#ifdef CAUCUS_SOURCE_RULES_DIR
  if (fs::is_regular_file(fs::path(CAUCUS_SOURCE_RULES_DIR) / "pipeline.toml", error)) return CAUCUS_SOURCE_RULES_DIR;
#endif
  return {};
}

std::filesystem::path default_pipeline_path() {
  const auto dir = find_rules_dir();
  return dir.empty() ? std::filesystem::path() : dir / "pipeline.toml";
}

}  // namespace caucus
