// Presiding officers by the State they come from.
//
// A General Assembly record's President, an Acting President (a Vice-President in the Chair) and
// a Main Committee's Chair speak for the Assembly (UNGA) while the speeches are built; another
// body's President (the Economic and Social Council's) for no one. As the Security Council's
// President speaks for the presidency's State, so do they, wherever the document says which
// State that is; where it does not, they stay as they were.
#include "speeches/speech_builder.hpp"

#include <map>

#include "common/text_match.hpp"

namespace caucus::annotators {

namespace {

bool acting(std::string_view speaker) {
  return speaker.find("Acting") != std::string_view::npos || speaker.find("ACTING") != std::string_view::npos ||
         speaker.find("Vice") != std::string_view::npos || speaker.find("VICE") != std::string_view::npos;
}

}  // namespace

// The State a presiding officer's speech comes from, in this order: the one printed with the
// speaker ("General Assembly President Sam Kutesa (Uganda)", "Committee Chair NAME (Bulgaria)",
// "..., Permanent Representative of Barbados, Acting President of The General Assembly"); for an
// Acting President, the Vice-President who last "took the Chair" before the speech; otherwise the
// record's cover ("President: Mr. D'Escoto Brockmann ... (Nicaragua)") or the President's own
// "in my capacity as the representative of ...". Null if the document names none.
const ActorRef* SpeechBuilder::state_of_presiding_officer(const Speech& speech) const {
  if (const ActorRef* printed = state_printed_in(speech.header)) return printed;
  if (acting(speech.speaker)) return acting_chair_at(speech.span.begin);
  const bool known = !cover_.empty() || !national_capacity_.empty();
  return known && !presidency_.id.empty() ? &presidency_ : nullptr;
}

// The State a speaker line prints, in brackets or not, but not a meeting's topic ("... on the
// situation in Ukraine") nor an adjective.
const ActorRef* SpeechBuilder::state_printed_in(Span header) const {
  if (header.empty()) return nullptr;
  for (AnnotationId id : store_.contained("actor", header)) {
    const Annotation& a = store_[id];
    if (a.attrs.text("actor_type") != "state" || a.attrs.text("form") == "demonym") continue;
    const std::string_view before = text().substr(header.begin, a.span.begin - header.begin);
    if (ends_with_any(before, {" on ", " on the ", " in ", " in the ", " to ", " to the ", ": "})) continue;
    return a.attrs.actor("actor");
  }
  return nullptr;
}

// The State of the Vice-President who last "took the Chair" before `at`; null if none did.
const ActorRef* SpeechBuilder::acting_chair_at(uint32_t at) const {
  const ActorRef* chair = nullptr;
  for (const auto& [from, state] : acting_chairs_) {
    if (from <= at) chair = &state;
  }
  return chair;
}

// The State of the Vice-President in the Chair at `at`, or of the cover's President ("President:
// Mr. Soborun (Vice-President) ... (Mauritius)"); null if neither is known. (For a body whose
// records label whoever presides "The President", the Economic and Social Council's.)
const ActorRef* SpeechBuilder::state_in_the_chair(uint32_t at) const {
  if (const ActorRef* chair = acting_chair_at(at)) return chair;
  return !cover_.empty() && !presidency_.id.empty() ? &presidency_ : nullptr;
}

void SpeechBuilder::presiding_officers_by_state() {
  // (A release names the President again by surname, "Mr. Kutesa said", after the full name
  // with the State: the State found for the first.)
  std::map<std::string, ActorRef> by_surname;
  for (Speech& speech : document_.speeches()) {
    if (speech.actor.id.empty() && speech.role == "president") {
      if (const ActorRef* state = state_in_the_chair(speech.span.begin)) speech.actor = *state;
      continue;
    }
    if (speech.actor.id != kGeneralAssembly.id) continue;
    // (Not an office's label, "The President", whose surname is no name.)
    const std::string surname = speech.speaker.starts_with("The ") ? std::string() : last_word(speech.speaker);
    if (const ActorRef* state = state_of_presiding_officer(speech)) {
      speech.actor = *state;
      if (!surname.empty()) by_surname.emplace(surname, *state);
    } else if (const auto known = by_surname.find(surname); !surname.empty() && known != by_surname.end()) {
      speech.actor = known->second;
    }
  }
}

}  // namespace caucus::annotators
