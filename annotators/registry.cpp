// The one place where built-in annotators are registered. Add new ones here, in the order
// `caucus annotators` lists them.
#include "caucus/registry.hpp"

#include "agents/agents.hpp"
#include "citations/citations.hpp"
#include "relations/relations.hpp"
#include "rules/rules_annotator.hpp"
#include "segmenter/segmenter.hpp"
#include "speeches/speeches.hpp"

namespace caucus {

void register_builtin_annotators(AnnotatorRegistry& registry) {
  using namespace caucus::annotators;
  registry.add("segmenter", "Paragraphs and sentences (ICU sentence rules, hard-wrapped lines joined)",
               [] { return std::make_unique<Segmenter>(); });
  registry.add("speeches", "Speeches: who speaks, for whom, in which role; document kind and metadata",
               [] { return std::make_unique<SpeechesAnnotator>(); });
  registry.add("agents", "Gives commitments and condemnations without a named agent the speaker's actor; own or reported",
               [] { return std::make_unique<AgentsAnnotator>(); });
  registry.add("citations", "Normalises citations: UN symbols, kinds, years of resolutions, links",
               [] { return std::make_unique<CitationsAnnotator>(); });
  registry.add("relations", "Completes alignment relations from their speech (speaker as source) and removes repeats",
               [] { return std::make_unique<RelationsAnnotator>(); });
  registry.add("rules", "Applies rule files: patterns, lexicons and constraints (docs/rule-language.md)",
               [] { return std::make_unique<RulesAnnotator>(); });
}

}  // namespace caucus
