#include "shared_scan.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "caucus/rules.hpp"

namespace caucus {
namespace {

// The document this thread is running through a pipeline, and what was found in it so far.
struct Running {
  std::shared_ptr<const SharedScan> scan;  // kept alive while a document may still ask
  std::string_view text;
  const std::vector<uint32_t>* stand_ins = nullptr;  // the text's, see begin()
  bool scanned = false, named = false;
  std::vector<std::vector<Prefilter::Hit>> per_set;  // hits of each file's words
  std::vector<std::vector<uint32_t>> names;          // name starts of each list of the joined ones
  std::vector<char> released;                        // per file: done with this document
};

Running& running() {
  thread_local Running state;
  return state;
}

// True if a pipeline is running the document `text` (the same string, not an equal one) here.
bool runs(const Running& state, std::string_view text) {
  return state.scan && state.text.data() == text.data() && state.text.size() == text.size();
}

// The number of `set` among the files of the pipeline running `text` on this thread, or -1 if
// no pipeline is running `text` here or `set` is not one of its files.
int file_of(const Running& state, const RuleSet& set, std::string_view text) {
  return runs(state, text) ? state.scan->index_of(set) : -1;
}

// The document's trigger scan and name-start pass, each done on first need.
void scan_once(Running& state, std::string_view text) {
  if (state.scanned) return;
  if (state.stand_ins) {
    state.scan->split(text, *state.stand_ins, state.per_set);
  } else {
    state.scan->split(text, find_ascii_stand_ins(text), state.per_set);
  }
  state.scanned = true;
}
void name_once(Running& state, std::string_view text) {
  if (state.named || !state.scan->names()) return;
  state.scan->names()->find(text, state.names);
  state.named = true;
}

}  // namespace

SharedScan::SharedScan(const std::vector<const RuleSet*>& sets) {
  std::map<std::string, uint32_t> joined;  // word -> its number in all_
  std::vector<std::vector<std::string>> triggers;
  for (uint32_t s = 0; s < sets.size(); ++s) {
    set_index_.emplace(sets[s], s);
    const auto& words = sets[s]->prefilter().words();
    for (uint32_t w = 0; w < words.size(); ++w) {
      auto [it, added] = joined.emplace(words[w], static_cast<uint32_t>(triggers.size()));
      if (added) {
        triggers.push_back({words[w]});
        uses_.emplace_back();
      }
      uses_[it->second].push_back({s, w});
    }
  }
  all_ = std::make_unique<Prefilter>(triggers);
  // all_ numbers its words in the order it first met them: the order of `triggers`.

  std::vector<std::vector<std::string>> lists;
  list_of_.resize(sets.size());
  for (uint32_t s = 0; s < sets.size(); ++s) {
    for (const auto& list : sets[s]->name_start_lists()) {
      auto it = std::find(lists.begin(), lists.end(), list);
      if (it == lists.end()) it = lists.insert(lists.end(), list);
      list_of_[s].push_back(static_cast<uint32_t>(it - lists.begin()));
    }
  }
  if (!lists.empty() && lists.size() <= NameStarts::kMaxLists) names_ = std::make_unique<NameStarts>(lists);
}

void SharedScan::split(std::string_view text, const std::vector<uint32_t>& stand_ins,
                       std::vector<std::vector<Prefilter::Hit>>& per_set) const {
  per_set.assign(set_index_.size(), {});
  const std::vector<Prefilter::Hit> hits = all_->scan(text, stand_ins);
  // Each file's list at its exact size, counted first: grown by doubling, the lists of a long
  // document held up to twice their size until their files' steps, a sixth of its peak memory.
  std::vector<std::size_t> sizes(per_set.size(), 0);
  for (const Prefilter::Hit& hit : hits) {
    for (const Use& use : uses_[hit.word]) ++sizes[use.set];
  }
  for (std::size_t s = 0; s < per_set.size(); ++s) per_set[s].reserve(sizes[s]);
  for (const Prefilter::Hit& hit : hits) {
    for (const Use& use : uses_[hit.word]) per_set[use.set].push_back({hit.begin, hit.length, use.word});
  }
}

void SharedScan::begin(std::shared_ptr<const SharedScan> scan, std::string_view text,
                       const std::vector<uint32_t>* stand_ins) {
  Running& state = running();
  state.scan = std::move(scan);
  state.text = text;
  state.stand_ins = stand_ins;
  state.scanned = state.named = false;
  state.per_set.clear();
  state.names.clear();
  state.released.assign(state.scan ? state.scan->set_index_.size() : 0, 0);
}

void SharedScan::end() { begin(nullptr, {}); }

int SharedScan::index_of(const RuleSet& set) const {
  auto it = set_index_.find(&set);
  return it == set_index_.end() ? -1 : static_cast<int>(it->second);
}

const std::vector<Prefilter::Hit>* SharedScan::hits_for(const RuleSet& set, std::string_view text) {
  Running& state = running();
  const int file = file_of(state, set, text);
  if (file < 0 || state.released[file]) return nullptr;
  scan_once(state, text);
  return &state.per_set[file];
}

void SharedScan::scan_now(std::string_view text) {
  Running& state = running();
  if (!runs(state, text)) return;
  scan_once(state, text);
  name_once(state, text);
}

bool SharedScan::names_for(const RuleSet& set, std::string_view text, Span unit, std::vector<std::vector<uint32_t>>& out) {
  Running& state = running();
  const int file = file_of(state, set, text);
  if (file < 0 || state.released[file] || !state.scan->names_) return false;
  const auto& lists = state.scan->list_of_[file];
  if (lists.empty()) return false;
  // Inside a word, the unit's own pass sees a word start (or end) that the document's does not.
  const auto byte = [&](uint32_t at) { return static_cast<unsigned char>(text[at]); };
  if ((unit.begin > 0 && NameStarts::word_byte(byte(unit.begin - 1))) ||
      (unit.end < text.size() && NameStarts::word_byte(byte(unit.end)))) {
    return false;
  }
  name_once(state, text);
  out.resize(lists.size());
  for (std::size_t k = 0; k < lists.size(); ++k) {
    const auto& all = state.names[lists[k]];
    out[k].clear();
    for (auto at = std::lower_bound(all.begin(), all.end(), unit.begin); at != all.end() && *at < unit.end; ++at) {
      out[k].push_back(*at - unit.begin);
    }
  }
  return true;
}

void SharedScan::release(const RuleSet& set, std::string_view text) {
  Running& state = running();
  const int file = file_of(state, set, text);
  if (file < 0) return;
  state.released[file] = 1;
  if (static_cast<std::size_t>(file) < state.per_set.size()) std::vector<Prefilter::Hit>().swap(state.per_set[file]);
  // The names go when the last file that has name lists is done.
  for (std::size_t s = 0; s < state.scan->list_of_.size(); ++s) {
    if (!state.scan->list_of_[s].empty() && !state.released[s]) return;
  }
  std::vector<std::vector<uint32_t>>().swap(state.names);
}

}  // namespace caucus
