// A Document: one input text as validated UTF-8, its metadata and its annotations.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caucus/annotation.hpp"
#include "caucus/diagnostics.hpp"
#include "caucus/hyphenation.hpp"
#include "caucus/text.hpp"

namespace caucus {

// A speech (a speaker's turn): the unit that "I" and "we" resolve against.
struct Speech {
  Span span;                 // byte offsets of the whole turn, header included
  Span header;               // the speaker line ("Mr. Flynn (Ireland):"), empty if none
  std::string speaker;       // the name as printed ("Mr. Flynn", "The President")
  ActorRef actor;            // whom the speaker speaks for; empty id if unknown
  std::string role;          // president, member, invited, briefer, observer, secretariat
  std::string mode;          // "direct" for verbatim turns, "reported" for press-release summaries
};

class Document {
 public:
  // Takes `text`, which must be valid UTF-8 (see reader.hpp for reading files safely). Words
  // hyphenated across a line break are rejoined in place (see hyphenation.hpp): the text keeps
  // its length, so every span is also a span of the text as read.
  Document(std::string name, std::string text);
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;

  const std::string& name() const { return name_; }
  std::string_view text() const { return *text_; }
  std::string_view slice(Span span) const { return text().substr(span.begin, span.size()); }
  // What output shows of `span`: its bytes as read, before words broken across lines were
  // rejoined (`buffer` holds them if they differ), and its ends' code point offsets as read,
  // so that output equals the input at its offsets.
  std::string_view slice_as_read(Span span, std::string& buffer) const { return rejoined_.input_slice(text(), span, buffer); }
  uint32_t code_point_as_read(uint32_t offset) const { return rejoined_.input_code_point(offsets_, offset); }
  const RejoinedWords& rejoined() const { return rejoined_; }

  // Metadata found in the text (kind, symbol, date, ...) as strings; written as "meta".
  std::map<std::string, std::string>& meta() { return meta_; }
  const std::map<std::string, std::string>& meta() const { return meta_; }

  AnnotationStore& annotations() { return annotations_; }
  const AnnotationStore& annotations() const { return annotations_; }

  std::vector<Speech>& speeches() { return speeches_; }
  const std::vector<Speech>& speeches() const { return speeches_; }
  // Index of the speech containing byte `offset`, or -1.
  int speech_at(uint32_t offset) const;

  const OffsetMap& offsets() const { return offsets_; }
  const LineIndex& lines() const;
  // The byte offsets of the text's characters that rule patterns see as ASCII ones (no-break
  // spaces, no-break hyphens, ...; see find_ascii_stand_ins()), found at the first call.
  const std::vector<uint32_t>& ascii_stand_ins() const;

  // Problems found while annotating this document (a rule hitting the match limit, ...).
  Diagnostics& problems() { return *problems_; }
  const Diagnostics& problems() const { return *problems_; }

 private:
  std::string name_;
  // Held by pointer so string_views into the text survive moving the Document.
  std::unique_ptr<std::string> text_;
  RejoinedWords rejoined_;
  std::map<std::string, std::string> meta_;
  AnnotationStore annotations_;
  std::vector<Speech> speeches_;
  OffsetMap offsets_;
  mutable std::unique_ptr<LineIndex> lines_;
  mutable std::optional<std::vector<uint32_t>> ascii_stand_ins_;
  std::unique_ptr<Diagnostics> problems_;
};

}  // namespace caucus
