// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// `mlsketch export FILE -o OUT.(png|svg|pdf|dot|mmd|md) [--scale N] [--background B]
/// [--margin PX] [--markers] [--layout]`: writes FILE in the format of OUT's extension.
///
/// Runs without a display: main() picks the offscreen platform for it (its table entry says
/// it draws the board). Exit codes: 0 written, 2 unreadable input, bad options, an
/// unknown extension, a layout failure or an unwritable output (message on @p err).
class ExportCommand
{
public:
    /// Runs the command; @p args are the arguments after "export".
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
