// What kind of document this is: a verbatim record, a press release, a summary record or a
// statement given alone (SpeechBuilder::classify and the signs it weighs).
#include "speeches/speech_builder.hpp"

#include <algorithm>
#include <cctype>

#include "common/document_kind.hpp"
#include "common/text_match.hpp"

namespace caucus::annotators {

namespace {

// The length of the organ's name that `text` begins with ("Security Council", "Committee"),
// or 0.
std::size_t organ_at(std::string_view text) {
  static constexpr std::string_view kOrgans[] = {"Security Council",
                                                 "General Assembly",
                                                 "Economic and Social Council",
                                                 "Human Rights Council",
                                                 "Council",
                                                 "Assembly",
                                                 "Committee",
                                                 "Commission"};
  for (std::string_view name : kOrgans) {
    if (text.starts_with(name)) return name.size();
  }
  return 0;
}

// When a release or a story says the organ acted: "today", "this morning", ...
const std::initializer_list<std::string_view> kThatDay = {
    " this morning", " this afternoon", " this evening", " today",       " yesterday",
    " on Monday",    " on Tuesday",     " on Wednesday", " on Thursday", " on Friday"};

}  // namespace

// The cover says that the text is a meeting's record: its meeting, its symbol (when the cover
// was copied as one run-in line), or its presidency; or, in an extract without its cover, the
// record's first line: "The meeting was called to order at 3.05 p.m.".
bool SpeechBuilder::record_cover() const {
  const std::string symbol = meta("symbol");
  if (document_.meta().count("meeting") || symbol.find("/PV.") != std::string::npos || !cover_.empty()) return true;
  constexpr std::string_view kOpening = "The meeting was called to order at ";
  const std::size_t at = text().substr(0, 4096).find(kOpening);
  return at != std::string_view::npos && (at == 0 || text()[at - 1] == '\n');
}

// The document's symbol ("A/C.6/74/SR.23") or title ("Summary record of the 28th meeting") says
// it is a summary record.
bool SpeechBuilder::names_itself_summary_record() const {
  return meta("symbol").find("/SR.") != std::string::npos || meta("record") == "summary";
}

std::string SpeechBuilder::classify() const {
  std::size_t verbatim = 0, press = 0, summary = 0;
  for (const auto& h : headers_) {
    if (h.layout.starts_with("statement")) continue;  // the heading of a single statement
    (h.layout == "press_release" ? press : h.layout == "summary_record" ? summary : verbatim)++;
  }
  // Numbered paragraphs that open with a speaker: "2. Mr. Hitti (Lebanon) said that ..." (not
  // the numbered paragraphs of a report, S/2019/300). One is enough under a summary record's
  // symbol or title (an extract: "A/C.4/55/SR.15 ... 1. Mr. Hansen (Commissioner-General, ...)").
  const std::string symbol = meta("symbol");
  if (summary > verbatim && (names_itself_summary_record() || (summary >= 2 && symbol.empty())))
    return "summary_record";
  // A release's symbol, or when the copy lost it, its meetings-coverage line ("4343rd Meeting
  // (PM)") or its dateline ("NEW YORK, 19 September (UN Headquarters) --").
  const bool press_symbol = document_kind(symbol) == "press_release" || !meta("coverage").empty();
  // (One release's speaker line is enough where no speaker line or heading of another layout
  // is found: "JOSEP BORRELL FONTELLES, High Representative ..., said" opens no statement.)
  // (A press conference's heading over its report is no statement's.)
  const bool only_press =
      verbatim == 0 && summary == 0 && (!has_statement_heading() || (press >= 1 && only_press_conference_headings()));
  if (press >= 2 || (press >= 1 && (press_symbol || only_press))) return "press_release";
  // Meeting coverage that reports every delegation ("The representative of Ecuador,
  // speaking for the Group of 77, said ..."), with no speaker printed in capitals.
  if (press_symbol && verbatim == 0 && !store_.of_type("reported_speech").empty()) return "press_release";
  // The same coverage copied without its symbol: two paragraphs or more open with a reported
  // delegation, and no line or heading names a speaker.
  const std::size_t reported_paragraphs =
      verbatim == 0 && !has_statement_heading() ? paragraphs_opening_with_reported_speech() : 0;
  if (reported_paragraphs >= 2) return "press_release";
  // Or a summary whose sentences open with the States that speak, several to a paragraph, as
  // the Earth Negotiations Bulletin writes ("Australia, for the UMBRELLA GROUP, supported ...
  // Sweden, for the EU, identified ..."): three such sentences or more.
  if (only_press && state_subjects_ >= 3) return "press_release";
  // Or its lead under the headline, in the third person: "..., Secretary-General António
  // Guterres told the Security Council today", "speakers told the General Assembly".
  if (only_press && lead_reports_to_an_organ()) return "press_release";
  // Or its headline, where an organ acts, and a paragraph that opens with a delegation; or any
  // headline in title case, a paragraph that opens with a delegation and another delegation
  // reported ("Broad Agreement in Security Council Wrap-Up ..." over "..., the Permanent
  // Representative of Chad said" and "The representative of the United States said").
  // Or a news story's lead, which tells what an organ did that day ("..., the United Nations
  // Security Council today held an extensive open debate"), and a paragraph that opens with a
  // delegation.
  if (only_press && reported_paragraphs >= 1 &&
      (headline_of_an_organ() || lead_tells_what_an_organ_did() ||
       (headline_in_title_case() && store_.of_type("reported_speech").size() >= 2)))
    return "press_release";
  // A release's symbol or coverage line, and no speaker line or heading of another layout:
  // a release whose speakers the rules do not know (officials, petitioners), not one
  // anonymous statement. (Not the Secretary-General's statements, SG/SM: one speech each.)
  const bool statement_release = symbol.starts_with("SG/") || symbol.starts_with("DSG/");
  if (press_symbol && !statement_release && only_press) return "press_release";
  // One speaker line is a record's extract if the cover says so.
  if (verbatim >= 2 || (verbatim >= 1 && record_cover())) return "verbatim_record";
  if (verbatim == 1 && lone_speaker_line_after_narrative()) return "verbatim_record";
  return "speech";
}

// True if the one speaker line, at a line's start with its State in brackets, comes after
// text of another kind: an extract of a record that opens in the middle of its narrative
// ("... submitted the report (A/2234).\n\n1. Mr. KISELYOV (Byelorussian SSR) (translated
// from Russian): ..."), not a statement, whose own speaker line opens it.
bool SpeechBuilder::lone_speaker_line_after_narrative() const {
  const auto& paragraphs = store_.of_type("paragraph");
  if (paragraphs.empty()) return false;
  const uint32_t text_start = store_[paragraphs.front()].span.begin;
  return std::any_of(headers_.begin(), headers_.end(),
                     [&](const Header& h) { return h.layout == "verbatim" && h.country && h.span.begin > text_start; });
}

// True if one of the first three paragraphs says that someone "told the Security Council"
// (or another organ), or opens with what an organ did when ("The Human Rights Council this
// morning considered ...", "The Council on Tuesday held ..."): a release's lead, which no
// speaker says of himself.
bool SpeechBuilder::lead_reports_to_an_organ() const {
  std::size_t seen = 0;
  for (AnnotationId id : store_.of_type("paragraph")) {
    if (seen++ == 3) break;
    const std::string_view p = document_.slice(store_[id].span);
    for (std::size_t at = p.find(" told the "); at != std::string_view::npos; at = p.find(" told the ", at + 1)) {
      if (organ_at(p.substr(at + 10)) > 0) return true;
    }
    if (const std::size_t organ = p.starts_with("The ") ? organ_at(p.substr(4)) : 0; organ > 0) {
      if (starts_with_any(p.substr(4 + organ), kThatDay)) return true;
    }
  }
  return false;
}

// True if one of the first five paragraphs (a news page's tag lines and headline come first)
// tells, anywhere in it, what an organ did that day: the organ, the day, and a verb in the
// past tense ("the United Nations Security Council today held", "the Committee this morning
// heard"; or, in a paragraph the organ opens, the day after the verb's object), as a reporter
// writes of a meeting and its speakers do not write of themselves.
bool SpeechBuilder::lead_tells_what_an_organ_did() const {
  static constexpr std::string_view kIrregular[] = {"held ", "heard ", "began ", "met ", "took ", "gave ", "saw "};
  // True if `words` open with a verb in the past tense.
  const auto in_past_tense = [](std::string_view words) {
    const std::string_view verb = words.substr(0, words.find(' ') + 1);
    return (verb.size() > 3 && verb.ends_with("ed ") && std::islower(static_cast<unsigned char>(verb[0]))) ||
           std::any_of(std::begin(kIrregular), std::end(kIrregular), [&](std::string_view v) { return verb == v; });
  };
  std::size_t seen = 0;
  for (AnnotationId id : store_.of_type("paragraph")) {
    if (seen++ == 5) break;
    const std::string_view p = document_.slice(store_[id].span);
    for (std::size_t at = 0; at < p.size(); ++at) {
      const std::size_t organ = organ_at(p.substr(at));
      if (organ == 0) continue;
      std::string_view rest = p.substr(at + organ);
      // The organ named in full: "The Third Committee of the General Assembly (GA) today approved".
      if (rest.starts_with(" of the ")) {
        if (const std::size_t parent = organ_at(rest.substr(8)); parent != 0) rest.remove_prefix(8 + parent);
      }
      if (rest.starts_with(" (")) {
        if (const std::size_t close = rest.find(')'); close != std::string_view::npos && close < 12)
          rest.remove_prefix(close + 1);
      }
      const auto day =
          std::find_if(kThatDay.begin(), kThatDay.end(), [&](std::string_view d) { return rest.starts_with(d); });
      if (day != kThatDay.end() && rest.substr(day->size()).starts_with(' ') &&
          in_past_tense(rest.substr(day->size() + 1)))
        return true;
      // The day after the verb's object, in a paragraph the organ opens: "The General Assembly
      // endorsed the Global Compact on Refugees today".
      if (at == 4 && p.starts_with("The ") && rest.starts_with(' ') && in_past_tense(rest.substr(1))) {
        const std::string_view clause = rest.substr(0, std::min({rest.find('.'), rest.find(','), std::size_t{160}}));
        if (std::any_of(kThatDay.begin(), kThatDay.end(), [&](std::string_view d) {
              const std::size_t found = clause.find(d);
              return found != std::string_view::npos &&
                     (found + d.size() == clause.size() || clause[found + d.size()] == ' ');
            }))
          return true;
      }
    }
  }
  return false;
}

// The first paragraph if it is a headline, not a sentence: at most 300 bytes, no full stop at
// its end; else empty.
std::string_view SpeechBuilder::headline() const {
  const auto paragraphs = store_.of_type("paragraph");
  if (paragraphs.empty()) return {};
  const std::string_view p = document_.slice(store_[paragraphs.front()].span);
  return p.size() > 300 || p.ends_with('.') ? std::string_view() : p;
}

// A release copied from its headline on: the first paragraph is a headline in which an organ
// acts ("Fourth Committee Approves Text by which ...", "Special Committee on Decolonization
// Approves Resolution ...").
bool SpeechBuilder::headline_of_an_organ() const {
  static constexpr std::string_view kOrgans[] = {"Council", "Assembly", "Committee", "Commission"};
  static constexpr std::string_view kVerbs[] = {" Approves ", " Adopts ",    " Concludes ", " Hears ",  " Elects ",
                                                " Opens ",    " Closes ",    " Holds ",     " Takes ",  " Considers ",
                                                " Extends ",  " Renews ",    " Endorses ",  " Begins ", " Continues ",
                                                " Reviews ",  " Recommends "};
  // Or in the passive, the organ after "by": "Death Penalty Moratorium among 9 Draft Resolutions
  // Approved by Third Committee".
  static constexpr std::string_view kPassives[] = {" Approved by ", " Adopted by ", " Endorsed by "};
  const std::string_view p = headline();
  for (std::string_view organ : kOrgans) {
    for (std::size_t at = p.find(organ); at != std::string_view::npos; at = p.find(organ, at + 1)) {
      const std::string_view after = p.substr(at + organ.size(), 60);  // "Committee on Decolonization Approves"
      if (std::any_of(std::begin(kVerbs), std::end(kVerbs),
                      [&](std::string_view verb) { return after.find(verb) != std::string_view::npos; }))
        return true;
      const std::string_view before = p.substr(at > 40 ? at - 40 : 0, at > 40 ? 40 : at);  // "Approved by the Third"
      if (std::any_of(std::begin(kPassives), std::end(kPassives),
                      [&](std::string_view verb) { return before.find(verb) != std::string_view::npos; }))
        return true;
    }
  }
  return false;
}

bool SpeechBuilder::has_statement_heading() const {
  return std::any_of(headers_.begin(), headers_.end(),
                     [](const Header& h) { return h.layout.starts_with("statement"); });
}

// True if every heading of a statement is a press conference's: "PRESS CONFERENCE BY RIO
// GROUP" over its report, "At a Headquarters press conference this afternoon, NAME, Minister
// of External Relations of Chile, spoke to correspondents on behalf of ...".
bool SpeechBuilder::only_press_conference_headings() const {
  return std::all_of(headers_.begin(), headers_.end(), [&](const Header& h) {
    return !h.layout.starts_with("statement") || lower_ascii(document_.slice(h.span)).starts_with("press conference");
  });
}

// The paragraphs whose first words report a delegation ("Ecuador's representative, speaking
// also for ...", "The representative of Peru said ...").
// (After "The ", or after a short opening phrase: "Speaking after the vote, the representative
// of the Russian Federation ...".)
// (Or after the first sentence's reported words: "Legislative measures were not enough, the
// representative of Malta said this morning, as ...".)
// True if the first paragraph is a headline (headline()) with most of its longer words
// capitalised ("Broad Agreement in Security Council Wrap-Up on Strong Push to
// Overcome Divisions").
bool SpeechBuilder::headline_in_title_case() const {
  const std::string_view p = headline();
  std::size_t words = 0, capitalised = 0;
  for (std::size_t at = 0; at < p.size();) {
    const std::size_t end = std::min(p.find(' ', at), p.size());
    if (end - at >= 4) {
      ++words;
      if (std::isupper(static_cast<unsigned char>(p[at]))) ++capitalised;
    }
    at = end + 1;
  }
  return words >= 4 && capitalised * 4 >= words * 3;
}

std::size_t SpeechBuilder::paragraphs_opening_with_reported_speech() const {
  std::size_t count = 0;
  for (AnnotationId id : store_.of_type("paragraph")) {
    const Span p = store_[id].span;
    const auto reported = store_.contained("reported_speech", p);
    if (reported.empty()) continue;
    const Span cue = store_[reported.front()].span;
    const std::string_view before = text().substr(p.begin, cue.begin - p.begin);
    const bool after_clause = (before.ends_with(", the ") || before.ends_with(", ")) &&
                              before.find_first_of(";:") == std::string_view::npos &&
                              before.find(". ") == std::string_view::npos;
    const bool after_opener = after_clause && before.size() <= 80;
    const bool inverted = after_clause && starts_with_any(text().substr(cue.end, 16), kSpeechVerbs);
    if (before.size() <= 4 || after_opener || inverted) ++count;
  }
  return count;
}

}  // namespace caucus::annotators
