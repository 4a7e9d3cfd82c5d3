#include "caucus/registry.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <stdexcept>

#include "caucus/plugin.h"

namespace caucus {
namespace {

// Owns an annotator made by a plugin and gives it back to the plugin's own destroy function,
// so that memory is freed by the allocator that made it.
class PluginAnnotator final : public Annotator {
 public:
  PluginAnnotator(Annotator* inner, void (*destroy)(caucus_annotator*)) : inner_(inner), destroy_(destroy) {}
  ~PluginAnnotator() override { destroy_(inner_); }
  std::string_view name() const override { return inner_->name(); }
  std::vector<std::string> required_types() const override { return inner_->required_types(); }
  std::vector<std::string> produced_types() const override { return inner_->produced_types(); }
  bool configure(const Config& config, Diagnostics& diagnostics) override { return inner_->configure(config, diagnostics); }
  void annotate(Document& document) const override { inner_->annotate(document); }

 private:
  Annotator* inner_;
  void (*destroy_)(caucus_annotator*);
};

}  // namespace

AnnotatorRegistry::AnnotatorRegistry() = default;

AnnotatorRegistry::~AnnotatorRegistry() {
  entries_.clear();
  for (void* handle : libraries_) dlclose(handle);
}

void AnnotatorRegistry::add(std::string name, std::string description, AnnotatorFactory create, std::string origin) {
  if (find(name)) throw std::logic_error("annotator registered twice: " + name);
  entries_.push_back({std::move(name), std::move(description), std::move(origin), std::move(create)});
}

const RegistryEntry* AnnotatorRegistry::find(std::string_view name) const {
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const RegistryEntry& e) { return e.name == name; });
  return it == entries_.end() ? nullptr : &*it;
}

std::vector<std::string> AnnotatorRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& entry : entries_) out.push_back(entry.name);
  std::sort(out.begin(), out.end());
  return out;
}

bool AnnotatorRegistry::load_plugin(const std::string& path, Diagnostics& diagnostics, const SourceLocation& where) {
  SourceLocation at = where.known() ? where : SourceLocation{path};
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* reason = dlerror();
    diagnostics.error("P010", "cannot load plugin '" + path + "': " + (reason ? reason : "unknown error"), at);
    return false;
  }
  auto entry = reinterpret_cast<caucus_plugin_entry_fn>(dlsym(handle, CAUCUS_PLUGIN_ENTRY_SYMBOL));
  if (!entry) {
    diagnostics.error("P011", "'" + path + "' is not a caucus plugin: it has no function " CAUCUS_PLUGIN_ENTRY_SYMBOL, at);
    dlclose(handle);
    return false;
  }
  const caucus_plugin* plugin = entry();
  if (!plugin) {
    diagnostics.error("P011", "plugin '" + path + "' returned no description", at);
    dlclose(handle);
    return false;
  }
  if (plugin->abi_version != CAUCUS_PLUGIN_ABI_VERSION) {
    diagnostics.error("P011",
                      "plugin '" + path + "' was built for plugin interface version " + std::to_string(plugin->abi_version) +
                          ", this caucus has version " + std::to_string(CAUCUS_PLUGIN_ABI_VERSION),
                      at)
        .notes.push_back("rebuild the plugin against the headers of this caucus");
    dlclose(handle);
    return false;
  }
  bool ok = true;
  for (uint32_t i = 0; i < plugin->annotator_count; ++i) {
    const caucus_annotator_entry& annotator = plugin->annotators[i];
    if (!annotator.name || !annotator.create || !annotator.destroy) {
      diagnostics.error("P011", "plugin '" + path + "' has an incomplete annotator entry #" + std::to_string(i), at);
      ok = false;
      continue;
    }
    if (find(annotator.name)) {
      diagnostics.error("P011", "plugin '" + path + "' defines annotator '" + annotator.name + "', which already exists", at);
      ok = false;
      continue;
    }
    auto create = annotator.create;
    auto destroy = annotator.destroy;
    entries_.push_back({annotator.name, annotator.description ? annotator.description : "", path,
                        [create, destroy]() -> std::unique_ptr<Annotator> {
                          Annotator* inner = create();
                          if (!inner) return nullptr;
                          return std::make_unique<PluginAnnotator>(inner, destroy);
                        }});
  }
  libraries_.push_back(handle);
  return ok;
}

}  // namespace caucus
