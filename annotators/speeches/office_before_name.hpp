// A press release's speaker named after the office ("Special Envoy Hans Grundberg said"): the
// name is the person's, the office is their title, as gold files and later mentions ("Mr.
// Grundberg") name them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caucus::annotators {

struct OfficeAndName {
  std::string office;  // "Special Committee Chair"
  std::string name;    // "Joy Ogwu"
};

// `speaker` cut after its last office word when a person's name of two words or more follows
// ("Security Council President Vanessa Frazier", "United Nations Emergency Relief Coordinator
// Martin Griffiths", "Secretary-General António Guterres"); nothing if no office opens it or no
// name follows ("Permanent Representative of Chad", "Croatia's Minister for Foreign Affairs").
// An office that goes on with its State is cut before the honorific that opens the name:
// "Permanent Representative of Denmark Ambassador Martin Bille Hermann".
// "Ambassador" and the honorifics are kept: they are part of a name as printed ("Ambassador
// Mona Juul", "Mr. Flynn").
std::optional<OfficeAndName> office_before_name(std::string_view speaker);

// A name printed in capitals ends at its first word in small letters with a capital, which
// begins the office a byline runs on without a comma: "ENRIQUE A. MANALO Permanent
// Representative" is ENRIQUE A. MANALO. Nothing if `speaker` is no such name ("Mr. ENRIQUE
// MANALO", "JUAN de la CRUZ" and "Enrique Manalo" are left as they are).
std::optional<std::string> name_in_capitals(std::string_view speaker);

// The name in `speaker` after `title` (in plain punctuation), when the speaker opens with the
// title and a name of two words or more follows: the rule captured the office twice.
std::optional<std::string> name_after_title(std::string_view speaker, std::string_view title);

}  // namespace caucus::annotators
