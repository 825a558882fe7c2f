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
    /// Checks the arguments of the window (@p args without the program name) before any window
    /// or display is needed: a mistyped command ("chek") or more than one file is an error.
    /// Returns the message, empty when they are fine.
    static QString windowArgumentsError(const QStringList &args);
    /// The message for a window start without any display to open it on (Linux/BSD with
    /// neither DISPLAY nor WAYLAND_DISPLAY nor QT_QPA_PLATFORM set); empty when there is one.
    static QString missingDisplayError();
};

} // namespace mls
