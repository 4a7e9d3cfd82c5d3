#include "speeches/office_before_name.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <vector>

#include "caucus/text.hpp"

namespace caucus::annotators {
namespace {

// The words that end an office printed before a name (in plain punctuation).
constexpr std::string_view kOfficeWords[] = {"Chair",
                                             "Chairman",
                                             "Chairperson",
                                             "Chairwoman",
                                             "Co-Chair",
                                             "President",
                                             "Vice-President",
                                             "President-elect",
                                             "Secretary-General",
                                             "Secretary General",
                                             "Under-Secretary-General",
                                             "Minister",
                                             "Envoy",
                                             "Coordinator",
                                             "Rapporteur",
                                             "Commissioner",
                                             "Director",
                                             "Director-General",
                                             "Director General",
                                             "Administrator",
                                             "Adviser",
                                             "Advisor",
                                             "Prosecutor",
                                             "Spokesperson",
                                             "Representative",
                                             "Registrar",
                                             "Chancellor",
                                             "Premier",
                                             "Executive Secretary"};

// Name particles written in lower case ("Ursula von der Leyen").
constexpr std::string_view kParticles[] = {"de",  "da",  "del", "della", "di", "do",  "dos", "das", "du", "van", "von",
                                           "der", "den", "ter", "la",    "le", "bin", "ibn", "al",  "el", "y"};

bool is_office_word(std::string_view word) {
  return std::find(std::begin(kOfficeWords), std::end(kOfficeWords), word) != std::end(kOfficeWords);
}

// A word of a person's name: capitalised ("Ki-moon", "U.", "Kőrösi", "ÓSCAR"), or a particle,
// on its own, elided or joined to the next word ("d'Escoto", "al-Nasser", in plain punctuation).
// (A letter outside ASCII is taken as a capital: a name's first letter, "Óscar", "Ângela".)
bool name_word(std::string_view word) {
  for (std::string_view joined_particle : {"d'", "al-", "el-"}) {
    if (word.starts_with(joined_particle) && word.size() > joined_particle.size())
      word.remove_prefix(joined_particle.size());
  }
  if (word.empty()) return false;
  const auto first = static_cast<unsigned char>(word.front());
  if (first >= 0x80 || (first >= 'A' && first <= 'Z')) return !is_office_word(word);
  return std::find(std::begin(kParticles), std::end(kParticles), word) != std::end(kParticles);
}

// The honorifics that open a person's name as printed after an office ("Ambassador Mona Juul").
constexpr std::string_view kHonorifics[] = {"Ambassador", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Dr.", "H.E.", "Madam"};

bool honorific(std::string_view word) {
  return std::find(std::begin(kHonorifics), std::end(kHonorifics), word) != std::end(kHonorifics);
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) words.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

std::string joined(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to; ++k) (out += k > from ? " " : "") += words[k];
  return out;
}

// The speaker's words from `from` on, as printed, if they are a person's name of two words or
// more. (`words` are the plain forms of `printed`, word for word.)
std::optional<std::string> name_from(const std::vector<std::string_view>& words,
                                     const std::vector<std::string_view>& printed, std::size_t from) {
  if (from == 0 || words.size() < from + 2) return std::nullopt;
  if (!std::all_of(words.begin() + static_cast<std::ptrdiff_t>(from), words.end(), name_word)) return std::nullopt;
  return joined(printed, from, printed.size());
}

}  // namespace

std::optional<OfficeAndName> office_before_name(std::string_view speaker) {
  // Words are read in plain punctuation ("Secretary\u2011General"); the name is given as printed.
  const std::string plain = normalise_punctuation(speaker);
  const std::vector<std::string_view> words = words_of(plain), printed = words_of(speaker);
  if (words.size() != printed.size()) return std::nullopt;
  // The last office word ("Executive Secretary", "Director General" are one: "Secretary" alone
  // is a surname's title too rarely printed before a name to count, "General" a rank).
  std::size_t office_end = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (is_office_word(words[k])) office_end = k + 1;
    if (k + 1 < words.size() && is_office_word(joined(words, k, k + 2))) office_end = k + 2;
  }
  // The office may go on with its State or portfolio, and the name open with an honorific:
  // "Permanent Representative of Denmark Ambassador Martin Bille Hermann", "Deputy Permanent
  // Representative of Sweden Ms. Signe Burgstaller", "Minister for Foreign Affairs H. E. Mr.
  // Gabrielius Landsbergis". The honorific stays with the name.
  const auto opens_name = [&](std::size_t k) { return honorific(words[k]) || (words[k] == "H." && words[k + 1] == "E."); };
  if (office_end > 0 && office_end < words.size() &&
      (words[office_end] == "of" || words[office_end] == "to" || words[office_end] == "for")) {
    for (std::size_t k = office_end + 1; k + 1 < words.size(); ++k) {
      if (!opens_name(k)) continue;
      if (!name_from(words, printed, k + 1)) break;
      return OfficeAndName{joined(words, 0, k), joined(printed, k, printed.size())};
    }
  }
  auto name = name_from(words, printed, office_end);
  // (The first word of the name is a capital, not a particle: "President of the Assembly" is no name.)
  if (!name || std::islower(static_cast<unsigned char>(words[office_end].front()))) return std::nullopt;
  return OfficeAndName{joined(words, 0, office_end), std::move(*name)};
}

std::optional<std::string> name_in_capitals(std::string_view speaker) {
  const std::vector<std::string_view> words = words_of(speaker);
  const auto capitals = [](std::string_view word) {
    bool letter = false;
    for (char c : word) {
      if (c >= 'a' && c <= 'z') return false;
      letter = letter || (c >= 'A' && c <= 'Z');
    }
    return letter;
  };
  const auto title_case = [](std::string_view word) {
    return word.size() > 1 && word[0] >= 'A' && word[0] <= 'Z' &&
           std::any_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (words.size() < 3 || !capitals(words[0]) || !capitals(words[1])) return std::nullopt;
  // (Initials alone are no name in capitals: "A H M Mustafa Kamal".)
  bool word_in_capitals = false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (capitals(words[k])) {
      word_in_capitals = word_in_capitals || std::count_if(words[k].begin(), words[k].end(), [](char c) {
                                                return c >= 'A' && c <= 'Z';
                                              }) > 1;
      continue;
    }
    if (k < 2 || !word_in_capitals || !title_case(words[k])) return std::nullopt;
    return joined(words, 0, k);
  }
  return std::nullopt;
}

std::optional<std::string> name_after_title(std::string_view speaker, std::string_view title) {
  if (title.empty()) return std::nullopt;
  const std::string plain = normalise_punctuation(speaker), plain_title = normalise_punctuation(title);
  const std::vector<std::string_view> words = words_of(plain), printed = words_of(speaker),
                                      title_words = words_of(plain_title);
  if (words.size() != printed.size() || words.size() < title_words.size()) return std::nullopt;
  if (!std::equal(title_words.begin(), title_words.end(), words.begin())) return std::nullopt;
  return name_from(words, printed, title_words.size());
}

}  // namespace caucus::annotators
