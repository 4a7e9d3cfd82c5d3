// The annotator registry: every annotator a pipeline can name.
//
// Built-in annotators are added by one explicit function, register_builtin_annotators()
// (annotators/registry.cpp), called once at start-up: no self-registering static objects,
// which linkers silently drop from static libraries. Plugins add theirs through load_plugin().
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "caucus/annotator.hpp"
#include "caucus/diagnostics.hpp"

namespace caucus {

using AnnotatorFactory = std::function<std::unique_ptr<Annotator>()>;

struct RegistryEntry {
  std::string name;
  std::string description;
  std::string origin;  // "built-in" or the plugin's path
  AnnotatorFactory create;
};

class AnnotatorRegistry {
 public:
  AnnotatorRegistry();
  ~AnnotatorRegistry();
  AnnotatorRegistry(const AnnotatorRegistry&) = delete;
  AnnotatorRegistry& operator=(const AnnotatorRegistry&) = delete;

  // Adds an annotator; a second one with the same name is a bug (throws std::logic_error).
  void add(std::string name, std::string description, AnnotatorFactory create, std::string origin = "built-in");
  const RegistryEntry* find(std::string_view name) const;
  std::vector<std::string> names() const;
  const std::vector<RegistryEntry>& entries() const { return entries_; }

  // Loads a plugin library and registers its annotators. A missing library, a missing entry
  // point, a wrong ABI version or a name clash is reported (P010, P011) at `where`.
  bool load_plugin(const std::string& path, Diagnostics& diagnostics, const SourceLocation& where = {});

 private:
  std::vector<RegistryEntry> entries_;
  std::vector<void*> libraries_;  // dlopen handles, closed last
};

// Registers every built-in annotator. Defined in caucus::annotators.
void register_builtin_annotators(AnnotatorRegistry& registry);

}  // namespace caucus
