// The relations annotator: completes and cleans the alignment annotations the rules made.
//
// Rules say what a sentence states; this fills in what the speech implies. A relation whose
// source the sentence does not name ("associating himself with ...", "and aligns itself
// with ...") gets the speaker's actor (or, in a group's statement whose speaker is named
// nowhere, an alignment gets the group); a group's "we align ..." is the group's alignment as
// well as the speaker's State's, and both are kept; one without a target ("align themselves
// with this statement") gets the group the speech is delivered for. Removed: relations of an
// actor with itself ("On behalf of the United Arab Emirates, I ..."), a speaks_for inside a
// reference to someone else's statement ("the statement made by South Africa speaking on
// behalf of the G77": not the speaker's), and repeats of the same statement: the same relation
// twice in one speech, in a press release's list of speakers when the speaker's own paragraph
// states it too, or in a release's lead when a later paragraph does. And a group named by its
// kind ("The Group condemns ...") in a speech delivered for a group of that kind becomes a
// self_reference to it, so that the statement rules that follow see who "the Group" is.
#pragma once

#include <set>
#include <string>

#include "caucus/annotator.hpp"

namespace caucus::annotators {

class RelationsAnnotator final : public Annotator {
 public:
  std::string_view name() const override { return "relations"; }
  std::vector<std::string> required_types() const override { return {type_, "speech", "actor"}; }
  // It also reads "group_mention" when the rules make them (without them nothing is resolved)
  // and "statement_ref" (a speaks_for inside a reference to another's statement is not the speaker's),
  // and adds to "self_reference", a type the speeches annotator makes: the rules before this
  // step use the speeches' self_references, so it is not declared a producer of them.
  std::vector<std::string> produced_types() const override { return {}; }
  bool configure(const Config& config, Diagnostics& diagnostics) override;
  void annotate(Document& document) const override;

 private:
  std::string type_ = "alignment";
  // Bodies one speaks for by holding an office in them, not as a group's member ("on behalf of
  // the Security Council" in its President's mouth): relations with them as target are dropped.
  std::set<std::string> office_targets_;
};

}  // namespace caucus::annotators
