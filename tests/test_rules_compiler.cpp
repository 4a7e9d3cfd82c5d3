// The rule compiler: every diagnostic it can report, each with a minimal failing rule file,
// the exact rendered location of the ones that point into patterns, and the compiled form
// (RuleSet::dump) of small rule files.
#include <gtest/gtest.h>

#include "caucus/rules.hpp"
#include "rule_test_support.hpp"

namespace caucus {
namespace {

using testing::TempTree;

// A type and a valid rule, to which each case adds its one mistake.
const std::string kType = R"(
[types.t]
roles = ["who"]
attributes = ["kind"]
)";

std::string rule(const std::string& body, const std::string& example = "[[rule.example]]\ntext = \"foo\"\n") {
  return "\n[[rule]]\nid = \"r\"\ntype = \"t\"\n" + body + "\n" + example;
}

class RuleCompilerTest : public ::testing::Test {
 protected:
  std::shared_ptr<const RuleSet> compile(const std::string& text) {
    return compile_rule_text(text, file(), tree.root(), diagnostics);
  }
  std::string file() const { return tree.path("test.toml").string(); }
  std::string rendered() const { return diagnostics.render(); }
  // The first line of the rendering of the first diagnostic with `code`, with the temporary
  // directory replaced by "ROOT".
  std::string headline(std::string_view code) const {
    for (const auto& d : diagnostics.all()) {
      if (d.code != code) continue;
      std::string text = diagnostics.render(d);
      return strip_root(text.substr(0, text.find('\n')));
    }
    return "(no " + std::string(code) + " in:\n" + rendered() + ")";
  }
  std::string full(std::string_view code) const {
    for (const auto& d : diagnostics.all()) {
      if (d.code == code) return strip_root(diagnostics.render(d));
    }
    return "(no " + std::string(code) + " in:\n" + rendered() + ")";
  }
  std::string strip_root(std::string text) const {
    const std::string root = tree.root().string();
    for (auto at = text.find(root); at != std::string::npos; at = text.find(root)) text.replace(at, root.size(), "ROOT");
    return text;
  }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.all()) out.push_back(d.code);
    return out;
  }

  TempTree tree;
  Diagnostics diagnostics;
};

// --- Every code, from a minimal rule file -----------------------------------------------------

struct Case {
  const char* name;
  const char* code;
  std::string text;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

class EveryCode : public RuleCompilerTest, public ::testing::WithParamInterface<Case> {};

TEST_F(RuleCompilerTest, TheBaseFileOfTheTableIsValid) {
  auto set = compile(kType + rule("pattern = '(?<who>foo)'"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(diagnostics.size(), 0u) << rendered();
  ASSERT_EQ(set->rules.size(), 1u);
  EXPECT_EQ(set->name, "test");  // the file's stem when [rules] has no name
}

TEST_P(EveryCode, IsReportedAndIsTheOnlyError) {
  const Case& c = GetParam();
  auto set = compile(c.text);
  EXPECT_TRUE(diagnostics.contains(c.code)) << rendered();
  EXPECT_FALSE(set) << "a rule file with errors must not compile";
  // No other error: one mistake, one message (a follow-on error would only confuse).
  for (const auto& d : diagnostics.all()) {
    if (d.severity == Severity::error) EXPECT_EQ(d.code, c.code) << rendered();
    EXPECT_TRUE(d.where.known() || d.message.find(tree.root().string()) != std::string::npos)
        << "every rule-file error names its file:\n"
        << rendered();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rules, EveryCode,
    ::testing::Values(
        Case{"R001_toml_syntax", "R001", "[types.t\nroles = []\n"},
        Case{"R002_unknown_header_key", "R002", "[rules]\nnmae = \"x\"\n" + kType + rule("pattern = 'foo'")},
        Case{"R002_unknown_rule_key", "R002", kType + rule("pattern = 'foo'\npriorty = 1")},
        Case{"R002_unknown_top_level_table", "R002", kType + "[macro]\nX = 'x'\n" + rule("pattern = 'foo'")},
        Case{"R002_bad_macro_name", "R002", kType + "[macros]\n\"two words\" = 'x'\n" + rule("pattern = 'foo'")},
        Case{"R002_macro_named_lexicon", "R002", kType + "[macros]\nlexicon = 'x'\n" + rule("pattern = 'foo'")},
        Case{"R003_wrong_type", "R003", kType + rule("pattern = 'foo'\npriority = \"high\"")},
        Case{"R003_match_limit_too_low", "R003", "[rules]\nmatch_limit = 999\n" + kType + rule("pattern = 'foo'")},
        Case{"R003_negative_stage", "R003", kType + rule("pattern = 'foo'\nstage = -1")},
        Case{"R003_each_without_contains", "R003",
             kType + rule("pattern = '(?<who>foo)'\ncaptures.who = { annotation = \"sentence\", each = true }")},
        Case{"R003_lexicon_with_file_and_entries", "R003",
             kType + "[lexicons.l]\nfile = \"l.toml\"\nentries = [{ id = \"A\", names = [\"Aa\"] }]\n" +
                 rule("pattern = 'foo'")},
        Case{"R004_rule_without_pattern", "R004",
             kType + rule("description = \"d\"\npriority = 1\nattrs = { kind = \"k\" }")},
        Case{"R004_lexicon_without_file_or_entries", "R004",
             kType + "[lexicons.l]\nignore_case = true\n" + rule("pattern = 'foo'")},
        Case{"R004_constraint_without_annotation_or_lexicon", "R004",
             kType + rule("pattern = '(?<who>foo)'\ncaptures.who = { required = false }")},
        Case{"R010_invalid_pattern", "R010", kType + rule("pattern = 'foo(bar'")},
        Case{"R010_invalid_macro", "R010", kType + "[macros]\nM = 'a[b'\n" + rule("pattern = 'foo{M}'")},
        Case{"R011_unknown_macro", "R011", kType + "[macros]\nNAME = 'x'\n" + rule("pattern = 'foo {NAEM}'")},
        Case{"R012_macro_cycle", "R012", kType + "[macros]\nA = 'a{B}'\nB = 'b{A}'\n" + rule("pattern = 'foo{A}'")},
        Case{"R013_unknown_lexicon", "R013", kType + rule("pattern = '{lexicon:nowhere}'")},
        Case{"R013_unknown_lexicon_field", "R013",
             kType + "[lexicons.l]\nentries = [{ id = \"A\", names = [\"Alpha\"] }]\n" +
                 rule("pattern = 'x{lexicon:l.demonyms}'")},
        Case{"R013_bad_annotation_reference", "R013", kType + rule("pattern = 'x{annotation:no-such-name}'")},
        Case{"R013_constraint_on_unknown_lexicon", "R013",
             kType + rule("pattern = '(?<who>foo)'\ncaptures.who = { lexicon = \"nowhere\" }")},
        Case{"R013_constraint_on_unknown_field", "R013",
             kType + "[lexicons.l]\nentries = [{ id = \"A\", names = [\"Alpha\"] }]\n" +
                 rule("pattern = '(?<who>foo)'\ncaptures.who = { lexicon = \"l\", field = \"demonyms\" }")},
        Case{"R014_duplicate_rule_id", "R014",
             kType + rule("pattern = 'foo'") + rule("pattern = 'bar'", "[[rule.example]]\ntext = \"bar\"\n")},
        Case{"R015_capture_without_role", "R015", kType + rule("pattern = '(?<whom>foo)'")},
        Case{"R016_empty_match", "R016", kType + rule("pattern = '(?:foo)?'")},
        Case{"R017_undeclared_type", "R017",
             kType + "\n[[rule]]\nid = \"r\"\ntype = \"nope\"\npattern = 'foo'\n[[rule.example]]\ntext = \"foo\"\n"},
        Case{"R017_undeclared_attribute", "R017", kType + rule("pattern = 'foo'\nattrs = { colour = \"red\" }")},
        Case{"R017_undeclared_copied_attribute", "R017",
             kType + "[lexicons.l]\nentries = [{ id = \"A\", names = [\"Alpha\"], region = \"x\" }]\n" +
                 rule("pattern = '(?<who>alpha)'\ncaptures.who = { lexicon = \"l\", copy = [\"region\"] }")},
        Case{"R018_lexicon_path_leaves_the_tree", "R018",
             kType + "[lexicons.l]\nfile = \"../../etc/passwd\"\n" + rule("pattern = 'foo'")},
        Case{"R018_import_leaves_the_tree", "R018",
             "[rules]\nimport = \"../elsewhere.toml\"\n" + kType + rule("pattern = 'foo'")},
        Case{"R019_constraint_on_missing_capture", "R019",
             kType + rule("pattern = 'foo'\ncaptures.who = { annotation = \"sentence\" }")},
        Case{"R020_bad_overlap", "R020", "[rules]\noverlap = \"longst\"\n" + kType + rule("pattern = 'foo'")},
        Case{"R020_bad_scope", "R020", kType + rule("pattern = 'foo'\nscope = \"chapter\"")},
        Case{
            "R020_bad_relation", "R020",
            kType + rule("pattern = '(?<who>foo)'\ncaptures.who = { annotation = \"sentence\", relation = \"near\" }")},
        Case{"R021_missing_import", "R021", "[rules]\nimport = \"missing.toml\"\n" + kType + rule("pattern = 'foo'")},
        Case{"R022_span_capture_missing", "R022", kType + rule("pattern = '(?<who>foo)'\nspan = \"whom\"")},
        Case{"R030_missing_lexicon_file", "R030",
             kType + "[lexicons.l]\nfile = \"missing.toml\"\n" + rule("pattern = 'foo'")},
        Case{"R031_inline_entry_without_id", "R031",
             kType + "[lexicons.l]\nentries = [{ names = [\"Alpha\"] }]\n" + rule("pattern = 'foo'")},
        Case{"R031_inline_entry_without_names", "R031",
             kType + "[lexicons.l]\nentries = [{ id = \"A\" }]\n" + rule("pattern = 'foo'")},
        Case{"R034_pipeline_file", "R034", "[pipeline]\nname = \"p\"\n[[step]]\nannotator = \"segmenter\"\n"},
        Case{"R041_example_without_text", "R041",
             kType + rule("pattern = 'foo'", "[[rule.example]]\nspan = \"foo\"\n")},
        Case{
            "R041_example_expects_unknown_role", "R041",
            kType + rule("pattern = '(?<who>foo)'", "[[rule.example]]\ntext = \"foo\"\nexpect = { whom = \"foo\" }\n")},
        Case{"R041_negative_example_with_span", "R041",
             kType + rule("pattern = 'foo'", "[[rule.example]]\ntext = \"bar\"\nmatch = false\nspan = \"bar\"\n")},
        Case{"R041_blocking_rule_example_expects_roles", "R041",
             kType + rule("pattern = '(?<who>foo)'\nblock = true",
                          "[[rule.example]]\ntext = \"foo\"\nexpect = { who = \"foo\" }\n")}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// R030 for the rule file itself (there is no text to give compile_rule_text).
TEST_F(RuleCompilerTest, R030_MissingRuleFile) {
  EXPECT_FALSE(compile_rule_file(tree.path("nothing.toml"), tree.root(), diagnostics));
  ASSERT_TRUE(diagnostics.contains("R030"));
  EXPECT_EQ(headline("R030"), "ROOT/nothing.toml: error[R030]: cannot read rule file");
  // A directory given for a rule file says so.
  Diagnostics directory;
  EXPECT_FALSE(compile_rule_file(tree.root(), tree.root(), directory));
  EXPECT_NE(directory.render().find("a directory: name its rule files"), std::string::npos) << directory.render();
}

TEST_F(RuleCompilerTest, R031_R032_BrokenLexiconFiles) {
  tree.write("empty.toml", "[lexicon]\nid = \"empty\"\n");
  tree.write("dup.toml", "[[entry]]\nid = \"A\"\nnames = [\"Alpha\"]\n[[entry]]\nid = \"A\"\nnames = [\"Aleph\"]\n");
  tree.write("typed.toml", "[[entry]]\nid = 5\nnames = [\"Alpha\"]\n[[entry]]\nid = \"B\"\nnames = [\"Beta\", 7]\n");
  for (const std::string name : {"empty", "dup", "typed"}) {
    Diagnostics d;
    auto set = compile_rule_text(kType + "[lexicons.l]\nfile = \"" + name + ".toml\"\n" + rule("pattern = 'foo'"), file(),
                                 tree.root(), d);
    EXPECT_FALSE(set) << name;
    const std::string text = d.render();
    if (name == "empty") {
      EXPECT_TRUE(d.contains("R031")) << text;
      EXPECT_NE(text.find("empty.toml:1:1: error[R031]: lexicon has no [[entry]]"), std::string::npos) << text;
    } else if (name == "dup") {
      EXPECT_NE(text.find("dup.toml:4:1: error[R031]: duplicate lexicon id 'A'"), std::string::npos) << text;
    } else {
      EXPECT_NE(text.find("typed.toml:2:6: error[R032]: 'id' must be a string"), std::string::npos) << text;
      EXPECT_NE(text.find("typed.toml:6:18: error[R032]: 'names' must be a list of strings"), std::string::npos) << text;
    }
  }
}

// --- Warnings: the file still compiles -------------------------------------------------------

TEST_F(RuleCompilerTest, R050_RuleWithoutExamplesIsAWarning) {
  auto set = compile(kType + rule("pattern = 'foo'", ""));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(codes(), std::vector<std::string>{"R050"});
  EXPECT_EQ(full("R050"),
            "ROOT/test.toml:6:1: warning[R050]: rule 'r' has no examples\n"
            "  [[rule]]\n"
            "  ^\n"
            "  = add [[rule.example]] text = \"...\" so that `caucus rules test` can check it\n");
}

// \b beside {annotation:TYPE} never holds (the mask's bytes are no word characters): a rule
// that has it matches nothing, so the compiler warns; the same rule without it does not.
TEST_F(RuleCompilerTest, R052_WordBoundaryBesideAnAnnotationIsAWarning) {
  auto set = compile(kType + rule("pattern = '\\b(?<who>{annotation:actor}) said'"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(codes(), std::vector<std::string>{"R052"});
  EXPECT_NE(full("R052").find("warning[R052]: rule 'r': \\b beside {annotation:actor} never holds"), std::string::npos)
      << full("R052");
  for (const char* pattern : {"pattern = '(?:{annotation:actor})\\b said'", "pattern = 'the (?<who>{annotation:actor})\\b'"}) {
    Diagnostics after;
    EXPECT_TRUE(compile_rule_text(kType + rule(pattern), file(), tree.root(), after));
    EXPECT_TRUE(after.contains("R052")) << pattern;
  }
  Diagnostics without;
  EXPECT_TRUE(compile_rule_text(kType + rule("pattern = '(?<!\\w)(?<who>{annotation:actor}) said\\b'"), file(), tree.root(), without));
  EXPECT_FALSE(without.contains("R052")) << without.render();
}

// A branch of its own for "speak for" gives the extracted triggers "for": the rule would run on
// nearly every sentence. Declared triggers, or rarer words in every branch, do not warn.
TEST_F(RuleCompilerTest, R051_TriggerFoundInMostSentencesIsAWarning) {
  auto set = compile(kType + rule("pattern = 'on behalf of (?<who>\\w+)|(?<=speak )for (?<who>\\w+)'"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(codes(), std::vector<std::string>{"R051"});
  EXPECT_NE(full("R051").find("warning[R051]: rule 'r' runs on nearly every sentence: its trigger words include 'for'"),
            std::string::npos)
      << full("R051");
  EXPECT_NE(full("R051").find("= declare the rarer words every match contains"), std::string::npos) << full("R051");
  Diagnostics declared;
  EXPECT_TRUE(compile_rule_text(kType + rule("pattern = 'on behalf of (?<who>\\w+)|(?<=speak )for (?<who>\\w+)'\n"
                                             "triggers = [\"behalf\", \"speak\"]"),
                                file(), tree.root(), declared));
  EXPECT_FALSE(declared.contains("R051")) << declared.render();
}

// A pattern whose branch holds no word of three letters gives no trigger words: the rule would
// run on every unit, which the author must declare (triggers = []).
TEST_F(RuleCompilerTest, R053_NoTriggerWordsIsAWarningUnlessDeclared) {
  auto set = compile(kType + rule("pattern = 'speaking for (?<who>\\w+)|by (?<who>\\w+)'"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(codes(), std::vector<std::string>{"R053"});
  EXPECT_NE(full("R053").find("warning[R053]: rule 'r' has no trigger words: it runs on every sentence"),
            std::string::npos)
      << full("R053");
  for (const char* declared_triggers : {"triggers = []", "triggers = [\"speaking\"]"}) {
    Diagnostics declared;
    EXPECT_TRUE(compile_rule_text(kType + rule(std::string("pattern = 'speaking for (?<who>\\w+)|by (?<who>\\w+)'\n") +
                                               declared_triggers),
                                  file(), tree.root(), declared));
    EXPECT_FALSE(declared.contains("R053")) << declared.render();
  }
}

// A trigger of two words would miss the phrase broken across lines.
TEST_F(RuleCompilerTest, R023_TriggerWithWhiteSpaceIsAnError) {
  EXPECT_FALSE(compile(kType + rule("pattern = 'speak for (?<who>\\w+)'\ntriggers = [\"speak for\"]")));
  EXPECT_EQ(headline("R023"), "ROOT/test.toml:10:12: error[R023]: trigger 'speak for' holds white space") << rendered();
}

TEST_F(RuleCompilerTest, R033_NameSharedByTwoEntriesIsAWarning) {
  auto set = compile(kType + "[lexicons.l]\nentries = [{ id = \"A\", names = [\"Alpha\"] }, { id = \"B\", names = [\"Beta\", \"the Alpha\"] }]\n" +
                     rule("pattern = 'foo'"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(codes(), std::vector<std::string>{"R033"});
  EXPECT_NE(rendered().find("warning[R033]: name 'the Alpha' of 'B' is also a name of 'A' in lexicon 'l'; the first wins"),
            std::string::npos)
      << rendered();
  // The first entry keeps the name.
  EXPECT_EQ(set->lexicons.at("l")->lookup("alpha")->id, "A");
}

// --- Where errors point ----------------------------------------------------------------------

TEST_F(RuleCompilerTest, R010_PointsAtTheCharacterInALiteralString) {
  EXPECT_FALSE(compile(kType + rule("pattern = 'ab)c'")));
  // Line 9 is the pattern; the quote is column 11, so ')' (third character) is column 14.
  EXPECT_EQ(full("R010"),
            "ROOT/test.toml:9:14: error[R010]: invalid pattern: unmatched closing parenthesis\n"
            "  pattern = 'ab)c'\n"
            "               ^\n");
}

TEST_F(RuleCompilerTest, R010_PointsIntoAMultiLineLiteralString) {
  // The pattern's white space became \s+ before PCRE2 saw it: the offset still maps back.
  EXPECT_FALSE(compile(kType + rule("pattern = '''\nfoo\n  b)c\n'''")));
  EXPECT_EQ(full("R010"),
            "ROOT/test.toml:11:4: error[R010]: invalid pattern: unmatched closing parenthesis\n"
            "    b)c\n"
            "     ^\n");
}

TEST_F(RuleCompilerTest, R010_PointsIntoABasicStringWithEscapes) {
  // Decoded: "x\d{2}b)" -- the backslash pair is one character of the pattern.
  EXPECT_FALSE(compile(kType + rule("pattern = \"x\\\\d{2}b)\"")));
  EXPECT_EQ(headline("R010"), "ROOT/test.toml:9:20: error[R010]: invalid pattern: unmatched closing parenthesis");
}

TEST_F(RuleCompilerTest, R010_PointsIntoABasicStringWithUnicodeEscapes) {
  // \u00e9 is 2 bytes of the decoded pattern, \u2019 is 3: the caret must still land on ')'.
  EXPECT_FALSE(compile(kType + rule("pattern = \"caf\\u00e9 d\\u2019x)\"")));
  EXPECT_EQ(headline("R010"), "ROOT/test.toml:9:30: error[R010]: invalid pattern: unmatched closing parenthesis");
}

TEST_F(RuleCompilerTest, R010_AfterALexiconReferencePointsPastIt) {
  // The lexicon's names expand to one piece of the pattern, longer than the reference: the
  // offset of the ')' after it still maps back to the ')' in the file.
  EXPECT_FALSE(compile(kType + "[lexicons.l]\nentries = [{ id = \"A\", names = [\"Alpha\", \"Beta\", \"Gamma Delta\"] }]\n" +
                       rule("pattern = '{lexicon:l} x)y'")));
  EXPECT_EQ(full("R010"),
            "ROOT/test.toml:11:25: error[R010]: invalid pattern: unmatched closing parenthesis\n"
            "  pattern = '{lexicon:l} x)y'\n"
            "                          ^\n");
}

TEST_F(RuleCompilerTest, R010_InAMacroPointsAtTheMacroDefinition) {
  EXPECT_FALSE(compile(kType + "[macros]\nM = 'a)b'\n" + rule("pattern = 'x{M}'")));
  EXPECT_EQ(headline("R010"), "ROOT/test.toml:6:7: error[R010]: invalid pattern in macro 'M': unmatched closing parenthesis");
  // The rule that uses it is not blamed a second time.
  EXPECT_EQ(diagnostics.error_count(), 1u) << rendered();
}

// Macros are compiled alone only when a pattern using them fails (compiling each on its own
// would cost a tenth of loading): the error still points at the macro, once.
TEST_F(RuleCompilerTest, R010_InAMacroUsedTwiceIsReportedOnceAtItsDefinition) {
  const std::string two_rules = "\n[[rule]]\nid = \"r1\"\ntype = \"t\"\npattern = 'x{M}'\n[[rule.example]]\ntext = \"x\"\n"
                                "\n[[rule]]\nid = \"r2\"\ntype = \"t\"\npattern = 'y{M}'\n[[rule.example]]\ntext = \"y\"\n";
  EXPECT_FALSE(compile(kType + "[macros]\nM = 'ab{2,1}'\n" + two_rules));
  EXPECT_EQ(headline("R010"),
            "ROOT/test.toml:6:12: error[R010]: invalid pattern in macro 'M': numbers out of order in {} quantifier");
  EXPECT_EQ(diagnostics.error_count(), 1u) << rendered();
}

TEST_F(RuleCompilerTest, R010_InAMacroInsideAMacroPointsAtTheInnerDefinition) {
  EXPECT_FALSE(compile(kType + "[macros]\nOUTER = 'x{INNER}y'\nINNER = '\\p{Nope}'\n" + rule("pattern = '{OUTER}'")));
  EXPECT_EQ(headline("R010"), "ROOT/test.toml:7:10: error[R010]: invalid pattern in macro 'INNER': unknown property after \\P or \\p");
  EXPECT_EQ(diagnostics.error_count(), 1u) << rendered();
}

TEST_F(RuleCompilerTest, R010_WhereAMacroIsWrongOnlyInPlaceTheRuleIsBlamed) {
  // "a+" is a pattern; in a lookbehind, which needs a fixed length, it is not.
  EXPECT_FALSE(compile(kType + "[macros]\nM = 'a+'\n" + rule("pattern = '(?<={M})x'")));
  EXPECT_EQ(headline("R010"), "ROOT/test.toml:11:12: error[R010]: invalid pattern: lookbehind assertion is not fixed length");
}

TEST_F(RuleCompilerTest, R010_AfterAMacroPointsAtTheRulePattern) {
  // The macro's expansion is longer than "{M}": offsets after it still map to the source.
  EXPECT_FALSE(compile(kType + "[macros]\nM = 'abcdefgh'\n" + rule("pattern = '{M} x)'")));
  EXPECT_EQ(headline("R010"), "ROOT/test.toml:11:17: error[R010]: invalid pattern: unmatched closing parenthesis");
}

TEST_F(RuleCompilerTest, R011_UnderlinesTheReferenceAndGuesses) {
  EXPECT_FALSE(compile(kType + "[macros]\nNAME = 'x'\n" + rule("pattern = 'foo {NAMES} bar'")));
  EXPECT_EQ(full("R011"),
            "ROOT/test.toml:11:16: error[R011]: unknown macro 'NAMES'\n"
            "  pattern = 'foo {NAMES} bar'\n"
            "                 ^~~~~~~\n"
            "  = did you mean 'NAME'?\n");
}

TEST_F(RuleCompilerTest, R011_InAMultiLineStringPointsAtTheReference) {
  EXPECT_FALSE(compile(kType + rule("pattern = '''\n  foo\n    {NOPE}\n'''")));
  EXPECT_EQ(headline("R011"), "ROOT/test.toml:11:5: error[R011]: unknown macro 'NOPE'");
}

TEST_F(RuleCompilerTest, R012_NamesTheCycle) {
  EXPECT_FALSE(compile(kType + "[macros]\nA = 'a{B}'\nB = 'b{A}'\n" + rule("pattern = 'x{A}'")));
  EXPECT_EQ(headline("R012"), "ROOT/test.toml:7:7: error[R012]: macro 'A' refers to itself (through A -> B -> A)");
}

TEST_F(RuleCompilerTest, R013_UnknownLexiconGuesses) {
  EXPECT_FALSE(compile(kType + "[lexicons.states]\nentries = [{ id = \"A\", names = [\"Alpha\"] }]\n" +
                       rule("pattern = 'x {lexicon:stats}'")));
  EXPECT_EQ(full("R013"),
            "ROOT/test.toml:11:14: error[R013]: unknown lexicon 'stats'\n"
            "  pattern = 'x {lexicon:stats}'\n"
            "               ^~~~~~~~~~~~~~~\n"
            "  = did you mean 'states'?\n");
}

TEST_F(RuleCompilerTest, R015_PointsAtTheCaptureName) {
  EXPECT_FALSE(compile(kType + rule("pattern = 'a (?<whom>b)'")));
  EXPECT_EQ(headline("R015"), "ROOT/test.toml:9:17: error[R015]: capture 'whom' maps to no role or attribute of type 't'");
  EXPECT_NE(full("R015").find("= roles of 't': who; name helper groups with a leading _ (?<_name>...)"), std::string::npos);
}

TEST_F(RuleCompilerTest, R015_HelperGroupsWithALeadingUnderscoreAreAllowed) {
  EXPECT_TRUE(compile(kType + rule("pattern = 'a (?<_helper>b)'"))) << rendered();
}

TEST_F(RuleCompilerTest, R017_UndeclaredTypeSuggestsDeclaringIt) {
  EXPECT_FALSE(compile(kType + "\n[[rule]]\nid = \"r\"\ntype = \"tt\"\npattern = 'foo'\n[[rule.example]]\ntext = \"foo\"\n"));
  EXPECT_EQ(full("R017"),
            "ROOT/test.toml:8:8: error[R017]: annotation type 'tt' is not declared\n"
            "  type = \"tt\"\n"
            "         ^\n"
            "  = declare it with [types.tt] roles = [...], attributes = [...]\n"
            "  = did you mean 't'?\n");
}

TEST_F(RuleCompilerTest, R020_NamesTheChoicesAndGuesses) {
  EXPECT_FALSE(compile("[rules]\noverlap = \"longst\"\n" + kType + rule("pattern = 'foo'")));
  EXPECT_EQ(full("R020"),
            "ROOT/test.toml:2:11: error[R020]: 'overlap' must be one of keep_all, longest, first, priority, not 'longst'\n"
            "  overlap = \"longst\"\n"
            "            ^\n"
            "  = did you mean 'longest'?\n");
}

TEST_F(RuleCompilerTest, R002_UnknownRuleKeyGuesses) {
  EXPECT_FALSE(compile(kType + rule("pattern = 'foo'\npriorty = 1")));
  EXPECT_EQ(headline("R002"), "ROOT/test.toml:10:11: error[R002]: unknown key 'priorty'");
  EXPECT_NE(rendered().find("did you mean 'priority'?"), std::string::npos) << rendered();
}

TEST_F(RuleCompilerTest, R003_MatchLimitRange) {
  EXPECT_FALSE(compile("[rules]\nmatch_limit = 1000000001\n" + kType + rule("pattern = 'foo'")));
  EXPECT_EQ(headline("R003"), "ROOT/test.toml:2:15: error[R003]: 'match_limit' must be between 1000 and 1000000000");
  Diagnostics ok;
  auto set = compile_rule_text("[rules]\nmatch_limit = 1000\n" + kType + rule("pattern = 'foo'"), file(), tree.root(), ok);
  ASSERT_TRUE(set) << ok.render();
  EXPECT_EQ(set->match_limit, 1000u);
}

TEST_F(RuleCompilerTest, R022_And_R019_PointAtTheRuleAndTheConstraint) {
  EXPECT_FALSE(compile(kType + rule("pattern = 'foo'\nspan = \"who\"\ncaptures.who = { annotation = \"sentence\" }")));
  EXPECT_EQ(headline("R022"), "ROOT/test.toml:6:1: error[R022]: 'span' names capture 'who', which the pattern does not have");
  EXPECT_EQ(headline("R019"), "ROOT/test.toml:11:16: error[R019]: constraint on capture 'who', which the pattern does not have");
}

// --- One run reports every error -------------------------------------------------------------

TEST_F(RuleCompilerTest, OneRunReportsEveryError) {
  const std::string text = "[rules]\noverlap = \"widest\"\n" + kType +
                           "[[rule]]\nid = \"a\"\ntype = \"t\"\npattern = '(?<whom>x)'\n[[rule.example]]\ntext = \"x\"\n"
                           "[[rule]]\nid = \"b\"\ntype = \"u\"\npattern = 'y{MISSING}'\n[[rule.example]]\ntext = \"y\"\n"
                           "[[rule]]\nid = \"c\"\ntype = \"t\"\npattern = 'z'\nscope = \"page\"\n[[rule.example]]\ntext = \"z\"\n"
                           "[[rule]]\nid = \"d\"\ntype = \"t\"\npattern = 'v'\n[[rule.example]]\ntext = \"v\"\n"
                           "[[rule]]\nid = \"d\"\ntype = \"t\"\npattern = 'w'\n[[rule.example]]\ntext = \"w\"\n";
  EXPECT_FALSE(compile(text));
  for (const char* code : {"R020", "R015", "R017", "R011", "R014"}) EXPECT_TRUE(diagnostics.contains(code)) << code << "\n" << rendered();
  // Two R020s: the header's overlap and rule c's scope.
  const auto all = codes();
  EXPECT_EQ(std::count(all.begin(), all.end(), "R020"), 2) << rendered();
}

TEST_F(RuleCompilerTest, ABadPatternDoesNotHideTheRestOfItsRule) {
  EXPECT_FALSE(compile(kType + rule("pattern = '(?<who>foo'\n"
                                    "attrs = { colour = \"red\" }\n"
                                    "captures.who = { annotation = \"sentence\", relation = \"around\" }\n"
                                    "priorty = 3",
                                    "[[rule.example]]\ntext = \"foo\"\nexpect = { whom = \"x\" }\n")));
  for (const char* code : {"R010", "R017", "R020", "R002", "R041"}) EXPECT_TRUE(diagnostics.contains(code)) << code << "\n" << rendered();
}

TEST_F(RuleCompilerTest, AMissingPatternDoesNotMakeTheRestOfTheRuleUnknownKeys) {
  EXPECT_FALSE(compile(kType + rule("description = \"d\"\npriority = 1\nattrs = { kind = \"k\" }")));
  EXPECT_EQ(codes(), std::vector<std::string>{"R004"}) << rendered();
  EXPECT_EQ(headline("R004"), "ROOT/test.toml:6:1: error[R004]: rule has no 'pattern'");
}

// --- Imports (files) -------------------------------------------------------------------------

TEST_F(RuleCompilerTest, ImportsBringTypesMacrosAndLexiconsButNotRules) {
  tree.write("common.toml", kType +
                                "[macros]\nGREET = 'hello|hi'\n"
                                "[lexicons.l]\nentries = [{ id = \"A\", names = [\"Alpha\"] }]\n" +
                                rule("pattern = 'imported'"));
  const auto main = tree.write("main.toml", "[rules]\nimport = \"common.toml\"\n" +
                                                std::string("[[rule]]\nid = \"m\"\ntype = \"t\"\npattern = '{GREET} (?<who>{lexicon:l})'\n"
                                                            "captures.who = { lexicon = \"l\" }\n[[rule.example]]\ntext = \"hi Alpha\"\n"));
  auto set = compile_rule_file(main, tree.root(), diagnostics);
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(diagnostics.size(), 0u) << rendered();
  ASSERT_EQ(set->rules.size(), 1u);
  EXPECT_EQ(set->rules[0].id, "m");
  EXPECT_TRUE(set->types.count("t"));
  EXPECT_TRUE(set->lexicons.count("l"));
  EXPECT_EQ(set->macros.at("GREET"), "hello|hi");
}

TEST_F(RuleCompilerTest, R021_ImportCycle) {
  tree.write("a.toml", "[rules]\nimport = \"b.toml\"\n[macros]\nA = 'a'\n" + kType + rule("pattern = 'foo{A}'"));
  tree.write("b.toml", "[rules]\nimport = \"a.toml\"\n[macros]\nB = 'b'\n");
  EXPECT_FALSE(compile_rule_file(tree.path("a.toml"), tree.root(), diagnostics));
  EXPECT_TRUE(diagnostics.contains("R021")) << rendered();
  // The cycle is the only problem: a.toml's own macros are not "defined twice".
  EXPECT_EQ(codes(), std::vector<std::string>{"R021"}) << rendered();
  EXPECT_NE(rendered().find("b.toml:2:10: error[R021]: import cycle"), std::string::npos) << rendered();
}

TEST_F(RuleCompilerTest, R021_FileImportingItself) {
  tree.write("self.toml", "[rules]\nimport = \"self.toml\"\n[macros]\nA = 'a'\n" + kType + rule("pattern = 'foo{A}'"));
  EXPECT_FALSE(compile_rule_file(tree.path("self.toml"), tree.root(), diagnostics));
  EXPECT_EQ(codes(), std::vector<std::string>{"R021"}) << rendered();
  EXPECT_NE(rendered().find("self.toml:2:10: error[R021]: import cycle: '" + tree.path("self.toml").string() + "' imports itself"),
            std::string::npos)
      << rendered();
}

TEST_F(RuleCompilerTest, ADiamondOfImportsIsNotACycleNorADuplicate) {
  tree.write("base.toml", kType + "[macros]\nBASE = 'base'\n");
  tree.write("left.toml", "[rules]\nimport = \"base.toml\"\n[macros]\nLEFT = 'left'\n");
  tree.write("right.toml", "[rules]\nimport = \"base.toml\"\n[macros]\nRIGHT = 'right'\n");
  tree.write("top.toml", "[rules]\nimport = [\"left.toml\", \"right.toml\"]\n" + rule("pattern = '{LEFT}{RIGHT}{BASE}'",
                                                                                       "[[rule.example]]\ntext = \"leftrightbase\"\n"));
  auto set = compile_rule_file(tree.path("top.toml"), tree.root(), diagnostics);
  EXPECT_TRUE(set) << rendered();
  EXPECT_EQ(diagnostics.size(), 0u) << rendered();
}

TEST_F(RuleCompilerTest, R011_MacroDefinedInAnImportAndAgain) {
  tree.write("common.toml", "[macros]\nX = 'x'\n");
  tree.write("main.toml", "[rules]\nimport = \"common.toml\"\n[macros]\nX = 'y'\n" + kType + rule("pattern = 'foo{X}'"));
  EXPECT_FALSE(compile_rule_file(tree.path("main.toml"), tree.root(), diagnostics));
  EXPECT_EQ(codes(), std::vector<std::string>{"R011"}) << rendered();
  EXPECT_NE(rendered().find("main.toml:4:5: error[R011]: macro 'X' is defined twice"), std::string::npos) << rendered();
}

TEST_F(RuleCompilerTest, R018_PathEscapeNamesThePathAndTheTree) {
  EXPECT_FALSE(compile(kType + "[lexicons.l]\nfile = \"../outside.toml\"\n" + rule("pattern = 'foo'")));
  EXPECT_EQ(full("R018"),
            "ROOT/test.toml:6:8: error[R018]: path '../outside.toml' leaves the rule tree\n"
            "  file = \"../outside.toml\"\n"
            "         ^\n"
            "  = rule files may only name files under ROOT\n");
}

TEST_F(RuleCompilerTest, LexiconFilesAreReadRelativeToTheRuleTree) {
  tree.write("lex/names.toml", "[lexicon]\ndefaults = { type = \"state\" }\n[[entry]]\nid = \"ALP\"\nnames = [\"Alpha\"]\n");
  auto set = compile(kType + "[lexicons.l]\nfile = \"lex/names.toml\"\n" +
                     rule("pattern = '(?<who>{lexicon:l})'\ncaptures.who = { lexicon = \"l\" }", "[[rule.example]]\ntext = \"Alpha\"\n"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(set->lexicons.at("l")->entries().size(), 1u);
  EXPECT_EQ(set->lexicons.at("l")->entries()[0].attrs.text("type"), "state");
}

// --- The compiled form ----------------------------------------------------------------------

class DumpTest : public RuleCompilerTest {
 protected:
  std::string dump(const std::string& text) {
    auto set = compile(text);
    if (!set) return "(does not compile)\n" + rendered();
    EXPECT_EQ(diagnostics.error_count(), 0u);
    return set->dump();
  }
};

TEST_F(DumpTest, MacrosWhiteSpaceAndTriggers) {
  const std::string text = R"([rules]
name = "demo"
overlap = "first"
match_limit = 5000

[types.alignment]
roles = ["speaker", "target"]
attributes = ["kind", "weight", "final"]

[macros]
ALIGN = 'align(?:s|ed)?'
SELF = 'itself|themselves'
WITH = '''{ALIGN}  {SELF}
  with'''

[[rule]]
id = "align.with"
type = "alignment"
priority = 5
pattern = '''
  (?<speaker>\w+) {WITH} the  statement
  of (?<target>[A-Z]\w+)|(?<target>the Union)
'''
attrs = { kind = "full", weight = 2, final = true }

[[rule.example]]
text = "Ireland aligns itself with the statement of Finland"

[[rule.example]]
text = "aligned"
match = false
)";
  EXPECT_EQ(dump(text),
            "ruleset demo\n"
            "  overlap: first\n"
            "  match_limit: 5000\n"
            "  type alignment roles=[speaker, target] attributes=[kind, weight, final]\n"
            "  macro ALIGN = align(?:s|ed)?\n"
            "  macro SELF = itself|themselves\n"
            "  macro WITH = (?:align(?:s|ed)?)\\s+(?:itself|themselves)\\s*with\n"
            "  rule align.with\n"
            "    type: alignment  stage: 0  priority: 5  scope: sentence  case: insensitive\n"
            "    pattern: (?<speaker>\\w+)\\s+(?:(?:align(?:s|ed)?)\\s+(?:itself|themselves)\\s*with)\\s+the\\s+statement\\s*"
            "of\\s+(?<target>[A-Z]\\w+)|(?<target>the\\s+Union)\n"
            "    span: match\n"
            "    attrs: kind=full weight=2 final=true\n"
            "    triggers: statement, union (extracted)\n"
            "    examples: 1 matching, 1 not matching\n");
}

// {annotation:TYPE} becomes the element matching mask k in the pattern, and the dump shows it
// by its type name again.
TEST_F(DumpTest, AnnotationElementsAreMasksAndDumpByName) {
  EXPECT_EQ(RuleSet::mask_element(0), R"((?:\x01\x02*+))");
  EXPECT_EQ(RuleSet::mask_element(4), R"((?:\x0e\x0f*+))");
  auto set = compile(kType + rule("pattern = '(?<who>{annotation:actor}) and {annotation:citation}'"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(set->masks, (std::vector<std::string>{"actor", "citation"}));
  EXPECT_EQ(set->rules[0].final_pattern,
            "(?<who>" + RuleSet::mask_element(0) + ")\\s+and\\s+" + RuleSet::mask_element(1));
  const std::string out = set->dump();
  EXPECT_NE(out.find("    pattern: (?<who>{annotation:actor})\\s+and\\s+{annotation:citation}\n"), std::string::npos) << out;
}

// Spaces inside a line match one or more white-space characters; a line break (with the
// indentation after it) only continues the pattern, and matches optional white space.
TEST_F(DumpTest, LineBreaksContinueThePattern) {
  auto set = compile(kType + rule("pattern = '''\n  foo\n    bar baz\n  qux\n'''"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(set->rules[0].final_pattern, R"(foo\s*bar\s+baz\s*qux)");
}

// Before a group whose contents begin with a space, a line break adds nothing: the group's
// own \s+ is the white space. A \s* there would take the space, and an optional group would
// then be skipped whenever the rest matched without it. A group that begins with optional
// white space (" ?") or with a line break, and a lookahead, keep the line break's \s*.
TEST_F(DumpTest, ALineBreakBeforeAGroupThatBeginsWithASpaceAddsNothing) {
  auto set = compile(
      kType +
      rule(
          "pattern = '''\n  foo\n  (?: of bar)?\n  (?<who> baz)\n  (?i: or)\n  (?: ?q)\n  (?= r)\n  (?:\n    s)\n'''"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(set->rules[0].final_pattern,
            R"(foo(?:\s+of\s+bar)?(?<who>\s+baz)(?i:\s+or)\s*(?:\s*q)\s*(?=\s+r)\s*(?:\s*s))");
}

// A quantifier after a space applies to the white space: " ?" and " *" are optional white
// space (not a lazy "\s+?", which needs one character, nor a nested "(?:\s+)*"), " +?" a
// lazy run, " {2}" (?:\s+){2}; " {MACRO}" stays a space and a macro.
TEST_F(DumpTest, AQuantifierAfterASpaceQuantifiesTheWhiteSpace) {
  auto set = compile(kType + "[macros]\nWORD = 'word'\n" + rule("pattern = '\\( ?x *y +?z {2}w {WORD}'"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(set->rules[0].final_pattern, R"(\(\s*x\s*y\s+?z(?:\s+){2}w\s+(?:word))");
}

// White space next to an alternation bar is text like any other: the shipped rules write
// "(?: of| for)" for "of" or "for" after a space.
TEST_F(DumpTest, WhiteSpaceNextToABarIsKept) {
  auto set = compile(kType + "[macros]\nROLE = '(?: of| for)'\n" +
                     rule("pattern = 'representative{ROLE}|speaking |x | y'", "[[rule.example]]\ntext = \"representative of\"\n"));
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(set->macros.at("ROLE"), R"((?:\s+of|\s+for))");
  EXPECT_EQ(set->rules[0].final_pattern, R"(representative(?:(?:\s+of|\s+for))|speaking\s+|x\s+|\s+y)");
}

TEST_F(DumpTest, LookbehindWhiteSpaceIsOneCharacterAndClassesAndQuotesKeepTheirs) {
  const std::string text = kType + R"(
[[rule]]
id = "lb"
type = "t"
scope = "paragraph"
case_sensitive = true
pattern = '(?<!spoke in )(?<who>[A-Z][a-z ]+) \Qa b\E said'
triggers = ["Said", "stated"]
[[rule.example]]
text = "Mr Flynn a b said"
)";
  EXPECT_EQ(dump(text),
            "ruleset test\n"
            "  overlap: longest\n"
            "  match_limit: 1000000\n"
            "  type t roles=[who] attributes=[kind]\n"
            "  rule lb\n"
            "    type: t  stage: 0  priority: 0  scope: paragraph  case: sensitive\n"
            "    pattern: (?<!spoke\\sin\\s)(?<who>[A-Z][a-z ]+)\\s+\\Qa b\\E\\s+said\n"
            "    span: match\n"
            "    triggers: said, stated (declared)\n"
            // What the pattern proves all its matches hold checks the declared words.
            "    and one of: said (extracted)\n"
            "    examples: 1 matching, 0 not matching\n");
}

TEST_F(DumpTest, LexiconsAreShownByNameWithConstraintsAndStages) {
  const std::string text = R"([rules]
overlap = "keep_all"
scope = "document"

[types.actor]
roles = ["actor"]
attributes = ["actor_region", "form"]

[types.pair]
roles = ["first", "second", "members"]

[lexicons.states]
entries = [
  { id = "FRA", names = ["France", "French Republic"], demonyms = ["French"], region = "WEOG" },
  { id = "CIV", names = ["Côte d'Ivoire", "Cote d'Ivoire"], region = "African" },
]

[[rule]]
id = "actor"
type = "actor"
pattern = '(?<actor>{lexicon:states})'
captures.actor = { lexicon = "states", copy = ["region"] }
[[rule.example]]
text = "France"

[[rule]]
id = "demonym"
type = "actor"
pattern = '(?<actor>{lexicon:states.demonyms}) (?:delegation|presidency)'
span = "actor"
attrs = { form = "demonym" }
captures.actor = { lexicon = "states", field = "demonyms", required = false }
[[rule.example]]
text = "the French presidency"
span = "French"

[[rule]]
id = "pair"
type = "pair"
stage = 1
scope = "sentence"
pattern = '(?<first>\w+) and (?<second>\w+)|between (?<members>.+)'
captures.first = { annotation = "actor", take = "actor" }
captures.second = { annotation = "actor", relation = "inside" }
captures.members = { annotation = "actor", relation = "contains", each = true, required = false }
[[rule.example]]
text = "France and Cote d'Ivoire"
)";
  const std::string out = dump(text);
  EXPECT_EQ(out,
            "ruleset test\n"
            "  overlap: keep_all\n"
            "  match_limit: 1000000\n"
            "  type actor roles=[actor] attributes=[actor_region, form]\n"
            "  type pair roles=[first, second, members] attributes=[]\n"
            "  lexicon states: 2 entries, 3 names\n"
            "  rule actor\n"
            "    type: actor  stage: 0  priority: 0  scope: document  case: insensitive\n"
            "    pattern: "
            "(?<actor>(?<![\\w\\-]){lexicon:states}(?!-|[^\\W\\d]|\\d(?<=(?-i:[^a-z])\\d)|\\d{3}|\\d{1,2}+[\\w\\-]))\n"
            "    span: match\n"
            "    capture actor: lexicon=states.names copy=[region] required\n"
            "    triggers: ance, ench, ivoire (extracted)\n"
            "    tried at: the starts of {lexicon:states} names\n"
            "    matched by: the lexicon's trie (the regex where it is unsure)\n"
            "    examples: 1 matching, 0 not matching\n"
            "  rule demonym\n"
            "    type: actor  stage: 0  priority: 0  scope: document  case: insensitive\n"
            "    pattern: "
            "(?<actor>(?<![\\w\\-]){lexicon:states.demonyms}(?!-|[^\\W\\d]|\\d(?<=(?-i:[^a-z])\\d)|\\d{3}|\\d{1,2}+["
            "\\w\\-]))\\s+(?:delegation|presidency)\n"
            "    span: actor\n"
            "    attrs: form=demonym\n"
            "    capture actor: lexicon=states.demonyms optional\n"
            "    triggers: delegation, presidency (extracted)\n"
            "    and one of: french (extracted)\n"
            "    tried at: the starts of {lexicon:states.demonyms} names\n"
            "    examples: 1 matching, 0 not matching\n"
            "  rule pair\n"
            "    type: pair  stage: 1  priority: 0  scope: sentence  case: insensitive\n"
            "    pattern: (?<first>\\w+)\\s+and\\s+(?<second>\\w+)|between\\s+(?<members>.+)\n"
            "    span: match\n"
            "    capture first: annotation=actor relation=coincide take=actor required\n"
            "    capture second: annotation=actor relation=inside required\n"
            "    capture members: annotation=actor relation=contains each optional\n"
            "    triggers: and, between (extracted)\n"
            "    examples: 1 matching, 0 not matching\n");
  // The lexicon's own fields are never shown raw.
  EXPECT_EQ(out.find("france"), std::string::npos) << out;
}

TEST_F(DumpTest, LexiconFieldsOtherThanNamesAndDemonymsAreShownByNameToo) {
  const std::string text = kType + R"(
[lexicons.orgs]
entries = [{ id = "UNODC", names = ["United Nations Office on Drugs and Crime"], aliases = ["Drugs Office"] }]
[[rule]]
id = "r"
type = "t"
pattern = '(?<who>{lexicon:orgs.aliases})'
captures.who = { lexicon = "orgs", field = "aliases" }
[[rule.example]]
text = "the Drugs Office"
)";
  const std::string out = dump(text);
  EXPECT_NE(out.find("    pattern: "
                     "(?<who>(?<![\\w\\-]){lexicon:orgs.aliases}(?!-|[^\\W\\d]|\\d(?<=(?-i:[^a-z])\\d)|\\d{3}|\\d{1,2}+"
                     "[\\w\\-]))\n"),
            std::string::npos)
      << out;
}

TEST_F(DumpTest, TheShippedActorsFile) {
  const std::filesystem::path rules = std::filesystem::path(CAUCUS_SOURCE_DIR) / "rules";
  auto set = compile_rule_file(rules / "actors.toml", rules, diagnostics);
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(diagnostics.size(), 0u) << rendered();
  const std::string out = set->dump();
  EXPECT_NE(out.find("  lexicon states: 203 entries, "), std::string::npos) << out;
  EXPECT_NE(out.find("    pattern: "
                     "(?<!in\\s)(?<actor>(?<![\\w\\-]){lexicon:states.demonyms}(?!-|[^\\W\\d]|\\d(?<=(?-i:[^a-z])\\d)|"
                     "\\d{3}|\\d{1,2}+[\\w\\-]))\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("    capture actor: lexicon=groups.names copy=[type] required\n"), std::string::npos) << out;
  EXPECT_EQ(set->required_types(), std::vector<std::string>{"paragraph"});
  EXPECT_EQ(set->produced_types(), std::vector<std::string>{"actor"});
}

TEST_F(DumpTest, RequiredTypesLeaveOutWhatEarlierStagesMake) {
  auto set = compile(R"([types.actor]
roles = ["actor"]
[types.pair]
roles = ["first"]
[[rule]]
id = "a"
type = "actor"
scope = "document"
pattern = 'x'
[[rule.example]]
text = "x"
[[rule]]
id = "p"
type = "pair"
stage = 1
scope = "speech"
pattern = '(?<first>\w+)'
captures.first = { annotation = "actor" }
[[rule.example]]
text = "x"
[[rule]]
id = "q"
type = "pair"
stage = 0
scope = "document"
pattern = '(?<first>\w+)'
captures.first = { annotation = "citation" }
[[rule.example]]
text = "x"
)");
  ASSERT_TRUE(set) << rendered();
  EXPECT_EQ(set->required_types(), (std::vector<std::string>{"citation", "speech"}));
  EXPECT_EQ(set->produced_types(), (std::vector<std::string>{"actor", "pair"}));
  ASSERT_NE(set->find("p"), nullptr);
  EXPECT_EQ(set->find("p")->stage, 1);
  EXPECT_EQ(set->find("nope"), nullptr);
}

}  // namespace
}  // namespace caucus
