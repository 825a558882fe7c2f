// SPDX-License-Identifier: MIT
#pragma once

#include <QIODevice>
#include <QTextStream>

namespace mls {

/// `mlsketch layout-worker` (hidden): reads a LayoutInput as JSON from @p in until end of
/// input, runs Graphviz, writes the LayoutResult as JSON on @p out. The window runs it as a
/// child process because a Graphviz run cannot be interrupted: killing the child is the only
/// way to honour Cancel and the time limit (see LayoutRunner).
///
/// Exit codes: 0 a result was written (it may say ok = false), 2 malformed input.
class LayoutWorker
{
public:
    static int run(QIODevice &in, QTextStream &out, QTextStream &err);
};

} // namespace mls
