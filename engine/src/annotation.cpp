#include "caucus/annotation.hpp"

#include <algorithm>
#include <cstdio>

namespace caucus {

void Attributes::set(Name key, AttrValue value) {
  for (auto& [k, v] : items_) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  items_.emplace_back(std::move(key), std::move(value));
}

const AttrValue* Attributes::find(Name key) const { return find_key(key); }

const AttrValue* Attributes::find(std::string_view key) const { return find_key(key); }

bool Attributes::erase(std::string_view key) {
  auto it = std::find_if(items_.begin(), items_.end(), [&](const auto& item) { return item.first == key; });
  if (it == items_.end()) return false;
  items_.erase(it);
  return true;
}

std::string Attributes::text(std::string_view key) const {
  const AttrValue* value = find(key);
  if (!value) return {};
  struct Visitor {
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(int64_t n) const { return std::to_string(n); }
    std::string operator()(double d) const {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%g", d);
      return buffer;
    }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const StringList& list) const {
      std::string out;
      for (const auto& s : list) out += (out.empty() ? "" : ",") + s;
      return out;
    }
    std::string operator()(const ActorRef& actor) const { return actor.id.str(); }
  };
  return std::visit(Visitor{}, *value);
}

AnnotationId AnnotationStore::add(Annotation annotation) {
  const auto id = static_cast<AnnotationId>(size_);
  if (chunks_.empty() || chunks_.back().size() == (AnnotationId{1} << kChunkBits)) {
    chunks_.emplace_back();
    if (chunks_.size() > 1) chunks_.back().reserve(AnnotationId{1} << kChunkBits);
  }
  chunks_.back().push_back(std::move(annotation));
  ++size_;
  index_new(id);
  return id;
}

void AnnotationStore::index_new(AnnotationId id) {
  const Annotation& annotation = (*this)[id];
  if (!last_index_ || last_type_ != annotation.type) {
    auto it = by_type_.try_emplace(annotation.type.str()).first;
    last_type_ = annotation.type;
    last_index_ = &it->second;
  }
  TypeIndex& index = *last_index_;
  if (!index.ids.empty()) {
    const Span last = (*this)[index.ids.back()].span;
    const Span span = annotation.span;
    if (span.begin < last.begin || (span.begin == last.begin && span.end > last.end)) index.sorted = false;
  }
  index.ids.push_back(id);
  index.max_length = std::max(index.max_length, annotation.span.size());
}

const AnnotationStore::TypeIndex* AnnotationStore::index(std::string_view type) const {
  auto it = by_type_.find(type);
  if (it == by_type_.end()) return nullptr;
  TypeIndex& index = it->second;
  if (!index.sorted) {
    std::stable_sort(index.ids.begin(), index.ids.end(), [&](AnnotationId a, AnnotationId b) {
      const Span x = (*this)[a].span, y = (*this)[b].span;
      return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
    });
    index.sorted = true;
  }
  return &index;
}

const std::vector<AnnotationId>& AnnotationStore::of_type(std::string_view type) const {
  static const std::vector<AnnotationId> kEmpty;
  const TypeIndex* found = index(type);
  return found ? found->ids : kEmpty;
}

namespace {

// First position in `ids` whose annotation begins at or after `offset`.
template <typename Store>
std::vector<AnnotationId>::const_iterator lower_begin(const std::vector<AnnotationId>& ids, const Store& items, uint32_t offset) {
  return std::lower_bound(ids.begin(), ids.end(), offset,
                          [&](AnnotationId id, uint32_t value) { return items[id].span.begin < value; });
}

}  // namespace

std::vector<AnnotationId> AnnotationStore::overlapping(std::string_view type, Span span) const {
  std::vector<AnnotationId> out;
  const TypeIndex* found = index(type);
  if (!found) return out;
  const uint32_t from = span.begin > found->max_length ? span.begin - found->max_length : 0;
  for (auto it = lower_begin(found->ids, *this, from); it != found->ids.end(); ++it) {
    const Span s = (*this)[*it].span;
    if (s.begin >= span.end && !(s.empty() && s.begin == span.begin)) break;
    const bool hit = s.empty() ? (span.begin <= s.begin && s.begin < span.end) : s.overlaps(span);
    if (hit) out.push_back(*it);
  }
  return out;
}

std::vector<AnnotationId> AnnotationStore::covering(std::string_view type, Span span) const {
  std::vector<AnnotationId> out;
  const TypeIndex* found = index(type);
  if (!found) return out;
  const uint32_t from = span.end > found->max_length ? span.end - found->max_length : 0;
  for (auto it = lower_begin(found->ids, *this, from); it != found->ids.end(); ++it) {
    const Span s = (*this)[*it].span;
    if (s.begin > span.begin) break;
    if (s.contains(span)) out.push_back(*it);
  }
  return out;
}

std::vector<AnnotationId> AnnotationStore::contained(std::string_view type, Span span) const {
  std::vector<AnnotationId> out;
  contained(type, span, out);
  return out;
}

void AnnotationStore::contained(std::string_view type, Span span, std::vector<AnnotationId>& out) const {
  out.clear();
  const TypeIndex* found = index(type);
  if (!found) return;
  for (auto it = lower_begin(found->ids, *this, span.begin); it != found->ids.end(); ++it) {
    const Span s = (*this)[*it].span;
    if (s.begin > span.end) break;
    if (span.contains(s)) out.push_back(*it);
  }
}

std::vector<AnnotationId> AnnotationStore::coinciding(std::string_view type, Span span) const {
  std::vector<AnnotationId> out;
  const TypeIndex* found = index(type);
  if (!found) return out;
  for (auto it = lower_begin(found->ids, *this, span.begin); it != found->ids.end(); ++it) {
    const Span s = (*this)[*it].span;
    if (s.begin != span.begin) break;
    if (s.end == span.end) out.push_back(*it);
  }
  return out;
}

AnnotationId AnnotationStore::at(std::string_view type, uint32_t offset) const {
  const auto hits = covering(type, Span{offset, offset});
  AnnotationId best = kNoAnnotation;
  for (AnnotationId id : hits) {
    const Span s = (*this)[id].span;
    if (s.end == offset && !s.empty()) continue;  // half-open: the end is outside
    if (best == kNoAnnotation || s.size() < (*this)[best].span.size()) best = id;
  }
  return best;
}

void AnnotationStore::remove(std::vector<AnnotationId> ids) {
  if (ids.empty()) return;
  std::sort(ids.begin(), ids.end());
  // Compacts in place: each kept annotation moves down over the removed ones before it.
  auto next = ids.begin();
  AnnotationId kept = 0;
  for (AnnotationId id = 0; id < size_; ++id) {
    while (next != ids.end() && *next < id) ++next;
    if (next != ids.end() && *next == id) continue;
    if (kept != id) mutable_at(kept) = std::move(mutable_at(id));
    ++kept;
  }
  size_ = kept;
  const std::size_t chunk_count = (size_ + kChunkMask) >> kChunkBits;
  chunks_.resize(chunk_count);
  if (chunk_count) chunks_.back().resize(size_ - ((chunk_count - 1) << kChunkBits));
  by_type_.clear();
  last_type_ = Name();
  last_index_ = nullptr;
  for (AnnotationId id = 0; id < size_; ++id) index_new(id);
}

std::vector<AnnotationId> AnnotationStore::ordered() const {
  const std::vector<std::string> names = types();
  return in_output_order(std::vector<std::string_view>(names.begin(), names.end()));
}

bool AnnotationStore::before_in_output(AnnotationId a, AnnotationId b) const {
  const Annotation& x = (*this)[a];
  const Annotation& y = (*this)[b];
  if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
  if (x.span.end != y.span.end) return x.span.end > y.span.end;
  if (x.type != y.type) return x.type < y.type;
  return a < b;
}

std::vector<AnnotationId> AnnotationStore::in_output_order(const std::vector<std::string_view>& types) const {
  std::vector<AnnotationId> out;
  visit_in_output_order(types, [&](AnnotationId id) { out.push_back(id); });
  return out;
}

void AnnotationStore::visit_in_output_order(const std::vector<std::string_view>& types,
                                            const std::function<void(AnnotationId)>& visit) const {
  // Each type's ids are in output order already (by begin, longer first, then id: see
  // index()): a heap of the lists' next ids gives them all in order, log(types) comparisons
  // each, as merging the lists did.
  struct Run {
    const AnnotationId* next;
    const AnnotationId* end;
  };
  std::vector<Run> runs;
  for (std::string_view type : types) {
    const auto& ids = of_type(type);
    if (!ids.empty()) runs.push_back({ids.data(), ids.data() + ids.size()});
  }
  // A max-heap by "comes later": its top is the run whose next id comes first.
  const auto later = [this](const Run& a, const Run& b) { return before_in_output(*b.next, *a.next); };
  std::make_heap(runs.begin(), runs.end(), later);
  while (!runs.empty()) {
    std::pop_heap(runs.begin(), runs.end(), later);
    Run& run = runs.back();
    visit(*run.next);
    if (++run.next == run.end) {
      runs.pop_back();
    } else {
      std::push_heap(runs.begin(), runs.end(), later);
    }
  }
}

void AnnotationStore::sort_in_output_order(std::vector<AnnotationId>& ids) const {
  std::sort(ids.begin(), ids.end(), [this](AnnotationId a, AnnotationId b) { return before_in_output(a, b); });
}

std::vector<std::string> AnnotationStore::types() const {
  std::vector<std::string> out;
  for (const auto& [type, index] : by_type_) {
    if (!index.ids.empty()) out.push_back(type);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace caucus
