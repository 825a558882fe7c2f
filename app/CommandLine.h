#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// The headless front: `mlsketch templates`, `check` and `layout`, and later `export`.
/// Runs the same core as the window.
class CommandLine
{
public:
    /// True when @p arg names a subcommand that runs without a window.
    static bool isSubcommand(const QString &arg);
    /// Runs a subcommand (@p args without the program name); returns the process exit code.
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
