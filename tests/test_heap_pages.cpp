// The CLI's heap settings (engine/cli/heap_pages.hpp), read back from the kernel's view of
// this process: /proc/self/smaps. Each test runs in a process of its own (gtest_discover_tests).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "heap_pages.hpp"

namespace {

struct Mapping {
  std::uintptr_t begin = 0, end = 0;
  std::string name;
  bool huge_pages_advised = false;  // "hg" among its VmFlags
};

std::vector<Mapping> mappings() {
  std::vector<Mapping> found;
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  while (std::getline(smaps, line)) {
    if (line.rfind("VmFlags:", 0) == 0) {
      if (!found.empty()) found.back().huge_pages_advised = (line + " ").find(" hg ") != std::string::npos;
      continue;
    }
    // A mapping's first line: "begin-end perms offset dev inode [name]"; the other lines are
    // "Key: value".
    const auto dash = line.find('-');
    const auto space = line.find(' ');
    if (dash == std::string::npos || space == std::string::npos || dash > space) continue;
    Mapping mapping;
    mapping.begin = std::stoull(line.substr(0, dash), nullptr, 16);
    mapping.end = std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16);
    std::istringstream fields(line.substr(space));
    std::string perms, offset, device, inode;
    fields >> perms >> offset >> device >> inode >> mapping.name;
    found.push_back(mapping);
  }
  return found;
}

const Mapping* mapping_of(const std::vector<Mapping>& all, const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  for (const auto& mapping : all) {
    if (mapping.begin <= at && at < mapping.end) return &mapping;
  }
  return nullptr;
}

// True if the kernel gives transparent huge pages to memory that asks for them.
bool huge_pages_on_request() {
  std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  std::getline(setting, line);
  return line.find("[always]") != std::string::npos || line.find("[madvise]") != std::string::npos;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizedMalloc = true;  // ASan's allocator ignores glibc's settings
#else
constexpr bool kSanitizedMalloc = false;
#endif

}  // namespace

TEST(HeapPages, ADocumentSizedBlockComesFromTheHeapNotAMappingOfItsOwn) {
  if (kSanitizedMalloc) GTEST_SKIP() << "ASan's allocator";
  caucus::cli::tune_heap();
  void* volatile block = std::malloc(8 << 20);  // glibc maps blocks of 128 KB and more by default
  const auto all = mappings();
  const Mapping* mapping = mapping_of(all, block);
  ASSERT_NE(mapping, nullptr);
  EXPECT_EQ(mapping->name, "[heap]");
  std::free(block);
}

TEST(HeapPages, TheHeapsFirstGrowthAsksForHugePages) {
  if (kSanitizedMalloc) GTEST_SKIP() << "ASan's allocator";
  if (!huge_pages_on_request()) GTEST_SKIP() << "no transparent huge pages on request here";
  caucus::cli::tune_heap();
  std::uintptr_t advised = 0;
  for (const auto& mapping : mappings()) {
    if (mapping.name == "[heap]" && mapping.huge_pages_advised) advised += mapping.end - mapping.begin;
  }
  EXPECT_GE(advised, std::uintptr_t{16} << 20);
}
