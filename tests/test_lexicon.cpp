// Lexicons: the names they match (through the pattern a rule uses), the entry a matched text
// belongs to, and the shipped lexicons of States and groups.
#include <gtest/gtest.h>

#include <set>

#include "caucus/lexicon.hpp"
#include "caucus/rules.hpp"
#include "rule_test_support.hpp"

namespace caucus {
namespace {

using testing::TempTree;

const std::filesystem::path kRules = std::filesystem::path(CAUCUS_SOURCE_DIR) / "rules";

// Compiles one rule that finds every name of lexicon `l` (given as the TOML of its table)
// anywhere in a document.
std::shared_ptr<const RuleSet> finder(const std::string& lexicon_table, Diagnostics& diagnostics, const std::string& field = "names",
                                      bool case_sensitive = false, bool constrained = true) {
  const std::string reference = field == "names" ? "l" : "l." + field;
  const std::string text = "[types.actor]\nroles = [\"actor\"]\n[lexicons.l]\n" + lexicon_table +
                           "\n[[rule]]\nid = \"find\"\ntype = \"actor\"\nscope = \"document\"\n" +
                           (case_sensitive ? "case_sensitive = true\n" : "") + "pattern = '(?<actor>{lexicon:" + reference +
                           "})'\n" + (constrained ? "captures.actor = { lexicon = \"l\", field = \"" + field + "\" }\n" : "") +
                           "[[rule.example]]\ntext = \"x\"\n";
  return compile_rule_text(text, "lexicon-test.toml", kRules, diagnostics);
}

// "matched text=ID" for every name found in `text`.
std::vector<std::string> found(const RuleSet& rules, const std::string& text) {
  Document document("doc", text);
  apply_rules(rules, document);
  std::vector<std::string> out;
  for (AnnotationId id : document.annotations().of_type("actor")) {
    const Annotation& a = document.annotations()[id];
    const auto* actor = std::get_if<ActorRef>(a.attrs.find("actor"));
    out.push_back(std::string(document.slice(a.span)) + "=" + (actor ? actor->id : "?"));
  }
  return out;
}

using Found = std::vector<std::string>;

class LexiconMatching : public ::testing::Test {
 protected:
  // A small lexicon with the hard cases of UN records.
  void SetUp() override {
    rules = finder(R"(entries = [
  { id = "FRA", names = ["France", "French Republic"], demonyms = ["French"] },
  { id = "CIV", names = ["Côte d'Ivoire", "Cote d'Ivoire"] },
  { id = "TUR", names = ["Türkiye", "Turkey"] },
  { id = "GNQ", names = ["Equatorial Guinea"], demonyms = ["Equatorial Guinean"] },
  { id = "GIN", names = ["Guinea", "Republic of Guinea"], demonyms = ["Guinean"] },
  { id = "GNB", names = ["Guinea-Bissau"] },
  { id = "NER", names = ["Niger", "Republic of the Niger"] },
  { id = "NGA", names = ["Nigeria"], demonyms = ["Nigerian"] },
  { id = "GMB", names = ["The Gambia", "Gambia"] },
  { id = "ACT", names = ["Accountability, Coherence and Transparency group", "ACT"] },
  { id = "G77", names = ["Group of 77 and China", "G-77", "G-77 and China", "\"Group of 77\" developing countries and China"] },
  { id = "UN", names = ["United Nations", "UN"] },
  { id = "UN_WOMEN", names = ["UN Women", "UN-Women"] },
  { id = "KOR", names = ["Republic of Korea", "ROK"] },
  { id = "PRK", names = ["Democratic People’s Republic of Korea", "DPRK"] },
]
)",
                   diagnostics);
    ASSERT_TRUE(rules) << diagnostics.render();
    ASSERT_EQ(diagnostics.size(), 0u) << diagnostics.render();
    lexicon = rules->lexicons.at("l");
  }
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<Lexicon> lexicon;
  Diagnostics diagnostics;
};

TEST_F(LexiconMatching, NamesIgnoreCase) {
  EXPECT_EQ(found(*rules, "France, FRANCE and france."), (Found{"France=FRA", "FRANCE=FRA", "france=FRA"}));
  EXPECT_EQ(found(*rules, "the FRENCH republic"), (Found{"FRENCH republic=FRA"}));
}

TEST_F(LexiconMatching, AcronymsAreCaseSensitive) {
  EXPECT_EQ(found(*rules, "We must act now. Act!"), Found{});
  EXPECT_EQ(found(*rules, "The ACT group and ACT."), (Found{"ACT=ACT", "ACT=ACT"}));
  EXPECT_EQ(found(*rules, "the Rok and the rok"), Found{});
  EXPECT_EQ(found(*rules, "ROK and DPRK"), (Found{"ROK=KOR", "DPRK=PRK"}));
}

TEST_F(LexiconMatching, NamesAreWholeWords) {
  EXPECT_EQ(found(*rules, "Francesca, unguinean, GuineaX, Nigerian, UNITED, ACTION, G-770"), Found{});
  EXPECT_EQ(found(*rules, "(France)"), (Found{"France=FRA"}));
}

TEST_F(LexiconMatching, DiacriticsAreIgnoredBothWays) {
  EXPECT_EQ(found(*rules, "Côte d'Ivoire and Cote d'Ivoire"), (Found{"Côte d'Ivoire=CIV", "Cote d'Ivoire=CIV"}));
  // Listed only with the diacritic: the plain spelling matches too.
  EXPECT_EQ(found(*rules, "Türkiye, Turkiye, TÜRKIYE"), (Found{"Türkiye=TUR", "Turkiye=TUR", "TÜRKIYE=TUR"}));
  EXPECT_EQ(lexicon->lookup("COTE D'IVOIRE")->id, "CIV");
  EXPECT_EQ(lexicon->lookup("côte d'ivoire")->id, "CIV");
}

TEST_F(LexiconMatching, TypographicApostrophesAndQuotes) {
  EXPECT_EQ(found(*rules, "Côte d’Ivoire, Cote d‘Ivoire"), (Found{"Côte d’Ivoire=CIV", "Cote d‘Ivoire=CIV"}));
  // Listed with a typographic apostrophe, written with a plain one.
  EXPECT_EQ(found(*rules, "the Democratic People's Republic of Korea"), (Found{"Democratic People's Republic of Korea=PRK"}));
  EXPECT_EQ(found(*rules, "the “Group of 77” developing countries and China"),
            (Found{"“Group of 77” developing countries and China=G77"}));
  EXPECT_EQ(found(*rules, "the \"Group of 77\" developing countries and China"),
            (Found{"\"Group of 77\" developing countries and China=G77"}));
  EXPECT_EQ(lexicon->lookup("Democratic People's Republic of Korea")->id, "PRK");
  EXPECT_EQ(lexicon->lookup("Côte d‘Ivoire")->id, "CIV");
}

TEST_F(LexiconMatching, LeadingTheIsOptional) {
  // "The Gambia" is listed: the text may leave "the" out, and when it has it, the name
  // starts after it.
  EXPECT_EQ(found(*rules, "The Gambia; the Gambia; Gambia."), (Found{"Gambia=GMB", "Gambia=GMB", "Gambia=GMB"}));
  EXPECT_EQ(lexicon->lookup("the Gambia")->id, "GMB");
  EXPECT_EQ(lexicon->lookup("THE GAMBIA")->id, "GMB");
  EXPECT_EQ(lexicon->lookup("the Niger")->id, "NER");
}

TEST_F(LexiconMatching, AFootnoteNumberAfterANameIsNoPartOfIt) {
  EXPECT_EQ(found(*rules, "The Acceding Country Guinea1, Guinea-Bissau12 and Nigeria*"),
            (Found{"Guinea=GIN", "Guinea-Bissau=GNB", "Nigeria=NGA"}));
  EXPECT_EQ(found(*rules, "Guinea123, Guinea1b, Niger2-3 and GUINEA1"), (Found{}));
}

TEST_F(LexiconMatching, TheLongestNameWins) {
  EXPECT_EQ(found(*rules, "Equatorial Guinea and Guinea-Bissau and Guinea"),
            (Found{"Equatorial Guinea=GNQ", "Guinea-Bissau=GNB", "Guinea=GIN"}));
  EXPECT_EQ(found(*rules, "Nigeria and Niger"), (Found{"Nigeria=NGA", "Niger=NER"}));
  EXPECT_EQ(found(*rules, "the Republic of the Niger"), (Found{"Republic of the Niger=NER"}));
  EXPECT_EQ(found(*rules, "the Republic of Korea"), (Found{"Republic of Korea=KOR"}));
}

TEST_F(LexiconMatching, TheLongestNameWinsOverAnAcronymItStartsWith) {
  // "UN" is an acronym, "UN Women" a name of another entry that starts with it.
  EXPECT_EQ(found(*rules, "UN Women and UN-Women and the UN"), (Found{"UN Women=UN_WOMEN", "UN-Women=UN_WOMEN", "UN=UN"}));
  EXPECT_EQ(found(*rules, "the G-77 and China"), (Found{"G-77 and China=G77"}));
}

TEST_F(LexiconMatching, NamesMayBreakAcrossLines) {
  EXPECT_EQ(found(*rules, "the Republic of\nGuinea and Equatorial\r\n   Guinea, the Accountability,\nCoherence and\tTransparency group"),
            (Found{"Republic of\nGuinea=GIN", "Equatorial\r\n   Guinea=GNQ", "Accountability,\nCoherence and\tTransparency group=ACT"}));
  EXPECT_EQ(found(*rules, "UN\u00a0Women"), (Found{"UN\u00a0Women=UN_WOMEN"}));
  EXPECT_EQ(lexicon->lookup("Republic  of\n  Guinea")->id, "GIN");
}

TEST_F(LexiconMatching, DemonymsAreAFieldOfTheirOwn) {
  Diagnostics d;
  auto demonyms = finder(R"(entries = [
  { id = "GNQ", names = ["Equatorial Guinea"], demonyms = ["Equatorial Guinean"] },
  { id = "GIN", names = ["Guinea"], demonyms = ["Guinean"] },
])",
                         d, "demonyms");
  ASSERT_TRUE(demonyms) << d.render();
  EXPECT_EQ(found(*demonyms, "the Guinean and Equatorial Guinean delegations, in Guinea"),
            (Found{"Guinean=GIN", "Equatorial Guinean=GNQ"}));
  const auto& l = *demonyms->lexicons.at("l");
  EXPECT_EQ(l.lookup("guinean", "demonyms")->id, "GIN");
  EXPECT_EQ(l.lookup("Guinean"), nullptr) << "a demonym is not a name";
  EXPECT_EQ(l.lookup("Guinea", "demonyms"), nullptr);
  EXPECT_EQ(l.lookup("Guinean", "nowhere"), nullptr);
}

TEST_F(LexiconMatching, LookupOfAMatchedText) {
  EXPECT_EQ(lexicon->lookup("Equatorial Guinea")->id, "GNQ");
  EXPECT_EQ(lexicon->lookup("Equatorial Guinea")->label, "Equatorial Guinea");
  EXPECT_EQ(lexicon->lookup("GUINEA-BISSAU")->id, "GNB");
  EXPECT_EQ(lexicon->lookup("Guinea‑Bissau")->id, "GNB");  // U+2011 non-breaking hyphen
  EXPECT_EQ(lexicon->lookup("Equatorial"), nullptr);
  EXPECT_EQ(lexicon->lookup("act"), nullptr);
  EXPECT_EQ(lexicon->lookup("ACT")->id, "ACT");
  EXPECT_EQ(lexicon->find_id("NGA")->label, "Nigeria");
  EXPECT_EQ(lexicon->find_id("XXX"), nullptr);
  // The label defaults to the first name.
  EXPECT_EQ(lexicon->find_id("GMB")->label, "The Gambia");
}

TEST_F(LexiconMatching, ACaseSensitiveRuleStillFollowsTheLexiconsCase) {
  // The rule's own letters are case-sensitive; the lexicon says its names are not.
  Diagnostics d;
  auto sensitive = finder(R"(entries = [{ id = "FRA", names = ["France"] }, { id = "ACT", names = ["ACT"] }])", d, "names", true);
  ASSERT_TRUE(sensitive) << d.render();
  EXPECT_EQ(found(*sensitive, "France, FRANCE, act, ACT"), (Found{"France=FRA", "FRANCE=FRA", "ACT=ACT"}));
}

TEST(Lexicon, WithoutIgnoreCaseNamesMatchAsWritten) {
  Diagnostics d;
  auto rules = finder(R"(ignore_case = false
entries = [{ id = "FRA", names = ["France"] }])",
                      d);
  ASSERT_TRUE(rules) << d.render();
  EXPECT_EQ(found(*rules, "France, FRANCE, france"), (Found{"France=FRA"}));
  EXPECT_EQ(rules->lexicons.at("l")->lookup("france"), nullptr);
  // The pattern itself agrees with the lookup: without a constraint, only "France" is found.
  auto unconstrained = finder(R"(ignore_case = false
entries = [{ id = "FRA", names = ["France"] }])",
                              d, "names", false, false);
  ASSERT_TRUE(unconstrained) << d.render();
  EXPECT_EQ(found(*unconstrained, "France, FRANCE, france"), (Found{"France=?"}));
}

TEST(Lexicon, WithoutIgnoreDiacriticsAccentsCount) {
  Diagnostics d;
  auto rules = finder(R"(ignore_diacritics = false
entries = [{ id = "TUR", names = ["Türkiye"] }])",
                      d);
  ASSERT_TRUE(rules) << d.render();
  EXPECT_EQ(found(*rules, "Türkiye, Turkiye"), (Found{"Türkiye=TUR"}));
  EXPECT_EQ(rules->lexicons.at("l")->lookup("Turkiye"), nullptr);
}

TEST(Lexicon, WithoutOptionalTheTheIsPartOfTheName) {
  Diagnostics d;
  auto rules = finder(R"(optional_the = false
entries = [{ id = "HAGUE", names = ["The Hague Group"] }])",
                      d);
  ASSERT_TRUE(rules) << d.render();
  EXPECT_EQ(found(*rules, "the Hague Group; Hague Group"), (Found{"the Hague Group=HAGUE"}));
  EXPECT_EQ(rules->lexicons.at("l")->lookup("Hague Group"), nullptr);
}

// --- R033 ------------------------------------------------------------------------------------

TEST(Lexicon, R033_ANameOfTwoEntriesIsAWarningAndTheFirstWins) {
  Lexicon lexicon("l", {});
  LexiconEntry a, b;
  a.id = "A";
  a.lists["names"] = {"Congo"};
  a.where = {"l.toml", 3, 1};
  b.id = "B";
  b.lists["names"] = {"Republic of the Congo", "the CONGO"};
  b.where = {"l.toml", 7, 1};
  lexicon.add(a);
  lexicon.add(b);
  Diagnostics diagnostics;
  lexicon.finish(diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u) << diagnostics.render();
  const Diagnostic d = diagnostics.all()[0];
  EXPECT_EQ(d.severity, Severity::warning);
  EXPECT_EQ(d.code, "R033");
  EXPECT_EQ(d.message, "name 'the CONGO' of 'B' is also a name of 'A' in lexicon 'l'; the first wins");
  EXPECT_EQ(d.where.line, 7u);
  EXPECT_EQ(lexicon.lookup("Congo")->id, "A");
  EXPECT_EQ(lexicon.lookup("Republic of the Congo")->id, "B");
  EXPECT_EQ(lexicon.key_count(), 2u);
}

// Acronyms shared by two entries are reported like other names, but only in fields of names:
// id lists such as groups.toml's `members` repeat codes on purpose.
TEST(Lexicon, R033_AnAcronymOfTwoEntriesIsAWarningToo) {
  Lexicon lexicon("l", {});
  LexiconEntry a, b;
  a.id = "AU";
  a.lists["names"] = {"African Union", "AU"};
  b.id = "AUS";
  b.lists["names"] = {"Australia", "AU"};
  lexicon.add(a);
  lexicon.add(b);
  Diagnostics diagnostics;
  lexicon.finish(diagnostics);
  EXPECT_TRUE(diagnostics.contains("R033")) << diagnostics.render();
  EXPECT_EQ(lexicon.lookup("AU")->id, "AU");
  Lexicon members("m", {});
  LexiconEntry nordic, baltic;
  nordic.id = "NORDIC";
  nordic.lists["names"] = {"Nordic countries"};
  nordic.lists["members"] = {"DNK", "NOR"};
  baltic.id = "NB8";
  baltic.lists["names"] = {"Nordic-Baltic Eight"};
  baltic.lists["members"] = {"DNK", "NOR", "EST"};
  members.add(nordic);
  members.add(baltic);
  Diagnostics quiet;
  members.finish(quiet);
  EXPECT_FALSE(quiet.contains("R033")) << quiet.render();
}

TEST(Lexicon, TheSameNameTwiceInOneEntryIsNoWarning) {
  Lexicon lexicon("l", {});
  LexiconEntry a;
  a.id = "CIV";
  a.lists["names"] = {"Côte d'Ivoire", "Cote d’Ivoire", "COTE D'IVOIRE"};
  lexicon.add(a);
  Diagnostics diagnostics;
  lexicon.finish(diagnostics);
  EXPECT_EQ(diagnostics.size(), 0u) << diagnostics.render();
  EXPECT_EQ(lexicon.key_count(), 1u);
}

// --- Keys and helpers ------------------------------------------------------------------------

TEST(LexiconKey, NormalisesWhatTextsVaryIn) {
  const LexiconOptions all;
  EXPECT_EQ(lexicon_key("  The   Côte\nd’Ivoire ", all), "cote d'ivoire");
  EXPECT_EQ(lexicon_key("Guinea\u2013Bissau", all), "guinea-bissau");
  EXPECT_EQ(lexicon_key("“Group of 77”", all), "\"group of 77\"");
  EXPECT_EQ(lexicon_key("Bosnia\u00a0and Herzegovina", all), "bosnia and herzegovina");
  EXPECT_EQ(lexicon_key("ÅLAND", all), "aland");
  LexiconOptions none;
  none.ignore_case = none.ignore_diacritics = none.optional_the = false;
  EXPECT_EQ(lexicon_key("The  Côte", none), "The Côte");
  // "the" alone is a word, not a leading article.
  EXPECT_EQ(lexicon_key("the", all), "the");
  EXPECT_EQ(lexicon_key("theocracy", all), "theocracy");
}

TEST(LexiconKey, AcronymsAndDiacritics) {
  EXPECT_TRUE(is_acronym("EU"));
  EXPECT_TRUE(is_acronym("G-77"));
  EXPECT_TRUE(is_acronym("U.N."));
  EXPECT_TRUE(is_acronym("P5"));
  EXPECT_FALSE(is_acronym("Eu"));
  EXPECT_FALSE(is_acronym("UN Women"));
  EXPECT_FALSE(is_acronym("77"));
  EXPECT_FALSE(is_acronym("ÉU"));
  EXPECT_EQ(strip_diacritics("Türkiye, Côte, São Tomé, Čurin"), "Turkiye, Cote, Sao Tome, Curin");
  EXPECT_EQ(strip_diacritics("plain"), "plain");
}

TEST(Lexicon, ThePatternIsOneGroupWithAcronymsExact) {
  Lexicon lexicon("l", {});
  LexiconEntry a;
  a.id = "EU";
  a.lists["names"] = {"European Union", "EU"};
  lexicon.add(a);
  Diagnostics diagnostics;
  lexicon.finish(diagnostics);
  const std::string& pattern = lexicon.pattern();
  EXPECT_TRUE(pattern.starts_with("(?:")) << pattern;
  EXPECT_TRUE(pattern.ends_with(")")) << pattern;
  EXPECT_NE(pattern.find("(?-i:EU)"), std::string::npos) << pattern;
  EXPECT_NE(pattern.find("european\\s+union"), std::string::npos) << pattern;
  EXPECT_EQ(lexicon.pattern("nowhere"), "(?:(*FAIL))");
  EXPECT_TRUE(lexicon.has_field("names"));
  EXPECT_FALSE(lexicon.has_field("demonyms"));
}

// The pattern is the names' trie: branches in the order of their atoms' texts (a typographic
// class "[...]" before escapes "\\.", "\\s+", and those before letters: '[' < '\\' < 'a'), a name
// that a longer one continues ends in an optional group, and a name given twice appears once.
TEST(Lexicon, ThePatternIsTheTrieOfTheNamesInAtomOrder) {
  Lexicon lexicon("l", {});
  LexiconEntry a;
  a.id = "A";
  a.lists["names"] = {"ab", "a b", "a.b", "a-b", "a", "abc", "ab", "b"};
  lexicon.add(a);
  Diagnostics diagnostics;
  lexicon.finish(diagnostics);
  EXPECT_EQ(lexicon.pattern(), "(?:(?i:(?:a(?:[-\u2010\u2011\u2013\u2014]b|\\.b|\\s+b|b(?:c)?)?|b)))");
}

// --- Lexicon files ---------------------------------------------------------------------------

TEST(LexiconFile, HeaderOptionsDefaultsAndFields) {
  TempTree tree;
  const auto file = tree.write("l.toml", R"([lexicon]
ignore_case = false
defaults = { type = "state", region = "none" }
[[entry]]
id = "ITA"
names = ["Italy", "Italian Republic"]
demonyms = ["Italian"]
region = "WEOG"
founded = 1946
member = true
)");
  Diagnostics diagnostics;
  auto lexicon = Lexicon::load(file, "states", {}, diagnostics);
  ASSERT_TRUE(lexicon) << diagnostics.render();
  EXPECT_EQ(lexicon->name(), "states");
  EXPECT_FALSE(lexicon->options().ignore_case);
  ASSERT_EQ(lexicon->entries().size(), 1u);
  const LexiconEntry& e = lexicon->entries()[0];
  EXPECT_EQ(e.label, "Italy");
  EXPECT_EQ(e.attrs.text("type"), "state");
  EXPECT_EQ(e.attrs.text("region"), "WEOG");  // the entry's own value beats the default
  EXPECT_EQ(e.attrs.text("founded"), "1946");
  EXPECT_EQ(e.attrs.text("member"), "true");
  EXPECT_EQ(e.lists.at("demonyms"), std::vector<std::string>{"Italian"});
  EXPECT_EQ(e.where.line, 4u);
  EXPECT_EQ(lexicon->lookup("Italian", "demonyms")->id, "ITA");
  EXPECT_EQ(lexicon->lookup("italy"), nullptr);  // ignore_case = false
}

TEST(LexiconFile, R030_MissingFile) {
  Diagnostics diagnostics;
  EXPECT_FALSE(Lexicon::load("/nonexistent/lexicon.toml", "l", {}, diagnostics));
  EXPECT_TRUE(diagnostics.contains("R030"));
  EXPECT_NE(diagnostics.render().find("/nonexistent/lexicon.toml"), std::string::npos);
}

class ShippedLexicons : public ::testing::Test {
 protected:
  static std::shared_ptr<Lexicon> load(const std::string& relative) {
    Diagnostics diagnostics;
    auto lexicon = Lexicon::load(kRules / relative, relative, {}, diagnostics);
    EXPECT_EQ(diagnostics.size(), 0u) << diagnostics.render();
    return lexicon;
  }
};

TEST_F(ShippedLexicons, States) {
  auto states = load("actors/states.toml");
  ASSERT_TRUE(states);
  // 193 members, 2 observers, Kosovo, the Cook Islands, Niue, five former Members (Serbia and
  // Montenegro, the Soviet Union, Yugoslavia, Czechoslovakia, the German Democratic Republic).
  EXPECT_EQ(states->entries().size(), 203u);
  std::set<std::string> ids;
  for (const auto& e : states->entries()) {
    EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id " << e.id;
    EXPECT_EQ(e.attrs.text("type"), "state") << e.id;
    EXPECT_FALSE(e.label.empty()) << e.id;
  }
  EXPECT_TRUE(ids.count("PSE") && ids.count("VAT") && ids.count("XKX") && ids.count("SCG"));
  EXPECT_EQ(states->lookup("Plurinational State of Bolivia")->id, "BOL");
  EXPECT_EQ(states->lookup("Bolivarian Republic of\nVenezuela")->id, "VEN");
  EXPECT_EQ(states->lookup("the former Yugoslav Republic of Macedonia")->id, "MKD");
  EXPECT_EQ(states->lookup("Equatorial Guinea")->id, "GNQ");
  EXPECT_EQ(states->lookup("Guinea")->id, "GIN");
  // A renamed State keeps its code; a former one has its own.
  EXPECT_EQ(states->lookup("Zaire")->id, "COD");
  EXPECT_EQ(states->lookup("Byelorussian Soviet Socialist Republic")->id, "BLR");
  EXPECT_EQ(states->lookup("German Democratic Republic")->id, "DDR");
  EXPECT_EQ(states->lookup("Union of Soviet Socialist Republics")->id, "SUN");
  EXPECT_EQ(states->lookup("Niger")->id, "NER");
  EXPECT_EQ(states->lookup("Cook Islands")->id, "COK");
  EXPECT_EQ(states->lookup("Nigeria")->id, "NGA");
  EXPECT_EQ(states->lookup("Turkiye")->id, "TUR");
  // A cover that lost "United Kingdom of": the longest name, not Ireland at its end.
  EXPECT_EQ(states->lookup("Great Britain and Northern Ireland")->id, "GBR");
  EXPECT_EQ(states->lookup("Northern Ireland")->id, "GBR");
  EXPECT_EQ(states->lookup("Italian", "demonyms")->id, "ITA");
  EXPECT_EQ(states->lookup("US"), nullptr) << "'US' would fire on the pronoun";
}

TEST_F(ShippedLexicons, Groups) {
  auto groups = load("actors/groups.toml");
  ASSERT_TRUE(groups);
  std::set<std::string> ids;
  for (const auto& e : groups->entries()) EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id " << e.id;
  for (const char* gold : {"EU", "NON_ALIGNED", "G77", "AFRICAN_GROUP", "GOF_HT", "NORDIC", "UNODC", "OSCE", "IOM", "AU", "UN"}) {
    EXPECT_TRUE(ids.count(gold)) << gold;
  }
  EXPECT_EQ(groups->lookup("Movement of Non-Aligned Countries")->id, "NON_ALIGNED");
  EXPECT_EQ(groups->lookup("United Nations Office on Drugs and\nCrime")->id, "UNODC");
  EXPECT_EQ(groups->lookup("ACT")->id, "ACT");
  EXPECT_EQ(groups->lookup("act"), nullptr);
  EXPECT_EQ(groups->lookup("NAM")->id, "NON_ALIGNED");
  // Group ids never collide with State ids (NAM is Namibia).
  auto states = load("actors/states.toml");
  ASSERT_TRUE(states);
  for (const auto& e : groups->entries()) EXPECT_EQ(states->find_id(e.id), nullptr) << e.id;
}

// Every name of every shipped entry, written alone, is found whole and gives its own entry.
TEST_F(ShippedLexicons, EveryNameFindsItsOwnEntry) {
  for (const std::string file : {"actors/states.toml", "actors/groups.toml"}) {
    Diagnostics diagnostics;
    auto rules = finder("file = \"" + file + "\"", diagnostics);
    ASSERT_TRUE(rules) << diagnostics.render();
    const Lexicon& lexicon = *rules->lexicons.at("l");
    std::size_t checked = 0;
    for (const auto& entry : lexicon.entries()) {
      for (const auto& name : entry.lists.at("names")) {
        std::string expected = name;
        if (expected.starts_with("the ") || expected.starts_with("The ")) expected.erase(0, 4);
        EXPECT_EQ(found(*rules, name), Found{expected + "=" + entry.id}) << file << ": " << name;
        ++checked;
      }
    }
    EXPECT_GT(checked, 400u);
  }
}

}  // namespace
}  // namespace caucus
