// Who an office speaks for: the Secretariat's officials for the United Nations, a meeting's
// presiding officer for the body (or the presidency's State).
#include "speeches/offices.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "caucus/text.hpp"
#include "common/text_match.hpp"

namespace caucus::annotators {

// True if `office` is a delegation's (a State's envoy, minister or head of delegation, a group's or
// organisation's observer), not an office of another body.
bool delegation_office(std::string_view office) {
  return contains_any(office,
                      {"Representative", "Observer", "Ambassador", "Minister", "Delegation", "delegation", "Envoy of"});
}

// True if `office` is one of the Secretariat's ("Under-Secretary-General for Humanitarian
// Affairs", "Special Envoy of the Secretary-General for Yemen", "Special Adviser to the
// Secretary-General on Gender Issues", "United Nations High Commissioner for Refugees"): its
// holder speaks for the United Nations, whatever country the title names. Not "Deputy
// Secretary-General of the Ministry of Foreign Affairs of Thailand", "Special Representative of
// the President of Colombia" nor a State's Permanent Representative.
bool secretariat_office(std::string_view office) {
  const auto has = [&](std::string_view part) { return office.find(part) != std::string_view::npos; };
  // A State's envoy to the Organization is not its official: "Permanent Representative of
  // Tunisia to the United Nations Office at Geneva".
  if (has("Permanent Representative") || has("Permanent Observer")) return false;
  // ("UN High Representative for Disarmament Affairs": the Organization's name abbreviated;
  // "Director and Deputy to the High Representative for Disarmament Affairs": the office's.)
  if (has("of the Secretary-General") || has("to the Secretary-General") || has("United Nations") ||
      office.starts_with("UN ") || office.starts_with("U.N. ") || office.starts_with("High Commissioner for") ||
      office.starts_with("High Representative for") || has("to the High Representative for Disarmament") ||
      office.starts_with("Emergency Relief Coordinator") || has("Resident and Humanitarian Coordinator") ||
      has("Resident Coordinator") ||
      (office.starts_with("Spokes") && has("for the Secretary-General"))) {
    return true;
  }
  // (Older releases print "Under Secretary-General" without its hyphen, some copies
  // "Assistant-Secretary-General" with one more. The rank may follow another office: "Emergency
  // Relief Coordinator and Under-Secretary-General for Humanitarian Affairs". A rank "for" a
  // portfolio is the Organization's whatever "of" follows: "Under-Secretary-General for Economic
  // and Social Affairs and Coordinator of the Second International Decade ...".)
  for (std::string_view title : {"Under-Secretary-General", "Under Secretary-General", "Assistant Secretary-General",
                                 "Assistant-Secretary-General", "Secretary-General", "Deputy Secretary-General"}) {
    if (office.starts_with(title) || has(" and " + std::string(title)))
      return !has(" of ") || has("of the United Nations") ||
             (office.starts_with(title) && office.substr(title.size()).starts_with(" for "));
  }
  // An envoy's office with nothing after it, as a release names the Secretary-General's before
  // the name ("Special Envoy Hans Grundberg said"); a State's names the State. So is his Chef
  // de Cabinet's ("Maria Luiza Ribeiro Viotti, Chef de Cabinet, said"), and the High
  // Representative for Disarmament Affairs' ("High Representative Kim Won-Soo said").
  // Or an envoy or a Human Rights Council expert by the mandate: "Special Envoy for Syria",
  // "Special Adviser on Myanmar", "Special Rapporteur on the situation of human rights in
  // Myanmar", "Deputy Special Envoy for Syria", "Special Representative in Nepal". The State the
  // title names is the mandate's, not the speaker's. (A State's envoy is named by its State
  // first, "United States Special Envoy for Syria"; "of" names a principal, "Special Envoy of
  // the President of Colombia".)
  struct Post {
    std::string_view title;
    bool alone, with_mandate;
  };
  static constexpr Post kPosts[] = {{"Special Envoy", true, true},        {"Special Representative", true, true},
                                    {"Special Adviser", true, true},      {"Special Coordinator", true, true},
                                    {"Personal Envoy", true, true},       {"Chef de Cabinet", true, false},
                                    {"High Representative", true, false}, {"Special Rapporteur", false, true},
                                    {"Independent Expert", false, true}};
  const std::string_view without_deputy = office.starts_with("Deputy ") ? office.substr(7) : office;
  for (const Post& post : kPosts) {
    if (!without_deputy.starts_with(post.title)) continue;
    const std::string_view mandate = without_deputy.substr(post.title.size());
    // (Alone, with "Deputy" too; not before an organisation's name: "Special Representative,
    // INTERPOL" is INTERPOL's.)
    if (post.alone && mandate.empty()) return true;
    if (!post.with_mandate) continue;
    if (mandate.starts_with(" for ") || mandate.starts_with(" on ") || mandate.starts_with(" in ")) return true;
  }
  return false;
}

// True if a speaker printed without a country is the meeting's presiding officer: "The
// President", "The Acting President", "The Temporary President", "The Chair", "The Co-Chair",
// "The CHAIRMAN", "The Chairperson" (in any case), not "The Vice-Chair".
bool presides(std::string_view speaker) {
  if (!speaker.starts_with("The ")) return false;
  const std::string office = lower_ascii(speaker);
  return (office.find("chair") != std::string::npos || office.find("president") != std::string::npos) &&
         office.find("vice") == std::string::npos;
}

// The six Main Committees of the General Assembly: "the First Committee" ... "the Sixth".
constexpr std::string_view kOrdinals[] = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth"};

bool presides_over_assembly(std::string_view office) {
  // A Vice-President a release names by that office presides in the President's place ("Assembly
  // Vice-President NAME (Barbados) requested the representative of Poland to convey the world
  // body's condolences"), as "The Acting President" of a record does; a Main Committee's
  // Vice-Chair does not.
  if (contains_any(office, {"Assembly Vice-President", "Vice-President of the Assembly",
                            "Vice-President of the General Assembly"})) {
    return true;
  }
  if (office.find("Vice") != std::string_view::npos) return false;
  // ("President of the 76th Session of the General Assembly", "President of the seventy-sixth
  // session of the General Assembly".)
  if (office.starts_with("President of the ")) {
    const std::size_t session = office.find("ession of the General Assembly");
    if (session != std::string_view::npos && office.substr(0, session).find(',') == std::string_view::npos) return true;
  }
  if (contains_any(office, {"Assembly President", "President of the Assembly", "President of the General Assembly",
                            "President, United Nations General Assembly", "President, General Assembly",
                            "Assembly's President", "Assembly’s President", "Assembly's Acting President",
                            "Assembly’s Acting President"})) {
    return true;
  }
  // The Chair of one of its six Main Committees: "Fifth Committee Chair Michel Tommo Monthe",
  // "Chairperson of the Third Committee" (not another body's: "Chair of the Counter-Terrorism
  // Committee"). (Asked of every speaker line: no string is made.)
  for (std::size_t at = office.find(" Committee"); at != std::string_view::npos; at = office.find(" Committee", at + 1)) {
    const std::string_view before = office.substr(0, at), after = office.substr(at + 10);
    const bool main_committee = std::any_of(std::begin(kOrdinals), std::end(kOrdinals), [&](std::string_view ordinal) {
      return before.ends_with(ordinal) && (before.size() == ordinal.size() || before[before.size() - ordinal.size() - 1] == ' ');
    });
    if (!main_committee) continue;
    const std::size_t ordinal_at = before.rfind(' ');
    const std::string_view ahead = before.substr(0, ordinal_at == std::string_view::npos ? 0 : ordinal_at);
    if (after.starts_with(" Chair") || (ahead.ends_with(" of the") && ahead.find("Chair") != std::string_view::npos)) return true;
  }
  return false;
}

bool chairs_the_committee(std::string_view office) {
  if (office.find("Vice") != std::string_view::npos) return false;
  if (starts_with_any(office, {"Committee Chair", "the Committee Chair", "The Committee Chair"})) return true;
  for (std::string_view chair : {"Chair", "Chairman", "Chairperson", "Chairwoman"}) {
    for (std::string_view before :
         {"its ", "its incoming ", "its new ", "its outgoing ", "the Committee's ", "the Committee’s "}) {
      if (office.starts_with(before) && office.substr(before.size()) == chair) return true;
    }
    // "Chair of the Committee", "Chair of the Committee’s seventy-ninth session"; not "Chair of
    // the Committee on Information", another committee's name.
    const std::size_t at = office.find(" of the Committee");
    if (at == std::string_view::npos || office.substr(0, at) != chair) continue;
    const std::string_view rest = office.substr(at + 17);
    if (rest.empty() || starts_with_any(rest, {",", "'s", "’s"})) return true;
  }
  return false;
}

bool main_committee_release(std::string_view symbol) {
  return starts_with_any(symbol, {"GA/DIS/", "GA/SPD/", "GA/EF/", "GA/SHC/", "GA/AB/", "GA/L/"});
}

// A department or office of the Secretariat named without "United Nations" ("Director of the
// Codification Division, Office of Legal Affairs"). A State's ministry may have an office of
// the same name: the caller asks only of a title that names no State.
bool secretariat_department(std::string_view office) {
  return contains_any(office, {"Office of Legal Affairs",
                               "Department of Political and Peacebuilding Affairs",
                               "Department of Peace Operations",
                               "Department of Economic and Social Affairs",
                               "Department of Operational Support",
                               "Department of Global Communications",
                               "Office of Counter-Terrorism",
                               "Office for Disarmament Affairs",
                               "Office for the Coordination of Humanitarian Affairs",
                               "Office of Programme Planning, Budget and Accounts",
                               "Department of Management",
                               "Office of Human Resources",
                               "Office of Internal Oversight Services",
                               "Department for General Assembly and Conference Management",
                               "Department of Political Affairs",
                               "Department of Peacekeeping Operations",
                               "Department of Field Support",
                               "Department of Safety and Security",
                               "Office of Information and Communications Technology",
                               "Department of Public Information",
                               "Department for Disarmament Affairs",
                               "Department of Disarmament Affairs",
                               "Peacebuilding Support Office",
                               "Office for Outer Space Affairs",
                               "Office of the Special Adviser on Africa",
                               // (Its name holds three groups of States: the Office is the
                               // Secretariat's, not the groups'.)
                               "Office of the High Representative for the Least Developed Countries",
                               "Department of Humanitarian Affairs",
                               // The offices of two Special Representatives that the actor
                               // lexicon knows by their own ids: their holders are officials of
                               // the Secretariat, as every other Special Representative.
                               "Special Representative of the Secretary-General for Children and Armed Conflict",
                               "Special Representative for Children and Armed Conflict",
                               "Special Representative of the Secretary-General on Sexual Violence in Conflict",
                               "Special Representative on Sexual Violence in Conflict"});
}

bool secretariat_post(std::string_view post) {
  if (secretariat_office(post) || post.starts_with("Secretary of the ") || post == "Secretariat") return true;
  // (A post with its unit after a comma: a State's delegate is printed with the State.)
  return starts_with_any(post, {"Officer-in-Charge, ", "Chief, ", "Director, ", "Deputy Director, ", "Executive Secretary, "});
}

}  // namespace caucus::annotators
