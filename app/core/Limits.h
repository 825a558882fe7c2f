#pragma once

#include <QtGlobal>

namespace mls {

/// The one set of limits on what a design may hold, shared by the file reader, the file writer,
/// the clipboard, the recovery files and (when they land) the text form and the importers.
/// Beyond them an input is refused with a message naming what and where, so a hostile or
/// corrupt input cannot exhaust memory or stall the window; within them every command answers
/// in bounded time and memory (tests/core/tst_limits.cpp runs the worst case of each).
/// Documented in the README ("Limits").
struct Limits
{
    qint64 maxFileBytes = 256LL * 1024 * 1024; ///< a 100k-component diagram is about 40 MB
    int maxDepth = 64;                         ///< JSON nesting (the format needs 5)
    int maxComponents = 250000;
    int maxConnections = 1000000;
    int maxGroups = 10000;
    int maxIdLength = 200;
    int maxLabelLength = 2000;
    int maxStringBytes = 1024 * 1024; ///< notes, props values and any other string
    double maxCoordinate = 1e7;       ///< |x| and |y| in scene units

    /// Hops of a request path listed in a latency path or finding; the rest is "… and N more".
    static constexpr int maxListedHops = 20;
    /// Latency-budget findings listed per check; the last one says how many more clients are
    /// over budget.
    static constexpr int maxLatencyFindings = 100;
};

} // namespace mls
