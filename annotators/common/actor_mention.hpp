// The actor annotation behind an actor reference: the mention of actor `id` inside `span`,
// whose attributes say what it is (actor_type, actor_status). Relations and speeches both ask.
#pragma once

#include <string_view>

#include "caucus/annotation.hpp"

namespace caucus::annotators {

inline const Annotation* actor_mention(const AnnotationStore& store, Span span, std::string_view id) {
  for (AnnotationId mention : store.contained("actor", span)) {
    const ActorRef* actor = store[mention].attrs.actor("actor");
    if (actor && actor->id == id) return &store[mention];
  }
  return nullptr;
}

}  // namespace caucus::annotators
