// The citations annotator: normalises the citations the rules found (rules/citations.toml).
//
// It writes each citation's UN symbol as the UN writes it (S/RES/2388(2017), A/RES/72/1,
// S/PV.6201 (Resumption 1)), its kind from the symbol (sc_resolution, ga_resolution,
// meeting_record, presidential_statement, press_release, document), the year of a Security
// Council resolution cited without one (from the table of first numbers per year), the
// session of an early Assembly resolution cited by its number alone (from a table of those
// still cited), and a link to the document (https://undocs.org/<symbol>). A record whose
// symbol is printed in its running heads only names itself once, at the first of them.
#pragma once

#include <map>
#include <string>

#include "caucus/annotator.hpp"

namespace caucus::annotators {

class CitationsAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "citations"; }
  std::vector<std::string> required_types() const override { return {"citation", "page_furniture"}; }
  // (A record's symbol printed in its running heads only becomes a citation.)
  std::vector<std::string> produced_types() const override { return {"citation"}; }
  bool configure(const Config& config, Diagnostics& diagnostics) override;
  void annotate(Document& document) const override;

  // The year of Security Council resolution `number`, or 0 if the table does not cover it.
  int year_of(int number) const;

 private:
  // True if a "resolution N (YYYY)" the rules read as the Council's is the General Assembly's
  // of that year (the Council's N is of another year); sets its session.
  bool assembly_resolution_of_its_year(Attributes& attrs) const;

  // True if resolution `number` is too high to be the Council's (see kBeyondTheTable).
  bool beyond_council_resolutions(const std::string& number) const;

  std::map<int, int> first_number_to_year_;  // first resolution number of a year -> year
  // The session of an early Assembly resolution cited by its number alone (1514 -> "XV").
  std::map<int, std::string> assembly_session_;
  // How far past the table's last first number a resolution number may go and still be the
  // Council's, of a year the table does not list yet (a few years' worth).
  static constexpr int kBeyondTheTable = 200;
  std::string link_prefix_ = "https://undocs.org/";
  // `ranges = "every"`: a range cites the documents between its ends too, each spanning it.
  bool every_in_range_ = false;
};

}  // namespace caucus::annotators
