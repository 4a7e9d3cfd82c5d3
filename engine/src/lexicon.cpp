#include "caucus/lexicon.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <set>

#include "bytes.hpp"
#include "toml_util.hpp"
#include "typography.hpp"

namespace caucus {
namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string fold_case(std::string_view text) {
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode.foldCase();
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

// --- The trie that becomes the pattern ------------------------------------------------------

// An atom is one pattern element: an escaped literal, or a class for characters that vary. This
// is the atom of the character of `length` bytes at name[i].
std::string atom_at(std::string_view name, std::size_t i, int length) {
  const auto c = static_cast<unsigned char>(name[i]);
  // A name may be broken across lines; a no-break space in a name is a space (the patterns
  // see the text's as spaces, see rules/ascii_view.hpp).
  if (c == ' ' || wide_space_length(name.substr(i)) > 0) return "\\s+";
  // ', " and - stand for their typographic forms too
  if (std::string typographic = typography::pattern_class(static_cast<char>(c)); !typographic.empty()) return typographic;
  if (c < 0x80 && !std::isalnum(c)) return std::string("\\") + static_cast<char>(c);
  return std::string(name.substr(i, static_cast<std::size_t>(length)));
}

// The names of a list spelled as numbers of atoms: atoms are numbered in the order of their
// texts, so that names sort (and share their prefixes) as the atoms' texts would, compared
// as integers.
struct Spelled {
  std::vector<std::string> atoms;     // number -> text
  std::vector<std::u32string> names;  // sorted, without repeats
};

Spelled spell(const std::vector<std::string>& list) {
  std::unordered_map<std::string, char32_t> seen;  // text -> number in order of first sight
  std::vector<std::string> first_seen;
  // The number of an ASCII character's atom, once seen: names are mostly ASCII, and making
  // and hashing an atom's text for each of their characters was most of the loading of a lexicon.
  constexpr char32_t kUnseen = ~char32_t{0};
  std::array<char32_t, 0x80> ascii_atoms;
  ascii_atoms.fill(kUnseen);
  Spelled out;
  out.names.reserve(list.size());
  for (const auto& name : list) {
    std::u32string& spelled = out.names.emplace_back();
    spelled.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
      const auto c = static_cast<unsigned char>(name[i]);
      if (c < 0x80 && ascii_atoms[c] != kUnseen) {
        spelled += ascii_atoms[c];
        ++i;
        continue;
      }
      const int length = utf8_sequence_length(c);
      std::string atom = atom_at(name, i, length);
      auto [it, added] = seen.try_emplace(std::move(atom), static_cast<char32_t>(first_seen.size()));
      if (added) first_seen.push_back(it->first);
      if (c < 0x80) ascii_atoms[c] = it->second;
      spelled += it->second;
      i += static_cast<std::size_t>(length);
    }
  }
  // Renumbered in text order.
  std::vector<char32_t> by_text(first_seen.size());
  for (std::size_t k = 0; k < by_text.size(); ++k) by_text[k] = static_cast<char32_t>(k);
  std::sort(by_text.begin(), by_text.end(), [&](char32_t a, char32_t b) { return first_seen[a] < first_seen[b]; });
  std::vector<char32_t> rank(first_seen.size());
  out.atoms.resize(first_seen.size());
  for (std::size_t r = 0; r < by_text.size(); ++r) {
    rank[by_text[r]] = static_cast<char32_t>(r);
    out.atoms[r] = std::move(first_seen[by_text[r]]);
  }
  for (auto& spelled : out.names) {
    for (char32_t& atom : spelled) atom = rank[atom];
  }
  std::sort(out.names.begin(), out.names.end());
  out.names.erase(std::unique(out.names.begin(), out.names.end()), out.names.end());
  return out;
}

// Appends the pattern of names[lo, hi) to `out`: names sorted by their atoms, all alike in their
// first `depth` atoms. It is the pattern of their trie (one branch per different next atom, in
// atom order) written without building the trie: a sorted list has its branches side by side.
void emit(const Spelled& spelled, std::size_t lo, std::size_t hi, std::size_t depth, std::string& out) {
  const auto& names = spelled.names;
  const bool terminal = names[lo].size() == depth;  // (a name that ends here sorts first)
  if (terminal) ++lo;
  if (lo == hi) return;
  std::size_t branches = 0;
  for (std::size_t i = lo; i < hi; ++i) branches += i == lo || names[i][depth] != names[i - 1][depth];
  const bool group = branches > 1 || terminal;
  if (group) out += "(?:";
  for (std::size_t first = lo; first < hi;) {
    std::size_t last = first + 1;
    while (last < hi && names[last][depth] == names[first][depth]) ++last;
    if (first != lo) out += '|';
    out += spelled.atoms[names[first][depth]];
    emit(spelled, first, last, depth + 1, out);
    first = last;
  }
  if (group) out += terminal ? ")?" : ")";  // greedy: longer names are tried first
}

std::string emit(const std::vector<std::string>& list) {
  const Spelled spelled = spell(list);
  std::string out;
  if (!spelled.names.empty()) emit(spelled, 0, spelled.names.size(), 0, out);
  return out;
}

}  // namespace

std::string strip_diacritics(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  icu::UnicodeString composed = nfc->normalize(kept, status);
  std::string out;
  composed.toUTF8String(out);
  return out;
}

bool is_acronym(std::string_view name) {
  bool letter = false;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::islower(u) || u >= 0x80 || c == ' ') return false;
    letter |= std::isupper(u) != 0;
  }
  return letter;
}

namespace {

// lexicon_key of a text normalise_punctuation already went over, written to `key`. This is the
// lookups' hot path: an ASCII text (no diacritics, case folded by tolower) needs neither ICU
// nor, once `key` has grown, an allocation.
void key_of_normalised(std::string_view plain, const LexiconOptions& options, std::string& key) {
  if (options.optional_the && plain.size() > 4 && (plain.starts_with("the ") || plain.starts_with("The ") || plain.starts_with("THE "))) {
    plain.remove_prefix(4);
  }
  if (is_ascii(plain)) {
    key.assign(plain);
    if (options.ignore_case) {
      for (char& c : key) c = static_cast<char>(bytes::ascii_lower(static_cast<unsigned char>(c)));
    }
    return;
  }
  key = options.ignore_diacritics ? strip_diacritics(plain) : std::string(plain);
  if (options.ignore_case) key = fold_case(key);
}

std::string key_of_normalised(std::string_view plain, const LexiconOptions& options) {
  std::string key;
  key_of_normalised(plain, options, key);
  return key;
}

}  // namespace

std::string lexicon_key(std::string_view text, const LexiconOptions& options) {
  return key_of_normalised(normalise_punctuation(text), options);
}

Lexicon::Lexicon(std::string name, LexiconOptions options) : name_(std::move(name)), options_(options) {}

void Lexicon::add(LexiconEntry entry) { entries_.push_back(std::move(entry)); }

void Lexicon::finish(Diagnostics& diagnostics) {
  std::set<std::string> field_names;
  for (const auto& entry : entries_) {
    for (const auto& [field, values] : entry.lists) field_names.insert(field);
  }
  for (const auto& field : field_names) {
    FieldIndex index;
    for (uint32_t i = 0; i < entries_.size(); ++i) {
      auto it = entries_[i].lists.find(field);
      if (it == entries_[i].lists.end()) continue;
      for (const auto& raw : it->second) {
        const std::string name = normalise_punctuation(raw);
        if (name.empty()) continue;
        if (is_acronym(name)) {
          index.acronyms.push_back(name);
          auto [slot, inserted] = index.exact.emplace(name, i);
          // Only fields of names: lists of ids ("members") repeat codes on purpose.
          if (!inserted && slot->second != i && (field == "names" || field == "demonyms")) {
            diagnostics.warning("R033", "name '" + raw + "' of '" + entries_[i].id + "' is also a name of '" +
                                            entries_[slot->second].id + "' in lexicon '" + name_ + "'; the first wins",
                                entries_[i].where);
          }
          continue;
        }
        std::string body = name;
        if (options_.optional_the && (body.starts_with("the ") || body.starts_with("The "))) body.erase(0, 4);
        const std::string key = key_of_normalised(body, options_);
        auto [slot, inserted] = index.folded.emplace(key, i);
        if (!inserted && slot->second != i) {
          diagnostics.warning("R033", "name '" + raw + "' of '" + entries_[i].id + "' is also a name of '" +
                                          entries_[slot->second].id + "' in lexicon '" + name_ + "'; the first wins",
                              entries_[i].where);
        }
        const std::string lowered = options_.ignore_case ? fold_case(body) : body;
        index.words.push_back(lowered);
        if (options_.ignore_diacritics) index.words.push_back(strip_diacritics(lowered));
      }
    }
    fields_[field] = std::move(index);
  }
}

std::size_t Lexicon::key_count(std::string_view field) const {
  auto it = fields_.find(field);
  return it == fields_.end() ? 0 : it->second.folded.size() + it->second.exact.size();
}

bool Lexicon::has_field(std::string_view field) const { return fields_.find(field) != fields_.end(); }

const std::string& Lexicon::pattern(std::string_view field) const {
  static const std::string kNever = "(?:(*FAIL))";
  auto it = fields_.find(field);
  if (it == fields_.end()) return kNever;
  const FieldIndex& index = it->second;
  if (!index.pattern) {
    std::string pattern;
    const std::string acronym_part = emit(index.acronyms);
    const std::string word_part = emit(index.words);
    // Names first: where an acronym starts a longer name ("UN" and "UN Women"), the longer name
    // must be tried first. Each part carries its own case rule, whatever the rule's flags.
    if (!word_part.empty()) pattern += (options_.ignore_case ? "(?i:" : "(?-i:") + word_part + ")";
    if (!acronym_part.empty()) pattern += (pattern.empty() ? "" : "|") + ("(?-i:" + acronym_part + ")");
    index.pattern = "(?:" + (pattern.empty() ? std::string("(*FAIL)") : pattern) + ")";
  }
  return *index.pattern;
}

std::vector<std::string> Lexicon::pattern_names(std::string_view field) const {
  std::vector<std::string> names = pattern_words(field);
  const auto& acronyms = pattern_acronyms(field);
  names.insert(names.end(), acronyms.begin(), acronyms.end());
  return names;
}

const Lexicon::FieldIndex& Lexicon::field_index(std::string_view field) const {
  static const FieldIndex kNone;
  auto it = fields_.find(field);
  return it == fields_.end() ? kNone : it->second;
}

const std::vector<std::string>& Lexicon::pattern_words(std::string_view field) const { return field_index(field).words; }

const std::vector<std::string>& Lexicon::pattern_acronyms(std::string_view field) const {
  return field_index(field).acronyms;
}

const LexiconEntry* Lexicon::lookup(std::string_view matched, std::string_view field) const {
  auto it = fields_.find(field);
  if (it == fields_.end()) return nullptr;
  // Buffers kept between calls: lookups run once per match, and most texts are ASCII.
  thread_local std::string plain, key;
  normalise_punctuation(matched, plain);
  if (auto exact = it->second.exact.find(plain); exact != it->second.exact.end()) return &entries_[exact->second];
  key_of_normalised(plain, options_, key);
  auto folded = it->second.folded.find(key);
  return folded == it->second.folded.end() ? nullptr : &entries_[folded->second];
}

std::vector<const std::string*> Lexicon::built_patterns() const {
  std::vector<const std::string*> out;
  for (const auto& [field, index] : fields_) {
    if (index.pattern) out.push_back(&*index.pattern);
  }
  return out;
}

std::vector<std::string> Lexicon::built_fields() const {
  std::vector<std::string> out;
  for (const auto& [field, index] : fields_) {
    if (index.pattern) out.push_back(field);
  }
  return out;
}

const LexiconEntry* Lexicon::find_id(std::string_view id) const {
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const LexiconEntry& e) { return e.id == id; });
  return it == entries_.end() ? nullptr : &*it;
}

std::shared_ptr<Lexicon> Lexicon::load(const std::filesystem::path& file, std::string name, LexiconOptions options,
                                       Diagnostics& diagnostics) {
  const std::string path = file.string();
  auto file_read = load_toml_file(path, "R001", diagnostics);
  if (!file_read.text) {
    diagnostics.error("R030", "cannot read lexicon file '" + path + "'");
    return nullptr;
  }
  auto& table = file_read.table;
  if (!table) return nullptr;
  const DisposeOnExit dispose_table(&*table);

  Attributes defaults;
  if (const toml::table* header = table->get_as<toml::table>("lexicon")) {
    if (auto v = header->get_as<bool>("ignore_case")) options.ignore_case = v->get();
    if (auto v = header->get_as<bool>("ignore_diacritics")) options.ignore_diacritics = v->get();
    if (auto v = header->get_as<bool>("optional_the")) options.optional_the = v->get();
    if (const toml::table* d = header->get_as<toml::table>("defaults")) {
      for (const auto& [key, node] : *d) {
        if (auto s = node.value<std::string>(); s && node.is_string()) defaults.set(std::string(key.str()), *s);
      }
    }
  }
  auto lexicon = std::make_shared<Lexicon>(std::move(name), options);
  const toml::array* entries = table->get_as<toml::array>("entry");
  if (!entries) {
    diagnostics.error("R031", "lexicon has no [[entry]]", {path, 1, 1});
    return nullptr;
  }
  std::set<std::string> ids;
  bool ok = true;
  for (const toml::node& node : *entries) {
    const toml::table* t = node.as_table();
    if (!t) continue;
    LexiconEntry entry;
    entry.where = toml_location(*t, path);
    entry.attrs = defaults;
    for (const auto& [key, value] : *t) {
      const std::string k(key.str());
      if (k == "id" || k == "label") {
        if (!value.is_string()) {
          diagnostics.error("R032", "'" + k + "' must be a string", toml_location(value, path));
          ok = false;
          continue;
        }
        (k == "id" ? entry.id : entry.label) = *value.value<std::string>();
      } else if (const toml::array* list = value.as_array()) {
        auto& out = entry.lists[k];
        for (const toml::node& item : *list) {
          if (item.is_string()) out.push_back(*item.value<std::string>());
          else {
            diagnostics.error("R032", "'" + k + "' must be a list of strings", toml_location(item, path));
            ok = false;
          }
        }
      } else if (value.is_string()) {
        entry.attrs.set(k, *value.value<std::string>());
      } else if (value.is_integer()) {
        entry.attrs.set(k, *value.value<int64_t>());
      } else if (value.is_boolean()) {
        entry.attrs.set(k, *value.value<bool>());
      }
    }
    if (entry.id.empty() || entry.lists["names"].empty()) {
      diagnostics.error("R031", "lexicon entry needs an 'id' and at least one name in 'names'", entry.where);
      ok = false;
      continue;
    }
    if (!ids.insert(entry.id).second) {
      diagnostics.error("R031", "duplicate lexicon id '" + entry.id + "'", entry.where);
      ok = false;
    }
    if (entry.label.empty()) entry.label = entry.lists["names"].front();
    lexicon->add(std::move(entry));
  }
  if (!ok) return nullptr;
  lexicon->finish(diagnostics);
  return lexicon;
}

}  // namespace caucus
