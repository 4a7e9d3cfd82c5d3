#include "speeches/named_again.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <utility>

#include "caucus/text.hpp"
#include "common/text_match.hpp"
#include "speeches/office_before_name.hpp"
#include "speeches/offices.hpp"
#include "speeches/speech_verbs.hpp"

namespace caucus::annotators {
namespace {

// True if `c` is a byte of a word: an ASCII letter or digit, or part of a non-ASCII character.
bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// True if `word` begins with a capital (any non-ASCII letter passes: names' "Ø", "É").
bool capitalised(std::string_view word) {
  return !word.empty() && ((word[0] >= 'A' && word[0] <= 'Z') || static_cast<unsigned char>(word[0]) >= 0x80);
}

// The first actor `store` has in `span`, empty if none.
ActorRef first_actor(const AnnotationStore& store, Span span) {
  const auto& actors = store.contained("actor", span);
  if (actors.empty()) return {};
  const ActorRef* actor = store[actors.front()].attrs.actor("actor");
  return actor ? *actor : ActorRef{};
}

// True if `word` is an initial of a name: "L." in "Johan L. Løvald".
bool initial(std::string_view word) { return word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z' && word[1] == '.'; }

}  // namespace

bool has_name_word(std::string_view name, std::string_view word) {
  const std::string key = lower_ascii(word);
  const std::string lower = lower_ascii(name);
  for (std::size_t at = lower.find(key); at != std::string::npos; at = lower.find(key, at + 1)) {
    const std::size_t end = at + key.size();
    if ((at == 0 || lower[at - 1] == ' ') && (end == lower.size() || lower[end] == ' ')) return true;
  }
  return false;
}

namespace {
// The titles a surname follows ("Mr. Møller"; "Mr Møller" too, where they are a name's first word).
constexpr std::string_view kPersonalTitles[] = {"Mr.", "Ms.", "Mrs.", "Dr."};
}  // namespace

bool titled_surname(std::string_view name) {
  const std::size_t space = name.find(' ');
  if (space == std::string_view::npos || name.find(' ', space + 1) != std::string_view::npos) return false;
  std::string_view title = name.substr(0, space);
  if (title.ends_with('.')) title.remove_suffix(1);
  const std::string_view surname = name.substr(space + 1);
  return std::any_of(std::begin(kPersonalTitles), std::end(kPersonalTitles),
                     [&](std::string_view dotted) { return dotted.substr(0, dotted.size() - 1) == title; }) &&
         capitalised(surname);
}

namespace {

// A full mention of a person with `surname` in `head`: where its first word begins, and what
// follows the name (from a given name after the surname on).
struct FullMention {
  std::size_t first_word = 0;
  std::string_view rest;
};

// The last word of `before` and where it begins (a line's first word begins after the line
// break: "Diedre Nichole Mills (Jamaica), Chair of ..." opening a paragraph).
std::pair<std::size_t, std::string_view> final_word(std::string_view before) {
  const std::size_t space = before.find_last_of(" \n\t");
  const std::size_t begin = space == std::string_view::npos ? 0 : space + 1;
  return {begin, before.substr(begin)};
}

// The word that ends at the space before `at` in `head` (`at` >= 2, `head[at - 1]` a space).
std::pair<std::size_t, std::string_view> word_before(std::string_view head, std::size_t at) {
  return final_word(head.substr(0, at - 1));
}

// The full mentions of `surname` in `head`, in text order, each given to `visit` until it
// returns true. A full name has a capitalised word before the surname (an initial too), not a
// title ("Mr. Møller"); a given name may follow the surname ("Ban Ki-moon, Secretary-General",
// "Ambassador Oh Joon of the Republic of Korea", "Secretary-General Ban Ki-moon.", "Secretary-General
// Ban Ki-moon's opening remarks").
template <typename Visit>
void for_each_full_mention(std::string_view head, std::string_view surname, Visit visit) {
  if (surname.empty()) return;
  for (std::size_t found = head.find(surname); found != std::string_view::npos; found = head.find(surname, found + 1)) {
    const std::size_t end = found + surname.size();
    if (found < 2 || head[found - 1] != ' ' || (end < head.size() && is_word_byte(head[end]))) continue;
    const auto [word, first] = word_before(head, found);
    if (first.empty() || !capitalised(first) || (first.ends_with('.') && !initial(first)) || first == "Mme") continue;
    std::string_view rest = head.substr(end);
    if (rest.size() > 1 && rest[0] == ' ' && capitalised(rest.substr(1))) {
      const std::size_t next = rest.find_first_of(" ,(.;", 1);
      const std::string_view given = rest.substr(1, next == std::string_view::npos ? next : next - 1);
      if (next != std::string_view::npos && starts_with_any(rest.substr(next), {", ", " (", " of ", ".", ";"})) {
        rest = rest.substr(next);
      } else {
        // The given name with a possessive: "Secretary-General Ban Ki-moon's opening remarks".
        for (std::string_view possessive : {"'s", "\u2019s"}) {
          if (given.ends_with(possessive)) {
            rest = rest.substr(1 + given.size() - possessive.size());
            break;
          }
        }
      }
    }
    if (visit(FullMention{word, rest})) return;
  }
}

// The State whose office a name follows, within a few words: "East Timor's President-elect
// Xanana Gusmao" (the name begins at `name`); empty if none.
ActorRef state_owning_office_before(std::string_view head, const AnnotationStore& store, std::size_t name) {
  constexpr std::size_t kOfficeBytes = 40;
  const std::size_t from = name > kOfficeBytes ? name - kOfficeBytes : 0;
  const std::string_view office = head.substr(from, name - from);
  for (std::string_view possessive : {"'s ", "\u2019s "}) {
    const std::size_t at = office.rfind(possessive);
    if (at == std::string_view::npos) continue;
    const auto owner_end = static_cast<uint32_t>(from + at);
    for (AnnotationId id : store.contained("actor", {owner_end > 60 ? owner_end - 60 : 0, owner_end})) {
      const Annotation& actor = store[id];
      if (actor.span.end == owner_end && actor.attrs.text("actor_type") == "state") return *actor.attrs.actor("actor");
    }
  }
  return {};
}

// The capitalised words up to a full mention's surname (and a given name after it), at most
// five: the name, and an office printed before it ("outgoing Chair Macharia Kamau").
std::string_view printed_with_office(std::string_view head, const FullMention& mention) {
  std::size_t begin = mention.first_word;
  for (int words = 1; words < 5 && begin >= 2 && head[begin - 1] == ' '; ++words) {
    const auto [word, previous] = word_before(head, begin);
    if (!capitalised(previous) || previous.ends_with('.') || previous.ends_with(',')) break;
    begin = word;
  }
  return head.substr(begin, head.size() - mention.rest.size() - begin);
}

// Whom the office printed before a full mention's name speaks for: "General Assembly
// President Jan Eliasson" the Assembly, "Under-Secretary-General Rosemary DiCarlo" the
// Organization; empty for any other office, or none.
ActorRef actor_of_office_before(std::string_view head, const FullMention& mention) {
  const auto split = office_before_name(printed_with_office(head, mention));
  if (!split) return {};
  if (presides_over_assembly(split->office)) return kGeneralAssembly;
  if (secretariat_office(split->office)) return kUnitedNations;
  return {};
}

}  // namespace

std::optional<std::string> full_name_of_person(std::string_view text, std::string_view surname, uint32_t before) {
  const std::string_view head = text.substr(0, before);
  std::optional<std::string> name;
  for_each_full_mention(head, surname, [&](const FullMention& mention) {
    // The name less the office printed before it ("outgoing Chair Macharia Kamau": Macharia Kamau).
    std::string found(printed_with_office(head, mention));
    if (auto split = office_before_name(found)) found = std::move(split->name);
    if (found.find(' ') == std::string::npos) return false;
    name = std::move(found);
    return true;
  });
  return name;
}

ActorRef actor_of_named_person(std::string_view text, const AnnotationStore& store, std::string_view surname,
                               uint32_t before) {
  const std::string_view head = text.substr(0, before);
  ActorRef result;
  for_each_full_mention(head, surname, [&](const FullMention& mention) {
    // An office of the Assembly's or the Secretariat's before the name says it before the State
    // in brackets: "Assembly President Dennis Francis (Trinidad and Tobago)" presides for the
    // Assembly, as its records have it.
    result = actor_of_office_before(head, mention);
    if (!result.id.empty()) return true;
    const std::string_view rest = mention.rest;
    const auto at = static_cast<uint32_t>(head.size() - rest.size());
    if (rest.starts_with(" (")) {
      const std::size_t close = rest.find(')');
      if (close == std::string_view::npos) return false;
      result = first_actor(store, {at + 2, at + static_cast<uint32_t>(close)});
    } else if (rest.starts_with(" of ")) {
      // "Council President Alfonso Valdivieso of Colombia": the State after "of".
      const std::size_t clause_end =
          std::min<std::size_t>({rest.find_first_of(",;.()", 4), std::size_t{80}, rest.size()});
      result = first_actor(store, {at + 4, at + static_cast<uint32_t>(clause_end)});
    } else if (rest.starts_with(", ")) {
      const std::size_t clause_end = std::min<std::size_t>({rest.find_first_of(",;.()", 2), std::size_t{250}, rest.size()});
      const std::string_view office = rest.substr(2, clause_end - 2);
      // (A clause that goes on with someone else speaking is no office: "... Chief Minister Mari
      // Alkatiri, the Secretary-General said that ...".)
      if (contains_any(office, kSpeechVerbs)) return false;
      result = secretariat_office(office) || secretariat_department(office)
                   ? kUnitedNations
                   : first_actor(store, {at + 2, at + static_cast<uint32_t>(clause_end)});
    }
    if (result.id.empty()) result = state_owning_office_before(head, store, mention.first_word);
    return !result.id.empty();
  });
  return result;
}

namespace {

// The capitalised words of a name at the start of `rest` ("Fatou Bensouda said" gives "Fatou
// Bensouda"): two to four words, each a capital and then small letters or an initial, and what
// follows them no capitalised word; empty if `rest` opens with none.
std::string_view name_at(std::string_view rest) {
  std::size_t end = 0, words = 0;
  while (words < 4) {
    std::size_t word_end = end;
    while (word_end < rest.size() && rest[word_end] != ' ' && rest[word_end] != ',' && rest[word_end] != ';' &&
           rest[word_end] != '\n')
      ++word_end;
    const std::string_view word = rest.substr(end, word_end - end);
    const bool lower_after_capital =
        word.size() > 1 && std::any_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!capitalised(word) || !(lower_after_capital || initial(word))) break;
    ++words;
    end = word_end;
    if (end >= rest.size() || rest[end] != ' ') break;
    ++end;
  }
  const std::string_view name = rest.substr(0, end);
  const std::string_view trimmed = name.substr(0, name.find_last_not_of(' ') + 1);
  if (words < 2 || trimmed.ends_with(".")) return {};
  return trimmed;
}

// True if `line` has a word of five or more small letters, as prose does and a headline in
// title case does not.
bool has_long_small_word(std::string_view line) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const bool small = line[i] >= 'a' && line[i] <= 'z';
    const bool word_start = run == 0 && (i == 0 || !is_word_byte(line[i - 1]));
    run = small && (run > 0 || word_start) ? run + 1 : 0;
    if (run >= 5) return true;
  }
  return false;
}

// The name printed after `office` before `until`: "Prosecutor Fatou Bensouda said", "briefed by
// Secretary-General Kofi Annan". Not a longer office's end ("Deputy Prosecutor", "Assistant
// Secretary-General": the word before it is not capitalised), nor a headline in title case
// ("Secretary-General Expresses Pride in Orderly Handover").
std::optional<std::string> name_after_office(std::string_view text, std::string_view office, uint32_t until) {
  const std::string_view head = text.substr(0, until);
  for (std::size_t at = head.find(office); at != std::string_view::npos; at = head.find(office, at + 1)) {
    const std::size_t after = at + office.size();
    if (after >= head.size() || head[after] != ' ' || (at > 0 && is_word_byte(head[at - 1]))) continue;
    std::string_view before = head.substr(0, at);
    before = before.substr(0, before.find_last_not_of(' ') + 1);
    const std::string_view previous = final_word(before).second;
    if (capitalised(previous) && !previous.ends_with(".")) continue;
    const std::string_view name = name_at(head.substr(after + 1));
    const std::size_t name_end = after + 1 + name.size();
    if (name.empty() || (name_end < head.size() && capitalised(head.substr(name_end + 1)))) continue;
    const std::size_t line_break = head.rfind('\n', at);
    const std::size_t line_begin = line_break == std::string_view::npos ? 0 : line_break + 1;
    const std::size_t line_end = std::min(text.find('\n', at), text.size());
    if (!has_long_small_word(text.substr(line_begin, line_end - line_begin))) continue;
    return std::string(name);
  }
  return std::nullopt;
}

// The subject of a later clause or sentence of `turn` named by title and surname, before a word in
// small letters: ", Mr. Moreno-Ocampo laid out", "Ms. Bensouda said"; in full if the text gave the
// full name before.
std::optional<std::string> titled_subject(std::string_view text, Span turn) {
  const std::string_view body = text.substr(turn.begin, turn.end - turn.begin);
  for (const std::string_view dotted : kPersonalTitles) {
    const std::string title = std::string(dotted) + ' ';
    for (std::size_t at = body.find(title); at != std::string_view::npos; at = body.find(title, at + 1)) {
      const std::string_view before = body.substr(0, at);
      if (at > 0 && !before.ends_with(", ") && !before.ends_with(". ") && !before.ends_with("\n")) continue;
      const std::size_t surname_at = at + title.size();
      std::size_t surname_end = surname_at;
      while (surname_end < body.size() && body[surname_end] != ' ' && body[surname_end] != ',') ++surname_end;
      const std::string_view surname = body.substr(surname_at, surname_end - surname_at);
      if (!capitalised(surname) || surname_end + 1 >= body.size() || body[surname_end] != ' ') continue;
      const char next = body[surname_end + 1];
      if (next < 'a' || next > 'z') continue;
      if (auto full = full_name_of_person(text, surname, turn.begin + static_cast<uint32_t>(at))) return full;
      return std::string(body.substr(at, surname_end - at));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> holder_of_office(std::string_view text, std::string_view office, Span turn) {
  if (office.empty()) return std::nullopt;
  if (auto name = name_after_office(text, office, turn.end)) return name;
  return titled_subject(text, turn);
}

}  // namespace caucus::annotators
