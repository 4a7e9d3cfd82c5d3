#include "speeches/speeches.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "common/actor_mention.hpp"
#include "common/text_match.hpp"
#include "speeches/named_again.hpp"
#include "speeches/offices.hpp"
#include "speeches/speaker_lines.hpp"
#include "caucus/summary.hpp"
#include "caucus/text.hpp"
#include "common/document_kind.hpp"

namespace caucus::annotators {
namespace {

// The General Assembly, for whom its President and its committees' Chairs speak.
const ActorRef kGeneralAssembly{"UNGA", "General Assembly"};

// The verbs that report a delegate's speech after its name: "the representative of Malta said".
const std::initializer_list<std::string_view> kSpeechVerbs = {
    " said", " stressed", " noted", " added", " emphasized", " underlined", " expressed", " called", " urged",
    " welcomed", " pointed", " recalled", " told", " observed", " highlighted", " reiterated", " asked", " warned"};

// The last word of a name, without punctuation: "Ashraf El Nour" -> "Nour". A regnal number is
// not the name: "King Mswati III" -> "Mswati".
std::string last_word(std::string_view name) {
  const auto trim = [](std::string_view& n) {
    while (!n.empty() && (n.back() == ' ' || n.back() == '.' || n.back() == ',')) n.remove_suffix(1);
  };
  trim(name);
  auto space = name.find_last_of(" \t\r\n");  // a name may be broken across lines
  if (space != std::string_view::npos && name.substr(space + 1).find_first_not_of("IVX") == std::string_view::npos) {
    name = name.substr(0, space);
    trim(name);
    space = name.find_last_of(" \t\r\n");
  }
  return std::string(space == std::string_view::npos ? name : name.substr(space + 1));
}

// A name without the full stop that ends its heading's sentence ("As delivered by Ambassador
// Hans Brattskar."): an initial's or a title's stays ("Mark J.", "Jr.").
std::string without_full_stop(std::string name) {
  const auto space = name.find_last_of(' ');
  const std::size_t last_word = name.size() - (space == std::string::npos ? 0 : space + 1);
  if (name.ends_with('.') && last_word > 4) name.pop_back();
  return name;
}

// The Security Council's actor id (its President speaks for a State).
constexpr std::string_view kSecurityCouncil = "UNSC";
class SpeechBuilder {
 public:
  explicit SpeechBuilder(Document& document) : document_(document), store_(document.annotations()) {}

  void run(bool self_references) {
    read_metadata();
    read_document_facts();
    read_headers();
    const std::string kind = classify();
    document_.meta()["kind"] = kind;
    if (kind == "verbatim_record") {
      read_members();
      verbatim_speeches();
      read_votes();
    } else if (kind == "press_release" || kind == "summary_record") {
      summarised_speeches(kind);
    } else {
      single_speech();
    }
    static const Name kSpeech("speech"), kSpeaker("speaker"), kActor("actor"), kRole("role"), kMode("mode");  // interned once
    for (std::size_t i = 0; i < document_.speeches().size(); ++i) {
      const Speech& speech = document_.speeches()[i];
      Annotation a{kSpeech, speech.span, {}, {}, {}};
      a.attrs.reserve(4);
      a.attrs.set(kSpeaker, speech.speaker);
      if (!speech.actor.id.empty()) a.attrs.set(kActor, speech.actor);
      a.attrs.set(kRole, speech.role);
      a.attrs.set(kMode, speech.mode);
      store_.add(std::move(a));
    }
    if (self_references) add_self_references();
  }

 private:
  std::string_view text() const { return document_.text(); }

  void read_metadata() {
    for (AnnotationId id : store_.of_type("document_meta")) {
      const Annotation& a = store_[id];
      const std::string key = a.attrs.text("key");
      if (key.empty() || document_.meta().count(key)) continue;
      std::string value = a.attrs.text("value");
      if (key == "symbol") value = compact_symbol(value);  // a scan's "S/ PV.8548" is S/PV.8548
      document_.meta()[key] = value;
    }
    for (AnnotationId id : store_.of_type("presidency")) {
      const Annotation& a = store_[id];
      const ActorRef* actor = a.attrs.actor("actor");
      if (!actor) continue;
      const std::string source = a.attrs.text("source");
      if (source == "cover") {
        if (presidency_.id.empty()) presidency_ = *actor;
        if (cover_.empty()) cover_ = a.span;
      } else if (source == "thanked") {
        thanked_.push_back(*actor);
      } else {
        national_capacity_.emplace_back(a.span.begin, *actor);
      }
    }
    // A record whose cover lost the body's name still has its symbol: A/... is the Assembly's.
    // (The Assembly's own records only: A/73/PV.56, A/ES-10/PV.37, A/C.3/74/SR.12, and before
    // 1976 A/PV.2282; not A/HRC/40/SR.5, a Human Rights Council record.)
    const std::string symbol = meta("symbol");
    if (!document_.meta().count("body") && document_kind(symbol) == "meeting_record") {
      const bool assembly = symbol.starts_with("A/") && symbol.size() > 2 &&
                            (std::isdigit(static_cast<unsigned char>(symbol[2])) || symbol.starts_with("A/ES-") || symbol.starts_with("A/C.") ||
                             symbol.starts_with("A/PV."));
      if (assembly) document_.meta()["body"] = "General Assembly";
      if (symbol.starts_with("S/PV.")) document_.meta()["body"] = "Security Council";
    }
    if (presidency_.id.empty() && !national_capacity_.empty()) presidency_ = national_capacity_.front().second;
    if (presidency_.id.empty()) presidency_ = most_thanked();
    if (!presidency_.id.empty() && !general_assembly()) document_.meta()["presidency"] = presidency_.id;
  }

  // The State the members thank for its presidency ("We thank the Polish presidency for
  // convening ..."): twice at least, and more often than any other.
  ActorRef most_thanked() const {
    std::map<std::string, int> votes;
    for (const ActorRef& actor : thanked_) ++votes[actor.id];
    int best = 0, runner_up = 0;
    std::string chosen;
    for (const auto& [id, count] : votes) {
      runner_up = std::max(runner_up, std::min(best, count));  // the lower of this and the best so far
      if (count > best) {
        best = count;
        chosen = id;
      }
    }
    if (best < 2 || best == runner_up) return {};
    return *std::find_if(thanked_.begin(), thanked_.end(), [&](const ActorRef& a) { return a.id == chosen; });
  }

  std::string meta(const std::string& key) const {
    auto it = document_.meta().find(key);
    return it == document_.meta().end() ? std::string() : it->second;
  }

  bool general_assembly() const { return meta("body") == "General Assembly"; }

  void read_headers() {
    for (AnnotationId id : store_.of_type("speaker_header")) {
      const Annotation& a = store_[id];
      // The cover's "The President: Mr. D'Escoto Brockmann (Nicaragua)" opens no speech.
      if (cover_.contains(a.span)) continue;
      // (A name broken across lines, or rejoined from "Gon-\nzalez", reads on one line.)
      headers_.push_back({a.span, without_full_stop(one_line(a.attrs.text("speaker"))), a.attrs.text("layout"), a.attrs.actor("country"),
                          a.attrs.text("title")});
    }
    std::stable_sort(headers_.begin(), headers_.end(), [](const Header& a, const Header& b) { return a.span.begin < b.span.begin; });
    // "(Mr. Li Daoyu, China)" atop a page names the State of a speaker whose line did not.
    for (const auto& h : headers_) {
      if (h.layout == "continuation" && h.country) continued_country_.try_emplace(h.speaker, *h.country);
    }
    accept_speaker_lines(headers_, record_cover());
  }

  // The cover says that the text is a meeting's record: its meeting, its symbol (when the cover
  // was copied as one run-in line), or its presidency.
  bool record_cover() const {
    const std::string symbol = meta("symbol");
    return document_.meta().count("meeting") || symbol.find("/PV.") != std::string::npos || !cover_.empty();
  }

  std::string classify() const {
    std::size_t verbatim = 0, press = 0, summary = 0;
    for (const auto& h : headers_) {
      if (h.layout.starts_with("statement")) continue;  // the heading of a single statement
      (h.layout == "press_release" ? press : h.layout == "summary_record" ? summary : verbatim)++;
    }
    // Numbered paragraphs that open with a speaker: "2. Mr. Hitti (Lebanon) said that ..." (not
    // the numbered paragraphs of a report, S/2019/300). One is enough under a summary record's
    // symbol or title (an extract: "A/C.4/55/SR.15 ... 1. Mr. Hansen (Commissioner-General, ...)").
    const std::string symbol = meta("symbol");
    const bool named_summary = symbol.find("/SR.") != std::string::npos || meta("record") == "summary";
    if (summary > verbatim && (named_summary || (summary >= 2 && symbol.empty()))) return "summary_record";
    // A release's symbol, or when the copy lost it, its meetings-coverage line ("4343rd Meeting
    // (PM)") or its dateline ("NEW YORK, 19 September (UN Headquarters) --").
    const bool press_symbol = document_kind(symbol) == "press_release" || !meta("coverage").empty();
    // (One release's speaker line is enough where no speaker line or heading of another layout
    // is found: "JOSEP BORRELL FONTELLES, High Representative ..., said" opens no statement.)
    const bool only_press = verbatim == 0 && summary == 0 && !has_statement_heading();
    if (press >= 2 || (press >= 1 && (press_symbol || only_press))) return "press_release";
    // Meeting coverage that reports every delegation ("The representative of Ecuador,
    // speaking for the Group of 77, said ..."), with no speaker printed in capitals.
    if (press_symbol && verbatim == 0 && !store_.of_type("reported_speech").empty()) return "press_release";
    // The same coverage copied without its symbol: two paragraphs or more open with a reported
    // delegation, and no line or heading names a speaker.
    const std::size_t reported_paragraphs =
        verbatim == 0 && !has_statement_heading() ? paragraphs_opening_with_reported_speech() : 0;
    if (reported_paragraphs >= 2) return "press_release";
    // Or its lead under the headline, in the third person: "..., Secretary-General António
    // Guterres told the Security Council today", "speakers told the General Assembly".
    if (only_press && lead_reports_to_an_organ()) return "press_release";
    // Or its headline, where an organ acts, and a paragraph that opens with a delegation.
    if (only_press && reported_paragraphs >= 1 && headline_of_an_organ()) return "press_release";
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
  bool lone_speaker_line_after_narrative() const {
    const auto& paragraphs = store_.of_type("paragraph");
    if (paragraphs.empty()) return false;
    const uint32_t text_start = store_[paragraphs.front()].span.begin;
    return std::any_of(headers_.begin(), headers_.end(), [&](const Header& h) {
      return h.layout == "verbatim" && h.country && h.span.begin > text_start;
    });
  }

  // True if one of the first three paragraphs says that someone "told the Security Council"
  // (or another organ), or opens with what an organ did when ("The Human Rights Council this
  // morning considered ...", "The Council on Tuesday held ..."): a release's lead, which no
  // speaker says of himself.
  bool lead_reports_to_an_organ() const {
    static constexpr std::string_view kOrgans[] = {"Security Council", "General Assembly", "Economic and Social Council",
                                                   "Human Rights Council", "Council", "Assembly", "Committee", "Commission"};
    const auto organ_at = [](std::string_view text) {
      for (std::string_view name : kOrgans) {
        if (text.starts_with(name)) return name.size();
      }
      return std::size_t{0};
    };
    std::size_t seen = 0;
    for (AnnotationId id : store_.of_type("paragraph")) {
      if (seen++ == 3) break;
      const std::string_view p = document_.slice(store_[id].span);
      for (std::size_t at = p.find(" told the "); at != std::string_view::npos; at = p.find(" told the ", at + 1)) {
        if (organ_at(p.substr(at + 10)) > 0) return true;
      }
      if (const std::size_t organ = p.starts_with("The ") ? organ_at(p.substr(4)) : 0; organ > 0) {
        if (starts_with_any(p.substr(4 + organ), {" this morning", " this afternoon", " this evening", " today", " yesterday",
                                                  " on Monday", " on Tuesday", " on Wednesday", " on Thursday", " on Friday"})) {
          return true;
        }
      }
    }
    return false;
  }

  // A release copied from its headline on: the first paragraph is a headline in which an organ
  // acts ("Fourth Committee Approves Text by which ...", "Special Committee on Decolonization
  // Approves Resolution ...").
  bool headline_of_an_organ() const {
    static constexpr std::string_view kOrgans[] = {"Council", "Assembly", "Committee", "Commission"};
    static constexpr std::string_view kVerbs[] = {" Approves ", " Adopts ",  " Concludes ", " Hears ",  " Elects ",
                                                  " Opens ",    " Closes ",  " Holds ",     " Takes ",  " Considers ",
                                                  " Extends ",  " Renews ",  " Endorses ",  " Begins ", " Continues ",
                                                  " Reviews ",  " Recommends "};
    const auto paragraphs = store_.of_type("paragraph");
    if (paragraphs.empty()) return false;
    const std::string_view p = document_.slice(store_[paragraphs.front()].span);
    if (p.size() > 300 || p.ends_with('.')) return false;  // a headline, not a sentence
    for (std::string_view organ : kOrgans) {
      for (std::size_t at = p.find(organ); at != std::string_view::npos; at = p.find(organ, at + 1)) {
        const std::string_view after = p.substr(at + organ.size(), 60);  // "Committee on Decolonization Approves"
        if (std::any_of(std::begin(kVerbs), std::end(kVerbs), [&](std::string_view verb) { return after.find(verb) != std::string_view::npos; }))
          return true;
      }
    }
    return false;
  }

  bool has_statement_heading() const {
    return std::any_of(headers_.begin(), headers_.end(), [](const Header& h) { return h.layout.starts_with("statement"); });
  }

  // The paragraphs whose first words report a delegation ("Ecuador's representative, speaking
  // also for ...", "The representative of Peru said ...").
  // (After "The ", or after a short opening phrase: "Speaking after the vote, the representative
  // of the Russian Federation ...".)
  // (Or after the first sentence's reported words: "Legislative measures were not enough, the
  // representative of Malta said this morning, as ...".)
  std::size_t paragraphs_opening_with_reported_speech() const {
    std::size_t count = 0;
    for (AnnotationId id : store_.of_type("paragraph")) {
      const Span p = store_[id].span;
      const auto reported = store_.contained("reported_speech", p);
      if (reported.empty()) continue;
      const Span cue = store_[reported.front()].span;
      const std::string_view before = text().substr(p.begin, cue.begin - p.begin);
      const bool after_clause = (before.ends_with(", the ") || before.ends_with(", ")) && before.find_first_of(";:") == std::string_view::npos &&
                                before.find(". ") == std::string_view::npos;
      const bool after_opener = after_clause && before.size() <= 80;
      const bool inverted = after_clause && starts_with_any(text().substr(cue.end, 16), kSpeechVerbs);
      if (before.size() <= 4 || after_opener || inverted) ++count;
    }
    return count;
  }

  // The Council's members, from the cover page's "Members:" block.
  void read_members() {
    for (AnnotationId id : store_.of_type("paragraph")) {
      const Span p = store_[id].span;
      if (!document_.slice(p).starts_with("Members:")) continue;
      for (AnnotationId actor_id : store_.contained("actor", p)) {
        if (const ActorRef* actor = store_[actor_id].attrs.actor("actor")) members_.insert(actor->id);
      }
      break;
    }
  }

  // Where the proceedings end ("The meeting rose at 5.10 p.m."), or the end of the text.
  uint32_t end_of_proceedings() const {
    for (AnnotationId id : store_.of_type("paragraph")) {
      const Span p = store_[id].span;
      if (starts_with_any(document_.slice(p), {"The meeting rose", "The meeting was adjourned", "The meeting was closed"})) {
        return p.begin;
      }
    }
    return static_cast<uint32_t>(text().size());
  }

  uint32_t trim_end(uint32_t begin, uint32_t end) const {
    while (end > begin && is_ascii_space(text()[end - 1])) --end;
    return end;
  }

  // The type and status of the actor annotation behind an actor reference in `span`.
  std::pair<std::string, std::string> actor_kind(Span span, const std::string& id) const {
    const Annotation* mention = actor_mention(store_, span, id);
    if (!mention) return {"", ""};
    return {mention->attrs.text("actor_type"), mention->attrs.text("actor_status")};
  }

  std::string role_of(const ActorRef& actor, Span header) const {
    const auto [type, status] = actor_kind(header, actor.id);
    if (status == "observer" || type == "group") return "observer";
    if (type == "organization") return "briefer";
    // Every Member State is a member of the General Assembly; in the Council, only the 15.
    if (general_assembly() && status == "member") return "member";
    return members_.count(actor.id) ? "member" : "invited";
  }

  // The organisation whose "Secretary-General" an invitation names ("Mr. Amre Moussa, the
  // Secretary-General of the League of Arab States"): "Secretary-General" alone is a name of
  // the United Nations, which the organisation after it is not.
  const ActorRef* headed_organization(Span span) const {
    const auto& actors = store_.contained("actor", span);
    for (std::size_t i = 0; i + 1 < actors.size(); ++i) {
      const Annotation& head = store_[actors[i]];
      const Annotation& next = store_[actors[i + 1]];
      if (document_.slice(head.span) != "Secretary-General") continue;
      const std::string_view between = text().substr(head.span.end, next.span.begin - head.span.end);
      const ActorRef* organization = next.attrs.actor("actor");
      if ((between == " of the " || between == " of ") && organization && organization->id != kUnitedNations.id &&
          next.attrs.text("actor_type") != "state") {
        return organization;
      }
    }
    return nullptr;
  }

  // True if a transcript's label is a journalist's: "Q:", "Q.:", "Question:", "QUESTION:",
  // "Reporter:" (speaker.transcript).
  static bool questioner_label(std::string_view speaker) {
    static constexpr std::string_view kLabels[] = {"Q",        "Q.",       "Question",      "QUESTION",
                                                   "Reporter", "REPORTER", "Correspondent", "Journalist"};
    return std::find(std::begin(kLabels), std::end(kLabels), speaker) != std::end(kLabels);
  }

  // A transcript's label without a country, under a heading that names the same person
  // ("Remarks by Ambassador Linda Thomas-Greenfield at ..." above "AMBASSADOR THOMAS-GREENFIELD:"):
  // the State the heading names, on its line or on an office line under it ("U.S.
  // Representative to the United Nations").
  const ActorRef* heading_actor_of(std::string_view speaker) const {
    const std::string surname = lower_ascii(last_word(speaker));
    if (surname.empty()) return nullptr;
    const auto named = std::find_if(headers_.begin(), headers_.end(), [&](const Header& h) {
      return h.layout == "statement" && lower_ascii(last_word(h.speaker)) == surname;
    });
    if (named == headers_.end()) return nullptr;
    if (named->country) return named->country;
    for (const auto& h : headers_) {
      if (h.layout == "statement_office" && h.country) return h.country;
    }
    return nullptr;
  }

  // A speaker printed without a country: the person the President invited with that surname,
  // else the actor of the last give-the-floor line before the speech.
  std::optional<std::pair<ActorRef, std::string>> resolve_without_country(const Header& header, uint32_t previous_start) const {
    const std::string surname = last_word(header.speaker);
    for (AnnotationId id : store_.of_type("invitee")) {
      const Annotation& a = store_[id];
      if (a.span.begin >= header.span.begin) break;
      if (last_word(a.attrs.text("person")) != surname) continue;
      if (const ActorRef* actor = headed_organization(a.span)) return std::make_pair(*actor, std::string("briefer"));
      if (const ActorRef* actor = a.attrs.actor("actor")) {
        // A State's minister or head of State speaks for the State; an official briefs.
        const auto [type, status] = actor_kind(a.span, actor->id);
        return std::make_pair(*actor, type == "state" ? role_of(*actor, a.span) : std::string("briefer"));
      }
      // An office of the Secretariat names no actor ("Under-Secretary-General for Political
      // and Peacebuilding Affairs"): its holder speaks for the United Nations.
      const std::string office = a.attrs.text("office");
      if (secretariat_office(office) ||
          contains_any(office, {"Secretary-General", "Special Representative", "Special Envoy", "Special Coordinator", "Special Adviser"})) {
        return std::make_pair(kUnitedNations, std::string("briefer"));
      }
    }
    const auto& given = store_.contained("floor_given", {previous_start, header.span.begin});
    if (!given.empty()) {
      if (const ActorRef* actor = store_[given.back()].attrs.actor("actor")) {
        const auto [type, status] = actor_kind(store_[given.back()].span, actor->id);
        return std::make_pair(*actor, std::string(type == "state" && status != "observer" ? "invited" : "observer"));
      }
    }
    return std::nullopt;
  }

  // Who the presiding officer of a speech (`span`, opened by `h`) speaks for. The President of
  // the General Assembly, or the Chair of one of its committees, speaks for the Assembly, not
  // for a State. ("The Chair" also covers "The Chairman", "The Chairperson".) A web copy may
  // print the presiding State on the line: "The President, Mrs. Gueguen (France):". Speaking
  // "in my national capacity", the President speaks for the State.
  ActorRef presiding_actor(const Header& h, Span span) const {
    ActorRef actor = general_assembly() ? kGeneralAssembly : h.country ? *h.country : presidency_;
    for (const auto& [offset, national] : national_capacity_) {
      if (span.contains({offset, offset})) actor = national;
    }
    return actor;
  }

  // Who an officer's label speaks for when it names no country: the Secretary-General (also
  // "SG:", "DSG:" in press transcripts, "Ban Ki-moon, Secretary-General:", his Spokesperson's
  // byline "Stephane Dujarric, Spokesman for the Secretary-General") for the United Nations,
  // the General Assembly's President ("President of the General Assembly (PGA):", "PGA:") for
  // the Assembly.
  static std::optional<std::pair<ActorRef, std::string>> officer_actor(const Header& h) {
    if (h.speaker.find("Secretary-General") != std::string::npos || h.title == "Secretary-General" ||
        h.title == "Deputy Secretary-General" || h.title == "SG" || h.title == "DSG" ||
        (h.title.starts_with("Spokes") && secretariat_office(h.title)))
      return std::make_pair(kUnitedNations, std::string("secretariat"));
    if (presides_over_assembly(h.title) || h.title == "PGA") return std::make_pair(kGeneralAssembly, std::string("president"));
    return std::nullopt;
  }

  void verbatim_speeches() {
    std::vector<const Header*> turns;
    for (const auto& h : headers_) {
      if (h.layout == "verbatim") turns.push_back(&h);
    }
    const uint32_t end = end_of_proceedings();
    uint32_t previous_start = 0;
    // The presiding State a President's own label names ("The President (Ms Ogwu of Nigeria):"),
    // for the later bare labels of a copy without its cover.
    ActorRef named_presidency;
    for (std::size_t i = 0; i < turns.size(); ++i) {
      const Header& h = *turns[i];
      if (h.span.begin >= end) break;
      Speech speech;
      speech.header = h.span;
      const uint32_t next = i + 1 < turns.size() ? std::min(turns[i + 1]->span.begin, end) : end;
      speech.span = {h.span.begin, trim_end(h.span.begin, next)};
      speech.speaker = h.speaker;
      speech.mode = "verbatim";
      if (presides(h.speaker)) {
        speech.role = "president";
        speech.actor = presiding_actor(h, speech.span);
        if (h.country && !general_assembly()) named_presidency = *h.country;
        if (speech.actor.id.empty()) speech.actor = named_presidency;
      } else if (const auto officer = officer_actor(h)) {
        std::tie(speech.actor, speech.role) = *officer;
      } else if (secretariat_office(h.title) && (!h.country || h.country->id == kUnitedNations.id)) {
        speech.actor = kUnitedNations;  // "Briefing by the Under-Secretary-General for ..."
        speech.role = "briefer";
      } else if (h.country) {
        speech.actor = *h.country;
        speech.role = role_of(*h.country, h.span);
      } else if (const auto continued = continued_country_.find(h.speaker); continued != continued_country_.end()) {
        speech.actor = continued->second;
        speech.role = role_of(continued->second, h.span);
      } else if (questioner_label(h.speaker)) {
        speech.role = "questioner";  // a journalist, in a press transcript: no actor
      } else if (auto resolved = resolve_without_country(h, previous_start)) {
        speech.actor = resolved->first;
        speech.role = resolved->second;
      } else if (const ActorRef* headed = heading_actor_of(h.speaker)) {
        speech.actor = *headed;
        speech.role = role_of(*headed, h.span);
      } else {
        speech.role = "invited";
      }
      previous_start = h.span.begin;
      document_.speeches().push_back(std::move(speech));
    }
  }

  // "In favour:", "Against:", "Abstaining:" followed by a paragraph listing States.
  void read_votes() {
    const auto& paragraphs = store_.of_type("paragraph");
    for (std::size_t i = 0; i + 1 < paragraphs.size(); ++i) {
      const std::string_view head = document_.slice(store_[paragraphs[i]].span);
      std::string key;
      if (head == "In favour:") key = "votes_in_favour";
      else if (head == "Against:") key = "votes_against";
      else if (head == "Abstaining:") key = "votes_abstaining";
      else continue;
      std::string ids;
      for (AnnotationId a : store_.contained("actor", store_[paragraphs[i + 1]].span)) {
        if (const ActorRef* actor = store_[a].attrs.actor("actor")) ids += (ids.empty() ? "" : ",") + actor->id;
      }
      document_.meta()[key] = ids;
    }
  }

  // The header of `layout` that begins at `offset`, if any (headers_ is in text order: this is
  // asked of every paragraph).
  const Header* header_at(uint32_t offset, std::string_view layout) const {
    auto it = std::lower_bound(headers_.begin(), headers_.end(), offset, [](const Header& h, uint32_t at) { return h.span.begin < at; });
    for (; it != headers_.end() && it->span.begin == offset; ++it) {
      if (it->layout == layout) return &*it;
    }
    return nullptr;
  }

  // True if `sentence` lists the other speakers: "Also speaking were the representatives of
  // Egypt, ... and the observer for the Holy See", "Other speakers included ..." (not "Also
  // speaking today, the representative of Luxembourg ... said", one delegate's speech).
  bool lists_speakers(Span sentence) const {
    const std::string_view text = document_.slice(sentence);
    if (!starts_with_any(text, {"Also speaking", "Also taking the floor", "Also addressing", "Other speakers", "Speakers also"})) return false;
    const std::string_view opening = text.substr(0, text.find(','));
    return contains_any(opening, {" were ", " was ", " included "});
  }

  // The first reported-speech cue inside `span`, if any; none in a list of speakers. A cue
  // names a delegation's actor, or is a petitioner's, who speaks for no State.
  const Annotation* reported_cue(Span span) const {
    if (lists_speakers(span)) return nullptr;
    for (AnnotationId id : store_.contained("reported_speech", span)) {
      if (opens_a_turn(store_[id])) return &store_[id];
    }
    return nullptr;
  }

  static bool petitioner(const Annotation& cue) { return cue.attrs.text("role") == "petitioner"; }

  // "Mr. Møller said": a person named again by title and surname (rule reported.surname).
  static bool by_surname(const Annotation& cue) { return cue.attrs.text("form") == "surname"; }

  // "In a statement read out by NAME, ..., the Council said": the Council's President reading
  // its statement (rule reported.statement_reader).
  static bool reads_for_the_council(const Annotation& cue) { return cue.attrs.text("form") == "reader"; }

  // "The Deputy Secretary-General said": an official of the Secretariat named by office alone
  // (rule reported.secretariat_office).
  static bool by_office(const Annotation& cue) { return cue.attrs.text("form") == "secretariat"; }

  // "China said ...": a State as the subject of a sentence (rule reported.state_subject).
  static bool state_subject(const Annotation& cue) { return cue.attrs.text("form") == "state_subject"; }

  // The facts of the whole document that turns ask about, read once (after its metadata).
  void read_document_facts() {
    // The Secretary-General's spokesperson's briefing reports what he said ("The
    // Secretary-General told the Fifth Committee, ..."): no turn of his.
    spokespersons_briefing_ = contains_any(text().substr(0, 2000),
                                           {"Noon Briefing", "noon briefing", "Spokesperson for the Secretary-General"});
    // A meeting of one of the Assembly's Main Committees: its release symbol says so, or its
    // headline or lead names the Committee ("Second Committee Opens Seventy-First Session ...",
    // a copy without its symbol).
    main_committee_ = main_committee_release(meta("symbol")) ||
                      contains_any(text().substr(0, 600), {"First Committee", "Second Committee", "Third Committee",
                                                           "Fourth Committee", "Fifth Committee", "Sixth Committee"});
    // Speakers named as States, as UN Geneva's summaries do ("China said ... Russia agreed
    // ..."): two such sentences or more. (In a release that names its delegates, "Israel said"
    // inside one's summary reports another State's words.)
    std::size_t state_subjects = 0;
    for (AnnotationId id : store_.of_type("reported_speech")) state_subjects += state_subject(store_[id]);
    states_speak_as_subjects_ = state_subjects >= 2;
  }

  // True if `cue` is at its paragraph's start, after an opening phrase at most.
  bool opens_its_paragraph(const Annotation& cue) const {
    const AnnotationId paragraph = store_.at("paragraph", cue.span.begin);
    return paragraph == kNoAnnotation || first_sentence(store_[paragraph].span).contains(cue.span);
  }

  // True if `cue` may open a turn: it names an actor, a petitioner, a person named before, or
  // an official by office, except in the briefing of the Secretary-General's spokesperson,
  // who reports what he said ("The Secretary-General told the Fifth Committee, ...").
  bool opens_a_turn(const Annotation& cue) const {
    if (state_subject(cue) && !opens_its_paragraph(cue) && !states_speak_as_subjects_) return false;
    if (cue.attrs.actor("actor") || petitioner(cue) || by_surname(cue) || reads_for_the_council(cue)) return true;
    return by_office(cue) && !spokespersons_briefing_;
  }

  // True if `cue` names the speaker of `speech` again: by surname ("Mr. Lacroix" after
  // "JEAN-PIERRE LACROIX", "Mr. Ban" after "Secretary-General Ban Ki-moon", a surname printed
  // first), or by a Secretariat office after a UN official's turn ("“...,” the
  // Under-Secretary-General emphasized" after Jeffrey Feltman's lead; "The Secretary-General
  // told the Fifth Committee" in his spokesperson's briefing is the briefing's).
  static bool same_person(const Speech& speech, const Annotation& cue) {
    if (by_office(cue)) return speech.actor.id == kUnitedNations.id;
    return by_surname(cue) && has_name_word(speech.speaker, last_word(cue.attrs.text("speaker")));
  }

  // Whom a person named again by surname before `at` speaks for: what an earlier turn of the
  // same name spoke for, else what the first full mention of the name says (named_again.hpp).
  ActorRef actor_of_person(std::string_view surname, uint32_t at) const {
    const auto& speeches = document_.speeches();
    for (auto it = speeches.rbegin(); it != speeches.rend(); ++it) {
      if (has_name_word(it->speaker, surname)) return it->actor;
    }
    return actor_of_named_person(text(), store_, surname, at);
  }

  // The first sentence of `paragraph` after its first that opens with a reported delegate
  // who speaks ("The representative of X, penholder on Yemen, said"), and that cue; the
  // paragraph's start and nullptr if none. ("The representative of Armenia had made baseless
  // allegations, he said" is the speaker's own account of another delegate.)
  std::pair<uint32_t, const Annotation*> sentence_opening_with_cue(Span paragraph) const {
    const auto& sentences = store_.contained("sentence", paragraph);
    for (std::size_t i = 1; i < sentences.size(); ++i) {
      const Span s = store_[sentences[i]].span;
      const Annotation* cue = reported_cue(s);
      if (!cue) continue;
      const std::string_view before = text().substr(s.begin, cue->span.begin - s.begin);
      const std::string_view after = text().substr(cue->span.end, s.end - cue->span.end);
      const bool opens = before.empty() || before == "The " || before == "the ";
      const bool speaks = contains_any(after, kSpeechVerbs);
      const bool quoted = contains_any(after, {" he said", " she said", " he added", " she added"});
      if (opens && speaks && !quoted) return {s.begin, cue};
    }
    return {paragraph.begin, nullptr};
  }

  // True if `sentence` names its speaker as the delegate reported before: "that representative",
  // "the same delegate", a pronoun after an opening phrase ("Speaking for the Group of 77, he
  // said"), or one that opens it ("He added that ...", "She expressed concern ..."; a State
  // reported by name goes on as "It", before a verb of speech: "It also highlighted that ...").
  bool refers_back_to_delegate(Span sentence) const {
    const std::string_view words = document_.slice(sentence);
    const std::string_view after_it = words.starts_with("It also ") ? words.substr(7) : words.starts_with("It ") ? words.substr(2) : "";
    return starts_with_any(words, {"He ", "She "}) || starts_with_any(after_it, kSpeechVerbs) ||
           contains_any(lower_ascii(words), {"that representative", "that delegate", "the same representative", "the same delegate", ", he ", ", she "});
  }

  // The delegations reported after `first`, the first in `sentence`, each opening a clause of
  // its own (", and the representative of Yemen noted", "; Egypt's representative said"), each
  // with another actor than the one before.
  std::vector<const Annotation*> coordinated_cues(Span sentence, const Annotation& first) const {
    std::vector<const Annotation*> cues;
    const Annotation* last = &first;
    for (AnnotationId id : store_.contained("reported_speech", sentence)) {
      const Annotation& cue = store_[id];
      const ActorRef* actor = cue.attrs.actor("actor");
      const ActorRef* last_actor = last->attrs.actor("actor");
      if (!actor || cue.span.begin <= last->span.begin || (last_actor && actor->id == last_actor->id)) continue;
      std::string_view before = text().substr(sentence.begin, cue.span.begin - sentence.begin);
      if (before.ends_with("the ")) before.remove_suffix(4);
      if (!before.ends_with(", and ") && !before.ends_with("; ") && !before.ends_with(", while ")) continue;
      cues.push_back(&cue);
      last = &cue;
    }
    return cues;
  }

  // The summary of the statement of the speaker `h` names, over `span` (`kind`: the document's;
  // `speeches`: the turns before it).
  Speech summary_speech(const Header& h, Span span, std::string_view kind, const std::vector<Speech>& speeches) const {
    Speech speech;
    speech.span = span;
    speech.header = h.span;
    speech.speaker = h.speaker;
    // ("Security Council President Vanessa Frazier": the Council's President speaks for her
    // State, which the title does not name.)
    if (h.country && h.country->id != kSecurityCouncil) speech.actor = *h.country;
    // A summary record names a delegate again without the State: "12. Mr. Hitti said" after
    // "2. Mr. Hitti (Lebanon) said": the State of the same name before.
    if (!h.country && kind == "summary_record") {
      for (auto it = speeches.rbegin(); it != speeches.rend(); ++it) {
        if (!it->actor.id.empty() && (it->speaker == h.speaker || same_surname(it->speaker, h.speaker))) {
          speech.actor = it->actor;
          break;
        }
      }
    }
    // "Mogens Lykketoft, the Assembly President": the Assembly, which the title names
    // without an actor's name; "General Assembly President Sam Kutesa (Uganda)": the
    // Assembly too, as in its records, not the State in brackets.
    // (A Main Committee's release names its Chair without the ordinal: "Committee Chair NAME
    // (Bulgaria)", "its incoming Chairman, NAME (New Zealand)".)
    const bool chairs_this_committee =
        main_committee_ && (chairs_the_committee(h.title) || chairs_the_committee(h.speaker));
    const bool assembly_president =
        presides_over_assembly(h.title) || presides_over_assembly(h.speaker) || chairs_this_committee;
    if (assembly_president) speech.actor = kGeneralAssembly;
    // A summary record's officers: "The Chair", "The Secretary of the Committee".
    // (Older records print "The CHAIRMAN": the office is read in any case.)
    const bool officer = !h.country && h.speaker.starts_with("The ");
    const std::string office = lower_ascii(h.speaker);
    speech.role = assembly_president ? "president" : "delegate";
    if (officer && office.find("secretary") != std::string::npos) {
      speech.role = "secretariat";
      if (office.find("secretary-general") != std::string::npos) speech.actor = kUnitedNations;
    } else if (officer && presides(h.speaker)) {
      speech.role = "president";
      speech.actor = presiding_actor(h, span);
    }
    // "MARK LOWCOCK, Under-Secretary-General for ...", "Special Envoy of the Secretary-General
    // for Yemen": the United Nations, not the State the title names (an organisation it
    // names, "Special Representative, Office of INTERPOL", stays).
    // A group of States in the title is the office's mandate ("High Representative for the
    // Least Developed Countries"), as a State is ("Special Envoy ... for Yemen").
    const std::string named_kind = h.country ? actor_kind(h.span, h.country->id).first : std::string();
    const bool names_a_mandate = named_kind == "state" || named_kind == "group";
    // (A summary record puts the office in brackets after the name: "8. Mr. Gustafik
    // (Secretary of the Committee) said", "1. Mr. MARTENSON (Under-Secretary-General for
    // Human Rights) said".)
    const std::string bracketed = h.country ? std::string() : bracketed_office(h);
    const bool secretariat =
        (secretariat_office(h.title) && (!h.country || names_a_mandate || h.country->id == kUnitedNations.id)) ||
        (!h.country && secretariat_department(h.title)) || (!bracketed.empty() && secretariat_post(bracketed));
    if (!officer && secretariat) {
      speech.actor = kUnitedNations;
      speech.role = "briefer";
    }
    speech.mode = "summary";
    return speech;
  }

  // In a release, a later sentence of `paragraph`, whose first turn is the last of the
  // document's so far, may open another delegation's turn, which ends the one before:
  // "Yasser Halfaoui (Morocco) praised ...  Similarly, Federico González Vivas (Uruguay), also
  // speaking for Mexico and Argentina, welcomed ..." (a speaker line), "... Steinmeier, said
  // ...  New Zealand Prime Minister John Key called the deal ..." (a reported delegation).
  void split_at_later_turns(Span paragraph, std::string_view kind) {
    auto& speeches = document_.speeches();
    const auto later_line = [&](const Header& h) {
      return h.layout == "press_release" && h.country && h.country->id != speeches.back().actor.id;
    };
    auto it = std::upper_bound(headers_.begin(), headers_.end(), paragraph.begin,
                               [](uint32_t at, const Header& h) { return at < h.span.begin; });
    for (; it != headers_.end() && it->span.begin < paragraph.end; ++it) {
      if (!later_line(*it)) continue;
      speeches.back().span.end = trim_end(speeches.back().span.begin, it->span.begin);
      speeches.push_back(summary_speech(*it, {it->span.begin, paragraph.end}, kind, speeches));
    }
    const auto [later, cue] = sentence_opening_with_cue(paragraph);
    const ActorRef* next_actor = cue ? cue->attrs.actor("actor") : nullptr;
    if (!next_actor || later <= speeches.back().span.begin || next_actor->id == speeches.back().actor.id) return;
    speeches.back().span.end = trim_end(speeches.back().span.begin, later);
    speeches.push_back(reported_speech({later, paragraph.end}, *cue));
  }

  // Press releases and summary records (`kind`): a paragraph opening with a speaker line (of
  // the kind's layout) starts a summary of that speaker's statement, which runs on over the
  // paragraphs without one. Before the first of them (the overview), each sentence that
  // reports a delegation ("France's representative said") starts a reported speech that runs
  // to the next such sentence or the paragraph's end. A name in mixed case ("Yury Fedotov,
  // Executive Director of ..., said") is the overview's way of naming a briefer: the summary
  // runs on over the paragraphs that go on with "She ..." or "He ...", and the overview goes on.
  void summarised_speeches(std::string_view kind) {
    bool statements = false;
    bool briefer_goes_on = false;   // the last paragraph was an overview briefer's
    bool reported_goes_on = false;  // the last paragraph ended in a reported delegation's speech
    auto& speeches = document_.speeches();
    for (AnnotationId id : store_.of_type("paragraph")) {
      const Span p = store_[id].span;
      if (const Header* h = header_at(p.begin, kind)) {
        const bool overview_briefer = kind == "press_release" && !in_capitals(h->speaker);
        // "“...,” Abu Ali said" after Nidaa Abu Ali's own paragraph: the same person goes on.
        if (overview_briefer && !speeches.empty() && surname_of(speeches.back().speaker, h->speaker)) {
          speeches.back().span.end = p.end;
          briefer_goes_on = true;
          continue;
        }
        // The release's lead reports an office ("..., the Permanent Representative of Nigeria,
        // President of the body for August, said ..."), the next paragraph quotes a person with
        // no State ("“...,” U. Joy Ogwu said"), or with one if the lead's actor is an
        // organisation, not a delegation ("the head of the Economic and Social Council (ECOSOC)
        // told ..." then "“...,” said Néstor Osorio (Colombia)"): the same turn, named by the person.
        // (Not a lead that names its person: "United Nations Secretary-General António Guterres
        // said" is a turn of his own before DiCarlo's.)
        const uint32_t lead_end = speeches.empty() ? 0 : speeches.back().span.end;
        const bool lead_names_an_office = speeches.size() == 1 && names_an_office(speeches.back().speaker);
        const bool lead_holds_an_office =
            lead_names_an_office && actor_kind(speeches.back().span, speeches.back().actor.id).first == "organization";
        // (Not a delegate's lead before an official of the Secretariat: "The representative of
        // Kuwait ... said" then "Mark Lowcock, Under-Secretary-General for Humanitarian Affairs
        // ..., said".)
        const bool official_after_delegate =
            lead_names_an_office && secretariat_office(h->title) && speeches.back().actor.id != kUnitedNations.id;
        if (overview_briefer && lead_names_an_office && !official_after_delegate && (!h->country || lead_holds_an_office) &&
            speeches.back().mode == "reported" &&
            !speeches.back().actor.id.empty() && lead_end <= p.begin && trim_end(lead_end, p.begin) == lead_end) {
          Speech& lead = speeches.back();
          lead.span.end = p.end;
          lead.speaker = h->speaker;
          lead.header = h->span;
          lead.mode = "summary";
          briefer_goes_on = true;
          continue;
        }
        if (!overview_briefer) statements = true;
        briefer_goes_on = overview_briefer;
        speeches.push_back(summary_speech(*h, p, kind, speeches));
        if (kind == "press_release") split_at_later_turns(p, kind);
        continue;
      }
      if (statements) {
        Span from = p;
        const Annotation* cue = reported_cue(first_sentence(p));
        // "Council members welcomed the redeployment. The representative of the United
        // Kingdom, penholder on Yemen, said ...": a later sentence that opens with a delegate.
        if (!cue) std::tie(from.begin, cue) = sentence_opening_with_cue(p);
        const ActorRef* actor = cue ? cue->attrs.actor("actor") : nullptr;
        const bool goes_on = !speeches.empty() && speeches.back().mode == "summary";
        // ("Responding, Mr. Jones said" in Mr. Smith's summary: Mr. Jones's turn.)
        const bool another_person = cue && by_surname(*cue) && (speeches.empty() || !same_person(speeches.back(), *cue));
        if ((cue && petitioner(*cue)) || another_person || (actor && (speeches.empty() || speeches.back().actor.id != actor->id))) {
          if (goes_on && from.begin > p.begin) speeches.back().span.end = trim_end(p.begin, from.begin);
          speeches.push_back(reported_speech(from, *cue));
        } else if (goes_on) {
          speeches.back().span.end = p.end;  // the statement goes on
        }
        continue;
      }
      std::vector<std::pair<uint32_t, const Annotation*>> starts;
      for (AnnotationId sentence : store_.contained("sentence", p)) {
        const Span s = store_[sentence].span;
        const Annotation* cue = reported_cue(s);
        if (!cue) continue;
        starts.emplace_back(s.begin, cue);
        // "..., and the representative of Yemen noted that ...": a second delegation reported
        // in a clause of its own.
        for (const Annotation* next : coordinated_cues(s, *cue)) starts.emplace_back(next->span.begin, next);
      }
      // "She added that ...": the briefer's summary goes on (other paragraphs are the overview's).
      if (starts.empty() && briefer_goes_on && starts_with_any(document_.slice(p), {"She ", "He "})) {
        speeches.back().span.end = p.end;
        continue;
      }
      briefer_goes_on = false;
      // "Speaking on behalf of CARICOM, that representative said ...": the delegation reported in
      // the paragraph just before goes on.
      if (starts.empty() && reported_goes_on && refers_back_to_delegate(first_sentence(p))) {
        speeches.back().span.end = p.end;
        continue;
      }
      const bool last_goes_on = reported_goes_on;
      reported_goes_on = !starts.empty();
      for (std::size_t i = 0; i < starts.size(); ++i) {
        const uint32_t end = i + 1 < starts.size() ? trim_end(starts[i].first, starts[i + 1].first) : p.end;
        // "Nepal's representative added that ...", right after Nepal's representative's speech:
        // the same delegate goes on; so does "Mr. Lacroix said" after Jean-Pierre Lacroix's.
        // (A person's summary goes on after other paragraphs too: "Mr. Othman said" two
        // paragraphs after "Mohamed Chande Othman, Chairperson of ..., said".)
        if (!speeches.empty() && (((i > 0 || last_goes_on) && same_delegate(speeches.back(), *starts[i].second)) ||
                                  same_person(speeches.back(), *starts[i].second))) {
          speeches.back().span.end = end;
          continue;
        }
        speeches.push_back(reported_speech({starts[i].first, end}, *starts[i].second));
      }
    }
  }

  // The words in brackets after a summary record's speaker, which name an office when they
  // name no country: "Mr. Gustafik (Secretary of the Committee)" -> "Secretary of the Committee".
  std::string bracketed_office(const Header& h) const {
    const std::string_view line = document_.slice(h.span);
    const auto open = line.find('(');
    const auto close = open == std::string_view::npos ? open : line.find(')', open);
    return close == std::string_view::npos ? std::string() : std::string(line.substr(open + 1, close - open - 1));
  }

  // "Mr. Hitti" and "Mr. Nassib Hitti", "Mr. HITTI" and "Mr. Hitti": one person, as a
  // summary record names him again (the title and the last word, without case).
  static bool same_surname(std::string_view a, std::string_view b) {
    const auto first_word = [](std::string_view s) { return s.substr(0, s.find(' ')); };
    const auto last = [](std::string_view s) { return s.substr(s.rfind(' ') + 1); };
    return a.find(' ') != std::string_view::npos && b.find(' ') != std::string_view::npos &&
           first_word(a) == first_word(b) && lower_ascii(last(a)) == lower_ascii(last(b));
  }

  // True if `later` names the person `earlier` named in full by the last words of the name:
  // "Abu Ali" after "Nidaa Abu Ali" (not the same name again: that is a new turn of the same
  // speaker only if nothing came between, which the caller does not know).
  static bool surname_of(std::string_view earlier, std::string_view later) {
    return later.size() >= 3 && later.size() < earlier.size() && earlier.ends_with(later) &&
           earlier[earlier.size() - later.size() - 1] == ' ';
  }

  // "LUIS ALFONSO de ALBA" is in capitals (the particles aside), "Dayana Rios" is not: a word
  // that begins with a capital and goes on in lower case.
  static bool in_capitals(std::string_view name) {
    for (std::size_t i = 0; i + 1 < name.size(); ++i) {
      const bool word_start = i == 0 || name[i - 1] == ' ';
      if (word_start && name[i] >= 'A' && name[i] <= 'Z' && name[i + 1] >= 'a' && name[i + 1] <= 'z') return false;
    }
    return true;
  }

  Span first_sentence(Span paragraph) const {
    const auto& sentences = store_.contained("sentence", paragraph);
    return sentences.empty() ? paragraph : store_[sentences.front()].span;
  }

  // True if `cue` reports the delegation whose reported speech `speech` is.
  static bool same_delegate(const Speech& speech, const Annotation& cue) {
    const ActorRef* actor = cue.attrs.actor("actor");
    return speech.mode == "reported" && actor && speech.actor.id == actor->id;
  }

  // True if a reported speaker is named by an office, not a person: "Permanent Representative
  // of Nigeria", "the head of the Economic and Social Council", not "Secretary-General António
  // Guterres".
  static bool names_an_office(std::string_view speaker) {
    return speaker.find(" of ") != std::string_view::npos || starts_with_any(speaker, {"the ", "The "});
  }

  // A reported speech: the speaker is the name the cue gives ("The representative of Egypt,
  // Ahmed Aboul Gheit, said"), else the cue as printed ("France's representative").
  Speech reported_speech(Span span, const Annotation& cue) const {
    Speech speech;
    speech.span = span;
    const std::string name = cue.attrs.text("speaker");
    speech.speaker = one_line(name.empty() ? document_.slice(cue.span) : std::string_view(name));
    if (const ActorRef* actor = cue.attrs.actor("actor")) speech.actor = *actor;
    speech.role = petitioner(cue) ? "petitioner" : reads_for_the_council(cue) ? "president" : "delegate";
    if (by_surname(cue)) speech.actor = actor_of_person(last_word(speech.speaker), cue.span.begin);
    // ("The United Nations Deputy Secretary-General said": an office of the Secretariat.)
    if (by_office(cue)) speech.actor = kUnitedNations;
    if (speech.actor.id == kUnitedNations.id && !cue.attrs.actor("actor")) speech.role = "briefer";
    speech.mode = "reported";
    return speech;
  }

  // The State a heading names by its adjective before the word "statement": "German
  // statement delivered by Ambassador Leendertse at ...".
  const ActorRef* demonym_before_statement(Span heading) const {
    const std::string_view text_of = text().substr(heading.begin, heading.end - heading.begin);
    std::size_t statement = text_of.find("statement");
    if (statement == std::string_view::npos) statement = text_of.find("Statement");
    if (statement == std::string_view::npos) return nullptr;
    for (AnnotationId id : store_.contained("actor", {heading.begin, static_cast<uint32_t>(heading.begin + statement)})) {
      const Annotation& a = store_[id];
      if (a.attrs.text("form") == "demonym" && a.attrs.text("actor_type") == "state") return a.attrs.actor("actor");
    }
    return nullptr;
  }

  // The first State named in `span`, if any, not in brackets: "A3+ (ALGERIA, GUYANA,
  // MOZAMBIQUE AND SIERRA LEONE)" lists the group's members, not the speaker's State. With
  // `skip_topics`, not a State a meeting is on either: "EU Statement ... at the UN Security
  // Council Briefing on Ukraine", "..., at the UN Security Council: Maintenance of Peace and
  // Security of Ukraine".
  const ActorRef* state_named_in(Span span, bool skip_topics = false) const {
    for (AnnotationId id : store_.contained("actor", span)) {
      const Annotation& a = store_[id];
      const std::string_view before = text().substr(span.begin, a.span.begin - span.begin);
      if (std::count(before.begin(), before.end(), '(') > std::count(before.begin(), before.end(), ')')) continue;
      const bool topic = before.ends_with(" on ") || before.ends_with(" on the ") || before.ends_with(" in ") ||
                         before.find(", at ") != std::string_view::npos;  // the meeting's title
      if (skip_topics && topic) continue;
      if (a.attrs.text("actor_type") == "state") return a.attrs.actor("actor");
    }
    return nullptr;
  }

  // A speaker label that opens the first paragraph after a few lines of date, place and title
  // ("9 September 2003" above "The Secretary-General: Good morning ..."; "Secretary-General's
  // remarks at joint press encounter with ... [unofficial transcript]" above "SG: Good morning").
  const Header* label_after_dateline(const std::vector<AnnotationId>& paragraphs) const {
    constexpr uint32_t kHeadingLine = 200;
    for (std::size_t i = 0; i < paragraphs.size() && i < 4; ++i) {
      const Span p = store_[paragraphs[i]].span;
      const std::string_view line = text().substr(p.begin, p.end - p.begin);
      const bool heading = line.size() <= kHeadingLine && line.find('\n') == std::string_view::npos &&
                           !line.empty() && std::string_view(".?!:").find(line.back()) == std::string_view::npos;
      if (heading && i + 1 < paragraphs.size()) continue;
      return header_at(p.begin, "verbatim");
    }
    return nullptr;
  }

  void single_speech() {
    const auto& paragraphs = store_.of_type("paragraph");
    if (paragraphs.empty()) return;
    Speech speech;
    speech.span = {store_[paragraphs.front()].span.begin, store_[paragraphs.back()].span.end};
    speech.mode = "verbatim";
    speech.role = "speaker";
    // The speaker line that opens the text, else the heading of a circulated statement
    // ("Statement by H.E. Ms. ..., Permanent Representative of Nepal ...") near its top.
    const Header* opening = nullptr;
    for (const auto& h : headers_) {
      if (h.span.begin == speech.span.begin && !h.layout.starts_with("statement")) opening = &h;
    }
    if (!opening) opening = label_after_dateline(paragraphs);
    // (A heading that names the speaker before one that names only an office: "Permanent
    // Mission of Nepal" above "Statement by H.E. Ms. ..., Permanent Representative of Nepal".)
    for (const std::string_view layout : {"statement", "statement_office"}) {
      for (auto it = headers_.begin(); !opening && it != headers_.end(); ++it) {
        if (it->layout == layout) opening = &*it;
      }
    }
    if (opening) {
      speech.header = opening->span;
      speech.speaker = opening->speaker;
      if (opening->layout == "press_release") speech.mode = "summary";
      // ("PERMANENT REPRESENTATIVE TO THE UNITED NATIONS" under the name names no actor of his.)
      const bool envoy_to_un =
          opening->country && opening->country->id == kUnitedNations.id &&
          contains_any(lower_ascii(document_.slice(opening->span)), {"representative to the united nations"});
      if (opening->country && !envoy_to_un) {
        speech.actor = *opening->country;  // a lone speech says nothing of the speaker's role
      } else if (const auto officer = officer_actor(*opening)) {
        speech.actor = officer->first;
      } else if (const ActorRef* state = demonym_before_statement(opening->span)) {
        speech.actor = *state;
      }
    }
    // A heading that names the speaker but not the State: another heading line may name it
    // ("NIGERIA" above "STATEMENT BY H.E. MR. TIJJANI MUHAMMAD-BANDE").
    for (auto it = headers_.begin(); speech.actor.id.empty() && it != headers_.end(); ++it) {
      if (it->layout == "statement_office" && it->country) speech.actor = *it->country;
    }
    // No State in a speaker line or heading, or a heading that names the group the statement
    // is for ("INTERVENTION OF THE RIO GROUP"): the speaker may name its State ("and my
    // country, Mexico").
    const bool group_heading = opening && opening->country && actor_kind(opening->span, opening->country->id).first == "group";
    // A State the heading's line names after the group is the speaker's: "BY AMBASSADOR
    // BOUBACAR DIALLO, G-77 COORDINATOR, PERMANENT MISSION OF GUINEA", "Statement of the G-77
    // and China ... delivered by H.E. ..., Permanent Representative of the Islamic Republic of Iran".
    if (group_heading && opening->layout.starts_with("statement")) {
      const auto line_end = text().find('\n', opening->span.end);
      const Span line{opening->span.begin, line_end == std::string_view::npos ? static_cast<uint32_t>(text().size()) : static_cast<uint32_t>(line_end)};
      if (const ActorRef* state = state_named_in(line, /*skip_topics=*/true)) speech.actor = *state;
    }
    if (speech.actor.id.empty() || (group_heading && speech.actor.id == opening->country->id)) {
      for (AnnotationId id : store_.of_type("self_named")) {
        if (const ActorRef* actor = store_[id].attrs.actor("actor")) {
          speech.actor = *actor;
          break;
        }
      }
    }
    document_.speeches().push_back(std::move(speech));
  }

  // "I", "we", "my delegation" in verbatim speeches; "he", "his country" in press-release
  // summaries: each becomes a self_reference to the speech's actor.
  void add_self_references() {
    static const Name kSelfReference("self_reference"), kActor("actor"), kForm("form");  // interned once
    std::vector<Annotation> found;
    for (AnnotationId id : store_.of_type("self_mention")) {
      const Annotation& mention = store_[id];
      const int index = document_.speech_at(mention.span.begin);
      if (index < 0) continue;
      const Speech& speech = document_.speeches()[static_cast<std::size_t>(index)];
      if (speech.actor.id.empty() || speech.header.contains(mention.span)) continue;
      const std::string form = mention.attrs.text("form");
      const bool third_person = starts_with_any(form, {"he", "He", "she", "She", "his", "His", "her", "Her", "the ", "The "});
      if (third_person != (speech.mode != "verbatim")) continue;
      Annotation a{kSelfReference, mention.span, {}, {}, {}};
      a.attrs.reserve(2);
      a.attrs.set(kActor, speech.actor);
      a.attrs.set(kForm, form);
      found.push_back(std::move(a));
    }
    for (auto& a : found) store_.add(std::move(a));
  }

  Document& document_;
  AnnotationStore& store_;
  // Facts of the whole document (read_document_facts()).
  bool spokespersons_briefing_ = false;
  bool main_committee_ = false;
  bool states_speak_as_subjects_ = false;
  std::vector<Header> headers_;
  ActorRef presidency_;
  Span cover_{};  // the cover's "President: Mr. X (Country)", if any
  std::vector<std::pair<uint32_t, ActorRef>> national_capacity_;
  std::vector<ActorRef> thanked_;  // "We thank the Polish presidency for convening ..."
  std::map<std::string, ActorRef> continued_country_;  // a speaker's State from a page's continuation line
  std::set<std::string> members_;
};

}  // namespace

bool SpeechesAnnotator::configure(const Config& config, Diagnostics& diagnostics) {
  self_references_ = config.boolean("self_references", diagnostics).value_or(true);
  return true;
}

std::vector<std::string> SpeechesAnnotator::required_types() const {
  return {"paragraph", "sentence", "actor", "speaker_header", "invitee", "floor_given", "presidency", "reported_speech",
          "document_meta", "self_mention"};
}

void SpeechesAnnotator::annotate(Document& document) const { SpeechBuilder(document).run(self_references_); }

}  // namespace caucus::annotators
