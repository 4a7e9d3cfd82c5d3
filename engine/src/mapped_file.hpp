// A file's bytes, mapped read-only into memory (mmap): reading a part of a big file touches
// only the pages of that part, where reading it into a string first copies and zero-fills
// all of it, page fault by page fault (the cache of compiled patterns, pattern_cache.cpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace caucus {

class MappedFile {
 public:
  // The file at `path`, mapped; or read into memory where it cannot be mapped (a pipe, a
  // file system without mmap). Null if it cannot be opened or read. An empty file gives an
  // empty view.
  static std::unique_ptr<MappedFile> open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Stays valid while this object lives, even if the file is replaced or removed meanwhile;
  // not if it is cut short in place (reading past its new end is a SIGBUS), which is why the
  // cache is only ever written to a temporary file renamed over it.
  std::string_view bytes() const { return bytes_; }

 private:
  MappedFile() = default;
  std::string_view bytes_;
  void* mapping_ = nullptr;  // what munmap() gets back, or null
  std::string copy_;         // the bytes, where the file was read rather than mapped
};

}  // namespace caucus
