#include <gtest/gtest.h>

#include "caucus/annotation.hpp"

namespace caucus {
namespace {

Annotation make(std::string type, uint32_t begin, uint32_t end) { return {std::move(type), {begin, end}, "", "", {}}; }

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Added out of order on purpose: the index must sort.
    s2 = store.add(make("sentence", 50, 100));
    s1 = store.add(make("sentence", 0, 50));
    p = store.add(make("paragraph", 0, 100));
    a1 = store.add(make("actor", 10, 17));
    a2 = store.add(make("actor", 60, 74));
    a3 = store.add(make("actor", 45, 55));  // crosses the sentence boundary
  }
  AnnotationStore store;
  AnnotationId s1, s2, p, a1, a2, a3;
};

TEST_F(StoreTest, OfTypeIsSortedByBegin) {
  EXPECT_EQ(store.of_type("sentence"), (std::vector<AnnotationId>{s1, s2}));
  EXPECT_EQ(store.of_type("actor"), (std::vector<AnnotationId>{a1, a3, a2}));
  EXPECT_TRUE(store.of_type("nothing").empty());
  EXPECT_EQ(store.count("actor"), 3u);
}

TEST_F(StoreTest, Covering) {
  EXPECT_EQ(store.covering("sentence", {10, 17}), (std::vector<AnnotationId>{s1}));
  EXPECT_TRUE(store.covering("sentence", {45, 55}).empty());
  EXPECT_EQ(store.covering("paragraph", {45, 55}), (std::vector<AnnotationId>{p}));
}

TEST_F(StoreTest, Contained) {
  EXPECT_EQ(store.contained("actor", {0, 50}), (std::vector<AnnotationId>{a1}));
  EXPECT_EQ(store.contained("actor", {0, 100}), (std::vector<AnnotationId>{a1, a3, a2}));
  EXPECT_TRUE(store.contained("actor", {11, 17}).empty());
  std::vector<AnnotationId> reused{99, 98};  // the overload for hot loops replaces what it held
  store.contained("actor", {0, 50}, reused);
  EXPECT_EQ(reused, (std::vector<AnnotationId>{a1}));
  store.contained("nothing", {0, 50}, reused);
  EXPECT_TRUE(reused.empty());
}

TEST_F(StoreTest, Overlapping) {
  EXPECT_EQ(store.overlapping("actor", {50, 100}), (std::vector<AnnotationId>{a3, a2}));
  EXPECT_EQ(store.overlapping("sentence", {45, 55}), (std::vector<AnnotationId>{s1, s2}));
  // Half-open spans: touching is not overlapping.
  EXPECT_TRUE(store.overlapping("actor", {17, 45}).empty());
}

TEST_F(StoreTest, CoincidingAndAt) {
  EXPECT_EQ(store.coinciding("actor", {60, 74}), (std::vector<AnnotationId>{a2}));
  EXPECT_TRUE(store.coinciding("actor", {60, 73}).empty());
  EXPECT_EQ(store.at("sentence", 49), s1);
  EXPECT_EQ(store.at("sentence", 50), s2);  // the end of s1 is outside s1
  EXPECT_EQ(store.at("sentence", 100), kNoAnnotation);
}

TEST_F(StoreTest, QueriesSeeAnnotationsAddedAfterAQuery) {
  EXPECT_EQ(store.count("actor"), 3u);
  const AnnotationId early = store.add(make("actor", 1, 3));
  EXPECT_EQ(store.of_type("actor").front(), early);
  EXPECT_EQ(store.contained("actor", {0, 20}), (std::vector<AnnotationId>{early, a1}));
}

TEST_F(StoreTest, OrderedIsByOffsetThenLongerFirstThenType) {
  const auto order = store.ordered();
  ASSERT_EQ(order.size(), 6u);
  EXPECT_EQ(order[0], p);   // 0-100 before 0-50
  EXPECT_EQ(order[1], s1);
  EXPECT_EQ(order[2], a1);
}

// The merge of the types' lists gives what sorting every id gives, ties included: equal spans
// of one type (in id order), of several types (by type), annotations added out of order, and
// after a removal.
TEST(AnnotationStoreOrder, MergingTheTypesListsEqualsSortingAllIds) {
  AnnotationStore store;
  const char* types[] = {"sentence", "actor", "paragraph", "citation", "alignment"};
  uint32_t state = 12345;
  const auto next = [&](uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % bound;
  };
  for (int i = 0; i < 3000; ++i) {
    const uint32_t begin = next(200), length = next(4) == 0 ? 0 : next(30);
    store.add(make(types[next(5)], begin, begin + length));
  }
  const auto sorted = [&] {
    std::vector<AnnotationId> all(store.size());
    for (AnnotationId id = 0; id < all.size(); ++id) all[id] = id;
    store.sort_in_output_order(all);
    return all;
  };
  EXPECT_EQ(store.ordered(), sorted());
  std::vector<AnnotationId> removed;
  for (AnnotationId id = 0; id < store.size(); id += 7) removed.push_back(id);
  store.remove(removed);
  EXPECT_EQ(store.ordered(), sorted());
  // A subset of the types, in any order, and types without annotations.
  std::vector<AnnotationId> some;
  for (AnnotationId id : sorted()) {
    if (store[id].type == "actor" || store[id].type == "alignment") some.push_back(id);
  }
  EXPECT_EQ(store.in_output_order({"alignment", "none", "actor"}), some);
  EXPECT_TRUE(store.in_output_order({}).empty());
}

TEST(AnnotationStoreChunks, ManyAnnotationsAcrossChunksStayIndexedAndRemoveCompactsThem) {
  // Enough annotations to fill several storage chunks (4096 each).
  AnnotationStore store;
  const uint32_t n = 10000;
  for (uint32_t i = 0; i < n; ++i) store.add(make(i % 2 ? "odd" : "even", i, i + 1));
  ASSERT_EQ(store.size(), n);
  EXPECT_EQ(store[9999].span.begin, 9999u);
  EXPECT_EQ(store.count("odd"), n / 2);
  // Remove every third one: those left keep their order and are found by type and position.
  std::vector<AnnotationId> removed;
  for (AnnotationId id = 0; id < n; id += 3) removed.push_back(id);
  store.remove(removed);
  ASSERT_EQ(store.size(), n - removed.size());
  for (AnnotationId id = 0; id < store.size(); ++id) {
    const uint32_t original = id + id / 2 + 1;  // ids 1, 2, 4, 5, 7, 8, ... remain
    ASSERT_EQ(store[id].span.begin, original) << id;
    ASSERT_EQ(store[id].type, original % 2 ? "odd" : "even");
  }
  EXPECT_EQ(store.count("odd") + store.count("even"), store.size());
  EXPECT_EQ(store.at("odd", 8003), store.coinciding("odd", {8003, 8004}).at(0));  // 8003: odd, not removed
  // Adding after a removal goes on from the compacted end.
  const AnnotationId next = store.add(make("odd", 20001, 20002));
  EXPECT_EQ(next, store.size() - 1);
  EXPECT_EQ(store[next].span.begin, 20001u);
}

TEST(AnnotationStoreMove, TheMovedToStoreKeepsEverythingAndTheOldOneStartsEmpty) {
  AnnotationStore a;
  a.add(make("actor", 0, 5));
  a.add(make("actor", 10, 15));
  AnnotationStore b(std::move(a));
  EXPECT_EQ(b.count("actor"), 2u);
  // The moved-from store is empty and usable: what it gets does not leak into the other.
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): a moved-from store is empty
  a.add(make("actor", 20, 25));
  EXPECT_EQ(a.count("actor"), 1u);
  EXPECT_EQ(b.count("actor"), 2u);
  b.add(make("sentence", 0, 30));
  b.add(make("actor", 30, 35));  // back to a type seen before the last one
  EXPECT_EQ(b.count("actor"), 3u);
  EXPECT_EQ(b.count("sentence"), 1u);
  AnnotationStore c;
  c = std::move(b);
  c.add(make("actor", 40, 45));
  EXPECT_EQ(c.count("actor"), 4u);
}

TEST(Attributes, SetReplacesAndTextFormats) {
  Attributes attrs;
  attrs.set("relation", std::string("aligns_with"));
  attrs.set("source", ActorRef{"IRL", "Ireland"});
  attrs.set("count", int64_t{3});
  attrs.set("relation", std::string("speaks_for"));
  EXPECT_EQ(attrs.size(), 3u);
  EXPECT_EQ(attrs.text("relation"), "speaks_for");
  EXPECT_EQ(attrs.text("source"), "IRL");
  EXPECT_EQ(attrs.text("count"), "3");
  EXPECT_EQ(attrs.text("missing"), "");
  EXPECT_TRUE(attrs.erase("count"));
  EXPECT_FALSE(attrs.has("count"));
}

}  // namespace
}  // namespace caucus
