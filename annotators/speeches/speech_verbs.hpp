// The verbs that report a delegate's speech, shared by the readers of reported speech.
#pragma once

#include <initializer_list>
#include <string_view>

namespace caucus::annotators {

// The verbs that report a delegate's speech after its name: "the representative of Malta said".
inline const std::initializer_list<std::string_view> kSpeechVerbs = {
    " said",      " stressed", " noted",       " added",      " emphasized", " underlined",
    " expressed", " called",   " urged",       " welcomed",   " pointed",    " recalled",
    " told",      " observed", " highlighted", " reiterated", " asked",      " warned"};

}  // namespace caucus::annotators
