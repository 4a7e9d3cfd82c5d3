// What kind of UN document a symbol names: "S/RES/2388 (2017)" a Security Council resolution,
// "SC/13088" a press release, ... Citations record it; the speeches annotator tells press
// releases by it.
#pragma once

#include <string_view>

namespace caucus::annotators {

inline std::string_view document_kind(std::string_view symbol) {
  if (symbol.starts_with("S/RES/")) return "sc_resolution";
  if (symbol.starts_with("A/RES/")) return "ga_resolution";
  if (symbol.starts_with("S/PRST/")) return "presidential_statement";
  if (symbol.starts_with("S/PV.") || (symbol.starts_with("A/") && symbol.find("/PV.") != std::string_view::npos)) {
    return "meeting_record";
  }
  // Press releases of the Security Council, the General Assembly and the Secretary-General.
  if (symbol.starts_with("SC/") || symbol.starts_with("GA/") || symbol.starts_with("SG/")) return "press_release";
  return "document";
}

}  // namespace caucus::annotators
