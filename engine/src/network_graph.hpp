// Private: the Boost.Graph form of an AlignmentNetwork.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <string>

#include "caucus/network.hpp"

namespace caucus {

struct ActorVertex {
  std::string actor, label, type, region;
};

struct RelationEdge {
  std::string relation;
  int weight = 0;
  int documents = 0;
  std::string first_date, last_date;
};

using DirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, ActorVertex, RelationEdge>;
using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, ActorVertex, RelationEdge>;

// Escapes text for XML (GraphML ids, SVG labels).
inline std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Builds the Boost graph: one vertex per actor (in id order), one edge per network edge.
template <typename Graph>
Graph to_boost_graph(const AlignmentNetwork& network) {
  Graph g;
  std::map<std::string, typename boost::graph_traits<Graph>::vertex_descriptor> vertex;
  for (const auto& [id, actor] : network.actors) {
    vertex[id] = boost::add_vertex(ActorVertex{id, actor.label, actor.type, actor.region}, g);
  }
  for (const auto& [key, e] : network.edges) {
    boost::add_edge(vertex.at(e.source), vertex.at(e.target),
                    RelationEdge{e.relation, static_cast<int>(e.weight), static_cast<int>(e.document_count()), e.first_date,
                                 e.last_date},
                    g);
  }
  return g;
}

}  // namespace caucus
