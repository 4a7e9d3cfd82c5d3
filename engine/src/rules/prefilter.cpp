#include "prefilter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <deque>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "ascii_view.hpp"
#include "byte_fields.hpp"
#include "pattern_cache.hpp"

namespace caucus {
namespace {

// A set of words, as a sorted vector: patterns make thousands of small sets, and a tree's node
// per word made loading spend more in malloc than in the extraction. Words are appended as
// they come and sorted (duplicates dropped) when the set is next read.
class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<std::string> words) : words_(words), sorted_(false) {}
  void insert(std::string word) {
    words_.push_back(std::move(word));
    sorted_ = false;
  }
  template <class It>
  void insert(It first, It last) {
    words_.insert(words_.end(), first, last);
    sorted_ = false;
  }
  std::size_t size() const { return sorted().size(); }
  bool empty() const { return words_.empty(); }
  bool count(std::string_view word) const { return std::binary_search(sorted().begin(), sorted().end(), word); }
  auto begin() const { return sorted().begin(); }
  auto end() const { return sorted().end(); }

 private:
  const std::vector<std::string>& sorted() const {
    if (!sorted_) {
      std::sort(words_.begin(), words_.end());
      words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
      sorted_ = true;
    }
    return words_;
  }
  mutable std::vector<std::string> words_;
  mutable bool sorted_ = true;
};

// Limits on the sets extraction builds. A union of branches is as large as the words a rule
// lists (SPEECH_VERB is some seventy verbs), and its words cost nothing to scan for: they join
// one automaton. A product of sets multiplies, so it keeps to a smaller size.
constexpr std::size_t kMaxUnionSize = 256;
constexpr std::size_t kMaxProductSize = 64;

// What a piece of pattern tells about the text it matches: the finite set of strings it can
// match (`exact`), or sets of words such that every match contains a word of each set
// (`required`: each set is a trigger set on its own, and all of them hold together).
struct Info {
  std::optional<WordSet> exact;
  std::vector<WordSet> required;
};

Info unknown() { return {}; }
Info empty_string() { return {WordSet{""}, {}}; }
Info literal(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return {WordSet{std::move(text)}, {}};
}

bool useful(const WordSet& set) { return !set.empty() && !set.count(""); }

std::size_t shortest(const WordSet& set) {
  std::size_t n = SIZE_MAX;
  for (const auto& w : set) n = std::min(n, w.size());
  return n;
}

// True if the set holds a word found in nearly every sentence of a UN record ("United
// Nations", "Security Council"): a rule triggered by it would run nearly everywhere.
bool has_everyday_word(const WordSet& set) { return std::any_of(set.begin(), set.end(), everyday_word); }

// The rank of a requirement set as a rule's trigger set (higher is better): without everyday
// words, then longer shortest word, then fewer words.
auto rank(const WordSet& set) {
  return std::make_tuple(!has_everyday_word(set), shortest(set), -static_cast<long>(set.size()));
}

// Adds `candidate` to the sets every match must meet. A set with a word shorter than the
// minimum trigger length is no candidate: if it outranked an everyday set ("my", "our" above
// "country"), it would be dropped at the end and leave the rule with no triggers at all.
void keep(std::vector<WordSet>& sets, WordSet candidate, std::size_t min_length) {
  if (!useful(candidate) || shortest(candidate) < min_length) return;
  sets.push_back(std::move(candidate));
}

// The best of `sets`, if any.
std::optional<WordSet> best_of(const std::vector<WordSet>& sets) {
  const auto best =
      std::max_element(sets.begin(), sets.end(), [](const WordSet& a, const WordSet& b) { return rank(a) < rank(b); });
  if (best == sets.end()) return std::nullopt;
  return *best;
}

// One set that every match meets: the exact strings, or the best required set.
std::optional<WordSet> as_requirement(const Info& info) {
  if (info.exact && useful(*info.exact)) return info.exact;
  return best_of(info.required);
}

// Every set that every match meets.
std::vector<WordSet> as_requirements(Info info) {
  if (info.exact && useful(*info.exact)) return {std::move(*info.exact)};
  return std::move(info.required);
}

class Extractor {
 public:
  Extractor(std::string_view pattern, std::size_t min_length) : p_(pattern), min_length_(min_length) {}

  Info run() {
    Info info = alternation();
    return pos_ < p_.size() ? unknown() : info;  // unbalanced: give up safely
  }

 private:
  bool at_end() const { return pos_ >= p_.size(); }
  // A character that stands for itself in a pattern (what atom() reads as a literal).
  // White space is not one: the patterns see white space outside ASCII as an ASCII space (see
  // ascii_view.hpp), and a word with a space is not one the automaton is told to find.
  static bool plain_literal(char c) {
    return static_cast<unsigned char>(c) < 0x80 && c != '\0' && !is_ascii_space(c) && !std::strchr("\\[]()|.^$?*+{", c);
  }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : '\0'; }

  Info alternation() {
    std::vector<Info> branches{sequence()};
    while (peek() == '|') {
      ++pos_;
      branches.push_back(sequence());
    }
    if (branches.size() == 1) return branches.front();
    bool all_exact = true;
    WordSet exact_union;
    for (const auto& b : branches) {
      if (!b.exact) {
        all_exact = false;
        break;
      }
      exact_union.insert(b.exact->begin(), b.exact->end());
    }
    if (all_exact && exact_union.size() <= kMaxUnionSize) return {exact_union, {}};
    // Each branch's best set, joined: a match of any branch meets it.
    WordSet required;
    for (const auto& b : branches) {
      auto r = as_requirement(b);
      if (!r) return unknown();
      required.insert(r->begin(), r->end());
    }
    if (required.size() > kMaxUnionSize) return unknown();
    return {std::nullopt, {required}};
  }

  Info sequence() {
    std::optional<WordSet> current = WordSet{""};
    std::vector<WordSet> required;  // what the elements so far require, each set on its own
    bool all_exact = true;
    // A run of single strings (literal characters, mostly) is appended to `current` at once:
    // a product per character copied the whole set for each one.
    std::string run;
    const auto append_run = [&] {
      if (run.empty() || !current) return run.clear();
      WordSet longer;
      for (const auto& a : *current) longer.insert(a + run);
      current = std::move(longer);
      run.clear();
    };
    while (!at_end() && peek() != '|' && peek() != ')') {
      // A plain ASCII character without a quantifier after it goes straight onto the run: no
      // set is made for it (rule patterns are thousands of such characters).
      if (current && plain_literal(peek()) && !std::strchr("?*+{", peek(1))) {
        run += static_cast<char>(std::tolower(static_cast<unsigned char>(p_[pos_++])));
        continue;
      }
      Info element = quantified(atom());
      if (element.exact && element.exact->size() == 1 && current) {
        run += *element.exact->begin();
        continue;
      }
      append_run();
      if (element.exact) {
        if (current) {
          if (current->size() * element.exact->size() <= kMaxProductSize) {
            WordSet product;
            for (const auto& a : *current) {
              for (const auto& b : *element.exact) product.insert(a + b);
            }
            current = std::move(product);
            continue;
          }
          keep(required, std::move(*current), min_length_);
        }
        all_exact = false;
        current = std::move(element.exact);
      } else {
        all_exact = false;
        if (current) keep(required, std::move(*current), min_length_);
        current.reset();
        for (auto& set : element.required) keep(required, std::move(set), min_length_);
      }
    }
    append_run();
    if (all_exact) return {current, {}};
    if (current) keep(required, std::move(*current), min_length_);
    return {std::nullopt, std::move(required)};
  }

  // Applies a quantifier that follows an atom, if any.
  Info quantified(Info info) {
    int low = 1, high = 1;
    const char c = peek();
    if (c == '?') low = 0, high = 1, ++pos_;
    else if (c == '*') low = 0, high = -1, ++pos_;
    else if (c == '+') low = 1, high = -1, ++pos_;
    else if (c == '{' && counted(low, high)) {
    } else {
      return info;
    }
    if (peek() == '?' || peek() == '+') ++pos_;  // lazy or possessive
    if (low == 1 && high == 1) return info;
    if (low == 0) {
      if (high == 1 && info.exact && info.exact->size() < kMaxProductSize) {
        info.exact->insert("");
        return info;
      }
      return unknown();
    }
    return {std::nullopt, as_requirements(std::move(info))};
  }

  // Parses {n}, {n,}, {n,m} at pos_; leaves pos_ alone if it is a literal brace.
  bool counted(int& low, int& high) {
    std::size_t i = pos_ + 1;
    auto number = [&](int& out) {
      std::size_t start = i;
      out = 0;
      while (i < p_.size() && std::isdigit(static_cast<unsigned char>(p_[i]))) out = out * 10 + (p_[i++] - '0');
      return i > start;
    };
    if (!number(low)) return false;
    high = low;
    if (i < p_.size() && p_[i] == ',') {
      ++i;
      if (!number(high)) high = -1;
    }
    if (i >= p_.size() || p_[i] != '}') return false;
    pos_ = i + 1;
    return true;
  }

  Info group() {
    ++pos_;  // '('
    bool zero_width = false, lookahead = false;
    if (peek() == '*') {
      // (*pla:...), (*atomic:...): groups with alphabetic names; other (*VERB)s are zero-width.
      std::size_t end = pos_ + 1;
      while (end < p_.size() && (std::islower(static_cast<unsigned char>(p_[end])) || p_[end] == '_')) ++end;
      if (end > pos_ + 1 && end < p_.size() && p_[end] == ':') {
        const std::string_view name = p_.substr(pos_ + 1, end - pos_ - 1);
        pos_ = end + 1;
        Info inner = alternation();
        if (peek() == ')') ++pos_;
        const bool consumes = name == "atomic" || name == "sr" || name == "asr" || name == "script_run" ||
                              name == "atomic_script_run";
        return consumes ? inner : empty_string();
      }
      skip_to_close();
      return empty_string();
    }
    if (peek() == '?') {
      ++pos_;
      const char c = peek();
      if (c == '#') {
        skip_to_close();
        return empty_string();
      }
      // Subroutine calls, recursion and named backreferences match text that is not written
      // here; conditionals match one of two branches: nothing can be promised about them.
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == 'R' || c == '&' || c == '(' ||
          (c == '-' && std::isdigit(static_cast<unsigned char>(peek(1)))) || (c == 'P' && (peek(1) == '>' || peek(1) == '='))) {
        skip_balanced();
        return unknown();
      }
      if (c == 'C') {  // a callout matches nothing
        skip_balanced();
        return empty_string();
      }
      if (c == '=' || c == '!') {
        zero_width = true;
        lookahead = c == '=';
        ++pos_;
      } else if (c == '<' && (peek(1) == '=' || peek(1) == '!')) {
        zero_width = true;
        pos_ += 2;
      } else if (c == ':' || c == '>' || c == '|') {
        ++pos_;
      } else if (c == '<' || c == 'P' || c == '\'') {
        const char close = c == '\'' ? '\'' : '>';
        ++pos_;  // past '<', 'P' or the opening quote
        while (!at_end() && peek() != close) ++pos_;
        ++pos_;
      } else {
        // Inline options: (?i) alone, or (?i: ... ) as a group.
        while (!at_end() && (std::isalpha(static_cast<unsigned char>(peek())) || peek() == '-' || peek() == '^')) ++pos_;
        if (peek() == ')') {
          ++pos_;
          return empty_string();
        }
        if (peek() == ':') ++pos_;
      }
    }
    Info inner = alternation();
    if (peek() == ')') ++pos_;
    // A lookahead consumes nothing, but what it requires is in the unit at or after the place
    // where it stands: a word of it may trigger the rule ("NAME, OFFICE(?=, said)"), and no
    // match begins after that word. (Not a lookbehind's: its words stand before the match.)
    if (lookahead) {
      std::vector<WordSet> required = as_requirements(std::move(inner));
      if (!required.empty()) return {std::nullopt, std::move(required)};
    }
    return zero_width ? empty_string() : inner;
  }

  void skip_to_close() {
    while (!at_end() && peek() != ')') ++pos_;
    if (!at_end()) ++pos_;
  }

  // Skips past the ')' that closes the current group, over nested groups, escapes and classes.
  void skip_balanced() {
    int depth = 1;
    while (!at_end()) {
      const char c = peek();
      if (c == '\\') {
        pos_ += 2;
      } else if (c == '[') {
        char_class();
      } else {
        ++pos_;
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) return;
      }
    }
  }

  Info char_class() {
    ++pos_;  // '['
    if (peek() == '^') ++pos_;
    if (peek() == ']') ++pos_;  // a leading ] is literal
    while (!at_end() && peek() != ']') {
      if (peek() == '\\') pos_ += 2;
      else if (peek() == '[' && peek(1) == ':') {
        const auto end = p_.find(":]", pos_ + 2);
        pos_ = end == std::string_view::npos ? p_.size() : end + 2;
      } else {
        ++pos_;
      }
    }
    if (!at_end()) ++pos_;
    return unknown();
  }

  Info escape() {
    ++pos_;  // backslash
    if (at_end()) return unknown();
    const char c = p_[pos_++];
    if (c == 'Q') {
      const auto end = p_.find("\\E", pos_);
      const std::string_view text = p_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
      pos_ = end == std::string_view::npos ? p_.size() : end + 2;
      const bool plain = std::all_of(text.begin(), text.end(), [](char ch) {
        return static_cast<unsigned char>(ch) < 0x80 && !is_ascii_space(ch);
      });
      return plain ? literal(std::string(text)) : unknown();
    }
    if (std::strchr("bBAzZGK", c)) return empty_string();
    if (c == 'p' || c == 'P' || c == 'x' || c == 'g' || c == 'k' || c == 'o' || c == 'N') {
      if (peek() == '{' || peek() == '<' || peek() == '\'') {
        const char close = peek() == '{' ? '}' : peek() == '<' ? '>' : '\'';
        ++pos_;  // past the opening brace or quote
        while (!at_end() && peek() != close) ++pos_;
        ++pos_;
      } else if (c == 'x') {
        for (int k = 0; k < 2 && std::isxdigit(static_cast<unsigned char>(peek())); ++k) ++pos_;
      } else if (c == 'g') {  // \g1, \g-1, \g+2
        if (peek() == '-' || peek() == '+') ++pos_;
        while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
      } else if (c != 'N') {
        ++pos_;
      }
      return unknown();
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {  // backreference or octal: \1, \12, \101
      while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
      return unknown();
    }
    if (c == 'c') {
      ++pos_;
      return unknown();
    }
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 || is_ascii_space(c))
      return unknown();
    return literal(std::string(1, c));
  }

  Info atom() {
    const char c = peek();
    if (c == '(') return group();
    if (c == '[') return char_class();
    if (c == '\\') return escape();
    ++pos_;
    if (c == '.' || is_ascii_space(c)) return unknown();
    if (c == '^' || c == '$') return empty_string();
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      // Non-ASCII letters fold in ways a byte scanner does not: no trigger from them.
      while (!at_end() && (static_cast<unsigned char>(peek()) & 0xC0) == 0x80) ++pos_;
      return unknown();
    }
    return literal(std::string(1, c));
  }

  std::string_view p_;
  std::size_t min_length_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<std::vector<std::string>> extract_trigger_sets(std::string_view pattern, std::size_t min_length) {
  std::vector<WordSet> sets = as_requirements(Extractor(pattern, min_length).run());
  std::erase_if(sets, [&](const WordSet& set) { return shortest(set) < min_length; });
  std::stable_sort(sets.begin(), sets.end(), [](const WordSet& a, const WordSet& b) { return rank(a) > rank(b); });
  std::vector<std::vector<std::string>> out;
  for (const auto& set : sets) {
    std::vector<std::string> words(set.begin(), set.end());
    if (std::find(out.begin(), out.end(), words) == out.end()) out.push_back(std::move(words));
  }
  return out;
}

namespace {

// Trigger sets as bytes for the cache: the number of sets, then per set its number of words
// and the words.
std::string encode_sets(const std::vector<std::vector<std::string>>& sets) {
  std::string out;
  put(out, sets.size());
  for (const auto& set : sets) {
    put(out, set.size());
    for (const auto& word : set) put_string(out, word);
  }
  return out;
}

std::optional<std::vector<std::vector<std::string>>> decode_sets(std::string_view bytes) {
  FieldReader reader(bytes);
  std::vector<std::vector<std::string>> sets;
  for (uint64_t count = reader.number(); reader.good() && count > 0; --count) {
    auto& set = sets.emplace_back();
    for (uint64_t words = reader.number(); reader.good() && words > 0; --words) set.emplace_back(reader.string());
  }
  if (!reader.good() || !reader.at_end()) return std::nullopt;
  return sets;
}

}  // namespace

std::vector<std::vector<std::string>> trigger_sets_of(std::string_view pattern) {
  const auto cache = PatternCache::active();
  if (!cache) return extract_trigger_sets(pattern);
  const auto key = PatternCache::key_of(kTriggerSetsInCache, pattern);
  if (const auto bytes = cache->find_bytes(key)) {
    if (auto sets = decode_sets(*bytes)) return std::move(*sets);
  }
  auto sets = extract_trigger_sets(pattern);
  cache->remember_bytes(key, encode_sets(sets));
  return sets;
}

std::vector<std::string> extract_triggers(std::string_view pattern, std::size_t min_length) {
  auto sets = extract_trigger_sets(pattern, min_length);
  if (sets.empty()) return {};
  return std::move(sets.front());
}

namespace {
std::vector<Prefilter::RuleWords> words_only(const std::vector<std::vector<std::string>>& triggers) {
  std::vector<Prefilter::RuleWords> rules;
  for (const auto& words : triggers) rules.push_back({words, {}});
  return rules;
}
}  // namespace

Prefilter::Prefilter(const std::vector<std::vector<std::string>>& triggers) : Prefilter(words_only(triggers)) {}

Prefilter::Prefilter(const std::vector<RuleWords>& rules) {
  // The number of a word (lower case), added if new. (A map: the shipped rules give thousands
  // of words, and a search of the list for each was a quadratic part of loading.)
  std::unordered_map<std::string, uint32_t> numbers;
  const auto word_id = [&](const std::string& raw) {
    std::string word = raw.substr(0, kMaxWordBytes);  // a prefix is found wherever the word is
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto [it, added] = numbers.try_emplace(word, static_cast<uint32_t>(words_.size()));
    if (added) {
      if (words_.size() == kMaxWords)
        throw std::length_error("more than " + std::to_string(kMaxWords) + " trigger words");
      words_.push_back(std::move(word));
      word_rules_.emplace_back();
      word_sets_.emplace_back();
    }
    return it->second;
  };
  rule_words_.resize(rules.size());
  rule_sets_.resize(rules.size());
  for (uint32_t rule = 0; rule < rules.size(); ++rule) {
    for (const auto& raw : rules[rule].triggers) {
      if (raw.empty()) continue;
      const uint32_t id = word_id(raw);
      word_rules_[id].push_back(rule);
      rule_words_[rule].push_back(id);
    }
  }
  for (uint32_t rule = 0; rule < rule_words_.size(); ++rule) {
    if (rule_words_[rule].empty()) always_.push_back(rule);
  }
  for (uint32_t rule = 0; rule < rules.size(); ++rule) {
    for (const auto& set : rules[rule].also_required) {
      if (set.empty() || std::any_of(set.begin(), set.end(), [](const std::string& w) { return w.empty(); })) continue;
      const uint32_t number = set_count_++;
      rule_sets_[rule].push_back(number);
      for (const auto& raw : set) word_sets_[word_id(raw)].push_back(number);
    }
    if (!rule_sets_[rule].empty()) rules_with_sets_.push_back(rule);
  }
  // Byte classes: each byte that occurs in a word (lower case) gets a class; its upper-case
  // ASCII form gets the same one.
  for (const auto& word : words_) {
    for (unsigned char c : word) {
      if (byte_class_[c] == 0) byte_class_[c] = static_cast<uint8_t>(classes_++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) byte_class_[c] = byte_class_[c - 'A' + 'a'];
  for (const auto& word : words_) longest_ = std::max(longest_, static_cast<uint32_t>(word.size()));
  // Aho-Corasick: build the trie with goto links, then fill every missing transition. The
  // transitions are built in place, a row of `classes_` per state (-1: none yet), and then
  // turned into the entries scan() reads.
  std::vector<int32_t> next(classes_, -1);
  std::vector<int32_t> fail(1, 0);
  std::vector<std::vector<uint32_t>> outputs(1);
  const auto row = [&](int32_t state) { return next.begin() + static_cast<std::ptrdiff_t>(state) * classes_; };
  for (uint32_t id = 0; id < words_.size(); ++id) {
    int32_t state = 0;
    for (unsigned char c : words_[id]) {
      const uint8_t k = byte_class_[c];
      if (row(state)[k] < 0) {
        const auto added = static_cast<int32_t>(fail.size());
        row(state)[k] = added;
        next.resize(next.size() + classes_, -1);
        fail.push_back(0);
        outputs.emplace_back();
      }
      state = row(state)[k];
    }
    outputs[static_cast<std::size_t>(state)].push_back(id);
  }
  std::deque<int32_t> queue;
  for (uint32_t k = 0; k < classes_; ++k) {
    int32_t& target = row(0)[k];
    if (target < 0) target = 0;
    if (target > 0) queue.push_back(target);  // its fail link is the start
  }
  row(0)[0] = 0;  // bytes in no word lead back to the start
  while (!queue.empty()) {
    const int32_t state = queue.front();
    queue.pop_front();
    const int32_t fallback_state = fail[static_cast<std::size_t>(state)];
    const auto& inherited = outputs[static_cast<std::size_t>(fallback_state)];
    auto& own = outputs[static_cast<std::size_t>(state)];
    own.insert(own.end(), inherited.begin(), inherited.end());
    for (uint32_t k = 0; k < classes_; ++k) {
      const int32_t target = row(state)[k];
      const int32_t fallback = row(fallback_state)[k];
      if (target < 0) {
        row(state)[k] = fallback;
      } else {
        fail[static_cast<std::size_t>(target)] = fallback;
        queue.push_back(target);
      }
    }
  }
  next_.resize(next.size());
  for (std::size_t entry = 0; entry < next.size(); ++entry) {
    const auto target = static_cast<uint32_t>(next[entry]);
    const bool ends_words = !outputs[target].empty();
    next_[entry] = (target * classes_) << 1 | (ends_words ? 1U : 0U);
  }
  output_begin_.reserve(outputs.size() + 1);
  for (const auto& own : outputs) {
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), own.begin(), own.end());
  }
  output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
}

void Prefilter::report(uint32_t row, uint32_t at, std::vector<Hit>& hits) const {
  const uint32_t state = row / classes_;
  for (uint32_t o = output_begin_[state]; o < output_begin_[state + 1]; ++o) {
    const uint32_t word = outputs_[o];
    const auto length = static_cast<uint32_t>(words_[word].size());
    hits.push_back({at + 1 - length, length, word});
  }
}

std::vector<Prefilter::Hit> Prefilter::scan(std::string_view text, const std::vector<uint32_t>& stand_ins) const {
  if (stand_ins.empty() || words_.empty()) return scan_bytes(text);
  // The words are found in the text as the patterns see it ("non-aligned" in "Non\u2011Aligned"),
  // at the text's offsets.
  AsciiView view;
  view.find(text, Span{0, static_cast<uint32_t>(text.size())}, stand_ins);
  std::string seen;
  view.make(text, seen);
  std::vector<Hit> hits = scan_bytes(seen);
  for (Hit& hit : hits) {
    const uint32_t begin = view.from_view(hit.begin), end = view.from_view(hit.end());
    hit.begin = begin;
    hit.length = end - begin;
  }
  return hits;
}

std::vector<Prefilter::Hit> Prefilter::scan_bytes(std::string_view text) const {
  std::vector<Hit> hits;
  if (words_.empty()) return hits;
  const uint32_t* next = next_.data();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // Each step waits for the table entry of the step before. So the text is cut in four pieces
  // scanned in lockstep, whose loads overlap: four times the work per wait. A piece is scanned
  // from (longest word - 1) bytes before its start, from the start state, so that the words
  // that cross into it are found; it reports only the words that end inside it.
  constexpr uint32_t kPieces = 4;
  const auto size = static_cast<uint32_t>(text.size());
  struct Piece {
    uint32_t from, begin, end, row = 0;
    std::vector<Hit> hits;
  };
  std::array<Piece, kPieces> pieces;
  const bool split = size >= 64 * longest_;
  for (uint32_t k = 0; k < kPieces; ++k) {
    const uint32_t begin = split ? size / kPieces * k : (k == 0 ? 0 : size);
    const uint32_t end = split && k + 1 < kPieces ? size / kPieces * (k + 1) : size;
    pieces[k] = {begin >= longest_ ? begin - (longest_ - 1) : 0, begin, end, 0, {}};
  }
  auto step = [&](Piece& piece, uint32_t at) {
    const uint32_t entry = next[piece.row + byte_class_[bytes[at]]];
    piece.row = entry >> 1;
    if ((entry & 1) && at >= piece.begin) report(piece.row, at, piece.hits);
  };
  if (split) {
    uint32_t steps = UINT32_MAX;
    for (const auto& piece : pieces) steps = std::min(steps, piece.end - piece.from);
    // The four states live in registers; a word end in any piece is handled out of line.
    const unsigned char* at[kPieces] = {bytes + pieces[0].from, bytes + pieces[1].from, bytes + pieces[2].from,
                                        bytes + pieces[3].from};
    uint32_t row0 = 0, row1 = 0, row2 = 0, row3 = 0;
    for (uint32_t j = 0; j < steps; ++j) {
      const uint32_t e0 = next[row0 + byte_class_[at[0][j]]], e1 = next[row1 + byte_class_[at[1][j]]];
      const uint32_t e2 = next[row2 + byte_class_[at[2][j]]], e3 = next[row3 + byte_class_[at[3][j]]];
      row0 = e0 >> 1, row1 = e1 >> 1, row2 = e2 >> 1, row3 = e3 >> 1;
      if (((e0 | e1 | e2 | e3) & 1) == 0) continue;
      const uint32_t entries[kPieces] = {e0, e1, e2, e3};
      for (uint32_t k = 0; k < kPieces; ++k) {
        const uint32_t position = pieces[k].from + j;
        if ((entries[k] & 1) && position >= pieces[k].begin) report(entries[k] >> 1, position, pieces[k].hits);
      }
    }
    const uint32_t rows[kPieces] = {row0, row1, row2, row3};
    for (uint32_t k = 0; k < kPieces; ++k) {
      pieces[k].from += steps;
      pieces[k].row = rows[k];
    }
  }
  for (auto& piece : pieces) {
    for (uint32_t at = piece.from; at < piece.end; ++at) step(piece, at);
    hits.insert(hits.end(), piece.hits.begin(), piece.hits.end());
  }
  return hits;
}

void Prefilter::candidates(const std::vector<Hit>& hits, Span unit, std::vector<uint32_t>& out, std::size_t& cursor) const {
  for (uint32_t rule : always_) out[rule] = kAnywhere;
  // The first hit that ends inside the unit (hits are ordered by end). A unit before the
  // previous one is searched for; the next one is reached by stepping forward, a few hits.
  const auto ends_before = [&](std::size_t k) { return hits[k].end() < unit.begin + 1; };
  if (cursor > hits.size() || (cursor > 0 && !ends_before(cursor - 1))) {
    cursor = static_cast<std::size_t>(std::lower_bound(hits.begin(), hits.end(), unit.begin + 1,
                                                       [](const Hit& h, uint32_t end) { return h.end() < end; }) -
                                      hits.begin());
  }
  while (cursor < hits.size() && ends_before(cursor)) ++cursor;
  // Where the last word of each set of `also_required` in the unit begins (kSkip: none).
  thread_local std::vector<uint32_t> set_last;
  set_last.assign(set_count_, kSkip);
  for (auto it = hits.begin() + static_cast<std::ptrdiff_t>(cursor); it != hits.end() && it->end() <= unit.end; ++it) {
    if (it->begin < unit.begin) continue;
    for (uint32_t rule : word_rules_[it->word]) {
      if (out[rule] == kSkip || out[rule] < it->begin) out[rule] = it->begin;
    }
    for (uint32_t set : word_sets_[it->word]) {
      if (set_last[set] == kSkip || set_last[set] < it->begin) set_last[set] = it->begin;
    }
  }
  // A rule runs only if each of its sets has a word in the unit; no match begins after the
  // last word of any of them (a rule without trigger words stays kAnywhere, not bounded).
  for (uint32_t rule : rules_with_sets_) {
    if (out[rule] == kSkip) continue;
    for (uint32_t set : rule_sets_[rule]) {
      if (set_last[set] == kSkip) {
        out[rule] = kSkip;
        break;
      }
      if (out[rule] != kAnywhere) out[rule] = std::min(out[rule], set_last[set]);
    }
  }
}

bool everyday_word(std::string_view word) {
  // Triggers are substrings: "for" is also in "forces" and "before", "ion" in most sentences.
  // Words and pieces of words found in most sentences of UN records.
  // clang-format off
  static const std::set<std::string, std::less<>> kEveryday = {
      "united", "nations", "united nations", "nation", "security", "council", "security council", "general",
      "assembly", "international", "republic", "government", "states", "state", "country", "countries", "people",
      "the", "and", "for", "that", "with", "this", "are", "all", "not", "also", "has", "have", "its", "our", "from",
      "was", "were", "will", "which", "their", "ion", "ent", "ing", "tion", "ation", "ment", "con", "pro", "res",
      "ter", "ati"};
  // clang-format on
  return kEveryday.count(word) > 0;
}

}  // namespace caucus
