#include "caucus/network.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "caucus/json.hpp"
#include "network_graph.hpp"

namespace caucus {

std::string iso_date(const std::string& text) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') return text;
  std::istringstream in(text);
  int day = 0, year = 0;
  std::string month;
  if (!(in >> day >> month >> year)) return "";
  for (int m = 0; m < 12; ++m) {
    if (month == kMonths[m]) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, m + 1, day);
      return buffer;
    }
  }
  return "";
}

void AlignmentNetwork::note_actor(const NetworkActor& actor) {
  if (actor.id.empty()) return;
  NetworkActor& known = actors[actor.id];
  known.id = actor.id;
  if (known.label.empty()) known.label = actor.label;
  if (known.type.empty()) known.type = actor.type;
  if (known.region.empty()) known.region = actor.region;
}

NetworkEdge& AlignmentNetwork::edge(const std::string& source, const std::string& target, const std::string& relation) {
  NetworkEdge& e = edges[{source, target, relation}];
  e.source = source;
  e.target = target;
  e.relation = relation;
  return e;
}

void NetworkEdge::widen_dates(const std::string& first, const std::string& last) {
  if (!first.empty() && (first_date.empty() || first < first_date)) first_date = first;
  if (!last.empty() && (last_date.empty() || last > last_date)) last_date = last;
}

void AlignmentNetwork::add_statement(const NetworkActor& source, const NetworkActor& target, const std::string& relation,
                                     const std::string& date, NetworkStatement statement) {
  note_actor(source);
  note_actor(target);
  NetworkEdge& e = edge(source.id, target.id, relation);
  ++e.weight;
  e.documents.insert(statement.doc);
  e.widen_dates(date, date);
  e.evidence.push_back(std::move(statement));
}

void AlignmentNetwork::add_document(const Document& document) {
  const AnnotationStore& store = document.annotations();
  for (AnnotationId id : store.of_type("actor")) {
    const Annotation& a = store[id];
    if (const ActorRef* actor = a.attrs.actor("actor")) {
      note_actor({actor->id, actor->label, a.attrs.text("actor_type"), a.attrs.text("actor_region")});
    }
  }
  const auto date_it = document.meta().find("date");
  const std::string date = date_it == document.meta().end() ? "" : iso_date(date_it->second);
  std::string as_read;
  for (AnnotationId id : store.of_type("alignment")) {
    const Annotation& a = store[id];
    const ActorRef* source = a.attrs.actor("source");
    const ActorRef* target = a.attrs.actor("target");
    if (!source || !target) continue;
    add_statement({source->id, source->label, "", ""}, {target->id, target->label, "", ""}, a.attrs.text("relation"), date,
                  {document.name(), document.code_point_as_read(a.span.begin),
                   document.code_point_as_read(a.span.end), std::string(document.slice_as_read(a.span, as_read)), a.rule});
  }
}

bool AlignmentNetwork::add_annotation_record(const JsonValue& record, std::string& error) {
  static const std::string kEmpty;
  if (!record.is_object() || !record["doc"].is_string() || !record["annotations"].is_array()) {
    error = "not a record of `caucus annotate` (needs \"doc\" and \"annotations\")";
    return false;
  }
  const std::string& doc = record["doc"].string_or(kEmpty);
  const std::string date = iso_date(record["meta"]["date"].string_or(kEmpty));
  for (const JsonValue& a : record["annotations"].array()) {
    const std::string& type = a["type"].string_or(kEmpty);
    const JsonValue& attrs = a["attrs"];
    if (type == "actor") {
      note_actor({attrs["actor"].string_or(kEmpty), attrs["actor_label"].string_or(kEmpty), attrs["actor_type"].string_or(kEmpty),
                  attrs["actor_region"].string_or(kEmpty)});
    } else if (type == "alignment") {
      const std::string& source = attrs["source"].string_or(kEmpty);
      const std::string& target = attrs["target"].string_or(kEmpty);
      if (source.empty() || target.empty()) continue;
      add_statement({source, attrs["source_label"].string_or(kEmpty), "", ""},
                    {target, attrs["target_label"].string_or(kEmpty), "", ""}, attrs["relation"].string_or(kEmpty), date,
                    {doc, static_cast<uint32_t>(a["start"].number_or(0)), static_cast<uint32_t>(a["end"].number_or(0)),
                     a["text"].string_or(kEmpty), a["rule"].string_or(kEmpty)});
    }
  }
  return true;
}

void AlignmentNetwork::merge(const AlignmentNetwork& other) {
  for (const auto& [id, actor] : other.actors) note_actor(actor);
  for (const auto& [key, theirs] : other.edges) {
    NetworkEdge& e = edge(theirs.source, theirs.target, theirs.relation);
    e.weight += theirs.weight;
    e.documents.insert(theirs.documents.begin(), theirs.documents.end());
    e.extra_documents += theirs.extra_documents;
    e.widen_dates(theirs.first_date, theirs.last_date);
    e.evidence.insert(e.evidence.end(), theirs.evidence.begin(), theirs.evidence.end());
  }
}

AlignmentNetwork AlignmentNetwork::filtered(const NetworkFilter& filter) const {
  AlignmentNetwork out;
  out.directed = directed;
  for (const auto& [key, e] : edges) {
    if (!filter.relations.empty() && !filter.relations.count(e.relation)) continue;
    if (e.weight < filter.min_weight) continue;
    if (!filter.from.empty() && (e.last_date.empty() || e.last_date < filter.from)) continue;
    if (!filter.to.empty() && (e.first_date.empty() || e.first_date > filter.to)) continue;
    out.edges.emplace(key, e);
    out.note_actor(actors.at(e.source));
    out.note_actor(actors.at(e.target));
  }
  return out;
}

AlignmentNetwork AlignmentNetwork::coalignment() const {
  // (document, group) -> the States that align with the group in that document.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> aligned;
  for (const auto& [key, e] : edges) {
    if (e.relation != "aligns_with") continue;
    const auto source = actors.find(e.source);
    if (source == actors.end() || source->second.type != "state") continue;
    for (const auto& doc : e.documents) aligned[{doc, e.target}].insert(e.source);
  }
  AlignmentNetwork out;
  out.directed = false;
  for (const auto& [meeting, states] : aligned) {
    for (auto a = states.begin(); a != states.end(); ++a) {
      for (auto b = std::next(a); b != states.end(); ++b) {
        NetworkEdge& e = out.edge(*a, *b, "co_aligns");
        ++e.weight;
        e.documents.insert(meeting.first);
        out.note_actor(actors.at(*a));
        out.note_actor(actors.at(*b));
      }
    }
  }
  // Dates of a co-alignment: those of the documents behind it.
  for (auto& [key, e] : out.edges) {
    for (const auto& [original_key, original] : edges) {
      if (original.relation != "aligns_with" || (original.source != e.source && original.source != e.target)) continue;
      for (const auto& doc : original.documents) {
        if (e.documents.count(doc)) e.widen_dates(original.first_date, original.last_date);
      }
    }
  }
  return out;
}

void AlignmentNetwork::write_json(std::ostream& out) const {
  std::string text;
  JsonWriter w(text);
  bool multigraph = false;
  for (auto it = edges.begin(); it != edges.end(); ++it) {
    auto next = std::next(it);
    if (next != edges.end() && next->second.source == it->second.source && next->second.target == it->second.target) multigraph = true;
  }
  w.begin_object();
  w.key("directed").value(directed);
  w.key("multigraph").value(multigraph);
  w.key("graph").begin_object().end_object();
  w.key("nodes").begin_array();
  for (const auto& [id, actor] : actors) {
    w.begin_object().key("id").value(std::string_view(id)).key("label").value(std::string_view(actor.label));
    w.key("type").value(std::string_view(actor.type)).key("region").value(std::string_view(actor.region)).end_object();
  }
  w.end_array();
  // networkx before 3.4 reads edges from "links", later versions from "edges": write both.
  for (const char* edges_key : {"links", "edges"}) {
    w.key(edges_key).begin_array();
    for (const auto& [key, e] : edges) {
      w.begin_object();
      w.key("source").value(std::string_view(e.source)).key("target").value(std::string_view(e.target));
      if (multigraph) w.key("key").value(std::string_view(e.relation));
      w.key("relation").value(std::string_view(e.relation));
      w.key("weight").value(static_cast<int64_t>(e.weight));
      w.key("documents").value(static_cast<int64_t>(e.document_count()));
      w.key("first_date").value(std::string_view(e.first_date)).key("last_date").value(std::string_view(e.last_date));
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  out << text << "\n";
}

namespace {

void csv_field(std::ostream& out, const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) {
    out << value;
    return;
  }
  out << '"';
  for (char c : value) out << (c == '"' ? "\"\"" : std::string(1, c));
  out << '"';
}

}  // namespace

void AlignmentNetwork::write_csv_nodes(std::ostream& out) const {
  out << "id,label,type,region\n";
  for (const auto& [id, actor] : actors) {
    csv_field(out, id);
    out << ',';
    csv_field(out, actor.label);
    out << ',';
    csv_field(out, actor.type);
    out << ',';
    csv_field(out, actor.region);
    out << '\n';
  }
}

void AlignmentNetwork::write_csv_edges(std::ostream& out) const {
  out << "source,target,relation,weight,documents,first_date,last_date\n";
  for (const auto& [key, e] : edges) {
    csv_field(out, e.source);
    out << ',';
    csv_field(out, e.target);
    out << ',' << e.relation << ',' << e.weight << ',' << e.document_count() << ',' << e.first_date << ',' << e.last_date << '\n';
  }
}

void AlignmentNetwork::write_evidence(std::ostream& out) const {
  for (const auto& [key, e] : edges) {
    std::string line;
    JsonWriter w(line);
    w.begin_object();
    w.key("source").value(std::string_view(e.source)).key("target").value(std::string_view(e.target));
    w.key("relation").value(std::string_view(e.relation)).key("weight").value(static_cast<int64_t>(e.weight));
    w.key("statements").begin_array();
    for (const auto& s : e.evidence) {
      w.begin_object().key("doc").value(std::string_view(s.doc)).key("start").value(s.start).key("end").value(s.end);
      w.key("rule").value(std::string_view(s.rule)).key("text").value(std::string_view(s.text)).end_object();
    }
    w.end_array().end_object();
    out << line << '\n';
  }
}

}  // namespace caucus
