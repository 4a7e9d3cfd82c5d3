// The literal prefilter: trigger words extracted from patterns, the Aho-Corasick scan, and
// the promise that makes it safe: a rule gives the same annotations with and without it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../engine/src/name_starts.hpp"
#include "../engine/src/rules/anchor.hpp"
#include "../engine/src/rules/prefilter.hpp"
#include "../engine/src/rules/shared_scan.hpp"
#include "caucus/json.hpp"
#include "caucus/pipeline.hpp"
#include "caucus/registry.hpp"
#include "caucus/rules.hpp"
#include "caucus/segmentation.hpp"
#include "rule_test_support.hpp"

namespace caucus {
namespace {

using testing::describe_all;
using Words = std::vector<std::string>;

// --- extract_triggers ------------------------------------------------------------------------

struct TriggerCase {
  const char* pattern;
  Words expected;
};

void PrintTo(const TriggerCase& c, std::ostream* out) { *out << c.pattern; }

class Triggers : public ::testing::TestWithParam<TriggerCase> {};

TEST_P(Triggers, AreExtracted) {
  const TriggerCase& c = GetParam();
  EXPECT_EQ(extract_triggers(c.pattern), c.expected) << c.pattern;
}

INSTANTIATE_TEST_SUITE_P(
    Patterns, Triggers,
    ::testing::Values(
        // Literal words, lower-cased.
        TriggerCase{"aligns", {"aligns"}}, TriggerCase{"Condemns", {"condemns"}},
        // The longest word of a sequence is the best filter.
        TriggerCase{R"(on\s+behalf\s+of)", {"behalf"}}, TriggerCase{R"(the\s+statement\s+by)", {"statement"}},
        // Alternations: one word per branch.
        TriggerCase{"statement|declaration", {"declaration", "statement"}},
        TriggerCase{R"((?:welcome|commend)s?\s+the)", {"commend", "commends", "welcome", "welcomes"}},
        TriggerCase{"foo|bar.*", {"bar", "foo"}},
        // A branch that guarantees nothing makes the whole alternation useless.
        TriggerCase{"foo|.*", {}}, TriggerCase{R"(foo|\w+)", {}},
        // Optional groups multiply out.
        TriggerCase{"align(?:s|ed)?", {"align", "aligned", "aligns"}}, TriggerCase{"colou?r", {"color", "colour"}},
        TriggerCase{R"(\bthank(?:s|\x20you)\b)", {"thank"}}, TriggerCase{R"(\bthank(?:s|ed)\b)", {"thanked", "thanks"}},
        // Quantifiers: at least once keeps the requirement, possibly zero drops it.
        TriggerCase{"(?:abc){2,}", {"abc"}}, TriggerCase{"(?:xyz)*abcd", {"abcd"}},
        TriggerCase{"(?:xyz){0,2}abcd", {"abcd"}}, TriggerCase{"x+yzw", {"yzw"}},
        TriggerCase{"(?:abcdef)+?x", {"abcdef"}}, TriggerCase{"(?:abcdef)*+x", {}},
        TriggerCase{"welcome[sd]?", {"welcome"}}, TriggerCase{"abc{2}def", {"def"}},
        // A brace that is no quantifier is a literal.
        TriggerCase{"abc{x}", {"abc{x}"}},
        // Classes, dots and class escapes break words.
        TriggerCase{"[Ww]elcome", {"elcome"}}, TriggerCase{R"(\d+\s+members)", {"members"}}, TriggerCase{"a.c", {}},
        TriggerCase{"[^]abc]xyz", {"xyz"}}, TriggerCase{"[[:alpha:]]+ment", {"ment"}},
        TriggerCase{R"([\]x]yyy)", {"yyy"}}, TriggerCase{R"(\p{Lu}\w+\s+said)", {"said"}},
        TriggerCase{R"(\x{41}bcd)", {"bcd"}},
        // Escaped punctuation is literal; \Q..\E quotes.
        TriggerCase{R"(S/PV\.\d+)", {"s/pv."}}, TriggerCase{R"(\Qa.b*c\E)", {"a.b*c"}},
        TriggerCase{R"(x\Qabc\Ey)", {"xabcy"}},
        // White space ends a word: the patterns see a no-break space as a space, the scan does not.
        TriggerCase{R"(xyz\Qa b\Ey)", {"xyz"}}, TriggerCase{"on behalf of", {"behalf"}},
        TriggerCase{R"(\ abcd\ )", {"abcd"}},
        // Non-ASCII letters fold in ways a byte scanner does not follow: no trigger.
        TriggerCase{"Türkiye", {"rkiye"}}, TriggerCase{R"(\Qcôte\E)", {}},
        // Lookarounds and anchors are zero-width.
        TriggerCase{"(?=foo)barbaz", {"barbaz"}}, TriggerCase{R"((?<!not\s)support)", {"support"}},
        TriggerCase{"(?!xx)abc", {"abc"}}, TriggerCase{"^abc$", {"abc"}}, TriggerCase{R"(\babc\b)", {"abc"}},
        // But a lookahead's words are in the unit, at or after the match's start: they may trigger
        // it. A lookbehind's stand before it, a negative lookahead's are not there.
        TriggerCase{R"(\p{Lu}\w+(?=,\s+(?:said|stated)))", {"said", "stated"}},
        TriggerCase{R"((?<=said\s)\p{Lu}\w+)", {}}, TriggerCase{R"(\p{Lu}\w+(?!\s+said))", {}},
        // Inline flags, comments, verbs and named groups.
        TriggerCase{"(?i)Security", {"security"}}, TriggerCase{R"((?i:UNITED)\s+nations)", {"nations"}},
        TriggerCase{R"((?-i)ABCD)", {"abcd"}}, TriggerCase{"foo(?#comment)bar", {"foobar"}},
        TriggerCase{"(*UCP)hello", {"hello"}}, TriggerCase{"(?<who>abc)def", {"abcdef"}},
        TriggerCase{"(?'who'abc)def", {"abcdef"}}, TriggerCase{"(?P<who>abc)def", {"abcdef"}},
        TriggerCase{"(?>abc|def)ghi", {"abcghi", "defghi"}}, TriggerCase{"(?|(abc)|(def))", {"abc", "def"}},
        // Too short to be worth it, or too many.
        TriggerCase{"ab", {}}, TriggerCase{"ab|abc", {}}, TriggerCase{"", {}},
        // A set too short to use does not beat an everyday word that every match has.
        TriggerCase{R"((?:my|our)\s+(?:own\s+)?country)", {"country"}},
        // Unbalanced input gives up safely.
        TriggerCase{"abc)def", {}}));

TEST(TriggerExtraction, MinimumLengthIsAParameter) {
  EXPECT_EQ(extract_triggers("ab", 2), Words{"ab"});
  EXPECT_EQ(extract_triggers("abcd", 5), Words{});
}

// An alternation of n three-letter words ("waa|wba|..."), and those words, sorted.
static std::pair<std::string, Words> alternation_of(int n) {
  std::string pattern = "(?:";
  Words words;
  for (int i = 0; i < n; ++i) {
    words.push_back(std::string("w") + static_cast<char>('a' + i % 26) + static_cast<char>('a' + i / 26));
    pattern += (i ? "|" : "") + words.back();
  }
  std::sort(words.begin(), words.end());
  return {pattern + ")", words};
}

TEST(TriggerExtraction, LargeAlternationsFallBackToRequiredWords) {
  // A list of some seventy words (a rule's verbs of speech) is one trigger set.
  const auto [seventy, seventy_words] = alternation_of(70);
  EXPECT_EQ(extract_triggers(seventy), seventy_words);
  // Past 256 words, the list is abandoned for the best other part.
  const auto [many, many_words] = alternation_of(260);
  EXPECT_EQ(extract_triggers(many + "\\sstatement"), Words{"statement"});
  EXPECT_EQ(extract_triggers(many), Words{});
  // A product of sets stops at 64 strings (70 x 2 here): each part stays a set of its own.
  EXPECT_EQ(extract_trigger_sets(seventy + "(?:_one|_two)"), (std::vector<Words>{{"_one", "_two"}, seventy_words}));
}

// Every set a match must meet, the best first: each element of a sequence that requires one,
// and through a lookahead or a repeat; not what is optional or in one branch only.
TEST(TriggerExtraction, SetsAreEveryRequirementOfASequenceBestFirst) {
  using Sets = std::vector<Words>;
  // Better sets first: longer shortest word, then fewer words, then the order written.
  EXPECT_EQ(extract_trigger_sets("delivered .* on behalf of"), (Sets{{"delivered"}, {"behalf"}}));
  EXPECT_EQ(extract_trigger_sets(R"((?:statement|remarks)\s+by\s+\w+(?=.*behalf))"),
            (Sets{{"remarks", "statement"}, {"behalf"}}));
  EXPECT_EQ(extract_trigger_sets(R"((?:alpha\s.*\sbetas)+)"), (Sets{{"alpha"}, {"betas"}}));
  // Optional parts, negative lookarounds and lookbehinds promise nothing.
  EXPECT_EQ(extract_trigger_sets(R"(alpha(?:\s.*\sbetas)?)"), (Sets{{"alpha"}}));
  EXPECT_EQ(extract_trigger_sets(R"(alpha\s(?!.*betas)(?<=gammas\s))"), (Sets{{"alpha"}}));
  // An alternation gives one set: the best of each branch, joined.
  EXPECT_EQ(extract_trigger_sets(R"((?:alpha\s.*\sbetas|gamma\s.*\sdeltas))"), (Sets{{"alpha", "deltas"}}));
  // A finite pattern is its own one set; extract_triggers() gives the first set.
  EXPECT_EQ(extract_trigger_sets("align(?:s|ed)"), (Sets{{"aligned", "aligns"}}));
  EXPECT_EQ(extract_triggers("delivered .* on behalf of"), Words{"delivered"});
  EXPECT_TRUE(extract_trigger_sets("a.c").empty());
}

// --- Soundness: with the prefilter a rule finds what it finds without it ---------------------

struct SoundCase {
  const char* pattern;
  const char* text;  // a text the pattern matches
};

void PrintTo(const SoundCase& c, std::ostream* out) { *out << c.pattern << " on " << c.text; }

class TriggersAreSound : public ::testing::TestWithParam<SoundCase> {};

TEST_P(TriggersAreSound, OnAMatchingText) {
  const SoundCase& c = GetParam();
  Diagnostics diagnostics;
  auto rules = compile_rule_text(std::string("[types.t]\n[[rule]]\nid = \"r\"\ntype = \"t\"\nscope = \"document\"\npattern = '") +
                                     c.pattern + "'\n[[rule.example]]\ntext = \"x\"\n",
                                 "sound.toml", ".", diagnostics);
  ASSERT_TRUE(rules) << diagnostics.render();
  Document without("d", c.text), with("d", c.text);
  apply_rules(*rules, without, {.use_prefilter = false});
  apply_rules(*rules, with, {.use_prefilter = true});
  ASSERT_EQ(without.annotations().count("t"), 1u) << "the case is wrong: the pattern must match the text";
  EXPECT_EQ(describe_all(with), describe_all(without)) << "triggers: " << join(rules->rules[0].triggers);
}

INSTANTIATE_TEST_SUITE_P(
    Patterns, TriggersAreSound,
    ::testing::Values(SoundCase{"align(?:s|ed)?", "Ireland ALIGNS itself"},
                      SoundCase{R"((?i)Security\s+Council)", "security council"},
                      SoundCase{R"(\Qa.b\E-c)", "x a.b-c y"}, SoundCase{"colou?r", "COLOR"},
                      // Backreferences, subroutine calls, recursion, conditionals and callouts match text that
                      // is not written in the pattern where they stand.
                      SoundCase{R"((x)abc\1def)", "xabcxdef"},
                      SoundCase{R"((x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(y)abc\12def)", "xxxxxxxxxxxyabcydef"},
                      SoundCase{R"((x)abc\g-1def)", "xabcxdef"}, SoundCase{R"((x)abc\g{1}def)", "xabcxdef"},
                      SoundCase{R"(\101bcd)", "Abcd"}, SoundCase{"(abc|def)-(?1)", "abc-def"},
                      SoundCase{"(?<_n>abc|def)-(?&_n)", "abc-def"}, SoundCase{"(?P<_n>abc|def)-(?P>_n)", "abc-def"},
                      SoundCase{"(?P<_n>abc)-(?P=_n)", "abc-abc"}, SoundCase{"(?:a|b(?R)c)xyz", "baxyzcxyz"},
                      SoundCase{"(a)?(?(1)bcd|efg)", "abcd"}, SoundCase{"abc(?C1)def", "abcdef"},
                      SoundCase{"abc(?C\"x\")def", "abcdef"}, SoundCase{"abc(*atomic:xyz)def", "abcxyzdef"},
                      SoundCase{"abc(*pla:xyz)xyzdef", "abcxyzdef"},
                      // A space the pattern quotes matches a no-break space in the text.
                      SoundCase{R"(xyz\Qa bcd\E)",
                                "xyza\xc2\xa0"
                                "bcd"}));

// --- The Aho-Corasick scan -------------------------------------------------------------------

std::vector<std::string> hits(const Prefilter& prefilter, std::string_view text, const Words& words) {
  std::vector<std::string> out;
  for (const auto& h : prefilter.scan(text)) {
    out.push_back(std::string(text.substr(h.begin, h.end() - h.begin)) + "@" + std::to_string(h.begin) + ":" +
                  words.at(h.word));
  }
  return out;
}

TEST(Prefilter, ScanFindsEveryOccurrenceIgnoringCaseOrderedByEnd) {
  // Word ids are given in order of first appearance: he, she, hers, his.
  const Prefilter prefilter({{"he", "she"}, {"HERS", "his"}});
  EXPECT_EQ(prefilter.word_count(), 4u);
  EXPECT_EQ(prefilter.rule_count(), 2u);
  const Words words{"he", "she", "hers", "his"};
  EXPECT_EQ(hits(prefilter, "uSHErs, This", words),
            (std::vector<std::string>{"SHE@1:she", "HE@2:he", "HErs@2:hers", "his@9:his"}));
  EXPECT_TRUE(prefilter.scan("nothing to see").empty());
  EXPECT_TRUE(Prefilter().scan("he she").empty());
}

TEST(Prefilter, WordsSharedByRulesAreScannedOnce) {
  const Prefilter prefilter({{"align", "aligns"}, {"ALIGN"}, {}});
  EXPECT_EQ(prefilter.word_count(), 2u);
  EXPECT_EQ(prefilter.scan("Ireland aligns itself").size(), 2u);  // align, aligns
}

// The patterns see a Unicode hyphen as "-" (ascii_view.hpp): a word with a hyphen is found in
// the text that prints it so, at the text's offsets (U+2011 is three bytes, U+00A0 two).
TEST(Prefilter, AWordWithAHyphenIsFoundWhereTheTextPrintsAUnicodeHyphen) {
  const Prefilter prefilter({{"non-aligned"}, {"movement"}});
  const Words words{"non-aligned", "movement"};
  EXPECT_EQ(hits(prefilter, "for\u00a0the Non\u2011Aligned Movement", words),
            (std::vector<std::string>{"Non\u2011Aligned@9:non-aligned", "Movement@23:movement"}));
  EXPECT_EQ(hits(prefilter, "the Non\u2013Aligned Movement", words),
            (std::vector<std::string>{"Movement@18:movement"}));
}

// A hit keeps its length in 12 bits: a longer word is cut to its first kMaxWordBytes, which
// are found wherever the whole word is (a rule runs where it may match, never less).
TEST(Prefilter, AWordLongerThanAHitHoldsIsFoundByItsFirstBytes) {
  const std::string word = std::string(Prefilter::kMaxWordBytes, 'a') + std::string(500, 'b');
  const Prefilter prefilter({{word}});
  const std::string text = "xx " + word + " yy";
  const auto found = prefilter.scan(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 3u);
  EXPECT_EQ(found[0].end(), 3u + Prefilter::kMaxWordBytes);
  EXPECT_TRUE(prefilter.scan("xx " + std::string(Prefilter::kMaxWordBytes - 1, 'a')).empty());
  // A word with stand-ins is longer in the text than in the view, and its length still fits.
  const std::string hyphens = std::string(300, 'a') + std::string(20, '-');
  std::string printed = std::string(300, 'A');
  for (int i = 0; i < 20; ++i) printed += "\u2011";
  const auto in_text = Prefilter({{hyphens}}).scan("x " + printed);
  ASSERT_EQ(in_text.size(), 1u);
  EXPECT_EQ(in_text[0].end() - in_text[0].begin, printed.size());
}

// Long texts are scanned in four pieces in lockstep: words across the cuts must be found
// once, and the hits stay ordered by end.
TEST(Prefilter, LongTextsLoseNoWordAtTheCutsBetweenPieces) {
  const Prefilter prefilter({{"statement"}, {"he"}});
  std::string text;
  while (text.size() < 20000) text += "x Statement he xx ";
  std::vector<std::string> expected;
  for (std::size_t at = 0; (at = text.find("Statement", at)) != std::string::npos; ++at) {
    expected.push_back(std::to_string(at + 9) + ":" + std::to_string(at));
  }
  std::vector<std::pair<std::size_t, std::string>> naive;  // by end, every "he" too
  for (std::string_view word : {"Statement", "he"}) {
    for (std::size_t at = 0; (at = text.find(word, at)) != std::string::npos; ++at) {
      naive.emplace_back(at + word.size(), std::to_string(at) + "+" + std::to_string(word.size()));
    }
  }
  // "he" also ends inside nothing else here; "Statement" contains no "he".
  std::stable_sort(naive.begin(), naive.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> want, got;
  for (const auto& [end, what] : naive) want.push_back(what);
  for (const auto& h : prefilter.scan(text))
    got.push_back(std::to_string(h.begin) + "+" + std::to_string(h.end() - h.begin));
  EXPECT_EQ(got, want);
  EXPECT_GT(got.size(), 2000u);
}

std::string marked(const Prefilter& prefilter, std::string_view text, Span unit) {
  std::vector<uint32_t> out(prefilter.rule_count(), Prefilter::kSkip);
  prefilter.candidates(prefilter.scan(text), unit, out);
  std::string s;
  for (uint32_t reach : out) s += reach == Prefilter::kSkip ? '0' : '1';
  return s;
}

// A cursor carried from unit to unit gives what a search from scratch gives, whether the units
// come in text order, overlap, or go back.
TEST(Prefilter, CandidatesWithACursorAreThoseOfASearchFromScratch) {
  const Prefilter prefilter({{"condemn"}, {"statement", "declaration"}, {"said"}});
  std::string text;
  for (int k = 0; k < 50; ++k) text += k % 3 ? "We condemn it, he said. " : "The Declaration, a statement. Nothing. ";
  const auto hits = prefilter.scan(text);
  std::vector<Span> units;
  for (uint32_t at = 0; at + 7 < text.size(); at += 7) units.push_back({at, at + 7 + at % 11});  // forward, overlapping
  units.push_back({0, 40});                                                                        // back to the start
  units.push_back({static_cast<uint32_t>(text.size() / 2), static_cast<uint32_t>(text.size())});
  units.push_back({5, 5});
  std::size_t cursor = 0;
  for (const Span unit : units) {
    std::vector<uint32_t> with(3, Prefilter::kSkip), without(3, Prefilter::kSkip);
    prefilter.candidates(hits, unit, with, cursor);
    prefilter.candidates(hits, unit, without);
    EXPECT_EQ(with, without) << "[" << unit.begin << ", " << unit.end << ")";
  }
}

// A rule's entry is where the last of its trigger words inside the unit begins: no match
// (which holds one of them) starts after it.
TEST(Prefilter, CandidatesTellWhereTheLastTriggerWordBegins) {
  const Prefilter prefilter({{"condemn"}, {"statement", "declaration"}, {}, {"absent"}});
  const std::string text = "A statement. We condemn the declaration and condemn the statement here. End.";
  const Span second{13, static_cast<uint32_t>(text.find(" End"))};
  std::vector<uint32_t> out(4, Prefilter::kSkip);
  prefilter.candidates(prefilter.scan(text), second, out);
  EXPECT_EQ(out[0], text.rfind("condemn"));
  EXPECT_EQ(out[1], text.rfind("statement"));
  EXPECT_EQ(out[2], Prefilter::kAnywhere);
  EXPECT_EQ(out[3], Prefilter::kSkip);
}

TEST(Prefilter, CandidatesAreTheRulesWithATriggerInsideTheUnit) {
  // Rule 0 needs "condemn", rule 1 "statement" or "declaration", rule 2 always runs.
  const Prefilter prefilter({{"condemn"}, {"statement", "declaration"}, {}});
  const std::string text = "We condemn it. The Declaration was adopted. Nothing.";
  //                        0123456789012345678901234567890123456789012345678901
  EXPECT_EQ(marked(prefilter, text, {0, 14}), "101");
  EXPECT_EQ(marked(prefilter, text, {15, 43}), "011");
  EXPECT_EQ(marked(prefilter, text, {44, 52}), "001");
  EXPECT_EQ(marked(prefilter, text, {0, 52}), "111");
  // A trigger cut by the unit's start or end does not count.
  EXPECT_EQ(marked(prefilter, text, {4, 9}), "001");    // "ondem"
  EXPECT_EQ(marked(prefilter, text, {3, 9}), "001");    // "condem"
  EXPECT_EQ(marked(prefilter, text, {4, 10}), "001");   // "ondemn"
  EXPECT_EQ(marked(prefilter, text, {3, 10}), "101");   // "condemn" exactly
  EXPECT_EQ(marked(prefilter, text, {10, 10}), "001");  // empty unit
}

// With sets of `also_required`, a rule runs only in a unit that has a word of its triggers
// and of each set, and no match begins after the last word of any of them.
TEST(Prefilter, CandidatesNeedAWordOfEveryRequiredSet) {
  const Prefilter prefilter(std::vector<Prefilter::RuleWords>{
      {{"behalf"}, {{"statement", "remarks"}}}, {{"behalf"}, {}}, {{}, {{"condemn"}}}});
  const std::string text = "On behalf of the Group. The statement on behalf of the EU. We condemn it.";
  const auto hits = prefilter.scan(text);
  const auto at = [&](Span unit) {
    std::vector<uint32_t> out(3, Prefilter::kSkip);
    prefilter.candidates(hits, unit, out);
    return out;
  };
  const auto second = static_cast<uint32_t>(text.find("The statement"));
  const auto third = static_cast<uint32_t>(text.find("We condemn"));
  // "On behalf of the Group.": rule 0 lacks "statement" or "remarks"; rule 1 needs no more.
  EXPECT_EQ(at({0, 23}), (std::vector<uint32_t>{Prefilter::kSkip, 3, Prefilter::kSkip}));
  // "The statement on behalf of the EU.": the earlier of the sets' last words bounds rule 0.
  EXPECT_EQ(at({second, third}),
            (std::vector<uint32_t>{second + 4, static_cast<uint32_t>(text.rfind("behalf")), Prefilter::kSkip}));
  // A rule without triggers but with a set runs where the set has a word, anywhere in it.
  EXPECT_EQ(at({third, static_cast<uint32_t>(text.size())})[2], Prefilter::kAnywhere);
}

TEST(Prefilter, RulesFromARuleSet) {
  Diagnostics diagnostics;
  auto rules = compile_rule_text(R"([types.t]
[[rule]]
id = "extracted"
type = "t"
pattern = 'condemn(?:s|ed)?'
[[rule.example]]
text = "x"
[[rule]]
id = "declared"
type = "t"
pattern = '\w+ment'
triggers = ["Statement", "AGREEMENT"]
[[rule.example]]
text = "x"
[[rule]]
id = "always"
type = "t"
pattern = '\w+'
[[rule.example]]
text = "x"
)",
                                 "p.toml", ".", diagnostics);
  ASSERT_TRUE(rules) << diagnostics.render();
  EXPECT_EQ(rules->rules[0].triggers, (Words{"condemn", "condemned", "condemns"}));
  EXPECT_EQ(rules->rules[1].triggers, (Words{"statement", "agreement"}));
  EXPECT_TRUE(rules->rules[2].triggers.empty());
  EXPECT_EQ(rules->prefilter().rule_count(), 3u);
  EXPECT_EQ(marked(rules->prefilter(), "an AGREEMENT", {0, 12}), "011");
}

// --- In apply_rules --------------------------------------------------------------------------

// A document with the sentences given, one per line, annotated by hand.
Document with_sentences(const std::vector<std::string>& sentences) {
  std::string text;
  std::vector<Span> spans;
  for (const auto& s : sentences) {
    spans.push_back({static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + s.size())});
    text += s + "\n";
  }
  Document document("doc.txt", text);
  for (Span span : spans) document.annotations().add({"sentence", span, "", "segmenter", {}});
  return document;
}

TEST(PrefilterInApply, ARuleWithoutItsTriggerWordsIsNeverRunOnASentence) {
  // The pattern matches "condemn" anywhere, but its declared trigger is "deplore": where the
  // sentence has no "deplore", the pattern is not even tried.
  Diagnostics diagnostics;
  auto rules = compile_rule_text(R"([types.stance]
[[rule]]
id = "stance"
type = "stance"
pattern = 'condemn|deplore'
triggers = ["deplore"]
[[rule.example]]
text = "x"
)",
                                 "p.toml", ".", diagnostics);
  ASSERT_TRUE(rules) << diagnostics.render();
  Document document = with_sentences({"We condemn the attack.", "We deplore and condemn it.", "Nothing here."});
  std::vector<TraceEvent> trace;
  apply_rules(*rules, document, {.use_prefilter = true, .trace = &trace});
  ASSERT_EQ(trace.size(), 4u);
  EXPECT_EQ(trace[0].unit, (Span{0, 22}));
  EXPECT_EQ(trace[0].outcome, TraceOutcome::skipped_by_prefilter);
  EXPECT_EQ(trace[1].outcome, TraceOutcome::kept);
  EXPECT_EQ(trace[2].outcome, TraceOutcome::kept);
  EXPECT_EQ(trace[3].outcome, TraceOutcome::skipped_by_prefilter);
  EXPECT_EQ(trace[3].rule, "stance");
  // Only the second sentence was searched: "condemn" in the first is not found.
  EXPECT_EQ(testing::describe(document, "stance"),
            (Words{"stance[26,33)='deplore' <stance>", "stance[38,45)='condemn' <stance>"}));

  // Without the prefilter the rule runs on every sentence.
  Document all = with_sentences({"We condemn the attack.", "We deplore and condemn it.", "Nothing here."});
  trace.clear();
  apply_rules(*rules, all, {.use_prefilter = false, .trace = &trace});
  EXPECT_EQ(all.annotations().count("stance"), 3u);
  for (const auto& event : trace) EXPECT_NE(event.outcome, TraceOutcome::skipped_by_prefilter);
  EXPECT_EQ(trace.back().outcome, TraceOutcome::no_match);
}

TEST(PrefilterInApply, ExtractedTriggersSkipSentencesWithoutThem) {
  Diagnostics diagnostics;
  auto rules = compile_rule_text(R"([types.alignment]
[[rule]]
id = "align"
type = "alignment"
pattern = 'align(?:s|ed)? (?:itself|themselves)'
[[rule.example]]
text = "x"
)",
                                 "p.toml", ".", diagnostics);
  ASSERT_TRUE(rules) << diagnostics.render();
  Document document = with_sentences({"Ireland aligns itself.", "We thank Italy.", "They ALIGNED THEMSELVES."});
  std::vector<TraceEvent> trace;
  apply_rules(*rules, document, {.trace = &trace});
  ASSERT_EQ(trace.size(), 3u);
  EXPECT_EQ(trace[0].outcome, TraceOutcome::kept);
  EXPECT_EQ(trace[1].outcome, TraceOutcome::skipped_by_prefilter);
  EXPECT_EQ(trace[2].outcome, TraceOutcome::kept);
  EXPECT_EQ(document.annotations().count("alignment"), 2u);
}

// --- Equivalence on the example corpus -------------------------------------------------------

std::vector<std::pair<std::string, std::string>> corpus() {
  std::vector<std::pair<std::string, std::string>> out;
  const auto dir = std::filesystem::path(CAUCUS_SOURCE_DIR) / "examples" / "corpus";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    out.emplace_back(entry.path().filename().string(), buffer.str());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The shipped default pipeline, with the registry it came from.
struct ShippedPipeline {
  AnnotatorRegistry registry;
  std::unique_ptr<Pipeline> pipeline;
  ShippedPipeline() {
    register_builtin_annotators(registry);
    Diagnostics diagnostics;
    pipeline = Pipeline::load(default_pipeline_path(), registry, diagnostics);
    if (!pipeline) ADD_FAILURE() << diagnostics.render();
  }
};

TEST(PrefilterEquivalence, ShippedPipelineRulesGiveTheSameAnnotationsOnTheCorpus) {
  const ShippedPipeline shipped;
  ASSERT_TRUE(shipped.pipeline);
  const auto& pipeline = shipped.pipeline;
  const auto documents = corpus();
  ASSERT_EQ(documents.size(), 5u);
  std::size_t rule_sets = 0, annotations = 0, anchored = 0;
  for (std::size_t step = 0; step < pipeline->steps().size(); ++step) {
    const auto* provider = dynamic_cast<const RuleProvider*>(pipeline->steps()[step].instance.get());
    if (!provider) continue;
    for (const auto& rules : provider->rule_sets()) {
      ++rule_sets;
      for (const auto& [name, text] : documents) {
        Document with(name, text), without(name, text);
        pipeline->run_steps(with, step);
        pipeline->run_steps(without, step);
        apply_rules(*rules, with, {.use_prefilter = true, .annotator = "x"});
        apply_rules(*rules, without, {.use_prefilter = false, .annotator = "x"});
        const auto a = describe_all(with), b = describe_all(without);
        EXPECT_EQ(a, b) << rules->name << " on " << name;
        annotations += a.size();
      }
      for (const auto& rule : rules->rules) anchored += rule.name_list >= 0 ? 1 : 0;
    }
  }
  EXPECT_GE(anchored, 5u);  // the three actor rules, the named instruments, the self-mentions
  EXPECT_GT(rule_sets, 0u);
  EXPECT_GT(annotations, 1000u);
}

// --- One scan for all the rule files of a pipeline -----------------------------------------

std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> as_tuples(const std::vector<Prefilter::Hit>& hits) {
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> out;
  for (const auto& h : hits) out.emplace_back(h.begin, h.end(), h.word);
  return out;
}

TEST(SharedScan, GivesEachRuleFileTheHitsOfItsOwnScan) {
  const ShippedPipeline shipped;
  ASSERT_TRUE(shipped.pipeline);
  const auto& pipeline = shipped.pipeline;
  const std::vector<const RuleSet*> sets = pipeline->rule_sets();
  ASSERT_GE(sets.size(), 5u);
  auto scan = std::make_shared<const SharedScan>(sets);
  std::size_t hits = 0;
  for (const auto& [name, text] : corpus()) {
    SharedScan::begin(scan, text);
    for (const RuleSet* set : sets) {
      const auto* shared = SharedScan::hits_for(*set, text);
      ASSERT_NE(shared, nullptr) << set->name;
      EXPECT_EQ(as_tuples(*shared), as_tuples(set->prefilter().scan(text))) << set->name << " on " << name;
      hits += shared->size();
    }
    // Another text (a copy at another address) is not the document being run.
    const std::string copy = text;
    EXPECT_EQ(SharedScan::hits_for(*sets[0], copy), nullptr);
    SharedScan::end();
    EXPECT_EQ(SharedScan::hits_for(*sets[0], text), nullptr);
  }
  EXPECT_GT(hits, 1000u);
}

// The document's one pass over the names finds every place each unit's own pass finds.
TEST(SharedScan, GivesEachUnitTheNameStartsOfItsOwnPass) {
  const ShippedPipeline shipped;
  ASSERT_TRUE(shipped.pipeline);
  const auto& pipeline = shipped.pipeline;
  const std::vector<const RuleSet*> sets = pipeline->rule_sets();
  auto scan = std::make_shared<const SharedScan>(sets);
  std::size_t units = 0, shared_units = 0, starts = 0;
  for (const auto& [name, text] : corpus()) {
    Document document(name, text);
    pipeline->run_steps(document, 1);  // the segmenter
    SharedScan::begin(scan, document.text());
    for (const RuleSet* set : sets) {
      if (!set->name_starts()) continue;
      for (const char* type : {"paragraph", "sentence"}) {
        for (AnnotationId id : document.annotations().of_type(type)) {
          const Span unit = document.annotations()[id].span;
          std::vector<std::vector<uint32_t>> own, shared;
          set->name_starts()->find(document.slice(unit), own);
          ++units;
          if (!SharedScan::names_for(*set, document.text(), unit, shared)) continue;
          ++shared_units;
          ASSERT_EQ(shared.size(), own.size());
          for (std::size_t k = 0; k < own.size(); ++k) {
            for (uint32_t at : own[k]) {
              EXPECT_TRUE(std::binary_search(shared[k].begin(), shared[k].end(), at))
                  << set->name << " list " << k << " misses offset " << at << " of " << type << " '" << document.slice(unit) << "'";
            }
            starts += own[k].size();
          }
        }
      }
    }
    // A unit that begins inside a word is left to its own pass.
    if (document.text().size() > 10 && NameStarts::word_byte(static_cast<unsigned char>(document.text()[4]))) {
      std::vector<std::vector<uint32_t>> shared;
      EXPECT_FALSE(SharedScan::names_for(*sets[0], document.text(), Span{5, 10}, shared));
    }
    SharedScan::end();
  }
  EXPECT_GT(shared_units, units * 9 / 10);  // nearly every unit is served by the document's pass
  EXPECT_GT(starts, 1000u);
}

// The scans done ahead of the rule steps (as caucus bench does, to time them apart) are the
// ones the steps would have done: the annotations are the same.
TEST(SharedScan, ScanningAheadOfTheRuleStepsChangesNothing) {
  const ShippedPipeline shipped;
  ASSERT_TRUE(shipped.pipeline);
  const auto& pipeline = *shipped.pipeline;
  for (const auto& [name, text] : corpus()) {
    Document usual(name, text), ahead(name, text);
    pipeline.run(usual);
    pipeline.run_step(ahead, 0);
    pipeline.run_shared_scans(ahead);
    pipeline.run_shared_scans(Document("other.txt", text));  // not the document being run: nothing
    for (std::size_t i = 1; i < pipeline.steps().size(); ++i) pipeline.run_step(ahead, i);
    EXPECT_EQ(document_to_json(ahead), document_to_json(usual)) << name;
  }
}

// A rule file of one rule of type x with `pattern`.
std::shared_ptr<const RuleSet> one_rule(const std::string& name, const std::string& pattern, Diagnostics& diagnostics) {
  const std::string text = "[rules]\nname = \"" + name + "\"\n[types.x]\n[[rule]]\nid = \"r\"\ntype = \"x\"\npattern = '" +
                           pattern + "'\n[[rule.example]]\ntext = \"she said\"\n";
  return compile_rule_text(text, name + ".toml", ".", diagnostics);
}

TEST(SharedScan, KnowsOnlyTheRuleFilesItWasMadeFor) {
  Diagnostics diagnostics;
  auto a = one_rule("a", "said", diagnostics);
  auto b = one_rule("b", "noted|said", diagnostics);
  ASSERT_TRUE(a && b) << diagnostics.render();
  auto scan = std::make_shared<const SharedScan>(std::vector<const RuleSet*>{a.get()});
  const std::string text = "He said so, she noted, and they said it again.";
  SharedScan::begin(scan, text);
  ASSERT_NE(SharedScan::hits_for(*a, text), nullptr);
  EXPECT_EQ(SharedScan::hits_for(*a, text)->size(), 2u);  // the two "said"
  EXPECT_EQ(SharedScan::hits_for(*b, text), nullptr);      // b scans on its own
  SharedScan::end();
  // Words shared by two files are numbered as each file numbers them.
  auto both = std::make_shared<const SharedScan>(std::vector<const RuleSet*>{a.get(), b.get()});
  SharedScan::begin(both, text);
  EXPECT_EQ(as_tuples(*SharedScan::hits_for(*b, text)), as_tuples(b->prefilter().scan(text)));
  EXPECT_EQ(SharedScan::hits_for(*b, text)->size(), 3u);
  // A file done with the document is not served again; the others still are.
  SharedScan::release(*b, text);
  EXPECT_EQ(SharedScan::hits_for(*b, text), nullptr);
  ASSERT_NE(SharedScan::hits_for(*a, text), nullptr);
  EXPECT_EQ(SharedScan::hits_for(*a, text)->size(), 2u);
  SharedScan::end();
}

// The shipped rules are mostly lexicon rules, which have no triggers: this set has many, and
// runs over the same corpus.
TEST(PrefilterEquivalence, RulesWithTriggersGiveTheSameAnnotationsOnTheCorpus) {
  Diagnostics diagnostics;
  auto rules = compile_rule_text(R"([rules]
overlap = "keep_all"
[types.w]
[[rule]]
id = "align"
type = "w"
pattern = 'align(?:s|ed|ing)? (?:itself|themselves|myself)'
[[rule]]
id = "thank"
type = "w"
pattern = '\bthank(?:s|ed)?\b'
[[rule]]
id = "council"
type = "w"
scope = "paragraph"
pattern = '(?i)security\s+council'
[[rule]]
id = "cs"
type = "w"
case_sensitive = true
pattern = 'Secretary-General|President'
[[rule]]
id = "resolution"
type = "w"
pattern = 'resolution \d+ \(\d{4}\)'
[[rule]]
id = "quoted"
type = "w"
pattern = '\Q(S/\E\d+/\d+\)'
[[rule]]
id = "behalf"
type = "w"
scope = "document"
pattern = 'on behalf of (?:the )?\w+'
[[rule]]
id = "traffick"
type = "w"
pattern = '(?<![\w-])traffick(?:ing|ed|ers?)\b'
[[rule]]
id = "declared"
type = "w"
pattern = 'women|children'
triggers = ["women", "children"]
)",
                                 "corpus.toml", ".", diagnostics);
  ASSERT_TRUE(rules) << diagnostics.render();
  for (const auto& rule : rules->rules) EXPECT_FALSE(rule.triggers.empty()) << rule.id;
  std::size_t total = 0;
  for (const auto& [name, text] : corpus()) {
    Document with(name, text), without(name, text);
    for (Document* d : {&with, &without}) {
      for (Span paragraph : find_paragraphs(text)) {
        d->annotations().add({"paragraph", paragraph, "", "", {}});
        std::vector<Span> sentences;
        SentenceSplitter::for_this_thread().split(text, paragraph, sentences);
        for (Span s : sentences) d->annotations().add({"sentence", s, "", "", {}});
      }
    }
    apply_rules(*rules, with, {.use_prefilter = true});
    apply_rules(*rules, without, {.use_prefilter = false});
    EXPECT_EQ(describe_all(with), describe_all(without)) << name;
    total += with.annotations().count("w");
  }
  EXPECT_GT(total, 100u);
}

// --- Rules that begin with a lexicon: tried only where a name may begin ----------------------

struct Anchoring {
  std::string pattern;
  bool anchored;
};

class EveryMatchBeginsWith : public ::testing::TestWithParam<Anchoring> {};

// The element is "(?:name)" in every pattern.
TEST_P(EveryMatchBeginsWith, TheElement) {
  const std::string& pattern = GetParam().pattern;
  const std::string element = "(?:name)";
  EXPECT_EQ(every_match_begins_with(pattern, pattern.find(element), element.size()), GetParam().anchored) << pattern;
}

INSTANTIATE_TEST_SUITE_P(
    Patterns, EveryMatchBeginsWith,
    ::testing::Values(Anchoring{"(?:name)", true}, Anchoring{"(?<actor>(?:name))", true},
                      Anchoring{"(?<!in )(?<actor>(?:name))", true}, Anchoring{"(?i)\\b(?:name) said", true},
                      Anchoring{"(?:name)+ and (?:x|y)", true}, Anchoring{"(?:name)[|)] x", true},
                      Anchoring{"(?:name)\\|x", true}, Anchoring{"(?'a'(?P<b>(?:name)))", true},
                      Anchoring{"(?:name)?x", false}, Anchoring{"(?:name)*x", false}, Anchoring{"(?:name){0,2}x", false},
                      Anchoring{"(?:(?:name)|other)", false}, Anchoring{"(?:name)|other", false},
                      Anchoring{"the (?:name)", false}, Anchoring{"\\G(?:name)", false},
                      Anchoring{"(?<a>(?:name))?", false}, Anchoring{"(?<a>(?:name))* x", false},
                      Anchoring{"(?<a>(?:name)){,2}", false}, Anchoring{"(?x)(?:name) # (", false},
                      Anchoring{"(*UTF)(?:name)", false}, Anchoring{"(?|(?:name))", false},
                      Anchoring{"(?=x)(?:name)", true}, Anchoring{"(?:name) x)", false}));

// Past the search's start \G never holds: the version without it must match the same there
// and leave everything else, escaped backslashes and quoted text included, as it was.
TEST(WithoutSearchStart, MakesEachGAnItemThatNeverMatches) {
  EXPECT_FALSE(without_search_start(R"(resolution \d+|, \d+)"));
  EXPECT_FALSE(without_search_start(R"(a\\Gb|\QG\G\E|[\\G])"));
  EXPECT_EQ(*without_search_start(R"(res \d+|\G(?:,| and) \d+)"), R"(res \d+|(?:\x{FFFF}(*FAIL))(?:,| and) \d+)");
  EXPECT_EQ(*without_search_start(R"(\\\G)"), R"(\\(?:\x{FFFF}(*FAIL)))");
  // Where a later place sees \G, or a failed attempt ends the search, the pattern is searched as written.
  EXPECT_FALSE(without_search_start(R"(resolution \d+|(?<=\G, )\d+)"));
  EXPECT_FALSE(without_search_start(R"(resolution \d+|\G, (*COMMIT)\d{3})"));
  EXPECT_TRUE(without_search_start(R"((?<=, )\d+|\G, \d+)"));  // a lookbehind closed before the \G
}

// --- Word-list rules: tried only where one of their phrases begins -------------------------

TEST(LeadingPhrases, ExpandsClassesGroupsAndSpacesOfAWordList) {
  const std::string pattern =
      R"((?<![\w\-])(?<form>I(?<!annex\sI)\s*|[Ww]e|[Mm]y\s+(?:delegation|country)|The\sGovernment)(?![\w\-]))";
  const auto phrases = leading_phrases(pattern);
  ASSERT_TRUE(phrases);
  EXPECT_EQ(*phrases, (Words{"I", "My country", "My delegation", "The Government", "We", "my country", "my delegation", "we"}));
}

// An optional element ("?", "??", "?+") gives the phrases with it and without it.
TEST(LeadingPhrases, ExpandsOptionalElements) {
  const std::string pattern = R"((?<![\w\-])(?:(?:Mr|Dr)\.?|(?:Vice-)?President|Tan\s+Sri\s*|Mme?|x(?:y)??z)(?![\w\-]))";
  const auto phrases = leading_phrases(pattern);
  ASSERT_TRUE(phrases);
  EXPECT_EQ(*phrases, (Words{"Dr", "Dr.", "Mm", "Mme", "Mr", "Mr.", "President", "Tan Sri", "Vice-President", "xyz", "xz"}));
  // What an optional element leaves may not be nothing, nor begin a phrase with a non-letter.
  EXPECT_FALSE(leading_phrases(R"((?<![\w\-])(?:we|(?:us)?)(?![\w\-]))"));
  EXPECT_FALSE(leading_phrases(R"((?<![\w\-])(?:we|x?\.y)(?![\w\-]))"));
  EXPECT_FALSE(leading_phrases(R"((?<![\w\-])(?:we|xy*)(?![\w\-]))"));
}

TEST(LeadingPhrases, OtherPatternsAreNotWordLists) {
  const std::string start = R"((?<![\w\-]))", end = R"((?![\w\-]))";
  for (const std::string body : {R"((?:we|a.))", R"((?:we|\w+))", R"((?:we|[a-z]e))", R"((?:we|us)?)",
                                 R"((?:\s*we))", R"((?:we\s*x))", R"((?:we|\bus))", R"((?:we|))", R"((?:-we))", R"((?i:we))",
                                 R"((?:we){2})", R"((?:w+e))", R"((?:we|[^x]e))"}) {
    EXPECT_FALSE(leading_phrases(start + body + end)) << body;
  }
  EXPECT_FALSE(leading_phrases("(?:we|us)" + end)) << "no word-start guard";
  EXPECT_FALSE(leading_phrases(start + "(?:we|us)")) << "no word-end guard";
  EXPECT_FALSE(leading_phrases(start + "(?:we|us)" + end + "|they")) << "an alternative outside the group";
  EXPECT_FALSE(leading_phrases(start + "(?:we|us)" + end, 1)) << "more phrases than the limit";
  EXPECT_TRUE(leading_phrases(start + "(?:we|us)" + end + R"(\s+said)"));
}

// Lookarounds between the word-start guard and the list only narrow its matches.
TEST(LeadingPhrases, MoreLookaroundsBeforeTheListAreAllowed) {
  const std::string start = R"((?<![\w\-]))", end = R"((?![\w\-]))";
  const auto phrases = leading_phrases(start + R"((?<!-\n)(?<!-\r\n)(?:Mr|General))" + end + " x");
  ASSERT_TRUE(phrases);
  EXPECT_EQ(*phrases, (Words{"General", "Mr"}));
  EXPECT_FALSE(leading_phrases(start + R"((?<!-\n)?(?:Mr|General))" + end)) << "a quantified lookaround";
  EXPECT_FALSE(leading_phrases(start + R"((?<!-\n)x(?:Mr|General))" + end)) << "not a lookaround";
}

// A word-list rule is tried at its phrases' starts only, and finds what a plain search finds:
// case, line breaks inside phrases, phrases inside longer words, the lookbehind that narrows.
TEST(LeadingPhrases, WordListRulesFindTheSameWithTheFinder) {
  Diagnostics diagnostics;
  auto rules = compile_rule_text(
      R"([types.m]
roles = []
attributes = ["form"]
[[rule]]
id = "m"
type = "m"
scope = "document"
case_sensitive = true
pattern = '''(?<![\w\-])(?<form>I(?<!annex I)\s*|[Ww]e|[Mm]y (?:delegation|country)|[Tt]he Government)(?![\w\-])'''
[[rule.example]]
text = "We agree."
)",
      "m.toml", ".", diagnostics);
  ASSERT_TRUE(rules) << diagnostics.render();
  ASSERT_EQ(rules->rules.front().name_list, 0);
  EXPECT_NE(rules->dump().find("tried at: the starts of its phrases"), std::string::npos);
  const std::string text =
      "I think we agree. My\ndelegation and the Government, as annex I says; WE, Wedding, my countryside, "
      "my country-wide, I-beam, Ireland. We? I";
  Document with("d", text), without("d", text);
  apply_rules(*rules, with, {.use_prefilter = true});
  apply_rules(*rules, without, {.use_prefilter = false});
  EXPECT_EQ(describe_all(with), describe_all(without));
  EXPECT_EQ(with.annotations().count("m"), 6u);  // I, we, My delegation, the Government, We, I
}

// A rule tried at name starts is matched anchored at each in turn: a start where it fails (the
// finder folds the case of acronyms) must not hide the names after it, with the finder or
// without (then every character is a start), and the matches are those of the plain search.
TEST(LeadingPhrases, AnchoredMatchingAtNameStartsFindsWhatThePlainSearchFinds) {
  // The same lexicon rule twice: as it is (anchored, tried at name starts), and with a branch
  // that never matches, which makes it a plain pattern searched for everywhere.
  const auto rule_file = [](const std::string& pattern) {
    return R"([lexicons.orgs]
entries = [{ id = "UN", label = "United Nations", names = ["United Nations", "UN", "UN Women"] }]
[types.actor]
roles = ["actor"]
[[rule]]
id = "org"
type = "actor"
scope = "document"
pattern = ')" + pattern + R"('
captures.actor = { lexicon = "orgs" }
[[rule.example]]
text = "the UN"
)";
  };
  Diagnostics diagnostics;
  auto anchored = compile_rule_text(rule_file("(?<actor>{lexicon:orgs})"), "a.toml", ".", diagnostics);
  auto plain = compile_rule_text(rule_file("(?:(?<actor>{lexicon:orgs})|(*FAIL)x)"), "p.toml", ".", diagnostics);
  ASSERT_TRUE(anchored && plain) << diagnostics.render();
  ASSERT_EQ(anchored->rules.front().name_list, 0);  // compiled anchored, tried at name starts
  EXPECT_EQ(plain->rules.front().name_list, -1);     // compiled plain, searched for
  const std::string text = "un peu, the UN said; un-UN, UN Women and the united\nnations. Un UN";
  const auto names = [&](const RuleSet& rules, bool prefilter) {
    Document document("d", text);
    apply_rules(rules, document, {.use_prefilter = prefilter});
    std::vector<std::string> found;
    for (AnnotationId id : document.annotations().of_type("actor")) found.emplace_back(document.slice(document.annotations()[id].span));
    return found;
  };
  const std::vector<std::string> expected{"UN", "UN Women", "united\nnations", "UN"};
  EXPECT_EQ(names(*anchored, true), expected);
  EXPECT_EQ(names(*anchored, false), expected);
  EXPECT_EQ(names(*plain, true), expected);
  EXPECT_EQ(names(*plain, false), expected);
}

// The first six bytes at each start of names of list `list`.
std::vector<std::string> starts(const NameStarts& finder, std::string_view text, std::size_t list = 0) {
  std::vector<std::vector<uint32_t>> at;
  finder.find(text, at);
  EXPECT_EQ(at.size(), finder.list_count());
  std::vector<std::string> out;
  for (uint32_t a : at.at(list)) out.push_back(std::string(text.substr(a, 6)));
  return out;
}

TEST(NameStarts, WholeWordsOnly) {
  const NameStarts finder({{"guinea", "equatorial guinea", "EU", "united nations"}});
  EXPECT_EQ(starts(finder, "Equatorial Guinea and Guinea-Bissau, the EU, Guinean, EUROPE, xguinea, _guinea, Guinea."),
            (std::vector<std::string>{"Equato", "Guinea", "EU, Gu", "Guinea"}));
  EXPECT_TRUE(starts(finder, "").empty());
  EXPECT_EQ(starts(finder, "guinea"), (std::vector<std::string>{"guinea"}));
}

// Names shorter than the quick test's four symbols ("I", "We", "EU") end before any byte but a
// word byte: each such byte after them, and the end of the text, is tried; so is a digit after
// their last small letter, which may be a footnote's number ("We1"), for the matcher to judge.
TEST(NameStarts, ShortNamesEndBeforeAnyByteButAWordByte) {
  // (Letters of names after the byte, so that the test sees four symbols of its own classes.)
  const NameStarts finder({{"i", "we", "eu", "united nations"}});
  for (const std::string name : {"I", "We", "EU"}) {
    for (int c = 1; c < 0x80; ++c) {
      const std::string text = "x " + name + static_cast<char>(c) + "ui";
      const bool word = std::isalpha(c) || c == '_' || c == '-' || (std::isdigit(c) && name != "We");
      EXPECT_EQ(starts(finder, text).size(), word ? 0u : 1u) << name << " then byte " << c;
    }
    EXPECT_EQ(starts(finder, "x " + name).size(), 1u);
    EXPECT_EQ(starts(finder, "x " + name + "\u2019s").size(), 1u);  // a typographic apostrophe
    EXPECT_EQ(starts(finder, "x " + name + "\u00e9t").size(), 1u);  // a letter the regex judges
  }
}

TEST(NameStarts, OnePassFindsTheStartsOfEveryList) {
  // States, groups, demonyms: "United" begins names of two lists, "Italian" of the third only.
  const NameStarts finder({{"united kingdom", "italy"}, {"united nations", "eu"}, {"italian"}});
  const std::string text = "The United Nations, the United Kingdom and the Italian EU presidency.";
  std::vector<std::vector<uint32_t>> at;
  finder.find(text, at);
  const auto offset = [&](const char* what) { return static_cast<uint32_t>(text.find(what)); };
  EXPECT_EQ(at.at(0), (std::vector<uint32_t>{offset("United Kingdom")}));
  EXPECT_EQ(at.at(1), (std::vector<uint32_t>{offset("United Nations"), offset("EU")}));
  EXPECT_EQ(at.at(2), (std::vector<uint32_t>{offset("Italian")}));
  EXPECT_EQ(std::vector<uint32_t>{}, [&] {
    std::vector<std::vector<uint32_t>> at(3, {7});  // stale results are cleared
    finder.find("nothing here", at);
    return at[0];
  }());
}

TEST(NameStarts, ReadsTheTextAsTheLexiconPatternDoes) {
  const NameStarts finder({{"cote d'ivoire", "côte d'ivoire", "guinea-bissau", "bolivarian republic of venezuela", "kenya"}});
  // Case, typographic apostrophes and dashes, line breaks and no-break spaces inside names,
  // capital accented letters, the KELVIN SIGN that PCRE2 matches to k without case.
  const std::string text =
      "CÔTE D\u2019IVOIRE; Cote d'Ivoire; Guinea\u2011Bissau; Bolivarian Republic of\n   Venezuela; "
      "Bolivarian\u00a0Republic of Venezuela; \u212Aenya.";
  EXPECT_EQ(starts(finder, text).size(), 6u);
  // Not a name: a different letter, or a name cut short.
  EXPECT_TRUE(starts(finder, "Cute d'Ivoire; Bolivarian Republic of Cuba; Guinea Bissau").empty());
}

// The finder may report more than the regex matches, never less: on the corpus, every shipped
// lexicon gives the same names with the finder (prefilter on) as with PCRE2 alone.
TEST(NameStarts, ShippedLexiconsFindTheSameNamesWithAndWithoutOnTheCorpus) {
  const auto documents = corpus();
  for (const std::string reference : {"states", "groups", "states.demonyms"}) {
    Diagnostics diagnostics;
    const std::string lexicon = reference.substr(0, reference.find('.'));
    auto rules = compile_rule_text("[rules]\noverlap = \"keep_all\"\nimport = [\"actors.toml\"]\n"
                                   "[types.n]\nroles = [\"actor\"]\n[[rule]]\nid = \"n\"\ntype = \"n\"\n"
                                   "scope = \"document\"\npattern = '(?<actor>{lexicon:" + reference + "})'\n"
                                   "[[rule.example]]\ntext = \"x\"\n",
                                   "n.toml", std::filesystem::path(CAUCUS_SOURCE_DIR) / "rules", diagnostics);
    ASSERT_TRUE(rules) << diagnostics.render();
    ASSERT_EQ(rules->rules.front().name_list, 0) << reference << ": the rule should be tried at name starts only";
    std::size_t total = 0;
    for (const auto& [name, text] : documents) {
      Document with(name, text), without(name, text);
      apply_rules(*rules, with, {.use_prefilter = true});
      apply_rules(*rules, without, {.use_prefilter = false});
      EXPECT_EQ(describe_all(with), describe_all(without)) << reference << " on " << name;
      total += with.annotations().count("n");
    }
    EXPECT_GT(total, reference == "states.demonyms" ? 20u : 500u) << reference;
  }
}

}  // namespace
}  // namespace caucus
