// Golden tests: each folder under tests/golden holds a document (input.txt, or input.ref naming
// a document elsewhere in the repository, relative to the folder) and the summary the default
// pipeline must give for it (expected.txt, reviewed by hand). Set
// CAUCUS_UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "caucus/pipeline.hpp"
#include "caucus/reader.hpp"
#include "caucus/summary.hpp"

namespace caucus {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(CAUCUS_SOURCE_DIR) / "tests" / "golden";

// The types a golden summary lists: what users come for, not every intermediate annotation.
const std::vector<std::string> kTypes = {"alignment", "citation", "commitment", "condemnation"};

std::vector<std::string> cases() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    if (fs::is_regular_file(entry.path() / "input.txt") || fs::is_regular_file(entry.path() / "input.ref")) {
      out.push_back(entry.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const Pipeline& pipeline() {
  static AnnotatorRegistry registry;
  static std::unique_ptr<Pipeline> loaded = [] {
    register_builtin_annotators(registry);
    Diagnostics diagnostics;
    auto p = Pipeline::load(default_pipeline_path(), registry, diagnostics);
    if (!p) ADD_FAILURE() << diagnostics.render();
    return p;
  }();
  return *loaded;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesTheReviewedSummary) {
  const fs::path dir = kGoldenDir / GetParam();
  fs::path input = dir / "input.txt";
  if (!fs::exists(input)) {
    std::string reference = read(dir / "input.ref");
    while (!reference.empty() && (reference.back() == '\n' || reference.back() == '\r')) reference.pop_back();
    input = dir / reference;
  }
  Diagnostics diagnostics;
  auto document = read_document(input, {}, diagnostics);
  ASSERT_TRUE(document) << diagnostics.render();
  pipeline().run(*document);
  EXPECT_FALSE(document->problems().has_errors()) << document->problems().render();
  // The name in the summary is the case's, not the machine's path.
  std::string actual = document_summary(*document, {kTypes});
  actual.replace(0, actual.find('\n'), "doc " + GetParam());

  const fs::path expected_file = dir / "expected.txt";
  if (std::getenv("CAUCUS_UPDATE_GOLDEN")) {
    std::ofstream(expected_file, std::ios::binary) << actual;
    std::cout << "rewrote " << expected_file << "\n";
    return;
  }
  ASSERT_TRUE(fs::exists(expected_file)) << "no expected.txt: run with CAUCUS_UPDATE_GOLDEN=1 and review it";
  const std::string expected = read(expected_file);
  if (actual != expected) {
    // Show the first lines that differ, not two whole files.
    std::istringstream a(actual), e(expected);
    std::string line_a, line_e, report;
    for (int line = 1, shown = 0; shown < 6 && (static_cast<bool>(std::getline(a, line_a)) | static_cast<bool>(std::getline(e, line_e))); ++line) {
      if (line_a == line_e) continue;
      report += "line " + std::to_string(line) + "\n  expected: " + line_e + "\n  actual:   " + line_a + "\n";
      ++shown;
      line_a.clear(), line_e.clear();
    }
    ADD_FAILURE() << "golden case " << GetParam() << " changed (review, then CAUCUS_UPDATE_GOLDEN=1):\n" << report;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace caucus
