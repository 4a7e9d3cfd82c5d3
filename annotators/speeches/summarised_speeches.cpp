// The speakers a press release or a summary record reports in the third person: "GEORGI
// PANAYOTOV (Bulgaria) said", "the representative of Malta stressed", "The Secretary-General
// said".
#include "speeches/speech_builder.hpp"

#include <algorithm>
#include <tuple>

#include "caucus/summary.hpp"
#include "caucus/text.hpp"
#include "common/actor_mention.hpp"
#include "common/text_match.hpp"
#include "speeches/named_again.hpp"
#include "speeches/office_before_name.hpp"
#include "speeches/offices.hpp"

namespace caucus::annotators {

// The header of `layout` that begins at `offset`, if any (headers_ is in text order: this is
// asked of every paragraph).
const Header* SpeechBuilder::header_at(uint32_t offset, std::string_view layout) const {
  auto it = std::lower_bound(headers_.begin(), headers_.end(), offset,
                             [](const Header& h, uint32_t at) { return h.span.begin < at; });
  for (; it != headers_.end() && it->span.begin == offset; ++it) {
    if (it->layout == layout) return &*it;
  }
  return nullptr;
}

// True if `cue` names the speaker of `speech` again: by surname ("Mr. Lacroix" after
// "JEAN-PIERRE LACROIX", "Mr. Ban" after "Secretary-General Ban Ki-moon", a surname printed
// first), by a Secretariat office after a UN official's turn ("“...,” the
// Under-Secretary-General emphasized" after Jeffrey Feltman's lead; "The Secretary-General
// told the Fifth Committee" in his spokesperson's briefing is the briefing's), or by the
// presiding office after its holder's turn ("The Chair said" after "Ms. Rambally said", whom
// the release named "Menissa Rambally of Saint Lucia, Chair of the Special Committee").
bool SpeechBuilder::same_person(const Speech& speech, const Annotation& cue) const {
  if (by_office(cue)) return speech.actor.id == kUnitedNations.id;
  if (presiding(cue)) return presides_by_name(speech);
  return by_surname(cue) && has_name_word(speech.speaker, last_word(cue.attrs.text("speaker")));
}

// True if the speaker of `speech` presides, as the office before its name or the release says:
// "Special Committee Chair U. Joy Ogwu", or the surname with the office in apposition ("Menissa
// Rambally of Saint Lucia, Chair of the Special Committee"; not "Mr. Smith thanked the
// President"). A Vice-Chair or Vice-President does not preside.
bool SpeechBuilder::presides_by_name(const Speech& speech) const {
  if (speech.role == "president") return true;
  // True if `words` holds the office among its first few words.
  const auto names_the_office = [](std::string_view words) {
    constexpr std::size_t kOfficeWithin = 40;  // bytes: "Special Committee Chair", "the incoming President"
    for (std::string_view office : {"Chair", "President"}) {
      const std::size_t at = words.find(office);
      if (at == std::string_view::npos || at > kOfficeWithin) continue;
      const std::string_view lead = words.substr(0, at);
      if (!lead.ends_with("Vice-") && !lead.ends_with("Vice ") && lead.find_first_of(",;.") == std::string_view::npos)
        return true;
    }
    return false;
  };
  if (names_the_office(speech.speaker)) return true;
  // The office printed before the name, which is the speech's title ("Special Committee Chair
  // U. Joy Ogwu (Nigeria) expressed"), after an opening clause if any.
  const std::string_view header = text().substr(speech.header.begin, speech.header.size());
  if (const std::size_t name_at = header.find(speech.speaker); name_at != std::string_view::npos) {
    std::string_view lead = header.substr(0, name_at);
    if (const std::size_t comma = lead.rfind(", "); comma != std::string_view::npos) lead.remove_prefix(comma + 2);
    if (names_the_office(lead)) return true;
  }
  const std::string surname = last_word(speech.speaker);
  if (surname.size() < 3) return false;
  const std::string_view before = text().substr(0, speech.span.end);
  for (std::size_t at = before.find(surname); at != std::string_view::npos; at = before.find(surname, at + 1)) {
    std::string_view after = before.substr(at + surname.size());
    if (after.starts_with(" of "))
      after.remove_prefix(std::min(after.find_first_of(",;.()"), after.size()));  // "of Saint Lucia"
    if (after.starts_with(", ") && names_the_office(after.substr(2))) return true;
  }
  return false;
}

// Whom a person named again by surname before `at` speaks for: what an earlier turn of the
// same name spoke for, else what the first full mention of the name says (named_again.hpp).
ActorRef SpeechBuilder::actor_of_person(std::string_view surname, uint32_t at) const {
  const auto& speeches = document_.speeches();
  for (auto it = speeches.rbegin(); it != speeches.rend(); ++it) {
    if (has_name_word(it->speaker, surname)) return it->actor;
  }
  return actor_of_named_person(text(), store_, surname, at);
}

// A speech whose speaker is a person named again by surname at `at` ("Mr. Møller said"): the
// actor the person speaks for, and the name the text gave in full before, if it did.
void SpeechBuilder::name_person_again(Speech& speech, uint32_t at) const {
  const std::string surname = last_word(speech.speaker);
  speech.actor = actor_of_person(surname, at);
  if (auto full = full_name_of_person(text(), surname, at)) speech.speaker = std::move(*full);
}

// The first sentence of `paragraph` after its first that opens with a reported delegate
// who speaks ("The representative of X, penholder on Yemen, said"), and that cue; the
// paragraph's start and nullptr if none. ("The representative of Armenia had made baseless
// allegations, he said" is the speaker's own account of another delegate.)
std::pair<uint32_t, const Annotation*> SpeechBuilder::sentence_opening_with_cue(Span paragraph) const {
  const auto& sentences = store_.contained("sentence", paragraph);
  for (std::size_t i = 1; i < sentences.size(); ++i) {
    const Span s = store_[sentences[i]].span;
    const Annotation* cue = reported_cue(s);
    if (!cue) continue;
    const std::string_view before = text().substr(s.begin, cue->span.begin - s.begin);
    const std::string_view after = text().substr(cue->span.end, s.end - cue->span.end);
    const bool opens = before.empty() || before == "The " || before == "the ";
    const bool speaks = contains_any(after, kSpeechVerbs);
    const bool quoted = contains_any(after, {" he said", " she said", " he added", " she added"});
    if (opens && speaks && !quoted) return {s.begin, cue};
  }
  return {paragraph.begin, nullptr};
}

namespace {

// ", the representative highlighted": the delegate without a State ("the representative of
// Brunei" is another's cue), the subject after an opening phrase.
bool names_the_delegate_bare(std::string_view lower) {
  for (std::string_view delegate : {", the representative ", ", the delegate "}) {
    const std::size_t at = lower.find(delegate);
    if (at == std::string_view::npos) continue;
    const std::string_view next = lower.substr(at + delegate.size());
    if (!starts_with_any(next, {"of ", "for ", "from ", "and "})) return true;
  }
  return false;
}

// True if a reported speaker, as printed, is a delegation's representative: "The
// representative of Brazil", "Nepal's delegate".
bool names_a_delegate(std::string_view speaker) {
  const std::string lower = lower_ascii(speaker);
  return contains_any(lower, {"representative", "delegate"});
}

}  // namespace

// True if `sentence` names its speaker as the delegate reported before: "that representative",
// "the same delegate", a pronoun or a bare "the representative" after an opening phrase
// ("Speaking for the Group of 77, he said", "..., the representative highlighted"), or a
// pronoun that opens it ("He added that ...", "She expressed concern ..."; a State reported by
// name goes on as "It", before a verb of speech: "It also highlighted that ...").
bool SpeechBuilder::refers_back_to_delegate(Span sentence) const {
  const std::string_view words = document_.slice(sentence);
  const std::string_view after_it = words.starts_with("It also ") ? words.substr(7)
                                    : words.starts_with("It ")    ? words.substr(2)
                                                                  : "";
  const std::string lower = lower_ascii(words);
  return starts_with_any(words, {"He ", "She "}) || starts_with_any(after_it, kSpeechVerbs) ||
         contains_any(lower, {"that representative", "that delegate", "the same representative", "the same delegate",
                              ", he ", ", she "}) ||
         names_the_delegate_bare(lower);
}

// The delegations reported after `first`, the first in `sentence`, each opening a clause of
// its own (", and the representative of Yemen noted", "; Egypt's representative said"), each
// with another actor than the one before.
std::vector<const Annotation*> SpeechBuilder::coordinated_cues(Span sentence, const Annotation& first) const {
  std::vector<const Annotation*> cues;
  const Annotation* last = &first;
  for (AnnotationId id : store_.contained("reported_speech", sentence)) {
    const Annotation& cue = store_[id];
    const ActorRef* actor = cue.attrs.actor("actor");
    const ActorRef* last_actor = last->attrs.actor("actor");
    if (!actor || cue.span.begin <= last->span.begin || (last_actor && actor->id == last_actor->id)) continue;
    std::string_view before = text().substr(sentence.begin, cue.span.begin - sentence.begin);
    if (before.ends_with("the ")) before.remove_suffix(4);
    if (!before.ends_with(", and ") && !before.ends_with("; ") && !before.ends_with(", while ")) continue;
    cues.push_back(&cue);
    last = &cue;
  }
  return cues;
}

// The summary of the statement of the speaker `h` names, over `span` (`kind`: the document's;
// `speeches`: the turns before it).
Speech SpeechBuilder::summary_speech(const Header& h, Span span, std::string_view kind,
                                     const std::vector<Speech>& speeches) const {
  Speech speech;
  speech.span = span;
  speech.header = h.span;
  speech.speaker = h.speaker;
  // ("Security Council President Vanessa Frazier": the Council's President speaks for her
  // State, which the title does not name.)
  if (h.country && h.country->id != kSecurityCouncil) speech.actor = *h.country;
  // What kind of actor the speaker line names, and where its title is printed.
  const std::string named_kind = h.country ? actor_kind(h.span, h.country->id).first : std::string();
  const Span printed_title = title_span(h);
  // "ECOSOC President and Ambassador of Haiti": a delegate who presides over a body speaks for
  // the State whose ambassador the title says he is (the body is named first).
  if (named_kind == "organization") {
    if (const ActorRef* state = state_represented_in(printed_title)) speech.actor = *state;
  }
  // An office that refers back to what the sentence named before the speaker: "Madagascar is
  // determined to ..., NAME, Director General of Blue Economy of that country, said" (the State),
  // "Providing an update on ... the International Criminal Tribunal for the Former Yugoslavia,
  // Theodor Meren, its President, said" (the organisation).
  if (!h.country && (h.title.ends_with(" of that country") || h.title.starts_with("its "))) {
    const std::size_t name = text().substr(h.span.begin, h.span.end - h.span.begin).find(h.speaker);
    if (name != std::string_view::npos) {
      const Span before{h.span.begin, static_cast<uint32_t>(h.span.begin + name)};
      const ActorRef* named =
          h.title.starts_with("its ") ? organization_named_in(before) : state_named_in(before, false);
      if (named) speech.actor = *named;
    }
  }
  // A summary record names a delegate again without the State: "12. Mr. Hitti said" after
  // "2. Mr. Hitti (Lebanon) said": the State of the same name before.
  if (!h.country && kind == "summary_record") {
    for (auto it = speeches.rbegin(); it != speeches.rend(); ++it) {
      if (!it->actor.id.empty() && (it->speaker == h.speaker || same_surname(it->speaker, h.speaker))) {
        speech.actor = it->actor;
        break;
      }
    }
  }
  // A release names a person again by title and surname, with an office but no State: "Ms.
  // Mills, in her capacity as Commission Rapporteur, then introduced" after "Diedre Nichole Mills
  // (Jamaica), Chair of ...": whom the full mention speaks for, by the name printed in full.
  if (!h.country && kind == "press_release" && titled_surname(h.speaker)) name_person_again(speech, h.span.begin);
  // "Mogens Lykketoft, the Assembly President": the Assembly, which the title names
  // without an actor's name; "General Assembly President Sam Kutesa (Uganda)": the
  // Assembly too, until presiding_officers.cpp gives him the State in brackets.
  // (A Main Committee's release names its Chair without the ordinal: "Committee Chair NAME
  // (Bulgaria)", "its incoming Chairman, NAME (New Zealand)".)
  const bool chairs_this_committee =
      main_committee_ && (chairs_the_committee(h.title) || chairs_the_committee(h.speaker));
  const bool assembly_president =
      presides_over_assembly(h.title) || presides_over_assembly(h.speaker) || chairs_this_committee;
  if (assembly_president) speech.actor = kGeneralAssembly;
  // A summary record's officers: "The Chair", "The Secretary of the Committee".
  // (Older records print "The CHAIRMAN": the office is read in any case.)
  const bool officer = !h.country && h.speaker.starts_with("The ");
  const std::string office = lower_ascii(h.speaker);
  speech.role = assembly_president ? "president" : "delegate";
  if (officer && office.find("secretary") != std::string::npos) {
    speech.role = "secretariat";
    if (office.find("secretary-general") != std::string::npos) speech.actor = kUnitedNations;
  } else if (officer && presides(h.speaker)) {
    speech.role = "president";
    speech.actor = presiding_actor(h, span);
  }
  // "MARK LOWCOCK, Under-Secretary-General for ...", "Special Envoy of the Secretary-General
  // for Yemen": the United Nations, not the State the title names (an organisation it
  // names, "Special Representative, Office of INTERPOL", stays).
  // A group of States in the title is the office's mandate ("High Representative for the
  // Least Developed Countries"), as a State is ("Special Envoy ... for Yemen").
  // (Named in the title, not before it: "For its part, the Shanghai Cooperation Organisation has
  // ..., said its Secretary-General, Zhang Ming" speaks for the organisation.)
  const bool names_a_mandate = (named_kind == "state" || named_kind == "group") &&
                               (printed_title.empty() || actor_mention(store_, printed_title, h.country->id));
  // (A summary record puts the office in brackets after the name: "8. Mr. Gustafik
  // (Secretary of the Committee) said", "1. Mr. MARTENSON (Under-Secretary-General for
  // Human Rights) said".)
  const std::string bracketed = h.country ? std::string() : bracketed_office(h);
  const bool secretariat_title = secretariat_office(h.title);
  // (The department may follow the title in the speaker line: "NAME, Director of Operations and
  // Advocacy, United Nations Office for the Coordination of Humanitarian Affairs, said".)
  const std::string_view line = text().substr(h.span.begin, h.span.size());
  const std::size_t name_at = line.find(h.speaker);
  const std::string_view after_name =
      name_at == std::string_view::npos ? std::string_view() : line.substr(name_at + h.speaker.size());
  const bool secretariat =
      (secretariat_title && (!h.country || names_a_mandate || h.country->id == kUnitedNations.id)) ||
      (named_kind != "state" && (secretariat_department(h.title) || secretariat_department(after_name))) ||
      (!bracketed.empty() && secretariat_post(bracketed));
  if (!officer && secretariat) {
    speech.actor = kUnitedNations;
    speech.role = "briefer";
  }
  // ("Acting Director of the United Nations Office for Outer Space Affairs": an official of the
  // entity the title names, which stays the actor.)
  if (!officer && named_kind == "organization" && secretariat_title) speech.role = "briefer";
  actor_from_title(h, printed_title, officer, speech);
  speech.mode = "summary";
  return speech;
}

// The State a speaker's printed title says its holder represents: "... and Ambassador of Haiti",
// "Permanent Representative of Malaysia"; null if it names none so (or `title` is empty).
const ActorRef* SpeechBuilder::state_represented_in(Span title) const {
  if (title.empty()) return nullptr;
  for (AnnotationId id : store_.contained("actor", title)) {
    const Annotation& mention = store_[id];
    if (mention.attrs.text("actor_type") != "state") continue;
    const std::string_view before = text().substr(title.begin, mention.span.begin - title.begin);
    if (ends_with_any(before, {"Ambassador of ", "Ambassador of the ", "Representative of ", "Representative of the "}))
      return mention.attrs.actor("actor");
  }
  return nullptr;
}

// What the title of `h`, printed at `title` in its speaker line, says of the actor of `speech`,
// once summary_speech() has read the rest (`officer`: a summary record's officer).
void SpeechBuilder::actor_from_title(const Header& h, Span title, bool officer, Speech& speech) const {
  // The first actor the title names that `accept` takes, given it and its mention's type.
  const auto first_in_title = [&](auto accept) -> const ActorRef* {
    for (AnnotationId id : store_.contained("actor", title)) {
      const ActorRef* actor = store_[id].attrs.actor("actor");
      if (actor && accept(*actor, store_[id].attrs.text("actor_type"))) return actor;
    }
    return nullptr;
  };
  // An office of a body of the Organization the title names after it: "United Nations Deputy
  // High Commissioner for Human Rights" (OHCHR), as "of the United Nations Office on Drugs and
  // Crime" is UNODC's. (Not a department of the Secretariat, which is the Organization's:
  // "Assistant Secretary-General ... in the Department of Political and Peacebuilding Affairs".)
  if (speech.actor.id == kUnitedNations.id && !secretariat_department(h.title)) {
    if (const ActorRef* body = first_in_title([](const ActorRef& a, const std::string& type) {
          return a.id != kUnitedNations.id && type == "organization";
        })) {
      speech.actor = *body;
      speech.role = "briefer";
    }
  }
  // With no actor yet, the organisation or group whose office the title names: "The
  // Secretary-General of the Organization of Islamic Cooperation (OIC), NAME, expressed" (OIC).
  // (Not the Security Council: its President speaks for her State, as summary_speech() says.)
  if (speech.actor.id.empty() && !officer) {
    if (const ActorRef* body = first_in_title(
            [](const ActorRef& a, const std::string& type) { return a.id != kSecurityCouncil && type != "state"; })) {
      speech.actor = *body;
    }
  }
  // A State that is an independent body's mandate speaks through no member of it: "Chairperson
  // of the International Commission of Human Rights Experts on Ethiopia", "Chair of the
  // Independent International Fact-finding Mission on the Bolivarian Republic of Venezuela".
  if (h.country && speech.actor.id == h.country->id && !title.empty()) {
    const Annotation* state = actor_mention(store_, title, h.country->id);
    const std::string_view before =
        state ? text().substr(title.begin, state->span.begin - title.begin) : std::string_view();
    if (state && state->attrs.text("actor_type") == "state" &&
        ends_with_any(before, {" on ", " on the ", " in ", " in the "})) {
      speech.actor = {};
      speech.role = "briefer";
    }
  }
}

// Where `plain` (in plain punctuation, see normalise_punctuation()) is printed in `span`: the
// span's text is made plain a character at a time, each output byte remembering the byte it
// came from ("the European Union’s High Representative" holds "the European Union's High ...").
Span SpeechBuilder::printed_span_of(Span span, std::string_view plain) const {
  const std::string_view printed = text().substr(span.begin, span.size());
  std::string made;
  std::vector<uint32_t> from;  // made[k] came from printed[from[k]]
  for (std::size_t at = 0; at < printed.size();) {
    const std::size_t length = std::min<std::size_t>(utf8_sequence_length(static_cast<unsigned char>(printed[at])), printed.size() - at);
    std::string piece = normalise_punctuation(printed.substr(at, length));
    // (White space alone is trimmed to nothing: between two letters it is one space.)
    if (piece.empty() && normalise_punctuation("a" + std::string(printed.substr(at, length)) + "b") == "a b") piece = " ";
    if (piece == " " && (made.empty() || made.back() == ' ')) piece.clear();
    for (char c : piece) {
      made += c;
      from.push_back(static_cast<uint32_t>(at));
    }
    at += length;
  }
  const std::size_t found = made.find(plain);
  if (found == std::string::npos || plain.empty()) return {};
  const std::size_t last = from[found + plain.size() - 1];
  const std::size_t end = last + utf8_sequence_length(static_cast<unsigned char>(printed[last]));
  return {span.begin + from[found], span.begin + static_cast<uint32_t>(std::min(end, printed.size()))};
}

// Where the title of `h` is printed in its speaker line (empty if it has none there).
Span SpeechBuilder::title_span(const Header& h) const {
  if (h.title.empty()) return {};
  // (The title is kept in plain punctuation; the text may print "’" for "'", or a no-break hyphen.)
  return printed_span_of(h.span, h.title);
}

// In a release, a later sentence of `paragraph`, whose first turn is the last of the
// document's so far, may open another delegation's turn, which ends the one before:
// "Yasser Halfaoui (Morocco) praised ...  Similarly, Federico González Vivas (Uruguay), also
// speaking for Mexico and Argentina, welcomed ..." (a speaker line), "... Steinmeier, said
// ...  New Zealand Prime Minister John Key called the deal ..." (a reported delegation).
void SpeechBuilder::split_at_later_turns(Span paragraph, std::string_view kind) {
  auto& speeches = document_.speeches();
  const auto later_line = [&](const Header& h) {
    return h.layout == "press_release" && h.country && h.country->id != speeches.back().actor.id;
  };
  auto it = std::upper_bound(headers_.begin(), headers_.end(), paragraph.begin,
                             [](uint32_t at, const Header& h) { return at < h.span.begin; });
  for (; it != headers_.end() && it->span.begin < paragraph.end; ++it) {
    if (!later_line(*it)) continue;
    speeches.back().span.end = trim_end(speeches.back().span.begin, it->span.begin);
    speeches.push_back(summary_speech(*it, {it->span.begin, paragraph.end}, kind, speeches));
  }
  const auto [later, cue] = sentence_opening_with_cue(paragraph);
  const ActorRef* next_actor = cue ? cue->attrs.actor("actor") : nullptr;
  if (!next_actor || later <= speeches.back().span.begin || next_actor->id == speeches.back().actor.id) return;
  speeches.back().span.end = trim_end(speeches.back().span.begin, later);
  speeches.push_back(reported_speech({later, paragraph.end}, *cue));
}

// Press releases and summary records (`kind`): a paragraph opening with a speaker line (of
// the kind's layout) starts a summary of that speaker's statement, which runs on over the
// paragraphs without one. Before the first of them (the overview), each sentence that
// reports a delegation ("France's representative said") starts a reported speech that runs
// to the next such sentence or the paragraph's end. A name in mixed case ("Yury Fedotov,
// Executive Director of ..., said") is the overview's way of naming a briefer: the summary
// runs on over the paragraphs that go on with "She ..." or "He ...", and the overview goes on.
void SpeechBuilder::summarised_speeches(std::string_view kind) {
  bool statements = false;
  bool briefer_goes_on = false;   // the last paragraph was an overview briefer's
  bool reported_goes_on = false;  // the last paragraph ended in a reported delegation's speech
  auto& speeches = document_.speeches();
  for (AnnotationId id : store_.of_type("paragraph")) {
    const Span p = store_[id].span;
    if (const Header* h = header_at(p.begin, kind)) {
      const bool overview_briefer = kind == "press_release" && !in_capitals(h->speaker);
      // "“...,” Abu Ali said" after Nidaa Abu Ali's own paragraph: the same person goes on; so
      // does one named again in full in the next paragraph (a page that prints its lead twice).
      if (overview_briefer && !speeches.empty() &&
          (surname_of(speeches.back().speaker, h->speaker) || speeches.back().speaker == h->speaker)) {
        speeches.back().span.end = p.end;
        briefer_goes_on = true;
        continue;
      }
      // The release's lead reports an office ("..., the Permanent Representative of Nigeria,
      // President of the body for August, said ..."), the next paragraph quotes a person with
      // no State ("“...,” U. Joy Ogwu said"), or with one if the lead's actor is an
      // organisation, not a delegation ("the head of the Economic and Social Council (ECOSOC)
      // told ..." then "“...,” said Néstor Osorio (Colombia)"): the same turn, named by the person.
      // (Not a lead that names its person: "United Nations Secretary-General António Guterres
      // said" is a turn of his own before DiCarlo's.)
      const uint32_t lead_end = speeches.empty() ? 0 : speeches.back().span.end;
      const bool lead_names_an_office = speeches.size() == 1 && names_an_office(speeches.back().speaker);
      const bool lead_holds_an_office =
          lead_names_an_office && actor_kind(speeches.back().span, speeches.back().actor.id).first == "organization";
      // Not when the person holds an office of their own: an official of the Secretariat after
      // any lead ("The representative of Kuwait ... said" then "Mark Lowcock, Under-Secretary-
      // General for Humanitarian Affairs ..., said"), or another body's office after a
      // delegate's lead ("the representative of Brazil said" then "Thomas Bach, President of the
      // International Olympic Committee, said").
      const bool other_office_holder_after_lead =
          lead_names_an_office && speeches.back().actor.id != kUnitedNations.id &&
          (secretariat_office(h->title) ||
           (!h->title.empty() && !delegation_office(h->title) && names_a_delegate(speeches.back().speaker)));
      if (overview_briefer && lead_names_an_office && !other_office_holder_after_lead &&
          (!h->country || lead_holds_an_office) && speeches.back().mode == "reported" &&
          !speeches.back().actor.id.empty() && lead_end <= p.begin && trim_end(lead_end, p.begin) == lead_end) {
        Speech& lead = speeches.back();
        lead.span.end = p.end;
        lead.speaker = h->speaker;
        lead.header = h->span;
        lead.mode = "summary";
        briefer_goes_on = true;
        continue;
      }
      if (!overview_briefer) statements = true;
      briefer_goes_on = overview_briefer;
      speeches.push_back(summary_speech(*h, p, kind, speeches));
      if (kind == "press_release") split_at_later_turns(p, kind);
      continue;
    }
    if (statements) {
      Span from = p;
      const Annotation* cue = reported_cue(first_sentence(p));
      // "Council members welcomed the redeployment. The representative of the United
      // Kingdom, penholder on Yemen, said ...": a later sentence that opens with a delegate.
      if (!cue) std::tie(from.begin, cue) = sentence_opening_with_cue(p);
      const ActorRef* actor = cue ? cue->attrs.actor("actor") : nullptr;
      const bool goes_on = !speeches.empty() && speeches.back().mode == "summary";
      // ("Responding, Mr. Jones said" in Mr. Smith's summary: Mr. Jones's turn.)
      const bool another_person = cue && by_surname(*cue) && (speeches.empty() || !same_person(speeches.back(), *cue));
      if ((cue && petitioner(*cue)) || another_person ||
          (actor && (speeches.empty() || speeches.back().actor.id != actor->id))) {
        if (goes_on && from.begin > p.begin) speeches.back().span.end = trim_end(p.begin, from.begin);
        speeches.push_back(reported_speech(from, *cue));
      } else if (goes_on) {
        speeches.back().span.end = p.end;  // the statement goes on
      }
      continue;
    }
    // Where a turn starts: a reported delegation's cue, or a delegate's speaker line that opens
    // a sentence, as an overview names several in one paragraph ("... Tuvalu. Zarar Ahmad
    // Osmani, Minister for Foreign Affairs, Afghanistan, said ...").
    struct Start {
      uint32_t at;
      const Annotation* cue;
      const Header* line;
    };
    std::vector<Start> starts;
    for (AnnotationId sentence : store_.contained("sentence", p)) {
      const Span s = store_[sentence].span;
      if (const Header* line = header_at(s.begin, kind); line && line->country && !lists_speakers(s)) {
        starts.push_back({s.begin, nullptr, line});
        continue;
      }
      const Annotation* cue = reported_cue(s);
      if (!cue) continue;
      starts.push_back({s.begin, cue, nullptr});
      // "..., and the representative of Yemen noted that ...": a second delegation reported
      // in a clause of its own.
      for (const Annotation* next : coordinated_cues(s, *cue)) starts.push_back({next->span.begin, next, nullptr});
    }
    // "She added that ...", "..., he said, ...": the briefer's summary goes on (other paragraphs
    // are the overview's).
    if (starts.empty() && briefer_goes_on && refers_back_to_delegate(first_sentence(p))) {
      speeches.back().span.end = p.end;
      continue;
    }
    briefer_goes_on = false;
    // "Speaking on behalf of CARICOM, that representative said ...": the delegation reported in
    // the paragraph just before goes on.
    if (starts.empty() && reported_goes_on && refers_back_to_delegate(first_sentence(p))) {
      speeches.back().span.end = p.end;
      continue;
    }
    const bool last_goes_on = reported_goes_on;
    reported_goes_on = !starts.empty();
    for (std::size_t i = 0; i < starts.size(); ++i) {
      const uint32_t end = i + 1 < starts.size() ? trim_end(starts[i].at, starts[i + 1].at) : p.end;
      if (starts[i].line) {
        speeches.push_back(summary_speech(*starts[i].line, {starts[i].at, end}, kind, speeches));
        continue;
      }
      // "Nepal's representative added that ...", right after Nepal's representative's speech:
      // the same delegate goes on; so does "Mr. Lacroix said" after Jean-Pierre Lacroix's.
      // (A person's summary goes on after other paragraphs too: "Mr. Othman said" two
      // paragraphs after "Mohamed Chande Othman, Chairperson of ..., said".)
      const Annotation& cue = *starts[i].cue;
      if (!speeches.empty() &&
          (((i > 0 || last_goes_on) && same_delegate(speeches.back(), cue)) || same_person(speeches.back(), cue))) {
        speeches.back().span.end = end;
        continue;
      }
      speeches.push_back(reported_speech({starts[i].at, end}, cue));
    }
  }
}

// A release's turn whose speaker is an office of an organisation ("the Prosecutor of the
// International Criminal Court told the 15-member body"): the person who holds it, if the
// release names them (named_again.hpp: "Prosecutor Fatou Bensouda said", ", Mr. Moreno-Ocampo
// laid out"). Its office, the words after the article and before "of" or "for", is the title.
// The release may name the person in the paragraph after the turn's, before any other turn.
void SpeechBuilder::name_office_holders() {
  auto& speeches = document_.speeches();
  for (std::size_t i = 0; i < speeches.size(); ++i) {
    Speech& speech = speeches[i];
    if (speech.mode != "reported" || speech.actor.id.empty() || !starts_with_any(speech.speaker, {"the ", "The "}))
      continue;
    if (actor_kind(speech.span, speech.actor.id).first != "organization") continue;
    std::string_view office = std::string_view(speech.speaker).substr(4);
    office =
        office.substr(0, std::min({office.find(" of "), office.find(" for "), office.find(" ("), office.find(',')}));
    Span searched = speech.span;
    const uint32_t next_turn =
        i + 1 < speeches.size() ? speeches[i + 1].span.begin : static_cast<uint32_t>(text().size());
    const auto& paragraphs = store_.of_type("paragraph");  // in text order
    const auto next = std::lower_bound(paragraphs.begin(), paragraphs.end(), speech.span.end,
                                       [&](AnnotationId id, uint32_t end) { return store_[id].span.begin < end; });
    if (next != paragraphs.end() && store_[*next].span.end <= next_turn) searched.end = store_[*next].span.end;
    if (auto holder = holder_of_office(text(), office, searched)) speech.speaker = std::move(*holder);
  }
}

// The words in brackets after a summary record's speaker, which name an office when they
// name no country: "Mr. Gustafik (Secretary of the Committee)" -> "Secretary of the Committee".
std::string SpeechBuilder::bracketed_office(const Header& h) const {
  const std::string_view line = document_.slice(h.span);
  const auto open = line.find('(');
  const auto close = open == std::string_view::npos ? open : line.find(')', open);
  return close == std::string_view::npos ? std::string() : std::string(line.substr(open + 1, close - open - 1));
}

// "Mr. Hitti" and "Mr. Nassib Hitti", "Mr. HITTI" and "Mr. Hitti": one person, as a
// summary record names him again (the title and the last word, without case).
bool SpeechBuilder::same_surname(std::string_view a, std::string_view b) {
  const auto first_word = [](std::string_view s) { return s.substr(0, s.find(' ')); };
  const auto last = [](std::string_view s) { return s.substr(s.rfind(' ') + 1); };
  return a.find(' ') != std::string_view::npos && b.find(' ') != std::string_view::npos &&
         first_word(a) == first_word(b) && lower_ascii(last(a)) == lower_ascii(last(b));
}

// True if `later` names the person `earlier` named in full by the last words of the name:
// "Abu Ali" after "Nidaa Abu Ali" (not the same name again: that is a new turn of the same
// speaker only if nothing came between, which the caller does not know).
bool SpeechBuilder::surname_of(std::string_view earlier, std::string_view later) {
  return later.size() >= 3 && later.size() < earlier.size() && earlier.ends_with(later) &&
         earlier[earlier.size() - later.size() - 1] == ' ';
}

// "LUIS ALFONSO de ALBA" is in capitals (the particles aside), "Dayana Rios" is not: a word
// that begins with a capital and goes on in lower case.
bool SpeechBuilder::in_capitals(std::string_view name) {
  for (std::size_t i = 0; i + 1 < name.size(); ++i) {
    const bool word_start = i == 0 || name[i - 1] == ' ';
    if (word_start && name[i] >= 'A' && name[i] <= 'Z' && name[i + 1] >= 'a' && name[i + 1] <= 'z') return false;
  }
  return true;
}

Span SpeechBuilder::first_sentence(Span paragraph) const {
  const auto& sentences = store_.contained("sentence", paragraph);
  return sentences.empty() ? paragraph : store_[sentences.front()].span;
}

// True if `cue` reports the delegation whose reported speech `speech` is.
bool SpeechBuilder::same_delegate(const Speech& speech, const Annotation& cue) {
  const ActorRef* actor = cue.attrs.actor("actor");
  return speech.mode == "reported" && actor && speech.actor.id == actor->id;
}

// True if a reported speaker is named by an office, not a person: "Permanent Representative
// of Nigeria", "the head of the Economic and Social Council", "THE DEPUTY PERMANENT
// REPRESENTATIVE", not "Secretary-General António Guterres".
bool SpeechBuilder::names_an_office(std::string_view speaker) {
  return speaker.find(" of ") != std::string_view::npos || starts_with_any(speaker, {"the ", "The ", "THE "});
}

// A reported speech: the speaker is the name the cue gives ("The representative of Egypt,
// Ahmed Aboul Gheit, said"), else the cue as printed ("France's representative").
Speech SpeechBuilder::reported_speech(Span span, const Annotation& cue) const {
  Speech speech;
  speech.span = span;
  const std::string name = cue.attrs.text("speaker");
  speech.speaker = one_line(name.empty() ? document_.slice(cue.span) : std::string_view(name));
  // ("UNEP Executive Director Achim Steiner described": the person, as a release's speaker line.)
  if (auto split = office_before_name(speech.speaker)) speech.speaker = std::move(split->name);
  if (const ActorRef* actor = cue.attrs.actor("actor")) speech.actor = *actor;
  speech.role = petitioner(cue)                                ? "petitioner"
                : reads_for_the_council(cue) || presiding(cue) ? "president"
                                                               : "delegate";
  if (presiding(cue)) speech.actor = presiding_officer_actor(cue);
  if (by_surname(cue)) {
    name_person_again(speech, cue.span.begin);
    // ("Mr. Eliasson said" after "General Assembly President Jan Eliasson": the Assembly's President.)
    if (speech.actor.id == kGeneralAssembly.id) speech.role = "president";
  }
  // ("The United Nations Deputy Secretary-General said": an office of the Secretariat.)
  if (by_office(cue)) speech.actor = kUnitedNations;
  if (speech.actor.id == kUnitedNations.id && !cue.attrs.actor("actor")) speech.role = "briefer";
  speech.mode = "reported";
  return speech;
}

// Whom a presiding officer named by office alone speaks for: the Assembly's officers for the
// Assembly; the Security Council's President for the presidency's State, if the document
// says which; another body's officer (the Human Rights Council's, a commission's) or a
// Vice-President standing in for no one the text names.
ActorRef SpeechBuilder::presiding_officer_actor(const Annotation& cue) const {
  const std::string_view office = document_.slice(cue.span);
  // (Not presides_over_assembly(), which reads an office in a speaker's title: a Vice-President
  // the cue says presides ("The Vice-President of the Assembly said") stands in for the President.)
  if (general_assembly() || office.find("Assembly") != std::string_view::npos) return kGeneralAssembly;
  const bool security_council =
      meta("body") == "Security Council" || office.find("Security Council") != std::string_view::npos;
  if (security_council && office.find("President") != std::string_view::npos &&
      office.find("Vice") == std::string_view::npos)
    return presidency_;
  return {};
}

// The State a heading names by its adjective before the word "statement" (or "speech", "remarks",
// "address"): "German statement delivered by Ambassador Leendertse at ...".
const ActorRef* SpeechBuilder::demonym_before_statement(Span heading) const {
  const std::string_view text_of = text().substr(heading.begin, heading.end - heading.begin);
  // (The statement by any of its names: "Armenian Foreign Minister NAME's speech at ...".)
  std::size_t statement = std::string_view::npos;
  for (std::string_view word : {"statement", "Statement", "speech", "Speech", "remarks", "Remarks", "address", "Address"}) {
    statement = std::min(statement, text_of.find(word));
  }
  if (statement == std::string_view::npos) return nullptr;
  for (AnnotationId id : store_.contained("actor", {heading.begin, static_cast<uint32_t>(heading.begin + statement)})) {
    const Annotation& a = store_[id];
    if (a.attrs.text("form") == "demonym" && a.attrs.text("actor_type") == "state") return a.attrs.actor("actor");
  }
  return nullptr;
}

const ActorRef* SpeechBuilder::state_titling_statement(uint32_t before) const {
  for (AnnotationId id : store_.contained("actor", {0, before})) {
    const Annotation& a = store_[id];
    if (a.attrs.text("actor_type") != "state") continue;
    std::string_view after = text().substr(a.span.end, before - a.span.end);
    for (std::string_view possessive : {"'s", "\u2019s"}) {
      if (after.starts_with(possessive)) after.remove_prefix(possessive.size());
    }
    if (starts_with_any(after, {" statement", " Statement", " STATEMENT"})) return a.attrs.actor("actor");
  }
  return nullptr;
}

// The first State named in `span`, if any, not in brackets: "A3+ (ALGERIA, GUYANA,
// MOZAMBIQUE AND SIERRA LEONE)" lists the group's members, not the speaker's State. With
// `skip_topics`, not a State a meeting is on either: "EU Statement ... at the UN Security
// Council Briefing on Ukraine", "..., at the UN Security Council: Maintenance of Peace and
// Security of Ukraine"; nor the State of a person the meeting honours, "... TO PAY TRIBUTE TO THE
// MEMORY OF H.E. MR. SEYYED EBRAHIM RAISI, LATE PRESIDENT OF THE ISLAMIC REPUBLIC OF IRAN".
const ActorRef* SpeechBuilder::state_named_in(Span span, bool skip_topics) const {
  for (AnnotationId id : store_.contained("actor", span)) {
    const Annotation& a = store_[id];
    const std::string_view before = text().substr(span.begin, a.span.begin - span.begin);
    if (std::count(before.begin(), before.end(), '(') > std::count(before.begin(), before.end(), ')')) continue;
    // The meeting's title: "... on Yemen", ", at the Security Council", "UN Security Council: Ukraine",
    // "– Ukraine", "on the situation in the Libyan Arab Jamahiriya", "the Middle East, including
    // the Palestinian question" (a State's adjective in a title names its question, not a speaker).
    const bool topic = ends_with_any(before, {" on ", " on the ", " in ", " in the ", ": ", "– ", "— ", " including the "}) ||
                       before.find(", at ") != std::string_view::npos ||
                       contains_any(before, {"tribute to", "TRIBUTE TO", "memory of", "MEMORY OF"}) ||
                       a.attrs.text("form") == "demonym";
    if (skip_topics && topic) continue;
    if (a.attrs.text("actor_type") == "state") return a.attrs.actor("actor");
  }
  return nullptr;
}

// The State a heading names as its author, in `span`: just before an office ("New Zealand
// Permanent Representative", "Norway's Ambassador") or between "Statement by" (or "of") and "on
// behalf of" ("Statement by Slovenia on behalf of the European Union, given by HE Ambassador
// Andrej Logar", "Statement of the Republic of Lithuania, on behalf of Nordic-Baltic countries
// delivered by ..."; not the first of a list of States, "Statement by Denmark, Finland, ... and
// Sweden").
const ActorRef* SpeechBuilder::state_authoring_heading(Span span) const {
  static constexpr std::string_view kAuthoredBy[] = {"Statement by ",      "STATEMENT BY ",     "Statement of ",
                                                     "Statement of the ", "STATEMENT OF ",     "STATEMENT OF THE "};
  for (AnnotationId id : store_.contained("actor", span)) {
    const Annotation& a = store_[id];
    if (a.attrs.text("actor_type") != "state") continue;
    const std::string_view after = text().substr(a.span.end, 40);
    const std::string_view before = text().substr(span.begin, a.span.begin - span.begin);
    if (starts_with_any(after, {" Permanent Representative", " Deputy Permanent Representative", " Ambassador",
                                "'s Permanent Representative", "\u2019s Permanent Representative"}) ||
        (std::find(std::begin(kAuthoredBy), std::end(kAuthoredBy), before) != std::end(kAuthoredBy) &&
         starts_with_any(after, {" on behalf of ", " ON BEHALF OF ", ", on behalf of ", ", ON BEHALF OF "})))
      return a.attrs.actor("actor");
  }
  return nullptr;
}

// The last organisation named in `span`, if any.
const ActorRef* SpeechBuilder::organization_named_in(Span span) const {
  const ActorRef* found = nullptr;
  for (AnnotationId id : store_.contained("actor", span)) {
    if (store_[id].attrs.text("actor_type") == "organization") found = store_[id].attrs.actor("actor");
  }
  return found;
}

// A speaker label that opens the first paragraph after a few lines of date, place and title
// ("9 September 2003" above "The Secretary-General: Good morning ..."; "Secretary-General's
// remarks at joint press encounter with ... [unofficial transcript]" above "SG: Good morning").
const Header* SpeechBuilder::label_after_dateline(const std::vector<AnnotationId>& paragraphs) const {
  constexpr uint32_t kHeadingLine = 200;
  for (std::size_t i = 0; i < paragraphs.size() && i < 4; ++i) {
    const Span p = store_[paragraphs[i]].span;
    const std::string_view line = text().substr(p.begin, p.end - p.begin);
    const bool heading = line.size() <= kHeadingLine && line.find('\n') == std::string_view::npos && !line.empty() &&
                         std::string_view(".?!:").find(line.back()) == std::string_view::npos;
    if (heading && i + 1 < paragraphs.size()) continue;
    return header_at(p.begin, "verbatim");
  }
  return nullptr;
}

}  // namespace caucus::annotators
