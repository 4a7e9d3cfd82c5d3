// The sentence splitter lets ICU read windows around the terminators only (see
// engine/src/sentence_windows.hpp). These tests hold it to ICU reading everything: on the
// example corpus, on hand-picked hard cases and on generated paragraphs that mix every kind of
// character the sentence rules tell apart.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../engine/src/sentence_windows.hpp"
#include "caucus/segmentation.hpp"

namespace caucus {
namespace {

std::vector<Span> sentences(std::string_view text, bool windows) {
  std::vector<Span> out;
  SentenceSplitter& splitter = SentenceSplitter::for_this_thread();
  for (const Span paragraph : find_paragraphs(text)) {
    if (windows) splitter.split(text, paragraph, out);
    else splitter.split_reading_everything(text, paragraph, out);
  }
  return out;
}

// The sentences as text, for readable failures.
std::vector<std::string> texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span s : spans) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

void expect_same(const std::string& text) {
  const auto everything = sentences(text, false);
  const auto windows = sentences(text, true);
  ASSERT_EQ(texts(text, windows), texts(text, everything)) << "text: " << text;
  ASSERT_EQ(windows.size(), everything.size());
  for (std::size_t k = 0; k < windows.size(); ++k) {
    ASSERT_EQ(windows[k].begin, everything[k].begin) << text;
    ASSERT_EQ(windows[k].end, everything[k].end) << text;
  }
}

TEST(SentenceWindows, TheExampleCorpusSplitsAsWhenICUReadsEverything) {
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CAUCUS_SOURCE_DIR) + "/examples/corpus")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const auto everything = sentences(text, false);
    ASSERT_EQ(sentences(text, true), everything) << entry.path();
    checked += everything.size();
  }
  EXPECT_GT(checked, 1000u);  // the five records have thousands of sentences
}

// Each of these puts a terminator's decision at the edge of what a window reads, or in a long
// stretch, or next to characters the rules treat apart.
TEST(SentenceWindows, HardCasesSplitAsWhenICUReadsEverything) {
  const std::string filler = "the Council and the representatives of the Member States considered the report at length ";
  const std::vector<std::string> cases = {
      filler + "Mr. Smith spoke. " + filler + "He said so.",
      filler + "in the U.S. Congress. " + filler + "The U.S.A. Then " + filler,
      filler + "Hon.B.A. Smith and Lt.Cdr. Jones, Ph.D. candidates. " + filler,
      filler + "etc. and so on. 3.5 percent. No. 5 of " + filler + "e.g. this; i.e. that. " + filler,
      filler + "end.  Next sentence.   Another one . " + filler,
      filler + "he said: \"It is over.\" " + filler + "She asked \u201cWhy?\u201d and left. " + filler,
      filler + "What?! Really?? Yes!!! " + filler + "Wait... " + filler + "\u2026 " + filler,
      filler + "(see para. 4). " + filler + "[sic]. " + filler + "\u00ABfin.\u00BB Puis " + filler,
      filler + "line one\u2028line two" + filler + "\u2029" + filler + "\u0085" + filler,
      filler + "T\u00FCrkiye. \u00C9tats. \u0395\u03BB\u03BB\u03AC\u03B4\u03B1. \u4E2D\u56FD\u3002\u65E5\u672C\u3002 " + filler,
      filler + "caf\u0065\u0301. Caf\u0065\u0301 " + filler + "\u00AD\u200B. \u200Bx " + filler,
      filler + "\U0001F600. \U0001D400. \U0001D41A " + filler + "\U0001F600" + filler,
      filler + "S/2017/939. A/RES/72/1. " + filler + "www.un.org. " + filler,
      filler + "end.\u00A0Next. " + filler + "end.\u00A0\u00A0next " + filler,
      "A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P. Q. R. S. T. U. V. W. X. Y. Z. " + filler,
      filler + filler + filler + filler,
      filler + ".",
      "." + filler,
      "...",
      filler + "1. 2. 3. 4. 5. 6. 7. 8. 9. 10. 11. 12. 13. 14. 15. 16. 17. 18. 19. 20. 21. 22. 23. 24. 25 " + filler,
      // Combining and format characters between a letter and its full stop, more than a window's margin.
      filler + "a" + [] { std::string s; for (int k = 0; k < 30; ++k) s += "\u0301"; return s; }() + ". B " + filler,
      filler + "x" + [] { std::string s; for (int k = 0; k < 30; ++k) s += "\u200B"; return s; }() + ". b " + filler +
          "U" + [] { std::string s; for (int k = 0; k < 30; ++k) s += "\u00AD"; return s; }() + ".S. " + filler,
  };
  for (const auto& text : cases) expect_same(text);
}

// The windows are taken: a record's paragraph is read in part, the offsets of what is read
// point into it in order, and the two other plans come where they should.
TEST(SentenceWindows, ARecordsParagraphIsReadInPart) {
  const std::string paragraph =
      "Mr. Sadykov (Kazakhstan): I thank the Italian presidency for convening this very important open debate in "
      "the Security Council and for initiating the adoption of today's resolution 2388 (2017) on this extremely vital "
      "issue. My delegation takes this opportunity to express its sincere gratitude to Secretary-General Guterres, "
      "Under-Secretary-General Fedotov and Mr. Chergui, Commissioner for Peace and Security of the African Union.";
  const auto utf16 = [](const std::string& ascii) { return std::vector<UChar>(ascii.begin(), ascii.end()); };
  SentenceWindows windows;
  std::vector<UChar> compact;
  std::vector<int32_t> origin;
  const auto units = utf16(paragraph);
  ASSERT_EQ(windows.plan(units, compact, origin), SentenceWindows::Plan::windows);
  EXPECT_LT(compact.size(), units.size() / 2);
  ASSERT_EQ(origin.size(), compact.size() + 1);
  EXPECT_EQ(origin.back(), static_cast<int32_t>(units.size()));
  for (std::size_t k = 0; k < compact.size(); ++k) {
    if (k > 0) EXPECT_LT(origin[k - 1], origin[k]);
    // A unit read is the paragraph's own; a cut stretch reads as one letter.
    if (compact[k] != u'x' || units[static_cast<std::size_t>(origin[k])] == u'x') {
      EXPECT_EQ(compact[k], units[static_cast<std::size_t>(origin[k])]) << k;
    }
  }
  EXPECT_EQ(windows.plan(utf16("no terminator at all, only words and commas"), compact, origin),
            SentenceWindows::Plan::one_sentence);
  EXPECT_EQ(windows.plan(utf16("A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P."), compact, origin), SentenceWindows::Plan::whole);
}

// Text without two ordinary characters side by side (letter-spaced extractions, runs of
// initials) gives a window edge nowhere: finding that out stays linear in its length.
TEST(SentenceWindows, TextWithoutAnEdgeIsPlannedInLinearSteps) {
  std::vector<UChar> units;
  for (int k = 0; k < 50000; ++k) {
    for (const char c : std::string("a. ")) units.push_back(static_cast<UChar>(c));
  }
  SentenceWindows windows;
  std::vector<UChar> compact;
  std::vector<int32_t> origin;
  EXPECT_EQ(windows.plan(units, compact, origin), SentenceWindows::Plan::whole);
  EXPECT_LT(windows.pair_checks(), 4 * units.size());
}

// Page furniture blanked inside a paragraph, with windows as without.
TEST(SentenceWindows, IgnoredSpansAreBlankedTheSameWay) {
  const std::string filler = "The Council and the representatives of the Member States considered the report ";
  const std::string text = filler + "at length. 17-38455 5/34 " + filler + "Mr. Smith. S/PV.8111 " + filler + "end.";
  std::vector<Span> ignored;
  for (const std::string furniture : {"17-38455 5/34", "S/PV.8111"}) {
    const auto at = static_cast<uint32_t>(text.find(furniture));
    ignored.push_back({at, at + static_cast<uint32_t>(furniture.size())});
  }
  const Span paragraph{0, static_cast<uint32_t>(text.size())};
  std::vector<Span> windows, everything;
  SentenceSplitter::for_this_thread().split(text, paragraph, windows, ignored);
  SentenceSplitter::for_this_thread().split_reading_everything(text, paragraph, everything, ignored);
  EXPECT_EQ(texts(text, windows), texts(text, everything));
  // Three sentences ("Mr." ends none), each beginning after the furniture before it.
  ASSERT_EQ(windows.size(), 3u);
  EXPECT_TRUE(texts(text, windows)[1].starts_with("The Council")) << texts(text, windows)[1];
  EXPECT_TRUE(texts(text, windows)[2].starts_with("The Council")) << texts(text, windows)[2];
}

// Paragraphs made of random pieces: words of each case, digits, terminators, abbreviations,
// quotes and brackets, commas and dashes, spaces of every kind, separators, non-ASCII letters
// and punctuation, combining and format characters, surrogate pairs; some with long stretches
// between terminators, some with terminators close together. CAUCUS_WINDOWS_CASES asks for
// more (the default keeps the suite fast).
TEST(SentenceWindows, GeneratedParagraphsSplitAsWhenICUReadsEverything) {
  const std::vector<std::string> pieces = {
      "the", "council", "representative", "a", "of", "and", "etc", "x", "said", "Council", "Member", "States",
      "Mr", "U", "S", "A", "EU", "UN", "I", "The", "He", "2017", "3", "1.5", "72/1", "S/2017/939",
      ".", ".", ".", "?", "!", "...", "?!", "\u2026", "\u3002", "\u061F", "\u203C", "\uFF0E", "\u2024",
      "Mr.", "Mrs.", "Dr.", "No.", "U.S.", "U.S.A.", "Ph.D.", "Hon.B.A.", "Lt.Cdr.", "e.g.", "i.e.", "H.E.",
      "S.p.A.", "a.m.", "para.", "Messrs.", "etc.",
      "(", ")", "[", "]", "\"", "'", "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB",
      ",", ";", ":", "-", "\u2014", "\u2013", "/", "%", "&", "*",
      "\u00A0", "\t", "\n", "\u2028", "\u2029", "\u0085", "\u200B", "\u00AD", "\u0301",
      "T\u00FCrkiye", "\u00C9tats", "\u0395\u03BB\u03BB\u03AC\u03B4\u03B1", "\u4E2D\u56FD", "\u0627\u0644",
      "\U0001F600", "\U0001D400", "\U0001D41A",
  };
  const char* asked = std::getenv("CAUCUS_WINDOWS_CASES");
  const long cases = asked ? std::atol(asked) : 4000;
  std::mt19937 random(20261203);
  for (long n = 0; n < cases; ++n) {
    // Sparse paragraphs have long stretches of plain words between terminators.
    const bool sparse = random() % 2 == 0;
    const std::size_t length = 1 + random() % 160;
    std::string text;
    for (std::size_t k = 0; k < length; ++k) {
      const std::string& piece = sparse && random() % 8 != 0 ? pieces[random() % 10] : pieces[random() % pieces.size()];
      text += piece;
      const unsigned space = random() % 10;
      text += space < 7 ? " " : space == 7 ? "  " : "";
    }
    expect_same(text);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace caucus
