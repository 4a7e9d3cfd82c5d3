// A statement given alone: its speaker and actor from its heading, dateline or signature.
#include "speeches/speech_builder.hpp"

#include "caucus/text.hpp"
#include "common/actor_mention.hpp"
#include "common/text_match.hpp"
#include "speeches/offices.hpp"

namespace caucus::annotators {

void SpeechBuilder::single_speech() {
  const auto& paragraphs = store_.of_type("paragraph");
  if (paragraphs.empty()) return;
  Speech speech;
  speech.span = {store_[paragraphs.front()].span.begin, store_[paragraphs.back()].span.end};
  speech.mode = "verbatim";
  speech.role = "speaker";
  // The speaker line that opens the text, else the heading of a circulated statement
  // ("Statement by H.E. Ms. ..., Permanent Representative of Nepal ...") near its top.
  const Header* opening = nullptr;
  for (const auto& h : headers_) {
    if (h.span.begin == speech.span.begin && !h.layout.starts_with("statement")) opening = &h;
  }
  if (!opening) opening = label_after_dateline(paragraphs);
  // (A heading that names the speaker before one that names only an office: "Permanent
  // Mission of Nepal" above "Statement by H.E. Ms. ..., Permanent Representative of Nepal";
  // and last one that names only the group whose statement it is: "EU Statement – ...".
  // Of the headings that name a speaker, one with a title names a person: "As Delivered by
  // Ambassador Michèle Taylor" under "Statement by the Delegation of the United States"; so
  // does one after a heading whose speaker is its actor or an office: "Presenter: H.E. ANTONIO
  // M. LAGDAMEO, ... of the Philippines" under "Statement of Asia-Pacific Group".)
  if (!opening) opening = person_statement_heading();
  for (const std::string_view layout : {"statement", "statement_office", "statement_group"}) {
    for (auto it = headers_.begin(); !opening && it != headers_.end(); ++it) {
      if (it->layout == layout) opening = &*it;
    }
  }
  // The person's heading may leave the State to the delegation's.
  const ActorRef* delegation = nullptr;
  for (auto it = headers_.begin(); !delegation && it != headers_.end(); ++it) {
    if (it->layout == "statement" && it->country && actor_kind(it->span, it->country->id).first == "state")
      delegation = it->country;
  }
  if (opening) {
    speech.header = opening->span;
    speech.speaker = opening->speaker;
    if (opening->layout == "press_release") speech.mode = "summary";
    // ("PERMANENT REPRESENTATIVE TO THE UNITED NATIONS" under the name names no actor of his,
    // nor "Permanent Representative at The United Nations Security Council Briefing on UNOWAS":
    // the organ is where he represents his State.)
    const bool un_organ =
        opening->country && (opening->country->id == kUnitedNations.id || opening->country->id == kSecurityCouncil ||
                             opening->country->id == kGeneralAssembly.id);
    const bool envoy_to_un =
        un_organ && contains_any(lower_ascii(document_.slice(opening->span)),
                                 {"representative to the united nations", "permanent representative"});
    if (opening->country && !envoy_to_un) {
      // (A lone speech says nothing of the speaker's role. "Delivered by H.E. Mr. NAME, Permanent
      // Representative of Barbados, Acting President of The General Assembly" is Barbados's, as
      // the Assembly's officers speak for their States: see presiding_officers.cpp.)
      speech.actor = *opening->country;
    } else if (const auto officer = officer_actor(*opening)) {
      speech.actor = officer->first;
    } else if (secretariat_office(opening->title)) {
      speech.actor = kUnitedNations;  // "..., Under-Secretary-General Jeffrey Feltman"
    } else if (const ActorRef* state = demonym_before_statement(opening->span)) {
      speech.actor = *state;
    } else if (opening->layout == "statement" && delegation) {
      speech.actor = *delegation;
    } else if (const ActorRef* titled = state_titling_statement(opening->span.begin)) {
      speech.actor = *titled;
    }
  }
  // A heading that names the speaker but not the State: another heading line may name it
  // ("NIGERIA" above "STATEMENT BY H.E. MR. TIJJANI MUHAMMAD-BANDE").
  for (auto it = headers_.begin(); speech.actor.id.empty() && it != headers_.end(); ++it) {
    if (it->layout == "statement_office" && it->country) speech.actor = *it->country;
  }
  // No State in a speaker line or heading, or a heading that names the group the statement
  // is for ("INTERVENTION OF THE RIO GROUP"): the speaker may name its State ("and my
  // country, Mexico").
  const bool group_heading =
      opening && opening->country && actor_kind(opening->span, opening->country->id).first == "group";
  // A State the heading's line names after the group is the speaker's: "BY AMBASSADOR
  // BOUBACAR DIALLO, G-77 COORDINATOR, PERMANENT MISSION OF GUINEA", "Statement of the G-77
  // and China ... delivered by H.E. ..., Permanent Representative of the Islamic Republic of Iran".
  // ("EU Statement – UN Security Council: Ukraine" names no speaker: what follows is the topic.
  // Nor do the group's members after a colon: "Joint statement by the Nordic countries: Denmark,
  // Finland, ...".)
  const bool members_follow = opening && text().substr(opening->span.end).starts_with(":");
  if (group_heading && !members_follow && opening->layout.starts_with("statement") &&
      opening->layout != "statement_group") {
    // (Not a State the statement is delivered for: "The statement was delivered by the EU
    // Ambassador Olof Skoog, on behalf of the European Union and its Member States, Norway and
    // other European countries".)
    std::size_t line_end = std::min(text().find('\n', opening->span.end), text().size());
    const std::string_view rest = text().substr(opening->span.end, line_end - opening->span.end);
    for (std::string_view words : {"on behalf of", "ON BEHALF OF", "On behalf of"}) {
      if (const std::size_t at = rest.find(words); at != std::string_view::npos) {
        line_end = std::min(line_end, opening->span.end + at);
      }
    }
    const Span line{opening->span.begin, static_cast<uint32_t>(line_end)};
    if (const ActorRef* state = state_named_in(line, /*skip_topics=*/true)) speech.actor = *state;
  }
  // Or the State a heading that names no State for its speaker names as the author: "...
  // delivered by New Zealand Permanent Representative, H.E. Craig J. Hawke", "Statement by
  // Slovenia on behalf of the European Union, given by HE Ambassador Andrej Logar".
  if (speech.actor.id.empty() && opening && opening->layout == "statement" && !opening->country) {
    if (const ActorRef* state = state_authoring_heading(opening->span)) speech.actor = *state;
  }
  if (speech.actor.id.empty() || (group_heading && speech.actor.id == opening->country->id)) {
    for (AnnotationId id : store_.of_type("self_named")) {
      // (Not a line above the heading, which is not the speaker's: "Norway aligns itself with
      // the EU statement ..." over "The statement was delivered by the EU Ambassador ...".)
      if (opening && store_[id].span.begin < opening->span.begin) continue;
      if (const ActorRef* actor = store_[id].attrs.actor("actor")) {
        speech.actor = *actor;
        break;
      }
    }
  }
  // Still none: the group whose statement it is, as a heading names it ("EU Statement – ..."
  // above "..., delivered by Hanna Jahns, Director for Strategy and Policy, European Commission").
  for (auto it = headers_.begin(); speech.actor.id.empty() && it != headers_.end(); ++it) {
    if (it->layout == "statement_group" && it->country) speech.actor = *it->country;
  }
  // Still none: a copy that lost its title, with the closing formula only the European Union's
  // statements print ("The candidate countries ..., as well as Ukraine, the Republic of Moldova
  // and Georgia, align themselves with this statement"): the Union's, named in the text.
  if (speech.actor.id.empty()) {
    if (const ActorRef* union_named = european_union_by_formula(speech.span)) speech.actor = *union_named;
  }
  // No person named, or only the group the statement is for: the delegation speaks, named as
  // the text names its State ("... and my own country, Estonia" under "I am speaking on behalf
  // of the Nordic and Baltic countries"; by its name where the text has only its adjective,
  // "The Jamaican delegation aligns itself ...").
  const bool group_named_only = group_heading && names_its_actor_only(*opening);
  if ((speech.speaker.empty() || group_named_only) && !speech.actor.id.empty()) {
    const Annotation* state = actor_mention(store_, speech.span, speech.actor.id);
    if (state && state->attrs.text("actor_type") == "state") {
      speech.speaker =
          state->attrs.text("form") == "demonym" ? speech.actor.label.str() : std::string(document_.slice(state->span));
    }
  }
  document_.speeches().push_back(std::move(speech));
}

const ActorRef* SpeechBuilder::european_union_by_formula(Span span) const {
  const std::string lower = lower_ascii(document_.slice(span));
  const bool candidates = contains_any(lower, {"candidate countr", "potential candidate", "stabilisation and association"});
  const bool aligning = contains_any(lower, {"align themselves with this statement", "align themselves with the statement",
                                             "aligned themselves with this statement"});
  if (!candidates || !aligning) return nullptr;
  const Annotation* mention = actor_mention(store_, span, "EU");
  return mention ? mention->attrs.actor("actor") : nullptr;
}

const Header* SpeechBuilder::person_statement_heading() const {
  std::vector<const Header*> headings;
  for (const auto& h : headers_) {
    if (h.layout == "statement") headings.push_back(&h);
  }
  // (Only where the first heading has no title: its own person comes first.)
  if (headings.empty() || !headings.front()->title.empty()) return nullptr;
  for (const Header* h : headings) {
    if (!h->title.empty()) return h;
  }
  // (A name, not "the Permanent Representative of Denmark" nor "Delegation of ...", under a
  // heading that names only the actor or an office: "Presenter: AMB. ARIEL R. PEÑARANDA, ..."
  // under "STATEMENT ... BY THE DEPUTY PERMANENT REPRESENTATIVE OF THE REPUBLIC OF THE PHILIPPINES".)
  if (!names_its_actor_only(*headings.front()) && !names_an_office(headings.front()->speaker)) return nullptr;
  for (const Header* h : headings) {
    if (!names_its_actor_only(*h) && !names_an_office(h->speaker)) return h;
  }
  // Under a heading that names only a group, a State's office names who delivers it: "The
  // statement was delivered by the Permanent Representative of Denmark on behalf of the
  // Nordic-Baltic countries" under "Statement by Nordic-Baltic countries".
  const Header& first = *headings.front();
  if (!first.country || actor_kind(first.span, first.country->id).first != "group") return nullptr;
  for (const Header* h : headings) {
    if (h->country && names_an_office(h->speaker) && actor_kind(h->span, h->country->id).first == "state") return h;
  }
  return nullptr;
}

bool SpeechBuilder::names_its_actor_only(const Header& heading) const {
  if (!heading.country) return false;
  for (AnnotationId id : store_.contained("actor", heading.span)) {
    if (document_.slice(store_[id].span) == heading.speaker) return true;
  }
  return false;
}

}  // namespace caucus::annotators
