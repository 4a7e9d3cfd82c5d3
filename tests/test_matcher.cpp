// apply_rules: what a match becomes (roles, span, attributes), capture constraints, stages,
// overlap policies, scopes, hard-wrapped text and the match limit.
#include <gtest/gtest.h>

#include "caucus/rules.hpp"
#include "rule_test_support.hpp"

namespace caucus {
namespace {

using testing::describe;
using Lines = std::vector<std::string>;

std::shared_ptr<const RuleSet> compile(const std::string& text) {
  Diagnostics diagnostics;
  auto rules = compile_rule_text(text, "matcher.toml", ".", diagnostics);
  EXPECT_TRUE(rules) << diagnostics.render();
  EXPECT_FALSE(diagnostics.has_errors()) << diagnostics.render();
  return rules;
}

// The span of the `nth` occurrence of `needle` in `text`.
Span find(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

void add(Document& document, const std::string& type, Span span, Attributes attrs = {}) {
  document.annotations().add({type, span, "", "test", std::move(attrs)});
}

// An "actor" annotation on the `nth` occurrence of `name`.
void actor(Document& document, std::string_view name, const std::string& id, int nth = 0) {
  Attributes attrs;
  attrs.set("actor", ActorRef{id, std::string(name)});
  add(document, "actor", find(document.text(), name, nth), std::move(attrs));
}

// --- What a match becomes --------------------------------------------------------------------

TEST(Matcher, CapturesBecomeRolesAndTheMatchIsTheSpan) {
  auto rules = compile(R"([types.thanks]
roles = ["speaker", "target"]
attributes = ["kind", "weight", "strong"]
[[rule]]
id = "thanks"
type = "thanks"
scope = "document"
pattern = '(?<speaker>\w+) thanks (?<target>\w+)(?<_end>\.)?'
attrs = { kind = "gratitude", weight = 2, strong = true }
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "Ireland thanks Italy. Malta thanks\nSpain");
  apply_rules(*rules, document, {.annotator = "rules-step"});
  EXPECT_EQ(describe(document, "thanks"),
            (Lines{"thanks[0,21)='Ireland thanks Italy.' kind=gratitude weight=2 strong=true speaker=Ireland target=Italy <thanks>",
                   "thanks[22,40)='Malta thanks\nSpain' kind=gratitude weight=2 strong=true speaker=Malta target=Spain <thanks>"}));
  const Annotation& a = document.annotations()[document.annotations().of_type("thanks")[0]];
  EXPECT_EQ(a.annotator, "rules-step");
  // Static attributes keep their types; helper groups (leading _) make no attribute.
  EXPECT_TRUE(std::holds_alternative<int64_t>(*a.attrs.find("weight")));
  EXPECT_TRUE(std::holds_alternative<bool>(*a.attrs.find("strong")));
  EXPECT_FALSE(a.attrs.has("_end"));
}

TEST(Matcher, SpanCaptureOptionalCapturesAndTrimming) {
  auto rules = compile(R"([types.t]
roles = ["who", "what"]
[[rule]]
id = "r"
type = "t"
scope = "document"
span = "who"
pattern = '(?:by|for)\s(?<who>[A-Z]\w+\s*)(?:on\s(?<what>\w+))?'
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "made by Norway  on trafficking; for Chile");
  apply_rules(*rules, document);
  // The span is the capture, and like the role's value it never ends in white space. A
  // capture that did not take part makes no attribute.
  EXPECT_EQ(describe(document, "t"),
            (Lines{"t[8,14)='Norway' what=trafficking who=Norway <r>", "t[36,41)='Chile' who=Chile <r>"}));
}

TEST(Matcher, EveryNonOverlappingMatchInByteOffsets) {
  auto rules = compile(R"([types.t]
[[rule]]
id = "r"
type = "t"
scope = "document"
pattern = 'C[ôo]te'
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "Türkiye, Côte, cote and COTE");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "t"), (Lines{"t[10,15)='Côte' <r>", "t[17,21)='cote' <r>", "t[26,30)='COTE' <r>"}));
}

// A search starts no attempt after the unit's last extracted trigger word ("behalf"); the
// matches are those of a search without that limit: one that begins at the last trigger word,
// and ones that begin before a later one, in two units.
TEST(Matcher, ASearchStopsAtTheLastTriggerWordWithTheSameMatches) {
  auto rules = compile(R"([types.t]
[types.u]
[[rule]]
id = "at"
type = "u"
pattern = 'behalf of \w+'
[[rule]]
id = "before"
type = "t"
pattern = '(?:speaking )?on behalf of \w+'
)");
  ASSERT_TRUE(rules);
  ASSERT_EQ(rules->rules[0].triggers, (Lines{"behalf"}));
  ASSERT_FALSE(rules->rules[1].triggers_declared);
  const std::string text = "We speak on behalf of Chile. Speaking on behalf of Peru, and on behalf of Fiji, she spoke.";
  Lines found[2];
  for (bool prefilter : {true, false}) {
    Document document("d.txt", text);
    const auto second = static_cast<uint32_t>(text.find("Speaking"));
    add(document, "sentence", Span{0, second - 1});
    add(document, "sentence", Span{second, static_cast<uint32_t>(text.size())});
    apply_rules(*rules, document, {.use_prefilter = prefilter});
    found[prefilter] = describe(document, "t");
    for (const auto& line : describe(document, "u")) found[prefilter].push_back(line);
  }
  EXPECT_EQ(found[1], found[0]);
  EXPECT_EQ(found[1], (Lines{"t[9,27)='on behalf of Chile' <before>", "t[29,55)='Speaking on behalf of Peru' <before>",
                             "t[61,78)='on behalf of Fiji' <before>", "u[12,27)='behalf of Chile' <at>",
                             "u[41,55)='behalf of Peru' <at>", "u[64,78)='behalf of Fiji' <at>"}));
}

// A \G list goes on from the match before, and \G also holds where the unit begins; past
// the start of a search \G never holds (the search runs a version without it there, which
// PCRE2 can skip through: Rule::compiled_past_start). The results are those of the plain
// pattern.
TEST(Matcher, AGListContinuesFromTheMatchBeforeAndFromTheUnitStart) {
  auto rules = compile(R"([types.t]
[[rule]]
id = "r"
type = "t"
pattern = 'resolutions? \d+|\G(?:,| and) \d+'
)");
  ASSERT_TRUE(rules);
  ASSERT_TRUE(rules->rules.front().compiled_past_start);
  const std::string text = "We recall resolutions 12, 13 and 14; and 15, 16. , 17 and 18 and resolution 19";
  Document document("d.txt", text);
  add(document, "sentence", Span{0, static_cast<uint32_t>(text.find(" , 17"))});
  add(document, "sentence", Span{static_cast<uint32_t>(text.find(", 17")), static_cast<uint32_t>(text.size())});
  apply_rules(*rules, document);
  // "; and 15" breaks the list; the second sentence begins with ", 17", a list from its start.
  EXPECT_EQ(describe(document, "t"),
            (Lines{"t[10,24)='resolutions 12' <r>", "t[24,28)=', 13' <r>", "t[29,35)='and 14' <r>",
                   "t[49,53)=', 17' <r>", "t[54,60)='and 18' <r>", "t[65,78)='resolution 19' <r>"}));
}

// `head`: the document's first kHeadBytes, cut at a line break; all of a shorter document.
TEST(Matcher, HeadScopeReadsTheStartOfTheDocumentOnly) {
  auto rules = compile(R"([types.t]
[[rule]]
id = "r"
type = "t"
scope = "head"
case_sensitive = true
pattern = 'Heading'
)");
  ASSERT_TRUE(rules);
  std::string text = "Heading one\n";
  while (text.size() < kHeadBytes - 20) text += "filler line of the statement\n";
  text += "Heading cut by the limit, on the line that crosses it\n";  // crosses kHeadBytes
  text += "Heading far below\n";
  Document document("d.txt", text);
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "t"), (Lines{"t[0,7)='Heading' <r>"}));

  Document shorter("s.txt", "Heading one\nHeading two\n");
  apply_rules(*rules, shorter);
  EXPECT_EQ(describe(shorter, "t").size(), 2u);
}

TEST(Matcher, CaseSensitiveRules) {
  auto rules = compile(R"([types.t]
[[rule]]
id = "r"
type = "t"
scope = "document"
case_sensitive = true
pattern = 'ACT'
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "act, Act, ACT");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "t"), Lines{"t[10,13)='ACT' <r>"});
}

// --- Lexicon constraints ---------------------------------------------------------------------

const char* kLexiconRules = R"([types.actor]
roles = ["actor"]
attributes = ["actor_region", "actor_type"]
[lexicons.states]
entries = [
  { id = "FRA", label = "France", names = ["France", "French Republic"], region = "WEOG", type = "state" },
  { id = "CIV", label = "Côte d'Ivoire", names = ["Côte d'Ivoire", "Cote d'Ivoire"], region = "African" },
]
[[rule]]
id = "named"
type = "actor"
scope = "document"
pattern = 'by (?<actor>[A-Z][\w\x27 ]+?)(?=[.,])'
captures.actor = { lexicon = "states", copy = ["region", "type"] }
)";

TEST(Matcher, ALexiconConstraintGivesTheEntryAndCopiesItsAttributes) {
  auto rules = compile(kLexiconRules);
  ASSERT_TRUE(rules);
  Document document("d.txt", "said by the French Republic, by Cote d'Ivoire, by Narnia.");
  std::vector<TraceEvent> trace;
  apply_rules(*rules, document, {.trace = &trace});
  EXPECT_EQ(describe(document, "actor"),
            (Lines{"actor[5,27)='by the French Republic' actor=FRA(France) actor_region=WEOG actor_type=state <named>",
                   "actor[29,45)='by Cote d'Ivoire' actor=CIV(Côte d'Ivoire) actor_region=African <named>"}));
  ASSERT_EQ(trace.size(), 3u);
  EXPECT_EQ(trace[2].outcome, TraceOutcome::constraint_failed);
  EXPECT_EQ(trace[2].match, (Span{47, 56}));
  EXPECT_EQ(trace[2].detail, "capture 'actor' = 'Narnia' is not a name in lexicon 'states'");
}

TEST(Matcher, AnOptionalLexiconConstraintKeepsTheText) {
  std::string text = kLexiconRules;
  text.replace(text.find("copy = "), 0, "required = false, ");
  auto rules = compile(text);
  ASSERT_TRUE(rules);
  Document document("d.txt", "by Narnia, by France.");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "actor"),
            (Lines{"actor[0,9)='by Narnia' actor=Narnia <named>",
                   "actor[11,20)='by France' actor=FRA(France) actor_region=WEOG actor_type=state <named>"}));
}

// --- Annotation constraints ------------------------------------------------------------------

const char* kAlignmentRules = R"([types.alignment]
roles = ["source", "target", "members"]
attributes = ["source_kind"]
[[rule]]
id = "align"
type = "alignment"
scope = "document"
pattern = '(?<source>[\w ]+?) aligns? (?:itself|themselves) with (?:the )?(?<target>[\w ]+?)\.'
)";

Document alignment_document() {
  Document document("d.txt", "Ireland aligns itself with the European Union. Narnia aligns itself with the Union.");
  actor(document, "Ireland", "IRL");
  actor(document, "European Union", "EU");
  Attributes group;
  group.set("actor", ActorRef{"EU", "European Union"});
  group.set("kind", std::string("group"));
  add(document, "group", find(document.text(), "European Union"), group);
  return document;
}

TEST(Matcher, CoincideTakesTheAnnotationsAttributeOrText) {
  auto rules = compile(std::string(kAlignmentRules) +
                  "captures.source = { annotation = \"actor\", take = \"actor\" }\n"
                  "captures.target = { annotation = \"group\", required = false }\n");
  ASSERT_TRUE(rules);
  Document document = alignment_document();
  std::vector<TraceEvent> trace;
  apply_rules(*rules, document, {.trace = &trace});
  // "Narnia" is no actor: the required source constraint fails, and the match is dropped.
  EXPECT_EQ(describe(document, "alignment"),
            Lines{"alignment[0,46)='Ireland aligns itself with the European Union.' source=IRL(Ireland) target=European Union <align>"});
  ASSERT_EQ(trace.size(), 2u);
  EXPECT_EQ(trace[1].outcome, TraceOutcome::constraint_failed);
  EXPECT_EQ(trace[1].detail, "capture 'source' = 'Narnia' does not coincide with an annotation of type 'actor'");
}

TEST(Matcher, AnOptionalAnnotationConstraintKeepsTheText) {
  auto rules = compile(std::string(kAlignmentRules) +
                       "captures.source = { annotation = \"actor\", take = \"actor\", required = false }\n"
                       "captures.target = { annotation = \"group\", take = \"actor\", required = false }\n");
  ASSERT_TRUE(rules);
  Document document = alignment_document();
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "alignment"),
            (Lines{"alignment[0,46)='Ireland aligns itself with the European Union.' source=IRL(Ireland) target=EU(European Union) <align>",
                   "alignment[47,83)='Narnia aligns itself with the Union.' source=Narnia target=Union <align>"}));
}

TEST(Matcher, InsideFindsTheAnnotationAroundTheCapture) {
  auto rules = compile(R"([types.ref]
roles = ["actor"]
[[rule]]
id = "union"
type = "ref"
scope = "document"
pattern = '(?<actor>Union)'
captures.actor = { annotation = "actor", relation = "inside", take = "actor" }
)");
  ASSERT_TRUE(rules);
  Document document = alignment_document();
  apply_rules(*rules, document);
  // The first "Union" lies inside "European Union"; the second lies inside no actor.
  EXPECT_EQ(describe(document, "ref"), Lines{"ref[40,45)='Union' actor=EU(European Union) <union>"});
}

TEST(Matcher, ContainsTakesTheFirstAnnotationOrEachOfThem) {
  const std::string rules_text = R"([types.bloc]
roles = ["members"]
[[rule]]
id = "bloc"
type = "bloc"
scope = "document"
pattern = '(?<members>[\w, ]+?) align themselves'
)";
  Document first("d.txt", "Malta, Italy and Spain align themselves. Nobody else align themselves.");
  // Added out of text order: lists are read in text order all the same.
  actor(first, "Spain", "ESP");
  actor(first, "Malta", "MLT");
  actor(first, "Italy", "ITA");

  auto one = compile(rules_text + "captures.members = { annotation = \"actor\", relation = \"contains\", take = \"actor\" }\n");
  ASSERT_TRUE(one);
  apply_rules(*one, first);
  EXPECT_EQ(describe(first, "bloc"), Lines{"bloc[0,39)='Malta, Italy and Spain align themselves' members=MLT(Malta) <bloc>"});

  Document each("d.txt", std::string(first.text()));
  actor(each, "Spain", "ESP");
  actor(each, "Malta", "MLT");
  actor(each, "Italy", "ITA");
  auto many = compile(rules_text +
                      "captures.members = { annotation = \"actor\", relation = \"contains\", take = \"actor\", each = true }\n");
  ASSERT_TRUE(many);
  apply_rules(*many, each);
  EXPECT_EQ(describe(each, "bloc"), (Lines{"bloc[0,39)='Malta, Italy and Spain align themselves' members=MLT(Malta) <bloc>",
                                           "bloc[0,39)='Malta, Italy and Spain align themselves' members=ITA(Italy) <bloc>",
                                           "bloc[0,39)='Malta, Italy and Spain align themselves' members=ESP(Spain) <bloc>"}));

  // An actor the list names twice (a name and its acronym) is one member.
  Document twice("d.txt", "Malta, MT and Spain align themselves.");
  actor(twice, "Malta", "MLT");
  actor(twice, "MT", "MLT");
  actor(twice, "Spain", "ESP");
  apply_rules(*many, twice);
  EXPECT_EQ(describe(twice, "bloc"),
            (Lines{"bloc[0,36)='Malta, MT and Spain align themselves' members=MLT(Malta) <bloc>",
                   "bloc[0,36)='Malta, MT and Spain align themselves' members=ESP(Spain) <bloc>"}));
}

TEST(Matcher, TakeSkipsAnnotationsWithoutTheAttribute) {
  auto rules = compile(R"([types.ref]
roles = ["actor"]
[[rule]]
id = "r"
type = "ref"
scope = "document"
pattern = '(?<actor>Ireland|Malta)'
captures.actor = { annotation = "actor", take = "actor" }
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "Ireland and Malta");
  add(document, "actor", find(document.text(), "Ireland"));  // no "actor" attribute
  actor(document, "Malta", "MLT");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "ref"), Lines{"ref[12,17)='Malta' actor=MLT(Malta) <r>"});
}

TEST(Matcher, AConstraintMayNameSeveralTypesInOrder) {
  auto rules = compile(R"([types.ref]
roles = ["actor"]
[[rule]]
id = "r"
type = "ref"
scope = "document"
pattern = '(?<actor>\w+) said'
captures.actor = { annotation = "actor|pronoun", take = "actor" }
)");
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->required_types(), (std::vector<std::string>{"actor", "pronoun"}));
  Document document("d.txt", "Ireland said; We said; They said");
  actor(document, "Ireland", "IRL");
  Attributes we;
  we.set("actor", ActorRef{"SPEAKER", "the speaker"});
  add(document, "pronoun", find(document.text(), "We"), we);
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "ref"), (Lines{"ref[0,12)='Ireland said' actor=IRL(Ireland) <r>",
                                              "ref[14,21)='We said' actor=SPEAKER(the speaker) <r>"}));
}

// An {annotation:TYPE} element matches a whole annotation or none of it: a lookahead after it
// cannot be satisfied by giving back the annotation's last bytes.
TEST(Matcher, AnAnnotationElementMatchesTheWholeAnnotation) {
  auto rules = compile(R"([rules]
scope = "document"
[types.member]
[[rule]]
id = "member"
type = "member"
pattern = 'of {annotation:actor}(?! on behalf)'
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "the statements of Egypt on behalf of the Group; those of Chile.");
  actor(document, "Egypt", "EGY");
  actor(document, "Chile", "CHL");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "member"), Lines{"member[54,62)='of Chile' <member>"});
}

// --- Stages ----------------------------------------------------------------------------------

TEST(Matcher, ALaterStageSeesTheAnnotationsOfAnEarlierOne) {
  // Written stage 1 first: stages run in order whatever the order in the file.
  auto rules = compile(R"([rules]
scope = "document"
[types.alignment]
roles = ["source", "target"]
[types.actor]
roles = ["actor"]
[lexicons.states]
entries = [{ id = "IRL", names = ["Ireland"] }, { id = "ITA", names = ["Italy"] }]
[[rule]]
id = "align"
type = "alignment"
stage = 1
pattern = '(?<source>\w+) aligns itself with (?<target>\w+)'
captures.source = { annotation = "actor", take = "actor" }
captures.target = { annotation = "actor", take = "actor" }
[[rule]]
id = "actor"
type = "actor"
pattern = '(?<actor>{lexicon:states})'
captures.actor = { lexicon = "states" }
)");
  ASSERT_TRUE(rules);
  EXPECT_TRUE(rules->required_types().empty()) << join(rules->required_types());
  Document document("d.txt", "Ireland aligns itself with Italy; Narnia aligns itself with Italy");
  apply_rules(*rules, document);
  EXPECT_EQ(document.annotations().count("actor"), 3u);
  EXPECT_EQ(describe(document, "alignment"),
            Lines{"alignment[0,32)='Ireland aligns itself with Italy' source=IRL(Ireland) target=ITA(Italy) <align>"});
}

// --- Overlap policies ------------------------------------------------------------------------

std::string overlap_rules(const std::string& policy) {
  return "[rules]\noverlap = \"" + policy + R"("
scope = "document"
[types.org]
[types.other]
[[rule]]
id = "the"
type = "org"
pattern = '\bthe\b'
[[rule]]
id = "un"
type = "org"
priority = 5
pattern = 'United Nations'
[[rule]]
id = "ns"
type = "org"
priority = 9
pattern = 'Nations Security'
[[rule]]
id = "nsc"
type = "org"
priority = 1
pattern = 'Nations Security Council'
[[rule]]
id = "sc"
type = "other"
pattern = 'Security Council'
)";
}

// The rules that made the "org" annotations, in text order.
std::vector<std::string> org_rules(const std::string& policy, std::vector<TraceEvent>* trace = nullptr) {
  auto rules = compile(overlap_rules(policy));
  if (!rules) return {"(does not compile)"};
  Document document("d.txt", "the United Nations Security Council");
  apply_rules(*rules, document, {.trace = trace});
  std::vector<std::string> out;
  for (AnnotationId id : document.annotations().of_type("org")) out.push_back(document.annotations()[id].rule);
  // Another type never competes.
  EXPECT_EQ(document.annotations().count("other"), 1u) << policy;
  return out;
}

TEST(Matcher, OverlapKeepAll) { EXPECT_EQ(org_rules("keep_all"), (Lines{"the", "un", "nsc", "ns"})); }
TEST(Matcher, OverlapLongest) { EXPECT_EQ(org_rules("longest"), (Lines{"the", "nsc"})); }
TEST(Matcher, OverlapFirst) { EXPECT_EQ(org_rules("first"), (Lines{"the", "un"})); }
TEST(Matcher, OverlapPriority) { EXPECT_EQ(org_rules("priority"), (Lines{"the", "ns"})); }

TEST(Matcher, OverlapLosersAreTracedWithTheWinner) {
  std::vector<TraceEvent> trace;
  org_rules("priority", &trace);
  std::map<std::string, TraceEvent> by_rule;
  for (const auto& event : trace) by_rule[event.rule] = event;
  EXPECT_EQ(by_rule["ns"].outcome, TraceOutcome::kept);
  EXPECT_EQ(by_rule["un"].outcome, TraceOutcome::dropped_by_overlap);
  EXPECT_EQ(by_rule["un"].detail, "overlaps a match of rule 'ns' (overlap policy: priority)");
  EXPECT_EQ(by_rule["nsc"].outcome, TraceOutcome::dropped_by_overlap);
}

TEST(Matcher, ABlockingRuleKeepsShorterMatchesOutAndAddsNothing) {
  auto rules = compile(R"([rules]
overlap = "longest"
scope = "document"
[types.actor]
[[rule]]
id = "state"
type = "actor"
pattern = 'China|Chad'
[[rule]]
id = "place"
type = "actor"
block = true
pattern = 'South China Sea'
)");
  ASSERT_TRUE(rules);
  std::vector<TraceEvent> trace;
  Document document("d.txt", "China and Chad spoke of the South China Sea.");
  apply_rules(*rules, document, {.trace = &trace});
  EXPECT_EQ(describe(document, "actor"), (Lines{"actor[0,5)='China' <state>", "actor[10,14)='Chad' <state>"}));
  // (What it kept is traced: rule examples read it there.)
  const auto kept = std::find_if(trace.begin(), trace.end(), [](const TraceEvent& e) { return e.rule == "place"; });
  ASSERT_NE(kept, trace.end());
  EXPECT_EQ(kept->outcome, TraceOutcome::kept);
  EXPECT_EQ(document.slice(kept->match), "South China Sea");
}

TEST(Matcher, TheDefaultPolicyIsLongest) {
  std::string text = overlap_rules("longest");
  text.erase(text.find("overlap = \"longest\"\n"), std::string("overlap = \"longest\"\n").size());
  auto rules = compile(text);
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->overlap, OverlapPolicy::longest);
}

// --- Scopes ----------------------------------------------------------------------------------

// Two paragraphs, three sentences, annotated by hand.
Document scoped_document() {
  Document document("d.txt", "We condemn the attack. We deplore it.\n\nIt was here. Second paragraph.");
  const std::string_view text = document.text();
  add(document, "paragraph", find(text, "We condemn the attack. We deplore it."));
  add(document, "paragraph", find(text, "It was here. Second paragraph."));
  add(document, "sentence", find(text, "We condemn the attack."));
  add(document, "sentence", find(text, "We deplore it."));
  add(document, "sentence", find(text, "It was here."));
  add(document, "sentence", find(text, "Second paragraph."));
  add(document, "speech", {0, static_cast<uint32_t>(text.size())});
  return document;
}

std::size_t count(const std::string& scope, const std::string& pattern) {
  auto rules = compile("[types.t]\n[[rule]]\nid = \"r\"\ntype = \"t\"\nscope = \"" + scope + "\"\npattern = '" + pattern + "'\n");
  if (!rules) return 999;
  Document document = scoped_document();
  apply_rules(*rules, document);
  return document.annotations().count("t");
}

TEST(Matcher, TheScopeIsTheTextARuleSees) {
  // A match never crosses the unit it was found in.
  EXPECT_EQ(count("sentence", R"(attack\. We)"), 0u);
  EXPECT_EQ(count("paragraph", R"(attack\. We)"), 1u);
  EXPECT_EQ(count("paragraph", R"(it\.\s+It)"), 0u);
  EXPECT_EQ(count("speech", R"(it\.\s+It)"), 1u);
  EXPECT_EQ(count("document", R"(it\.\s+It)"), 1u);
  // ^ is the start of the unit.
  EXPECT_EQ(count("sentence", "^We"), 2u);
  EXPECT_EQ(count("paragraph", "^We"), 1u);
  EXPECT_EQ(count("document", "^We"), 1u);
  // A lookbehind does not see past the start of the unit.
  EXPECT_EQ(count("sentence", R"((?<=attack\.\s)We)"), 0u);
  EXPECT_EQ(count("paragraph", R"((?<=attack\.\s)We)"), 1u);
}

TEST(Matcher, WithoutItsUnitsARuleFindsNothing) {
  auto rules = compile("[types.t]\n[[rule]]\nid = \"r\"\ntype = \"t\"\npattern = 'attack'\n");
  ASSERT_TRUE(rules);
  Document document("d.txt", "the attack");
  apply_rules(*rules, document);
  EXPECT_EQ(document.annotations().count("t"), 0u);
  EXPECT_EQ(rules->required_types(), std::vector<std::string>{"sentence"});
}

// --- Hard-wrapped text -----------------------------------------------------------------------

TEST(Matcher, SpacesInAPatternMatchLineBreaks) {
  auto rules = compile(R"([types.alignment]
roles = ["source"]
[[rule]]
id = "align"
type = "alignment"
pattern = '(?<source>\w+) aligns itself with the statement'
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "Ireland aligns itself\nwith the\r\n  statement to be delivered.");
  add(document, "sentence", {0, static_cast<uint32_t>(document.text().size())});
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "alignment"),
            Lines{"alignment[0,43)='Ireland aligns itself\nwith the\r\n  statement' source=Ireland <align>"});
}

// White space outside ASCII (no-break, thin, ideographic spaces) is one ASCII space to the
// patterns, which are compiled without PCRE2_UCP; offsets are the text's (see ascii_view.hpp).
TEST(Matcher, WideSpacesAreOneSpaceToPatternsAndOffsetsStayTheTexts) {
  auto rules = compile(R"([types.citation]
roles = ["number", "year"]
[[rule]]
id = "cite"
type = "citation"
scope = "document"
pattern = 'resolution\s(?<number>\d+)\s?\((?<year>\d{4})\)'
)");
  ASSERT_TRUE(rules);
  // (U+00A0 two bytes, U+2009 and U+3000 three: each one character, as \s? allows one.)
  Document document("d.txt", "resolution\u00a02331\u2009(2016), resolution\u30002388 (2017) and resolution 2467 (2019)");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "citation"),
            (Lines{"citation[0,25)='resolution\u00a02331\u2009(2016)' number=2331 year=2016 <cite>",
                   "citation[27,51)='resolution\u30002388 (2017)' number=2388 year=2017 <cite>",
                   "citation[56,78)='resolution 2467 (2019)' number=2467 year=2019 <cite>"}));
}

// A Unicode hyphen (U+2010, U+2011) is "-" to the patterns and to their trigger words, as
// press releases print "Under\u2011Secretary\u2011General"; a dash is not.
TEST(Matcher, UnicodeHyphensAreHyphensToPatternsAndOffsetsStayTheTexts) {
  auto rules = compile(R"([types.title]
[[rule]]
id = "usg"
type = "title"
scope = "document"
pattern = 'Under-Secretary-General\b'
)");
  ASSERT_TRUE(rules);
  // (The rule's trigger word is "under-secretary-general": the prefilter must find it too.)
  Document document("d.txt", "The Under\u2011Secretary\u2011General spoke. The Under\u2013Secretary-General did not.");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "title"), Lines{"title[4,31)='Under\u2011Secretary\u2011General' <usg>"});
}

TEST(Matcher, WideSpacesInsideAMaskedAnnotationAndBeforeANameStart) {
  // A rule that begins with an annotation (masked) and one that begins with a lexicon name
  // (tried at the name starts) on text with no-break spaces before, inside and after them.
  auto rules = compile(R"([types.member]
roles = ["who"]
[types.named]
[lexicons.states]
entries = [{ id = "BIH", names = ["Bosnia and Herzegovina"] }, { id = "CHL", names = ["Chile"] }]
[[rule]]
id = "member"
type = "member"
scope = "document"
pattern = '(?<who>{annotation:actor})\saligns'
[[rule]]
id = "named"
type = "named"
scope = "document"
pattern = '{lexicon:states}\sspoke'
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "Then\u00a0Bosnia\u00a0and\u00a0Herzegovina\u00a0aligns; Chile\u2009spoke.");
  actor(document, "Bosnia\u00a0and\u00a0Herzegovina", "BIH");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "member"),
            Lines{"member[6,38)='Bosnia\u00a0and\u00a0Herzegovina\u00a0aligns' who=Bosnia\u00a0and\u00a0Herzegovina <member>"});
  EXPECT_EQ(describe(document, "named"), Lines{"named[40,53)='Chile\u2009spoke' <named>"});
}

TEST(Matcher, ANoBreakSpaceInAPatternOrALexiconNameIsASpace) {
  // (Pasted from a document: the patterns see the text's no-break spaces as spaces.)
  auto rules = compile(R"([types.statement]
[types.state]
[lexicons.states]
entries = [{ id = "BIH", names = ["Bosnia)" "\u00a0" R"(and Herzegovina"] }]
[[rule]]
id = "statement"
type = "statement"
scope = "document"
pattern = 'statement)" "\u00a0" R"(by'
[[rule]]
id = "state"
type = "state"
scope = "document"
pattern = '{lexicon:states}'
)");
  ASSERT_TRUE(rules);
  Document document("d.txt", "A statement by Bosnia and\nHerzegovina; a statement\u00a0by Bosnia\u00a0and Herzegovina.");
  apply_rules(*rules, document);
  EXPECT_EQ(describe(document, "statement"),
            (Lines{"statement[2,14)='statement by' <statement>", "statement[41,54)='statement\u00a0by' <statement>"}));
  EXPECT_EQ(describe(document, "state"), (Lines{"state[15,37)='Bosnia and\nHerzegovina' <state>",
                                                "state[55,78)='Bosnia\u00a0and Herzegovina' <state>"}));
}

// --- The match limit -------------------------------------------------------------------------

TEST(Matcher, M001_CatastrophicBacktrackingStopsTheRuleNotTheRun) {
  auto rules = compile(R"([rules]
match_limit = 1000
[types.t]
[types.u]
[[rule]]
id = "nested"
type = "t"
pattern = '(a+)+$'
[[rule]]
id = "plain"
type = "u"
pattern = 'b'
)");
  ASSERT_TRUE(rules);
  ASSERT_EQ(rules->match_limit, 1000u);
  const std::string bad = std::string(40, 'a') + "b.";
  Document document("record.txt", "Intro line.\n" + bad + "\nLast aa");
  add(document, "sentence", find(document.text(), "Intro line."));
  add(document, "sentence", find(document.text(), bad));
  add(document, "sentence", find(document.text(), "Last aa"));
  std::vector<TraceEvent> trace;
  apply_rules(*rules, document, {.trace = &trace});

  ASSERT_TRUE(document.problems().contains("M001")) << document.problems().render();
  const auto problems = document.problems().all();
  ASSERT_EQ(problems.size(), 1u) << document.problems().render();
  EXPECT_EQ(problems[0].where.path, "record.txt");
  EXPECT_EQ(problems[0].where.line, 2u);
  EXPECT_NE(problems[0].message.find("rule 'nested'"), std::string::npos) << problems[0].message;
  EXPECT_NE(document.problems().render().find("record.txt:2:1: error[M001]: rule 'nested' stopped at line 2: "), std::string::npos)
      << document.problems().render();
  // The other rule, and the same rule on the other sentences, still make their annotations.
  EXPECT_EQ(describe(document, "u"), Lines{"u[52,53)='b' <plain>"});
  EXPECT_EQ(describe(document, "t"), Lines{"t[60,62)='aa' <nested>"});
  EXPECT_TRUE(std::any_of(trace.begin(), trace.end(),
                          [](const TraceEvent& e) { return e.rule == "nested" && e.outcome == TraceOutcome::match_limit; }));
}

}  // namespace
}  // namespace caucus
