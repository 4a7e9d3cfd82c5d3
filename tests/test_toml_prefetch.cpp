// TOML files parsed ahead while a pipeline loads (toml_prefetch.hpp): a reader gets what it
// would have parsed itself, errors included, and a pipeline loads the same with or without.
#include <gtest/gtest.h>

#include <thread>

#include "../engine/src/toml_prefetch.hpp"
#include "../engine/src/toml_util.hpp"
#include "caucus/pipeline.hpp"
#include "caucus/registry.hpp"
#include "rule_test_support.hpp"

namespace caucus {
namespace {

using testing::TempTree;

TEST(TomlPrefetch, ReaderTakesTheParsedFileOnceThenReadsItself) {
  TempTree tree;
  const auto file = tree.write("rules/a.toml", "[rules]\nname = \"a\"\n").string();
  const TomlPrefetch prefetch({file});
  // The same file, named another way.
  const auto taken = TomlPrefetch::take((tree.root() / "rules" / "." / "a.toml").string());
  ASSERT_TRUE(taken);
  ASSERT_TRUE(taken->parsed.table);
  EXPECT_EQ(taken->text, "[rules]\nname = \"a\"\n");
  EXPECT_EQ(taken->parsed.table->at_path("rules.name").value_or(std::string()), "a");
  EXPECT_FALSE(TomlPrefetch::take(file));  // once only
  Diagnostics diagnostics;
  const TomlFile again = load_toml_file(file, "R001", diagnostics);  // read in place
  ASSERT_TRUE(again.table);
  EXPECT_EQ(again.table->at_path("rules.name").value_or(std::string()), "a");
}

TEST(TomlPrefetch, OnlyTheThreadThatMadeItAsksIt) {
  TempTree tree;
  const auto file = tree.write("a.toml", "x = 1\n").string();
  const TomlPrefetch prefetch({file});
  bool other_thread_got_it = true;
  std::thread([&] { other_thread_got_it = TomlPrefetch::take(file).has_value(); }).join();
  EXPECT_FALSE(other_thread_got_it);
  EXPECT_TRUE(TomlPrefetch::take(file));
}

TEST(TomlPrefetch, TablesDisposedOfAreTakenFromTheirReader) {
  TempTree tree;
  const auto file = tree.write("a.toml", "x = 1\n").string();
  {
    const TomlPrefetch prefetch({file});
    auto taken = TomlPrefetch::take(file);
    ASSERT_TRUE(taken && taken->parsed.table);
    TomlPrefetch::dispose(std::move(*taken->parsed.table));
    EXPECT_TRUE(taken->parsed.table->empty());  // handed to the prefetch's thread
    toml::table more = toml::parse("y = [1, 2]\n[z]\nw = 'v'\n");
    { const DisposeOnExit dispose(&more); }
    EXPECT_TRUE(more.empty());
  }  // the prefetch's thread frees them before it ends
  // With no prefetch under way, the table is freed in place.
  toml::table alone = toml::parse("x = 1\n");
  TomlPrefetch::dispose(std::move(alone));
  EXPECT_TRUE(alone.empty());
}

TEST(TomlPrefetch, SyntaxErrorIsReportedAsWhenParsedInPlace) {
  TempTree tree;
  const auto file = tree.write("bad.toml", "[rules]\nname = \"a\"\n[[rule]\nid = 1\n").string();
  Diagnostics in_place;
  EXPECT_FALSE(load_toml_file(file, "R001", in_place).table);
  Diagnostics ahead;
  {
    const TomlPrefetch prefetch({file});
    EXPECT_FALSE(load_toml_file(file, "R001", ahead).table);
  }
  ASSERT_EQ(in_place.error_count(), 1u);
  EXPECT_EQ(ahead.render(), in_place.render());  // same code, place and source line
}

TEST(TomlPrefetch, UnreadableFileIsLeftToTheReader) {
  TempTree tree;
  const auto missing = tree.path("missing.toml").string();
  const TomlPrefetch prefetch({missing});
  EXPECT_FALSE(TomlPrefetch::take(missing));
  Diagnostics diagnostics;
  EXPECT_FALSE(load_toml_file(missing, "R001", diagnostics).text);
}

// The shipped pipeline names its rule files in its steps: they are parsed ahead, and a rule
// file's syntax error is still reported at its place.
TEST(TomlPrefetch, PipelineReportsARuleFileSyntaxErrorAtItsPlace) {
  TempTree tree;
  tree.write("pipeline.toml", "[[step]]\nannotator = \"segmenter\"\n\n[[step]]\nid = \"x\"\nannotator = \"rules\"\nfiles = [\"x.toml\"]\n");
  tree.write("x.toml", "[rules]\nname = \"x\"\n\n[types.t]\nroles = [\n");
  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  Diagnostics diagnostics;
  EXPECT_FALSE(Pipeline::load(tree.path("pipeline.toml"), registry, diagnostics));
  const std::string rendered = diagnostics.render();
  EXPECT_NE(rendered.find("x.toml:5:"), std::string::npos) << rendered;
  EXPECT_NE(rendered.find("error[R001]: TOML syntax error"), std::string::npos) << rendered;
}

}  // namespace
}  // namespace caucus
