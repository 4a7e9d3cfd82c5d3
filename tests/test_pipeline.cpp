// The pipeline checker: every error it can report, each with a failing pipeline file.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "caucus/pipeline.hpp"

namespace caucus {
namespace {

// A test annotator whose requirements and products are set by its configuration, so that
// any dependency graph can be written as a pipeline file.
class Probe final : public Annotator {
 public:
  std::string_view name() const override { return "probe"; }
  std::vector<std::string> required_types() const override { return requires_; }
  std::vector<std::string> produced_types() const override { return produces_; }
  bool configure(const Config& config, Diagnostics& diagnostics) override {
    requires_ = config.strings("requires", diagnostics);
    produces_ = config.strings("produces", diagnostics);
    config.integer("level", diagnostics);
    return true;
  }
  void annotate(Document& document) const override {
    for (const auto& type : produces_) document.annotations().add({type, {0, 1}, "", "", {}});
    if (throws_on_empty_type_ && produces_.empty()) throw std::runtime_error("boom");
  }
  bool throws_on_empty_type_ = true;

 private:
  std::vector<std::string> requires_, produces_;
};

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest() {
    register_builtin_annotators(registry);
    registry.add("probe", "test annotator", [] { return std::make_unique<Probe>(); });
  }
  std::unique_ptr<Pipeline> parse(const std::string& text) {
    return Pipeline::parse(text, "/tmp/caucus-test/pipeline.toml", registry, diagnostics);
  }
  std::string rendered() const { return diagnostics.render(); }
  AnnotatorRegistry registry;
  Diagnostics diagnostics;
};

TEST_F(PipelineTest, LoadsAValidPipelineAndRunsItInOrder) {
  auto pipeline = parse(R"(
[pipeline]
name = "t"
[[step]]
annotator = "segmenter"
[[step]]
id = "second"
annotator = "probe"
requires = ["sentence"]
produces = ["marker"]
)");
  ASSERT_TRUE(pipeline) << rendered();
  EXPECT_EQ(pipeline->name(), "t");
  ASSERT_EQ(pipeline->steps().size(), 2u);
  EXPECT_EQ(pipeline->steps()[1].id, "second");
  EXPECT_EQ(pipeline->find_step("second"), 1);
  Document document("d", "One sentence. Two.");
  pipeline->run(document);
  EXPECT_EQ(document.annotations().count("sentence"), 2u);
  ASSERT_EQ(document.annotations().count("marker"), 1u);
  // Annotations are stamped with the id of the step that made them.
  EXPECT_EQ(document.annotations()[document.annotations().of_type("marker")[0]].annotator, "second");
}

TEST_F(PipelineTest, P001_MissingFile) {
  EXPECT_FALSE(Pipeline::load("/nonexistent/pipeline.toml", registry, diagnostics));
  EXPECT_TRUE(diagnostics.contains("P001"));
}

TEST_F(PipelineTest, P002_TomlSyntaxErrorWithLineAndColumn) {
  EXPECT_FALSE(parse("[[step]]\nannotator = \"segmenter\nx = 1\n"));
  ASSERT_TRUE(diagnostics.contains("P002"));
  EXPECT_EQ(diagnostics.all().front().where.line, 2u);
  EXPECT_NE(rendered().find("/tmp/caucus-test/pipeline.toml:2:"), std::string::npos) << rendered();
}

TEST_F(PipelineTest, P003_UnknownAnnotatorListsKnownOnesAndGuesses) {
  EXPECT_FALSE(parse("[[step]]\nannotator = \"segmentr\"\n"));
  ASSERT_TRUE(diagnostics.contains("P003"));
  const std::string text = rendered();
  EXPECT_NE(text.find("pipeline.toml:2:13: error[P003]: unknown annotator 'segmentr'"), std::string::npos) << text;
  EXPECT_NE(text.find("did you mean 'segmenter'?"), std::string::npos) << text;
  // Every registered annotator is listed, sorted.
  std::string known = "known annotators: ";
  for (const auto& name : registry.names()) known += name + (name == registry.names().back() ? "" : ", ");
  EXPECT_NE(text.find(known), std::string::npos) << text;
  EXPECT_NE(known.find("probe, "), std::string::npos);
}

TEST_F(PipelineTest, P004_RequirementNobodyProduces) {
  EXPECT_FALSE(parse("[[step]]\nannotator = \"probe\"\nrequires = [\"speech\"]\n"));
  EXPECT_TRUE(diagnostics.contains("P004"));
}

TEST_F(PipelineTest, P005_RequirementProducedTooLate) {
  EXPECT_FALSE(parse(R"(
[[step]]
id = "a"
annotator = "probe"
requires = ["sentence"]
[[step]]
annotator = "segmenter"
)"));
  EXPECT_TRUE(diagnostics.contains("P005"));
  EXPECT_NE(rendered().find("move step 'a' after step 'segmenter'"), std::string::npos) << rendered();
}

TEST_F(PipelineTest, P006_Cycle) {
  EXPECT_FALSE(parse(R"(
[[step]]
id = "a"
annotator = "probe"
requires = ["y"]
produces = ["x"]
[[step]]
id = "b"
annotator = "probe"
requires = ["x"]
produces = ["y"]
)"));
  EXPECT_TRUE(diagnostics.contains("P006"));
  EXPECT_NE(rendered().find("cycle between steps"), std::string::npos);
}

TEST_F(PipelineTest, P007_UnknownKeyWithGuess) {
  EXPECT_FALSE(parse("[[step]]\nannotator = \"segmenter\"\nsentense = false\n"));
  ASSERT_TRUE(diagnostics.contains("P007"));
  EXPECT_NE(rendered().find("did you mean 'sentences'?"), std::string::npos) << rendered();
  EXPECT_EQ(diagnostics.all().front().where.line, 3u);
}

TEST_F(PipelineTest, P008_WrongType) {
  EXPECT_FALSE(parse("[[step]]\nannotator = \"segmenter\"\nsentences = \"yes\"\n"));
  EXPECT_TRUE(diagnostics.contains("P008"));
  EXPECT_NE(rendered().find("'sentences' must be true or false, not a string"), std::string::npos) << rendered();
}

TEST_F(PipelineTest, P009_DuplicateStepIds) {
  EXPECT_FALSE(parse("[[step]]\nannotator = \"segmenter\"\n[[step]]\nannotator = \"segmenter\"\n"));
  EXPECT_TRUE(diagnostics.contains("P009"));
}

TEST_F(PipelineTest, P010_MissingPluginLibrary) {
  EXPECT_FALSE(parse("[pipeline]\nplugins = [\"/nonexistent/libnothing.so\"]\n[[step]]\nannotator = \"segmenter\"\n"));
  EXPECT_TRUE(diagnostics.contains("P010"));
}

TEST_F(PipelineTest, P011_LibraryWithoutEntryPoint) {
  // libm is a real shared library, but not a caucus plugin.
  EXPECT_FALSE(parse("[pipeline]\nplugins = [\"libm.so.6\"]\n[[step]]\nannotator = \"segmenter\"\n"));
  EXPECT_TRUE(diagnostics.contains("P011"));
  EXPECT_NE(rendered().find("is not a caucus plugin"), std::string::npos) << rendered();
}

TEST_F(PipelineTest, P012_NoStepsOrNoAnnotator) {
  EXPECT_FALSE(parse("[pipeline]\nname = \"x\"\n"));
  EXPECT_TRUE(diagnostics.contains("P012"));
  Diagnostics more;
  EXPECT_FALSE(Pipeline::parse("[[step]]\nid = \"x\"\n", "p.toml", registry, more));
  EXPECT_TRUE(more.contains("P012"));
}

TEST_F(PipelineTest, P013_UnknownSection) {
  EXPECT_FALSE(parse("[[steps]]\nannotator = \"segmenter\"\n[[step]]\nannotator = \"segmenter\"\n"));
  EXPECT_TRUE(diagnostics.contains("P013"));
  EXPECT_NE(rendered().find("did you mean 'step'?"), std::string::npos);
}

TEST_F(PipelineTest, ReportsEveryProblemInOneRun) {
  EXPECT_FALSE(parse(R"(
[[step]]
annotator = "nope"
[[step]]
annotator = "segmenter"
colour = 1
[[step]]
annotator = "segmenter"
)"));
  EXPECT_TRUE(diagnostics.contains("P003"));
  EXPECT_TRUE(diagnostics.contains("P007"));
  EXPECT_TRUE(diagnostics.contains("P009"));
}

TEST_F(PipelineTest, A001_AFailingStepIsReportedOnTheDocumentAndTheRestRuns) {
  auto pipeline = parse("[[step]]\nid = \"bad\"\nannotator = \"probe\"\n[[step]]\nannotator = \"segmenter\"\n");
  ASSERT_TRUE(pipeline) << rendered();
  Document document("d.txt", "Text.");
  pipeline->run(document);
  EXPECT_TRUE(document.problems().contains("A001"));
  EXPECT_EQ(document.annotations().count("sentence"), 1u);
}

TEST(RuleTree, PathsMayNotLeaveIt) {
  const std::filesystem::path root = std::filesystem::temp_directory_path() / "caucus-rule-root";
  std::filesystem::create_directories(root / "actors");
  EXPECT_TRUE(resolve_inside(root, "actors/states.toml"));
  EXPECT_TRUE(resolve_inside(root, "actors/../pipeline.toml"));
  EXPECT_FALSE(resolve_inside(root, "../outside.toml"));
  EXPECT_FALSE(resolve_inside(root, "/etc/passwd"));
  EXPECT_FALSE(resolve_inside(root, "actors/../../x.toml"));
}

// The shipped pipeline (rules/pipeline.toml), loaded with the built-in annotators.
class DefaultPipeline : public ::testing::Test {
 protected:
  void SetUp() override {
    register_builtin_annotators(registry_);
    ASSERT_FALSE(default_pipeline_path().empty());
    pipeline_ = Pipeline::load(default_pipeline_path(), registry_, diagnostics_);
    ASSERT_TRUE(pipeline_) << diagnostics_.render();
  }

  // The document's relations as "SOURCE relation TARGET", sorted.
  static std::vector<std::string> relations_in(const Document& document) {
    std::vector<std::string> relations;
    for (AnnotationId id : document.annotations().of_type("alignment")) {
      const Annotation& a = document.annotations()[id];
      relations.push_back(a.attrs.actor("source")->id.str() + " " + a.attrs.text("relation") + " " +
                          a.attrs.actor("target")->id.str());
    }
    std::sort(relations.begin(), relations.end());
    return relations;
  }

  // The document's speeches as "SPEAKER (ACTOR)", in order.
  static std::vector<std::string> speakers_in(const Document& document) {
    std::vector<std::string> speakers;
    for (const Speech& speech : document.speeches())
      speakers.push_back(speech.speaker + " (" + speech.actor.id.str() + ")");
    return speakers;
  }

  AnnotatorRegistry registry_;
  Diagnostics diagnostics_;
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(DefaultPipeline, IsFoundAndLoads) { EXPECT_FALSE(diagnostics_.has_errors()) << diagnostics_.render(); }

// The shipped pipeline's relations annotator drops relations to the bodies one speaks for by
// office and to the Organization itself (office_targets): every State is a Member of the United
// Nations, which makes no edge of the alignment network.
TEST_F(DefaultPipeline, NoRelationToTheOrganizationItself) {
  Document document(
      "d.txt",
      "Mr. Rahman (Bangladesh): Bangladesh, as an active member of the United Nations, supports peace. "
      "Bangladesh, as a member of the Group of Friends United against Human Trafficking, supports all efforts.\n");
  pipeline_->run(document);
  std::vector<std::string> memberships;
  for (const std::string& relation : relations_in(document)) {
    if (relation.find(" member_of ") != std::string::npos) memberships.push_back(relation);
  }
  EXPECT_EQ(memberships, std::vector<std::string>{"BGD member_of GOF_HT"});
}

// "On behalf of the African Group, the representative of Egypt said" in another's speech: the
// group is Egypt's to speak for, not the speaker's (the relations annotator drops the shorter
// match that would have taken the speaker as its source).
TEST_F(DefaultPipeline, ASourceNamedAfterTheGroupIsTheOneWhoSpeaksForIt) {
  Document document(
      "d.txt",
      "Mr. Mansour (Palestine): We thank you.\n\n"
      "On behalf of the African Group, the representative of Egypt said that the war had to end.\n\n"
      "On behalf of the Arab Group, Ayman Safadi, Deputy Prime Minister and Minister of Foreign Affairs of "
      "Jordan, explained that it had to end.\n");
  pipeline_->run(document);
  EXPECT_EQ(relations_in(document),
            (std::vector<std::string>{"EGY speaks_for AFRICAN_GROUP", "JOR speaks_for ARAB_GROUP"}));
}

// "the statement made by the representative of South Africa speaking on behalf of the G77" in a
// group's statement says whom that statement's deliverer speaks for: the speaker (Maldives, for
// AOSIS) does not speak for the G77.
TEST_F(DefaultPipeline, SpeakingForInsideAnotherStatementIsNotTheSpeakers) {
  Document document(
      "d.txt",
      "Statement by\n\nMaldives on behalf of the Alliance of Small Island States (AOSIS)\n\n"
      "Mr. Chairman,\n\n"
      "I have the honour to speak on behalf of the Alliance of Small Island States (AOSIS) and would like to "
      "align ourselves with the statement made by the distinguished representative of South Africa speaking "
      "on behalf of the G77 and China.\n");
  pipeline_->run(document);
  EXPECT_EQ(relations_in(document),
            (std::vector<std::string>{"AOSIS aligns_with G77", "MDV aligns_with G77", "MDV speaks_for AOSIS"}));
}

// An official of a department of the Secretariat speaks for the United Nations, as the
// Secretary-General's officials do, though the title names the department ("... in the
// Department of Economic and Social Affairs"): not for the department.
TEST_F(DefaultPipeline, ASecretariatDepartmentsOfficialSpeaksForTheOrganization) {
  Document document(
      "d.txt",
      "GA/EF/99999\n1 November 2016\n\nSecond Committee\n\nSPEAKERS DISCUSS MIGRATION\n\n"
      "S. Nazrul Islam, Senior Economic Affairs Officer in the Development Policy Analysis Division of the "
      "Department of Economic and Social Affairs, presented the report of the Secretary-General.\n\n"
      "And John Wilmoth, Director of the Population Division in the Department of Economic and Social Affairs, "
      "introduced the report on migration.\n\n"
      "“Displacement is rising,” Edem Wosornu, Director of Operations and Advocacy, United Nations Office for the "
      "Coordination of Humanitarian Affairs, said, describing the camps.\n");
  pipeline_->run(document);
  EXPECT_EQ(speakers_in(document),
            (std::vector<std::string>{"S. Nazrul Islam (UN)", "John Wilmoth (UN)", "Edem Wosornu (UN)"}));
}

// A heading's "Mission of ... to the United Nations" names the Organization the mission is
// accredited to, not the speaker's: with the State's name misspelt ("Palestina"), the speaker
// does not speak for the United Nations, nor does the Organization speak for the Group of 77.
TEST_F(DefaultPipeline, TheOrganizationAMissionIsAccreditedToIsNotTheSpeakers) {
  Document document(
      "d.txt",
      "Intervention by Mr Abdallah Abushawesh, Counsellor of the Mission of the State of Palestina to the United "
      "Nations\n\nMr. President,\n\nI have the honour to deliver this statement on behalf of the Group of 77 and "
      "China.\n");
  pipeline_->run(document);
  ASSERT_EQ(document.speeches().size(), 1u);
  EXPECT_NE(document.speeches()[0].actor.id.str(), "UN");
  for (const std::string& relation : relations_in(document)) EXPECT_FALSE(relation.starts_with("UN ")) << relation;
}

// "associating himself with": the delegate's own alignment, not the group he speaks for.
TEST_F(DefaultPipeline, AssociatingHimselfIsTheDelegatesAlignment) {
  Document document(
      "d.txt",
      "SC/99999\n1 January 2025\n\nSecurity Council\n9999th Meeting (AM)\n\nCOUNCIL DEBATES NON-PROLIFERATION\n\n"
      "AYMAN SAFADI (Jordan), speaking on behalf of the Arab Group and associating himself with the "
      "Non-Aligned Movement, called for universal adherence to the Treaty.\n");
  pipeline_->run(document);
  EXPECT_EQ(relations_in(document),
            (std::vector<std::string>{"JOR aligns_with NON_ALIGNED", "JOR speaks_for ARAB_GROUP"}));
}

// A release's lead summarises a statement its later paragraph gives again under the speaker's
// name: one statement, one relation. The same delegate named twice speaks twice: two.
TEST_F(DefaultPipeline, AReleaseLeadRepeatsALaterStatement) {
  Document document(
      "d.txt",
      "GA/99999\n1 November 2023\n\nGeneral Assembly\nSeventy-eighth Session, 34th Meeting (AM)\n\n"
      "SPEAKERS CALL FOR REFORM AS ASSEMBLY BEGINS DEBATE\n\n"
      "The representative of Saint Vincent and the Grenadines, speaking for the L.69 group, said that the "
      "Council had to change.\n\nStatements\n\n"
      "NEDRA P. MIGUEL (Saint Vincent and the Grenadines), speaking on behalf of the L.69 group, said that the "
      "Council had to change.\n\n"
      "NEDRA P. MIGUEL (Saint Vincent and the Grenadines), speaking on behalf of the L.69 group on the next "
      "item, said that elections mattered.\n");
  pipeline_->run(document);
  ASSERT_EQ(document.meta().at("kind"), "press_release");
  ASSERT_EQ(document.speeches().size(), 3u);
  EXPECT_EQ(relations_in(document), (std::vector<std::string>{"VCT speaks_for L69", "VCT speaks_for L69"}));
  for (AnnotationId id : document.annotations().of_type("alignment")) {
    EXPECT_NE(document.speech_at(document.annotations()[id].span.begin), 0) << "the lead's relation is dropped";
  }
}

// A record's extract without its cover, from its first line on: "The President:" opens a turn
// of the record, not a speech with no speaker over the whole text.
TEST_F(DefaultPipeline, AnExtractFromTheCallToOrderIsARecord) {
  Document document(
      "d.txt",
      "The meeting was called to order at 3.05 p.m.\n\n"
      "The President: In accordance with rule 37 of the Council's provisional rules of procedure, I invite the "
      "representatives of Bangladesh and Myanmar to participate in this meeting.\n\n"
      "The Security Council will now begin its consideration of the item on its agenda.\n");
  pipeline_->run(document);
  EXPECT_EQ(document.meta().at("kind"), "verbatim_record");
  ASSERT_EQ(document.speeches().size(), 1u);
  EXPECT_EQ(document.speeches()[0].speaker, "The President");
}

// A statement without a heading that names its delegation only by the State's adjective ("The
// Jamaican delegation aligns itself ..."): the delegation speaks, named by its State's name.
TEST_F(DefaultPipeline, ADelegationNamedByItsAdjectiveSpeaksUnderItsStatesName) {
  Document document(
      "d.txt",
      "Mr. Chairman,\n\nAs this is the first time that I am taking the floor, I congratulate you.\n\n"
      "The Jamaican delegation aligns itself with the Statement made by the distinguished Representative of "
      "Trinidad and Tobago on behalf of CARICOM.\n");
  pipeline_->run(document);
  EXPECT_EQ(speakers_in(document), std::vector<std::string>{"Jamaica (JAM)"});
  EXPECT_EQ(relations_in(document), std::vector<std::string>{"JAM aligns_with CARICOM"});
}

// A heading that names the speaker's State by its adjective before the statement, by any of its
// names: "Armenian Foreign Minister NAME's speech at ...".
TEST_F(DefaultPipeline, AHeadingsAdjectiveNamesTheSpeakersStateBeforeSpeechOrRemarks) {
  for (const char* noun : {"speech", "remarks", "statement"}) {
    Document document("d.txt", std::string("Armenian Foreign Minister Ararat Mirzoyan's ") + noun +
                                   " at the emergency session of the UN Security Council\n\nMr. President,\n\n"
                                   "I thank you for convening this meeting.\n");
    pipeline_->run(document);
    EXPECT_EQ(speakers_in(document), std::vector<std::string>{"Ararat Mirzoyan (ARM)"}) << noun;
  }
}

// A press transcript's answers ("A.:") are the remarks' speaker's, for the State its heading
// names; the journalists' questions ("Q.:") are no one's.
TEST_F(DefaultPipeline, ATranscriptsAnswersAreForTheHeadingsState) {
  Document document(
      "d.txt",
      "Permanent Mission of the Russian Federation to the United Nations\n\n"
      "Remarks to the Press by Permanent Representative Vassily Nebenzia after Security Council consultations\n\n"
      "Q.: Ambassador, how would you comment on the latest developments?\n\n"
      "A.: I think my colleague has already spoken on the statement.\n\n"
      "Q.: Could you tell us more?\n\n"
      "A.: We now have to talk about the sovereignty of Iraq.\n");
  pipeline_->run(document);
  std::vector<std::string> turns;
  for (const Speech& speech : document.speeches()) turns.push_back(speech.speaker + " " + speech.actor.id.str());
  EXPECT_EQ(turns, (std::vector<std::string>{"Q. ", "A. RUS", "Q. ", "A. RUS"}));
}

// A statement circulated with several headings: the one that names a person by title gives
// the speaker, the delegation's heading the State; a titled first heading keeps its place.
TEST_F(DefaultPipeline, AStatementsSpeakerIsThePersonItsHeadingsName) {
  const auto speaker_of = [&](const std::string& text) {
    Document document("d.txt", text);
    pipeline_->run(document);
    EXPECT_EQ(document.speeches().size(), 1u);
    if (document.speeches().empty()) return std::make_pair(std::string(), std::string());
    const Speech& speech = document.speeches().front();
    return std::make_pair(speech.speaker, speech.actor.id.str());
  };
  const std::string body =
      "\n\nThank you, Madame High Commissioner, for this report.\n\nWe are addressing these challenges at home.\n";
  EXPECT_EQ(
      speaker_of("Statement by the Delegation of the United States of America\nHuman Rights Council – 47th Session\n\n"
                 "As Delivered by Chargé d’Affaires Ben Moeling" +
                 body),
      std::make_pair(std::string("Chargé d’Affaires Ben Moeling"), std::string("USA")));
  EXPECT_EQ(speaker_of("Statement by the Delegation of the United States of America" + body),
            std::make_pair(std::string("Delegation of the United States of America"), std::string("USA")));
  EXPECT_EQ(
      speaker_of("Statement by Ambassador Michèle Taylor, Permanent Representative of the United States of America\n\n"
                 "As Delivered by Ambassador Linda Thomas-Greenfield" +
                 body)
          .first,
      "Ambassador Michèle Taylor");
  // An office before the name is no part of it (an honorific, as above, is).
  EXPECT_EQ(
      speaker_of("Statement by Legal Adviser Colin McIntyre at the Security Council debate on the IRMCT" + body).first,
      "Colin McIntyre");
  // A heading whose speaker is the group itself names no person: the presenter's heading does.
  const std::string group_heading =
      "Statement of Asia-Pacific Group to pay Tribute to Her Majesty Queen Elizabeth II\n\n";
  EXPECT_EQ(speaker_of(group_heading +
                       "Presenter: \nH.E. ANTONIO M. LAGDAMEO, Ambassador and Permanent Representative of the Republic "
                       "of the Philippines to the United Nations" +
                       body),
            std::make_pair(std::string("ANTONIO M. LAGDAMEO"), std::string("PHL")));
  EXPECT_EQ(speaker_of(group_heading + "Thursday, 15 September 2022" + body),
            std::make_pair(std::string("Asia-Pacific Group"), std::string("ASIA_PACIFIC_GROUP")));
}

// "Note 507" names the edition of the Council's note on its working methods in force at the
// record's date (the citations annotator), S/2017/507 when the record gives none.
TEST_F(DefaultPipeline, Note507IsTheEditionOfTheRecordsDate) {
  const auto cited = [&](const std::string& date_line) {
    Document document("d.txt", date_line + "\n\nMr. Rahman (Bangladesh): We welcome the implementation of Note 507.\n");
    pipeline_->run(document);
    std::vector<std::string> symbols;
    for (AnnotationId id : document.annotations().of_type("citation"))
      symbols.push_back(document.annotations()[id].attrs.text("symbol"));
    return symbols;
  };
  EXPECT_EQ(cited("Tuesday, 21 November 2017, 10 a.m."), std::vector<std::string>{"S/2017/507"});
  EXPECT_EQ(cited("Thursday, 26 April 2012, 10 a.m."), std::vector<std::string>{"S/2010/507"});
  EXPECT_EQ(cited("Monday, 27 August 2007, 3 p.m."), std::vector<std::string>{"S/2006/507"});
  EXPECT_EQ(cited("Friday, 14 November 2025, 10 a.m."), std::vector<std::string>{"S/2024/507"});
  EXPECT_EQ(cited("Monday, 16 December 2024, 10 a.m."), std::vector<std::string>{"S/2017/507"});
  EXPECT_EQ(cited("New York"), std::vector<std::string>{"S/2017/507"});
}

// A symbol as a heading in capitals or a statement prints it is cited as the UN writes it.
TEST_F(DefaultPipeline, SymbolsAreCitedAsTheUnitedNationsWritesThem) {
  Document document("d.txt",
                    "STATEMENT INTRODUCING DRAFT RESOLUTION A/65/L.62/REV.1 AND DOCUMENTS A/64/13/ADD.2 AND "
                    "S/2010/12/CORR.1\n\nMr. President, we recall S/Res/1645 and A/65/L.62/Rev.1.\n");
  pipeline_->run(document);
  std::vector<std::string> symbols;
  for (AnnotationId id : document.annotations().of_type("citation"))
    symbols.push_back(document.annotations()[id].attrs.text("symbol"));
  EXPECT_EQ(symbols, (std::vector<std::string>{"A/65/L.62/Rev.1", "A/64/13/Add.2", "S/2010/12/Corr.1",
                                               "S/RES/1645(2005)", "A/65/L.62/Rev.1"}));
}

// A range of documents cites its two written ends; with the citations step's `ranges =
// "every"`, the documents between them too, each spanning the range.
TEST(CitationRanges, EndsByDefaultEveryDocumentOnRequest) {
  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  std::ifstream file(default_pipeline_path());
  std::string shipped((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const std::string step = "annotator = \"citations\"\n";
  ASSERT_NE(shipped.find(step), std::string::npos);
  const auto cited = [&](const std::string& ranges) {
    std::string text = shipped;
    if (!ranges.empty()) text.replace(text.find(step), step.size(), step + "ranges = " + ranges + "\n");
    Diagnostics diagnostics;
    auto pipeline = Pipeline::parse(text, default_pipeline_path(), registry, diagnostics);
    std::vector<std::string> symbols;
    if (!pipeline) return std::vector<std::string>{diagnostics.render()};
    Document document("d.txt",
                      "The Committee took up the drafts (A/C.4/48/L.20, L.21-L.23) and draft resolutions A/49/L.53 to "
                      "L.56.\n");
    pipeline->run(document);
    for (AnnotationId id : document.annotations().of_type("citation")) {
      const Annotation& a = document.annotations()[id];
      symbols.push_back(a.attrs.text("symbol") + (a.attrs.has("range") ? " in " + a.attrs.text("range") : ""));
    }
    std::sort(symbols.begin(), symbols.end());
    return symbols;
  };
  const std::vector<std::string> ends = {"A/49/L.53", "A/49/L.56", "A/C.4/48/L.20", "A/C.4/48/L.21", "A/C.4/48/L.23"};
  EXPECT_EQ(cited(""), ends);
  EXPECT_EQ(cited("\"ends\""), ends);
  EXPECT_EQ(cited("\"every\""),
            (std::vector<std::string>{"A/49/L.53", "A/49/L.54 in A/49/L.53 to L.56", "A/49/L.55 in A/49/L.53 to L.56",
                                      "A/49/L.56", "A/C.4/48/L.20", "A/C.4/48/L.21", "A/C.4/48/L.22 in L.21-L.23",
                                      "A/C.4/48/L.23"}));
  const auto bad = cited("\"all\"");
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_NE(bad[0].find("P008"), std::string::npos) << bad[0];
}

}  // namespace
}  // namespace caucus
