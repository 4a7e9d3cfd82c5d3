#include "shared_scan.hpp"

#include <map>
#include <string>

#include "caucus/rules.hpp"

namespace caucus {
namespace {

// The document this thread is running through a pipeline, and what was found in it so far.
struct Running {
  std::shared_ptr<const SharedScan> scan;  // kept alive while a document may still ask
  std::string_view text;
  bool scanned = false;
  std::vector<std::vector<Prefilter::Hit>> per_set;  // hits of each file's words
};

Running& running() {
  thread_local Running state;
  return state;
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
}

void SharedScan::split(std::string_view text, std::vector<std::vector<Prefilter::Hit>>& per_set) const {
  per_set.assign(set_index_.size(), {});
  for (const Prefilter::Hit& hit : all_->scan(text)) {
    for (const Use& use : uses_[hit.word]) per_set[use.set].push_back({hit.begin, hit.end, use.word});
  }
}

void SharedScan::begin(std::shared_ptr<const SharedScan> scan, std::string_view text) {
  Running& state = running();
  state.scan = std::move(scan);
  state.text = text;
  state.scanned = false;
  state.per_set.clear();
}

void SharedScan::end() { begin(nullptr, {}); }

const std::vector<Prefilter::Hit>* SharedScan::hits_for(const RuleSet& set, std::string_view text) {
  Running& state = running();
  if (!state.scan || state.text.data() != text.data() || state.text.size() != text.size()) return nullptr;
  auto it = state.scan->set_index_.find(&set);
  if (it == state.scan->set_index_.end()) return nullptr;
  if (!state.scanned) {
    state.scan->split(text, state.per_set);
    state.scanned = true;
  }
  return &state.per_set[it->second];
}

}  // namespace caucus
