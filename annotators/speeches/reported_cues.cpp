// Which reported-speech cues open a turn of a press release or a summary: a delegation, a
// petitioner or an official named as the subject that speaks ("the representative of Malta
// stressed"), not one that a list of speakers, a recalled meeting, a quoted headline or another
// speaker's reported words only names.
#include "speeches/speech_builder.hpp"

#include <string_view>
#include <utility>

#include "common/text_match.hpp"

namespace caucus::annotators {

namespace {

// True if the sentence (`sentence`, its words before the cue `before`) recalls an earlier
// meeting whose speaker the cue names: "On 28 November, the Council had heard from Charles
// Nqakula, ..., Minister for Safety and Security of South Africa (see Press Release SC/9180),
// who had given an update ...".
bool recalls_an_earlier_meeting(std::string_view sentence, std::string_view before) {
  return contains_any(before, {" had heard from ", " had been briefed by ", " had heard a briefing "}) ||
         sentence.find("(see Press Release") != std::string_view::npos;
}

// True if the cue names whom the meeting heard, and the sentence reports none of the words:
// "Speakers ... called for ..., after they heard the President of Djibouti and the
// representative of Eritrea present their respective views" (not "heard from the
// representative of Egypt, who said ..."). `after` is the text that follows the cue.
bool only_heard(std::string_view before, std::string_view after) {
  const std::size_t heard = before.rfind(" heard ");
  if (heard == std::string_view::npos || before.find_first_of(",;", heard) != std::string_view::npos) return false;
  return !after.starts_with(", who");
}

// True if the cue is inside what a speaker reports: "He told the Council that the ECOWAS Foreign
// Minister had agreed ...", "She said that the representative of X had ...".
bool inside_reported_words(std::string_view before) {
  return (before.ends_with(" that ") || before.ends_with(" that the ")) && contains_any(before, kSpeechVerbs);
}

// True if the cue is inside a quoted title: "meeting record on Guinea-Bissau titled
// "Secretary-General's Representative, Briefing Security Council ..."" is a headline.
bool inside_a_quoted_title(std::string_view before) {
  for (const auto& [opening, closing] : {std::pair<std::string_view, std::string_view>{"titled \"", "\""},
                                         std::pair<std::string_view, std::string_view>{"titled \u201C", "\u201D"}}) {
    const std::size_t at = before.rfind(opening);
    if (at != std::string_view::npos && before.find(closing, at + opening.size()) == std::string_view::npos)
      return true;
  }
  return false;
}

}  // namespace

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

// True if `cue` may open a turn: it names an actor, a petitioner, a person named before, or
// an official by office, except in the briefing of the Secretary-General's spokesperson,
// who reports what he said ("The Secretary-General told the Fifth Committee, ...").
bool SpeechBuilder::opens_a_turn(const Annotation& cue) const {
  // (Not a name the sentence only mentions; the cue's own span stands for a sentence the
  // segmenter did not make.)
  const AnnotationId sentence_id = store_.at("sentence", cue.span.begin);
  const Span sentence = sentence_id == kNoAnnotation ? cue.span : store_[sentence_id].span;
  const std::string_view before = text().substr(sentence.begin, cue.span.begin - sentence.begin);
  if (recalls_an_earlier_meeting(document_.slice(sentence), before) ||
      only_heard(before, text().substr(cue.span.end, 6)) || inside_a_quoted_title(before) ||
      inside_reported_words(before))
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
