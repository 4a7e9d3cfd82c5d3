// SpeechBuilder's run: the document's metadata and facts, the kind of document, then its
// speeches and the self-references that stand for their speakers.
#include "speeches/speech_builder.hpp"

#include <algorithm>
#include <map>

#include "caucus/summary.hpp"
#include "caucus/text.hpp"
#include "common/actor_mention.hpp"
#include "common/document_kind.hpp"
#include "common/text_match.hpp"
#include "speeches/office_before_name.hpp"
#include "speeches/offices.hpp"

namespace caucus::annotators {

std::string last_word(std::string_view name) {
  const auto trim = [](std::string_view& n) {
    while (!n.empty() && (n.back() == ' ' || n.back() == '.' || n.back() == ',')) n.remove_suffix(1);
  };
  trim(name);
  auto space = name.find_last_of(" \t\r\n");  // a name may be broken across lines
  if (space != std::string_view::npos && name.substr(space + 1).find_first_not_of("IVX") == std::string_view::npos) {
    name = name.substr(0, space);
    trim(name);
    space = name.find_last_of(" \t\r\n");
  }
  return std::string(space == std::string_view::npos ? name : name.substr(space + 1));
}

std::string without_full_stop(std::string name) {
  const auto space = name.find_last_of(' ');
  const std::size_t last_word = name.size() - (space == std::string::npos ? 0 : space + 1);
  if (name.ends_with('.') && last_word > 4) name.pop_back();
  return name;
}

void SpeechBuilder::run(bool self_references) {
  read_metadata();
  read_document_facts();
  read_headers();
  const std::string kind = classify();
  document_.meta()["kind"] = kind;
  if (kind == "verbatim_record") {
    read_members();
    verbatim_speeches();
    read_votes();
  } else if (kind == "press_release" || kind == "summary_record") {
    summarised_speeches(kind);
    if (kind == "press_release") name_office_holders();
  } else {
    single_speech();
  }
  presiding_officers_by_state();
  static const Name kSpeech("speech"), kSpeaker("speaker"), kActor("actor"), kRole("role"),
      kMode("mode");  // interned once
  for (std::size_t i = 0; i < document_.speeches().size(); ++i) {
    const Speech& speech = document_.speeches()[i];
    Annotation a{kSpeech, speech.span, {}, {}, {}};
    a.attrs.reserve(4);
    a.attrs.set(kSpeaker, speech.speaker);
    if (!speech.actor.id.empty()) a.attrs.set(kActor, speech.actor);
    a.attrs.set(kRole, speech.role);
    a.attrs.set(kMode, speech.mode);
    store_.add(std::move(a));
  }
  if (self_references) add_self_references();
}

void SpeechBuilder::read_metadata() {
  // (A `fallback` value, a statement's dated line, counts only where no other gives the key.)
  std::vector<AnnotationId> metadata = store_.of_type("document_meta");
  std::stable_partition(metadata.begin(), metadata.end(),
                        [&](AnnotationId id) { return !store_[id].attrs.has("fallback"); });
  for (AnnotationId id : metadata) {
    const Annotation& a = store_[id];
    const std::string key = a.attrs.text("key");
    // (A release's label, "Press Release", says less than its coverage line or dateline: either
    // replaces it.)
    const auto known = document_.meta().find(key);
    if (key.empty() || (known != document_.meta().end() && !(key == "coverage" && known->second == "label"))) continue;
    std::string value = a.attrs.text("value");
    if (key == "symbol") value = compact_symbol(value);  // a scan's "S/ PV.8548" is S/PV.8548
    document_.meta()[key] = value;
  }
  for (AnnotationId id : store_.of_type("presidency")) {
    const Annotation& a = store_[id];
    const ActorRef* actor = a.attrs.actor("actor");
    if (!actor) continue;
    const std::string source = a.attrs.text("source");
    if (source == "cover") {
      if (presidency_.id.empty()) presidency_ = *actor;
      if (cover_.empty()) cover_ = a.span;
    } else if (source == "thanked") {
      thanked_.push_back(*actor);
    } else if (source == "acting") {
      acting_chairs_.emplace_back(a.span.begin, *actor);
    } else {
      national_capacity_.emplace_back(a.span.begin, *actor);
    }
  }
  // The symbol names the body: a record's where its cover lost the body's name, and a release's
  // always, since its first paragraph may open with another body's ("Security Council
  // enlargement ..." in GA/9374, a release of the Assembly).
  const std::string symbol = meta("symbol");
  const std::string_view body = body_of_symbol(symbol);
  const bool release = document_kind(symbol) == "press_release";
  if (!body.empty() && (release || !document_.meta().count("body"))) document_.meta()["body"] = std::string(body);
  if (presidency_.id.empty() && !national_capacity_.empty()) presidency_ = national_capacity_.front().second;
  if (presidency_.id.empty()) presidency_ = most_thanked();
  if (!presidency_.id.empty() && !general_assembly()) document_.meta()["presidency"] = presidency_.id;
}

// The State the members thank for its presidency ("We thank the Polish presidency for
// convening ..."): twice at least, and more often than any other.
ActorRef SpeechBuilder::most_thanked() const {
  std::map<std::string, int> votes;
  for (const ActorRef& actor : thanked_) ++votes[actor.id];
  int best = 0, runner_up = 0;
  std::string chosen;
  for (const auto& [id, count] : votes) {
    runner_up = std::max(runner_up, std::min(best, count));  // the lower of this and the best so far
    if (count > best) {
      best = count;
      chosen = id;
    }
  }
  if (best < 2 || best == runner_up) return {};
  return *std::find_if(thanked_.begin(), thanked_.end(), [&](const ActorRef& a) { return a.id == chosen; });
}

std::string SpeechBuilder::meta(const std::string& key) const {
  auto it = document_.meta().find(key);
  return it == document_.meta().end() ? std::string() : it->second;
}

// The actor a speaker line gives its speaker: not the Organization a mission is accredited to,
// the only actor left in "Counsellor of the Mission of the State of Palestina to the United
// Nations" when the State's name is misspelt.
const ActorRef* SpeechBuilder::own_country(const Annotation& header) const {
  const ActorRef* country = header.attrs.actor("country");
  if (!country || country->id != kUnitedNations.id) return country;
  const Annotation* mention = actor_mention(store_, header.span, kUnitedNations.id);
  if (!mention) return country;
  const std::string_view before = text().substr(header.span.begin, mention->span.begin - header.span.begin);
  return ends_with_any(before, {" to the ", " TO THE "}) ? nullptr : country;
}

void SpeechBuilder::read_headers() {
  for (AnnotationId id : store_.of_type("speaker_header")) {
    const Annotation& a = store_[id];
    // The cover's "The President: Mr. D'Escoto Brockmann (Nicaragua)" opens no speech.
    if (cover_.contains(a.span)) continue;
    // (A name broken across lines, or rejoined from "Gon-\nzalez", reads on one line; an office
    // is read in plain punctuation, "Secretary\u2011General" as "Secretary-General".)
    // (A speaker line's office after the name, "Mr. Eliasson, Deputy Secretary-General:", stands
    // for the title, an honorific, where the officers' actors are read from it.)
    const std::string title = a.attrs.has("office") ? a.attrs.text("office") : a.attrs.text("title");
    headers_.push_back({a.span, without_full_stop(one_line(a.attrs.text("speaker"))), a.attrs.text("layout"),
                        own_country(a), normalise_punctuation(title), a.attrs.has("questioner")});
  }
  // A paragraph that opens "Ms. Bailey (Rapporteur) introduced ..." is a summary record's turn
  // only in a document that says it is one (a copy that lost the paragraphs' numbers). Elsewhere
  // an office before a name and the State ("President William Jefferson Clinton (United States)
  // said") is a release's speaker line; "Mr. X (State) said" is left to the reported speech.
  const auto unnumbered = [](const Header& h) { return h.layout == "summary_record_unnumbered"; };
  const bool summary_record = names_itself_summary_record();
  for (Header& h : headers_) {
    if (!unnumbered(h)) continue;
    if (summary_record)
      h.layout = "summary_record";
    else if (h.country && office_before_name(h.speaker))
      h.layout = "press_release";
  }
  std::erase_if(headers_, unnumbered);
  // "Special Envoy Hans Grundberg said", "Remarks by Commissioner Kyriakides": a release's or a
  // single statement's speaker is the person, the office is the title. (A rule may capture the
  // office as the title and in the name too: the name is what follows it, "UN High
  // Representative for Disarmament Affairs Izumi Nakamitsu", or its State's name before it,
  // "Cuba's Foreign Minister Bruno Eduardo Rodriguez Parrilla". A statement's title may be an
  // honorific, which its speaker keeps as the heading prints it: "Ambassador Mona Juul".)
  for (Header& h : headers_) {
    const bool release = h.layout == "press_release";
    if (!release && !h.layout.starts_with("statement")) continue;
    if (auto name = name_in_capitals(h.speaker)) h.speaker = std::move(*name);
    if (auto name = release ? name_after_title(h.speaker, h.title) : std::nullopt) {
      h.speaker = std::move(*name);
    } else if (auto split = office_before_name(h.speaker);
               split && (h.title.empty() || h.title == split->office || split->office.ends_with(" " + h.title))) {
      h.speaker = std::move(split->name);
      h.title = std::move(split->office);
    }
  }
  std::stable_sort(headers_.begin(), headers_.end(),
                   [](const Header& a, const Header& b) { return a.span.begin < b.span.begin; });
  // "(Mr. Li Daoyu, China)" atop a page names the State of a speaker whose line did not.
  for (const auto& h : headers_) {
    if (h.layout == "continuation" && h.country) continued_country_.try_emplace(h.speaker, *h.country);
  }
  accept_speaker_lines(headers_, record_cover());
}

// The facts of the whole document that turns ask about, read once (after its metadata).
void SpeechBuilder::read_document_facts() {
  // The Secretary-General's spokesperson's briefing reports what he said ("The
  // Secretary-General told the Fifth Committee, ..."): no turn of his.
  spokespersons_briefing_ = contains_any(text().substr(0, 2000),
                                         {"Noon Briefing", "noon briefing", "Spokesperson for the Secretary-General"});
  // A meeting of one of the Assembly's Main Committees: its release symbol says so, or its
  // headline or lead names the Committee ("Second Committee Opens Seventy-First Session ...",
  // a copy without its symbol).
  main_committee_ = main_committee_release(meta("symbol")) ||
                    contains_any(text().substr(0, 600), {"First Committee", "Second Committee", "Third Committee",
                                                         "Fourth Committee", "Fifth Committee", "Sixth Committee"});
  // Speakers named as States, as UN Geneva's summaries do ("China said ... Russia agreed ..."):
  // see opens_a_turn() and classify().
  state_subjects_ = 0;
  for (AnnotationId id : store_.of_type("reported_speech")) state_subjects_ += state_subject(store_[id]);
}

// "I", "we", "my delegation" in verbatim speeches; "he", "his country" in press-release
// summaries: each becomes a self_reference to the speech's actor.
void SpeechBuilder::add_self_references() {
  static const Name kSelfReference("self_reference"), kActor("actor"), kForm("form");  // interned once
  std::vector<Annotation> found;
  for (AnnotationId id : store_.of_type("self_mention")) {
    const Annotation& mention = store_[id];
    const int index = document_.speech_at(mention.span.begin);
    if (index < 0) continue;
    const Speech& speech = document_.speeches()[static_cast<std::size_t>(index)];
    if (speech.actor.id.empty() || speech.header.contains(mention.span)) continue;
    const std::string form(document_.slice(mention.span));
    const bool third_person =
        starts_with_any(form, {"he", "He", "she", "She", "his", "His", "her", "Her", "the ", "The "});
    if (third_person != (speech.mode != "verbatim")) continue;
    Annotation a{kSelfReference, mention.span, {}, {}, {}};
    a.attrs.reserve(2);
    a.attrs.set(kActor, speech.actor);
    a.attrs.set(kForm, form);
    found.push_back(std::move(a));
  }
  for (auto& a : found) store_.add(std::move(a));
}

}  // namespace caucus::annotators
