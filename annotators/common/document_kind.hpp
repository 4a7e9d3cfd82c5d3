// What kind of UN document a symbol names: "S/RES/2388 (2017)" a Security Council resolution,
// "SC/13088" a press release, ... Citations record it; the speeches annotator tells press
// releases by it.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <utility>

#include "caucus/text.hpp"

namespace caucus::annotators {

// True for "4278": digits, at least one.
inline bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// True for what may follow a press-release series: "4278", "SHC/4278", "SM/19000".
inline bool release_number(std::string_view rest) {
  std::size_t letters = 0;
  while (letters < rest.size() && rest[letters] >= 'A' && rest[letters] <= 'Z') ++letters;
  if (letters > 0) {
    if (letters > 5 || letters >= rest.size() || rest[letters] != '/') return false;
    rest.remove_prefix(letters + 1);
  }
  return all_digits(rest);
}

// A symbol as printed with its scan's white space taken out ("S/ PV.8548", "A/C.3/⏎L.182",
// "57/270 B"), a part as a title in capitals prints it written as the UN writes it
// ("A/65/L.62/REV.1"), a revision's, addendum's or corrigendum's slash and full stop put back ("A/S-23/10/Rev 1",
// "A/C.3/78/L.40 Rev 1"), and
// its OCR's letter l for the digit 1 in a part's or a meeting's number ("A/2210/Corr.l",
// "L.85/Rev.l", "A/43/PV.l"); a
// suffix in brackets keeps its own: "S/PV.6201 (Resumption 1)".
inline std::string compact_symbol(std::string_view printed) {
  const auto suffix = printed.find(" (");
  std::string out;
  for (char c : printed.substr(0, suffix)) {
    if (!is_ascii_space(c)) out += c;
  }
  // "A/65/L.62/REV.1" is A/65/L.62/Rev.1.
  for (const auto& [capitals, written] :
       {std::pair<std::string_view, std::string_view>{"/REV.", "/Rev."}, {"/ADD.", "/Add."}, {"/CORR.", "/Corr."}}) {
    for (auto at = out.find(capitals); at != std::string::npos; at = out.find(capitals, at)) {
      out.replace(at, capitals.size(), written);
    }
  }
  // A part after a blank, not a slash: "A/C.3/78/L.40 Rev 1" is A/C.3/78/L.40/Rev.1.
  for (const std::string_view part : {"Rev", "Add", "Corr"}) {
    const auto at = out.find(part);
    if (at != std::string::npos && at > 0 && out[at - 1] >= '0' && out[at - 1] <= '9') out.insert(at, 1, '/');
  }
  // A part's number after a blank without its full stop: "A/S-23/10/Rev 1" is A/S-23/10/Rev.1.
  for (const std::string_view part : {"/Add", "/Rev", "/Corr"}) {
    const auto at = out.find(part);
    const std::size_t end = at + part.size();
    if (at != std::string::npos && end < out.size() && out[end] >= '0' && out[end] <= '9') out.insert(end, 1, '.');
  }
  for (const std::string_view part : {"Add.l", "Corr.l", "Rev.l", "Amend.l", "PV.l"}) {
    for (auto at = out.find(part); at != std::string::npos; at = out.find(part, at + 1)) {
      const std::size_t end = at + part.size();
      if (end == out.size() || out[end] == '/') out[end - 1] = '1';
    }
  }
  // A Cyrillic capital that looks like the series' Latin one, as some PDFs' text prints it:
  // "А/74/35" (U+0410) is A/74/35, "Е/2019/1" (U+0415) E/2019/1.
  for (const auto& [cyrillic, latin] : {std::pair{"\u0410", 'A'}, std::pair{"\u0415", 'E'}}) {
    for (auto at = out.find(cyrillic); at != std::string::npos; at = out.find(cyrillic, at)) out.replace(at, 2, 1, latin);
  }
  if (suffix != std::string_view::npos) out += printed.substr(suffix);
  return out;
}

inline std::string_view document_kind(std::string_view symbol) {
  if (symbol.starts_with("S/RES/")) return "sc_resolution";
  if (symbol.starts_with("A/RES/")) return "ga_resolution";
  // The Council's presidential statements, and the Human Rights Council's President's
  // statements (A/HRC/PRST/8/1).
  if (symbol.find("/PRST/") != std::string_view::npos) return "presidential_statement";
  // Verbatim records (S/PV.8111, A/73/PV.10, A/C.1/74/PV.5) and summary records
  // (A/C.6/74/SR.23, E/C.12/2019/SR.5).
  if (symbol.find("/PV.") != std::string_view::npos || symbol.find("/SR.") != std::string_view::npos) {
    return "meeting_record";
  }
  // The unedited transcripts of the Committee on the Peaceful Uses of Outer Space and its
  // subcommittees: COPUOS/T.598, COPUOS/Legal/T.700.
  if (symbol.starts_with("COPUOS/") && symbol.find("/T.") != std::string_view::npos) return "meeting_record";
  // Press releases: of the Security Council, the General Assembly and its committees, the
  // Secretary-General, ECOSOC, the Human Rights Council, observances, Africa (AFR), the Peacebuilding
  // Commission, UNCTAD (TAD), the Habitat conferences (HAB), peacekeeping (PKO), Headquarters (HQ)
  // and AIDS, the last two printed as a second symbol ("SG/SM/8963-HQ/627") (rules/speeches.toml's
  // PRESS_SERIES finds them at the top of a release).
  // A release's symbol is the series, perhaps a sub-series, and a number (GA/SHC/4278,
  // SG/SM/19000): "HR/PUB/11/04" is a publication, "PBC/13/OC/1" a document.
  // The Information Services at Vienna and Geneva put "UNIS/" before the series, (UNIS/GA/1624)
  // or a series of their own: UNIS/OUS/264 (outer space), UNIS/CP/700, UNIS/NAR/1200.
  if (symbol.starts_with("UNIS/")) {
    symbol.remove_prefix(5);
    if (release_number(symbol)) return "press_release";
  }
  for (std::string_view series :
       {"SC/",  "GA/",  "SG/",  "DSG/", "ECOSOC/", "HR/",  "OBV/",     "AFR/", "PBC/", "DC/", "SEA/", "WOM/",
        "SOC/", "NGO/", "DEV/", "POP/", "IHA/",    "PAL/", "ENV/DEV/", "ORG/", "PI/",  "L/",  "TAD/", "HQ/",
        "AIDS/", "HAB/", "PKO/"}) {
    if (symbol.starts_with(series) && release_number(symbol.substr(series.size()))) return "press_release";
  }
  // UNCTAD's releases from its own press office: UNCTAD/PRESS/PR/2019/012, .../Accra/2008/003.
  if (symbol.starts_with("UNCTAD/PRESS/PR/")) return "press_release";
  return "document";
}

// The body whose meeting a symbol records or covers: "General Assembly" for the records and
// releases of the Assembly and its committees (A/73/PV.56, A/ES-10/PV.37, A/C.3/74/SR.12, before 1976 A/PV.2282;
// GA/12345, GA/SHC/4278), "Security Council" for S/PV.8111 and SC/15000; else "" (not
// A/HRC/40/SR.5, a Human Rights Council record).
inline std::string_view body_of_symbol(std::string_view symbol) {
  const std::string_view kind = document_kind(symbol);
  if (kind == "meeting_record") {
    const bool assembly = symbol.starts_with("A/") && symbol.size() > 2 &&
                          (std::isdigit(static_cast<unsigned char>(symbol[2])) || symbol.starts_with("A/ES-") ||
                           symbol.starts_with("A/C.") || symbol.starts_with("A/PV."));
    if (assembly) return "General Assembly";
    if (symbol.starts_with("S/PV.")) return "Security Council";
  } else if (kind == "press_release") {
    if (symbol.starts_with("UNIS/")) symbol.remove_prefix(5);
    if (symbol.starts_with("GA/")) return "General Assembly";
    if (symbol.starts_with("SC/")) return "Security Council";
  }
  return "";
}

}  // namespace caucus::annotators
