// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// `mlsketch templates` and `mlsketch new TEMPLATE -o FILE [--force]`: list the reference
/// designs, or start a new diagram as a copy of one.
///
/// Exit codes: 0 done, 2 an unknown template, an existing FILE without --force, a FILE that
/// cannot be written, or bad options (message on @p err).
class NewCommand
{
public:
    /// Prints one line per template: name, file and summary.
    static int listTemplates(const QStringList &args, QTextStream &out, QTextStream &err);
    /// Runs `new`; @p args are the arguments after "new".
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
