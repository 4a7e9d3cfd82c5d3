// The lexicon matcher against the regex it stands in for: wherever it decides, it must decide
// as PCRE2 does on the lexicon element (see lexicon_matcher.hpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "../engine/src/lexicon_matcher.hpp"
#include "../engine/src/rules/pattern.hpp"
#include "caucus/lexicon.hpp"
#include "caucus/rules.hpp"

namespace caucus {
namespace {

using Outcome = LexiconMatcher::Outcome;

// The element a {lexicon:...} reference becomes (as the rule compiler writes it), anchored,
// compiled as the rule compiler compiles it for a rule the matcher serves (no JIT code).
std::shared_ptr<const CompiledPattern> element_regex(const Lexicon& lexicon, const std::string& field) {
  PatternError error;
  auto compiled =
      compile_pattern("\\G(?:" + lexicon_element(lexicon, field) + ")", true, error, Jit::skip);
  EXPECT_TRUE(compiled) << error.message;
  return compiled;
}

struct Both {
  std::unique_ptr<LexiconMatcher> matcher;
  std::shared_ptr<const CompiledPattern> regex;
};

Both both_of(const Lexicon& lexicon, const std::string& field = "names") {
  return {LexiconMatcher::make(lexicon.pattern_words(field), lexicon.pattern_acronyms(field), lexicon.options().ignore_case),
          element_regex(lexicon, field)};
}

std::shared_ptr<Lexicon> small_lexicon(LexiconOptions options = {}) {
  auto lexicon = std::make_shared<Lexicon>("l", options);
  const std::vector<std::pair<std::string, std::vector<std::string>>> entries = {
      {"GIN", {"Guinea"}},
      {"GNB", {"Guinea-Bissau"}},
      {"CIV", {"Côte d'Ivoire"}},
      {"GBR", {"United Kingdom", "United Kingdom of Great Britain and Northern Ireland"}},
      {"UN", {"UN", "United Nations"}},
      {"UNW", {"UN Women"}},
      {"G77", {"Group of 77"}},
  };
  for (const auto& [id, names] : entries) {
    LexiconEntry entry;
    entry.id = id;
    entry.label = names.front();
    entry.lists["names"] = names;
    lexicon->add(std::move(entry));
  }
  Diagnostics diagnostics;
  lexicon->finish(diagnostics);
  return lexicon;
}

// The regex's answer at `at`, with the matcher's limits: the end of its match, or 0.
std::size_t regex_end(const CompiledPattern& regex, std::string_view text, std::size_t at) {
  MatchScratch& scratch = MatchScratch::for_this_thread();
  const int rc = pcre2_match(regex.code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), at, PCRE2_NO_UTF_CHECK,
                             scratch.data(), scratch.context(1'000'000));
  EXPECT_TRUE(rc > 0 || rc == PCRE2_ERROR_NOMATCH) << pcre2_message(rc);
  return rc > 0 ? pcre2_get_ovector_pointer(scratch.data())[1] : 0;
}

LexiconMatcher::Result native(const LexiconMatcher& matcher, std::string_view text, std::size_t at) {
  return matcher.match(reinterpret_cast<const unsigned char*>(text.data()), text.size(), at);
}

// Compares the two at every character start of `text`; returns how many places the matcher
// left to the regex.
std::size_t expect_same_everywhere(const Both& both, std::string_view text) {
  std::size_t unsure = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a character
    const auto found = native(*both.matcher, text, at);
    if (found.outcome == Outcome::unsure) {
      ++unsure;
      continue;
    }
    const std::size_t expected = regex_end(*both.regex, text, at);
    const std::size_t got = found.outcome == Outcome::match ? found.end : 0;
    if (got != expected) {
      ADD_FAILURE() << "at " << at << " in '" << text.substr(at > 20 ? at - 20 : 0, 60) << "': matcher " << got
                    << ", regex " << expected;
      return unsure;
    }
  }
  return unsure;
}

TEST(LexiconMatcher, TakesTheLongestNameThatEndsAWord) {
  const Both both = both_of(*small_lexicon());
  ASSERT_TRUE(both.matcher);
  const std::string text = "Guinea-Bissau, Guinea and Guineans; the United Kingdom of Great Britain and Northern Ireland.";
  auto at = [&](std::string_view what) { return text.find(what); };
  EXPECT_EQ(native(*both.matcher, text, 0).end, at(","));
  EXPECT_EQ(native(*both.matcher, text, at("Guinea and")).end, at(" and"));
  EXPECT_EQ(native(*both.matcher, text, at("Guineans")).outcome, Outcome::no_match);  // a letter follows
  EXPECT_EQ(native(*both.matcher, text, at("United")).end, text.size() - 1);
  EXPECT_EQ(native(*both.matcher, text, 1).outcome, Outcome::no_match);  // inside a word
  expect_same_everywhere(both, text);
}

TEST(LexiconMatcher, ANameMayCarryAFootnoteNumber) {
  const Both both = both_of(*small_lexicon());
  ASSERT_TRUE(both.matcher);
  const std::string text =
      "Guinea1, Guinea12; Guinea123, Guinea1a, Guinea2-Bissau, Group of 77, Group of 777, UN2 and UN Women3.";
  auto at = [&](std::string_view what) { return text.find(what); };
  EXPECT_EQ(native(*both.matcher, text, 0).end, at("1,"));  // the name without its mark
  EXPECT_EQ(native(*both.matcher, text, at("Guinea12")).end, at("12;"));
  EXPECT_EQ(native(*both.matcher, text, at("Guinea123")).outcome, Outcome::no_match);  // a number, no mark
  EXPECT_EQ(native(*both.matcher, text, at("Guinea1a")).outcome, Outcome::no_match);
  EXPECT_EQ(native(*both.matcher, text, at("Guinea2-")).outcome, Outcome::no_match);
  EXPECT_EQ(native(*both.matcher, text, at("Group of 77")).end, at(", Group of 777"));  // not "Group of 7" + "7"
  EXPECT_EQ(native(*both.matcher, text, at("Group of 777")).outcome, Outcome::no_match);
  // (After a capital, no mark: "the UN80 Initiative".)
  EXPECT_EQ(native(*both.matcher, text, at("UN2")).outcome, Outcome::no_match);
  EXPECT_EQ(native(*both.matcher, text, at("UN Women3")).end, at("3."));
  EXPECT_EQ(expect_same_everywhere(both, text), 0U);
}

TEST(LexiconMatcher, NamesBeforeAcronymsAndAcronymsByCase) {
  const Both both = both_of(*small_lexicon());
  ASSERT_TRUE(both.matcher);
  const std::string text = "UN Women and the UN, un and Un; UNICEF; united nations.";
  EXPECT_EQ(native(*both.matcher, text, 0).end, std::string("UN Women").size());
  EXPECT_EQ(native(*both.matcher, text, text.find("un and")).outcome, Outcome::no_match);
  EXPECT_EQ(native(*both.matcher, text, text.find("UNICEF")).outcome, Outcome::no_match);
  EXPECT_EQ(native(*both.matcher, text, text.find("united")).end, text.size() - 1);
  expect_same_everywhere(both, text);
}

TEST(LexiconMatcher, ReadsLineBreaksTypographicQuotesAndDashes) {
  const Both both = both_of(*small_lexicon());
  ASSERT_TRUE(both.matcher);
  const std::string text = "the United\n  Kingdom, Guinea\u2013Bissau, \u201cGroup of 77\u201d, Cote d\u2019Ivoire\u2019s";
  EXPECT_EQ(native(*both.matcher, text, text.find("United")).end, text.find(", Guinea"));
  EXPECT_EQ(native(*both.matcher, text, text.find("Guinea")).end, text.find(", \u201c"));
  // After an opening quote and before a closing one: not word characters.
  EXPECT_EQ(native(*both.matcher, text, text.find("Group")).end, text.find("\u201d"));
  EXPECT_EQ(native(*both.matcher, text, text.find("Cote")).end, text.size() - 4);
  EXPECT_EQ(expect_same_everywhere(both, text), 0U);
}

TEST(LexiconMatcher, LeavesUnicodeLettersAndSpacesToTheRegex) {
  const Both both = both_of(*small_lexicon());
  ASSERT_TRUE(both.matcher);
  const std::string text = "Côte d'Ivoire, Guinea\u00a0Bissau, éGuinea, Guineaé, \u212Anited Kingdom, Group\u2003of 77";
  EXPECT_EQ(native(*both.matcher, text, 0).outcome, Outcome::unsure);
  EXPECT_EQ(native(*both.matcher, text, text.find("Guinea\u00a0")).outcome, Outcome::unsure);
  EXPECT_EQ(native(*both.matcher, text, text.find("Guinea,")).outcome, Outcome::unsure);  // after 'é'
  EXPECT_EQ(native(*both.matcher, text, text.find("Guineaé")).outcome, Outcome::unsure);
  EXPECT_EQ(native(*both.matcher, text, text.find("\u212A")).outcome, Outcome::unsure);  // KELVIN SIGN: 'k'
  EXPECT_EQ(native(*both.matcher, text, text.find("Group")).outcome, Outcome::unsure);   // EM SPACE: \s
  expect_same_everywhere(both, text);
}

TEST(LexiconMatcher, KeepsTheLexiconsCaseOption) {
  LexiconOptions options;
  options.ignore_case = false;
  const Both both = both_of(*small_lexicon(options));
  ASSERT_TRUE(both.matcher);
  const std::string text = "Guinea and guinea and GUINEA";
  EXPECT_EQ(native(*both.matcher, text, 0).outcome, Outcome::match);
  EXPECT_EQ(native(*both.matcher, text, text.find("guinea")).outcome, Outcome::no_match);
  expect_same_everywhere(both, text);
}

TEST(LexiconMatcher, NoMatcherForNamesWithUnicodeCaseTwinsOfAsciiLettersOrControlCharacters) {
  // KELVIN SIGN matches 'k' and 'K' without case in PCRE2: only the regex may decide.
  EXPECT_EQ(LexiconMatcher::make({"\u212Aosovo"}, {}, true), nullptr);
  EXPECT_EQ(LexiconMatcher::make({}, {"\u017FADC"}, true), nullptr);
  // A form feed in a name is a literal to the pattern, white space to the matcher.
  EXPECT_EQ(LexiconMatcher::make({"foo\fbar"}, {}, true), nullptr);
  EXPECT_NE(LexiconMatcher::make({"türkiye"}, {}, true), nullptr);
}

TEST(LexiconMatcher, AcronymsAloneMatchAsWritten) {
  auto lexicon = std::make_shared<Lexicon>("l", LexiconOptions{});
  for (const char* name : {"EU", "G-77", "UNODC", "U.N."}) {
    LexiconEntry entry;
    entry.id = name;
    entry.label = name;
    entry.lists["names"] = {name};
    lexicon->add(std::move(entry));
  }
  Diagnostics diagnostics;
  lexicon->finish(diagnostics);
  ASSERT_TRUE(lexicon->pattern_words().empty());
  const Both both = both_of(*lexicon);
  ASSERT_TRUE(both.matcher);
  const std::string text = "the EU, eu, EUR, G\u201177, G-77s, UNODC\u2019s and U.N. staff";
  EXPECT_EQ(native(*both.matcher, text, text.find("EU,")).end, text.find(", eu"));
  EXPECT_EQ(native(*both.matcher, text, text.find("eu")).outcome, Outcome::no_match);
  EXPECT_EQ(native(*both.matcher, text, text.find("EUR")).outcome, Outcome::no_match);
  EXPECT_EQ(native(*both.matcher, text, text.find("G\u2011")).end, text.find(", G-77s"));
  EXPECT_EQ(native(*both.matcher, text, text.find("U.N.")).end, text.find(" staff"));
  EXPECT_EQ(expect_same_everywhere(both, text), 0U);
}

// The shipped lexicons on the example corpus and on their own names, made harder: capitals,
// line breaks, typographic punctuation, letters glued on either side.
TEST(LexiconMatcher, DecidesAsTheRegexOnTheShippedLexiconsAndCorpus) {
  const auto root = std::filesystem::path(CAUCUS_SOURCE_DIR);
  std::string corpus;
  for (const auto& file : std::filesystem::directory_iterator(root / "examples" / "corpus")) {
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    corpus += text.str();
  }
  for (const auto& [file, field] : std::vector<std::pair<std::string, std::string>>{
           {"states.toml", "names"}, {"states.toml", "demonyms"}, {"groups.toml", "names"}}) {
    SCOPED_TRACE(file + " " + field);
    Diagnostics diagnostics;
    auto lexicon = Lexicon::load(root / "rules" / "actors" / file, file, {}, diagnostics);
    ASSERT_TRUE(lexicon) << diagnostics.render();
    const Both both = both_of(*lexicon, field);
    ASSERT_TRUE(both.matcher);
    std::string names;
    for (const auto& entry : lexicon->entries()) {
      auto it = entry.lists.find(field);
      if (it == entry.lists.end()) continue;
      for (std::string name : it->second) {
        names += name + ", " + name + "s x" + name + " (";
        for (char& c : name) c = c == ' ' ? '\n' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        names += name + ") \u201c" + name + "\u201d\u2019s; ";
      }
    }
    const std::size_t unsure = expect_same_everywhere(both, names);
    EXPECT_LT(unsure, names.size() / 50) << "the regex should be needed rarely";
    expect_same_everywhere(both, corpus);
  }
}

// The compiler gives a matcher to rules that are the element and nothing else, and the rule
// then finds what the same rule run by PCRE2 alone finds.
TEST(LexiconMatcher, ServesRulesThatAreOneLexiconReference) {
  const std::string text = R"([rules]
name = "t"
overlap = "keep_all"
[types.actor]
roles = ["actor"]
[lexicons.l]
entries = [{ id = "GIN", names = ["Guinea"] }, { id = "GNB", names = ["Guinea-Bissau"] }, { id = "UN", names = ["UN", "United Nations"] }]
[[rule]]
id = "captured"
type = "actor"
scope = "document"
pattern = '(?<actor>{lexicon:l})'
captures.actor = { lexicon = "l" }
[[rule]]
id = "bare"
type = "actor"
scope = "document"
pattern = '{lexicon:l}'
[[rule]]
id = "regex_only"
type = "actor"
scope = "document"
pattern = '(?<actor>{lexicon:l})(?:)'
captures.actor = { lexicon = "l" }
[[rule]]
id = "followed"
type = "actor"
scope = "document"
pattern = '(?<actor>{lexicon:l}) delegation'
)";
  Diagnostics diagnostics;
  auto rules = compile_rule_text(text, "matcher-test.toml", std::filesystem::path(CAUCUS_SOURCE_DIR) / "rules", diagnostics);
  ASSERT_TRUE(rules) << diagnostics.render();
  EXPECT_TRUE(rules->find("captured")->lexicon_matcher);
  EXPECT_TRUE(rules->find("bare")->lexicon_matcher);
  EXPECT_FALSE(rules->find("regex_only")->lexicon_matcher);
  EXPECT_FALSE(rules->find("followed")->lexicon_matcher);

  Document document("doc", "Guinea-Bissau and Guinea, the UN\u2019s and the\nUnited   Nations; Guineas, UNs, the Guinea delegation");
  ApplyOptions options;
  std::vector<TraceEvent> trace;
  options.trace = &trace;
  apply_rules(*rules, document, options);
  std::map<std::string, std::vector<std::string>> by_rule;  // rule -> "text=actor"
  for (const TraceEvent& event : trace) {
    if (event.outcome != TraceOutcome::kept) continue;
    by_rule[event.rule].push_back(std::string(document.slice(event.match)));
  }
  const std::vector<std::string> expected = {"Guinea-Bissau", "Guinea", "UN", "United   Nations", "Guinea"};
  EXPECT_EQ(by_rule["captured"], expected);
  EXPECT_EQ(by_rule["bare"], expected);
  EXPECT_EQ(by_rule["regex_only"], expected);
  // The actor ids come through the capture the matcher reports.
  std::vector<std::string> ids;
  for (AnnotationId id : document.annotations().of_type("actor")) {
    const Annotation& a = document.annotations()[id];
    if (a.rule != "captured") continue;
    const auto* actor = std::get_if<ActorRef>(a.attrs.find("actor"));
    ids.push_back(actor ? actor->id.str() : "?");
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"GNB", "GIN", "UN", "UN", "GIN"}));
}

}  // namespace
}  // namespace caucus
