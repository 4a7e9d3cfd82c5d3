// The speaker lines of a document: the speaker_header annotations the rules found, and which of
// the doubtful ones (a line without its colon, a line inside a paragraph, a page's
// continuation line, a delegation's name alone as a label) open a speech.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "caucus/annotation.hpp"
#include "caucus/text.hpp"

namespace caucus::annotators {

struct Header {
  Span span;
  std::string speaker;
  std::string layout;
  const ActorRef* country = nullptr;
  std::string title;  // the office printed after the name, if any
  bool questioner = false;  // a journalist's label in a transcript ("Q:", "Reporter:")
};

// Turns the doubtful speaker lines of `headers` (in text order) into "verbatim" ones where the
// text around them says they are speaker lines, and drops the others. `record_cover`: the
// cover says the text is a meeting's record.
void accept_speaker_lines(std::vector<Header>& headers, bool record_cover);

}  // namespace caucus::annotators
