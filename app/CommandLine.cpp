#include "CommandLine.h"

#include "CheckCommand.h"
#include "ExportCommand.h"
#include "LayoutCommand.h"
#include "LayoutWorker.h"
#include "NewCommand.h"
#include "TemplateLibrary.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

namespace mls {

bool CommandLine::isSubcommand(const QString &arg)
{
    return arg == QLatin1String("templates") || arg == QLatin1String("check") ||
           arg == QLatin1String("layout") || arg == QLatin1String("new") ||
           arg == QLatin1String("export") || arg == QLatin1String("layout-worker");
}

QString CommandLine::windowArgumentsError(const QStringList &args)
{
    QStringList files;
    for (const QString &arg : args) {
        if (!arg.startsWith(QLatin1Char('-')))
            files << arg;
    }
    if (files.isEmpty())
        return {};
    // A word that is no file and does not look like one is a mistyped command.
    static const QRegularExpression word(QStringLiteral("^[A-Za-z][A-Za-z-]*$"));
    const QString &first = files.constFirst();
    if (word.match(first).hasMatch() && !QFileInfo::exists(first))
        return QStringLiteral("mlsketch: unknown command \"%1\"; the commands are templates, new, "
                              "check, layout and export (mlsketch --help tells more)")
            .arg(first);
    if (files.size() > 1)
        return QStringLiteral("mlsketch: the window opens one file at a time, not %1 (\"%2\", "
                              "\"%3\"…); open the others from the File menu")
            .arg(files.size())
            .arg(files[0], files[1]);
    return {};
}

QString CommandLine::missingDisplayError()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return QStringLiteral(
            "mlsketch: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not "
            "set). The commands templates, new, check, layout and export run without one.");
#endif
    return {};
}

int CommandLine::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString command = args.value(0);
    if (command == QLatin1String("templates"))
        return NewCommand::listTemplates(args.mid(1), out, err);
    if (command == QLatin1String("new"))
        return NewCommand::run(args.mid(1), out, err);
    if (command == QLatin1String("check"))
        return CheckCommand::run(args.mid(1), out, err);
    if (command == QLatin1String("layout"))
        return LayoutCommand::run(args.mid(1), out, err);
    if (command == QLatin1String("export"))
        return ExportCommand::run(args.mid(1), out, err);
    if (command == QLatin1String("layout-worker")) { // hidden: the window's layout process
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return 2;
        return LayoutWorker::run(in, out, err);
    }
    err << "mlsketch: unknown command \"" << command << "\"\n";
    return 2;
}

} // namespace mls
