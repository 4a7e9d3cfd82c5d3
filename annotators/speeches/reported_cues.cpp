// Which reported-speech cues open a turn of a press release or a summary: a delegation, a
// petitioner or an official named as the subject that speaks ("the representative of Malta
// stressed"), not one that a list of speakers, a recalled meeting, a quoted headline or another
// speaker's reported words only names.
#include "speeches/speech_builder.hpp"

#include "common/text_match.hpp"

namespace caucus::annotators {

// True if `sentence` lists the other speakers: "Also speaking were the representatives of
// Egypt, ... and the observer for the Holy See", "Other speakers included ...", "Speaking
// were NAME, Minister for Foreign Affairs of Bahrain; NAME, ..." (not "Also speaking today,
// the representative of Luxembourg ... said", one delegate's speech).
bool SpeechBuilder::lists_speakers(Span sentence) const {
  const std::string_view text = document_.slice(sentence);
  if (!starts_with_any(text, {"Also speaking", "Also taking the floor", "Also addressing", "Other speakers",
                              "Speakers also", "Speaking", "Taking the floor", "Taking part", "The speakers"}))
    return false;
  const std::string_view opening = text.substr(0, text.find(','));
  return contains_any(opening, {" were ", " was ", " included "});
}

// The first reported-speech cue inside `span`, if any; none in a list of speakers. A cue
// names a delegation's actor, or is a petitioner's, who speaks for no State.
const Annotation* SpeechBuilder::reported_cue(Span span) const {
  if (lists_speakers(span)) return nullptr;
  for (AnnotationId id : store_.contained("reported_speech", span)) {
    if (opens_a_turn(store_[id])) return &store_[id];
  }
  return nullptr;
}

// True if `cue` is at its paragraph's start, after an opening phrase at most.
bool SpeechBuilder::opens_its_paragraph(const Annotation& cue) const {
  const AnnotationId paragraph = store_.at("paragraph", cue.span.begin);
  return paragraph == kNoAnnotation || first_sentence(store_[paragraph].span).contains(cue.span);
}

// The sentence `cue` is in (the cue's own span if the segmenter made none).
Span SpeechBuilder::sentence_of(const Annotation& cue) const {
  const AnnotationId sentence = store_.at("sentence", cue.span.begin);
  return sentence == kNoAnnotation ? cue.span : store_[sentence].span;
}

// The words of `cue`'s sentence before it.
std::string_view SpeechBuilder::sentence_before(const Annotation& cue) const {
  const uint32_t begin = sentence_of(cue).begin;
  return text().substr(begin, cue.span.begin - begin);
}

// True if `cue` names a speaker of an earlier meeting that the release recalls: "On 28
// November, the Council had heard from Charles Nqakula, ..., Minister for Safety and Security of
// South Africa (see Press Release SC/9180), who had given an update ...".
bool SpeechBuilder::recalls_an_earlier_meeting(const Annotation& cue) const {
  return contains_any(sentence_before(cue), {" had heard from ", " had been briefed by ", " had heard a briefing "}) ||
         document_.slice(sentence_of(cue)).find("(see Press Release") != std::string_view::npos;
}

// True if `cue` names whom the meeting heard, and the sentence reports none of the words:
// "Speakers ... called for ..., after they heard the President of Djibouti and the
// representative of Eritrea present their respective views" (not "heard from the
// representative of Egypt, who said ...").
bool SpeechBuilder::only_heard(const Annotation& cue) const {
  const std::string_view before = sentence_before(cue);
  const std::size_t heard = before.rfind(" heard ");
  if (heard == std::string_view::npos || before.find_first_of(",;", heard) != std::string_view::npos) return false;
  return !text().substr(cue.span.end, 6).starts_with(", who");
}

// True if `cue` is inside what a speaker reports: "He told the Council that the ECOWAS Foreign
// Minister had agreed ...", "She said that the representative of X had ...".
bool SpeechBuilder::inside_reported_words(const Annotation& cue) const {
  const std::string_view before = sentence_before(cue);
  return (before.ends_with(" that ") || before.ends_with(" that the ")) && contains_any(before, kSpeechVerbs);
}

// True if `cue` is inside a quoted title: "meeting record on Guinea-Bissau titled
// "Secretary-General's Representative, Briefing Security Council ..."" is a headline.
bool SpeechBuilder::inside_a_quoted_title(const Annotation& cue) const {
  const std::string_view before = sentence_before(cue);
  for (const auto& [opening, closing] : {std::pair<std::string_view, std::string_view>{"titled \"", "\""},
                                         std::pair<std::string_view, std::string_view>{"titled \u201C", "\u201D"}}) {
    const std::size_t at = before.rfind(opening);
    if (at != std::string_view::npos && before.find(closing, at + opening.size()) == std::string_view::npos)
      return true;
  }
  return false;
}

// True if `cue` may open a turn: it names an actor, a petitioner, a person named before, or
// an official by office, except in the briefing of the Secretary-General's spokesperson,
// who reports what he said ("The Secretary-General told the Fifth Committee, ...").
bool SpeechBuilder::opens_a_turn(const Annotation& cue) const {
  if (recalls_an_earlier_meeting(cue) || only_heard(cue) || inside_a_quoted_title(cue) || inside_reported_words(cue))
    return false;
  // Inside a paragraph, a State as subject opens a turn only where two sentences or more name
  // their speakers so: in a release that names its delegates, "Israel said" inside one's
  // summary reports another State's words.
  if (state_subject(cue) && !opens_its_paragraph(cue) && state_subjects_ < 2) return false;
  if (cue.attrs.actor("actor") || petitioner(cue) || by_surname(cue) || reads_for_the_council(cue) || presiding(cue))
    return true;
  return by_office(cue) && !spokespersons_briefing_;
}

}  // namespace caucus::annotators
