// A person a press release names again by title and surname ("Mr. Møller said in his
// introductory remarks"): whom the first full mention of the name says they speak for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "caucus/annotation.hpp"

namespace caucus::annotators {

// True if one of the words of `name` is `word`, without case: "Mr. Ban" names "Secretary-General
// Ban Ki-moon" again (a surname printed first), "Mr. Lacroix" names "JEAN-PIERRE LACROIX".
bool has_name_word(std::string_view name, std::string_view word);

// True if `name` is a title and a surname only: "Ms. Mills", "Mr Møller", "Dr. Tedros".
bool titled_surname(std::string_view name);

// Whom the person with `surname`, named in full before `before` in `text`, speaks for, by the
// first full mention that says: a State in brackets ("Shamshad Ahmad (Pakistan)"), or an office
// after a comma, the Secretariat's ("hearing from Michael Møller, Director-General of the United
// Nations Office at Geneva": the UN) or one that names its State or organisation ("Soledad
// Alvear Valenzuela, Minister of External Relations of Chile", "Federica Mogherini, High
// Representative of the European Union"), or a State after "of" ("Council President Alfonso
// Valdivieso of Colombia"): the first actor of `store` there. Empty if none says.
ActorRef actor_of_named_person(std::string_view text, const AnnotationStore& store, std::string_view surname, uint32_t before);

// The name of the person with `surname` as its first full mention before `before` in `text`
// prints it, without an office before it ("hearing from Michael Møller, Director-General ..."
// gives "Michael Møller" for "Mr. Møller said"; "outgoing Chair Macharia Kamau (Kenya)" gives
// "Macharia Kamau"), or nothing if the text gives no full name.
std::optional<std::string> full_name_of_person(std::string_view text, std::string_view surname, uint32_t before);

// The person who holds `office` ("Prosecutor", "Chief Prosecutor", "Secretary-General"), which a
// release's turn `turn` names alone ("the Prosecutor of the International Criminal Court told the
// 15-member body"): the name printed after the office before the turn ends ("Prosecutor Fatou
// Bensouda said", "briefed by Secretary-General Kofi Annan"; not "Deputy Prosecutor James
// Stewart", another office), else the subject of a later sentence or clause of the turn named by
// title and surname (", Mr. Moreno-Ocampo laid out evidence"), in full if the text gave the full
// name before. Nothing if the text names no one.
std::optional<std::string> holder_of_office(std::string_view text, std::string_view office, Span turn);

}  // namespace caucus::annotators
