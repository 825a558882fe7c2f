#pragma once

#include <QStringList>
#include <QTextStream>

namespace mls {

/// `mlsketch export FILE -o OUT.(png|svg|pdf|dot|mmd|md) [--scale N] [--background B]
/// [--margin PX] [--markers] [--layout]`: writes FILE in the format of OUT's extension.
///
/// Runs without a display: main() picks the offscreen platform for it (see
/// useOffscreenPlatform()). Exit codes: 0 written, 2 unreadable input, bad options, an
/// unknown extension, a layout failure or an unwritable output (message on @p err).
class ExportCommand
{
public:
    /// True when the arguments (without the program name) run `export`, which draws the board
    /// and so needs a QApplication rather than a QCoreApplication.
    static bool needsGui(const QString &command);
    /// Chooses Qt's offscreen platform unless the user set QT_QPA_PLATFORM: an export must work
    /// on a server with no display. Call before the application object exists.
    static void useOffscreenPlatform();
    /// Runs the command; @p args are the arguments after "export".
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace mls
