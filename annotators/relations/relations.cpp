#include "relations/relations.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "caucus/text.hpp"
#include "common/actor_mention.hpp"

namespace caucus::annotators {
namespace {

// True if `word` is one of the words of `text` (split at anything but a letter).
bool has_word(std::string_view text, std::string_view word) {
  std::size_t at = 0;
  while ((at = text.find(word, at)) != std::string_view::npos) {
    const std::size_t end = at + word.size();
    const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
    const bool ends = end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
    if (!word.empty() && starts && ends) return true;
    at = end;
  }
  return false;
}

// "The Group condemns ...": a group_mention in a speech delivered for a group whose name has
// the mention's head word ("Group" in "Group of 77 and China", "Movement" in "Non-Aligned
// Movement") is a self_reference to that group, as "we" is to the speaker's actor.
template <typename DeliveredFor>
std::vector<Annotation> group_references(const Document& document, DeliveredFor& delivered_for, Name annotator) {
  const AnnotationStore& store = document.annotations();
  std::vector<Annotation> out;
  for (AnnotationId id : store.of_type("group_mention")) {
    const Annotation& mention = store[id];
    const int speech = document.speech_at(mention.span.begin);
    if (speech < 0 || document.speeches()[static_cast<std::size_t>(speech)].header.contains(mention.span)) continue;
    const std::optional<ActorRef> group = delivered_for(speech);
    if (!group || !has_word(group->label, mention.attrs.text("head"))) continue;
    Annotation reference{"self_reference", mention.span, mention.rule, annotator, {}};
    reference.attrs.set("actor", *group);
    reference.attrs.set("form", mention.attrs.text("form"));
    out.push_back(std::move(reference));
  }
  return out;
}

// The group named by its kind just before `span` ("The Group aligns itself ...", "Our Movement
// fully associates itself ..."): the declaration's subject, which the rules could not read as
// an actor. Between the mention and the declaration only words may stand ("also", "fully").
const Annotation* group_subject_before(const Document& document, const std::vector<Annotation>& references, Span span) {
  for (const Annotation& reference : references) {
    if (reference.span.end > span.begin || span.begin - reference.span.end > 40) continue;
    const std::string_view between = document.slice({reference.span.end, span.begin});
    if (std::all_of(between.begin(), between.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || std::isspace(static_cast<unsigned char>(c)); })) {
      return &reference;
    }
  }
  return nullptr;
}

// True if a relation with a source of its own (from the rules) overlaps `a`, a relation without
// one, with the same target: "On behalf of the African Group, the representative of Egypt
// said" names who speaks for the group, and the shorter "On behalf of the African Group" is
// not the speaker's then; nor is "we echo much of what was just presented by Portugal on behalf
// of the ACT Group". (Sources this annotator supplied carry `source_from`.)
bool source_named_around(const AnnotationStore& store, const std::string& type, const Annotation& a) {
  const ActorRef* target = a.attrs.actor("target");
  if (!target) return false;
  for (AnnotationId id : store.overlapping(type, a.span)) {
    const Annotation& other = store[id];
    const ActorRef* other_target = other.attrs.actor("target");
    if (&other == &a || !other.attrs.actor("source") || other.attrs.has("source_from") || !other_target) continue;
    if (other_target->id == target->id && other.attrs.text("relation") == a.attrs.text("relation")) return true;
  }
  return false;
}

// True if `a`, a relation without a source, lies inside a reference to a statement that begins
// before it: "align ourselves with the statement made by the representative of South Africa
// speaking on behalf of the G77" says whom that statement's deliverer speaks for, not the
// speaker. (The speaker's own "I make this statement on behalf of ..." begins before its
// reference; nor is a reference that holds the speech's own heading, `own_header`: "Statement
// by NAME, Permanent Representative of Cuba ..., in his capacity as Chair of the Coordinating
// Bureau of the Non-Aligned Movement" says whom the speaker speaks for.)
bool inside_statement_reference(const AnnotationStore& store, const Annotation& a, Span own_header) {
  for (AnnotationId id : store.covering("statement_ref", a.span)) {
    const Span reference = store[id].span;
    const bool own_heading = !own_header.empty() && reference.contains(own_header);
    if (reference.begin < a.span.begin && !own_heading) return true;
  }
  return false;
}

// True if the match that made `a` also speaks for `group`: "I have the honour to make this
// statement on behalf of both the Vienna Chapter of the Non-Aligned Movement and the Group of
// 77 & China" names the groups spoken for, and the speech's actor, the first of them (no
// speaker named), delivers for none of the others.
bool match_speaks_for(const AnnotationStore& store, const std::string& type, const Annotation& a,
                      const std::string& group) {
  for (AnnotationId id : store.coinciding(type, a.span)) {
    const Annotation& other = store[id];
    const ActorRef* target = other.attrs.actor("target");
    if (other.rule == a.rule && other.attrs.text("relation") == "speaks_for" && target && target->id == group)
      return true;
  }
  return false;
}

// A press release's lead summarises statements its later paragraphs give again: "The
// representative of Saint Vincent and the Grenadines, speaking for the L.69 group, said ..."
// above "NEDRA P. MIGUEL (Saint Vincent and the Grenadines), speaking on behalf of the L.69
// group, said ...". One statement, so one relation: a relation of a turn is dropped when a later
// turn of the same actor, under another name for the speaker, states it again. (The same name
// twice is a delegate speaking twice, at two meetings the release covers: two statements.)
void drop_lead_repeats(Document& document, const std::string& type) {
  const auto kind = document.meta().find("kind");
  if (kind == document.meta().end() || kind->second != "press_release") return;
  AnnotationStore& store = document.annotations();
  const auto& speeches = document.speeches();
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, std::vector<std::pair<AnnotationId, int>>> stated;  // in text order
  for (AnnotationId id : store.of_type(type)) {
    const Annotation& a = store[id];
    const ActorRef* source = a.attrs.actor("source");
    const ActorRef* target = a.attrs.actor("target");
    const int speech = document.speech_at(a.span.begin);
    if (!source || !target || speech < 0) continue;
    stated[{a.attrs.text("relation"), source->id.str(), target->id.str()}].emplace_back(id, speech);
  }
  std::vector<AnnotationId> drop;
  for (const auto& entry : stated) {
    const auto& places = entry.second;  // (not a structured binding: clang's lambdas cannot capture one)
    for (std::size_t i = 0; i < places.size(); ++i) {
      const Speech& lead = speeches[static_cast<std::size_t>(places[i].second)];
      const bool said_again =
          std::any_of(places.begin() + static_cast<std::ptrdiff_t>(i) + 1, places.end(), [&](const auto& later) {
            const Speech& turn = speeches[static_cast<std::size_t>(later.second)];
            return later.second > places[i].second && turn.actor.id == lead.actor.id && !lead.actor.id.empty() &&
                   lower_ascii(turn.speaker) != lower_ascii(lead.speaker);
          });
      if (said_again) drop.push_back(places[i].first);
    }
  }
  store.remove(std::move(drop));
}

}  // namespace

bool RelationsAnnotator::configure(const Config& config, Diagnostics& diagnostics) {
  type_ = config.string("type", diagnostics).value_or("alignment");
  if (config.has("office_targets")) {
    for (const auto& id : config.strings("office_targets", diagnostics)) office_targets_.insert(id);
  }
  return true;
}

void RelationsAnnotator::annotate(Document& document) const {
  AnnotationStore& store = document.annotations();
  const std::vector<AnnotationId> ids = store.of_type(type_);
  const auto& speeches = document.speeches();

  // True if the actor mention of `id` inside `span` is a group or an organisation.
  auto is_group = [&](Span span, const std::string& id) {
    const Annotation* mention = actor_mention(store, span, id);
    return mention && mention->attrs.text("actor_type") != "state";
  };

  // The memberships the document states ("on behalf of the Nordic countries: Denmark, Finland,
  // ..."): (member, group).
  std::set<std::pair<std::string, std::string>> stated_members;
  for (AnnotationId id : ids) {
    const Annotation& a = store[id];
    const ActorRef* source = a.attrs.actor("source");
    const ActorRef* target = a.attrs.actor("target");
    if (a.attrs.text("relation") == "member_of" && source && target)
      stated_members.emplace(source->id.str(), target->id.str());
  }

  // The group a speech is delivered for: its speaks_for target if it names a group, else its actor.
  // Once per speech: the targets set below are this same value, so it never changes.
  std::map<int, std::optional<ActorRef>> delivered;
  auto find_delivered_for = [&](int speech) -> std::optional<ActorRef> {
    const Speech& s = speeches[static_cast<std::size_t>(speech)];
    for (AnnotationId id : ids) {
      const Annotation& a = store[id];
      if (a.attrs.text("relation") != "speaks_for" || !s.span.contains(a.span)) continue;
      // (Another delegation's, said again in the speech, is not the speech's group: "the
      // statements made by ..., El Salvador on behalf of CELAC and ...".)
      if (inside_statement_reference(store, a, s.header)) continue;
      const ActorRef* target = a.attrs.actor("target");
      if (target && is_group(a.span, target->id)) return *target;
    }
    if (s.actor.id.empty()) return std::nullopt;
    return s.actor;
  };
  auto delivered_for = [&](int speech) -> std::optional<ActorRef> {
    if (speech < 0) return std::nullopt;
    auto [it, inserted] = delivered.try_emplace(speech);
    if (inserted) it->second = find_delivered_for(speech);
    return it->second;
  };

  // "The Group condemns ...": self_references to the group a speech is delivered for.
  std::vector<Annotation> references = group_references(document, delivered_for, name());

  // "I speak on behalf of the least developed countries. We align ourselves with the statement
  // of the Group of 77": the "we" of a statement delivered for a group is the group as much as
  // the speaker's State, so the group aligns too (the State's relation stays). So does an "I"
  // or an alignment without a subject ("I have the honour to speak on behalf of AOSIS, and
  // align with ..."), whose source is the speaker. The group of such an alignment, if its
  // speech is delivered for one and has not turned to the speaker's "national capacity" before it.
  // True if the speech turned to the speaker's "national capacity" before `a`.
  auto turned_national = [&](const Annotation& a, int speech) {
    const Span before{speeches[static_cast<std::size_t>(speech)].span.begin, a.span.begin};
    return document.slice(before).find("national capacity") != std::string_view::npos;
  };
  auto group_aligning_too = [&](const Annotation& a, int speech) -> std::optional<ActorRef> {
    if (speech < 0 || a.attrs.text("relation") != "aligns_with") return std::nullopt;
    const AnnotationId self = store.at("self_reference", a.span.begin);
    const bool opens_with_self = self != kNoAnnotation && store[self].span.begin == a.span.begin;
    const std::string form = opens_with_self ? store[self].attrs.text("form") : std::string();
    const bool speaker_supplied = a.attrs.text("source_from") == "speaker";
    if (form != "We" && form != "we" && form != "I" && !speaker_supplied) return std::nullopt;
    if (turned_national(a, speech)) return std::nullopt;
    // (A release's "speaking on behalf of the Arab Group and associating himself with the
    // Non-Aligned Movement" is the delegate's own alignment, not the group's.)
    const std::string_view words = document.slice(a.span);
    if (words.find("himself") != std::string_view::npos || words.find("herself") != std::string_view::npos)
      return std::nullopt;
    return delivered_for(speech);
  };
  // The converse: "AOSIS associates itself fully with the statement of the Group of 77" in a
  // statement the speaker's State delivers for AOSIS: the State aligns as the group does (as
  // with "we"), unless the speech has turned to its national part.
  auto speaker_of_group = [&](const Annotation& a, int speech) -> std::optional<ActorRef> {
    // (The group named, or "The Group" for it: not a source the code supplied.)
    const std::string from = a.attrs.text("source_from");
    if (speech < 0 || a.attrs.text("relation") != "aligns_with" || (!from.empty() && from != "group_mention")) return std::nullopt;
    const auto group = delivered_for(speech);
    const ActorRef* source = a.attrs.actor("source");
    const ActorRef& speaker = speeches[static_cast<std::size_t>(speech)].actor;
    if (!group || !source || source->id != group->id || speaker.id.empty() || speaker.id == group->id) return std::nullopt;
    if (turned_national(a, speech)) return std::nullopt;
    return speaker;
  };
  std::vector<std::pair<Annotation, int>> group_alignments;  // added once the ids are done with
  auto header_of = [&](int speech) { return speech < 0 ? Span{} : speeches[static_cast<std::size_t>(speech)].header; };

  std::vector<AnnotationId> drop;
  std::set<std::tuple<std::string, std::string, std::string, int>> seen;       // in a speech
  std::set<std::tuple<std::string, std::string, std::string>> seen_in_speeches;  // anywhere in a speech
  std::vector<AnnotationId> outside;
  std::vector<std::pair<AnnotationId, int>> introductions;  // a President's introductions, by speech
  for (AnnotationId id : ids) {
    Annotation& a = store.mutable_at(id);
    const int speech = document.speech_at(a.span.begin);
    if (!a.attrs.actor("source") &&
        (source_named_around(store, type_, a) ||
         (a.attrs.text("relation") == "speaks_for" && inside_statement_reference(store, a, header_of(speech))))) {
      drop.push_back(id);
      continue;
    }
    if (!a.attrs.actor("source")) {
      if (const Annotation* group = group_subject_before(document, references, a.span)) {
        a.attrs.set("source", *group->attrs.actor("actor"));
        a.attrs.set("source_from", std::string("group_mention"));
      } else if (speech >= 0 && !speeches[static_cast<std::size_t>(speech)].actor.id.empty()) {
        const ActorRef& speaker = speeches[static_cast<std::size_t>(speech)].actor;
        if (a.attrs.text("relation") == "speaks_for" && is_group(a.span, speaker.id.str()) &&
            match_speaks_for(store, type_, a, speaker.id.str())) {
          drop.push_back(id);
          continue;
        }
        // A group's own statement "on behalf of Denmark, Finland, Iceland, Norway and Sweden"
        // names its members, as the document says they are: a group speaks for none of its own.
        const ActorRef* target = a.attrs.actor("target");
        if (a.attrs.text("relation") == "speaks_for" && target &&
            stated_members.count({target->id.str(), speaker.id.str()})) {
          drop.push_back(id);
          continue;
        }
        a.attrs.set("source", speaker);
        a.attrs.set("source_from", std::string("speaker"));
      } else if (auto group = a.attrs.text("relation") == "aligns_with" ? delivered_for(speech) : std::nullopt) {
        // A group's statement whose speaker is not named ("I have the honour to speak on behalf
        // of AOSIS. We align ourselves with ..."): the group aligns.
        a.attrs.set("source", *group);
        a.attrs.set("source_from", std::string("speech_group"));
      }
    }
    if (!a.attrs.actor("target")) {
      if (auto group = delivered_for(speech)) {
        a.attrs.set("target", *group);
        a.attrs.set("target_from", std::string("speech"));
      }
    }
    const ActorRef* source = a.attrs.actor("source");
    const ActorRef* target = a.attrs.actor("target");
    // (A President's "on behalf of the Council, I pay tribute to ..." speaks by office.)
    if (!source || !target || source->id == target->id || office_targets_.count(target->id.str())) {
      drop.push_back(id);
      continue;
    }
    const std::string relation = a.attrs.text("relation");
    if (speech < 0) {
      outside.push_back(id);
      continue;
    }
    if (!seen.emplace(relation, source->id, target->id, speech).second) {
      drop.push_back(id);
      continue;
    }
    seen_in_speeches.emplace(relation, source->id, target->id);
    if (a.attrs.text("introduction") == "next_speaker") introductions.emplace_back(id, speech);
    if (auto group = group_aligning_too(a, speech); group && group->id != source->id && group->id != target->id) {
      Annotation by_group{a.type, a.span, a.rule, a.annotator, a.attrs};
      by_group.attrs.set("source", *group);
      by_group.attrs.set("source_from", std::string("speech_group"));
      group_alignments.emplace_back(std::move(by_group), speech);
    }
    if (auto state = speaker_of_group(a, speech); state && state->id != target->id) {
      Annotation by_speaker{a.type, a.span, a.rule, a.annotator, a.attrs};
      by_speaker.attrs.set("source", *state);
      by_speaker.attrs.set("source_from", std::string("speaker"));
      group_alignments.emplace_back(std::move(by_speaker), speech);
    }
  }
  // "I give the floor to the representative of Barbados, who will speak on behalf of the
  // Caribbean Community": the same statement as the speaker's own "I speak on behalf of ...",
  // if the next speech makes it; the President's words stand for it only if it does not.
  for (const auto& [id, speech] : introductions) {
    const Annotation& a = store[id];
    const std::size_t next = static_cast<std::size_t>(speech) + 1;
    if (next < speeches.size() && speeches[next].actor.id == a.attrs.actor("source")->id &&
        seen.count({a.attrs.text("relation"), a.attrs.actor("source")->id, a.attrs.actor("target")->id, static_cast<int>(next)})) {
      drop.push_back(id);
    }
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen_outside;
  for (AnnotationId id : outside) {
    const Annotation& a = store[id];
    const auto key = std::make_tuple(a.attrs.text("relation"), a.attrs.actor("source")->id, a.attrs.actor("target")->id);
    if (seen_in_speeches.count(key) || !seen_outside.insert(key).second) drop.push_back(id);
  }
  store.remove(std::move(drop));
  for (auto& [a, speech] : group_alignments) {
    if (seen.emplace(a.attrs.text("relation"), a.attrs.actor("source")->id, a.attrs.actor("target")->id, speech).second) {
      store.add(std::move(a));
    }
  }
  for (auto& a : references) store.add(std::move(a));
  drop_lead_repeats(document, type_);
}

}  // namespace caucus::annotators
