// The turns of a verbatim record: where each speech ends, who "The President" and speakers
// printed without a country are, their roles, and the votes.
#include "speeches/speech_builder.hpp"

#include <algorithm>
#include <tuple>

#include "caucus/text.hpp"
#include "common/actor_mention.hpp"
#include "common/text_match.hpp"
#include "speeches/offices.hpp"

namespace caucus::annotators {

// The Council's members, from the cover page's "Members:" block.
void SpeechBuilder::read_members() {
  for (AnnotationId id : store_.of_type("paragraph")) {
    const Span p = store_[id].span;
    if (!document_.slice(p).starts_with("Members:")) continue;
    for (AnnotationId actor_id : store_.contained("actor", p)) {
      if (const ActorRef* actor = store_[actor_id].attrs.actor("actor")) members_.insert(actor->id);
    }
    break;
  }
}

// Where the proceedings end ("The meeting rose at 5.10 p.m."), or the end of the text.
uint32_t SpeechBuilder::end_of_proceedings() const {
  for (AnnotationId id : store_.of_type("paragraph")) {
    const Span p = store_[id].span;
    if (starts_with_any(document_.slice(p),
                        {"The meeting rose", "The meeting was adjourned", "The meeting was closed"})) {
      return p.begin;
    }
  }
  return static_cast<uint32_t>(text().size());
}

uint32_t SpeechBuilder::trim_end(uint32_t begin, uint32_t end) const {
  while (end > begin && is_ascii_space(text()[end - 1])) --end;
  return end;
}

// The type and status of the actor annotation behind an actor reference in `span`.
std::pair<std::string, std::string> SpeechBuilder::actor_kind(Span span, const std::string& id) const {
  const Annotation* mention = actor_mention(store_, span, id);
  if (!mention) return {"", ""};
  return {mention->attrs.text("actor_type"), mention->attrs.text("actor_status")};
}

std::string SpeechBuilder::role_of(const ActorRef& actor, Span header) const {
  const auto [type, status] = actor_kind(header, actor.id);
  if (status == "observer" || type == "group") return "observer";
  if (type == "organization") return "briefer";
  // Every Member State is a member of the General Assembly; in the Council, only the 15.
  if (general_assembly() && status == "member") return "member";
  return members_.count(actor.id) ? "member" : "invited";
}

// The organisation whose "Secretary-General" an invitation names ("Mr. Amre Moussa, the
// Secretary-General of the League of Arab States"): "Secretary-General" alone is a name of
// the United Nations, which the organisation after it is not.
const ActorRef* SpeechBuilder::headed_organization(Span span) const {
  const auto& actors = store_.contained("actor", span);
  for (std::size_t i = 0; i + 1 < actors.size(); ++i) {
    const Annotation& head = store_[actors[i]];
    const Annotation& next = store_[actors[i + 1]];
    if (document_.slice(head.span) != "Secretary-General") continue;
    const std::string_view between = text().substr(head.span.end, next.span.begin - head.span.end);
    const ActorRef* organization = next.attrs.actor("actor");
    if ((between == " of the " || between == " of ") && organization && organization->id != kUnitedNations.id &&
        next.attrs.text("actor_type") != "state") {
      return organization;
    }
  }
  return nullptr;
}

// A transcript's label without a country, under a heading that names the same person
// ("Remarks by Ambassador Linda Thomas-Greenfield at ..." above "AMBASSADOR THOMAS-GREENFIELD:"):
// the State a heading of that name names (the first that names one: the name may stand again
// over its office, "Ambassador Linda Thomas-Greenfield⏎U.S. Representative to the United
// Nations"), else the State of an office line.
const ActorRef* SpeechBuilder::heading_actor_of(std::string_view speaker) const {
  const std::string surname = lower_ascii(last_word(speaker));
  if (surname.empty()) return nullptr;
  bool named = false;
  for (const auto& h : headers_) {
    if (h.layout != "statement" || lower_ascii(last_word(h.speaker)) != surname) continue;
    if (h.country) return h.country;
    named = true;
  }
  return named ? heading_state() : nullptr;
}

const ActorRef* SpeechBuilder::heading_state() const {
  for (const std::string_view layout : {"statement", "statement_office"}) {
    for (const auto& h : headers_) {
      if (h.layout == layout && h.country) return h.country;
    }
  }
  return nullptr;
}

// A speaker printed without a country: the person the President invited with that surname,
// else the actor of the last give-the-floor line before the speech.
std::optional<std::pair<ActorRef, std::string>> SpeechBuilder::resolve_without_country(const Header& header,
                                                                                       uint32_t previous_start) const {
  const std::string surname = last_word(header.speaker);
  for (AnnotationId id : store_.of_type("invitee")) {
    const Annotation& a = store_[id];
    if (a.span.begin >= header.span.begin) break;
    if (last_word(a.attrs.text("person")) != surname) continue;
    if (const ActorRef* actor = headed_organization(a.span)) return std::make_pair(*actor, std::string("briefer"));
    if (const ActorRef* actor = a.attrs.actor("actor")) {
      // A State's minister or head of State speaks for the State; an official briefs.
      const auto [type, status] = actor_kind(a.span, actor->id);
      return std::make_pair(*actor, type == "state" ? role_of(*actor, a.span) : std::string("briefer"));
    }
    // An office of the Secretariat names no actor ("Under-Secretary-General for Political
    // and Peacebuilding Affairs"): its holder speaks for the United Nations.
    const std::string office = a.attrs.text("office");
    if (secretariat_office(office) ||
        contains_any(office, {"Secretary-General", "Special Representative", "Special Envoy", "Special Coordinator",
                              "Special Adviser"})) {
      return std::make_pair(kUnitedNations, std::string("briefer"));
    }
  }
  const auto& given = store_.contained("floor_given", {previous_start, header.span.begin});
  if (!given.empty()) {
    if (const ActorRef* actor = store_[given.back()].attrs.actor("actor")) {
      const auto [type, status] = actor_kind(store_[given.back()].span, actor->id);
      return std::make_pair(*actor, std::string(type == "state" && status != "observer" ? "invited" : "observer"));
    }
  }
  return std::nullopt;
}

// Who the presiding officer of a speech (`span`, opened by `h`) speaks for. The President of
// the General Assembly, or the Chair of one of its committees, speaks for the Assembly here,
// and for the State the document says they come from once the speeches are built
// (presiding_officers.cpp). ("The Chair" also covers "The Chairman", "The Chairperson".) A web copy may
// print the presiding State on the line: "The President, Mrs. Gueguen (France):". Speaking
// "in my national capacity", the President speaks for the State.
ActorRef SpeechBuilder::presiding_actor(const Header& h, Span span) const {
  ActorRef actor = general_assembly() ? kGeneralAssembly : h.country ? *h.country : presidency_;
  for (const auto& [offset, national] : national_capacity_) {
    if (span.contains({offset, offset})) actor = national;
  }
  return actor;
}

// Who an officer's label speaks for when it names no country: the Secretary-General (also
// "SG:", "DSG:" in press transcripts, "Ban Ki-moon, Secretary-General:", his Spokesperson's
// byline "Stephane Dujarric, Spokesman for the Secretary-General") for the United Nations,
// the General Assembly's President ("President of the General Assembly (PGA):", "PGA:") for
// the Assembly.
std::optional<std::pair<ActorRef, std::string>> SpeechBuilder::officer_actor(const Header& h) {
  // (The office may follow the Organization's name: "UN Secretary-General Ban Ki-moon".)
  std::string_view office = h.title;
  for (std::string_view organization : {"UN ", "U.N. ", "United Nations "}) {
    if (office.starts_with(organization)) office.remove_prefix(organization.size());
  }
  // (Older records print the label in capitals: "The SECRETARY-GENERAL:".)
  if (contains_any(h.speaker, {"Secretary-General", "SECRETARY-GENERAL"}) || office == "Secretary-General" ||
      office == "Deputy Secretary-General" || h.title == "SG" || h.title == "DSG" ||
      (h.title.starts_with("Spokes") && secretariat_office(h.title)))
    return std::make_pair(kUnitedNations, std::string("secretariat"));
  if (presides_over_assembly(h.title) || h.title == "PGA")
    return std::make_pair(kGeneralAssembly, std::string("president"));
  return std::nullopt;
}

void SpeechBuilder::verbatim_speeches() {
  std::vector<const Header*> turns;
  for (const auto& h : headers_) {
    if (h.layout == "verbatim") turns.push_back(&h);
  }
  const uint32_t end = end_of_proceedings();
  uint32_t previous_start = 0;
  // The presiding State a President's own label names ("The President (Ms Ogwu of Nigeria):"),
  // for the later bare labels of a copy without its cover.
  ActorRef named_presidency;
  for (std::size_t i = 0; i < turns.size(); ++i) {
    const Header& h = *turns[i];
    if (h.span.begin >= end) break;
    Speech speech;
    speech.header = h.span;
    const uint32_t next = i + 1 < turns.size() ? std::min(turns[i + 1]->span.begin, end) : end;
    speech.span = {h.span.begin, trim_end(h.span.begin, next)};
    speech.speaker = h.speaker;
    speech.mode = "verbatim";
    if (presides(h.speaker)) {
      speech.role = "president";
      speech.actor = presiding_actor(h, speech.span);
      if (h.country && !general_assembly()) named_presidency = *h.country;
      if (speech.actor.id.empty()) speech.actor = named_presidency;
    } else if (const auto officer = officer_actor(h)) {
      std::tie(speech.actor, speech.role) = *officer;
    } else if (secretariat_office(h.title) && (!h.country || h.country->id == kUnitedNations.id)) {
      speech.actor = kUnitedNations;  // "Briefing by the Under-Secretary-General for ..."
      speech.role = "briefer";
    } else if (h.country) {
      speech.actor = *h.country;
      speech.role = role_of(*h.country, h.span);
    } else if (const auto continued = continued_country_.find(h.speaker); continued != continued_country_.end()) {
      speech.actor = continued->second;
      speech.role = role_of(continued->second, h.span);
    } else if (h.questioner) {
      speech.role = "questioner";  // a journalist, in a press transcript: no actor
    } else if (auto resolved = resolve_without_country(h, previous_start)) {
      speech.actor = resolved->first;
      speech.role = resolved->second;
    } else if (const ActorRef* headed = heading_actor_of(h.speaker)) {
      speech.actor = *headed;
      speech.role = role_of(*headed, h.span);
    } else if (const ActorRef* answering = answers(h.speaker) ? heading_state() : nullptr) {
      // A transcript's answers ("A.:" after "Q.:") are the remarks' speaker's, whom its heading
      // names: "Remarks to the Press by Permanent Representative Vassily Nebenzia".
      speech.actor = *answering;
      speech.role = role_of(*answering, h.span);
    } else {
      speech.role = "invited";
    }
    previous_start = h.span.begin;
    document_.speeches().push_back(std::move(speech));
  }
}

// "In favour:", "Against:", "Abstaining:" followed by a paragraph listing States.
void SpeechBuilder::read_votes() {
  const auto& paragraphs = store_.of_type("paragraph");
  for (std::size_t i = 0; i + 1 < paragraphs.size(); ++i) {
    const std::string_view head = document_.slice(store_[paragraphs[i]].span);
    std::string key;
    if (head == "In favour:")
      key = "votes_in_favour";
    else if (head == "Against:")
      key = "votes_against";
    else if (head == "Abstaining:")
      key = "votes_abstaining";
    else
      continue;
    std::string ids;
    for (AnnotationId a : store_.contained("actor", store_[paragraphs[i + 1]].span)) {
      if (const ActorRef* actor = store_[a].attrs.actor("actor")) ids += (ids.empty() ? "" : ",") + actor->id;
    }
    document_.meta()[key] = ids;
  }
}

}  // namespace caucus::annotators
