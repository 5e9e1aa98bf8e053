#include "util/heap.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define CFUND_OWN_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CFUND_OWN_ALLOCATOR 1
#endif
#endif

namespace cfund::util {

void reserve_heap_with_huge_pages() {
#if defined(__GLIBC__) && !defined(CFUND_OWN_ALLOCATOR)
  constexpr std::size_t kReserve = std::size_t{256} << 20;  // address space only; pages come when touched
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  // Grow the heap by kReserve at a time and keep blocks of up to 32 MiB in it (glibc
  // would give each large block its own mapping, faulted in afresh every time).
  if (mallopt(M_TOP_PAD, static_cast<int>(kReserve)) == 0) return;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest; refused elsewhere, which does no harm
  // One block larger than what is left at the top makes glibc extend the heap now.
  void* block = std::malloc(std::size_t{1} << 20);
  if (block == nullptr) return;
  const auto at = reinterpret_cast<std::uintptr_t>(block);
  const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // Only when the block is in the heap below the program break (as glibc puts it).
  if (at < top && top - at <= kReserve + (std::uintptr_t{2} << 20)) {
    const std::uintptr_t begin = (at + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = top & ~(kHugePage - 1);
    if (begin < end)
      madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // a hint: errors are harmless
  }
  std::free(block);
#endif
}

}  // namespace cfund::util
