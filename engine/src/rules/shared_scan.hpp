// One trigger scan per document for all the rule files of a pipeline.
//
// Each rule file's prefilter finds its trigger words with a pass over the whole document (see
// prefilter.hpp); a pipeline of six rule files made six passes over the same text. SharedScan
// joins the files' trigger words into one automaton: the first rule step to ask scans the
// document once, and each file gets the hits of its own words, numbered as its own prefilter
// numbers them, exactly what its own scan would have found.
//
// The same goes for the places where the names of the files' lexicons may begin (NameStarts):
// one pass over the document instead of one per file.
//
// The pipeline marks which document is being run (begin() before its first step, end() after
// its last); the rule runner asks hits_for(). Outside a pipeline run, or for a rule file the
// pipeline does not know, hits_for() returns nullptr and the runner scans on its own.
#pragma once

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../name_starts.hpp"
#include "caucus/text.hpp"
#include "prefilter.hpp"

namespace caucus {

class RuleSet;

class SharedScan {
 public:
  explicit SharedScan(const std::vector<const RuleSet*>& sets);

  // The document `text` is run through the pipeline that owns `scan` on this thread (until
  // end()). A null `scan` is allowed: nothing is shared. `stand_ins` are the text's
  // (Document::ascii_stand_ins(), which must outlive the run); if null, the scan finds them.
  static void begin(std::shared_ptr<const SharedScan> scan, std::string_view text,
                    const std::vector<uint32_t>* stand_ins = nullptr);
  static void end();
  // The hits of `set`'s trigger words in `text`, if `set` belongs to the pipeline running
  // `text` on this thread; else nullptr. Scans the document on the first call.
  static const std::vector<Prefilter::Hit>* hits_for(const RuleSet& set, std::string_view text);
  // The same for name starts (see name_starts.hpp): sets out[k] to where the names of `set`'s
  // list k may begin in `unit` of `text`, as offsets from unit.begin, from one pass over the
  // document for all the files' lists. That gives the places a pass over the unit alone gives,
  // and perhaps a few where a name runs past the unit's end (which the regex, confined to the
  // unit, rejects). False (out unchanged) if `set` or `text` is not known here, or if `unit`
  // begins or ends inside a word, where the two passes could differ.
  static bool names_for(const RuleSet& set, std::string_view text, Span unit, std::vector<std::vector<uint32_t>>& out);
  // Does now, for the document `text` this thread is running, the trigger scan and the
  // name-start pass that the first rule step would do when it asks (caucus bench times them
  // apart). Nothing if no pipeline is running `text` here, or if they are done.
  static void scan_now(std::string_view text);
  // `set` is done with `text`: what was kept for it is freed (a long document's hits are
  // megabytes), and it is not served again (a second run scans on its own).
  static void release(const RuleSet& set, std::string_view text);
  // The number of `set` among the files it was made for, or -1.
  int index_of(const RuleSet& set) const;
  // Scans `text` once for every file's words and gives each file its hits (per_set[file]).
  // `stand_ins` are the text's (see Prefilter::scan()).
  void split(std::string_view text, const std::vector<uint32_t>& stand_ins,
             std::vector<std::vector<Prefilter::Hit>>& per_set) const;
  // The finder of every file's name lists, each once; null if the files have none.
  const NameStarts* names() const { return names_.get(); }

 private:
  struct Use {
    uint32_t set, word;  // the file, and the word's number in the file's prefilter
  };
  std::unique_ptr<Prefilter> all_;           // every file's words, one rule a word
  std::vector<std::vector<Use>> uses_;       // joined word -> the files that have it
  std::unordered_map<const RuleSet*, uint32_t> set_index_;
  std::unique_ptr<NameStarts> names_;          // every file's name lists, each once; may be null
  std::vector<std::vector<uint32_t>> list_of_;  // file -> its list k -> the list in names_
};

}  // namespace caucus
