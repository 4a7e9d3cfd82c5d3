// How a printed symbol is written whole, and what kind of document a symbol names.
#include "common/document_kind.hpp"

#include <gtest/gtest.h>

namespace caucus::annotators {
namespace {

TEST(CompactSymbol, TakesOutTheScansWhiteSpaceAndPutsBackAPartsFullStop) {
  EXPECT_EQ(compact_symbol("S/ PV.8548"), "S/PV.8548");
  EXPECT_EQ(compact_symbol("A/C.3/\nL.182"), "A/C.3/L.182");
  // A revision or an addendum printed with a blank for its full stop.
  EXPECT_EQ(compact_symbol("A/S-23/10/Rev 1"), "A/S-23/10/Rev.1");
  EXPECT_EQ(compact_symbol("A/64/13/Add 2"), "A/64/13/Add.2");
  EXPECT_EQ(compact_symbol("A/64/13/Add.1"), "A/64/13/Add.1");
  // (A part after a blank, with or without its full stop, not a slash.)
  EXPECT_EQ(compact_symbol("A/C.3/78/L.40 Rev 1"), "A/C.3/78/L.40/Rev.1");
  EXPECT_EQ(compact_symbol("A/C.3/78/L.40 Rev.1"), "A/C.3/78/L.40/Rev.1");
  EXPECT_EQ(compact_symbol("A/C.3/78/L.40 Corr 1"), "A/C.3/78/L.40/Corr.1");
  EXPECT_EQ(compact_symbol("S/2019/1/Corr 2"), "S/2019/1/Corr.2");
  EXPECT_EQ(compact_symbol("E/CN.4/2005/L.10/Add.17"), "E/CN.4/2005/L.10/Add.17");
  // A part as a title in capitals prints it.
  EXPECT_EQ(compact_symbol("A/65/L.62/REV.1"), "A/65/L.62/Rev.1");
  EXPECT_EQ(compact_symbol("A/64/13/ADD.2/CORR.1"), "A/64/13/Add.2/Corr.1");
  // OCR's letter l for the digit 1.
  EXPECT_EQ(compact_symbol("A/2210/Corr.l"), "A/2210/Corr.1");
  EXPECT_EQ(compact_symbol("A/43/PV.l"), "A/43/PV.1");
  // A suffix in brackets keeps its blank.
  EXPECT_EQ(compact_symbol("S/PV.6201 (Resumption 1)"), "S/PV.6201 (Resumption 1)");
}

TEST(DocumentKind, NamedBySymbol) {
  // A release's second symbol, in the Headquarters and AIDS series.
  EXPECT_EQ(document_kind("HQ/627"), "press_release");
  EXPECT_EQ(document_kind("AIDS/63"), "press_release");
  EXPECT_EQ(document_kind("S/RES/2388(2017)"), "sc_resolution");
  EXPECT_EQ(document_kind("A/73/PV.10"), "meeting_record");
  EXPECT_EQ(document_kind("COPUOS/Legal/T.700"), "meeting_record");  // an unedited transcript
  EXPECT_EQ(document_kind("COPUOS/2009/1"), "document");
  EXPECT_EQ(document_kind("SC/13088"), "press_release");
  EXPECT_EQ(document_kind("GA/SHC/4278"), "press_release");
  EXPECT_EQ(document_kind("AFR/3513"), "press_release");  // the second series of "SC/12646-AFR/3513"
  EXPECT_EQ(document_kind("HR/PUB/11/04"), "document");
  EXPECT_EQ(document_kind("TAD/1910"), "press_release");  // UNCTAD's, in the UN's series
  EXPECT_EQ(document_kind("UNCTAD/PRESS/PR/Accra/2008/003"), "press_release");
  EXPECT_EQ(document_kind("UNCTAD/LDC/2019"), "document");
}

TEST(DocumentKind, BodyNamedBySymbol) {
  EXPECT_EQ(body_of_symbol("A/73/PV.56"), "General Assembly");
  EXPECT_EQ(body_of_symbol("A/ES-10/PV.37"), "General Assembly");
  EXPECT_EQ(body_of_symbol("A/C.3/74/SR.12"), "General Assembly");
  EXPECT_EQ(body_of_symbol("A/PV.2282"), "General Assembly");
  EXPECT_EQ(body_of_symbol("S/PV.8111"), "Security Council");
  EXPECT_EQ(body_of_symbol("GA/9374"), "General Assembly");
  EXPECT_EQ(body_of_symbol("GA/SHC/4278"), "General Assembly");
  EXPECT_EQ(body_of_symbol("UNIS/GA/1624"), "General Assembly");
  EXPECT_EQ(body_of_symbol("SC/15669"), "Security Council");
  EXPECT_EQ(body_of_symbol("A/HRC/40/SR.5"), "");  // the Human Rights Council's
  EXPECT_EQ(body_of_symbol("SG/SM/19000"), "");
  EXPECT_EQ(body_of_symbol("A/72/1"), "");  // a report, no meeting
}

}  // namespace
}  // namespace caucus::annotators
