// SPDX-License-Identifier: MIT
#pragma once

namespace mls {

/// The process's malloc settings, made once at start-up by the app (window and commands) and by
/// the bench, which measures what the app does. glibc only; elsewhere nothing.
///
/// - No fastbins: with the thread caches in front they buy little, and consolidating them is a
///   third of the time spent reading and freeing a 100,000-component design.
/// - A fixed mmap threshold (256 KiB): big blocks (the board's image, the finding and item lists
///   of a 10k design) are mapped and go back to the system when freed. glibc's default raises
///   the threshold past the largest block freed and then keeps up to twice that free at the top
///   of the heap: ~4 MB resident for nothing after the first check of a 10k design. The trim
///   threshold is set back to the same size.
void configureAllocator();

} // namespace mls
