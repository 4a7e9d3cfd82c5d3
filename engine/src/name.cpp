#include "caucus/name.hpp"

#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace caucus {
namespace {

// The one copy of every name: a node-based set, so that its strings never move.
class NamePool {
 public:
  const std::string* intern(std::string_view text) {
    std::lock_guard lock(mutex_);
    return &*names_.emplace(text).first;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::mutex mutex_;
  std::unordered_set<std::string, Hash, std::equal_to<>> names_;
};

NamePool& pool() {
  static NamePool* const instance = new NamePool;  // never destroyed: Names may outlive main()
  return *instance;
}

}  // namespace

Name::Name(std::string_view text) {
  if (text.empty()) return;
  // Each thread remembers the names it has seen, so that the common case takes no lock.
  thread_local std::unordered_map<std::string_view, const std::string*> seen;
  if (auto it = seen.find(text); it != seen.end()) {
    text_ = it->second;
    return;
  }
  text_ = pool().intern(text);
  seen.emplace(*text_, text_);
}

const std::string& Name::empty_text() {
  static const std::string empty;
  return empty;
}

}  // namespace caucus
