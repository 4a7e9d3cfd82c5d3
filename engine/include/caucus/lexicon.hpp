// Lexicons (gazetteers): lists of names with ids and attributes, used inside rule patterns as
// {lexicon:NAME} and compiled to one trie-shaped regular expression, so that thousands of
// names cost about as much to match as a handful.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "caucus/annotation.hpp"
#include "caucus/diagnostics.hpp"

namespace caucus {

struct LexiconEntry {
  Name id;     // interned: every match of the entry stamps them on an ActorRef
  Name label;
  // String-list fields: "names" always; others such as "demonyms" or "members" as the file has them.
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
  // Scalar fields ("type", "region", ...), with the lexicon's defaults applied.
  Attributes attrs;
  SourceLocation where;
};

struct LexiconOptions {
  bool ignore_case = true;        // names in capitals only (acronyms) always match case-sensitively
  bool ignore_diacritics = true;  // "Cote d'Ivoire" matches "Côte d'Ivoire"
  bool optional_the = true;       // a leading "the" of a name is optional in the text
};

class Lexicon {
 public:
  Lexicon(std::string name, LexiconOptions options);

  // Reads a lexicon file ([lexicon] header, [[entry]] tables). Reports problems (R030-R033).
  static std::shared_ptr<Lexicon> load(const std::filesystem::path& file, std::string name, LexiconOptions options,
                                       Diagnostics& diagnostics);
  // Adds an entry (used by loaders and by inline lexicons of rule files).
  void add(LexiconEntry entry);
  // Builds the lookup tables; call once after the last add(). Reports names that two entries
  // share (R033) as warnings at `where`.
  void finish(Diagnostics& diagnostics);

  const std::string& name() const { return name_; }
  const LexiconOptions& options() const { return options_; }
  const std::vector<LexiconEntry>& entries() const { return entries_; }
  // Number of distinct match keys of a field.
  std::size_t key_count(std::string_view field = "names") const;
  bool has_field(std::string_view field) const;

  // A PCRE2 pattern (one non-capturing group, no anchors or boundaries) that matches every
  // name of `field`, longest first along shared prefixes.
  const std::string& pattern(std::string_view field = "names") const;
  // The names pattern() is made of, as it spells them (lower case unless acronyms).
  std::vector<std::string> pattern_names(std::string_view field = "names") const;
  // The same in its two parts: the names matched without case (if options().ignore_case),
  // tried first, and the acronyms, matched as written. Empty for an unknown field.
  const std::vector<std::string>& pattern_words(std::string_view field = "names") const;
  const std::vector<std::string>& pattern_acronyms(std::string_view field = "names") const;
  // The entry a matched text belongs to, or nullptr.
  const LexiconEntry* lookup(std::string_view matched, std::string_view field = "names") const;
  const LexiconEntry* find_id(std::string_view id) const;
  // The patterns built so far (by pattern()), for tools that must see through them.
  std::vector<const std::string*> built_patterns() const;
  // The fields whose patterns were built so far.
  std::vector<std::string> built_fields() const;

 private:
  struct FieldIndex {
    std::unordered_map<std::string, uint32_t> folded;  // folded key -> entry
    std::unordered_map<std::string, uint32_t> exact;   // acronyms, matched as written
    std::vector<std::string> words, acronyms;          // the forms the pattern must match
    mutable std::optional<std::string> pattern;        // built on first use: most fields never are
  };
  // The index of `field`, or an empty one.
  const FieldIndex& field_index(std::string_view field) const;
  std::string name_;
  LexiconOptions options_;
  std::vector<LexiconEntry> entries_;
  std::map<std::string, FieldIndex, std::less<>> fields_;
};

// The key a name is looked up by: white space collapsed, typographic apostrophes and dashes
// made plain, a leading "the " dropped (if asked), case folded and diacritics removed (if asked).
std::string lexicon_key(std::string_view text, const LexiconOptions& options);

// True for names written entirely in capitals (and digits, hyphens, dots): acronyms such as
// "EU", "G-77", "UNODC", which match case-sensitively so that "ACT" does not fire on "act".
bool is_acronym(std::string_view name);

// Removes diacritics (NFD, drop non-spacing marks, NFC).
std::string strip_diacritics(std::string_view text);

}  // namespace caucus
