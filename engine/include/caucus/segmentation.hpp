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
// kLongLineBytes), each line. Spans exclude surrounding white space.
std::vector<Span> find_paragraphs(std::string_view text);

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

  // Appends the sentences of `paragraph` (a span of `text`) to `out`.
  void split(std::string_view text, Span paragraph, std::vector<Span>& out);

  static SentenceSplitter& for_this_thread();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caucus
