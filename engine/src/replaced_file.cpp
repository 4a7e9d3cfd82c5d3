#include "caucus/replaced_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace caucus {

ReplacedFile::ReplacedFile(std::filesystem::path path) : path_(std::move(path)) {
  // The process id keeps two runs writing the same file from sharing a temporary.
  temp_path_ = path_.string() + ".tmp." + std::to_string(getpid());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_) fail("cannot write");
}

ReplacedFile::~ReplacedFile() {
  if (committed_ && ok_) return;
  if (file_) std::fclose(file_);
  std::error_code ignored;
  std::filesystem::remove(temp_path_, ignored);
}

void ReplacedFile::fail(const char* action) {
  const int error = errno;  // before anything else can change it
  if (!ok_) return;         // the first error is the one to report
  ok_ = false;
  error_ = std::string(action) + " " + path_.string() + ": " + std::strerror(error);
}

void ReplacedFile::write(std::string_view data) {
  if (!ok_) return;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) fail("cannot write");
}

bool ReplacedFile::commit() {
  if (committed_) return ok_;
  committed_ = true;
  if (!file_) return ok_;
  if (std::fflush(file_) != 0) fail("cannot write");
  if (std::fclose(file_) != 0) fail("cannot write");
  file_ = nullptr;
  if (ok_ && std::rename(temp_path_.c_str(), path_.c_str()) != 0) fail("cannot rename the temporary file onto");
  return ok_;
}

}  // namespace caucus
