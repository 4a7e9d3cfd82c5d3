#include <gtest/gtest.h>

#include <random>

#include "caucus/document.hpp"
#include "caucus/hyphenation.hpp"

namespace caucus {
namespace {

std::string rejoined(std::string text) {
  RejoinedWords::rejoin(text);
  return text;
}

struct Case {
  const char* why;
  const char* as_read;
  const char* rejoined;
};

// Each case: the text as read and as the rules read it (always of the same length).
const Case kCases[] = {
    // A syllable break: the word is rejoined and the line break moves after it (with the
    // next line's indentation and a Windows line end).
    {"syllable break", "the statement deliv-\nered by Japan", "the statement delivered \n by Japan"},
    {"punctuation stays with the word", "this state-\nment.", "this statement.  "},
    {"CRLF and indentation move", "com-\r\n   mitted to", "committed \r\n    to"},
    // A compound keeps its hyphen: a capital on either side, or a known part.
    {"capital after the break", "the Non-\nAligned Movement", "the Non-Aligned\n Movement"},
    {"capital, then a possessive", "the Secretary-\nGeneral's report", "the Secretary-General's\n report"},
    {"known first part", "the right to self-\ndetermination", "the right to self-determination "},
    {"known second part", "sexual and gender-\nbased violence", "sexual and gender-based\n violence"},
    {"capital before the break", "an EU-\nwide", "an EU-wide "},
    // Without a known part a compound reads as one word: harmless to rules, which look for others.
    {"unknown compound", "our zero-\ntolerance policy", "our zerotolerance \n policy"},
    // The rest alone on its line: its line break stays, the moved one becomes blanks (a blank
    // line would end the paragraph).
    {"rest ends its line", "made by the represen-\ntative\nof Egypt", "made by the representative  \nof Egypt"},
    {"rest ends its line, CRLF", "this state-\r\nment.\r\nNext", "this statement.   \r\nNext"},
    {"rest ends the text", "the last state-\nment", "the last statement  "},
    // Compound parts in any case; a letter outside ASCII belongs to the word.
    {"known part in capitals", "the Non-\naligned Movement", "the Non-aligned\n Movement"},
    {"number word", "Twenty-\nfive States", "Twenty-five\n States"},
    {"no one-letter part in Méx", "de Méx-\nico y", "de México \n y"},
};

TEST(Hyphenation, RejoinsEachCase) {
  for (const Case& c : kCases) {
    EXPECT_EQ(rejoined(c.as_read), c.rejoined) << c.why;
  }
}

TEST(Hyphenation, RewritesAWordBrokenTwiceOnce) {
  // The second break lies in the first one's rest: it stays as read, the stretches never overlap.
  std::string text = "the self-\ndetermina-\ntion of";
  const std::vector<RejoinedWord> words = RejoinedWords::rejoin(text).words();
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(text, "the self-determina- \ntion of");
}

TEST(Hyphenation, KnowsCompoundsFromEitherPart) {
  EXPECT_TRUE(is_hyphenated_compound("follow", "up"));
  EXPECT_TRUE(is_hyphenated_compound("country", "led"));
  EXPECT_TRUE(is_hyphenated_compound("e", "mail"));
  EXPECT_FALSE(is_hyphenated_compound("deliv", "ered"));
  EXPECT_FALSE(is_hyphenated_compound("inter", "national")) << "a prefix that begins common words";
}

TEST(Hyphenation, LeavesEverythingElseAsRead) {
  for (const std::string text : {"a dash -\nthen text", "2017-\n2018", "ends with a-\n", "a-\n\nnew paragraph",
                                 "table\n------\tcolumn", "x-\n(aside)", "no breaks at all"}) {
    std::string copy = text;
    EXPECT_TRUE(RejoinedWords::rejoin(copy).empty()) << text;
    EXPECT_EQ(copy, text);
  }
}

TEST(Hyphenation, ReportsEachStretchAsRead) {
  std::string text = "a state-\nment and a com-\nmitment";
  const std::vector<RejoinedWord> words = RejoinedWords::rejoin(text).words();
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].begin, 7u);
  EXPECT_EQ(words[0].as_read, "-\nment");
  EXPECT_EQ(words[1].as_read, "-\nmitment");
  EXPECT_EQ(text, "a statement \n and a commitment  ");
}

TEST(Hyphenation, MapsOffsetsInsideARejoinedWordBackToTheInput) {
  // "Secretary-|General|\n Guterres": an actor span ending after "General" ends after it as read.
  const std::string as_read = "the Secretary-\nGeneral Guterres and the state-\nment.";
  Document document("d.txt", as_read);
  ASSERT_EQ(document.text(), "the Secretary-General\n Guterres and the statement.  ");
  std::string buffer;
  const auto span_of = [&](std::string_view word) {
    const auto at = static_cast<uint32_t>(document.text().find(word));
    return Span{at, at + static_cast<uint32_t>(word.size())};
  };
  EXPECT_EQ(document.slice_as_read(span_of("Secretary-General"), buffer), "Secretary-\nGeneral");
  EXPECT_EQ(document.slice_as_read(span_of("statement"), buffer), "state-\nment");
  EXPECT_EQ(document.slice_as_read(span_of("statement."), buffer), "state-\nment.");
  EXPECT_EQ(document.slice_as_read(span_of("General"), buffer), "General") << "begins inside the word";
  EXPECT_EQ(document.slice_as_read(span_of("Guterres"), buffer).data(), document.text().data() + span_of("Guterres").begin)
      << "no copy without a rejoined word";
  const Span all{0, static_cast<uint32_t>(as_read.size())};
  EXPECT_EQ(document.slice_as_read(all, buffer), as_read);
  EXPECT_EQ(document.code_point_as_read(span_of("statement").end), as_read.find("ment") + 4);
}

TEST(Hyphenation, EverySliceAsReadIsTheInputBetweenTheMappedEnds) {
  const std::string as_read = "We align with the state-\nment of the Non-\n  Aligned and the com-\r\nmitment.";
  Document document("d.txt", as_read);
  const RejoinedWords& rejoined = document.rejoined();
  ASSERT_EQ(rejoined.words().size(), 3u);
  std::string buffer;
  for (uint32_t begin = 0; begin <= as_read.size(); ++begin) {
    for (uint32_t end = begin; end <= as_read.size(); ++end) {
      const uint32_t from = rejoined.input_offset(begin), to = rejoined.input_offset(end);
      ASSERT_LE(from, to);
      ASSERT_EQ(document.slice_as_read({begin, end}, buffer), as_read.substr(from, to - from)) << begin << " " << end;
    }
  }
}

TEST(Hyphenation, RandomTextsKeepTheirLengthAndReadBack) {
  // Texts of words, hyphens, line breaks, blanks and non-ASCII letters, from a fixed seed.
  const std::vector<std::string> pieces = {"state", "ment", "Non", "self", "é", "ción", "-", "-", "\n", "\r\n", " ", "  ", ".", ",", "a", "B"};
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    std::string as_read;
    for (int i = 0; i < 40; ++i) as_read += pieces[random() % pieces.size()];
    Document document("d.txt", as_read);
    ASSERT_EQ(document.text().size(), as_read.size());
    const std::vector<RejoinedWord>& words = document.rejoined().words();
    for (std::size_t i = 1; i < words.size(); ++i) ASSERT_GE(words[i].begin, words[i - 1].begin + words[i - 1].as_read.size());
    std::string buffer;
    for (uint32_t begin = 0; begin <= as_read.size(); begin += 3) {
      for (uint32_t end = begin; end <= as_read.size(); end += 7) {
        const uint32_t from = document.rejoined().input_offset(begin), to = document.rejoined().input_offset(end);
        ASSERT_EQ(document.slice_as_read({begin, end}, buffer), as_read.substr(from, to - from)) << as_read;
      }
    }
  }
}

TEST(Hyphenation, CountsCodePointsAsRead) {
  // The rest of the word holds a two-byte letter: code point offsets after it are those as read.
  const std::string as_read = "la asocia-\nción: sí";
  Document document("d.txt", as_read);
  ASSERT_EQ(document.text(), "la asociación: \n sí");
  const auto colon = static_cast<uint32_t>(document.text().find(':'));
  EXPECT_EQ(document.code_point_as_read(colon), 15u) << "la asocia-\nción as read: 15 code points";
  EXPECT_EQ(document.code_point_as_read(static_cast<uint32_t>(as_read.size())), 19u);
}

}  // namespace
}  // namespace caucus
