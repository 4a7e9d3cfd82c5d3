#include "citations/citations.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <string_view>

#include <toml++/toml.h>

#include "caucus/network.hpp"
#include "caucus/reader.hpp"
#include "caucus/rules.hpp"
#include "caucus/segmentation.hpp"
#include "common/document_kind.hpp"

namespace caucus::annotators {

namespace {

// Reads the TOML table the step's option `key` names (its section `section`, with `read` for
// each entry); false after reporting an error. An optional table may be left out of the step.
bool read_table(const Config& config, Diagnostics& diagnostics, const std::string& key, const std::string& section,
                bool required, const std::function<void(std::string_view, const toml::node&)>& read) {
  const auto table = config.path(key, diagnostics);
  if (!table) {
    if (config.has(key)) return false;  // reported by path()
    if (required) diagnostics.error("P012", "the citations step needs '" + key + "'", config.location());
    return !required;
  }
  const auto text = read_text_file(table->string());
  if (!text) {
    diagnostics.error("R030", "cannot read '" + table->string() + "'", config.location(key));
    return false;
  }
  try {
    const toml::table parsed = toml::parse(*text, table->string());
    const toml::table* entries = parsed[section].as_table();
    if (!entries) throw std::runtime_error("no [" + section + "] table");
    for (const auto& [name, value] : *entries) read(name.str(), value);
  } catch (const std::exception& error) {
    diagnostics.error("R001", "bad table '" + key + "': " + std::string(error.what()), config.location(key));
    return false;
  }
  return true;
}

}  // namespace

bool CitationsAnnotator::configure(const Config& config, Diagnostics& diagnostics) {
  link_prefix_ = config.string("link_prefix", diagnostics).value_or(link_prefix_);
  // What a range cites ("A/49/L.53 to L.56"): its two written ends, or every document of it.
  const std::string ranges = config.string("ranges", diagnostics).value_or("ends");
  if (ranges != "ends" && ranges != "every") {
    diagnostics.error("P008", "'ranges' must be \"ends\" or \"every\", not \"" + ranges + "\"",
                      config.location("ranges"));
    return false;
  }
  every_in_range_ = ranges == "every";
  // The table of first Security Council resolution numbers per year.
  const bool years = read_table(config, diagnostics, "sc_resolution_years", "first_resolution", true,
                                [&](std::string_view year, const toml::node& first) {
                                  first_number_to_year_[static_cast<int>(first.value<int64_t>().value_or(0))] =
                                      std::stoi(std::string(year));
                                });
  // The sessions of early Assembly resolutions still cited by number alone (optional).
  const bool sessions = read_table(config, diagnostics, "ga_resolution_sessions", "session", false,
                                   [&](std::string_view number, const toml::node& session) {
                                     const auto label = session.value<std::string>();
                                     if (!label) throw std::runtime_error("the session of " + std::string(number) + " is no string");
                                     assembly_session_[std::stoi(std::string(number))] = *label;
                                   });
  return years && sessions;
}

int CitationsAnnotator::year_of(int number) const {
  auto it = first_number_to_year_.upper_bound(number);
  if (it == first_number_to_year_.begin()) return 0;
  return std::prev(it)->second;
}

bool CitationsAnnotator::beyond_council_resolutions(const std::string& number) const {
  return !number.empty() && all_digits(number) && !first_number_to_year_.empty() &&
         std::stoi(number) > first_number_to_year_.rbegin()->first + kBeyondTheTable;
}

namespace {

// I to XXX: the General Assembly's first thirty sessions.
std::string roman_numeral(int n) {
  static constexpr std::pair<int, const char*> kDigits[] = {{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    for (; n >= value; n -= value) out += digits;
  }
  return out;
}

// True for a session of the Assembly's first thirty years, written after the resolution's
// number: "XV", and the special and emergency special sessions of those years, "S-VI", "ES-IV".
bool roman_session(std::string_view session) {
  const std::string_view numeral = session.substr(session.starts_with("ES-") ? 3 : session.starts_with("S-") ? 2 : 0);
  return !numeral.empty() && numeral.find_first_not_of("IVXL") == std::string_view::npos;
}

}  // namespace

// "resolution 194 (1948)": the Council's resolution 194 is of 1964, so this is the General
// Assembly's, whose first thirty sessions numbered theirs with the session in Roman numerals
// (the session of a year is its count since 1945): A/RES/194(III). Sets the session if so.
bool CitationsAnnotator::assembly_resolution_of_its_year(Attributes& attrs) const {
  const std::string number = attrs.text("number"), year = attrs.text("year");
  if (number.empty() || year.empty() || attrs.has("confirm")) return false;
  const int printed = std::stoi(year), council = year_of(std::stoi(number));
  if (council == 0 || council == printed || printed < 1946 || printed > 1975) return false;
  attrs.set("session", roman_numeral(printed - 1945));
  return true;
}

namespace {

// True for a draft's short number ("L.54", "L.12/Rev.1"), which stands for a draft of the
// series of the last draft symbol ("A/49/L.53"), not for a part of the last symbol.
bool draft_number(const std::string& part) { return part.starts_with("L."); }

// The symbol a short list item stands for, given the last whole symbol of the list: "Add.1"
// after A/64/13 is A/64/13/Add.1; "174" after A/64/115 is A/64/174; "L.54" after A/49/L.53 is
// A/49/L.54. Empty if the item does not continue the symbol: a number must replace the
// symbol's last number and be larger (lists of symbols ascend), so "S/2017/939, 12 and 13
// States" cites S/2017/939 only; a draft number needs a draft symbol.
std::string expand_list_item(const std::string& base, const std::string& part) {
  if (base.empty()) return {};
  if (draft_number(part)) {
    const std::size_t series = base.rfind("/L.");
    return series == std::string::npos ? std::string() : base.substr(0, series + 1) + part;
  }
  if (!all_digits(part)) return base + "/" + part;
  const std::size_t digits_from = base.find_last_not_of("0123456789") + 1;
  const std::string last = base.substr(digits_from);
  if (last.empty() || part.size() < last.size() || (part.size() == last.size() && part <= last)) return {};
  return base.substr(0, digits_from) + part;
}

// The Assembly resolutions a document cites with their session ("resolution 2625 (XXV)"), or
// as the Assembly's by number alone ("General Assembly resolution 1514", its session from
// `session_of`), by number: where it cites the same number bare ("resolution 2625"), it means
// the same one.
std::map<std::string, std::string> assembly_resolutions_cited(const AnnotationStore& store,
                                                               const std::map<int, std::string>& session_of) {
  std::map<std::string, std::string> sessions;
  for (AnnotationId id : store.of_type("citation")) {
    const Attributes& attrs = store[id].attrs;
    if (attrs.text("kind") != "ga_resolution") continue;
    const std::string number = attrs.text("number");
    std::string session = attrs.text("session");
    if (session.empty() && attrs.has("session_from_table") && !number.empty() && all_digits(number)) {
      if (const auto found = session_of.find(std::stoi(number)); found != session_of.end()) session = found->second;
    }
    if (!number.empty() && roman_session(session)) {
      sessions.emplace(number, session);
    }
  }
  return sessions;
}

// True if `span` is all of its line but white space: a heading or a running head.
bool whole_line(std::string_view text, Span span) {
  // (A form feed opens each page of pdftotext's output, where a running head stands.)
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; };
  for (std::size_t i = span.begin; i > 0 && text[i - 1] != '\n'; --i) {
    if (!blank(text[i - 1])) return false;
  }
  for (std::size_t i = span.end; i < text.size() && text[i] != '\n' && text[i] != '\r'; ++i) {
    if (!blank(text[i])) return false;
  }
  return true;
}

// The meeting records' symbols that repeat, on a line of their own, one an earlier line of
// its own gave: an older record's running heads ("S/PV.2932" alone on each page, which the
// segmenter's page furniture does not know) name the record once. (A press release that
// prints its symbol twice at the top keeps both: hand-made golds disagree on it.)
std::vector<AnnotationId> repeated_running_heads(const Document& document) {
  const AnnotationStore& store = document.annotations();
  std::set<std::string> seen;
  std::vector<AnnotationId> repeats;
  for (AnnotationId id : store.of_type("citation")) {
    const Annotation& citation = store[id];
    if (citation.attrs.text("kind") != "meeting_record" || !whole_line(document.text(), citation.span)) continue;
    if (!seen.insert(citation.attrs.text("symbol")).second) repeats.push_back(id);
  }
  return repeats;
}

// A record whose symbol is printed in its running heads only (a PDF's text that lost the
// cover's "S/PV.") still names itself once, as a record that prints it on its cover does: one
// citation, at the first running head. (The rules never read page furniture.)
void cite_running_head_symbol(Document& document, std::string_view link_prefix) {
  AnnotationStore& store = document.annotations();
  for (AnnotationId id : store.of_type("page_furniture")) {
    const Span line = store[id].span;
    const std::string_view text = document.slice(line);
    const std::string_view symbol = running_head_symbol(text);
    if (symbol.empty()) continue;
    // (Cited already, perhaps as a resumption: "S/PV.8262 (Resumption 1)".)
    const auto same = [&](AnnotationId cited) {
      const std::string s = store[cited].attrs.text("symbol");
      return s == symbol || (s.starts_with(symbol) && s.substr(symbol.size()).starts_with(" ("));
    };
    const auto& citations = store.of_type("citation");
    if (std::any_of(citations.begin(), citations.end(), same)) return;
    const auto begin = static_cast<uint32_t>(line.begin + (symbol.data() - text.data()));
    // (The annotator is left for the pipeline to set: the step's id.)
    Annotation citation{Name("citation"), Span{begin, begin + static_cast<uint32_t>(symbol.size())}, Name(), Name(), {}};
    citation.attrs.set("kind", std::string("meeting_record"));
    citation.attrs.set("raw", std::string(symbol));
    citation.attrs.set("symbol", std::string(symbol));
    citation.attrs.set("link", std::string(link_prefix) + std::string(symbol));
    store.add(std::move(citation));
    return;  // the record's own symbol, once
  }
}

// A list item's part as a symbol writes it: "addendum 1" and "addenda 1" are Add.1,
// "corrigendum 2" Corr.2; other parts are already written so.
std::string symbol_part(std::string part) {
  for (const auto& [word, abbreviation] : {std::pair{"addend", "Add."}, std::pair{"corrigend", "Corr."}}) {
    const std::size_t space = part.find(' ');
    if (part.starts_with(word) && space != std::string::npos) return abbreviation + part.substr(space + 1);
  }
  return part;
}

// The edition of the Council's note on its working methods that "Note 507" names at `date` (the
// record's date, e.g. "21 November 2017"): S/2006/507, then S/2010/507 (issued 26 July 2010),
// then S/2017/507 (30 August 2017), then S/2024/507 (13 December 2024), each counted from the
// month after; S/2017/507, in force the longest, when the record gives no date.
std::string note_507_of(const std::string& date) {
  const std::string iso = iso_date(date);  // "2017-11-21"; ISO strings compare as dates
  if (iso.empty()) return "S/2017/507";
  if (iso >= "2025-01") return "S/2024/507";
  if (iso >= "2017-09") return "S/2017/507";
  return iso >= "2010-08" ? "S/2010/507" : "S/2006/507";
}

// True if `symbol` ends in an addendum, corrigendum or revision ("CCPR/C/99/2/Add.1"), which a
// bare number after it continues: "Add.1 to 7", "Add.1 and 2".
bool ends_in_part(const std::string& symbol) {
  const std::size_t slash = symbol.rfind('/');
  if (slash == std::string::npos) return false;
  const std::string_view tail = std::string_view(symbol).substr(slash + 1);
  return tail.starts_with("Add.") || tail.starts_with("Corr.") || tail.starts_with("Rev.");
}

// The symbols strictly between the two ends of a range, "A/C.4/48/L.21" to "A/C.4/48/L.23"
// (A/C.4/48/L.22): the ends must differ in their last number only, and a range of more than
// kMaxInRange between them is taken for a misreading and gives none.
std::vector<std::string> symbols_between(const std::string& first, const std::string& last) {
  constexpr long kMaxInRange = 50;
  const std::size_t first_digits = first.find_last_not_of("0123456789") + 1;
  const std::size_t last_digits = last.find_last_not_of("0123456789") + 1;
  if (first_digits == first.size() || last_digits == last.size() ||
      first.compare(0, first_digits, last, 0, last_digits) != 0 || first.size() - first_digits > 6 ||
      last.size() - last_digits > 6)
    return {};
  const long from = std::stol(first.substr(first_digits)), to = std::stol(last.substr(last_digits));
  if (to - from - 1 > kMaxInRange) return {};
  std::vector<std::string> between;
  for (long n = from + 1; n < to; ++n) between.push_back(first.substr(0, first_digits) + std::to_string(n));
  return between;
}

}  // namespace

void CitationsAnnotator::annotate(Document& document) const {
  AnnotationStore& store = document.annotations();
  const std::map<std::string, std::string> assembly_cited = assembly_resolutions_cited(store, assembly_session_);
  std::string list_base;   // the last whole document symbol, which short list items continue
  std::string draft_base;  // the last draft symbol ("A/49/L.53"), which "L.54" continues
  std::string last_item;   // the last document symbol of the list, written whole
  uint32_t last_item_begin = 0;
  std::vector<AnnotationId> not_citations;
  std::vector<Annotation> in_ranges;  // the documents a range cites between its two ends
  for (AnnotationId id : store.of_type("citation")) {
    Attributes& attrs = store.mutable_at(id).attrs;
    if (attrs.erase("note_507")) {
      const auto date = document.meta().find("date");
      attrs.set("symbol", note_507_of(date == document.meta().end() ? std::string() : date->second));
    }
    if (attrs.has("part")) {
      const std::string part = symbol_part(attrs.text("part"));
      const bool next_part = part.size() <= 2 && all_digits(part) && ends_in_part(last_item);
      const std::string symbol =
          expand_list_item(draft_number(part) ? draft_base : next_part ? last_item : list_base, part);
      attrs.erase("part");
      const bool range_end = attrs.erase("range");
      if (symbol.empty()) {
        not_citations.push_back(id);
        continue;
      }
      attrs.set("symbol", symbol);
      const Span span = store[id].span;
      if (range_end && every_in_range_) {
        // "L.21-L.23" cites L.22 too: a citation of it spans the range.
        const Span range{last_item_begin, span.end};
        for (const std::string& between : symbols_between(last_item, symbol)) {
          Annotation cited{store[id].type, range, store[id].rule, Name(), {}};  // the step: set by the pipeline
          cited.attrs.set("kind", std::string(document_kind(between)));
          cited.attrs.set("symbol", between);
          cited.attrs.set("link", link_prefix_ + between);
          cited.attrs.set("range", std::string(document.slice(range)));
          in_ranges.push_back(std::move(cited));
        }
      }
      last_item = symbol;
      last_item_begin = span.begin;
    } else if (attrs.text("kind") == "document") {
      list_base = attrs.text("symbol");
      last_item = list_base;
      last_item_begin = store[id].span.begin;
      if (list_base.find("/L.") != std::string::npos) draft_base = list_base;
    }
    std::string kind = attrs.text("kind");
    std::string symbol;
    // A resolution's lettered part may be printed apart: "resolution 57/270 B" is 57/270B.
    const std::string printed_number = attrs.text("number");
    const std::string number = compact_symbol(printed_number);
    if (number != printed_number) attrs.set("number", number);
    std::string year = attrs.text("year");
    if (kind == "document") {
      symbol = compact_symbol(attrs.text("symbol"));  // "A/ 73/13", its first slash spaced in a scan
      while (!symbol.empty() && symbol.back() == '.') symbol.pop_back();
      // "S/Res/1645", as a statement may print it, is S/RES/1645.
      if (const auto at = symbol.find("/Res/"); at != std::string::npos) symbol.replace(at, 5, "/RES/");
      // A mirror's file name for a record, "S-PV-5913", is S/PV.5913; a resumed meeting's,
      // "S-PV-3499-Resu.1", S/PV.3499 (Resumption 1).
      if (symbol.starts_with("S-PV-")) {
        if (const auto resumed = symbol.find("-Resu."); resumed != std::string::npos) {
          attrs.set("resumption", "Resumption " + symbol.substr(resumed + 6));
          symbol.erase(resumed);
        }
        symbol = "S/PV." + symbol.substr(5);
      }
      // A Council presidential statement printed without its series: "PRST/2008/5", and
      // "PRST 2006/39", which compact_symbol() made "PRST2006/39".
      if (symbol.starts_with("PRST")) symbol = "S/PRST/" + symbol.substr(symbol[4] == '/' ? 5 : 4);
      // A joint symbol printed with an en dash ("A/77/895–S/2023/363") is written with a hyphen.
      for (std::size_t at; (at = symbol.find("\u2013")) != std::string::npos;) symbol.replace(at, 3, "-");
      kind = std::string(document_kind(symbol));
      if (kind == "sc_resolution") {
        // "S/RES/2331 (2016)" and "S/RES/2331(2016)" are one symbol.
        const std::string digits = symbol.substr(6, symbol.find('(') == std::string::npos ? std::string::npos : symbol.find('(') - 6);
        attrs.set("number", digits);
        symbol = "S/RES/" + digits;
      }
      // A meeting's resumption, or a document's part ("A/AC.251/L.3/Part II"), as the symbol's
      // suffix: "S/PV.6201 (Resumption 1)", "A/AC.251/L.3 (Part II)".
      const std::string part = attrs.text("resumption");
      if (!part.empty() && (kind == "meeting_record" || part.starts_with("Part "))) symbol += " (" + part + ")";
    }
    if (kind == "sc_resolution" && symbol.empty() && assembly_resolution_of_its_year(attrs)) kind = "ga_resolution";
    if (kind == "sc_resolution" && symbol.empty() && year.empty()) {
      if (const auto cited = assembly_cited.find(attrs.text("number")); cited != assembly_cited.end()) {
        kind = "ga_resolution";
        attrs.set("session", cited->second);
        attrs.set("session_from", std::string("document"));
      }
    }
    // Far past the last year of the table, a number is no Council resolution (the Council has
    // never adopted as many as a hundred resolutions in a year): an early Assembly resolution
    // if the table of sessions has it ("the Resolution 3314 of this very body", the Assembly's
    // definition of aggression, is 3314 (XXIX)), else nothing.
    if (kind == "sc_resolution" && year.empty() && beyond_council_resolutions(attrs.text("number"))) {
      const auto session = assembly_session_.find(std::stoi(attrs.text("number")));
      if (session == assembly_session_.end()) {
        not_citations.push_back(id);
        continue;
      }
      kind = "ga_resolution";
      attrs.set("session", session->second);
      attrs.set("session_from", std::string("table"));
    }
    if (kind == "sc_resolution") {
      const std::string n = attrs.text("number");
      // A number and a year without the word "resolution": a resolution only if they agree.
      if (attrs.erase("confirm") && (n.empty() || year.empty() || std::to_string(year_of(std::stoi(n))) != year)) {
        not_citations.push_back(id);
        continue;
      }
      // A year printed with two digits, "resolution 2780/25": a citation only if the number's
      // year in the table ends so; that year is taken below, as for a number without a year.
      if (const std::string printed = attrs.text("printed_year"); year.empty() && printed.size() == 2) {
        const int found = n.empty() ? 0 : year_of(std::stoi(n));
        if (found == 0 || found % 100 != std::stoi(printed)) {
          not_citations.push_back(id);
          continue;
        }
      }
      // A year the number cannot have, where the table knows the number's year for certain (not
      // in its last, open year): a misprint, "Resolution 1373 (2020)" for 1373 (2001). The
      // symbol takes the table's year; the printed one is kept.
      if (!year.empty() && !n.empty() && !first_number_to_year_.empty() &&
          std::stoi(n) < first_number_to_year_.rbegin()->first) {
        if (const int found = year_of(std::stoi(n)); found > 0 && std::to_string(found) != year) {
          attrs.set("printed_year", year);
          year = std::to_string(found);
          attrs.set("year", year);
          attrs.set("year_from", std::string("table"));
          symbol.clear();
        }
      }
      if (year.empty() && !n.empty()) {
        if (const int found = year_of(std::stoi(n)); found > 0) {
          year = std::to_string(found);
          attrs.set("year", year);
          attrs.set("year_from", std::string("table"));
        }
      }
      if (symbol.empty() || symbol.find('(') == std::string::npos) {
        symbol = "S/RES/" + n + (year.empty() ? "" : "(" + year + ")");
      }
    } else if (kind == "ga_resolution") {
      // "General Assembly resolution 1514": an early resolution by its number alone takes its
      // session from the table, or is left uncited (no symbol can be written without it).
      if (attrs.erase("session_from_table")) {
        const auto found = number.empty() ? assembly_session_.end() : assembly_session_.find(std::stoi(number));
        if (found == assembly_session_.end()) {
          not_citations.push_back(id);
          continue;
        }
        attrs.set("session", found->second);
        attrs.set("session_from", std::string("table"));
      }
      // Sessions I-XXX are Roman numerals and follow the number: A/RES/181(II), as do special
      // and emergency special sessions of those years: A/RES/3201(S-VI).
      const std::string session = attrs.text("session");
      const bool roman = roman_session(session);
      if (symbol.empty()) symbol = roman ? "A/RES/" + number + "(" + session + ")" : "A/RES/" + session + "/" + number;
    } else if (kind == "body_resolution") {
      // A bare "resolution 5/2" of a statement whose head (the rules' `head` scope, the first
      // kHeadBytes) names the Human Rights Council, as its heading does: the Council's, else nothing.
      if (attrs.text("confirm") == "council_in_head") {
        attrs.erase("confirm");
        const std::string_view head = document.text().substr(0, kHeadBytes);
        if (head.find("Human Rights Council") == std::string_view::npos && head.find("HRC") == std::string_view::npos) {
          not_citations.push_back(id);
          continue;
        }
      }
      // Another body's resolution: its rule gives the symbol's prefix ("A/HRC/RES/").
      symbol = attrs.text("prefix") + attrs.text("session") + "/" + number;
      attrs.erase("prefix");
      kind = std::string(document_kind(symbol));
    } else if (kind == "charter_article") {
      symbol = "Charter of the United Nations, Article " + number;
    }
    attrs.set("kind", kind);
    if (kind == "instrument") continue;  // the lexicon entry is its symbol
    attrs.set("symbol", symbol);
    if (kind != "charter_article") attrs.set("link", link_prefix_ + symbol);
  }
  for (AnnotationId id : repeated_running_heads(document)) not_citations.push_back(id);
  if (!not_citations.empty()) store.remove(std::move(not_citations));
  for (Annotation& cited : in_ranges) store.add(std::move(cited));
  cite_running_head_symbol(document, link_prefix_);
}

}  // namespace caucus::annotators
