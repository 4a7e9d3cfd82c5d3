// The annotator plugin interface.
//
// An annotator is one step of a pipeline. It declares the annotation types it requires and
// produces (checked before any document is read), reads its configuration once, then
// annotates documents. annotate() is const and may run on several documents at once from
// several threads: keep per-document state on the stack, not in members.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "caucus/config.hpp"
#include "caucus/diagnostics.hpp"
#include "caucus/document.hpp"

namespace caucus {

class Annotator {
 public:
  virtual ~Annotator() = default;

  // The registered name ("segmenter", "rules", ...).
  virtual std::string_view name() const = 0;
  // Annotation types that earlier steps must produce. Called after configure().
  virtual std::vector<std::string> required_types() const { return {}; }
  // Annotation types this annotator adds. Called after configure().
  virtual std::vector<std::string> produced_types() const = 0;
  // Those of produced_types() that are working material for later steps rather than results
  // for users: not written unless asked for (`caucus annotate --all-types`).
  virtual std::vector<std::string> internal_types() const { return {}; }
  // Reads the step's settings. Reports every problem to `diagnostics`; returns false if the
  // annotator cannot run.
  virtual bool configure(const Config& config, Diagnostics& diagnostics) {
    (void)config;
    (void)diagnostics;
    return true;
  }
  // Adds annotations to `document`. Problems with this document go to document.problems().
  virtual void annotate(Document& document) const = 0;
};

}  // namespace caucus
