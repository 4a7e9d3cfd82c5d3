#include <gtest/gtest.h>

#include "../engine/src/rules/ascii_view.hpp"
#include "caucus/text.hpp"

namespace caucus {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(find_invalid_utf8("plain ASCII"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("Türkiye, Côte d’Ivoire, 中国, 🇺🇳"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8(""), std::string_view::npos);
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("abc\xFF"), 3u);
  EXPECT_EQ(find_invalid_utf8("caf\xE9 au lait"), 3u);       // Latin-1 é
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);              // overlong '/'
  EXPECT_EQ(find_invalid_utf8("ok \xED\xA0\x80"), 3u);       // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);      // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("12345678\xE2\x82"), 8u);      // truncated at the end, after the ASCII fast path
}

TEST(Utf8, ReplacesEachMaximalInvalidSubpart) {
  EXPECT_EQ(replace_invalid_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  // A truncated 3-byte sequence is one maximal subpart: one U+FFFD, and the next byte survives.
  EXPECT_EQ(replace_invalid_utf8("\xE2\x82" "x"), "\xEF\xBF\xBD" "x");
  EXPECT_EQ(replace_invalid_utf8("ok"), "ok");
  EXPECT_EQ(find_invalid_utf8(replace_invalid_utf8("\x80\x80\xC3")), std::string_view::npos);
}

TEST(Spans, OverlappingAUnitAreARunFoundBySearch) {
  const std::vector<Span> sorted{{0, 5}, {10, 20}, {25, 30}, {40, 41}};
  auto run = [&](Span unit) {
    const auto [first, last] = spans_overlapping(sorted, unit);
    return std::vector<Span>(first, last);
  };
  EXPECT_EQ(run({15, 26}), (std::vector<Span>{{10, 20}, {25, 30}}));
  EXPECT_EQ(run({5, 10}), std::vector<Span>{});  // touching is not overlapping
  EXPECT_EQ(run({0, 100}), sorted);
  EXPECT_EQ(run({30, 40}), std::vector<Span>{});
  EXPECT_EQ(run({40, 40}), std::vector<Span>{});  // an empty unit overlaps nothing
  const std::vector<Span> none;
  const auto [first, last] = spans_overlapping(none, {0, 10});
  EXPECT_TRUE(first == last);
}

TEST(OffsetMap, IsIdentityForAscii) {
  OffsetMap map("Mr. Flynn (Ireland):");
  EXPECT_TRUE(map.is_ascii());
  EXPECT_EQ(map.to_code_point(4), 4u);
  EXPECT_EQ(map.to_byte(4), 4u);
  EXPECT_EQ(map.code_point_count(), 20u);
}

TEST(OffsetMap, CountsCodePointsNotBytes) {
  // "Llorentty Solíz" : í is two bytes.
  const std::string text = "Mr. Llorentty Solíz (Bolivia)";
  OffsetMap map(text);
  const auto paren = static_cast<uint32_t>(text.find('('));
  EXPECT_EQ(paren, 21u);
  EXPECT_EQ(map.to_code_point(paren), 20u);
  EXPECT_EQ(map.to_byte(20), paren);
}

TEST(OffsetMap, CombiningMarksAreCodePointsOfTheirOwn) {
  // "é" written as e + U+0301: Python counts two code points, and so do we.
  const std::string text = "Cafe\xCC\x81 noir";
  OffsetMap map(text);
  EXPECT_EQ(map.to_code_point(static_cast<uint32_t>(text.find(' '))), 5u);
  EXPECT_EQ(map.code_point_count(), 10u);
}

TEST(Utf8, CountsCodePointsOfLongMixedText) {
  // Long enough for several groups of sixteen 8-byte words, mostly continuation bytes, at
  // every length and start so that each word position and the byte-wise tail are exercised.
  std::string text;
  for (int i = 0; i < 400; ++i) text += i % 5 == 0 ? "a" : i % 5 == 1 ? "\xC3\xA9" : i % 5 == 2 ? "\xE2\x82\xAC" : "\xF0\x9F\x87\xBA";
  for (std::size_t from : {0u, 1u, 7u}) {
    for (std::size_t length = 0; from + length <= text.size(); length += 37) {
      const std::string_view part = std::string_view(text).substr(from, length);
      uint32_t expected = 0;
      for (char c : part) expected += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      ASSERT_EQ(count_code_points(part), expected) << from << "+" << length;
    }
  }
}

// Blocks of plain ASCII are converted without counting; a block that only begins a two-byte
// character at its last byte is one of them, the next (that holds its second byte) is not.
TEST(OffsetMap, AsciiBlocksNextToBlocksWithCharactersOfSeveralBytes) {
  std::string text(255, 'a');
  text += "\xC3\xA9";  // bytes 255 and 256: across the first checkpoint
  text += std::string(400, 'b') + "\xE2\x82\xAC" + std::string(300, 'c') + "\xF0\x9F\x87\xBA" + "d";
  OffsetMap map(text);
  std::vector<uint32_t> boundaries;  // the byte offset of each code point, and the end
  for (uint32_t byte = 0; byte < text.size(); byte += utf8_sequence_length(static_cast<unsigned char>(text[byte]))) {
    boundaries.push_back(byte);
  }
  boundaries.push_back(static_cast<uint32_t>(text.size()));
  // In text order, backwards, and as output asks (a begin, then an end further on).
  for (uint32_t k = 0; k < boundaries.size(); ++k) ASSERT_EQ(map.to_code_point(boundaries[k]), k) << "byte " << boundaries[k];
  for (uint32_t k = static_cast<uint32_t>(boundaries.size()); k-- > 0;) ASSERT_EQ(map.to_code_point(boundaries[k]), k);
  for (uint32_t k = 0; k + 300 < boundaries.size(); k += 7) {
    ASSERT_EQ(map.to_code_point(boundaries[k]), k);
    ASSERT_EQ(map.to_code_point(boundaries[k + 300]), k + 300);
  }
}

TEST(OffsetMap, RoundTripsAcrossBlockBoundaries) {
  // Four-byte characters straddle the 256-byte checkpoints.
  std::string text;
  for (int i = 0; i < 300; ++i) text += i % 3 ? "a" : "\xF0\x9F\x87\xBA";
  OffsetMap map(text);
  uint32_t code_point = 0;
  for (uint32_t byte = 0; byte < text.size(); byte += utf8_sequence_length(static_cast<unsigned char>(text[byte]))) {
    ASSERT_EQ(map.to_code_point(byte), code_point) << "byte " << byte;
    ASSERT_EQ(map.to_byte(code_point), byte) << "code point " << code_point;
    ++code_point;
  }
  EXPECT_EQ(map.to_code_point(static_cast<uint32_t>(text.size())), code_point);
  EXPECT_EQ(map.to_byte(code_point), text.size());
}

TEST(LineIndex, HandlesCrLfLfAndLoneCr) {
  const std::string text = "one\r\ntwo\nthree\rfour";
  LineIndex lines(text);
  EXPECT_EQ(lines.line_count(), 4u);
  EXPECT_EQ(lines.line_text(1), "one");
  EXPECT_EQ(lines.line_text(2), "two");
  EXPECT_EQ(lines.line_text(3), "three");
  EXPECT_EQ(lines.line_text(4), "four");
  const auto where = lines.locate(static_cast<uint32_t>(text.find("hree")));
  EXPECT_EQ(where.line, 3u);
  EXPECT_EQ(where.column, 2u);
}

TEST(LineIndex, ColumnsCountCodePoints) {
  const std::string text = "x\nÇurin: ok";
  LineIndex lines(text);
  const auto where = lines.locate(static_cast<uint32_t>(text.find(':')));
  EXPECT_EQ(where.line, 2u);
  EXPECT_EQ(where.column, 6u);
}

}  // namespace
}  // namespace caucus

namespace caucus {
namespace {

// Every character PCRE2_UCP's \s matches outside ASCII, and some that it does not (zero-width
// space, soft hyphen, a combining accent, "é", "’").
TEST(WideSpaces, AreTheCharactersUnicodeWhiteSpaceMatches) {
  for (const char* space : {"\u0085", "\u00a0", "\u1680", "\u180e", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f",
                            "\u205f", "\u3000"}) {
    EXPECT_EQ(wide_space_length(space), static_cast<int>(std::string_view(space).size())) << space;
  }
  for (const char* other : {"\u200b", "\u00ad", "\u0301", "\u00e9", "\u2019", "\u2030", " ", "a", "\xc2"}) {
    EXPECT_EQ(wide_space_length(other), 0) << other;
  }
}

// What the patterns see as one ASCII character: white space outside ASCII as ' ', the two
// Unicode hyphens as '-'; not the dashes, which rules tell from a hyphen ("[-–—]").
TEST(AsciiStandIns, AreWideSpacesAndUnicodeHyphens) {
  EXPECT_EQ(ascii_stand_in_length("\u00a0x"), 2);
  EXPECT_EQ(ascii_stand_in("\u00a0x"), ' ');
  for (const char* hyphen : {"\u2010", "\u2011"}) {
    EXPECT_EQ(ascii_stand_in_length(hyphen), 3) << hyphen;
    EXPECT_EQ(ascii_stand_in(hyphen), '-') << hyphen;
  }
  for (const char* other : {"\u2012", "\u2013", "\u2014", "\u2019", "\u00ad", "-", "a", "\xe2\x80"}) {
    EXPECT_EQ(ascii_stand_in_length(other), 0) << other;
    EXPECT_EQ(ascii_stand_in(other), '\0') << other;
  }
  // Found after long runs of ASCII too (eight bytes are skipped at a time).
  const std::string text = "0123456789abcdef\u00a0x\u2009" + std::string(20, 'y') + "\u3000\u00e9 Non\u2011Aligned";
  EXPECT_EQ(find_ascii_stand_ins(text), (std::vector<uint32_t>{16, 19, 42, 51}));
  EXPECT_TRUE(find_ascii_stand_ins("plain text, ‘quoted’ — and é").empty());
}

// Offices and names compared with plain strings: typographic apostrophes, quotes, hyphens and
// dashes in their ASCII form, no-break spaces and runs of white space as one space; other
// characters outside ASCII as they are.
TEST(NormalisePunctuation, GivesThePlainFormsOfTypographicCharacters) {
  EXPECT_EQ(normalise_punctuation("Secretary\u2011General"), "Secretary-General");
  EXPECT_EQ(normalise_punctuation("the Assembly\u2019s President"), "the Assembly's President");
  EXPECT_EQ(normalise_punctuation("\u201CGroup of 77\u201D \u2013 and"), "\"Group of 77\" - and");
  EXPECT_EQ(normalise_punctuation("Under\u00a0Secretary-General\n for  Legal Affairs"),
            "Under Secretary-General for Legal Affairs");
  EXPECT_EQ(normalise_punctuation("Côte d’Ivoire"), "Côte d'Ivoire");
  EXPECT_EQ(normalise_punctuation("plain text"), "plain text");
}

TEST(AsciiView, OneByteForEachWideSpaceAndOffsetsBothWays) {
  const std::string text = "ab\u00a0cd\u3000\u3000e";  // a b NBSP c d IS IS e: 13 bytes
  const Span unit{0, static_cast<uint32_t>(text.size())};
  AsciiView view;
  view.find(text, unit, find_ascii_stand_ins(text));
  std::string spaced;
  view.make(text, spaced);
  EXPECT_EQ(spaced, "ab cd  e");
  // Each character's start, and the end.
  const std::vector<uint32_t> starts{0, 1, 2, 4, 5, 6, 9, 12, 13};
  for (uint32_t i = 0; i < starts.size(); ++i) {
    EXPECT_EQ(view.to_view(starts[i]), i) << starts[i];
    EXPECT_EQ(view.from_view(i), starts[i]) << i;
  }
  // A copy with a wide space overwritten (a mask) keeps its byte in the view, one for the character.
  std::string masked = text;
  masked.replace(2, 2, "\x01\x02");
  view.make(masked, spaced);
  EXPECT_EQ(spaced, "ab\x01" "cd  e");
}

TEST(AsciiView, AUnicodeHyphenIsOneHyphen) {
  const std::string text = "Under\u2011Secretary\u2010General";  // 5 + 3 + 9 + 3 + 7 bytes
  AsciiView view;
  view.find(text, {0, static_cast<uint32_t>(text.size())}, find_ascii_stand_ins(text));
  std::string seen;
  view.make(text, seen);
  EXPECT_EQ(seen, "Under-Secretary-General");
  EXPECT_EQ(view.to_view(8), 6u);      // "S"
  EXPECT_EQ(view.from_view(16), 20u);  // "G"
  EXPECT_EQ(view.from_view(23), 27u);  // the end
}

TEST(AsciiView, TakesTheWideSpacesOfItsUnitOnly) {
  const std::string text = "x\u00a0y. z\u00a0w";
  const auto wide = find_ascii_stand_ins(text);
  AsciiView view;
  view.find(text, {5, static_cast<uint32_t>(text.size())}, wide);  // " z\u00a0w"
  std::string spaced;
  view.make(std::string_view(text).substr(5), spaced);
  EXPECT_EQ(spaced, " z w");
  EXPECT_EQ(view.from_view(3), 4u);  // "w": the unit's offsets, not the text's
}

}  // namespace
}  // namespace caucus

