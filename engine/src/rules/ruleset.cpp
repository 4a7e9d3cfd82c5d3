#include <algorithm>
#include <cstdio>
#include <set>

#include "../name_starts.hpp"
#include "caucus/rules.hpp"
#include "prefilter.hpp"

namespace caucus {

std::string_view to_string(Scope scope) {
  switch (scope) {
    case Scope::sentence: return "sentence";
    case Scope::paragraph: return "paragraph";
    case Scope::speech: return "speech";
    case Scope::document: return "document";
    case Scope::head: return "head";
  }
  return "sentence";
}

std::string_view to_string(OverlapPolicy policy) {
  switch (policy) {
    case OverlapPolicy::keep_all: return "keep_all";
    case OverlapPolicy::longest: return "longest";
    case OverlapPolicy::first: return "first";
    case OverlapPolicy::priority: return "priority";
  }
  return "longest";
}

std::string_view to_string(CaptureRelation relation) {
  switch (relation) {
    case CaptureRelation::coincide: return "coincide";
    case CaptureRelation::inside: return "inside";
    case CaptureRelation::contains: return "contains";
  }
  return "coincide";
}

std::string_view to_string(TraceOutcome outcome) {
  switch (outcome) {
    case TraceOutcome::skipped_by_prefilter: return "skipped: no trigger word in the text";
    case TraceOutcome::no_match: return "pattern did not match";
    case TraceOutcome::constraint_failed: return "matched, but a capture constraint failed";
    case TraceOutcome::dropped_by_overlap: return "matched, but dropped by overlap resolution";
    case TraceOutcome::kept: return "matched";
    case TraceOutcome::match_limit: return "stopped: match limit reached";
  }
  return "";
}

RuleSet::RuleSet() : prefilter_(std::make_unique<Prefilter>()) {}

// Mask bytes are ASCII control characters that are not white space (0x09-0x0D are).
char RuleSet::mask_lead(std::size_t k) { return static_cast<char>(k < 4 ? 1 + 2 * k : 0x0E + 2 * (k - 4)); }
char RuleSet::mask_fill(std::size_t k) { return static_cast<char>(mask_lead(k) + 1); }

std::vector<std::string_view> CaptureConstraint::annotation_types() const {
  std::vector<std::string_view> out;
  const std::string_view list = annotation;
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t bar = std::min(list.find('|', start), list.size());
    out.push_back(list.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

std::string RuleSet::mask_element(std::size_t k) {
  char element[32];
  std::snprintf(element, sizeof element, "(?:\\x%02x\\x%02x*+)", mask_lead(k), mask_fill(k));
  return element;
}
RuleSet::~RuleSet() = default;

const NameStarts* RuleSet::name_starts() const {
  if (name_start_lists_.empty()) return nullptr;
  std::call_once(name_starts_made_, [this] { name_starts_ = std::make_unique<NameStarts>(name_start_lists_); });
  return name_starts_.get();
}

std::vector<std::string> RuleSet::produced_types() const {
  std::set<std::string> types;
  for (const auto& rule : rules) types.insert(rule.type);
  return {types.begin(), types.end()};
}

std::vector<std::string> RuleSet::internal_types() const {
  std::vector<std::string> out;
  for (const auto& type : produced_types()) {
    auto it = types.find(type);
    if (it != types.end() && it->second.internal) out.push_back(type);
  }
  return out;
}

std::vector<std::string> RuleSet::required_types() const {
  std::set<std::string> required;
  for (const auto& rule : rules) {
    if (rule.scope != Scope::document && rule.scope != Scope::head) required.insert(std::string(to_string(rule.scope)));
    for (std::size_t k : rule.masks) {
      const bool own = std::any_of(rules.begin(), rules.end(),
                                   [&](const Rule& other) { return other.type == masks[k] && other.stage < rule.stage; });
      if (!own) required.insert(masks[k]);
    }
    for (const auto& constraint : rule.constraints) {
      if (constraint.annotation.empty()) continue;
      // A type made by an earlier stage of this file is not needed from outside.
      const bool own = std::any_of(rules.begin(), rules.end(), [&](const Rule& other) {
        return other.type == constraint.annotation && other.stage < rule.stage;
      });
      if (own) continue;
      for (std::string_view type : constraint.annotation_types()) required.emplace(type);
    }
  }
  return {required.begin(), required.end()};
}

const Rule* RuleSet::find(std::string_view id) const {
  auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

std::string RuleSet::dump() const {
  std::string out = "ruleset " + name + "\n";
  out += "  overlap: " + std::string(to_string(overlap)) + "\n";
  out += "  match_limit: " + std::to_string(match_limit) + "\n";
  for (const auto& [type_name, type] : types) {
    out += "  type " + type_name + " roles=[" + join(type.roles) + "] attributes=[" + join(type.attributes) + "]\n";
  }
  for (const auto& [lexicon_name, lexicon] : lexicons) {
    out += "  lexicon " + lexicon_name + ": " + std::to_string(lexicon->entries().size()) + " entries, " +
           std::to_string(lexicon->key_count("names")) + " names\n";
  }
  for (const auto& [macro_name, body] : macros) out += "  macro " + macro_name + " = " + body + "\n";
  for (const auto& rule : rules) {
    out += "  rule " + rule.id + "\n";
    out += "    type: " + rule.type + "  stage: " + std::to_string(rule.stage) + "  priority: " + std::to_string(rule.priority) +
           "  scope: " + std::string(to_string(rule.scope)) + "  case: " + (rule.case_sensitive ? "sensitive" : "insensitive") +
           "\n";
    std::string pattern = rule.final_pattern;
    // Lexicon tries run to many kilobytes: show them by name.
    for (const auto& [lexicon_name, lexicon] : lexicons) {
      std::set<std::string> fields;  // every list field a rule may name: names, demonyms, ...
      for (const auto& entry : lexicon->entries()) {
        for (const auto& [field, values] : entry.lists) fields.insert(field);
      }
      for (const auto& entry_field : fields) {
        if (!lexicon->has_field(entry_field)) continue;
        const std::string& trie = lexicon->pattern(entry_field);
        const std::string shown = "{lexicon:" + lexicon_name + (entry_field == "names" ? "" : "." + entry_field) + "}";
        for (auto at = pattern.find(trie); at != std::string::npos; at = pattern.find(trie, at + shown.size())) {
          pattern.replace(at, trie.size(), shown);
        }
      }
    }
    for (std::size_t k = 0; k < masks.size(); ++k) {
      const std::string element = mask_element(k);
      const std::string shown = "{annotation:" + masks[k] + "}";
      for (auto at = pattern.find(element); at != std::string::npos; at = pattern.find(element, at + shown.size())) {
        pattern.replace(at, element.size(), shown);
      }
    }
    out += "    pattern: " + pattern + "\n";
    out += "    span: " + (rule.span_capture.empty() ? std::string("match") : rule.span_capture) + "\n";
    if (rule.block) out += "    block: its matches keep overlapping ones of its type out and are not added\n";
    if (!rule.attrs.empty()) {
      out += "    attrs:";
      for (const auto& [key, value] : rule.attrs) out += " " + key + "=" + rule.attrs.text(key);
      out += "\n";
    }
    for (const auto& c : rule.constraints) {
      out += "    capture " + c.capture + ":";
      if (!c.annotation.empty()) {
        out += " annotation=" + c.annotation + " relation=" + std::string(to_string(c.relation));
        if (!c.take.empty()) out += " take=" + std::string(c.take.view());
        if (c.each) out += " each";
      }
      if (!c.lexicon.empty()) {
        out += " lexicon=" + c.lexicon + "." + c.field;
        if (!c.copy.empty()) out += " copy=[" + join(std::vector<std::string>(c.copy.begin(), c.copy.end())) + "]";
      }
      out += c.required ? " required" : " optional";
      out += "\n";
    }
    const char* none = rule.name_list >= 0 ? "(none)" : "(none: always runs)";
    out += "    triggers: " + (rule.triggers.empty() ? std::string(none) : join(rule.triggers)) +
           (rule.triggers_declared ? " (declared)" : rule.triggers.empty() ? "" : " (extracted)") + "\n";
    for (const auto& set : rule.also_required) out += "    and one of: " + join(set) + " (extracted)\n";
    if (rule.name_list >= 0) {
      out += "    tried at: the starts of " + name_lists.at(static_cast<std::size_t>(rule.name_list)) + "\n";
    }
    if (rule.lexicon_matcher) out += "    matched by: the lexicon's trie (the regex where it is unsure)\n";
    std::size_t positive = 0;
    for (const auto& e : rule.examples) positive += e.should_match;
    out += "    examples: " + std::to_string(positive) + " matching, " + std::to_string(rule.examples.size() - positive) +
           " not matching\n";
  }
  return out;
}

}  // namespace caucus
