#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "caucus/json.hpp"

namespace caucus {
namespace {

TEST(Json, EscapesStrings) {
  std::string out;
  append_json_string(out, "a\"b\\c\nd\te\x01 ü");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001 ü\"");
}

// Long runs are checked sixteen bytes at a time, then eight, then one: a byte to escape must be
// found wherever it is in such a block, next to any other byte (ASCII, UTF-8, another escape).
TEST(Json, EscapesEveryByteThatNeedsItAtEveryPositionOfLongStrings) {
  auto reference = [](std::string_view text) {
    std::string out = "\"";
    for (unsigned char c : text) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      } else out += static_cast<char>(c);
    }
    return out + "\"";
  };
  // Escapes one after another, each longer than the byte it stands for, in strings of any length.
  for (std::size_t length = 0; length < 64; ++length) {
    std::string text;
    for (std::size_t k = 0; k < length; ++k) text += "\x01\"a\n\x1f\\"[k % 6];
    std::string out = "prefix";
    append_json_string(out, text);
    EXPECT_EQ(out, "prefix" + reference(text)) << "length " << length;
  }
  for (const std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9"}) {
    for (std::size_t at = 0; at <= 40; ++at) {
      for (const char filler : {'a', ' ', '!'}) {
        std::string text(40, filler);
        text.insert(at, special);
        std::string out;
        append_json_string(out, text);
        EXPECT_EQ(out, reference(text)) << "at " << at;
      }
    }
  }
}

TEST(Json, WriterPlacesCommas) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("a").value(1).key("b").begin_array().value("x").value(true).null().end_array().key("c").begin_object().end_object().end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",true,null],"c":{}})");
}

TEST(Json, DocumentOffsetsAreCodePoints) {
  Document document("d.txt", "Çurin: Türkiye aligns.");
  const std::string text(document.text());
  const auto begin = static_cast<uint32_t>(text.find("Türkiye"));
  Annotation actor{"actor", {begin, begin + static_cast<uint32_t>(std::string("Türkiye").size())}, "r1", "actors", {}};
  actor.attrs.set("actor", ActorRef{"TUR", "Türkiye"});
  document.annotations().add(std::move(actor));
  document.meta()["kind"] = "speech";
  const std::string json = document_to_json(document);
  EXPECT_EQ(json,
            R"({"doc":"d.txt","kind":"speech","meta":{},"speeches":[],"annotations":[{"id":0,"type":"actor","start":7,"end":14,"text":"Türkiye","rule":"r1","annotator":"actors","speech":null,"attrs":{"actor":"TUR","actor_label":"Türkiye"}}]})");
}

// Every kind of attribute value, keys and names that need escaping, and names repeated from
// one annotation to the next (each written once into a cache, then copied from it).
TEST(Json, AttributesOfEveryKindAndEscapedNames) {
  Document document("d.txt", "ab");
  for (int k = 0; k < 2; ++k) {
    Annotation a{"odd \"type\"", {0, 1}, "rule\\1", "step\n", {}};
    a.attrs.set("n", int64_t{-42});
    a.attrs.set("x", 0.5);
    a.attrs.set("nan", std::nan(""));
    a.attrs.set("yes", k == 0);
    a.attrs.set("list", StringList{"a", "b\"c"});
    a.attrs.set("empty_list", StringList{});
    a.attrs.set("say \"hi\"", std::string("t\tab"));
    a.attrs.set("who", ActorRef{"EU", "European \"Union\""});
    document.annotations().add(std::move(a));
  }
  document.annotations().add({"plain", {1, 2}, "", "segmenter", {}});
  const std::string attrs =
      R"({"n":-42,"x":0.5,"nan":null,"yes":%s,"list":["a","b\"c"],"empty_list":[],"say \"hi\"":"t\tab","who":"EU","who_label":"European \"Union\""})";
  const auto record = [&](int id, const char* yes) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, attrs.c_str(), yes);
    return R"({"id":)" + std::to_string(id) + R"(,"type":"odd \"type\"","start":0,"end":1,"text":"a","rule":"rule\\1","annotator":"step\n","speech":null,"attrs":)" +
           buffer + "}";
  };
  const std::string json = document_to_json(document);
  EXPECT_EQ(json, R"({"doc":"d.txt","kind":"unknown","meta":{},"speeches":[],"annotations":[)" + record(0, "true") + "," +
                      record(1, "false") +
                      R"(,{"id":2,"type":"plain","start":1,"end":2,"text":"b","rule":null,"annotator":"segmenter","speech":null,"attrs":{}}]})");
}

TEST(Json, FiltersTypesAndText) {
  Document document("d.txt", "One. Two.");
  document.annotations().add({"sentence", {0, 4}, "", "segmenter", {}});
  document.annotations().add({"paragraph", {0, 9}, "", "segmenter", {}});
  JsonOptions options;
  options.types = {"sentence"};
  options.include_text = false;
  const std::string json = document_to_json(document, options);
  EXPECT_NE(json.find("\"sentence\""), std::string::npos);
  EXPECT_EQ(json.find("\"paragraph\""), std::string::npos);
  EXPECT_EQ(json.find("\"text\""), std::string::npos);
}

TEST(Json, StreamedRecordInPiecesEqualsTheWholeRecord) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "Sentence \"" + std::to_string(i) + "\" of Türkiye. ";
  Document document("long.txt", text);
  for (uint32_t begin = 0; begin + 20 < document.text().size(); begin += 20) {
    Annotation a{"sentence", {begin, begin + 20}, "rule.x", "segmenter", {}};
    a.attrs.set("n", int64_t{begin});
    document.annotations().add(std::move(a));
  }
  const std::string whole = document_to_json(document);
  std::vector<std::string> pieces;
  write_document_json(document, {}, [&](std::string_view piece) { pieces.emplace_back(piece); }, 512);
  ASSERT_GT(pieces.size(), 10u);  // the record did come in pieces
  std::string joined;
  for (const auto& piece : pieces) {
    EXPECT_LT(piece.size(), 512u + 512u);  // a piece is flushed once it passes the chunk size
    joined += piece;
  }
  EXPECT_EQ(joined, whole);
}

}  // namespace
}  // namespace caucus
