// A picture of the network: each connected component laid out with Fruchterman-Reingold (Boost.Graph),
// components packed in rows, largest first, and drawn as SVG.
// Node size grows with degree, edge width with weight; States are circles coloured by UN
// regional group, groups and organisations are squares.
#include <boost/property_map/property_map.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/random/linear_congruential.hpp>
#include <boost/graph/topology.hpp>

#include <cmath>
#include <ostream>

#include "network_graph.hpp"

namespace caucus {
namespace {


const char* region_colour(const std::string& type, const std::string& region) {
  if (type == "group") return "#d62728";
  if (type == "organization") return "#9467bd";
  if (region == "African") return "#2ca02c";
  if (region == "Asia-Pacific") return "#ff7f0e";
  if (region == "EEG") return "#17becf";
  if (region == "GRULAC") return "#bcbd22";
  if (region == "WEOG") return "#1f77b4";
  return "#7f7f7f";
}

const char* relation_colour(const std::string& relation) {
  if (relation == "speaks_for") return "#d62728";
  if (relation == "member_of") return "#9467bd";
  return "#555555";
}

using Point = boost::square_topology<>::point_type;

// Positions of one connected component (vertex ids of `g`), in [0, 1] x [0, 1].
std::vector<Point> layout_component(const UndirectedGraph& g, const std::vector<std::size_t>& members) {
  std::vector<Point> points(members.size());
  if (members.size() == 1) {
    points[0][0] = 0.5, points[0][1] = 0.5;
    return points;
  }
  if (members.size() == 2) {
    points[0][0] = 0.0, points[0][1] = 0.5;
    points[1][0] = 1.0, points[1][1] = 0.5;
    return points;
  }
  using Simple = boost::adjacency_list<boost::setS, boost::vecS, boost::undirectedS, boost::no_property,
                                       boost::property<boost::edge_weight_t, double>>;
  Simple simple(members.size());
  std::map<std::size_t, std::size_t> local;
  for (std::size_t i = 0; i < members.size(); ++i) local[members[i]] = i;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    auto s = local.find(boost::source(e, g)), t = local.find(boost::target(e, g));
    if (s == local.end() || t == local.end() || s->second == t->second) continue;  // another component
    boost::add_edge(s->second, t->second, 1.0, simple);
  }
  // Fruchterman-Reingold from a circle, in an area that grows with the component, with a fixed
  // seed: the same network always gives the same picture.
  const double area = 40.0 * std::sqrt(static_cast<double>(members.size()));
  auto position = boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, simple));
  boost::circle_graph_layout(simple, position, area / 2);
  for (auto& p : points) p[0] += area / 2, p[1] += area / 2;
  boost::minstd_rand random(20171121);
  boost::square_topology<boost::minstd_rand> topology(random, area);
  boost::fruchterman_reingold_force_directed_layout(simple, position, topology,
                                                    boost::cooling(boost::linear_cooling<double>(300)));
  double min_x = 1e18, max_x = -1e18, min_y = 1e18, max_y = -1e18;
  for (const auto& p : points) {
    min_x = std::min(min_x, p[0]), max_x = std::max(max_x, p[0]);
    min_y = std::min(min_y, p[1]), max_y = std::max(max_y, p[1]);
  }
  for (auto& p : points) {
    p[0] = (p[0] - min_x) / std::max(1e-9, max_x - min_x);
    p[1] = (p[1] - min_y) / std::max(1e-9, max_y - min_y);
  }
  return points;
}

}  // namespace

void AlignmentNetwork::write_svg(std::ostream& out) const {
  UndirectedGraph g = to_boost_graph<UndirectedGraph>(*this);
  const std::size_t n = boost::num_vertices(g);
  const double side = 900.0, margin = 70.0, legend = 170.0;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << side + legend << "\" height=\"" << side
      << "\" viewBox=\"0 0 " << side + legend << " " << side << "\" font-family=\"sans-serif\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" "
         "markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n";
  if (n == 0) {
    out << "<text x=\"40\" y=\"60\" font-size=\"20\">No relations.</text>\n</svg>\n";
    return;
  }

  // Components, largest first, each in a square box whose side grows with its size; boxes are
  // placed in rows (shelf packing) and the whole is scaled to the canvas.
  std::vector<int> component(n);
  const auto count = static_cast<std::size_t>(boost::connected_components(g, component.data()));
  std::vector<std::vector<std::size_t>> members(count);
  for (std::size_t v = 0; v < n; ++v) members[static_cast<std::size_t>(component[v])].push_back(v);
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<double> px(n), py(n);
  const double unit = 60.0;  // box side of a one-node component
  const double row_width = std::max(unit * 4, std::sqrt(static_cast<double>(n)) * unit * 2.2);
  double cursor_x = 0, cursor_y = 0, row_height = 0, used_width = 0;
  for (const auto& group : members) {
    const double box = unit * (0.6 + 1.4 * std::sqrt(static_cast<double>(group.size())));
    if (cursor_x > 0 && cursor_x + box > row_width) {
      cursor_x = 0;
      cursor_y += row_height;
      row_height = 0;
    }
    const auto points = layout_component(g, group);
    for (std::size_t i = 0; i < group.size(); ++i) {
      px[group[i]] = cursor_x + unit * 0.3 + points[i][0] * (box - unit * 0.6);
      py[group[i]] = cursor_y + unit * 0.3 + points[i][1] * (box - unit * 0.6);
    }
    cursor_x += box;
    used_width = std::max(used_width, cursor_x);
    row_height = std::max(row_height, box);
  }
  const double used_height = cursor_y + row_height;
  const double scale = std::min((side - 2 * margin) / std::max(1.0, used_width), (side - 2 * margin) / std::max(1.0, used_height));
  auto x = [&](std::size_t v) { return margin + px[v] * scale; };
  auto y = [&](std::size_t v) { return margin + py[v] * scale; };
  auto radius = [&](std::size_t v) { return 5.0 + 2.2 * std::sqrt(static_cast<double>(boost::degree(v, g))); };

  int max_weight = 1;
  for (auto e : boost::make_iterator_range(boost::edges(g))) max_weight = std::max(max_weight, g[e].weight);
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const std::size_t s = boost::source(e, g), t = boost::target(e, g);
    // Stop the line at the target's border so that the arrow stays visible.
    const double dx = x(t) - x(s), dy = y(t) - y(s), length = std::max(1e-9, std::hypot(dx, dy));
    const double tx = x(t) - dx / length * (radius(t) + 2), ty = y(t) - dy / length * (radius(t) + 2);
    const double width = 1.0 + 4.0 * std::sqrt(static_cast<double>(g[e].weight) / max_weight);
    out << "<line x1=\"" << x(s) << "\" y1=\"" << y(s) << "\" x2=\"" << tx << "\" y2=\"" << ty << "\" stroke=\""
        << relation_colour(g[e].relation) << "\" stroke-opacity=\"0.6\" stroke-width=\"" << width << "\""
        << (directed ? " marker-end=\"url(#arrow)\"" : "") << "><title>" << xml_escape(g[s].actor) << " " << xml_escape(g[e].relation) << " "
        << xml_escape(g[t].actor) << " (" << g[e].weight << ")</title></line>\n";
  }
  for (std::size_t v = 0; v < n; ++v) {
    const ActorVertex& a = g[v];
    const char* colour = region_colour(a.type, a.region);
    const double r = radius(v);
    out << "<g><title>" << xml_escape(a.label.empty() ? a.actor : a.label) << "</title>";
    if (a.type == "group" || a.type == "organization") {
      out << "<rect x=\"" << x(v) - r << "\" y=\"" << y(v) - r << "\" width=\"" << 2 * r << "\" height=\"" << 2 * r
          << "\" fill=\"" << colour << "\" stroke=\"black\"/>";
    } else {
      out << "<circle cx=\"" << x(v) << "\" cy=\"" << y(v) << "\" r=\"" << r << "\" fill=\"" << colour << "\" stroke=\"black\"/>";
    }
    out << "<text x=\"" << x(v) + r + 3 << "\" y=\"" << y(v) + 4 << "\" font-size=\"" << (a.type == "state" ? 11 : 13)
        << "\"" << (a.type == "state" ? "" : " font-weight=\"bold\"") << ">" << xml_escape(a.actor) << "</text></g>\n";
  }
  // Legend.
  const double lx = side + 10;
  double ly = 40;
  out << "<text x=\"" << lx << "\" y=\"" << ly - 15 << "\" font-size=\"14\" font-weight=\"bold\">Legend</text>\n";
  const std::pair<const char*, const char*> regions[] = {{"African", "African"},   {"Asia-Pacific", "Asia-Pacific"},
                                                          {"EEG", "Eastern European"}, {"GRULAC", "Latin America, Caribbean"},
                                                          {"WEOG", "Western Europe, others"}};
  for (const auto& [key, name] : regions) {
    out << "<circle cx=\"" << lx + 6 << "\" cy=\"" << ly << "\" r=\"6\" fill=\"" << region_colour("state", key) << "\"/>"
        << "<text x=\"" << lx + 18 << "\" y=\"" << ly + 4 << "\" font-size=\"11\">" << name << "</text>\n";
    ly += 20;
  }
  for (const auto& [type, name] : {std::pair<const char*, const char*>{"group", "group of States"}, {"organization", "organization"}}) {
    out << "<rect x=\"" << lx << "\" y=\"" << ly - 6 << "\" width=\"12\" height=\"12\" fill=\"" << region_colour(type, "")
        << "\"/><text x=\"" << lx + 18 << "\" y=\"" << ly + 4 << "\" font-size=\"11\">" << name << "</text>\n";
    ly += 20;
  }
  ly += 10;
  for (const char* relation : {"aligns_with", "speaks_for", "member_of"}) {
    out << "<line x1=\"" << lx << "\" y1=\"" << ly << "\" x2=\"" << lx + 14 << "\" y2=\"" << ly << "\" stroke=\""
        << relation_colour(relation) << "\" stroke-width=\"3\"/><text x=\"" << lx + 18 << "\" y=\"" << ly + 4
        << "\" font-size=\"11\">" << relation << "</text>\n";
    ly += 20;
  }
  out << "<text x=\"" << lx << "\" y=\"" << ly + 10 << "\" font-size=\"10\">size: degree; width: statements</text>\n";
  out << "</svg>\n";
}

}  // namespace caucus
