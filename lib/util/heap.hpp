#pragma once
// How the process keeps its memory. A monthly notice of a large fund holds tens of
// megabytes for a fraction of a second, and on a virtual machine every 4 KiB page
// touched for the first time is a costly trap into the kernel: a quarter of that
// notice's time (docs/PERFORMANCE.md).

namespace cfund::util {

// Reserves the heap in one large step and asks the kernel to back it with huge
// pages (2 MiB; madvise, honoured where transparent huge pages are enabled), so that
// first touches fault about 500 times less often. Call once, first thing in main.
// Does nothing outside glibc, under AddressSanitizer (it brings its own allocator),
// or when the kernel refuses.
void reserve_heap_with_huge_pages();

}  // namespace cfund::util
