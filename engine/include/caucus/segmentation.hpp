// Paragraph and sentence segmentation (ICU BreakIterator).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "caucus/text.hpp"

namespace caucus {

// Lines longer than this are not hard-wrapped: a block that has one is in the
// one-paragraph-per-line layout of research corpora, so each of its lines is a paragraph.
inline constexpr std::size_t kLongLineBytes = 160;

// Paragraphs: blocks of text between blank lines; inside a block whose lines are long (see
// kLongLineBytes), each line. In a hard-wrapped text double-spaced by a web page, a blank line
// after a line that runs to near the wrap width and ends no sentence is no break. Spans exclude
// surrounding white space.
std::vector<Span> find_paragraphs(std::string_view text);

// Page furniture of UN documents printed to text: running heads and job-number lines such as
// "17-38455 5/34" or "S/PV.8111 Trafficking in persons in conflict situations 21/11/2017",
// standing on lines of their own, often in the middle of a sentence. Spans of the whole lines.
std::vector<Span> find_page_furniture(std::string_view text);

// The verbatim record's symbol a running head begins or ends with ("S/PV.8111" of the line
// above, "A/72/PV.10"), or "" if it has none (a job-number line).
std::string_view running_head_symbol(std::string_view line);

// Splits paragraphs into sentences with ICU's sentence rules for English, with the standard
// abbreviation suppressions ("Mr.", "Dr.", "No." do not end a sentence). Line breaks inside a
// paragraph are read as spaces, so hard-wrapped lines do not end sentences.
//
// Holds an ICU BreakIterator: cheap to use, costly to create. Not thread-safe; use one per
// thread (for_this_thread()).
class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Appends the sentences of `paragraph` (a span of `text`) to `out`. Text under `ignored`
  // spans (page furniture) is read as spaces, so it does not end or start sentences; they
  // must be in text order and not overlap (as find_page_furniture() gives them).
  // ICU reads only windows around the places where a sentence may end (see
  // engine/src/sentence_windows.hpp): the same sentences as reading everything.
  void split(std::string_view text, Span paragraph, std::vector<Span>& out, const std::vector<Span>& ignored = {});
  // The same with ICU reading every character: the reference split() is tested against, and
  // the floor `caucus bench` reports.
  void split_reading_everything(std::string_view text, Span paragraph, std::vector<Span>& out,
                                const std::vector<Span>& ignored = {});

  static SentenceSplitter& for_this_thread();

 private:
  void split(std::string_view text, Span paragraph, std::vector<Span>& out, const std::vector<Span>& ignored, bool windows);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caucus
