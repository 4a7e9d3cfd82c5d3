// Loads the example plugin (examples/plugin) through its pipeline file and runs it.
#include <gtest/gtest.h>

#include "caucus/pipeline.hpp"
#include "caucus/plugin.h"

namespace caucus {
namespace {

TEST(Plugin, TheExamplePluginLoadsAndAnnotates) {
  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  Diagnostics diagnostics;
  PipelineOptions options;
  options.plugin_dirs.push_back(CAUCUS_PLUGIN_DIR);
  auto pipeline = Pipeline::load(std::string(CAUCUS_SOURCE_DIR) + "/examples/plugin/pipeline.toml", registry, diagnostics, options);
  ASSERT_TRUE(pipeline) << diagnostics.render();
  const RegistryEntry* entry = registry.find("acronyms");
  ASSERT_NE(entry, nullptr);
  EXPECT_NE(entry->origin, "built-in");

  Document document("d.txt", "We value the United Nations Office on Drugs and Crime (UNODC) and INTERPOL.");
  pipeline->run(document);
  const auto& ids = document.annotations().of_type("acronym");
  ASSERT_EQ(ids.size(), 1u);
  const Annotation& acronym = document.annotations()[ids[0]];
  EXPECT_EQ(document.slice(acronym.span), "UNODC");
  EXPECT_EQ(acronym.attrs.text("expansion"), "United Nations Office on Drugs and Crime");
  EXPECT_EQ(acronym.annotator, "acronyms");
}

TEST(Plugin, ItsConfigurationIsChecked) {
  AnnotatorRegistry registry;
  register_builtin_annotators(registry);
  Diagnostics diagnostics;
  ASSERT_TRUE(registry.load_plugin(std::string(CAUCUS_PLUGIN_DIR) + "/libcaucus_example_plugin.so", diagnostics))
      << diagnostics.render();
  EXPECT_FALSE(Pipeline::parse("[[step]]\nannotator = \"segmenter\"\n[[step]]\nannotator = \"acronyms\"\nmin_length = 1\n",
                               "p.toml", registry, diagnostics));
  EXPECT_TRUE(diagnostics.contains("P008"));
}

TEST(Plugin, LoadingTheSameAnnotatorTwiceIsRefused) {
  AnnotatorRegistry registry;
  Diagnostics diagnostics;
  const std::string path = std::string(CAUCUS_PLUGIN_DIR) + "/libcaucus_example_plugin.so";
  ASSERT_TRUE(registry.load_plugin(path, diagnostics));
  EXPECT_FALSE(registry.load_plugin(path, diagnostics));
  EXPECT_TRUE(diagnostics.contains("P011"));
}

TEST(Plugin, AWrongInterfaceVersionIsRefusedWithAClearMessage) {
  AnnotatorRegistry registry;
  Diagnostics diagnostics;
  EXPECT_FALSE(registry.load_plugin(CAUCUS_WRONG_ABI_PLUGIN, diagnostics));
  ASSERT_TRUE(diagnostics.contains("P011"));
  const std::string text = diagnostics.render();
  const std::string expected = "built for plugin interface version " + std::to_string(CAUCUS_PLUGIN_ABI_VERSION + 41) +
                               ", this caucus has version " + std::to_string(CAUCUS_PLUGIN_ABI_VERSION);
  EXPECT_NE(text.find(expected), std::string::npos) << text;
  EXPECT_NE(text.find("rebuild the plugin"), std::string::npos) << text;
  EXPECT_TRUE(registry.entries().empty());
}

}  // namespace
}  // namespace caucus
