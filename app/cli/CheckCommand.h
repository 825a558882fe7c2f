// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// `mlsketch check FILE [--format text|json] [--rules FILE]... [--min-severity LEVEL]`.
///
/// Exit codes: 0 no unwaived error, 1 at least one unwaived error, 2 unreadable input, a bad
/// rule pack or bad options (message on @p err).
class CheckCommand
{
public:
    /// Runs the command; @p args are the arguments after "check".
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
