// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// `mlsketch layout FILE -o OUT [--engine dot|sfdp] [--direction LR|TB]`: lays the whole
/// diagram out (pins kept) and saves it to OUT.
///
/// Exit codes: 0 written, 2 unreadable input, bad options, a layout failure or an unwritable
/// output (message on @p err).
class LayoutCommand
{
public:
    /// Runs the command; @p args are the arguments after "layout".
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
