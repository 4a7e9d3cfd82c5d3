// The alignment network: who aligns with, speaks for and is a member of whom, across a corpus.
//
// Relations are collected into plain maps (so that partial networks merge exactly and output
// is deterministic); a Boost.Graph adjacency_list is built from them for the algorithms
// (components, betweenness, layout) and for Boost's GraphML writer.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "caucus/document.hpp"
#include "caucus/json_value.hpp"

namespace caucus {

struct NetworkActor {
  std::string id;      // ISO 3166-1 alpha-3 for States; EU, NON_ALIGNED, ... for groups
  std::string label;
  std::string type;    // state, group, organization ("" if unknown)
  std::string region;  // UN regional group of a State
};

// One statement behind an edge: where it is, so that every edge can be traced to its text.
struct NetworkStatement {
  std::string doc;
  uint32_t start = 0, end = 0;  // code points
  std::string text;
  std::string rule;
};

struct NetworkEdge {
  std::string source, target, relation;
  uint64_t weight = 0;             // number of statements
  std::set<std::string> documents;
  uint64_t extra_documents = 0;    // documents counted by merged GraphML files (names unknown)
  std::string first_date, last_date;  // ISO 8601 (YYYY-MM-DD), "" if unknown
  std::vector<NetworkStatement> evidence;

  uint64_t document_count() const { return documents.size() + extra_documents; }
  // Stretches [first_date, last_date] to cover [first, last]; empty dates are unknown, not earliest.
  void widen_dates(const std::string& first, const std::string& last);
};

struct NetworkFilter {
  std::set<std::string> relations;  // empty = all
  uint64_t min_weight = 1;
  std::string from, to;             // ISO dates; edges with no date in [from, to] are dropped
};

class AlignmentNetwork {
 public:
  using EdgeKey = std::tuple<std::string, std::string, std::string>;  // source, target, relation

  // Adds the alignment annotations of an annotated document (and what its actor annotations
  // say of the actors: type and region).
  void add_document(const Document& document);
  // The same from one JSON Lines record written by `caucus annotate`. Returns false (with a
  // message) if the record is not such a record.
  bool add_annotation_record(const JsonValue& record, std::string& error);
  // Adds a network written as GraphML by `caucus graph` (read with Boost's GraphML reader).
  bool add_graphml(std::istream& in, std::string& error);
  // Adds another network: weights add up, document sets unite, date ranges widen. Associative
  // and commutative, so a corpus can be split any way and merged back.
  void merge(const AlignmentNetwork& other);

  AlignmentNetwork filtered(const NetworkFilter& filter) const;
  // The co-alignment projection: an undirected network of States linked when they align with
  // the same group in the same document (meeting); weight = number of such (meeting, group).
  AlignmentNetwork coalignment() const;

  void write_graphml(std::ostream& out) const;
  void write_dot(std::ostream& out) const;
  void write_json(std::ostream& out) const;  // node-link, as networkx.node_link_graph reads it
  void write_csv_nodes(std::ostream& out) const;
  void write_csv_edges(std::ostream& out) const;
  void write_svg(std::ostream& out) const;
  void write_evidence(std::ostream& out) const;  // JSON Lines, one edge per line
  std::string stats(std::size_t top = 10) const;

  bool directed = true;
  std::map<std::string, NetworkActor> actors;
  std::map<EdgeKey, NetworkEdge> edges;

 private:
  void note_actor(const NetworkActor& actor);
  // One alignment statement: both actors noted, the edge's weight, documents, dates and evidence.
  void add_statement(const NetworkActor& source, const NetworkActor& target, const std::string& relation,
                     const std::string& date, NetworkStatement statement);
  NetworkEdge& edge(const std::string& source, const std::string& target, const std::string& relation);
};

// "21 November 2017" -> "2017-11-21"; an ISO date stays as it is; "" if not a date.
std::string iso_date(const std::string& text);

}  // namespace caucus
