#include "CommandLine.h"

#include "CheckCommand.h"
#include "ExportCommand.h"
#include "LayoutCommand.h"
#include "LayoutWorker.h"
#include "NewCommand.h"
#include "TemplateLibrary.h"

#include <QFile>

#include <cstdio>

namespace mls {

bool CommandLine::isSubcommand(const QString &arg)
{
    return arg == QLatin1String("templates") || arg == QLatin1String("check") ||
           arg == QLatin1String("layout") || arg == QLatin1String("new") ||
           arg == QLatin1String("export") || arg == QLatin1String("layout-worker");
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
