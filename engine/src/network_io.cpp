// GraphML (Boost's writer and reader) and DOT (Boost's Graphviz writer) for the network.
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>

#include <regex>
#include <sstream>

#include "network_graph.hpp"

namespace caucus {
namespace {

template <typename Graph>
boost::dynamic_properties properties(Graph& g) {
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("label", boost::get(&ActorVertex::label, g));
  dp.property("type", boost::get(&ActorVertex::type, g));
  dp.property("region", boost::get(&ActorVertex::region, g));
  dp.property("actor", boost::get(&ActorVertex::actor, g));
  dp.property("relation", boost::get(&RelationEdge::relation, g));
  dp.property("weight", boost::get(&RelationEdge::weight, g));
  dp.property("documents", boost::get(&RelationEdge::documents, g));
  dp.property("first_date", boost::get(&RelationEdge::first_date, g));
  dp.property("last_date", boost::get(&RelationEdge::last_date, g));
  return dp;
}


template <typename Graph>
void write_graphml_of(std::ostream& out, const AlignmentNetwork& network) {
  Graph g = to_boost_graph<Graph>(network);
  boost::dynamic_properties dp = properties(g);
  std::ostringstream boost_text;
  boost::write_graphml(boost_text, g, boost::get(boost::vertex_index, g), dp, true);
  // Boost names nodes "n<index>"; users (networkx, Gephi) want the actor id as the node id, so
  // that a node means the same actor in every file. Vertices are in actor-id order.
  std::vector<std::string> ids;
  for (const auto& [id, actor] : network.actors) ids.push_back(xml_escape(id));
  static const std::regex kReference(R"re((node id|source|target)="n(\d+)")re");
  std::string text = boost_text.str();
  std::string result;
  auto begin = std::sregex_iterator(text.begin(), text.end(), kReference);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    result.append(text, last, static_cast<std::size_t>(m.position()) - last);
    result += m[1].str() + "=\"" + ids.at(std::stoul(m[2].str())) + "\"";
    last = static_cast<std::size_t>(m.position() + m.length());
  }
  result.append(text, last, std::string::npos);
  // Ids are no longer 0..n-1: say so, as GraphML requires.
  const std::string canonical = "parse.nodeids=\"canonical\"";
  if (auto at = result.find(canonical); at != std::string::npos) result.replace(at, canonical.size(), "parse.nodeids=\"free\"");
  out << result;
}

}  // namespace

void AlignmentNetwork::write_graphml(std::ostream& out) const {
  if (directed) write_graphml_of<DirectedGraph>(out, *this);
  else write_graphml_of<UndirectedGraph>(out, *this);
}

void AlignmentNetwork::write_dot(std::ostream& out) const {
  auto write = [&](auto g) {
    boost::dynamic_properties dp = properties(g);
    boost::write_graphviz_dp(out, g, dp, "actor");
  };
  if (directed) write(to_boost_graph<DirectedGraph>(*this));
  else write(to_boost_graph<UndirectedGraph>(*this));
}

bool AlignmentNetwork::add_graphml(std::istream& in, std::string& error) {
  DirectedGraph g;
  boost::dynamic_properties dp = properties(g);
  try {
    boost::read_graphml(in, g, dp);
  } catch (const std::exception& e) {
    error = std::string("not a readable GraphML network: ") + e.what();
    return false;
  }
  AlignmentNetwork part;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const ActorVertex& a = g[v];
    if (a.actor.empty()) {
      error = "GraphML node without an 'actor' key: not written by caucus graph";
      return false;
    }
    part.note_actor({a.actor, a.label, a.type, a.region});
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const RelationEdge& r = g[e];
    NetworkEdge& edge = part.edge(g[boost::source(e, g)].actor, g[boost::target(e, g)].actor, r.relation);
    edge.weight += static_cast<uint64_t>(r.weight);
    edge.extra_documents += static_cast<uint64_t>(r.documents);
    edge.widen_dates(r.first_date, r.last_date);
  }
  merge(part);
  return true;
}

}  // namespace caucus
