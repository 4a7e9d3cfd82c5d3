#include "caucus/replaced_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace caucus {

ReplacedFile::ReplacedFile(std::filesystem::path path) : path_(std::move(path)) {
  // The process id keeps two runs writing the same file from sharing a temporary.
  temp_path_ = path_.string() + ".tmp." + std::to_string(getpid());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_) fail("cannot write " + path_.string());
}

ReplacedFile::~ReplacedFile() {
  if (committed_ && ok_) return;
  if (file_) std::fclose(file_);
  std::error_code ignored;
  std::filesystem::remove(temp_path_, ignored);
}

void ReplacedFile::fail(const std::string& what) {
  if (!ok_) return;  // the first error is the one to report
  ok_ = false;
  error_ = what + ": " + std::strerror(errno);
}

void ReplacedFile::write(std::string_view data) {
  if (!ok_) return;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) fail("cannot write " + path_.string());
}

bool ReplacedFile::commit() {
  if (committed_) return ok_;
  committed_ = true;
  if (!file_) return ok_;
  if (std::fflush(file_) != 0) fail("cannot write " + path_.string());
  if (std::fclose(file_) != 0) fail("cannot write " + path_.string());
  file_ = nullptr;
  if (ok_ && std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    fail("cannot rename " + temp_path_.string() + " to " + path_.string());
  }
  return ok_;
}

}  // namespace caucus
