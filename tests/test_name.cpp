#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "caucus/name.hpp"

using caucus::Name;

TEST(Name, TheSameTextIsTheSameNameWhereverItComesFrom) {
  const std::string built = std::string("act") + "or";
  const Name a("actor"), b(built), c(std::string_view("actor!").substr(0, 5));
  EXPECT_EQ(a.id(), b.id());
  EXPECT_EQ(a.id(), c.id());
  EXPECT_EQ(a, b);
  EXPECT_NE(Name("actor"), Name("actors"));
  EXPECT_EQ(a.str(), "actor");
  EXPECT_EQ(a, "actor");
  EXPECT_EQ(a, std::string("actor"));
}

TEST(Name, TheEmptyNameIsTheDefaultOne) {
  const Name none, empty(""), from_string(std::string{});
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none, empty);
  EXPECT_EQ(none, from_string);
  EXPECT_EQ(none.str(), "");
  EXPECT_EQ(none.size(), 0u);
  EXPECT_STREQ(none.c_str(), "");
  EXPECT_FALSE(Name("x").empty());
}

TEST(Name, OrdersByTextNotByWhenItWasInterned) {
  const Name late_z("zz-interned-first"), early_a("aa-interned-second");
  EXPECT_LT(early_a, late_z);
  std::set<Name> names{late_z, early_a, Name("mm")};
  std::vector<std::string> in_order;
  for (Name n : names) in_order.push_back(n.str());
  EXPECT_EQ(in_order, (std::vector<std::string>{"aa-interned-second", "mm", "zz-interned-first"}));
}

TEST(Name, ThreadsInterningTheSameTextsGetTheSamePointers) {
  constexpr int kThreads = 4, kNames = 500;
  std::vector<std::vector<const void*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0; n < kNames; ++n) seen[t].push_back(Name("thread-name-" + std::to_string((n * 7 + t) % kNames)).id());
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    for (int n = 0; n < kNames; ++n) {
      EXPECT_EQ(seen[t][n], Name("thread-name-" + std::to_string((n * 7 + t) % kNames)).id());
    }
  }
}

TEST(Name, ConcatenatesAndPrintsAsItsText) {
  const Name id("IRL");
  EXPECT_EQ(id + " (Ireland)", "IRL (Ireland)");
  EXPECT_EQ("actor " + id, "actor IRL");
  std::ostringstream out;
  out << id;
  EXPECT_EQ(out.str(), "IRL");
  const std::string_view view = id;
  EXPECT_EQ(view, "IRL");
}
