// Summary statistics of the network, computed with Boost.Graph algorithms.
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "network_graph.hpp"

namespace caucus {

std::string AlignmentNetwork::stats(std::size_t top) const {
  std::string out;
  char line[256];
  std::map<std::string, std::pair<std::size_t, uint64_t>> per_relation;  // edges, statements
  for (const auto& [key, e] : edges) {
    ++per_relation[e.relation].first;
    per_relation[e.relation].second += e.weight;
  }
  std::snprintf(line, sizeof line, "nodes: %zu\nedges: %zu\n", actors.size(), edges.size());
  out += line;
  for (const auto& [relation, counts] : per_relation) {
    std::snprintf(line, sizeof line, "  %-12s %5zu edges, %6llu statements\n", relation.c_str(), counts.first,
                  static_cast<unsigned long long>(counts.second));
    out += line;
  }

  // Groups with the most aligning States.
  std::map<std::string, std::set<std::string>> aligners;
  for (const auto& [key, e] : edges) {
    if (e.relation == "aligns_with") aligners[e.target].insert(e.source);
  }
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& [target, sources] : aligners) ranked.emplace_back(sources.size(), target);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  if (!ranked.empty()) out += "most aligned-with:\n";
  for (std::size_t i = 0; i < std::min(top, ranked.size()); ++i) {
    const auto& actor = actors.at(ranked[i].second);
    std::snprintf(line, sizeof line, "  %-14s %4zu aligning actors  %s\n", ranked[i].second.c_str(), ranked[i].first, actor.label.c_str());
    out += line;
  }

  // Connected components (direction ignored).
  const UndirectedGraph ug = to_boost_graph<UndirectedGraph>(*this);
  std::vector<int> component(boost::num_vertices(ug));
  const int components = component.empty() ? 0 : boost::connected_components(ug, component.data());
  std::map<int, std::size_t> sizes;
  for (int c : component) ++sizes[c];
  std::vector<std::size_t> ordered;
  for (const auto& [c, size] : sizes) ordered.push_back(size);
  std::sort(ordered.rbegin(), ordered.rend());
  std::snprintf(line, sizeof line, "connected components: %d", components);
  out += line;
  if (!ordered.empty()) {
    out += " (sizes";
    for (std::size_t i = 0; i < std::min<std::size_t>(8, ordered.size()); ++i) out += " " + std::to_string(ordered[i]);
    out += ordered.size() > 8 ? " ...)" : ")";
  }
  out += "\n";

  // Betweenness centrality (Brandes), direction ignored: in an alignment network edges point
  // from States to groups, so directed paths are one step long and say little about brokers.
  const UndirectedGraph& g = ug;
  std::vector<double> centrality(boost::num_vertices(g), 0.0);
  if (!centrality.empty()) {
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, g))));
  }
  std::vector<std::pair<double, std::size_t>> central;
  for (std::size_t v = 0; v < centrality.size(); ++v) central.emplace_back(centrality[v], v);
  std::sort(central.begin(), central.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : g[a.second].actor < g[b.second].actor;
  });
  if (!central.empty()) out += "betweenness centrality (direction ignored):\n";
  for (std::size_t i = 0; i < std::min(top, central.size()); ++i) {
    const ActorVertex& a = g[central[i].second];
    std::snprintf(line, sizeof line, "  %-14s %8.2f  %s\n", a.actor.c_str(), central[i].first, a.label.c_str());
    out += line;
  }
  return out;
}

}  // namespace caucus
