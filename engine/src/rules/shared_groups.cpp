#include "shared_groups.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace caucus {
namespace {

// A shorter group, or one that saves fewer bytes, is left as it is: a call costs a little at
// match time, and PCRE2 compiles a small group quickly.
constexpr std::size_t kMinLength = 40;
constexpr std::size_t kMinSaving = 160;
constexpr std::string_view kPrefix = "_shared";

// The inline settings followed: the case and multiline flags.
enum Flag : uint8_t { kCaseless = 1, kMultiline = 2 };

struct Group {
  std::size_t begin = 0, end = 0;  // from its "(" to just after its ")"
  uint8_t flags = 0;               // the settings in force where it starts
  bool plain = false;              // "(?:...)"
  bool safe = true;                // nothing inside that a call would change
  bool in_lookbehind = false;      // a call would break a lookbehind's fixed length
};

// Reads the groups of a pattern, or nothing if it uses a setting the sharing does not follow.
class GroupScanner {
 public:
  GroupScanner(std::string_view pattern, uint8_t flags) : p_(pattern) { levels_.push_back({{}, flags}); }

  std::optional<std::vector<Group>> scan() {
    std::size_t i = 0;
    while (i < p_.size()) {
      const char c = p_[i];
      if (c == '\\') {
        i = escape(i);
      } else if (c == '[') {
        i = skip_class(i);
      } else if (c == '(') {
        if (!open(i)) return std::nullopt;
      } else {
        if (c == ')' && levels_.size() > 1) close(i);
        ++i;
      }
    }
    if (levels_.size() != 1) return std::nullopt;  // unbalanced: PCRE2 will say so
    return std::move(groups_);
  }

 private:
  struct Level {
    Group group;
    uint8_t flags;  // as (?i) or (?-i) inside the group leave them
  };

  void mark_unsafe() {
    for (auto& level : levels_) level.group.safe = false;
  }

  std::size_t escape(std::size_t i) {
    if (i + 1 >= p_.size()) return p_.size();
    const char next = p_[i + 1];
    if (next == 'Q') {
      const std::size_t end = p_.find("\\E", i + 2);
      return end == std::string_view::npos ? p_.size() : end + 2;
    }
    // Back references (\1, \g, \k) and \K mean something else in a call.
    if ((next >= '1' && next <= '9') || next == 'g' || next == 'k' || next == 'K') mark_unsafe();
    return i + (next == 'c' ? 3 : 2);
  }

  std::size_t skip_class(std::size_t i) {
    std::size_t j = i + 1;
    if (j < p_.size() && p_[j] == '^') ++j;
    if (j < p_.size() && p_[j] == ']') ++j;  // a ']' first is a member
    while (j < p_.size() && p_[j] != ']') {
      if (p_[j] == '\\') {
        j += 2;
      } else if (p_.compare(j, 2, "[:") == 0) {
        const std::size_t end = p_.find(":]", j + 2);
        j = end == std::string_view::npos ? p_.size() : end + 2;
      } else {
        ++j;
      }
    }
    return j + 1;
  }

  // Opens the group at `i` (moving `i` past what was read); false if the pattern uses a flag
  // other than i and m.
  bool open(std::size_t& i) {
    const std::string_view rest = p_.substr(i);
    Group group;
    group.begin = i;
    group.flags = levels_.back().flags;
    group.in_lookbehind = levels_.back().group.in_lookbehind;
    uint8_t inner = group.flags;
    if (rest.starts_with("(?:")) {
      group.plain = true;
    } else if (rest.starts_with("(?<=") || rest.starts_with("(?<!")) {
      group.in_lookbehind = true;
    } else if (rest.starts_with("(?=") || rest.starts_with("(?!") || rest.starts_with("(?>") ||
               rest.starts_with("(?&") || rest.starts_with("(?P>")) {
      // a lookahead, an atomic group or a call: nothing to mind
    } else if (rest.starts_with("(*FAIL)") || rest.starts_with("(*F)")) {
    } else if (rest.starts_with("(?#")) {
      const std::size_t end = p_.find(')', i);
      i = end == std::string_view::npos ? p_.size() : end + 1;
      return true;
    } else if (auto settings = flag_settings(rest)) {
      const auto [on, off, length, group_follows] = *settings;
      if (((on | off) & ~(kCaseless | kMultiline)) != 0) return false;
      inner = static_cast<uint8_t>((group.flags | on) & ~off);
      if (!group_follows) {  // (?-i): to the end of the enclosing group
        levels_.back().flags = inner;
        i += length;
        return true;
      }
    } else {
      // A capture, a condition, a branch reset, a recursion, a verb: what holds it may not
      // be shared, nor may the group itself.
      group.safe = false;
      mark_unsafe();
    }
    levels_.push_back({group, inner});
    ++i;
    return true;
  }

  void close(std::size_t i) {
    Group group = levels_.back().group;
    levels_.pop_back();
    group.end = i + 1;
    if (!group.safe) levels_.back().group.safe = false;
    groups_.push_back(group);
  }

  struct FlagSettings {
    uint8_t on, off;
    std::size_t length;  // of "(?i-m)" or "(?i-m:"
    bool group_follows;
  };
  // "(?i)", "(?-i:", "(?im-:" ...; any letter other than i and m comes back as 0x80.
  static std::optional<FlagSettings> flag_settings(std::string_view s) {
    if (!s.starts_with("(?")) return std::nullopt;
    uint8_t on = 0, off = 0;
    bool negative = false;
    for (std::size_t j = 2; j < s.size(); ++j) {
      const char c = s[j];
      if (c == ')' || c == ':') return FlagSettings{on, off, j + 1, c == ':'};
      uint8_t& target = negative ? off : on;
      if (c == '-' && !negative) {
        negative = true;
      } else if (c == 'i') {
        target |= kCaseless;
      } else if (c == 'm') {
        target |= kMultiline;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '^') {
        target |= 0x80;
      } else {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::string_view p_;
  std::vector<Level> levels_;
  std::vector<Group> groups_;
};

struct Key {
  std::string_view text;
  uint8_t flags;
  bool operator==(const Key&) const = default;
};
struct KeyHash {
  std::size_t operator()(const Key& key) const { return std::hash<std::string_view>()(key.text) ^ key.flags; }
};

// A group shared: its number, and which of its copies becomes the DEFINE'd body.
struct Shared {
  std::size_t number;
  std::size_t body_begin;
};

class Writer {
 public:
  Writer(std::string_view pattern, std::vector<std::pair<Group, Shared>> calls)
      : p_(pattern), calls_(std::move(calls)) {
    std::sort(calls_.begin(), calls_.end(), [](const auto& a, const auto& b) {
      return a.first.begin != b.first.begin ? a.first.begin < b.first.begin : a.first.end > b.first.end;
    });
  }

  std::string write(std::size_t shared_count) {
    bodies_.resize(shared_count);
    std::size_t next = 0;
    std::string out = write_range(0, p_.size(), next);
    out += "(?(DEFINE)";
    for (std::size_t k = 0; k < bodies_.size(); ++k) out += "(?<" + name(k) + ">" + bodies_[k] + ")";
    out += ")";
    return out;
  }

 private:
  static std::string name(std::size_t k) { return std::string(kPrefix) + std::to_string(k + 1); }

  static std::string flag_group(uint8_t flags) {
    std::string on, off;
    ((flags & kCaseless) ? on : off) += 'i';
    ((flags & kMultiline) ? on : off) += 'm';
    return "(?" + on + (off.empty() ? "" : "-" + off) + ":";
  }

  // The text of [begin, end) with the calls that start in it (from calls_[next] on) written.
  std::string write_range(std::size_t begin, std::size_t end, std::size_t& next) {
    std::string out;
    std::size_t at = begin;
    while (next < calls_.size() && calls_[next].first.begin < end) {
      const auto [group, shared] = calls_[next++];
      out.append(p_.substr(at, group.begin - at));
      out += "(?&" + name(shared.number) + ")";
      if (group.begin == shared.body_begin) {
        // "(?:X)" -> "(?i-m:X)", with the calls inside X written too
        bodies_[shared.number] = flag_group(group.flags) + write_range(group.begin + 3, group.end - 1, next) + ")";
      } else {
        while (next < calls_.size() && calls_[next].first.begin < group.end) ++next;  // gone with the copy
      }
      at = group.end;
    }
    out.append(p_.substr(at, end - at));
    return out;
  }

  std::string_view p_;
  std::vector<std::pair<Group, Shared>> calls_;
  std::vector<std::string> bodies_;
};

}  // namespace

bool is_shared_group_name(std::string_view name) { return name.starts_with(kPrefix); }

std::string share_repeated_groups(std::string_view pattern, bool caseless) {
  if (pattern.find(kPrefix) != std::string_view::npos) return {};
  auto groups = GroupScanner(pattern, caseless ? kCaseless : 0).scan();
  if (!groups) return {};

  std::unordered_map<Key, std::vector<Group>, KeyHash> copies;
  for (const Group& group : *groups) {
    if (group.plain && group.safe && !group.in_lookbehind && group.end - group.begin >= kMinLength)
      copies[{pattern.substr(group.begin, group.end - group.begin), group.flags}].push_back(group);
  }
  std::vector<std::vector<Group>*> repeated;
  for (auto& [key, list] : copies) {
    if (list.size() >= 2) repeated.push_back(&list);
  }
  // Longest first, so that a repeated group is shared before the groups inside it; at equal
  // length, in pattern order, so that the result does not depend on the hash table's order.
  std::sort(repeated.begin(), repeated.end(), [](const auto* a, const auto* b) {
    const std::size_t la = a->front().end - a->front().begin, lb = b->front().end - b->front().begin;
    return la != lb ? la > lb : a->front().begin < b->front().begin;
  });

  // The copies that calls replace, but for each shared group's first, which becomes its body:
  // what they hold is written nowhere.
  std::vector<std::pair<std::size_t, std::size_t>> dropped;
  const auto written = [&](const Group& group) {
    return std::none_of(dropped.begin(), dropped.end(),
                        [&](const auto& range) { return group.begin >= range.first && group.end <= range.second; });
  };
  std::vector<std::pair<Group, Shared>> calls;
  std::size_t shared_count = 0;
  for (auto* list : repeated) {
    std::vector<Group> live;
    for (const Group& group : *list)
      if (written(group)) live.push_back(group);
    const std::size_t length = live.empty() ? 0 : live.front().end - live.front().begin;
    if (live.size() < 2 || (live.size() - 1) * length < kMinSaving) continue;
    const Shared shared{shared_count++, live.front().begin};
    for (const Group& group : live) {
      calls.emplace_back(group, shared);
      if (group.begin != shared.body_begin) dropped.emplace_back(group.begin, group.end);
    }
  }
  if (shared_count == 0) return {};
  return Writer(pattern, std::move(calls)).write(shared_count);
}

}  // namespace caucus
