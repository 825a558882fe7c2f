// SPDX-License-Identifier: MIT
#include "Allocator.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace mls {

void configureAllocator()
{
#if defined(__GLIBC__)
    mallopt(M_MXFAST, 0);
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    // Set too: a large block freed before main() may already have raised it with the threshold.
    mallopt(M_TRIM_THRESHOLD, 256 * 1024);
#endif
}

} // namespace mls
