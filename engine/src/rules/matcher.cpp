// Applying a RuleSet to a document: prefilter, PCRE2 matches, capture constraints, overlap
// resolution, stage by stage.
#include <algorithm>
#include <chrono>
#include <map>
#include <memory_resource>

#include "../bytes.hpp"
#include "../lexicon_matcher.hpp"
#include "../name_starts.hpp"
#include "ascii_view.hpp"
#include "caucus/rules.hpp"
#include "caucus/text.hpp"
#include "pattern.hpp"
#include "prefilter.hpp"
#include "shared_scan.hpp"

namespace caucus {
namespace {

Span trim(std::string_view text, Span span) {
  while (span.begin < span.end && is_ascii_space(text[span.begin])) ++span.begin;
  while (span.end > span.begin && is_ascii_space(text[span.end - 1])) --span.end;
  return span;
}

// The annotations one match makes (several when a constraint has `each`, all of the match's
// span), competing as one in overlap resolution. Their attributes wait in RuleRunner::made_
// (one vector for the whole stage, not one per match), from `first` on. 24 bytes: a long
// document's stage holds tens of thousands of them.
struct MatchGroup {
  Span span;
  uint32_t rule = 0;
  uint32_t first = 0, count = 0;
  uint32_t trace = kNoTrace;  // index of its trace event
  static constexpr uint32_t kNoTrace = UINT32_MAX;
};

// One annotation under construction: its attributes so far.
using Partial = Attributes;

// The spans accepted for one type in overlap resolution: begin -> (end, rule), no overlaps.
using Taken = std::pmr::map<uint32_t, std::pair<uint32_t, std::size_t>>;

class RuleRunner {
 public:
  RuleRunner(const RuleSet& rules, Document& document, const ApplyOptions& options)
      : rules_(rules), document_(document), options_(options), text_(document.text()) {}

  void run() {
    std::vector<int> stages;
    for (const auto& rule : rules_.rules) stages.push_back(rule.stage);
    std::sort(stages.begin(), stages.end());
    stages.erase(std::unique(stages.begin(), stages.end()), stages.end());
    if (options_.use_prefilter) {
      // In a pipeline run, one scan of the document serves all its rule files.
      hits_ = SharedScan::hits_for(rules_, text_);
      if (!hits_) hits_ = &(own_hits_ = rules_.prefilter().scan(text_, document_.ascii_stand_ins()));
    }
    stand_ins_ = &document_.ascii_stand_ins();
    if (options_.rule_seconds) options_.rule_seconds->resize(rules_.rules.size(), 0.0);
    // Page furniture comes from the segmenter and does not change while the rules run.
    for (AnnotationId id : document_.annotations().of_type("page_furniture")) furniture_.push_back(document_.annotations()[id].span);
    std::sort(furniture_.begin(), furniture_.end(), [](Span a, Span b) { return a.begin < b.begin; });
    for (std::size_t s = 0; s < stages.size(); ++s) run_stage(stages[s], s + 1 == stages.size());
    if (stages.empty()) release_scan();  // else the last stage did
  }

 private:
  std::vector<Span> units(Scope scope) const {
    const auto size = static_cast<uint32_t>(text_.size());
    if (scope == Scope::document) return {Span{0, size}};
    if (scope == Scope::head) {
      if (size <= kHeadBytes) return {Span{0, size}};
      const std::size_t line_end = text_.rfind('\n', kHeadBytes);
      return {Span{0, line_end == std::string_view::npos ? kHeadBytes : static_cast<uint32_t>(line_end)}};
    }
    std::vector<Span> out;
    for (AnnotationId id : document_.annotations().of_type(to_string(scope))) out.push_back(document_.annotations()[id].span);
    return out;
  }

  // The trigger words and name starts serve only the matching: after the last stage's, they go
  // before its matches are resolved and stored, which is the step's peak of memory (a long
  // document's hits and its annotations were held at once).
  void release_scan() {
    SharedScan::release(rules_, text_);
    hits_ = nullptr;
    std::vector<Prefilter::Hit>().swap(own_hits_);
  }

  void run_stage(int stage, bool last) {
    masked_unit_ = Span{UINT32_MAX, 0};  // the previous stage may have added masked annotations
    names_unit_ = Span{UINT32_MAX, 0};
    made_.clear();
    std::vector<MatchGroup> groups;
    for (Scope scope : {Scope::sentence, Scope::paragraph, Scope::speech, Scope::document, Scope::head}) {
      std::vector<std::size_t> members;
      for (std::size_t r = 0; r < rules_.rules.size(); ++r) {
        if (rules_.rules[r].stage == stage && rules_.rules[r].scope == scope) members.push_back(r);
      }
      if (members.empty()) continue;
      // Per rule, what the prefilter says of the unit (see Prefilter::candidates()).
      std::vector<uint32_t> last_trigger(rules_.rules.size(), Prefilter::kAnywhere);
      std::size_t cursor = 0;  // see Prefilter::candidates()
      for (const Span unit : units(scope)) {
        unit_has_furniture_ = has_furniture(unit);  // once per unit, not per rule
        const auto stand_in = std::lower_bound(stand_ins_->begin(), stand_ins_->end(), unit.begin);
        unit_has_stand_in_ = stand_in != stand_ins_->end() && *stand_in < unit.end;
        if (unit_has_stand_in_) {
          unit_view_.find(text_, unit, *stand_ins_);
          view_texts_.clear();
        }
        if (options_.use_prefilter) {
          std::fill(last_trigger.begin(), last_trigger.end(), Prefilter::kSkip);
          rules_.prefilter().candidates(*hits_, unit, last_trigger, cursor);
        }
        for (std::size_t r : members) {
          if (last_trigger[r] == Prefilter::kSkip) {
            trace(r, unit, {}, TraceOutcome::skipped_by_prefilter, "");
            continue;
          }
          if (options_.rule_seconds) {
            const auto started = std::chrono::steady_clock::now();
            match_rule(r, unit, last_trigger[r], groups);
            (*options_.rule_seconds)[r] += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
          } else {
            match_rule(r, unit, last_trigger[r], groups);
          }
        }
      }
    }
    if (last) release_scan();
    resolve_and_add(groups);
  }

  // `last_trigger`: where the rule's last trigger word in the unit begins, or Prefilter::kAnywhere.
  void match_rule(std::size_t r, Span unit, uint32_t last_trigger, std::vector<MatchGroup>& groups) {
    const Rule& rule = rules_.rules[r];
    const CompiledPattern& pattern = *rule.compiled;
    MatchScratch& scratch = MatchScratch::for_this_thread();
    // Every match holds one of the trigger words extracted from the pattern, so no attempt
    // that starts after the last of them can succeed, and a search stops there: PCRE2 would
    // otherwise try every later place, and a pattern with free text ("we ... on behalf of")
    // reads on to the end of the sentence from each. (A declared word is only known to be in
    // the unit: "resolution" for a number cited after it.)
    PCRE2_SIZE last_start = PCRE2_UNSET;
    if (last_trigger != Prefilter::kAnywhere && !rule.triggers_declared) last_start = last_trigger - unit.begin;
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text_.data() + unit.begin);
    const bool masked_text = !rule.masks.empty() || unit_has_furniture_;
    if (masked_text) subject = reinterpret_cast<PCRE2_SPTR>(masked(unit, rule.masks).data());
    PCRE2_SIZE length = unit.size();
    // White space outside ASCII is one ASCII space to the patterns, a Unicode hyphen one "-"
    // (see ascii_view.hpp): the search runs in the view's offsets, a match's are mapped back.
    const AsciiView* view = unit_has_stand_in_ ? &unit_view_ : nullptr;
    if (view) {
      const std::string& spaced = view_text(unit, subject, rule.masks);
      subject = reinterpret_cast<PCRE2_SPTR>(spaced.data());
      length = spaced.size();
      if (last_start != PCRE2_UNSET) last_start = view->to_view(static_cast<uint32_t>(last_start));
    }
    // A rule that begins with a lexicon name is tried where a name may begin only.
    const std::vector<uint32_t>* name_starts = nullptr;
    if (rule.name_list >= 0 && options_.use_prefilter) {
      name_starts = &names_in(unit, {reinterpret_cast<const char*>(subject), length}, masked_text, rule.masks, view)[rule.name_list];
    }
    std::size_t next_name = 0;
    // Where the current match's offsets are: PCRE2's match data, or native_ov when the
    // lexicon matcher found it (group 0 and the one capture, if any: the whole match).
    const PCRE2_SIZE* ov = nullptr;
    PCRE2_SIZE native_ov[4] = {};
    const int native_count = pattern.groups.empty() ? 1 : 2;
    // PCRE2's search with `code` from `from`, starting no attempt after `last`.
    const auto search_with = [&](const CompiledPattern& code, PCRE2_SIZE from, PCRE2_SIZE last) {
      if (last != PCRE2_UNSET && from > last) return PCRE2_ERROR_NOMATCH;
      ov = pcre2_get_ovector_pointer(scratch.data());
      return code.match(subject, length, from, scratch.data(), scratch.context(rules_.match_limit, last));
    };
    const auto match_at = [&](PCRE2_SIZE at) {
      if (rule.lexicon_matcher) {
        const auto found = rule.lexicon_matcher->match(subject, length, at);
        if (found.outcome == LexiconMatcher::Outcome::no_match) return PCRE2_ERROR_NOMATCH;
        if (found.outcome == LexiconMatcher::Outcome::match) {
          native_ov[0] = native_ov[2] = at;
          native_ov[1] = native_ov[3] = found.end;
          ov = native_ov;
          return native_count;
        }
      }
      return search_with(pattern, at, PCRE2_UNSET);  // anchored where it is tried: no bound
    };
    auto search = [&](PCRE2_SIZE from) {
      if (rule.name_list < 0) {
        if (!rule.compiled_past_start) return search_with(pattern, from, last_start);
        // One attempt where the search starts, the only place \G holds; then the search goes
        // on without \G, which PCRE2 can skip through (see Rule::compiled_past_start).
        const int rc = search_with(pattern, from, from);
        if (rc != PCRE2_ERROR_NOMATCH || from >= length) return rc;
        return search_with(*rule.compiled_past_start, from + utf8_sequence_length(subject[from]), last_start);
      }
      // Every match begins at a name start: the first place from `from` on where the anchored
      // pattern matches is where the plain pattern's search would find its match.
      if (name_starts) {
        for (; next_name < name_starts->size(); ++next_name) {
          if ((*name_starts)[next_name] < from) continue;
          if (last_start != PCRE2_UNSET && (*name_starts)[next_name] > last_start) break;
          const int rc = match_at((*name_starts)[next_name]);
          if (rc != PCRE2_ERROR_NOMATCH) return rc;
        }
        return PCRE2_ERROR_NOMATCH;
      }
      for (PCRE2_SIZE at = from; at <= length; at += at < length ? utf8_sequence_length(subject[at]) : 1) {
        const int rc = match_at(at);
        if (rc != PCRE2_ERROR_NOMATCH) return rc;
      }
      return PCRE2_ERROR_NOMATCH;
    };
    PCRE2_SIZE start = 0;
    bool any = false;
    while (start <= length) {
      const int rc = search(start);
      if (rc == PCRE2_ERROR_NOMATCH) break;
      if (rc < 0) {
        report_limit(rule, unit, rc);
        trace(r, unit, {}, TraceOutcome::match_limit, pcre2_message(rc));
        return;
      }
      any = true;
      const PCRE2_SIZE* unit_ov = view ? from_view(*view, ov, rc) : ov;
      const Span match{unit.begin + static_cast<uint32_t>(unit_ov[0]), unit.begin + static_cast<uint32_t>(unit_ov[1])};
      build(r, unit, match, unit_ov, rc, groups);
      // The next search starts where this match's text ends: white space a pattern's line
      // break matched at its end stays available to the next match (and to \G lists).
      PCRE2_SIZE end = ov[1];
      while (end > ov[0] && is_ascii_space(static_cast<char>(subject[end - 1]))) --end;
      if (end > ov[0]) {
        start = end;
      } else {
        start = ov[1] + (ov[1] < length ? static_cast<PCRE2_SIZE>(utf8_sequence_length(subject[ov[1]])) : 1);
      }
    }
    if (!any) trace(r, unit, {}, TraceOutcome::no_match, "");
  }

  // The span of named capture `name` in the current match, if it took part.
  std::optional<Span> capture(const CompiledPattern& pattern, const std::string& name, Span unit, const PCRE2_SIZE* ov,
                              int count) const {
    auto it = pattern.groups.find(name);
    if (it == pattern.groups.end()) return std::nullopt;
    return capture(it->second, unit, ov, count);
  }

  // The span of the first of `groups` (the numbers of one name) that took part in the match.
  static std::optional<Span> capture(const std::vector<uint32_t>& groups, Span unit, const PCRE2_SIZE* ov, int count) {
    for (uint32_t group : groups) {
      if (static_cast<int>(group) >= count || ov[2 * group] == PCRE2_UNSET) continue;
      return Span{unit.begin + static_cast<uint32_t>(ov[2 * group]), unit.begin + static_cast<uint32_t>(ov[2 * group + 1])};
    }
    return std::nullopt;
  }

  void build(std::size_t r, Span unit, Span match, const PCRE2_SIZE* ov, int count, std::vector<MatchGroup>& groups) {
    const Rule& rule = rules_.rules[r];
    const CompiledPattern& pattern = *rule.compiled;
    Span span = match;
    if (!rule.span_capture.empty()) {
      if (auto s = capture(pattern, rule.span_capture, unit, ov, count)) span = *s;
    }
    // An annotation never starts or ends with white space (a pattern's line break may match some).
    if (const Span trimmed = trim(text_, span); !trimmed.empty()) span = trimmed;
    // The match's attribute sets (several once a constraint has `each`) are made in storage
    // kept from match to match, room for every attribute the rule may set; only the finished
    // sets are allocated, each at its size.
    std::size_t capacity = rule.attrs.size() + pattern.groups.size();
    for (const auto& constraint : rule.constraints) capacity += 1 + constraint.copy.size();
    partials_.resize(1);
    Partial& base = partials_.front();
    base = rule.attrs;
    base.reserve(capacity);
    for (const auto& [name, numbers] : pattern.written_groups) {
      if (auto s = capture(numbers, unit, ov, count)) base.set(name, std::string(document_.slice(trim(text_, *s))));
    }
    for (const auto& constraint : rule.constraints) {
      auto s = capture(pattern, constraint.capture, unit, ov, count);
      if (!s) continue;  // an optional group that did not take part
      const Span captured = trim(text_, *s);
      std::string failure;
      if (!apply_constraint(constraint, captured, failure)) {
        trace(r, unit, match, TraceOutcome::constraint_failed, failure);
        return;
      }
    }
    MatchGroup group;
    group.span = span;
    group.rule = static_cast<uint32_t>(r);
    group.first = static_cast<uint32_t>(made_.size());
    group.count = static_cast<uint32_t>(partials_.size());
    for (auto& attrs : partials_) made_.push_back(attrs.take_compact());
    if (const std::size_t event = trace(r, unit, match, TraceOutcome::kept, ""); event != SIZE_MAX) {
      group.trace = static_cast<uint32_t>(event);
    }
    groups.push_back(std::move(group));
  }

  // Applies one constraint to every attribute set of the match in partials_ (more of them
  // after it with `each`). Returns false, with the reason in `failure`, when none survives.
  bool apply_constraint(const CaptureConstraint& c, Span captured, std::string& failure) {
    const std::string_view text = document_.slice(captured);
    if (!c.lexicon.empty()) {
      const auto& lexicon = rules_.lexicons.at(c.lexicon);
      const LexiconEntry* entry = lexicon->lookup(text, c.field);
      if (!entry) {
        if (c.required) {
          failure = "capture '" + c.capture + "' = '" + std::string(text) + "' is not a name in lexicon '" + c.lexicon + "'";
          return false;
        }
        return true;
      }
      for (auto& p : partials_) {
        if (c.capture.view().starts_with("_")) continue;  // helper captures are never written
        p.set(c.capture, ActorRef{entry->id, entry->label});
        for (std::size_t k = 0; k < c.copy.size(); ++k) {
          if (const AttrValue* value = entry->attrs.find(c.copy[k])) p.set(c.copied_names[k], *value);
        }
      }
    }
    if (c.annotation.empty()) return true;

    const AnnotationStore& store = document_.annotations();
    std::vector<AnnotationId> found;
    // "actor|self_reference": any of these types, in the order written.
    for (std::string_view type : c.annotation_types()) {
      std::vector<AnnotationId> of_type;
      switch (c.relation) {
        case CaptureRelation::coincide: of_type = store.coinciding(type, captured); break;
        case CaptureRelation::inside: of_type = store.covering(type, captured); break;
        case CaptureRelation::contains: of_type = store.contained(type, captured); break;
      }
      found.insert(found.end(), of_type.begin(), of_type.end());
    }
    // Lists are read in text order.
    if (c.relation == CaptureRelation::contains) {
      std::stable_sort(found.begin(), found.end(),
                       [&](AnnotationId a, AnnotationId b) { return store[a].span.begin < store[b].span.begin; });
    }
    // Annotations without the attribute to take cannot give the role its value.
    if (!c.take.empty()) {
      found.erase(std::remove_if(found.begin(), found.end(), [&](AnnotationId id) { return !store[id].attrs.has(c.take); }),
                  found.end());
    }
    if (found.empty()) {
      if (c.required) {
        failure = "capture '" + c.capture + "' = '" + std::string(text) + "' does not " +
                  (c.relation == CaptureRelation::coincide ? "coincide with"
                   : c.relation == CaptureRelation::inside ? "lie inside"
                                                           : "contain") +
                  " an annotation of type '" + c.annotation + "'";
        return false;
      }
      return true;
    }
    if (!c.each) {
      for (auto& p : partials_) take_from(c, store[found.front()], p);
      return true;
    }
    // What a list names twice is one item: "the Non-Proliferation and Disarmament Initiative
    // (NPDI)" is one group, not two.
    if (!c.take.empty()) {
      std::vector<AnnotationId> distinct;
      for (AnnotationId id : found) {
        const AttrValue& value = *store[id].attrs.find(c.take);
        if (std::none_of(distinct.begin(), distinct.end(),
                         [&](AnnotationId d) { return same_item(*store[d].attrs.find(c.take), value); }))
          distinct.push_back(id);
      }
      found = std::move(distinct);
    }
    std::vector<Partial> out;
    for (const auto& p : partials_) {
      for (AnnotationId id : found) {
        Partial next = p;
        take_from(c, store[id], next);
        out.push_back(std::move(next));
      }
    }
    partials_ = std::move(out);
    return true;
  }

  // Whether two values a list takes are the same item: actors by their id (an acronym and the
  // full name are the same group), other values whole.
  static bool same_item(const AttrValue& a, const AttrValue& b) {
    const auto* actor_a = std::get_if<ActorRef>(&a);
    const auto* actor_b = std::get_if<ActorRef>(&b);
    if (actor_a && actor_b) return actor_a->id == actor_b->id;
    return a == b;
  }

  // What constraint `c` takes from the annotation `a` it found into the attribute set `p`.
  void take_from(const CaptureConstraint& c, const Annotation& a, Partial& p) const {
    // Without `take` the constraint only checks, and the role keeps the captured text; with
    // `each`, every contained annotation gives its own text. Helper captures (_name) are
    // never written.
    if (!c.take.empty()) p.set(c.capture, *a.attrs.find(c.take));
    else if (c.each) p.set(c.capture, std::string(document_.slice(a.span)));
    for (std::size_t k = 0; k < c.copy.size(); ++k) {
      if (const AttrValue* value = a.attrs.find(c.copy[k])) p.set(c.copied_names[k], *value);
    }
    if (c.capture.view().starts_with("_")) {
      p.erase(c.capture);
      for (std::size_t k = 0; k < c.copy.size(); ++k) p.erase(c.copied_names[k]);
    }
  }

  OverlapPolicy policy_of(const std::string& type) const {
    auto it = rules_.types.find(type);
    return it != rules_.types.end() && it->second.overlap ? *it->second.overlap : rules_.overlap;
  }

  void resolve_and_add(std::vector<MatchGroup>& groups) {
    const auto& rules = rules_.rules;
    // Per rule, once: the rank of its type's name and the type's overlap policy.
    std::vector<std::string_view> type_names;
    for (const auto& rule : rules) type_names.push_back(rule.type);
    std::sort(type_names.begin(), type_names.end());
    type_names.erase(std::unique(type_names.begin(), type_names.end()), type_names.end());
    std::vector<std::size_t> type_of(rules.size());
    std::vector<OverlapPolicy> policy_of_rule(rules.size());
    for (std::size_t r = 0; r < rules.size(); ++r) {
      type_of[r] = static_cast<std::size_t>(std::lower_bound(type_names.begin(), type_names.end(), rules[r].type) - type_names.begin());
      policy_of_rule[r] = policy_of(rules[r].type);
    }
    auto length = [](const MatchGroup& g) { return g.span.size(); };
    auto priority = [&](const MatchGroup& g) { return rules[g.rule].priority; };
    // Groups compete only with groups of the same type, under that type's policy.
    std::stable_sort(groups.begin(), groups.end(), [&](const MatchGroup& a, const MatchGroup& b) {
      if (type_of[a.rule] != type_of[b.rule]) return type_of[a.rule] < type_of[b.rule];
      switch (policy_of_rule[a.rule]) {
        case OverlapPolicy::keep_all:
        case OverlapPolicy::first:
          if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
          if (length(a) != length(b)) return length(a) > length(b);
          if (priority(a) != priority(b)) return priority(a) > priority(b);
          return a.rule < b.rule;
        case OverlapPolicy::longest:
          if (length(a) != length(b)) return length(a) > length(b);
          if (priority(a) != priority(b)) return priority(a) > priority(b);
          if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
          return a.rule < b.rule;
        case OverlapPolicy::priority:
          if (priority(a) != priority(b)) return priority(a) > priority(b);
          if (length(a) != length(b)) return length(a) > length(b);
          if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
          return a.rule < b.rule;
      }
      return false;
    });
    // Accepted spans per type, as begin -> (end, rule) without overlaps.
    // (Their nodes come from one arena, released at once: no allocation per accepted match.)
    std::pmr::monotonic_buffer_resource arena;
    std::vector<Taken> accepted;
    accepted.reserve(type_names.size());
    for (std::size_t t = 0; t < type_names.size(); ++t) accepted.emplace_back(&arena);
    for (auto& group : groups) {
      auto& taken = accepted[type_of[group.rule]];
      const OverlapPolicy policy = policy_of_rule[group.rule];
      if (policy != OverlapPolicy::keep_all) {
        const std::size_t winner = overlapping(taken, group.span);
        if (winner != SIZE_MAX) {
          if (group.trace != MatchGroup::kNoTrace) {
            auto& event = (*options_.trace)[group.trace];
            event.outcome = TraceOutcome::dropped_by_overlap;
            event.detail = "overlaps a match of rule '" + rules[winner].id + "' (overlap policy: " +
                           std::string(to_string(policy)) + ")";
          }
          continue;
        }
        taken.emplace(group.span.begin, std::make_pair(group.span.end, group.rule));
      }
      const Rule& rule = rules[group.rule];
      if (rule.block) continue;  // it has kept the shorter matches out: that is all it does
      for (uint32_t k = group.first; k < group.first + group.count; ++k) {
        document_.annotations().add({rule.type, group.span, rule.id, options_.annotator, std::move(made_[k])});
      }
    }
  }

  // The rule of an accepted span that overlaps `span`, or SIZE_MAX.
  static std::size_t overlapping(const Taken& taken, Span span) {
    auto next = taken.lower_bound(span.begin);
    if (next != taken.end() && next->first < std::max(span.end, span.begin + 1)) return next->second.second;
    if (next != taken.begin()) {
      auto previous = std::prev(next);
      if (previous->second.first > span.begin) return previous->second.second;
    }
    return SIZE_MAX;
  }

  // Where the names of each of the rule set's name lists may begin in `subject`, the unit's
  // text as a rule with `masks` sees it (masked or not, in the view or not): found once for all
  // the rules that begin with names.
  const std::vector<std::vector<uint32_t>>& names_in(Span unit, std::string_view subject, bool masked_text,
                                                     const std::vector<std::size_t>& masks, const AsciiView* view) {
    if (unit != names_unit_ || masked_text != names_masked_ || (masked_text && masks != names_masks_)) {
      // The unmasked text's names come from the pipeline's one pass over the document if it
      // can, in the view at their offsets there.
      if (!masked_text && SharedScan::names_for(rules_, text_, unit, names_)) {
        if (view) {
          for (auto& starts : names_) {
            for (uint32_t& start : starts) start = view->to_view(start);
          }
        }
      } else {
        rules_.name_starts()->find(subject, names_);
      }
      names_unit_ = unit;
      names_masked_ = masked_text;
      names_masks_ = masks;
    }
    return names_;
  }

  // The match's offsets `ov` (`count` pairs, as pcre2_match returned it) in the view, mapped
  // to the unit's text.
  const PCRE2_SIZE* from_view(const AsciiView& view, const PCRE2_SIZE* ov, int count) {
    const std::size_t pairs = count > 0 ? static_cast<std::size_t>(count) : MatchScratch::kPairs;
    mapped_ov_.assign(ov, ov + 2 * pairs);
    for (PCRE2_SIZE& offset : mapped_ov_) {
      if (offset != PCRE2_UNSET) offset = view.from_view(static_cast<uint32_t>(offset));
    }
    return mapped_ov_.data();
  }

  // The view of `subject`, the unit's text as a rule with `masks` sees it (see masked()):
  // made once per unit for each set of masks.
  const std::string& view_text(Span unit, const unsigned char* subject, const std::vector<std::size_t>& masks) {
    for (const auto& [with, spaced] : view_texts_) {
      if (with == masks) return spaced;
    }
    auto& [with, spaced] = view_texts_.emplace_back(masks, std::string());
    unit_view_.make({reinterpret_cast<const char*>(subject), unit.size()}, spaced);
    return spaced;
  }

  // The page furniture that overlaps `unit` (furniture lines never overlap each other).
  auto furniture_in(Span unit) const { return spans_overlapping(furniture_, unit); }

  bool has_furniture(Span unit) const {
    const auto [first, last] = furniture_in(unit);
    return first != last;
  }

  // The unit's text with the annotations of the given mask types overwritten by their mask
  // bytes (see RuleSet::masks). Cached for consecutive rules with the same masks.
  const std::string& masked(Span unit, const std::vector<std::size_t>& masks) {
    if (unit == masked_unit_ && masks == masked_types_) return masked_text_;
    masked_unit_ = unit;
    masked_types_ = masks;
    masked_text_.assign(text_.substr(unit.begin, unit.size()));
    // Bytes that could be taken for mask bytes are blanked first (eight at a time are skipped
    // while none is a control character).
    for (std::size_t i = 0; i < masked_text_.size(); i += 8) {
      if (i + 8 <= masked_text_.size() && !bytes::any_below(bytes::load8(masked_text_.data() + i), 0x20)) continue;
      for (std::size_t k = i; k < std::min(i + 8, masked_text_.size()); ++k) {
        const auto u = static_cast<unsigned char>(masked_text_[k]);
        if (u < 0x20 && (u < 0x09 || u > 0x0D)) masked_text_[k] = ' ';
      }
    }
    // Page furniture (running heads inside a sentence) reads as white space.
    const auto [first, last] = furniture_in(unit);
    for (auto it = first; it != last; ++it) {
      const Span s = *it;
      const uint32_t from = std::max(s.begin, unit.begin), to = std::min(s.end, unit.end);
      std::fill(masked_text_.begin() + (from - unit.begin), masked_text_.begin() + (to - unit.begin), ' ');
    }
    for (std::size_t k : masks) {
      document_.annotations().contained(rules_.masks[k], unit, mask_ids_);
      for (AnnotationId id : mask_ids_) {
        const Span s = document_.annotations()[id].span;
        if (s.empty()) continue;
        masked_text_[s.begin - unit.begin] = RuleSet::mask_lead(k);
        std::fill(masked_text_.begin() + (s.begin - unit.begin) + 1, masked_text_.begin() + (s.end - unit.begin),
                  RuleSet::mask_fill(k));
      }
    }
    return masked_text_;
  }

  void report_limit(const Rule& rule, Span unit, int rc) {
    const LineColumn where = document_.lines().locate(unit.begin);
    auto& d = document_.problems().error(
        "M001", "rule '" + rule.id + "' stopped at line " + std::to_string(where.line) + ": " + pcre2_message(rc),
        {document_.name(), where.line, where.column});
    d.notes.push_back("the rule's pattern backtracks too much on this text; simplify it (nested quantifiers?) or raise match_limit");
  }

  // Called for every rule and unit: the check is inline, the recording out of line, and the
  // detail a view, so that untraced runs (nearly all of them) make no string.
  std::size_t trace(std::size_t r, Span unit, Span match, TraceOutcome outcome, std::string_view detail) {
    return options_.trace ? record(r, unit, match, outcome, detail) : SIZE_MAX;
  }
  [[gnu::noinline]] std::size_t record(std::size_t r, Span unit, Span match, TraceOutcome outcome, std::string_view detail) {
    options_.trace->push_back({rules_.rules[r].id, unit, match, outcome, std::string(detail)});
    return options_.trace->size() - 1;
  }

  const RuleSet& rules_;
  Document& document_;
  const ApplyOptions& options_;
  std::string_view text_;
  const std::vector<Prefilter::Hit>* hits_ = nullptr;  // the trigger words in the text
  std::vector<Prefilter::Hit> own_hits_;                // when no pipeline scan has them
  std::vector<Attributes> made_;              // the attributes of the stage's matches' annotations
  std::vector<Partial> partials_;             // the current match's, see build()
  std::vector<std::vector<uint32_t>> names_;  // see names_in()
  Span names_unit_{UINT32_MAX, 0};
  bool names_masked_ = false;
  std::vector<std::size_t> names_masks_;
  bool unit_has_furniture_ = false;
  std::vector<Span> furniture_;  // the document's page furniture, in text order
  Span masked_unit_{UINT32_MAX, 0};
  std::vector<std::size_t> masked_types_;
  std::string masked_text_;
  std::vector<AnnotationId> mask_ids_;  // see masked()
  const std::vector<uint32_t>* stand_ins_ = nullptr;  // the document's, see Document::ascii_stand_ins()
  bool unit_has_stand_in_ = false;
  AsciiView unit_view_;  // the current unit's stand-ins, if it has any
  std::vector<std::pair<std::vector<std::size_t>, std::string>> view_texts_;  // see view_text()
  std::vector<PCRE2_SIZE> mapped_ov_;  // see from_view()
};

}  // namespace

void apply_rules(const RuleSet& rules, Document& document, const ApplyOptions& options) {
  RuleRunner(rules, document, options).run();
}

}  // namespace caucus
