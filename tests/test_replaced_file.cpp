// A file written as a whole (replaced_file.hpp): the old contents stay until commit(), no
// temporary is left behind, and a failure names the file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "caucus/replaced_file.hpp"
#include "rule_test_support.hpp"

namespace caucus {
namespace {

namespace fs = std::filesystem;

class ReplacedFileTest : public ::testing::Test {
 protected:
  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  std::size_t files_in_dir() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(tree_.root()), {}));
  }

  testing::TempTree tree_;
  const fs::path& dir_ = tree_.root();
};

TEST_F(ReplacedFileTest, TheOldContentsStayUntilCommit) {
  const fs::path path = dir_ / "out.jsonl";
  std::ofstream(path) << "old\n";
  ReplacedFile file(path);
  file.write("new ");
  file.write("text\n");
  EXPECT_EQ(read(path), "old\n");
  ASSERT_TRUE(file.commit()) << file.error();
  EXPECT_EQ(read(path), "new text\n");
  EXPECT_EQ(files_in_dir(), 1u);  // the temporary was renamed, not copied
}

TEST_F(ReplacedFileTest, WithoutCommitNothingChangesAndNoTemporaryIsLeft) {
  const fs::path path = dir_ / "out.graphml";
  std::ofstream(path) << "old\n";
  {
    ReplacedFile file(path);
    file.write("half of a graph");
  }
  EXPECT_EQ(read(path), "old\n");
  EXPECT_EQ(files_in_dir(), 1u);
}

TEST_F(ReplacedFileTest, AFileThatCannotBeWrittenIsAnErrorNamingIt) {
  const fs::path path = dir_ / "no_such_dir" / "out.jsonl";
  ReplacedFile file(path);
  file.write("text");
  EXPECT_FALSE(file.ok());
  EXPECT_FALSE(file.commit());
  EXPECT_NE(file.error().find(path.string()), std::string::npos) << file.error();
  EXPECT_NE(file.error().find("No such file or directory"), std::string::npos) << file.error();
  EXPECT_FALSE(fs::exists(path));
}

TEST_F(ReplacedFileTest, AFailedRenameRemovesTheTemporary) {
  // A directory where the file should be: the rename fails, the directory stays.
  const fs::path path = dir_ / "taken";
  fs::create_directories(path / "inside");
  {
    ReplacedFile file(path);
    file.write("text");
    EXPECT_FALSE(file.commit());
    EXPECT_NE(file.error().find("cannot rename"), std::string::npos) << file.error();
  }
  EXPECT_TRUE(fs::is_directory(path));
  EXPECT_EQ(files_in_dir(), 1u);
}

}  // namespace
}  // namespace caucus
