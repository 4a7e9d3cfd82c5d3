// Annotations: typed spans over a document with attributes, and the store that indexes them.
#pragma once

#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "caucus/name.hpp"
#include "caucus/text.hpp"

namespace caucus {

// A reference to an actor (a state, group or organisation): its stable id and display label.
// Both are Names: actors come from lexicons, a few hundred of them for any corpus.
struct ActorRef {
  Name id;     // ISO 3166-1 alpha-3 for states, e.g. "IRL"; "EU", "NON_ALIGNED" for groups
  Name label;  // "Ireland", "European Union"
  friend bool operator==(const ActorRef&, const ActorRef&) = default;
};

using StringList = std::vector<std::string>;
using AttrValue = std::variant<std::string, int64_t, double, bool, StringList, ActorRef>;

// An ordered list of key/value attributes. Small (a handful of keys), so a vector beats a map.
class Attributes {
 public:
  void set(Name key, AttrValue value);
  const AttrValue* find(std::string_view key) const;
  // The same for an interned key: compares pointers, not text (the hot path of constraints).
  const AttrValue* find(Name key) const;
  const AttrValue* find(const char* key) const { return find(std::string_view(key)); }
  const AttrValue* find(const std::string& key) const { return find(std::string_view(key)); }
  template <typename Key>
  bool has(const Key& key) const { return find(key) != nullptr; }
  // The actor under `key`, or nullptr if there is none (or the value is not an actor).
  const ActorRef* actor(std::string_view key) const {
    const AttrValue* value = find(key);
    return value ? std::get_if<ActorRef>(value) : nullptr;
  }
  // The value as a string: strings as they are, numbers formatted, an actor's id; "" if absent.
  std::string text(std::string_view key) const;
  bool erase(std::string_view key);
  void reserve(std::size_t n) { items_.reserve(n); }
  void shrink_to_fit() { items_.shrink_to_fit(); }
  // The attributes, moved into storage of exactly their size; this object is left empty with
  // its storage, to be filled again (the rule matcher builds each match's attributes so).
  Attributes take_compact() {
    Attributes out;
    out.items_.assign(std::make_move_iterator(items_.begin()), std::make_move_iterator(items_.end()));
    items_.clear();
    return out;
  }

  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }

 private:
  template <typename Key>
  const AttrValue* find_key(const Key& key) const {
    for (const auto& [k, v] : items_) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  std::vector<std::pair<Name, AttrValue>> items_;
};

using AnnotationId = uint32_t;
inline constexpr AnnotationId kNoAnnotation = UINT32_MAX;

struct Annotation {
  Name type;       // "sentence", "actor", "alignment", ...
  Span span;       // byte offsets into the document text
  Name rule;       // id of the rule that made it ("" if made by code)
  Name annotator;  // name of the pipeline step that made it
  Attributes attrs;
};

// Holds every annotation of one document and answers the queries annotators need: by type,
// and by position relative to a span (overlapping, covering, contained). Per-type indexes are
// built lazily and rebuilt after additions, so annotators may interleave adds and queries.
class AnnotationStore {
 public:
  AnnotationStore() = default;
  // Not copied (the last-type cache points into the store); moved with its document.
  AnnotationStore(const AnnotationStore&) = delete;
  AnnotationStore& operator=(const AnnotationStore&) = delete;
  AnnotationStore(AnnotationStore&& other) noexcept { *this = std::move(other); }
  AnnotationStore& operator=(AnnotationStore&& other) noexcept {
    chunks_ = std::move(other.chunks_);
    size_ = std::exchange(other.size_, 0);
    by_type_ = std::move(other.by_type_);
    last_type_ = std::exchange(other.last_type_, Name());
    last_index_ = std::exchange(other.last_index_, nullptr);
    other.chunks_.clear();
    other.by_type_.clear();
    return *this;
  }

  AnnotationId add(Annotation annotation);
  std::size_t size() const { return size_; }
  const Annotation& operator[](AnnotationId id) const { return chunks_[id >> kChunkBits][id & kChunkMask]; }
  Annotation& mutable_at(AnnotationId id) { return chunks_[id >> kChunkBits][id & kChunkMask]; }

  // Ids of every annotation of `type`, ordered by (begin, longer first).
  const std::vector<AnnotationId>& of_type(std::string_view type) const;
  std::size_t count(std::string_view type) const { return of_type(type).size(); }

  std::vector<AnnotationId> overlapping(std::string_view type, Span span) const;
  // Annotations of `type` that contain the whole of `span`.
  std::vector<AnnotationId> covering(std::string_view type, Span span) const;
  // Annotations of `type` that lie inside `span`.
  std::vector<AnnotationId> contained(std::string_view type, Span span) const;
  // The same into `out` (cleared first): for hot loops that reuse one vector.
  void contained(std::string_view type, Span span, std::vector<AnnotationId>& out) const;
  // Annotations of `type` whose span is exactly `span`.
  std::vector<AnnotationId> coinciding(std::string_view type, Span span) const;
  // The innermost annotation of `type` that contains `offset`, or kNoAnnotation.
  AnnotationId at(std::string_view type, uint32_t offset) const;

  // Removes annotations. Ids of the annotations that remain change (they stay in order), so
  // call this between queries, not while holding ids.
  void remove(std::vector<AnnotationId> ids);

  // Every annotation id, in output order: by begin, then longer first, then type, then id.
  std::vector<AnnotationId> ordered() const;
  // The ids of the annotations of `types` (each named once), in that same order.
  std::vector<AnnotationId> in_output_order(const std::vector<std::string_view>& types) const;
  // The same ids handed to `visit` one by one, the types' lists merged as it goes: a long
  // document's output needs no list of all its ids (nor the merge's buffer).
  void visit_in_output_order(const std::vector<std::string_view>& types,
                             const std::function<void(AnnotationId)>& visit) const;
  // Sorts ids into that same order.
  void sort_in_output_order(std::vector<AnnotationId>& ids) const;
  // Names of the types present, sorted.
  std::vector<std::string> types() const;

 private:
  struct TypeIndex {
    std::vector<AnnotationId> ids;  // sorted by (begin, end descending)
    uint32_t max_length = 0;        // bounds the backward scan of covering queries
    bool sorted = true;
  };
  const TypeIndex* index(std::string_view type) const;
  void index_new(AnnotationId id);
  bool before_in_output(AnnotationId a, AnnotationId b) const;

  // Annotations live in chunks of 4096 that never move once full: a long document's
  // hundreds of thousands of annotations are not copied each time storage grows. The first
  // chunk grows as a vector does, so a short document does not pay for a whole chunk (and a
  // reference into it may move on add(), as with a vector).
  static constexpr unsigned kChunkBits = 12;
  static constexpr AnnotationId kChunkMask = (AnnotationId{1} << kChunkBits) - 1;
  std::vector<std::vector<Annotation>> chunks_;
  std::size_t size_ = 0;
  // Looked up by string_view without making a string.
  struct TypeHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view type) const { return std::hash<std::string_view>{}(type); }
  };
  mutable std::unordered_map<std::string, TypeIndex, TypeHash, std::equal_to<>> by_type_;
  // The index the last add() went to: a step adds runs of one type. Points into by_type_,
  // whose nodes stay put until it is cleared.
  Name last_type_;
  TypeIndex* last_index_ = nullptr;
};

}  // namespace caucus
