// The speeches annotator's working state for one document: SpeechBuilder reads the cues the
// rules found (speaker lines, invitations, reported speech, metadata) and writes the speeches.
// Its parts are in files of their own, one for each kind of document it reads, as the
// comments in the class say.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "caucus/document.hpp"
#include "speeches/offices.hpp"
#include "speeches/speaker_lines.hpp"
#include "speeches/speech_verbs.hpp"

namespace caucus::annotators {

// The Security Council's actor id (its President speaks for a State).
inline constexpr std::string_view kSecurityCouncil = "UNSC";

// The last word of a name, without punctuation: "Ashraf El Nour" -> "Nour". A regnal number is
// not the name: "King Mswati III" -> "Mswati".
std::string last_word(std::string_view name);

// A name without the full stop that ends its heading's sentence ("As delivered by Ambassador
// Hans Brattskar."): an initial's or a title's stays ("Mark J.", "Jr.").
std::string without_full_stop(std::string name);

class SpeechBuilder {
 public:
  explicit SpeechBuilder(Document& document) : document_(document), store_(document.annotations()) {}
  void run(bool self_references);

 private:
  // speech_builder.cpp: the run, the document's metadata and facts, self-references
  void read_metadata();
  ActorRef most_thanked() const;
  std::string meta(const std::string& key) const;
  void read_headers();
  const ActorRef* own_country(const Annotation& header) const;
  void read_document_facts();
  void add_self_references();

  // record_kind.cpp: what kind of document this is
  bool names_itself_summary_record() const;
  bool record_cover() const;
  std::string classify() const;
  bool lone_speaker_line_after_narrative() const;
  bool lead_reports_to_an_organ() const;
  bool lead_tells_what_an_organ_did() const;
  std::string_view headline() const;
  bool headline_of_an_organ() const;
  bool headline_in_title_case() const;
  bool has_statement_heading() const;
  bool only_press_conference_headings() const;
  std::size_t paragraphs_opening_with_reported_speech() const;

  // verbatim_speeches.cpp: the turns of a verbatim record, their actors and roles, the votes
  void read_members();
  uint32_t end_of_proceedings() const;
  uint32_t trim_end(uint32_t begin, uint32_t end) const;
  std::pair<std::string, std::string> actor_kind(Span span, const std::string& id) const;
  std::string role_of(const ActorRef& actor, Span header) const;
  const ActorRef* headed_organization(Span span) const;
  const ActorRef* heading_actor_of(std::string_view speaker) const;
  // The State a statement's or a mission page's heading names, if any.
  const ActorRef* heading_state() const;
  // True for a transcript's label of an answer: "A", "A.", "Answer".
  static bool answers(std::string_view speaker) {
    return speaker == "A" || speaker == "A." || speaker == "Answer" || speaker == "ANSWER";
  }
  std::optional<std::pair<ActorRef, std::string>> resolve_without_country(const Header& header,
                                                                          uint32_t previous_start) const;
  ActorRef presiding_actor(const Header& h, Span span) const;
  static std::optional<std::pair<ActorRef, std::string>> officer_actor(const Header& h);
  void verbatim_speeches();
  void read_votes();

  // summarised_speeches.cpp: the speakers a press release or summary record reports
  const Header* header_at(uint32_t offset, std::string_view layout) const;
  bool lists_speakers(Span sentence) const;
  const Annotation* reported_cue(Span span) const;
  bool opens_its_paragraph(const Annotation& cue) const;
  bool opens_a_turn(const Annotation& cue) const;
  bool same_person(const Speech& speech, const Annotation& cue) const;
  bool presides_by_name(const Speech& speech) const;
  ActorRef actor_of_person(std::string_view surname, uint32_t at) const;
  void name_person_again(Speech& speech, uint32_t at) const;
  std::pair<uint32_t, const Annotation*> sentence_opening_with_cue(Span paragraph) const;
  bool refers_back_to_delegate(Span sentence) const;
  std::vector<const Annotation*> coordinated_cues(Span sentence, const Annotation& first) const;
  Speech summary_speech(const Header& h, Span span, std::string_view kind, const std::vector<Speech>& speeches) const;
  void actor_from_title(const Header& h, Span title, bool officer, Speech& speech) const;
  // Where `plain`, in plain punctuation, is printed inside `span` (empty if it is not).
  Span printed_span_of(Span span, std::string_view plain) const;
  Span title_span(const Header& h) const;
  void split_at_later_turns(Span paragraph, std::string_view kind);
  void summarised_speeches(std::string_view kind);
  void name_office_holders();
  const ActorRef* state_represented_in(Span title) const;
  std::string bracketed_office(const Header& h) const;
  static bool same_surname(std::string_view a, std::string_view b);
  static bool surname_of(std::string_view earlier, std::string_view later);
  static bool in_capitals(std::string_view name);
  Span first_sentence(Span paragraph) const;
  static bool same_delegate(const Speech& speech, const Annotation& cue);
  static bool names_an_office(std::string_view speaker);
  Speech reported_speech(Span span, const Annotation& cue) const;
  const ActorRef* demonym_before_statement(Span heading) const;
  // A State named just before "statement" on a line above `before` (a page's title): "...: UK
  // statement at the UN Security Council" over "Statement by Ambassador NAME ...".
  const ActorRef* state_titling_statement(uint32_t before) const;
  const ActorRef* state_authoring_heading(Span span) const;
  const ActorRef* organization_named_in(Span span) const;
  const ActorRef* state_named_in(Span span, bool skip_topics = false) const;
  const Header* label_after_dateline(const std::vector<AnnotationId>& paragraphs) const;

  // single_speech.cpp: a statement given alone
  void single_speech();
  // A statement's heading that names a person after one that names none: by title ("As
  // Delivered by Ambassador Michèle Taylor" after "Statement by the Delegation of ..."), or
  // after a heading whose speaker is its actor ("Statement of Asia-Pacific Group"), if any.
  const Header* person_statement_heading() const;
  // The European Union as `span` names it, if the text has the closing formula only the
  // Union's statements print: candidate countries that "align themselves with this statement".
  const ActorRef* european_union_by_formula(Span span) const;
  // True if the heading's speaker is the name of its actor: it names no person.
  bool names_its_actor_only(const Header& heading) const;

  // Small reads, used throughout.
  std::string_view text() const { return document_.text(); }
  bool general_assembly() const { return meta("body") == "General Assembly"; }
  static bool petitioner(const Annotation& cue) { return cue.attrs.text("role") == "petitioner"; }
  // "Mr. Møller said": a person named again by title and surname (rule reported.surname).
  static bool by_surname(const Annotation& cue) { return cue.attrs.text("form") == "surname"; }
  // "In a statement read out by NAME, ..., the Council said": the Council's President reading
  // its statement (rule reported.statement_reader).
  static bool reads_for_the_council(const Annotation& cue) { return cue.attrs.text("form") == "reader"; }
  // "The Deputy Secretary-General said": an official of the Secretariat named by office alone
  // (rule reported.secretariat_office).
  static bool by_office(const Annotation& cue) { return cue.attrs.text("form") == "secretariat"; }
  // "The Vice-President of the Council informed that ...": a meeting's presiding officer named by
  // office alone (rule reported.presiding_office).
  static bool presiding(const Annotation& cue) { return cue.attrs.text("form") == "presiding"; }
  ActorRef presiding_officer_actor(const Annotation& cue) const;

  // presiding_officers.cpp: presiding officers by the State they come from.
  void presiding_officers_by_state();
  const ActorRef* state_of_presiding_officer(const Speech& speech) const;
  const ActorRef* acting_chair_at(uint32_t at) const;
  const ActorRef* state_in_the_chair(uint32_t at) const;
  const ActorRef* state_printed_in(Span header) const;
  // "China said ...": a State as the subject of a sentence (rule reported.state_subject).
  static bool state_subject(const Annotation& cue) { return cue.attrs.text("form") == "state_subject"; }

  Document& document_;
  AnnotationStore& store_;
  // Facts of the whole document (read_document_facts()).
  bool spokespersons_briefing_ = false;
  bool main_committee_ = false;
  std::size_t state_subjects_ = 0;  // sentences that open with a State as the speaker
  std::vector<Header> headers_;
  ActorRef presidency_;
  Span cover_{};  // the cover's "President: Mr. X (Country)", if any
  std::vector<std::pair<uint32_t, ActorRef>> national_capacity_;
  std::vector<std::pair<uint32_t, ActorRef>> acting_chairs_;  // "..., Vice-President, took the Chair"
  std::vector<ActorRef> thanked_;                      // "We thank the Polish presidency for convening ..."
  std::map<std::string, ActorRef> continued_country_;  // a speaker's State from a page's continuation line
  std::set<std::string> members_;
};

}  // namespace caucus::annotators
