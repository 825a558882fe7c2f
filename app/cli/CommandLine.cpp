// SPDX-License-Identifier: MIT
#include "CommandLine.h"

#include "CheckCommand.h"
#include "ExportCommand.h"
#include "ImportCommand.h"
#include "LayoutCommand.h"
#include "LayoutWorker.h"
#include "NewCommand.h"
#include "PracticeCommands.h"
#include "RulesCommand.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

namespace mls {

namespace {

int runLayoutWorker(const QStringList &, QTextStream &out, QTextStream &err)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 2;
    return LayoutWorker::run(in, out, err);
}

std::vector<Subcommand> makeSubcommands()
{
    std::vector<Subcommand> table;
    table.push_back(
        {QStringLiteral("templates"),
         QStringLiteral("  mlsketch templates        list the built-in reference designs"),
         &NewCommand::listTemplates});
    table.push_back(
        {QStringLiteral("new"),
         QStringLiteral("  mlsketch new TEMPLATE -o FILE [--force]\n"
                        "                            start FILE as a copy of a template; exit 2\n"
                        "                            when FILE exists or the template is unknown"),
         &NewCommand::run});
    table.push_back(
        {QStringLiteral("check"),
         QStringLiteral("  mlsketch check FILE [--format text|json|sarif] [--rules FILE]\n"
                        "                 [--min-severity info|warning|error]\n"
                        "                            check FILE against the design rules; exit 0\n"
                        "                            when clean, 1 on an unwaived error, 2 when\n"
                        "                            FILE or a rule pack cannot be read"),
         &CheckCommand::run});
    table.push_back(
        {QStringLiteral("rules"),
         QStringLiteral("  mlsketch rules [--format text|json] [--rules FILE]\n"
                        "                            list every design rule: id, severity and\n"
                        "                            title (with --rules, a custom pack's too)"),
         &RulesCommand::list});
    table.push_back(
        {QStringLiteral("explain"),
         QStringLiteral("  mlsketch explain RULE-ID [--rules FILE]\n"
                        "                            print one rule's title, why it matters and\n"
                        "                            how to fix it; exit 2 on an unknown id"),
         &RulesCommand::explain});
    table.push_back(
        {QStringLiteral("layout"),
         QStringLiteral(
             "  mlsketch layout FILE -o OUT [--engine dot|sfdp] [--direction LR|TB]\n"
             "                            lay FILE out with Graphviz (pinned components\n"
             "                            stay) and save it as OUT; exit 2 when FILE\n"
             "                            cannot be read or an option is wrong"),
         &LayoutCommand::run});
    table.push_back(
        {QStringLiteral("export"),
         QStringLiteral("  mlsketch export FILE -o OUT.(png|svg|pdf|dot|mmd|md|mls)\n"
                        "                 [--scale 1-4] [--background white|transparent|dark]\n"
                        "                 [--margin PX] [--markers] [--layout] [--no-legend]\n"
                        "                            export FILE (laid out first with --layout)\n"
                        "                            in the format of OUT's extension; .md is a\n"
                        "                            design review with OUT's .png next to it;\n"
                        "                            needs no display; exit 2 on any failure"),
         &ExportCommand::run, /*drawsBoard=*/true});
    table.push_back(
        {QStringLiteral("practice"),
         QStringLiteral(
             "  mlsketch practice [--format json]\n"
             "                            list the practice problems with their prompts"),
         &PracticeCommands::list});
    table.push_back(
        {QStringLiteral("grade"),
         QStringLiteral("  mlsketch grade ATTEMPT --against PROBLEM [--format text|json]\n"
                        "                            grade ATTEMPT against a problem's rubric\n"
                        "                            (0-100, per step and per item); exit 2 when\n"
                        "                            ATTEMPT cannot be read or PROBLEM is unknown"),
         &PracticeCommands::grade});
    table.push_back(
        {QStringLiteral("import"),
         QStringLiteral("  mlsketch import FILE.(mmd|md|dot|gv) -o OUT.(mlsketch|mls) [--block N]\n"
                        "                            a Mermaid flowchart or Graphviz DOT graph\n"
                        "                            as a design: kinds recognised from names,\n"
                        "                            subgraphs as zones, laid out; a .md file's\n"
                        "                            first (or Nth) ```mermaid block; exit 2\n"
                        "                            when FILE cannot be read"),
         &ImportCommand::run});
    table.push_back({QStringLiteral("layout-worker"), QString(), &runLayoutWorker,
                     /*drawsBoard=*/false, /*hidden=*/true});
    return table;
}

} // namespace

const std::vector<Subcommand> &CommandLine::subcommands()
{
    static const std::vector<Subcommand> table = makeSubcommands();
    return table;
}

const Subcommand *CommandLine::find(const QString &name)
{
    for (const Subcommand &command : subcommands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

QString CommandLine::helpText()
{
    QStringList lines;
    for (const Subcommand &command : subcommands()) {
        if (!command.hidden)
            lines << command.usage;
    }
    return QStringLiteral("Commands (run without a window):\n") + lines.join(QLatin1Char('\n'));
}

QString CommandLine::commandNames()
{
    QStringList names;
    for (const Subcommand &command : subcommands()) {
        if (!command.hidden)
            names << command.name;
    }
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
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
        return QStringLiteral("mlsketch: unknown command \"%1\"; the commands are %2 "
                              "(mlsketch --help tells more)")
            .arg(first, commandNames());
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
                   "mlsketch: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                   "not set). The commands %1 run without one.")
            .arg(commandNames());
#endif
    return {};
}

int CommandLine::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString name = args.value(0);
    if (const Subcommand *command = find(name))
        return command->run(args.mid(1), out, err);
    err << "mlsketch: unknown command \"" << name << "\"; the commands are " << commandNames()
        << '\n';
    return 2;
}

} // namespace mls
