#include "heap_pages.hpp"

#include <cstdint>
#include <cstdlib>  // first: it defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace caucus::cli {

void tune_heap() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#if defined(MADV_HUGEPAGE)
  // One growth of the heap now, by kGrowth more than asked, on huge pages: glibc grows the
  // heap by M_TOP_PAD more than it needs, and a block one byte larger than the free top of
  // the heap (mallinfo2's keepcost) makes it grow at once. The memory is only reserved: a
  // huge page is taken when a byte of it is first written, and the other pages of the first
  // growth stay untouched.
  constexpr std::uintptr_t kHugePage = 2 << 20;
  constexpr std::size_t kGrowth = 32 << 20;
  const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
  mallopt(M_TOP_PAD, kGrowth);
  // volatile: a block nobody reads is otherwise no allocation at all to the compiler.
  void* volatile block = std::malloc(mallinfo2().keepcost + 1);
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const std::uintptr_t begin = (before + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t end = after & ~(kHugePage - 1);
  // Where the kernel gives no huge pages on request, madvise() fails or is ignored: no harm.
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  std::free(block);
  mallopt(M_TOP_PAD, 128 << 10);  // glibc's default again
#endif
#endif
}

void release_free_heap() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace caucus::cli
