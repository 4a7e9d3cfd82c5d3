// A file written as a whole: under a temporary name beside it, renamed over it by commit().
// A reader never sees it half written, and an interrupted or failed write leaves the file as
// it was. The CLI's outputs and the cache of compiled patterns are written this way.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace caucus {

class ReplacedFile {
 public:
  explicit ReplacedFile(std::filesystem::path path);
  ~ReplacedFile();  // without a successful commit(), the temporary file is removed
  ReplacedFile(const ReplacedFile&) = delete;
  ReplacedFile& operator=(const ReplacedFile&) = delete;

  // False after any error; error() then says what failed, with the file's name.
  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  void write(std::string_view data);
  // Flushes and renames the temporary file into place. Returns ok().
  bool commit();

 private:
  // Records the first failure: `action` ("cannot write"), the file's name, the system's reason.
  void fail(const char* action);

  std::filesystem::path path_;
  std::filesystem::path temp_path_;
  std::FILE* file_ = nullptr;
  bool ok_ = true;
  bool committed_ = false;
  std::string error_;
};

}  // namespace caucus
