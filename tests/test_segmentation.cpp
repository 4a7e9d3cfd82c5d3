#include <gtest/gtest.h>

#include "caucus/segmentation.hpp"

namespace caucus {
namespace {

std::vector<std::string> texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (Span s : spans) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

std::vector<std::string> sentences(const std::string& text) {
  std::vector<Span> out;
  for (Span paragraph : find_paragraphs(text)) SentenceSplitter::for_this_thread().split(text, paragraph, out);
  return texts(text, out);
}

TEST(Paragraphs, BlankLinesSeparateHardWrappedParagraphs) {
  const std::string text = "Mr. Sadykov (Kazakhstan): I thank the Italian\npresidency.\n\n  \nTrafficking remains\nimportant.\n";
  EXPECT_EQ(texts(text, find_paragraphs(text)),
            (std::vector<std::string>{"Mr. Sadykov (Kazakhstan): I thank the Italian\npresidency.", "Trafficking remains\nimportant."}));
}

TEST(Paragraphs, LongLinesAreParagraphsOfTheirOwn) {
  // The one-speech-per-line layout of research corpora: no blank lines, very long lines.
  const std::string a = "Mr. Flynn (Ireland): " + std::string(200, 'x');
  const std::string b = "Mr. Bessho (Japan): " + std::string(200, 'y');
  const std::string text = a + "\n" + b + "\r\n";
  EXPECT_EQ(texts(text, find_paragraphs(text)), (std::vector<std::string>{a, b}));
}

TEST(Paragraphs, CrLfBlankLines) {
  const std::string text = "First line\r\nsecond.\r\n\r\nThird.";
  EXPECT_EQ(texts(text, find_paragraphs(text)), (std::vector<std::string>{"First line\r\nsecond.", "Third."}));
}

// A hard-wrapped text that a web page double-spaced: one blank line after every line, two
// between paragraphs. A blank line after a line that runs to near the wrap width and ends no
// sentence is no paragraph break; after a sentence's end, a short line or two blank lines it is.
TEST(Paragraphs, DoubleSpacedHardWrappedLinesJoin) {
  const std::string first =
      "On behalf of member states of the Non-Proliferation and Disarmament\n\n"
      "Initiative (NPDI), namely Australia, Canada, Chile, Germany, Japan, Mexico,\n\n"
      "the Netherlands, Nigeria, the Philippines, Poland, Turkey and the United\n\n"
      "Arab Emirates, I would like to express my heartfelt congratulations to you.";
  const std::string second =
      "The NPDI has worked since its founding in 2010 for the full implementation of\n\n"
      "the outcome of the Review Conferences, and for the entry into force of the\n\n"
      "Comprehensive Nuclear-Test-Ban Treaty, which we have long called for.";
  const std::string text = "General Debate\n\nOctober 9, 2015\n\n\n" + first + "\n\n\n" + second + "\n\nThank you.\n";
  EXPECT_EQ(texts(text, find_paragraphs(text)),
            (std::vector<std::string>{"General Debate", "October 9, 2015", first, second, "Thank you."}));
}

TEST(Paragraphs, OneLineParagraphsBetweenBlankLinesStayApart) {
  // A release with a paragraph a line: the lines end sentences, or are headings of their own.
  const std::string text =
      "SECURITY COUNCIL EXTENDS MANDATE OF MISSION IN SOUTH SUDAN FOR ONE YEAR\n\n"
      "Unanimously Adopting Resolution 2459 (2019), Council Also Decides on Troop Ceiling\n\n"
      "The Security Council this morning extended the mandate of the Mission by one year.\n\n"
      "Speaking after the vote, the representative of the United States said the mandate mattered.\n\n"
      "The representative of China said that the Council should support the peace process.\n\n"
      "The representative of the Russian Federation said that sanctions did not help anyone.\n\n"
      "The representative of France welcomed the adoption and said the Mission was essential.\n\n"
      "The meeting began at 10:05 a.m. and ended at 10:40 a.m.\n";
  EXPECT_EQ(find_paragraphs(text).size(), 8u);
}

TEST(Paragraphs, EmptyAndBlankTextsHaveNone) {
  EXPECT_TRUE(find_paragraphs("").empty());
  EXPECT_TRUE(find_paragraphs(" \n\t\r\n").empty());
}

// Running heads and footers of UN records: a job number with page numbers or "(E)", or the
// record's symbol and date at either end of a line; nothing else.
TEST(PageFurniture, JobNumbersAndRunningHeadsOnly) {
  const std::vector<std::string> furniture = {"17-38455 5/34", "6/34 17-38455", "17-38455 (E)", "17-38455",
                                              "S/PV.8111 Trafficking in persons in conflict situations 21/11/2017",
                                              "21/11/2017 Trafficking in persons S/PV.8111", "\tA/72/PV.3   19/09/2017  ",
                                              // Geneva's page head; a summary record's
                                              "GE.01-60420 (E) CD/PV.865 2", "A/C.4/64/SR.22 03/11/2009",
                                              // a foot with the job number's barcode
                                              "01-62870 (E) *0162870* S/PV.4410"};
  const std::vector<std::string> prose = {"17-38455 5/34 and more", "5/34", "S/PV.8111", "CD/PV.865 2", "GE.01 (E) 2",
                                          "*0162870* S/PV.4410",
                                          "S/PV.8111 was adopted on 21/11/2017 by 15 votes", "resolution 2388 (2017)",
                                          "S/PV.8111 " + std::string(140, 'x') + " 21/11/2017", ""};
  std::string text;
  for (const auto& line : furniture) text += line + "\n" + "Prose between them.\n";
  for (const auto& line : prose) text += line + "\n";
  std::vector<std::string> expected;
  for (const auto& line : furniture) {
    const auto first = line.find_first_not_of(" \t"), last = line.find_last_not_of(" \t");
    expected.push_back(line.substr(first, last - first + 1));
  }
  EXPECT_EQ(texts(text, find_page_furniture(text)), expected);
}

TEST(Sentences, TitlesDoNotEndSentences) {
  EXPECT_EQ(sentences("Mr. Flynn (Ireland): I thank Ms. Giammarinaro and Dr. Mukwege. We welcome the report."),
            (std::vector<std::string>{"Mr. Flynn (Ireland): I thank Ms. Giammarinaro and Dr. Mukwege.", "We welcome the report."}));
}

TEST(Sentences, MiddleInitialsDoNotEndSentences) {
  EXPECT_EQ(sentences("On that point, Petr V. Iliichev (Russian Federation) said it was flawed. The Council met."),
            (std::vector<std::string>{"On that point, Petr V. Iliichev (Russian Federation) said it was flawed.", "The Council met."}));
}

// So is a run of initials.
TEST(Sentences, RunsOfInitialsDoNotEndSentences) {
  EXPECT_EQ(sentences("Speaking after the vote, Fahad M.E.H.A. Mohammad (Kuwait) welcomed it. The Council met."),
            (std::vector<std::string>{"Speaking after the vote, Fahad M.E.H.A. Mohammad (Kuwait) welcomed it.",
                                      "The Council met."}));
}

// So is a name's abbreviated word ("Sh." for Sheikh) before an initial.
TEST(Sentences, NameAbbreviationDoesNotEndSentence) {
  EXPECT_EQ(sentences("Conference President Mansour Ayyad Sh. A. Alotaibi (Kuwait) said that. The Council met."),
            (std::vector<std::string>{"Conference President Mansour Ayyad Sh. A. Alotaibi (Kuwait) said that.",
                                      "The Council met."}));
}

// ICU 72's filter lets these break whatever suppressions are added: the splitter checks again.
TEST(Sentences, AbbreviationsIcuMissesDoNotEndSentences) {
  EXPECT_EQ(sentences("We align with the statement delivered by H.E. Ambassador Kabba and Hon. Browne. The Council met."),
            (std::vector<std::string>{"We align with the statement delivered by H.E. Ambassador Kabba and Hon. Browne.", "The Council met."}));
  EXPECT_EQ(sentences("KARI A. JOHNSTONE (United States) said it was low. Lt. Smith agreed, e.g. on aid. He left."),
            (std::vector<std::string>{"KARI A. JOHNSTONE (United States) said it was low.", "Lt. Smith agreed, e.g. on aid.", "He left."}));
  // "res." shortens "resolution" before its number, in legal writing.
  EXPECT_EQ(sentences("As defined in HRC res. 5/1. See G.A. Res. 60/251. The Council met."),
            (std::vector<std::string>{"As defined in HRC res. 5/1.", "See G.A. Res. 60/251.", "The Council met."}));
  // Only as a word of its own: "measures." ends a sentence.
  EXPECT_EQ(sentences("We discussed policies and measures. Sweden spoke."),
            (std::vector<std::string>{"We discussed policies and measures.", "Sweden spoke."}));
  // An initial only as a word of its own: "AU." ends a sentence though "U." is an initial.
  EXPECT_EQ(sentences("We thank the AU. The Council met."), (std::vector<std::string>{"We thank the AU.", "The Council met."}));
}

// A question or exclamation mark that a lower-case word follows ends no sentence: a footnote mark
// printed as "?", a quotation inside the sentence. Before a capital it does.
TEST(Sentences, AMarkBeforeALowerCaseWordEndsNoSentence) {
  EXPECT_EQ(
      sentences(
          "The Candidate Countries Turkey, Croatia? and Albania align themselves with this declaration. The EU spoke."),
      (std::vector<std::string>{
          "The Candidate Countries Turkey, Croatia? and Albania align themselves with this declaration.",
          "The EU spoke."}));
  EXPECT_EQ(sentences("\u201CWhere are we going?\u201D she asked. We left."),
            (std::vector<std::string>{"\u201CWhere are we going?\u201D she asked.", "We left."}));
  EXPECT_EQ(sentences("Why? Because it matters! The Council met."),
            (std::vector<std::string>{"Why?", "Because it matters!", "The Council met."}));
}

// A scan may space a symbol's last part from its number: the symbol goes on ("A/C.3/42/L. 2").
TEST(Sentences, ASymbolSpacedBeforeItsNumberEndsNoSentence) {
  EXPECT_EQ(sentences("(A/C.3/42/L. 2, L.85/Rev. 1) Distr. GENERAL E/CN.4/1989/SR. 54 15 June 1989. The Council met."),
            (std::vector<std::string>{"(A/C.3/42/L. 2, L.85/Rev. 1) Distr.", "GENERAL E/CN.4/1989/SR. 54 15 June 1989.", "The Council met."}));
  // "USSR." is no symbol's part: the sentence ends.
  EXPECT_EQ(sentences("We thank the USSR. The Council met."), (std::vector<std::string>{"We thank the USSR.", "The Council met."}));
}

TEST(Sentences, HardWrappedLinesDoNotEndSentences) {
  EXPECT_EQ(sentences("Ireland aligns itself fully with\nthe statement to be delivered\nlater. We thank Italy."),
            (std::vector<std::string>{"Ireland aligns itself fully with\nthe statement to be delivered\nlater.", "We thank Italy."}));
}

TEST(Sentences, NoBreakSpacesAreTrimmed) {
  EXPECT_EQ(sentences("He cautioned against it.\u00a0 As conflict continued, he spoke.\u00a0"),
            (std::vector<std::string>{"He cautioned against it.", "As conflict continued, he spoke."}));
}

TEST(Sentences, NonAsciiText) {
  EXPECT_EQ(sentences("SANDI ČURIN (Slovenia) said so. Türkiye agreed."),
            (std::vector<std::string>{"SANDI ČURIN (Slovenia) said so.", "Türkiye agreed."}));
}

// ICU reads the paragraph in UTF-16: sentence bounds after characters of two, three and four
// bytes (a surrogate pair in UTF-16) must come back as the right byte offsets.
TEST(Sentences, OffsetsAfterMultiByteCharacters) {
  EXPECT_EQ(sentences("C\u00f4te d\u2019Ivoire spoke. \U0001F600 Then \u201cwe\u201d agreed! \u00c9l dijo: s\u00ed. Fin."),
            (std::vector<std::string>{"C\u00f4te d\u2019Ivoire spoke.", "\U0001F600 Then \u201cwe\u201d agreed!",
                                      "\u00c9l dijo: s\u00ed.", "Fin."}));
  // Invalid UTF-8 does not derail the offsets of what follows.
  EXPECT_EQ(sentences("Bad \xff byte here. Good one."), (std::vector<std::string>{"Bad \xff byte here.", "Good one."}));
}

}  // namespace
}  // namespace caucus
