// Which doubtful speaker lines open a speech, and who an office speaks for (the speeches
// annotator's logic behind the rules).
#include <gtest/gtest.h>

#include "caucus/document.hpp"
#include "speeches/named_again.hpp"
#include "speeches/office_before_name.hpp"
#include "speeches/offices.hpp"
#include "speeches/speaker_lines.hpp"

namespace caucus::annotators {
namespace {

Header line(uint32_t at, std::string layout) { return Header{{at, at + 10}, "Mr. X", std::move(layout), nullptr, ""}; }

std::vector<std::string> layouts(const std::vector<Header>& headers) {
  std::vector<std::string> out;
  for (const auto& h : headers) out.push_back(h.layout);
  return out;
}

TEST(SpeakerLines, LinesWithoutColonCountOnlyWithoutARealSpeakerLine) {
  std::vector<Header> web_copy{line(0, "verbatim_line"), line(100, "verbatim_line")};
  accept_speaker_lines(web_copy, false);
  EXPECT_EQ(layouts(web_copy), (std::vector<std::string>{"verbatim", "verbatim"}));

  std::vector<Header> record{line(0, "verbatim"), line(100, "verbatim_line")};
  accept_speaker_lines(record, false);
  EXPECT_EQ(layouts(record), (std::vector<std::string>{"verbatim"}));
}

TEST(SpeakerLines, OneLineWithoutColonNeedsARecordCover) {
  std::vector<Header> alone{line(0, "verbatim_line")};
  accept_speaker_lines(alone, false);
  EXPECT_TRUE(alone.empty());  // a statement's heading may print "The President" on its own line

  std::vector<Header> under_cover{line(0, "verbatim_line")};
  accept_speaker_lines(under_cover, true);
  EXPECT_EQ(layouts(under_cover), (std::vector<std::string>{"verbatim"}));
}

TEST(SpeakerLines, LinesInsideParagraphsNeedTwoAndNoLineAtALineStart) {
  std::vector<Header> run_on{line(0, "verbatim_inline"), line(100, "verbatim_inline")};
  accept_speaker_lines(run_on, false);
  EXPECT_EQ(layouts(run_on), (std::vector<std::string>{"verbatim", "verbatim"}));

  std::vector<Header> quoted{line(0, "verbatim_inline")};
  accept_speaker_lines(quoted, false);
  EXPECT_TRUE(quoted.empty());

  std::vector<Header> record{line(0, "verbatim"), line(50, "verbatim_inline"), line(100, "verbatim_inline")};
  accept_speaker_lines(record, false);
  EXPECT_EQ(layouts(record), (std::vector<std::string>{"verbatim"}));
}

// One line inside a paragraph may be a quotation, unless the cover says the text is a record.
TEST(SpeakerLines, OneLineInsideAParagraphNeedsARecordCover) {
  std::vector<Header> alone{line(0, "verbatim_inline")};
  accept_speaker_lines(alone, false);
  EXPECT_TRUE(alone.empty());

  std::vector<Header> under_cover{line(0, "verbatim_inline")};
  accept_speaker_lines(under_cover, true);
  EXPECT_EQ(layouts(under_cover), (std::vector<std::string>{"verbatim"}));

  std::vector<Header> with_a_line{line(0, "verbatim"), line(100, "verbatim_inline")};
  accept_speaker_lines(with_a_line, true);
  EXPECT_EQ(layouts(with_a_line), (std::vector<std::string>{"verbatim"}));
}

TEST(SpeakerLines, AContinuationLineOpensASpeechOnlyBeforeTheFirstSpeakerLine) {
  std::vector<Header> extract{line(0, "continuation"), line(100, "verbatim"), line(200, "continuation"), line(300, "verbatim")};
  accept_speaker_lines(extract, false);
  ASSERT_EQ(extract.size(), 3u);
  EXPECT_EQ(extract[0].span.begin, 0u);
  EXPECT_EQ(extract[0].layout, "verbatim");
  EXPECT_EQ(extract[1].span.begin, 100u);
  EXPECT_EQ(extract[2].span.begin, 300u);

  std::vector<Header> no_line{line(0, "continuation")};
  accept_speaker_lines(no_line, false);
  EXPECT_TRUE(no_line.empty());
}

// An extract that runs over two pages of one speech before its first speaker line prints the
// speaker atop each page: one speech. Another name atop a later page is another speech.
TEST(SpeakerLines, TheSameContinuationLineAtopTwoPagesOpensOneSpeech) {
  std::vector<Header> two_pages{line(0, "continuation"), line(100, "continuation"), line(200, "verbatim")};
  accept_speaker_lines(two_pages, false);
  ASSERT_EQ(two_pages.size(), 2u);
  EXPECT_EQ(two_pages[0].span.begin, 0u);
  EXPECT_EQ(two_pages[1].span.begin, 200u);

  std::vector<Header> two_speakers{line(0, "continuation"), line(100, "continuation"), line(200, "verbatim")};
  two_speakers[1].speaker = "Mr. Y";
  accept_speaker_lines(two_speakers, false);
  EXPECT_EQ(layouts(two_speakers), (std::vector<std::string>{"verbatim", "verbatim", "verbatim"}));
}

// A delegation's name alone as a label ("Malaysia: ...") opens a turn in notes of a debate
// that label two turns so and have no other speaker line.
TEST(SpeakerLines, ActorLabelsNeedTwoAndNoOtherSpeakerLine) {
  std::vector<Header> notes{line(0, "actor_label"), line(100, "actor_label")};
  accept_speaker_lines(notes, false);
  EXPECT_EQ(layouts(notes), (std::vector<std::string>{"verbatim", "verbatim"}));

  std::vector<Header> title{line(0, "actor_label")};  // "Myanmar: EU statement on ..."
  accept_speaker_lines(title, true);
  EXPECT_TRUE(title.empty());

  std::vector<Header> record{line(0, "verbatim"), line(50, "actor_label"), line(100, "actor_label")};
  accept_speaker_lines(record, false);
  EXPECT_EQ(layouts(record), (std::vector<std::string>{"verbatim"}));
}

TEST(Offices, TheSecretariatsDepartmentsAreTheOrganizations) {
  EXPECT_TRUE(secretariat_department("Director of Operations and Advocacy, Office for the Coordination of Humanitarian Affairs"));
  // Two Special Representatives' offices have ids of their own in the actor lexicon; their
  // holders are the Secretariat's officials all the same (the gold's actors have no such ids).
  EXPECT_TRUE(secretariat_department("Special Representative of the Secretary-General for Children and Armed Conflict"));
  EXPECT_TRUE(secretariat_department("Special Representative on Sexual Violence in Conflict"));
  // (An office whose name holds groups of States is the Secretariat's, not the groups'.)
  EXPECT_TRUE(secretariat_department(
      "Senior Programme Officer at the Office of the High Representative for the Least Developed Countries, Landlocked "
      "Developing Countries and Small Island Developing States"));
  EXPECT_FALSE(secretariat_department("Special Representative of the President of Colombia"));
  EXPECT_FALSE(secretariat_department("Minister for Foreign Affairs"));
}

TEST(Offices, TheSecretariatsOfficesSpeakForTheUnitedNations) {
  EXPECT_TRUE(secretariat_office("Under-Secretary-General for Humanitarian Affairs"));
  EXPECT_TRUE(secretariat_office("Under Secretary-General for Policy Coordination and Sustainable Development"));
  EXPECT_TRUE(secretariat_office("Assistant-Secretary-General for Peacebuilding Support"));
  EXPECT_TRUE(secretariat_office("Special Envoy of the Secretary-General for Yemen"));
  EXPECT_TRUE(secretariat_office("Special Adviser to the Secretary-General on Gender Issues and Advancement of Women"));
  EXPECT_TRUE(secretariat_office("Special Envoy"));  // "Special Envoy Hans Grundberg said"
  EXPECT_TRUE(secretariat_office("Chef de Cabinet"));  // "Maria Luiza Ribeiro Viotti, Chef de Cabinet, said"
  EXPECT_FALSE(secretariat_office("Chef de Cabinet of the Minister for Foreign Affairs of Belgium"));
  // The rank after another office, and the Emergency Relief Coordinator alone.
  EXPECT_TRUE(secretariat_office("Emergency Relief Coordinator and Under-Secretary-General for Humanitarian Affairs"));
  EXPECT_TRUE(secretariat_office("Emergency Relief Coordinator"));
  EXPECT_TRUE(secretariat_office("UN High Representative for Disarmament Affairs"));
  EXPECT_FALSE(
      secretariat_office("Minister and Deputy Secretary-General of the Ministry of Foreign Affairs of Thailand"));
  EXPECT_FALSE(secretariat_office("Special Envoy of the President of Colombia"));
  // A mandate names the State it covers, not the speaker's.
  EXPECT_TRUE(secretariat_office("Special Envoy for Syria"));
  EXPECT_TRUE(secretariat_office("Deputy Special Envoy for Syria"));
  // A post alone, with "Deputy" too; the Organization's coordinators in a country.
  EXPECT_TRUE(secretariat_office("Deputy Special Coordinator"));
  EXPECT_TRUE(secretariat_office("Deputy Special Coordinator, Resident and Humanitarian Coordinator"));
  EXPECT_TRUE(secretariat_office("United Nations Resident Coordinator in Ukraine"));
  EXPECT_FALSE(secretariat_office("Special Coordinator of the Government of Ukraine"));
  EXPECT_TRUE(secretariat_office("Special Adviser on Myanmar"));
  EXPECT_TRUE(secretariat_office("Special Rapporteur on the situation of human rights in Myanmar"));
  EXPECT_TRUE(secretariat_office("Independent Expert on the situation of human rights in the Sudan"));
  EXPECT_FALSE(secretariat_office("United States Special Envoy for Syria"));
  EXPECT_FALSE(secretariat_office("Special Rapporteur of the African Commission on Human and Peoples' Rights"));
  EXPECT_FALSE(secretariat_office("Deputy Secretary-General of the Ministry of Foreign Affairs of Thailand"));
  EXPECT_FALSE(secretariat_office("Permanent Representative of Tunisia to the United Nations Office at Geneva"));
  EXPECT_TRUE(secretariat_office("Director-General of the United Nations Office at Geneva"));
  EXPECT_TRUE(secretariat_office("Spokesman for the Secretary-General"));
  EXPECT_TRUE(secretariat_department("Director of the Codification Division, Office of Legal Affairs"));
  EXPECT_TRUE(secretariat_department(
      "Director of the Programme Planning and Budget Division of the Office of Programme Planning, Budget and Accounts"));
  EXPECT_TRUE(secretariat_department("Acting Head of the Department of Public Information"));
  EXPECT_FALSE(secretariat_department("Minister for Foreign Affairs"));
  // A summary record's posts in brackets.
  EXPECT_TRUE(secretariat_post("Officer-in-Charge, Regional Commissions New York Office"));
  EXPECT_TRUE(secretariat_post("Secretary of the Committee"));
  EXPECT_FALSE(secretariat_post("Minister for Foreign Affairs"));
}

TEST(Offices, TheAssemblysPresidencyNamedShort) {
  EXPECT_TRUE(presides_over_assembly("the Assembly President"));
  EXPECT_TRUE(presides_over_assembly("President of the Assembly"));
  EXPECT_TRUE(presides_over_assembly("the General Assembly's Acting President"));
  // A video story's soundbite line; a session's President.
  EXPECT_TRUE(presides_over_assembly("President, United Nations General Assembly"));
  EXPECT_TRUE(presides_over_assembly("President of the 76th Session of the General Assembly"));
  EXPECT_FALSE(presides_over_assembly("President of the Republic, on the session of the General Assembly"));
  // (A Vice-President a release names by that office presides in the President's place.)
  EXPECT_TRUE(presides_over_assembly("Vice-President of the Assembly"));
  EXPECT_TRUE(presides_over_assembly("Assembly Vice-President"));
  EXPECT_FALSE(presides_over_assembly("Vice-President of the Economic and Social Council"));
  EXPECT_FALSE(presides_over_assembly("President of the Security Council"));
  EXPECT_TRUE(presides_over_assembly("Fifth Committee Chair"));
  EXPECT_TRUE(presides_over_assembly("Chairperson of the Third Committee"));
  EXPECT_FALSE(presides_over_assembly("Vice-Chair of the Fifth Committee"));
  EXPECT_FALSE(presides_over_assembly("Chair of the Counter-Terrorism Committee"));
}

// A Main Committee's release names its Chair without the ordinal.
TEST(Offices, TheChairOfTheCommitteeAReleaseReports) {
  EXPECT_TRUE(chairs_the_committee("Committee Chair Dian Triansyah Djani"));
  EXPECT_TRUE(chairs_the_committee("its incoming Chairman"));
  EXPECT_TRUE(chairs_the_committee("Chair of the Committee’s seventy-ninth session"));
  EXPECT_TRUE(chairs_the_committee("Chair of the Committee"));
  EXPECT_FALSE(chairs_the_committee("Vice-Chair of the Committee"));
  EXPECT_FALSE(chairs_the_committee("Chair of the Ad Hoc Committee on Terrorism"));
  EXPECT_FALSE(chairs_the_committee("Chair of the Working Group"));
  EXPECT_FALSE(chairs_the_committee("Chairman of the Committee on Information"));
  EXPECT_TRUE(main_committee_release("GA/EF/3564"));
  EXPECT_TRUE(main_committee_release("GA/L/3296"));
  EXPECT_FALSE(main_committee_release("GA/12638"));
  EXPECT_FALSE(main_committee_release("SC/15897"));
}

TEST(Offices, PresidingOfficersButNotTheirDeputies) {
  EXPECT_TRUE(presides("The President"));
  EXPECT_TRUE(presides("The ACTING PRESIDENT"));
  EXPECT_TRUE(presides("The Co-Chairperson"));
  EXPECT_FALSE(presides("The Vice-Chair"));
  EXPECT_FALSE(presides("President Assoumani"));
}

// A person named again by surname: whom the first full mention says they speak for.
// "Special Envoy Hans Grundberg said": the office is the title, the person the speaker.
TEST(OfficeBeforeName, TheOfficeIsCutFromAPersonsName) {
  const auto split = [](std::string_view speaker) {
    const auto found = office_before_name(speaker);
    return found ? found->office + " | " + found->name : std::string("-");
  };
  EXPECT_EQ(split("Special Committee Chair U. Joy Ogwu"), "Special Committee Chair | U. Joy Ogwu");
  EXPECT_EQ(split("Security Council President Vanessa Frazier"), "Security Council President | Vanessa Frazier");
  EXPECT_EQ(split("United Nations Emergency Relief Coordinator Martin Griffiths"),
            "United Nations Emergency Relief Coordinator | Martin Griffiths");
  EXPECT_EQ(split("General Assembly President Csaba K\u0151r\u00f6si"),
            "General Assembly President | Csaba K\u0151r\u00f6si");
  EXPECT_EQ(split("UNHCR Executive Secretary Ana de la Cruz"), "UNHCR Executive Secretary | Ana de la Cruz");
  EXPECT_EQ(split("Assembly President Miguel d\u2019Escoto Brockmann"),
            "Assembly President | Miguel d\u2019Escoto Brockmann");
  // The office in plain punctuation, the name as printed.
  EXPECT_EQ(split("Secretary\u2011General Ant\u00f3nio Guterres"), "Secretary-General | Ant\u00f3nio Guterres");
  // Two-word offices without their hyphen: the whole office, not its first word.
  EXPECT_EQ(split("Director General Margit Tveiten"), "Director General | Margit Tveiten");
  EXPECT_EQ(split("Secretary General Ban Ki-moon"), "Secretary General | Ban Ki-moon");
  // The office with its State, and the name after an honorific, which stays with it.
  EXPECT_EQ(split("Permanent Representative of Denmark Ambassador Martin Bille Hermann"),
            "Permanent Representative of Denmark | Ambassador Martin Bille Hermann");
  EXPECT_EQ(split("Deputy Permanent Representative of Sweden Ms. Signe Burgstaller"),
            "Deputy Permanent Representative of Sweden | Ms. Signe Burgstaller");
  EXPECT_EQ(split("Minister for Foreign Affairs H. E. Mr. Gabrielius Landsbergis"),
            "Minister for Foreign Affairs | H. E. Mr. Gabrielius Landsbergis");
  EXPECT_EQ(split("Permanent Representative of Chad Ambassador Koumba"), "-");
  // No person's name after the office, or a name of one word only.
  EXPECT_EQ(split("Permanent Representative of Chad"), "-");
  EXPECT_EQ(split("Croatia's Minister for Foreign Affairs and European Integration"), "-");
  EXPECT_EQ(split("President of the General Assembly"), "-");
  EXPECT_EQ(split("Secretary-General Guterres"), "-");
  // No office: a name, or "Ambassador" and the honorifics, which belong to a name as printed.
  EXPECT_EQ(split("Mona Juul"), "-");
  EXPECT_EQ(split("Ambassador Mona Juul"), "-");
  EXPECT_EQ(split("Mr. Flynn"), "-");
}

// A name in capitals ends where a byline runs on into its office without a comma.
TEST(OfficeBeforeName, ANameInCapitalsEndsAtTheOffice) {
  EXPECT_EQ(name_in_capitals("ENRIQUE A. MANALO Permanent Representative"), "ENRIQUE A. MANALO");
  EXPECT_EQ(name_in_capitals("ENRIQUE A. MANALO"), std::nullopt);
  EXPECT_EQ(name_in_capitals("JUAN de la CRUZ"), std::nullopt);
  EXPECT_EQ(name_in_capitals("Mr. ENRIQUE MANALO Permanent"), std::nullopt);
  EXPECT_EQ(name_in_capitals("Enrique Manalo"), std::nullopt);
  EXPECT_EQ(name_in_capitals("A H M Mustafa Kamal"), std::nullopt);  // initials, then the name
}

// The office a rule captured as the title and in the name too: the name is what follows it.
TEST(OfficeBeforeName, TheNameAfterACapturedTitle) {
  EXPECT_EQ(name_after_title("UN High Representative for Disarmament Affairs Izumi Nakamitsu",
                             "UN High Representative for Disarmament Affairs"),
            "Izumi Nakamitsu");
  EXPECT_EQ(name_after_title("Secretary\u2011General Ant\u00f3nio Guterres", "Secretary-General"),
            "Ant\u00f3nio Guterres");
  EXPECT_EQ(name_after_title("Hans Grundberg", "the United Nations Special Envoy for Yemen"), std::nullopt);
  EXPECT_EQ(name_after_title("Special Envoy Grundberg", "Special Envoy"), std::nullopt);  // a surname alone
  EXPECT_EQ(name_after_title("Mona Juul", ""), std::nullopt);
}

TEST(NamedAgain, TheFirstFullMentionSaysWhomAPersonSpeaksFor) {
  EXPECT_TRUE(has_name_word("Secretary-General Ban Ki-moon", "Ban"));
  EXPECT_TRUE(has_name_word("JEAN-PIERRE LACROIX", "Lacroix"));
  EXPECT_FALSE(has_name_word("Mr. Bantu", "Ban"));

  const std::string text =
      "Mr. Ahmad spoke first. The Co-Chairs, Shamshad Ahmad (Pakistan) and Ruth Jacoby (Sweden), presented it, hearing "
      "from "
      "Michael Møller, Director-General of the United Nations Office at Geneva, and Soledad Alvear Valenzuela, "
      "Minister of "
      "External Relations of Chile, as convened by Council President Alfonso Valdivieso of Colombia, with Ambassador "
      "Oh "
      "Joon of Korea. Then Mr. Ahmad, Mr. Møller, Ms. Valenzuela, Mr. Valdivieso, Mr. Oh and Mr. Doe said so.";
  Document document("d.txt", text);
  for (const auto& [name, id] : std::vector<std::pair<std::string, std::string>>{
           {"Pakistan", "PAK"}, {"Sweden", "SWE"}, {"Chile", "CHL"}, {"Colombia", "COL"}, {"Korea", "KOR"}}) {
    Attributes attrs;
    attrs.set("actor", ActorRef{id, name});
    const auto at = static_cast<uint32_t>(text.find(name));
    document.annotations().add({"actor", {at, at + static_cast<uint32_t>(name.size())}, "", "test", std::move(attrs)});
  }
  const auto end = static_cast<uint32_t>(text.size());
  const auto& store = document.annotations();
  // (Not "Mr. Ahmad" at the start: a title, not a full name.)
  EXPECT_EQ(actor_of_named_person(text, store, "Ahmad", end).id, "PAK");
  EXPECT_EQ(actor_of_named_person(text, store, "Jacoby", end).id, "SWE");
  EXPECT_EQ(actor_of_named_person(text, store, "Møller", end).id, "UN");
  EXPECT_EQ(actor_of_named_person(text, store, "Valenzuela", end).id, "CHL");
  EXPECT_EQ(actor_of_named_person(text, store, "Valdivieso", end).id, "COL");  // "... of Colombia"
  EXPECT_EQ(actor_of_named_person(text, store, "Oh", end).id, "KOR");          // the family name first
  EXPECT_EQ(actor_of_named_person(text, store, "Doe", end).id, "");
  // Only what comes before the person is named again.
  EXPECT_EQ(actor_of_named_person(text, store, "Møller", static_cast<uint32_t>(text.find("Michael"))).id, "");
}

TEST(NamedAgain, TheFirstFullMentionGivesThePersonsName) {
  const std::string text =
      "Mr. Ahmad spoke first. The Co-Chairs, Shamshad Ahmad (Pakistan) and Ruth Jacoby (Sweden), presented it, hearing "
      "from Michael Møller, Director-General, as convened by outgoing Chair Macharia Kamau (Kenya) and "
      "Secretary-General Ban Ki-moon. Then Mr. Ahmad, Mr. Møller, Mr. Kamau, Mr. Ban and Mr. Doe said so.";
  const auto end = static_cast<uint32_t>(text.find("Then"));
  EXPECT_EQ(full_name_of_person(text, "Ahmad", end), "Shamshad Ahmad");  // not "Co-Chairs, Shamshad Ahmad"
  EXPECT_EQ(full_name_of_person(text, "Jacoby", end), "Ruth Jacoby");
  EXPECT_EQ(full_name_of_person(text, "Møller", end), "Michael Møller");
  EXPECT_EQ(full_name_of_person(text, "Kamau", end), "Macharia Kamau");  // the office before it left out
  EXPECT_EQ(full_name_of_person(text, "Ban", end), "Ban Ki-moon");       // the given name after the surname
  EXPECT_EQ(full_name_of_person(text, "Doe", end), std::nullopt);
  EXPECT_EQ(full_name_of_person(text, "Møller", static_cast<uint32_t>(text.find("Michael"))), std::nullopt);
}

// A name that opens a line is read whole: its first word begins after the line break.
TEST(NamedAgain, ANameOpeningALineIsWhole) {
  const std::string text =
      "The Commission concluded its session.\n\nDiedre Nichole Mills (Jamaica), Chair of the Working Group, "
      "introduced the report.\n\nMs. Mills, in her capacity as Rapporteur, then introduced the draft.";
  const auto before = static_cast<uint32_t>(text.find("Ms. Mills"));
  EXPECT_EQ(full_name_of_person(text, "Mills", before), "Diedre Nichole Mills");
}

// The Assembly's President named with his State in brackets presides for the Assembly.
TEST(NamedAgain, TheAssemblysPresidentWithHisStateInBrackets) {
  const std::string text =
      "Opening the debate, Assembly President Dennis Francis (Trinidad and Tobago) described the pandemic. Mr. "
      "Francis also noted that.";
  Document document("d.txt", text);
  Attributes attrs;
  attrs.set("actor", ActorRef{"TTO", "Trinidad and Tobago"});
  const auto at = static_cast<uint32_t>(text.find("Trinidad"));
  document.annotations().add({"actor", {at, at + 19}, "", "test", std::move(attrs)});
  const auto before = static_cast<uint32_t>(text.find("Mr. "));
  EXPECT_EQ(actor_of_named_person(text, document.annotations(), "Francis", before).id, "UNGA");
}

// A title and a surname alone, which a release prints for a person it named in full before.
TEST(NamedAgain, ATitleAndASurnameAlone) {
  EXPECT_TRUE(titled_surname("Ms. Mills"));
  EXPECT_TRUE(titled_surname("Mr M\u00f8ller"));
  EXPECT_TRUE(titled_surname("Mrs. Robinson"));
  EXPECT_FALSE(titled_surname("Ms. Diedre Mills"));  // a full name
  EXPECT_FALSE(titled_surname("Mills"));
  EXPECT_FALSE(titled_surname("Minister Mills"));  // an office, not a title
  EXPECT_FALSE(titled_surname("Ms. mills"));
}

// A given name after the surname, with a possessive: the name is whole, the office before it says
// whom the person speaks for.
TEST(NamedAgain, AGivenNameWithAPossessiveIsPartOfTheName) {
  const std::string text =
      "High Commissioner Zeid said so following Secretary-General Ban Ki-moon\u2019s opening remarks. Mr. Ban, "
      "introducing his report, said that.";
  Document document("d.txt", text);
  const auto before = static_cast<uint32_t>(text.find("Mr. Ban"));
  EXPECT_EQ(full_name_of_person(text, "Ban", before), "Ban Ki-moon");
  EXPECT_EQ(actor_of_named_person(text, document.annotations(), "Ban", before).id, "UN");
}

// A release's lead names an office alone; the person who holds it comes after the office
// ("Prosecutor Fatou Bensouda said") or as a later clause's subject (", Mr. Moreno-Ocampo laid
// out"), not in a headline in title case nor after a longer office's first word.
TEST(NamedAgain, TheHolderOfAnOfficeTheLeadNamesAlone) {
  const std::string lead =
      "Justice Must Be Done, Court Prosecutor Says\n\nIt was time to act, the Prosecutor of the Court told the body "
      "today.\n\n";
  const std::string named = lead + "Prosecutor Fatou Bensouda said it was with deep frustration that she came.";
  const auto whole = [](const std::string& t) { return Span{0, static_cast<uint32_t>(t.size())}; };
  EXPECT_EQ(holder_of_office(named, "Prosecutor", whole(named)), "Fatou Bensouda");
  const std::string deputy = lead + "Deputy Prosecutor James Stewart said it was with deep frustration that he came.";
  EXPECT_EQ(holder_of_office(deputy, "Prosecutor", whole(deputy)), std::nullopt);
  const std::string subject = lead + "Briefing the Council on the case, Mr. Moreno-Ocampo laid out evidence.";
  EXPECT_EQ(holder_of_office(subject, "Prosecutor", whole(subject)), "Mr. Moreno-Ocampo");
  const std::string full = "Chief Prosecutor Luis Moreno-Ocampo arrived.\n\n" + subject;
  EXPECT_EQ(holder_of_office(full, "Chief Prosecutor",
                             Span{static_cast<uint32_t>(full.find("It was")), static_cast<uint32_t>(full.size())}),
            "Luis Moreno-Ocampo");
  const std::string headline =
      "Secretary-General Expresses Pride in Orderly Handover\n\nThe Secretary-General told the Council so.";
  EXPECT_EQ(holder_of_office(headline, "Secretary-General", whole(headline)), std::nullopt);
  const std::string object = lead + "He thanked Mr. Guterres for his support.";
  EXPECT_EQ(holder_of_office(object, "Prosecutor", whole(object)), std::nullopt);  // no subject
}

}  // namespace
}  // namespace caucus::annotators
