// SPDX-License-Identifier: MIT
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
    /// Components and connections: far past real designs (hundreds; platform maps thousands),
    /// and where `check` still answers the worst case of every shape within 10 s (250,000 did not).
    int maxDepth = 64; ///< JSON nesting (the format needs 5)
    int maxComponents = 100000;
    int maxConnections = 400000;
    int maxGroups = 10000;
    int maxNotes = 10000;    ///< free text and sticky notes on one board
    int maxNoteText = 20000; ///< characters of one note's text (a long page of prose)
    double minNoteSize = 20; ///< a note's width and height, scene units
    double maxNoteSize = 20000;
    int maxIdLength = 200;
    int maxLabelLength = 2000;
    int maxStringBytes = 1024 * 1024; ///< notes, props values and any other string
    double maxCoordinate = 1e7;       ///< |x| and |y| in scene units
    /// JSON elements in a file (objects, arrays and the members after a comma): what bounds
    /// memory, as a parsed value costs ~50-80 bytes per element whatever its text size (4 MB
    /// of nested "[[[…]]]" is 2 million arrays). The largest design within the other limits
    /// (100,000 components, 400,000 connections) has about 3.4 million.
    int maxJsonValues = 5000000;

    /// Nodes the walks of one design rule may visit in one check (a rule walks upstream from
    /// each model server, trainer or store, so 100,000 models reading one 100,000-long feature
    /// chain would need 10^10 steps). Past it the rule's findings are replaced by one warning
    /// that says the rule could not be checked completely. A 10,000-component design needs a
    /// few hundred thousand.
    static constexpr qint64 maxRuleSteps = 20000000;
    /// Hops of a request path listed in a latency path or finding; the rest is "… and N more".
    static constexpr int maxListedHops = 20;
    /// Latency-budget findings listed per check; the last one says how many more clients are
    /// over budget.
    static constexpr int maxLatencyFindings = 100;
};

} // namespace mls
