// Who an office speaks for, read from a speaker's title as the rules captured it.
#pragma once

#include <string_view>

#include "caucus/annotation.hpp"

namespace caucus::annotators {

// The Secretary-General and the Secretariat's officials speak for the United Nations.
inline const ActorRef kUnitedNations{"UN", "United Nations"};

// The General Assembly, for whom its President and its committees' Chairs speak.
inline const ActorRef kGeneralAssembly{"UNGA", "General Assembly"};

// True if `office` is one of the Secretariat's ("Under-Secretary-General for Humanitarian
// Affairs", "Special Envoy of the Secretary-General for Yemen"): its holder speaks for the
// United Nations.
bool secretariat_office(std::string_view office);

// True if a speaker printed without a country presides over the meeting ("The President",
// "The Acting President", "The Chair", not "The Vice-Chair").
bool presides(std::string_view speaker);

// True if `office` is the General Assembly's presidency, named short as a release does ("the
// Assembly President", "President of the Assembly"; the full name is an actor of its own), or
// the chair of one of its six Main Committees ("Fifth Committee Chair"): they speak for the
// Assembly.
bool presides_over_assembly(std::string_view office);

// True if `office`, in a release of one of the Main Committees, names that Committee's chair
// without its ordinal: "Committee Chair Dian Triansyah Djani", "its incoming Chairman", "Chair of
// the Committee’s seventy-ninth session" (not a Vice-Chair, nor the chair of another body: "Chair
// of the Ad Hoc Committee on Terrorism", "Chair of the Working Group").
bool chairs_the_committee(std::string_view office);

// True if `symbol` is a release of one of the General Assembly's Main Committees: GA/DIS,
// GA/SPD, GA/EF, GA/SHC, GA/AB, GA/L.
bool main_committee_release(std::string_view symbol);

// True if `office` names a department or office of the Secretariat without saying "United
// Nations" ("Director of the Codification Division, Office of Legal Affairs").
bool secretariat_department(std::string_view office);

// True if `post` (what a summary record prints in brackets after a name instead of a State)
// is the Secretariat's: one of its offices, "Secretary of the Committee", "Secretariat", or a
// staff post with its unit, "Officer-in-Charge, Regional Commissions New York Office",
// "Chief, ...", "Director, ...".
bool secretariat_post(std::string_view post);

// True if `office` is a delegation's, as a release may name its holder after calling him "the
// representative of X": "Permanent Representative of Brazil", "Ambassador", "Minister for Foreign
// Affairs", "Head of Delegation", "Permanent Observer of the African Union" (not "President of
// the International Olympic Committee").
bool delegation_office(std::string_view office);

}  // namespace caucus::annotators
