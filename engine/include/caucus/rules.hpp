// The rule language: TOML rule files compiled to PCRE2 (JIT), applied to documents.
//
// A rule file declares annotation types with their roles, macros (named pattern fragments),
// lexicons, and rules. A rule is a pattern whose named captures become the roles of the
// annotation it makes; captures may be constrained to lie on earlier annotations or to be
// names of a lexicon, and take their ids from there. docs/rule-language.md is the reference.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caucus/annotation.hpp"
#include "caucus/diagnostics.hpp"
#include "caucus/document.hpp"
#include "caucus/lexicon.hpp"

namespace caucus {

// `head`: the start of the document, where a circulated statement prints its heading (the first
// kHeadBytes, cut at a line break): a rule there reads, and masks, a few kilobytes, not the
// whole of a long record.
enum class Scope { sentence, paragraph, speech, document, head };
inline constexpr uint32_t kHeadBytes = 8192;
enum class OverlapPolicy { keep_all, longest, first, priority };
enum class CaptureRelation { coincide, inside, contains };

std::string_view to_string(Scope scope);
std::string_view to_string(OverlapPolicy policy);
std::string_view to_string(CaptureRelation relation);

// What a capture must be for the match to count, and what it takes from there.
struct CaptureConstraint {
  Name capture;
  // On an earlier annotation of this type ("" = none; "actor|self_reference" = either, in that order).
  std::string annotation;
  CaptureRelation relation = CaptureRelation::coincide;
  Name take;          // attribute of that annotation to use as the role's value ("" = its text)
  bool each = false;  // with `contains`: one annotation per contained annotation (lists)
  // A name of this lexicon ("" = none); the role's value becomes the entry (id and label).
  std::string lexicon;
  std::string field = "names";
  std::vector<Name> copy;         // entry attributes copied as <capture>_<attribute>
  bool required = true;           // false: a capture that fails keeps its text instead
  SourceLocation where;
  std::vector<Name> copied_names;  // <capture>_<copy[k]>: the names copy[k] is written as

  // The types of `annotation`, in the order written ("actor|self_reference" -> actor, self_reference).
  std::vector<std::string_view> annotation_types() const;
};

// A rule's example: a text it must (or must not) match, with what it should find.
struct RuleExample {
  std::string text;
  bool should_match = true;
  std::string span;                                         // expected annotation text ("" = any)
  std::vector<std::pair<std::string, std::string>> expect;  // role/attribute -> id or text
  SourceLocation where;
};

struct TypeDeclaration {
  std::string name;
  std::vector<std::string> roles;
  std::vector<std::string> attributes;
  std::optional<OverlapPolicy> overlap;  // overrides the rule set's policy for this type
  bool internal = false;                 // working material for later rules, not a result
  SourceLocation where;
  bool declares(const std::string& key) const;
};

struct CompiledPattern;  // PCRE2 code, private to the engine
class LexiconMatcher;    // a lexicon's names matched without PCRE2, private to the engine

struct Rule {
  Name id;
  Name type;
  int priority = 0;
  int stage = 0;
  Scope scope = Scope::sentence;
  bool case_sensitive = false;
  std::string pattern;        // as written
  std::string final_pattern;  // after macros, lexicons and white space
  std::string span_capture;   // "" = the whole match is the annotation's span
  // A blocking rule: its matches take part in overlap resolution but are not added, so that a
  // longer phrase that is no annotation keeps the shorter ones inside it out ("South China
  // Sea" is no mention of China).
  bool block = false;
  Attributes attrs;           // static attributes
  std::vector<CaptureConstraint> constraints;
  // Annotation types the pattern refers to as {annotation:TYPE} (indexes into RuleSet::masks).
  std::vector<std::size_t> masks;
  std::vector<std::string> triggers;  // prefilter words, lower case; empty = always run
  bool triggers_declared = false;
  // More sets of words, lower case, proven of the pattern like `triggers`: every match holds a
  // word of each, so the rule runs only on a unit that has a word of `triggers` and of each.
  std::vector<std::vector<std::string>> also_required;
  std::vector<RuleExample> examples;
  std::string description;
  SourceLocation where;
  std::shared_ptr<const CompiledPattern> compiled;
  // For a pattern with \G (a list going on from the match before): the pattern with \G
  // never true, searched from just past where the search starts once `compiled` has failed
  // there (anchor.hpp, without_search_start()). Null for other patterns.
  std::shared_ptr<const CompiledPattern> compiled_past_start;
  // When every match begins with a lexicon name, or with one of the phrases of a word-list
  // pattern (see leading_phrases()): which list of RuleSet::name_starts() holds them, so that
  // the rule is tried only where one may begin (with the prefilter on). Such a rule's
  // `compiled` is the pattern anchored where the search starts ("\G(?:pattern)"), tried at
  // each name start in turn (or, with the prefilter off, at each character): the same matches
  // as the plain pattern's search.
  int name_list = -1;
  // For a rule that is one lexicon reference ("(?<actor>{lexicon:states})"): the lexicon's own
  // matcher, tried at each name start before `compiled` (which answers where it is unsure).
  std::shared_ptr<const LexiconMatcher> lexicon_matcher;
};

class Prefilter;
class NameStarts;

// One compiled rule file.
class RuleSet {
 public:
  RuleSet();
  ~RuleSet();

  std::string name;
  std::string file;
  OverlapPolicy overlap = OverlapPolicy::longest;
  uint32_t match_limit = 1'000'000;
  std::vector<Rule> rules;
  std::map<std::string, TypeDeclaration> types;
  std::map<std::string, std::shared_ptr<Lexicon>> lexicons;
  std::map<std::string, std::string> macros;  // name -> expanded pattern
  // Types matched as {annotation:TYPE}: before such a rule runs, each annotation of masks[k] in
  // the text is overwritten (in a copy) by mask_lead(k) followed by mask_fill(k) bytes, which
  // the pattern element matches. So a rule can say "an actor here" without carrying the
  // thousands of actor names in its pattern.
  std::vector<std::string> masks;
  static char mask_lead(std::size_t k);
  static char mask_fill(std::size_t k);
  // The pattern element an {annotation:TYPE} becomes for mask k: "(?:\xLL\xFF*+)" (possessive: an annotation is matched whole or not at all).
  static std::string mask_element(std::size_t k);
  static constexpr std::size_t kMaxMasks = 13;

  std::vector<std::string> produced_types() const;
  // The produced types declared `internal = true`.
  std::vector<std::string> internal_types() const;
  // Types the rules' constraints and scopes need from earlier steps.
  std::vector<std::string> required_types() const;
  const Rule* find(std::string_view id) const;
  const Prefilter& prefilter() const { return *prefilter_; }
  // What rules begin with ("{lexicon:states} names", "its phrases (I, We, ...)"): the lists of
  // name_starts(), in order.
  std::vector<std::string> name_lists;
  // The names (or phrases) of each of those lists, as the lexicon pattern spells them.
  const std::vector<std::vector<std::string>>& name_start_lists() const { return name_start_lists_; }
  // Where the names of the lexicons (or the phrases) that rules begin with may begin; nullptr
  // if no rule begins with one. Made on first use: a pipeline run finds them for all its rule
  // files at once (SharedScan), and most runs never need the set's own.
  const NameStarts* name_starts() const;

  // The compiled form in a stable text form (for `caucus rules dump` and compiler tests).
  std::string dump() const;

 private:
  friend class RuleCompiler;
  std::unique_ptr<Prefilter> prefilter_;
  std::vector<std::vector<std::string>> name_start_lists_;
  mutable std::once_flag name_starts_made_;
  mutable std::unique_ptr<NameStarts> name_starts_;
};

// Compiles a rule file. `rule_root` bounds the files it may import. Returns nullptr if the
// file has errors; every error is in `diagnostics`.
std::shared_ptr<const RuleSet> compile_rule_file(const std::filesystem::path& file, const std::filesystem::path& rule_root,
                                                 Diagnostics& diagnostics);
// The same from text (tests, `caucus explain --rule`); `path` names it in messages.
std::shared_ptr<const RuleSet> compile_rule_text(const std::string& text, const std::string& path,
                                                 const std::filesystem::path& rule_root, Diagnostics& diagnostics);

// Why a rule did or did not make an annotation in a scope unit (for `caucus explain --trace`).
enum class TraceOutcome { skipped_by_prefilter, no_match, constraint_failed, dropped_by_overlap, kept, match_limit };
std::string_view to_string(TraceOutcome outcome);

struct TraceEvent {
  std::string rule;
  Span unit;                 // the sentence (paragraph, ...) tried
  Span match;                // the match, if any
  TraceOutcome outcome = TraceOutcome::no_match;
  std::string detail;        // which constraint failed, which rule won the overlap, ...
};

struct ApplyOptions {
  bool use_prefilter = true;
  std::vector<TraceEvent>* trace = nullptr;  // filled when not null
  Name annotator;                            // stamped on the annotations
  // When not null, seconds spent matching each rule are added here (indexed like rules.rules).
  std::vector<double>* rule_seconds = nullptr;
};

// Applies the rules of `rules` to `document`, stage by stage, adding annotations.
void apply_rules(const RuleSet& rules, Document& document, const ApplyOptions& options = {});

// Implemented by annotators whose behaviour comes from rule files, so that `caucus rules`
// and `caucus explain` can find, test and trace those files.
class RuleProvider {
 public:
  virtual ~RuleProvider() = default;
  virtual std::vector<std::shared_ptr<const RuleSet>> rule_sets() const = 0;
};

// --- Rule examples -------------------------------------------------------------------------

class Pipeline;

struct ExampleFailure {
  std::string rule;
  SourceLocation where;  // the [[rule.example]] table
  std::string message;
  std::vector<std::string> notes;  // what the rule found instead, or why it did not match
};

struct ExampleReport {
  std::size_t run = 0;
  std::size_t passed = 0;
  std::vector<ExampleFailure> failures;
};

// Where a rule file's examples run in a pipeline: the steps before it give them sentences,
// speeches and actors; the steps after it complete what users get (a relation's source from
// its speech, for instance), so examples state the final result.
struct ExampleContext {
  const Pipeline* pipeline = nullptr;
  std::size_t before = 0;          // run steps [0, before) first
  std::size_t after = SIZE_MAX;    // then the rules, then steps [after, end)
};

// Runs every example of `rules` in `context`.
ExampleReport run_examples(const RuleSet& rules, const ExampleContext& context);

// Whether compiling a rule file reads its rules' examples: on unless turned off. A run that only
// annotates has no use for them, and reading the shipped rules' 1,800 is a tenth of loading
// them; off, they are neither kept nor checked (`caucus rules` reads them). Not to be called
// while rules are being compiled.
void read_rule_examples(bool on);

}  // namespace caucus
