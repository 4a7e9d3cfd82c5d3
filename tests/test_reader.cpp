#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "caucus/reader.hpp"

namespace caucus {
namespace {

std::optional<Document> make(const std::string& bytes, Diagnostics& diagnostics, ReadOptions options = {}) {
  return make_document("doc.txt", bytes, options, diagnostics);
}

TEST(Reader, DropsAUtf8ByteOrderMark) {
  Diagnostics diagnostics;
  auto document = make("\xEF\xBB\xBFMr. Flynn (Ireland):", diagnostics);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text(), "Mr. Flynn (Ireland):");
  EXPECT_EQ(diagnostics.size(), 0u);
}

TEST(Reader, KeepsCrLfAsItIs) {
  Diagnostics diagnostics;
  auto document = make("a\r\nb", diagnostics);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text(), "a\r\nb");
}

TEST(Reader, RefusesInvalidUtf8WithItsOffset) {
  Diagnostics diagnostics;
  EXPECT_FALSE(make("The d\x93l\x82gation", diagnostics));
  ASSERT_TRUE(diagnostics.contains("D002"));
  const auto d = diagnostics.all().front();
  EXPECT_NE(d.message.find("byte offset 5"), std::string::npos) << d.message;
  EXPECT_EQ(d.where.path, "doc.txt");
  // 0x93 is a Windows-1252 quotation mark: say so.
  EXPECT_NE(diagnostics.render().find("windows-1252"), std::string::npos);
}

TEST(Reader, ReplaceModeKeepsGoing) {
  Diagnostics diagnostics;
  ReadOptions options;
  options.encoding_errors = EncodingErrors::replace;
  auto document = make("ab\xFF" "cd", diagnostics, options);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text(), "ab\xEF\xBF\xBD" "cd");
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_TRUE(diagnostics.contains("D002"));
}

TEST(Reader, ReadsWindows1252WhenAsked) {
  Diagnostics diagnostics;
  ReadOptions options;
  options.encoding = "windows-1252";
  auto document = make("\x93quoted\x94 caf\xE9", diagnostics, options);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text(), "\u201cquoted\u201d caf\u00e9");
}

TEST(Reader, DecodesUtf16WithAByteOrderMarkAndSaysSo) {
  Diagnostics diagnostics;
  const std::string bytes("\xFF\xFE" "O\0k\0", 6);
  auto document = make(bytes, diagnostics);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text(), "Ok");
  EXPECT_TRUE(diagnostics.contains("D003"));
  EXPECT_FALSE(diagnostics.has_errors());
}

TEST(Reader, RefusesBinaryData) {
  Diagnostics diagnostics;
  EXPECT_FALSE(make(std::string("PK\x03\x04\0\0\0", 7), diagnostics));
  EXPECT_TRUE(diagnostics.contains("D004"));
}

TEST(Reader, SuggestsUtf16ForNulPatterns) {
  Diagnostics diagnostics;
  std::string bytes;
  for (char c : std::string("Security Council")) bytes += std::string{c, '\0'};
  EXPECT_FALSE(make(bytes, diagnostics));
  EXPECT_NE(diagnostics.render().find("utf-16le"), std::string::npos);
}

TEST(Reader, WarnsAboutEmptyDocumentsButKeepsThem) {
  Diagnostics diagnostics;
  auto document = make(" \n ", diagnostics);
  ASSERT_TRUE(document);
  EXPECT_TRUE(diagnostics.contains("D005"));
  EXPECT_FALSE(diagnostics.has_errors());
}

TEST(Reader, ReadsFilesLongerThanOneBlockWhole) {
  // read_all reads 64 KiB blocks: a file of a few blocks and a bit must come back byte for byte.
  const auto path = std::filesystem::temp_directory_path() / "caucus_reader_blocks.txt";
  std::string text;
  for (int i = 0; text.size() < 3 * 65536 + 17; ++i) text += "Line " + std::to_string(i) + " of the record.\n";
  std::ofstream(path, std::ios::binary) << text;
  Diagnostics diagnostics;
  const auto document = read_document(path, {}, diagnostics);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->text(), text);
  EXPECT_EQ(read_text_file(path.string()), text);
  std::filesystem::remove(path);
}

TEST(Reader, RefusesDocumentsOver4GiBBeforeReadingThem) {
  // A sparse file: its size is checked before a byte is read, so the test needs no 4 GiB
  // (every Linux file system a temporary directory sits on makes sparse files).
  const auto path = std::filesystem::temp_directory_path() / "caucus_reader_huge.txt";
  std::ofstream(path) << "x";
  std::error_code error;
  std::filesystem::resize_file(path, (uint64_t{1} << 32) + 1, error);
  ASSERT_FALSE(error) << "cannot make a sparse file of 4 GiB: " << error.message();
  Diagnostics diagnostics;
  EXPECT_FALSE(read_document(path, {}, diagnostics));
  ASSERT_TRUE(diagnostics.contains("D007"));
  EXPECT_NE(diagnostics.render().find("32-bit"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(Reader, MaxBytesIsALimitToo) {
  Diagnostics diagnostics;
  ReadOptions options;
  options.max_bytes = 4;
  EXPECT_FALSE(make("12345", diagnostics, options));
  EXPECT_TRUE(diagnostics.contains("D007"));
  Diagnostics fine;
  EXPECT_TRUE(make("1234", fine, options));
}

TEST(Reader, ReportsMissingFiles) {
  Diagnostics diagnostics;
  EXPECT_FALSE(read_document("/nonexistent/caucus/doc.txt", {}, diagnostics));
  EXPECT_TRUE(diagnostics.contains("D001"));
}

TEST(Reader, ExpandsDirectoriesRecursivelyInSortedOrder) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "caucus_reader_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  for (const auto& name : {"b.txt", "a.txt", "sub/c.txt", "skip.pdf"}) std::ofstream(dir / name) << "x";
  Diagnostics diagnostics;
  const auto inputs = expand_inputs({dir.string(), "-", (dir / "missing.txt").string()}, diagnostics);
  EXPECT_EQ(inputs, (std::vector<std::string>{(dir / "a.txt").string(), (dir / "b.txt").string(),
                                               (dir / "sub/c.txt").string(), "-"}));
  EXPECT_TRUE(diagnostics.contains("D001"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace caucus
