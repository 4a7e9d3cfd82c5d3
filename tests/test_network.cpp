// The alignment network: building, merging, filtering, projections and Boost GraphML round trips.
#include <gtest/gtest.h>

#include <sstream>

#include "caucus/network.hpp"

namespace caucus {
namespace {

// A document with one alignment per (source, target, relation) given.
Document document_with(const std::string& name, const std::string& date,
                       const std::vector<std::tuple<std::string, std::string, std::string>>& relations) {
  std::string text;
  for (std::size_t i = 0; i < relations.size(); ++i) text += "Statement " + std::to_string(i) + ". ";
  Document d(name, text);
  if (!date.empty()) d.meta()["date"] = date;
  uint32_t at = 0;
  for (const auto& [source, target, relation] : relations) {
    Annotation a{"alignment", {at, at + 12}, "rule.x", "alignments", {}};
    a.attrs.set("source", ActorRef{source, source + " label"});
    a.attrs.set("target", ActorRef{target, target + " label"});
    a.attrs.set("relation", relation);
    d.annotations().add(std::move(a));
    Annotation actor{"actor", {at, at + 9}, "", "actors", {}};
    actor.attrs.set("actor", ActorRef{source, source + " label"});
    actor.attrs.set("actor_type", std::string(source.size() == 3 ? "state" : "group"));
    d.annotations().add(std::move(actor));
    at += 13;
  }
  return d;
}

std::string json_of(const AlignmentNetwork& n) {
  std::ostringstream out;
  n.write_json(out);
  return out.str();
}

AlignmentNetwork network_of(const Document& d) {
  AlignmentNetwork n;
  n.add_document(d);
  return n;
}

TEST(IsoDate, ConvertsUnDates) {
  EXPECT_EQ(iso_date("21 November 2017"), "2017-11-21");
  EXPECT_EQ(iso_date("1 March 2020"), "2020-03-01");
  EXPECT_EQ(iso_date("2017-11-21"), "2017-11-21");
  EXPECT_EQ(iso_date("yesterday"), "");
  EXPECT_EQ(iso_date("21 Brumaire 2017"), "");
}

TEST(Network, CountsStatementsDocumentsAndDates) {
  AlignmentNetwork n;
  n.add_document(document_with("a", "21 November 2017", {{"IRL", "EU", "aligns_with"}, {"IRL", "EU", "aligns_with"}}));
  n.add_document(document_with("b", "2 March 2018", {{"IRL", "EU", "aligns_with"}, {"NOR", "NORDIC", "speaks_for"}}));
  ASSERT_EQ(n.edges.size(), 2u);
  const NetworkEdge& e = n.edges.at({"IRL", "EU", "aligns_with"});
  EXPECT_EQ(e.weight, 3u);
  EXPECT_EQ(e.document_count(), 2u);
  EXPECT_EQ(e.first_date, "2017-11-21");
  EXPECT_EQ(e.last_date, "2018-03-02");
  EXPECT_EQ(e.evidence.size(), 3u);
  EXPECT_EQ(n.actors.at("IRL").type, "state");
  EXPECT_EQ(n.actors.at("EU").label, "EU label");
}

TEST(Network, MergingIsAssociativeAndCommutative) {
  const Document a = document_with("a", "1 May 2017", {{"IRL", "EU", "aligns_with"}});
  const Document b = document_with("b", "1 June 2017", {{"IRL", "EU", "aligns_with"}, {"EGY", "NON_ALIGNED", "aligns_with"}});
  const Document c = document_with("c", "", {{"EST", "LVA", "speaks_for"}});
  AlignmentNetwork left = network_of(a);
  left.merge(network_of(b));
  left.merge(network_of(c));
  AlignmentNetwork bc = network_of(b);
  bc.merge(network_of(c));
  AlignmentNetwork right = network_of(a);
  right.merge(bc);
  AlignmentNetwork reversed = network_of(c);
  reversed.merge(network_of(b));
  reversed.merge(network_of(a));
  AlignmentNetwork whole;
  for (const Document* d : {&a, &b, &c}) whole.add_document(*d);
  EXPECT_EQ(json_of(left), json_of(whole));
  EXPECT_EQ(json_of(right), json_of(whole));
  EXPECT_EQ(json_of(reversed), json_of(whole));
}

TEST(Network, GraphmlRoundTripsThroughBoost) {
  AlignmentNetwork n;
  n.add_document(document_with("a", "21 November 2017", {{"IRL", "EU", "aligns_with"}, {"NOR", "NORDIC", "speaks_for"}}));
  n.add_document(document_with("b", "22 November 2017", {{"IRL", "EU", "aligns_with"}, {"NOR", "NORDIC", "member_of"}}));
  std::stringstream graphml;
  n.write_graphml(graphml);
  const std::string text = graphml.str();
  EXPECT_NE(text.find("<node id=\"IRL\">"), std::string::npos) << text;
  EXPECT_NE(text.find("source=\"NOR\" target=\"NORDIC\""), std::string::npos);
  EXPECT_NE(text.find("attr.name=\"weight\" attr.type=\"int\""), std::string::npos);

  AlignmentNetwork back;
  std::string error;
  ASSERT_TRUE(back.add_graphml(graphml, error)) << error;
  EXPECT_EQ(json_of(back), json_of(n));  // ids, labels, types, weights, document counts, dates
}

TEST(Network, RefusesGraphmlItDidNotWrite) {
  AlignmentNetwork n;
  std::string error;
  std::istringstream junk("<graphml><graph><node id=\"x\"/></graph></graphml>");
  EXPECT_FALSE(n.add_graphml(junk, error));
  EXPECT_FALSE(error.empty());
  std::istringstream broken("not xml at all <");
  EXPECT_FALSE(n.add_graphml(broken, error));
}

TEST(Network, FiltersByRelationWeightAndDate) {
  AlignmentNetwork n;
  n.add_document(document_with("a", "1 January 2016", {{"IRL", "EU", "aligns_with"}, {"IRL", "EU", "aligns_with"}}));
  n.add_document(document_with("b", "1 January 2018", {{"NOR", "NORDIC", "speaks_for"}}));
  EXPECT_EQ(n.filtered({{"speaks_for"}, 1, "", ""}).edges.size(), 1u);
  EXPECT_EQ(n.filtered({{}, 2, "", ""}).edges.size(), 1u);
  EXPECT_EQ(n.filtered({{}, 1, "2017-01-01", ""}).edges.count({"NOR", "NORDIC", "speaks_for"}), 1u);
  EXPECT_EQ(n.filtered({{}, 1, "2017-01-01", ""}).edges.size(), 1u);
  EXPECT_EQ(n.filtered({{}, 1, "", "2016-12-31"}).edges.count({"IRL", "EU", "aligns_with"}), 1u);
  // Filtering keeps only the actors of the remaining edges.
  EXPECT_EQ(n.filtered({{"speaks_for"}, 1, "", ""}).actors.size(), 2u);
}

TEST(Network, CoalignmentLinksStatesAligningWithTheSameGroupInTheSameMeeting) {
  AlignmentNetwork n;
  n.add_document(document_with("m1", "", {{"IRL", "EU", "aligns_with"}, {"FRA", "EU", "aligns_with"}, {"EGY", "NON_ALIGNED", "aligns_with"}}));
  n.add_document(document_with("m2", "", {{"IRL", "EU", "aligns_with"}, {"FRA", "EU", "aligns_with"}, {"PAK", "NON_ALIGNED", "aligns_with"}}));
  const AlignmentNetwork co = n.coalignment();
  EXPECT_FALSE(co.directed);
  ASSERT_EQ(co.edges.size(), 1u);  // EGY and PAK never align in the same meeting
  const NetworkEdge& e = co.edges.begin()->second;
  EXPECT_EQ(e.source, "FRA");
  EXPECT_EQ(e.target, "IRL");
  EXPECT_EQ(e.weight, 2u);
  std::ostringstream graphml;
  co.write_graphml(graphml);
  EXPECT_NE(graphml.str().find("edgedefault=\"undirected\""), std::string::npos);
}

TEST(Network, StatsAndPicturesCoverEveryActor) {
  AlignmentNetwork n;
  n.add_document(document_with("a", "", {{"IRL", "EU", "aligns_with"}, {"FRA", "EU", "aligns_with"}, {"EST", "LVA", "speaks_for"}}));
  const std::string stats = n.stats();
  EXPECT_NE(stats.find("nodes: 5"), std::string::npos) << stats;
  EXPECT_NE(stats.find("connected components: 2"), std::string::npos) << stats;
  EXPECT_NE(stats.find("most aligned-with:\n  EU "), std::string::npos) << stats;
  EXPECT_NE(stats.find("   2 aligning actors  EU label"), std::string::npos) << stats;
  std::ostringstream svg, dot;
  n.write_svg(svg);
  n.write_dot(dot);
  for (const char* id : {"IRL", "FRA", "EU", "EST", "LVA"}) {
    EXPECT_NE(svg.str().find(std::string(">") + id + "</text>"), std::string::npos) << id;
    EXPECT_NE(dot.str().find(id), std::string::npos) << id;
  }
  EXPECT_EQ(svg.str().rfind("<svg", 0), 0u);
}

TEST(Network, ReadsTheJsonLinesOfCaucusAnnotate) {
  std::string error;
  auto record = parse_json(R"({"doc":"d.txt","meta":{"date":"21 November 2017"},"annotations":[
    {"type":"actor","start":0,"end":7,"attrs":{"actor":"IRL","actor_label":"Ireland","actor_type":"state","actor_region":"WEOG"}},
    {"type":"alignment","start":0,"end":40,"text":"Ireland aligns ...","rule":"r","attrs":{"relation":"aligns_with","source":"IRL","source_label":"Ireland","target":"EU","target_label":"European Union"}}]})",
                           error);
  ASSERT_TRUE(record) << error;
  AlignmentNetwork n;
  ASSERT_TRUE(n.add_annotation_record(*record, error)) << error;
  const NetworkEdge& e = n.edges.at({"IRL", "EU", "aligns_with"});
  EXPECT_EQ(e.first_date, "2017-11-21");
  EXPECT_EQ(n.actors.at("IRL").region, "WEOG");
  EXPECT_FALSE(n.add_annotation_record(JsonValue(std::string("x")), error));
}

TEST(JsonValue, ParsesAndRejects) {
  std::string error;
  auto v = parse_json(R"({"a":[1,2.5,-3e2],"b":"\u00e9\ud83c\uddfa","c":null,"d":true})", error);
  ASSERT_TRUE(v) << error;
  EXPECT_EQ((*v)["a"].array().size(), 3u);
  EXPECT_DOUBLE_EQ((*v)["a"].array()[2].number_or(0), -300.0);
  EXPECT_EQ((*v)["b"].string_or(""), "\u00e9\U0001F1FA");
  EXPECT_TRUE((*v)["c"].is_null());
  EXPECT_TRUE((*v)["missing"].is_null());
  for (const char* bad : {"{", "[1,]", "{\"a\" 1}", "\"unterminated", "tru", "{} x", "\"\x01\""}) {
    EXPECT_FALSE(parse_json(bad, error)) << bad;
    EXPECT_NE(error.find("byte offset"), std::string::npos);
  }
  std::string deep(100000, '[');
  EXPECT_FALSE(parse_json(deep, error));  // no stack overflow on hostile input
}

}  // namespace
}  // namespace caucus
