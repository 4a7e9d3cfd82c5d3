#include "mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "caucus/reader.hpp"

namespace caucus {

std::unique_ptr<MappedFile> MappedFile::open(const std::string& path) {
  std::unique_ptr<MappedFile> file(new MappedFile);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapping != MAP_FAILED) {
      file->mapping_ = mapping;
      file->bytes_ = std::string_view(static_cast<const char*>(mapping), size);
    }
  }
  ::close(fd);  // a mapping outlives its descriptor
  if (!file->mapping_) {
    auto text = read_text_file(path);
    if (!text) return nullptr;
    file->copy_ = std::move(*text);
    file->bytes_ = file->copy_;
  }
  return file;
}

MappedFile::~MappedFile() {
  if (mapping_) ::munmap(mapping_, bytes_.size());
}

}  // namespace caucus
