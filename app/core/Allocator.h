// SPDX-License-Identifier: MIT
#pragma once

namespace mls {

/// The process's malloc settings, made once at start-up by the app (window and commands) and by
/// the bench, which measures what the app does. glibc only; elsewhere nothing.
///
/// - No fastbins: with the thread caches in front they buy little, and consolidating them is a
///   third of the time spent reading and freeing a 100,000-component design.
///
/// Not set, though it saves ~3 MB with a 10k design open: a fixed mmap threshold (256 KiB).
/// glibc raises its threshold past the largest block freed and keeps up to twice that free at
/// the top of the heap; fixed, the megabyte-sized lists of every re-check are mapped and
/// faulted in afresh each time, and the re-check after a connect on 10k/30k went from ~0.85 to
/// ~1.6 ms (issue 16's target is 1 ms).
void configureAllocator();

} // namespace mls
