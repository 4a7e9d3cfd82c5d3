#include "agents/agents.hpp"

namespace caucus::annotators {
namespace {

// True if the speaker of speech `index` says they speak for `id` ("on behalf of the Nordic
// countries"): then the group's commitments are the speaker's own.
bool speaks_for(const Document& document, int index, const std::string& id) {
  const AnnotationStore& store = document.annotations();
  const Span speech = document.speeches()[static_cast<std::size_t>(index)].span;
  for (AnnotationId a : store.contained("alignment", speech)) {
    if (store[a].attrs.text("relation") != "speaks_for") continue;
    const ActorRef* actor = store[a].attrs.actor("target");
    if (actor && actor->id == id) return true;
  }
  return false;
}

}  // namespace

bool AgentsAnnotator::configure(const Config& config, Diagnostics& diagnostics) {
  if (config.has("types")) types_ = config.strings("types", diagnostics);
  role_ = config.string("role", diagnostics).value_or(role_);
  return true;
}

std::vector<std::string> AgentsAnnotator::required_types() const {
  std::vector<std::string> out = types_;
  out.push_back("speech");
  return out;
}

void AgentsAnnotator::annotate(Document& document) const {
  AnnotationStore& store = document.annotations();
  for (const auto& type : types_) {
    for (AnnotationId id : store.of_type(type)) {
      Attributes& attrs = store.mutable_at(id).attrs;
      const int index = document.speech_at(store[id].span.begin);
      const ActorRef* speaker = index >= 0 && !document.speeches()[static_cast<std::size_t>(index)].actor.id.empty()
                                    ? &document.speeches()[static_cast<std::size_t>(index)].actor
                                    : nullptr;
      if (!attrs.has(role_) && speaker) {
        attrs.set(role_, *speaker);
        attrs.set(role_ + "_from", std::string("speaker"));
      }
      const AttrValue* agent = attrs.find(role_);
      const ActorRef* actor = attrs.actor(role_);
      // Own: the speaker's actor (or a group it speaks for). Reported: another actor, a
      // resolution, or anything outside a speech (a press release's overview). Unknown: in a
      // speech whose speaker is unknown.
      std::string act = "unknown";
      if (actor && speaker) act = actor->id == speaker->id || speaks_for(document, index, actor->id) ? "own" : "reported";
      else if (agent && (!actor || index < 0)) act = "reported";
      attrs.set("speech_act", act);
    }
  }
}

}  // namespace caucus::annotators
