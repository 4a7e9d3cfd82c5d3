// The rule compiler: TOML rule files to RuleSets of PCRE2 patterns.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <cstdio>
#include <functional>
#include <set>

#include "../toml_util.hpp"
#include "caucus/config.hpp"
#include "caucus/rules.hpp"
#include "../lexicon_matcher.hpp"
#include "../name_starts.hpp"
#include "anchor.hpp"
#include "pattern.hpp"
#include "pattern_expander.hpp"
#include "prefilter.hpp"
#include "source_map.hpp"

namespace caucus {

constexpr ConfigCodes kRuleCodes{"R002", "R003"};

bool TypeDeclaration::declares(const std::string& key) const {
  return std::find(roles.begin(), roles.end(), key) != roles.end() ||
         std::find(attributes.begin(), attributes.end(), key) != attributes.end();
}

namespace {

std::atomic<bool> g_read_examples{true};  // see read_rule_examples()

template <typename Enum>
std::optional<Enum> parse_enum(const std::optional<std::string>& text, std::initializer_list<std::pair<const char*, Enum>> values,
                               const SourceLocation& where, std::string_view key, Diagnostics& diagnostics) {
  if (!text) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& [name, value] : values) {
    if (*text == name) return value;
    names.emplace_back(name);
  }
  auto& d = diagnostics.error("R020", "'" + std::string(key) + "' must be one of " + join(names) + ", not '" + *text + "'", where);
  if (auto guess = closest_match(*text, names); !guess.empty()) d.notes.push_back("did you mean '" + guess + "'?");
  return std::nullopt;
}

}  // namespace

void read_rule_examples(bool on) { g_read_examples.store(on, std::memory_order_relaxed); }

// Compiles one rule file; holds the macros, lexicons and types visible to it.
class RuleCompiler {
 public:
  RuleCompiler(std::filesystem::path rule_root, Diagnostics& diagnostics)
      : rule_root_(std::move(rule_root)), diagnostics_(diagnostics) {}

  std::shared_ptr<RuleSet> compile(const std::string& text, const std::string& path) {
    auto table = parse_toml(text, path, "R001", diagnostics_);
    if (!table) return nullptr;
    return compile(std::string(text), path, std::move(*table));
  }

  // The file's text and its table, parsed already.
  std::shared_ptr<RuleSet> compile(std::string text, const std::string& path, toml::table parsed) {
    const DisposeOnExit dispose_parsed(&parsed);
    auto set = std::make_shared<RuleSet>();
    set->file = path;
    files_.push_back(std::make_unique<std::string>(std::move(text)));
    const std::string& file_text = *files_.back();
    const std::size_t errors_before = diagnostics_.error_count();
    // A pipeline given for a rule file ("caucus rules check rules/*.toml"): one error that says
    // so, not an unknown key for each of its tables.
    if ((parsed.contains("pipeline") || parsed.contains("step")) && !parsed.contains("rules") &&
        !parsed.contains("rule")) {
      diagnostics_.error("R034", "a pipeline file, not a rule file", {path})
          .notes.push_back("its rule files are checked by 'caucus rules check --pipeline " + path + "' (no FILE)");
      return nullptr;
    }
    Config top = Config::from_toml_table(&parsed, path, rule_root_, kRuleCodes);
    // The file itself is being imported into: importing it again is a cycle.
    std::error_code error;
    const auto canonical = std::filesystem::weakly_canonical(path, error);
    importing_.push_back(error ? path : canonical.string());

    if (auto header = top.table("rules", diagnostics_)) {
      set->name = header->string("name", diagnostics_).value_or("");
      header->string("description", diagnostics_);
      if (auto overlap = parse_overlap(*header)) set->overlap = *overlap;
      default_scope_ = parse_scope(*header).value_or(Scope::sentence);
      if (auto limit = header->integer("match_limit", diagnostics_)) {
        if (*limit < 1000 || *limit > 1'000'000'000) {
          diagnostics_.error("R003", "'match_limit' must be between 1000 and 1000000000", header->location("match_limit"));
        } else {
          set->match_limit = static_cast<uint32_t>(*limit);
        }
      }
      for (const auto& import : header->strings("import", diagnostics_)) {
        if (auto resolved = header->resolve(import, header->location("import"), diagnostics_)) {
          import_file(*resolved, header->location("import"), *set);
        }
      }
      header->report_unread_keys(diagnostics_);
    }
    if (set->name.empty()) set->name = std::filesystem::path(path).stem().string();

    read_declarations(top, file_text, *set);
    if (auto rules = top.tables("rule", diagnostics_); !rules.empty()) {
      std::set<std::string> ids;
      for (auto& rule_config : rules) {
        Rule rule;
        if (compile_rule(rule_config, file_text, *set, rule)) {
          if (!ids.insert(rule.id).second) {
            diagnostics_.error("R014", "duplicate rule id '" + rule.id + "'", rule.where);
            continue;
          }
          set->rules.push_back(std::move(rule));
        }
        rule_config.report_unread_keys(diagnostics_);
      }
    }
    top.report_unread_keys(diagnostics_);
    if (diagnostics_.error_count() > errors_before) return nullptr;

    set->macros = expander_.expanded_macros();
    std::vector<Prefilter::RuleWords> words;
    for (const auto& rule : set->rules) words.push_back({rule.triggers, rule.also_required});
    set->prefilter_ = std::make_unique<Prefilter>(words);
    for (const auto& list : name_lists_) {
      set->name_start_lists_.push_back(list.lexicon ? list.lexicon->pattern_names(list.field) : list.phrases);
      set->name_lists.push_back(list.label);
    }
    return set;
  }

 private:
  std::optional<OverlapPolicy> parse_overlap(const Config& config) {
    return parse_enum<OverlapPolicy>(config.string("overlap", diagnostics_),
                                     {{"keep_all", OverlapPolicy::keep_all},
                                      {"longest", OverlapPolicy::longest},
                                      {"first", OverlapPolicy::first},
                                      {"priority", OverlapPolicy::priority}},
                                     config.location("overlap"), "overlap", diagnostics_);
  }

  std::optional<Scope> parse_scope(const Config& config) {
    return parse_enum<Scope>(config.string("scope", diagnostics_),
                             {{"sentence", Scope::sentence},
                              {"paragraph", Scope::paragraph},
                              {"speech", Scope::speech},
                              {"document", Scope::document},
                              {"head", Scope::head}},
                             config.location("scope"), "scope", diagnostics_);
  }

  // Imports the types, macros and lexicons (not the rules) of another rule file.
  void import_file(const std::filesystem::path& file, const SourceLocation& where, RuleSet& set) {
    const std::string path = file.string();
    if (std::find(importing_.begin(), importing_.end(), path) != importing_.end()) {
      diagnostics_.error("R021", "import cycle: '" + path + "' imports itself", where);
      return;
    }
    if (!imported_.insert(path).second) return;  // imported twice (a diamond): once is enough
    auto imported = load_toml_file(path, "R001", diagnostics_);
    if (!imported.text) {
      diagnostics_.error("R021", "cannot read imported file '" + path + "'", where);
      return;
    }
    files_.push_back(std::make_unique<std::string>(std::move(*imported.text)));
    const std::string& file_text = *files_.back();
    const auto& table = imported.table;
    if (!table) return;
    const DisposeOnExit dispose_table(&*imported.table);
    importing_.push_back(path);
    Config top = Config::from_toml_table(&*table, path, rule_root_, kRuleCodes);
    if (auto header = top.table("rules", diagnostics_)) {
      for (const auto& nested : header->strings("import", diagnostics_)) {
        if (auto resolved = header->resolve(nested, header->location("import"), diagnostics_)) {
          import_file(*resolved, header->location("import"), set);
        }
      }
      header->keys();  // other header settings belong to the imported file itself
    }
    read_declarations(top, file_text, set);
    top.tables("rule", diagnostics_);  // rules are not imported
    top.report_unread_keys(diagnostics_);
    importing_.pop_back();
  }

  void read_declarations(const Config& top, const std::string& file_text, RuleSet& set) {
    if (auto types = top.table("types", diagnostics_)) {
      for (const auto& name : types->keys()) {
        auto type = types->table(name, diagnostics_);
        if (!type) continue;
        TypeDeclaration declaration;
        declaration.name = name;
        declaration.where = types->location(name);
        declaration.roles = type->strings("roles", diagnostics_);
        declaration.attributes = type->strings("attributes", diagnostics_);
        declaration.overlap = parse_overlap(*type);
        declaration.internal = type->boolean("internal", diagnostics_).value_or(false);
        type->string("description", diagnostics_);
        type->report_unread_keys(diagnostics_);
        set.types[name] = std::move(declaration);
      }
    }
    if (auto macros = top.table("macros", diagnostics_)) {
      for (const auto& name : macros->keys()) {
        if (auto value = macros->string(name, diagnostics_)) expander_.define(name, PatternSource{*value, macros->location(name), &file_text});
      }
    }
    if (auto lexicons = top.table("lexicons", diagnostics_)) {
      for (const auto& name : lexicons->keys()) {
        auto lexicon_config = lexicons->table(name, diagnostics_);
        if (!lexicon_config) continue;
        if (auto lexicon = read_lexicon(name, *lexicon_config)) set.lexicons[name] = lexicon;
        lexicon_config->report_unread_keys(diagnostics_);
      }
    }
  }

  std::shared_ptr<Lexicon> read_lexicon(const std::string& name, const Config& config) {
    LexiconOptions options;
    options.ignore_case = config.boolean("ignore_case", diagnostics_).value_or(true);
    options.ignore_diacritics = config.boolean("ignore_diacritics", diagnostics_).value_or(true);
    options.optional_the = config.boolean("optional_the", diagnostics_).value_or(true);
    const auto file = config.path("file", diagnostics_);
    auto entries = config.tables("entries", diagnostics_);
    if (config.has("file") && !entries.empty()) {
      diagnostics_.error("R003", "lexicon '" + name + "' has both 'file' and 'entries'", config.location("entries"));
      return nullptr;
    }
    if (config.has("file")) {
      if (!file) return nullptr;  // path() reported why
      const std::string key = file->string() + (options.ignore_case ? "|i" : "|c") + (options.ignore_diacritics ? "d" : "D") +
                              (options.optional_the ? "t" : "T");
      if (auto cached = lexicon_cache().find(key); cached != lexicon_cache().end()) return cached->second;
      auto lexicon = Lexicon::load(*file, name, options, diagnostics_);
      if (lexicon) lexicon_cache()[key] = lexicon;
      return lexicon;
    }
    if (entries.empty()) {
      diagnostics_.error("R004", "lexicon '" + name + "' needs 'file' or 'entries'", config.location());
      return nullptr;
    }
    auto lexicon = std::make_shared<Lexicon>(name, options);
    for (auto& entry_config : entries) {
      LexiconEntry entry;
      entry.where = entry_config.location();
      entry.id = entry_config.string("id", diagnostics_).value_or("");
      entry.label = entry_config.string("label", diagnostics_).value_or("");
      entry.lists["names"] = entry_config.strings("names", diagnostics_);
      for (const auto& key : entry_config.keys()) {
        if (key == "id" || key == "label" || key == "names") continue;
        if (auto value = entry_config.scalar(key, diagnostics_)) {
          if (auto* list = std::get_if<StringList>(&*value)) entry.lists[key] = *list;
          else entry.attrs.set(key, *value);
        }
      }
      if (entry.id.empty() || entry.lists["names"].empty()) {
        diagnostics_.error("R031", "lexicon entry needs an 'id' and at least one name in 'names'", entry.where);
        continue;
      }
      if (entry.label.empty()) entry.label = entry.lists["names"].front();
      lexicon->add(std::move(entry));
    }
    lexicon->finish(diagnostics_);
    return lexicon;
  }

  // Lexicon files are shared by every rule file of a run: loaded once.
  static std::map<std::string, std::shared_ptr<Lexicon>>& lexicon_cache() {
    thread_local std::map<std::string, std::shared_ptr<Lexicon>> cache;
    return cache;
  }

  bool compile_rule(Config& config, const std::string& file_text, RuleSet& set, Rule& rule) {
    rule.where = config.location();
    const std::size_t errors_before = diagnostics_.error_count();
    auto id = config.string("id", diagnostics_);
    auto type = config.string("type", diagnostics_);
    auto pattern = config.string("pattern", diagnostics_);
    for (const char* key : {"id", "type", "pattern"}) {
      if (!config.has(key)) diagnostics_.error("R004", std::string("rule has no '") + key + "'", rule.where);
    }
    if (!id || !type || !pattern) {
      config.keys();  // the rule's other keys are not checked, but they are not unknown either
      return false;
    }
    rule.id = *id;
    rule.type = *type;
    rule.pattern = *pattern;
    rule.description = config.string("description", diagnostics_).value_or("");
    rule.priority = static_cast<int>(config.integer("priority", diagnostics_).value_or(0));
    rule.stage = static_cast<int>(config.integer("stage", diagnostics_).value_or(0));
    if (rule.stage < 0) diagnostics_.error("R003", "'stage' must be 0 or more", config.location("stage"));
    rule.scope = config.has("scope") ? parse_scope(config).value_or(default_scope_) : default_scope_;
    rule.case_sensitive = config.boolean("case_sensitive", diagnostics_).value_or(false);
    rule.span_capture = config.string("span", diagnostics_).value_or("");
    rule.block = config.boolean("block", diagnostics_).value_or(false);
    if (config.has("triggers")) {
      rule.triggers = config.strings("triggers", diagnostics_);
      rule.triggers_declared = true;
      for (auto& word : rule.triggers) {
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // Triggers are found byte for byte, but where a pattern has a space the text may have a
        // line break, two spaces or page furniture: a trigger of two words would miss those.
        if (word.find_first_of(" \t\r\n") != std::string::npos) {
          diagnostics_.error("R023", "trigger '" + word + "' holds white space", config.location("triggers"))
              .notes.push_back("a trigger is one word, found as it is written; the text may break a phrase across lines");
        }
      }
    }

    const TypeDeclaration* declaration = nullptr;
    if (auto it = set.types.find(rule.type); it != set.types.end()) {
      declaration = &it->second;
    } else {
      auto& d = diagnostics_.error("R017", "annotation type '" + rule.type + "' is not declared", config.location("type"));
      d.notes.push_back("declare it with [types." + rule.type + "] roles = [...], attributes = [...]");
      std::vector<std::string> known;
      for (const auto& [name, t] : set.types) known.push_back(name);
      if (auto guess = closest_match(rule.type, known); !guess.empty()) d.notes.push_back("did you mean '" + guess + "'?");
    }

    if (auto attrs = config.table("attrs", diagnostics_)) {
      for (const auto& key : attrs->keys()) {
        if (auto value = attrs->scalar(key, diagnostics_)) {
          if (declaration && !declaration->declares(key)) {
            diagnostics_.error("R017", "type '" + rule.type + "' has no attribute '" + key + "'", attrs->location(key));
          }
          rule.attrs.set(key, *value);
        }
      }
    }

    // The pattern.
    PatternSource source{rule.pattern, config.location("pattern"), &file_text};
    ExpansionOrigins origin;
    std::shared_ptr<const CompiledPattern> compiled;
    const bool expanded = expander_.expand(source, set, rule.final_pattern, origin, &rule.masks);
    std::sort(rule.masks.begin(), rule.masks.end());
    rule.masks.erase(std::unique(rule.masks.begin(), rule.masks.end()), rule.masks.end());
    if (expanded) {
      // A rule tried only where its names begin is compiled anchored at the search's start
      // (see Rule::name_list); the plain pattern, started at a place where it then fails,
      // would search on through the rest of the unit.
      rule.name_list = name_list(rule.final_pattern, set);
      PatternError error;
      if (rule.name_list >= 0) {
        // A rule that is a lexicon reference and nothing else is matched by the lexicon's own
        // matcher; its regex, only asked where that one is unsure, needs no JIT code.
        const NameList& list = name_lists_[static_cast<std::size_t>(rule.name_list)];
        rule.lexicon_matcher = lexicon_matcher(rule.final_pattern, list.lexicon, list.field);
        compiled = compile_pattern("\\G(?:" + rule.final_pattern + ")", !rule.case_sensitive, error,
                                   rule.lexicon_matcher ? Jit::skip : Jit::compile);
        if (!compiled) {
          rule.name_list = -1;  // the plain pattern reports the error below
          rule.lexicon_matcher.reset();
        }
      }
      if (!compiled) {
        compiled = compile_pattern(rule.final_pattern, !rule.case_sensitive, error);
        // A pattern with \G gets a version without it, which does the searching (see
        // Rule::compiled_past_start). If that one does not compile, the plain one searches.
        PatternError ignored;
        const auto past_start = compiled ? without_search_start(rule.final_pattern) : std::nullopt;
        if (past_start) rule.compiled_past_start = compile_pattern(*past_start, !rule.case_sensitive, ignored);
      }
      if (!compiled) {
        const std::size_t at = origin.at(error.offset);
        if (!expander_.report_error_in_macro(source, at, set))
          diagnostics_.error("R010", "invalid pattern: " + error.message, source.at(at));
      }
    }
    // Without a compiled pattern the rest of the rule is still checked, so that one run
    // reports every error; only the checks that need the pattern are skipped.
    rule.compiled = compiled;
    if (compiled) check_captures(*compiled, rule, declaration, source);
    if (compiled) {
      auto sets = trigger_sets_of(without_lexicons(rule.final_pattern, set));
      if (!rule.triggers_declared && !sets.empty()) {
        rule.triggers = std::move(sets.front());
        sets.erase(sets.begin());
      }
      if (!rule.triggers_declared) warn_everyday_triggers(rule);
      // (A rule on a document's head or on the whole document runs once per document anyway.)
      const bool many_units = rule.scope == Scope::sentence || rule.scope == Scope::paragraph;
      if (!rule.triggers_declared && rule.triggers.empty() && many_units) warn_no_triggers(rule);
      rule.also_required = filtering_sets(std::move(sets), rule.triggers);
    }
    if (compiled) warn_boundary_at_masks(rule, set);
    read_constraints(config, compiled.get(), declaration, set, rule);
    const bool has_examples = config.has("example");
    if (g_read_examples.load(std::memory_order_relaxed)) {
      read_examples(config, declaration, rule);
    } else {
      config.mark_read("example");
    }
    if (!has_examples) {
      diagnostics_.warning("R050", "rule '" + rule.id + "' has no examples", rule.where)
          .notes.push_back("add [[rule.example]] text = \"...\" so that `caucus rules test` can check it");
    }
    return compiled && diagnostics_.error_count() == errors_before;
  }

  // The index (in name_lists_) of the list of names every match of `pattern` begins with, or
  // -1: a lexicon field's names, or the phrases of a word-list pattern.
  int name_list(const std::string& pattern, const RuleSet& set) {
    for (const auto& entry : set.lexicons) {
      const Lexicon* lexicon = entry.second.get();  // (lambdas may not capture structured bindings before clang 16)
      for (const auto& field : lexicon->built_fields()) {
        const std::string element = lexicon_element(*lexicon, field);
        const auto at = pattern.find(element);
        if (at == std::string::npos || !every_match_begins_with(pattern, at, element.size())) continue;
        return list_index([&](const NameList& list) { return list.lexicon == lexicon && list.field == field; },
                          [&] {
                            return NameList{lexicon, field, {},
                                            "{lexicon:" + lexicon->name() + (field == "names" ? "" : "." + field) + "} names"};
                          });
      }
    }
    if (auto phrases = leading_phrases(pattern)) {
      return list_index([&](const NameList& list) { return !list.lexicon && list.phrases == *phrases; },
                        [&] {
                          std::string label = "its phrases (";
                          for (std::size_t k = 0; k < phrases->size() && k < 6; ++k) label += (k ? ", " : "") + (*phrases)[k];
                          label += phrases->size() > 6 ? ", ... " + std::to_string(phrases->size()) + " in all)" : ")";
                          return NameList{nullptr, "", *phrases, label};
                        });
    }
    return -1;
  }

  // A matcher for `pattern` if it is the element of `lexicon`'s `field`, captured or not
  // ("(?<actor>{lexicon:states})"); nullptr otherwise (and for the phrases of word lists).
  static std::shared_ptr<const LexiconMatcher> lexicon_matcher(const std::string& pattern, const Lexicon* lexicon,
                                                               const std::string& field) {
    if (!lexicon) return nullptr;
    std::string_view rest = pattern;
    // "(?<name>ELEMENT)": the capture's insides (the element itself begins with "(?<!").
    if (const std::size_t close = rest.find('>'); rest.starts_with("(?<") && rest.ends_with(")") &&
                                                  close != std::string_view::npos && is_identifier(rest.substr(3, close - 3))) {
      rest = rest.substr(close + 1, rest.size() - close - 2);
    }
    if (!is_lexicon_element(rest, *lexicon, field)) return nullptr;
    return LexiconMatcher::make(lexicon->pattern_words(field), lexicon->pattern_acronyms(field), lexicon->options().ignore_case);
  }

  // The index of the list `same` accepts, made by `make` if there is none yet; -1 when there
  // is no room for one more.
  template <typename Same, typename Make>
  int list_index(Same same, Make make) {
    auto it = std::find_if(name_lists_.begin(), name_lists_.end(), same);
    if (it == name_lists_.end()) {
      if (name_lists_.size() == NameStarts::kMaxLists) return -1;
      it = name_lists_.insert(it, make());
    }
    return static_cast<int>(it - name_lists_.begin());
  }

  // An extracted trigger found in most sentences makes the prefilter useless for the rule (a
  // pattern with a branch of its own for "speak for" gets "for"): say so, and how to fix it.
  void warn_everyday_triggers(const Rule& rule) {
    for (const auto& word : rule.triggers) {
      if (!everyday_word(word)) continue;
      auto& d = diagnostics_.warning("R051", "rule '" + rule.id + "' runs on nearly every sentence: its trigger words include '" +
                                                 word + "'",
                                     rule.where);
      d.notes.push_back("extracted triggers: " + join(rule.triggers));
      d.notes.push_back("declare the rarer words every match contains: triggers = [\"...\", ...]");
      return;
    }
  }

  // A pattern with no word every match must contain (a branch that begins with a two-letter
  // word, "by"; a lexicon alone) runs on every unit of its scope, silently: say so, unless the
  // author declared that it must (`triggers = []`).
  void warn_no_triggers(const Rule& rule) {
    auto& d = diagnostics_.warning("R053", "rule '" + rule.id + "' has no trigger words: it runs on every " +
                                               std::string(to_string(rule.scope)),
                                   rule.where);
    d.notes.push_back("every branch of the pattern needs a literal word of three letters or more for the prefilter");
    d.notes.push_back("declare the words every match contains, triggers = [\"...\", ...], or triggers = [] if it must run everywhere");
  }

  // `\b` beside {annotation:TYPE} never holds: the annotation's text is masked by bytes that are
  // no word characters, and so is the space before it ("\b(?<actor>{annotation:actor})" matches
  // nothing). Say so: the rule fails silently otherwise.
  void warn_boundary_at_masks(const Rule& rule, const RuleSet& set) {
    const std::string& pattern = rule.final_pattern;
    for (std::size_t k = 0; k < set.masks.size(); ++k) {
      const std::string element = RuleSet::mask_element(k);
      for (std::size_t at = pattern.find(element); at != std::string::npos; at = pattern.find(element, at + 1)) {
        if (!boundary_before(pattern, at) && !boundary_after(pattern, at + element.size())) continue;
        auto& d = diagnostics_.warning("R052", "rule '" + rule.id + "': \\b beside {annotation:" + set.masks[k] + "} never holds",
                                       rule.where);
        d.notes.push_back("an annotation is masked by bytes that are no word characters: drop the \\b");
        return;
      }
    }
  }
  // True if `\b` comes just before `at`, group openings ("(?<name>", "(?:", "(") aside.
  static bool boundary_before(std::string_view pattern, std::size_t at) {
    std::string_view before = pattern.substr(0, at);
    while (!before.empty()) {
      const std::size_t named = before.ends_with(">") ? before.rfind("(?<") : std::string_view::npos;
      if (before.ends_with("(?:")) {
        before.remove_suffix(3);
      } else if (named != std::string_view::npos && is_identifier(before.substr(named + 3, before.size() - named - 4))) {
        before = before.substr(0, named);
      } else if (before.ends_with("(") && !before.ends_with("\\(")) {
        before.remove_suffix(1);
      } else {
        break;
      }
    }
    return before.ends_with("\\b");
  }
  // True if `\b` comes just after `at`, group closings aside.
  static bool boundary_after(std::string_view pattern, std::size_t at) {
    std::string_view after = pattern.substr(at);
    while (after.starts_with(")")) after.remove_prefix(1);
    return after.starts_with("\\b");
  }

  // Of the sets every match of a rule meets beside its triggers, those worth a check per unit:
  // none with a word found in most sentences, none that the triggers or a set kept before
  // already imply, at most kMaxSets (the best first). Words are found inside longer ones, so
  // a set is implied by another if each word of that one holds a word of it ("tatement" by
  // "statement").
  static std::vector<std::vector<std::string>> filtering_sets(std::vector<std::vector<std::string>> sets,
                                                              const std::vector<std::string>& triggers) {
    constexpr std::size_t kMaxSets = 3;
    const auto implied_by = [](const std::vector<std::string>& set, const std::vector<std::string>& by) {
      return !by.empty() && std::all_of(by.begin(), by.end(), [&](const std::string& longer) {
        return std::any_of(set.begin(), set.end(),
                           [&](const std::string& w) { return longer.find(w) != std::string::npos; });
      });
    };
    std::vector<std::vector<std::string>> kept;
    for (auto& set : sets) {
      if (kept.size() == kMaxSets) break;
      if (std::any_of(set.begin(), set.end(), everyday_word)) continue;
      if (implied_by(set, triggers) ||
          std::any_of(kept.begin(), kept.end(), [&](const auto& k) { return implied_by(set, k); }))
        continue;
      kept.push_back(std::move(set));
    }
    return kept;
  }

  // The pattern with each large lexicon's alternation replaced by "." (any character): large
  // lexicons give no useful trigger words (too many), and walking their thousands of
  // alternatives is the slowest part of a load. Small ones ("Palermo Protocol", ...) are kept.
  static std::string without_lexicons(std::string pattern, const RuleSet& set) {
    constexpr std::size_t kLarge = 4096;
    for (const auto& [name, lexicon] : set.lexicons) {
      for (const std::string* trie : lexicon->built_patterns()) {
        if (trie->size() < kLarge) continue;
        for (auto at = pattern.find(*trie); at != std::string::npos; at = pattern.find(*trie, at + 1)) pattern.replace(at, trie->size(), ".");
      }
    }
    return pattern;
  }

  void check_captures(const CompiledPattern& compiled, const Rule& rule, const TypeDeclaration* declaration,
                      const PatternSource& source) {
    if (compiled.min_length == 0) {
      diagnostics_.error("R016", "pattern can match the empty string", source.at(0))
          .notes.push_back("an empty match makes an empty annotation: require at least one character");
    }
    // Every named capture must be a role or attribute of the type.
    for (const auto& [name, groups] : compiled.groups) {
      if (name.starts_with("_") || !declaration || declaration->declares(name)) continue;
      auto& d = diagnostics_.error("R015", "capture '" + name + "' maps to no role or attribute of type '" + rule.type + "'",
                                   source.at(rule.pattern.find("<" + name + ">") != std::string::npos
                                                 ? rule.pattern.find("<" + name + ">") + 1
                                                 : 0));
      d.notes.push_back("roles of '" + rule.type + "': " + join(declaration->roles) +
                        "; name helper groups with a leading _ (?<_name>...)");
    }
    if (!rule.span_capture.empty() && !compiled.groups.count(rule.span_capture)) {
      diagnostics_.error("R022", "'span' names capture '" + rule.span_capture + "', which the pattern does not have",
                         rule.where);
    }
  }

  void read_constraints(const Config& config, const CompiledPattern* compiled, const TypeDeclaration* declaration,
                        const RuleSet& set, Rule& rule) {
    if (auto captures = config.table("captures", diagnostics_)) {
      for (const auto& name : captures->keys()) {
        auto c = captures->table(name, diagnostics_);
        if (!c) continue;
        CaptureConstraint constraint;
        constraint.capture = name;
        constraint.where = captures->location(name);
        if (compiled && !compiled->groups.count(name)) {
          diagnostics_.error("R019", "constraint on capture '" + name + "', which the pattern does not have", constraint.where);
        }
        constraint.annotation = c->string("annotation", diagnostics_).value_or("");
        if (auto relation = parse_enum<CaptureRelation>(c->string("relation", diagnostics_),
                                                        {{"coincide", CaptureRelation::coincide},
                                                         {"inside", CaptureRelation::inside},
                                                         {"contains", CaptureRelation::contains}},
                                                        c->location("relation"), "relation", diagnostics_)) {
          constraint.relation = *relation;
        }
        constraint.take = c->string("take", diagnostics_).value_or("");
        constraint.each = c->boolean("each", diagnostics_).value_or(false);
        constraint.lexicon = c->string("lexicon", diagnostics_).value_or("");
        constraint.field = c->string("field", diagnostics_).value_or("names");
        for (const auto& key : c->strings("copy", diagnostics_)) constraint.copy.emplace_back(key);
        for (const auto& key : constraint.copy) {
          constraint.copied_names.push_back(std::string(constraint.capture.view()) + "_" + std::string(key.view()));
        }
        constraint.required = c->boolean("required", diagnostics_).value_or(true);
        if (!constraint.lexicon.empty()) {
          auto lexicon = set.lexicons.find(constraint.lexicon);
          if (lexicon == set.lexicons.end()) {
            diagnostics_.error("R013", "unknown lexicon '" + constraint.lexicon + "'", c->location("lexicon"));
          } else if (!lexicon->second->has_field(constraint.field)) {
            diagnostics_.error("R013", "lexicon '" + constraint.lexicon + "' has no field '" + constraint.field + "'",
                               c->location("field"));
          }
        }
        if (constraint.annotation.empty() && constraint.lexicon.empty()) {
          diagnostics_.error("R004", "constraint on '" + name + "' needs 'annotation' or 'lexicon'", constraint.where);
        }
        if (constraint.each && constraint.relation != CaptureRelation::contains) {
          diagnostics_.error("R003", "'each' needs relation = \"contains\"", c->location("each"));
        }
        if (declaration) {
          for (const auto& copied : constraint.copy) {
            const std::string key(copied.view());
            if (!declaration->declares(name + "_" + key)) {
              diagnostics_.error("R017", "type '" + rule.type + "' has no attribute '" + name + "_" + key +
                                             "' for copied lexicon attribute '" + key + "'",
                                 c->location("copy"));
            }
          }
        }
        c->report_unread_keys(diagnostics_);
        rule.constraints.push_back(std::move(constraint));
      }
    }
  }

  void read_examples(const Config& config, const TypeDeclaration* declaration, Rule& rule) {
    for (auto& e : config.tables("example", diagnostics_)) {
      RuleExample example;
      example.where = e.location();
      example.text = e.string("text", diagnostics_).value_or("");
      example.should_match = e.boolean("match", diagnostics_).value_or(true);
      example.span = e.string("span", diagnostics_).value_or("");
      if (auto expect = e.table("expect", diagnostics_)) {
        for (const auto& key : expect->keys()) {
          auto value = expect->string(key, diagnostics_);
          if (!value) continue;
          if (declaration && !declaration->declares(key)) {
            diagnostics_.error("R041", "example expects '" + key + "', which type '" + rule.type + "' does not have",
                               expect->location(key));
          }
          example.expect.emplace_back(key, *value);
        }
        expect->report_unread_keys(diagnostics_);
      }
      if (example.text.empty()) diagnostics_.error("R041", "example has no 'text'", example.where);
      if (!example.should_match && (!example.span.empty() || !example.expect.empty())) {
        diagnostics_.error("R041", "an example with match = false cannot expect a span or roles", example.where);
      }
      if (rule.block && !example.expect.empty()) {
        diagnostics_.error("R041", "a blocking rule adds no annotation: its example can expect a span, not roles",
                           example.where);
      }
      e.report_unread_keys(diagnostics_);
      rule.examples.push_back(std::move(example));
    }
  }

  std::filesystem::path rule_root_;
  Diagnostics& diagnostics_;
  Scope default_scope_ = Scope::sentence;
  PatternExpander expander_{diagnostics_};
  std::vector<std::string> importing_;
  std::set<std::string> imported_;
  std::vector<std::unique_ptr<std::string>> files_;  // texts that PatternSources point into
  // The lists of names rules begin with, for the set's NameStarts: a lexicon field's names, or
  // a word-list pattern's phrases; `label` says which in `caucus rules dump`.
  struct NameList {
    const Lexicon* lexicon = nullptr;
    std::string field;
    std::vector<std::string> phrases;
    std::string label;
  };
  std::vector<NameList> name_lists_;
};

std::shared_ptr<const RuleSet> compile_rule_text(const std::string& text, const std::string& path,
                                                 const std::filesystem::path& rule_root, Diagnostics& diagnostics) {
  RuleCompiler compiler(rule_root, diagnostics);
  return compiler.compile(text, path);
}

std::shared_ptr<const RuleSet> compile_rule_file(const std::filesystem::path& file, const std::filesystem::path& rule_root,
                                                 Diagnostics& diagnostics) {
  auto loaded = load_toml_file(file.string(), "R001", diagnostics);
  if (!loaded.text) {
    auto& error = diagnostics.error("R030", "cannot read rule file", {file.string()});
    if (std::error_code ec; std::filesystem::is_directory(file, ec))
      error.notes.push_back("a directory: name its rule files, or none to use the pipeline's");
    return nullptr;
  }
  if (!loaded.table) return nullptr;
  RuleCompiler compiler(rule_root, diagnostics);
  return compiler.compile(std::move(*loaded.text), file.string(), std::move(*loaded.table));
}

}  // namespace caucus
