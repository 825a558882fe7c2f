// SPDX-License-Identifier: MIT
#include "PracticeCommands.h"

#include "DiagramReader.h"
#include "Grader.h"
#include "Problem.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mls {

namespace {

const char *const gradeUsage =
    "usage: mlsketch grade ATTEMPT --against PROBLEM [--format text|json]\n";

} // namespace

int PracticeCommands::grade(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption against(QStringLiteral("against"), {}, QStringLiteral("PROBLEM"));
    const QCommandLineOption format(QStringLiteral("format"), {}, QStringLiteral("FORMAT"),
                                    QStringLiteral("text"));
    p.addOptions({against, format});
    if (!p.parse(QStringList{QStringLiteral("mlsketch grade")} + args)) {
        err << "mlsketch grade: " << p.errorText() << '\n' << gradeUsage;
        return 2;
    }
    const QString fmt = p.value(format);
    if (p.positionalArguments().size() != 1 || !p.isSet(against) ||
        (fmt != QLatin1String("text") && fmt != QLatin1String("json"))) {
        err << gradeUsage;
        return 2;
    }
    const Problem *problem = ProblemSet::find(p.value(against));
    if (!problem) {
        err << "mlsketch grade: unknown problem \"" << p.value(against)
            << "\"; the problems are: " << ProblemSet::ids().join(QStringLiteral(", ")) << '\n';
        return 2;
    }
    const ReadResult read = DiagramReader::readFile(p.positionalArguments().constFirst());
    if (!read.ok()) {
        err << "mlsketch grade: " << read.error << '\n';
        return 2;
    }
    const Grade g = Grader::gradeAttempt(*read.diagram, *problem);
    if (fmt == QLatin1String("json"))
        out << QString::fromUtf8(Grader::toJson(g));
    else
        out << Grader::toText(g);
    return 0;
}

int PracticeCommands::list(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const bool json = args == QStringList{QStringLiteral("--format"), QStringLiteral("json")};
    if (!args.isEmpty() && !json) {
        err << "usage: mlsketch practice [--format json]\n";
        return 2;
    }
    QJsonArray array;
    for (const Problem &p : ProblemSet::builtin()) {
        if (json) {
            array.append(QJsonObject{{"id", p.id},
                                     {"title", p.title},
                                     {"difficulty", p.difficulty},
                                     {"minutes", p.minutes},
                                     {"tags", QJsonArray::fromStringList(p.tags)},
                                     {"prompt", p.prompt},
                                     {"requirements", QJsonArray::fromStringList(p.requirements)},
                                     {"items", int(p.items.size())}});
            continue;
        }
        out << p.id << "  [" << p.difficulty << "] " << p.title << " ("
            << p.tags.join(QStringLiteral(", ")) << ")\n    " << p.prompt << "\n\n";
    }
    if (json)
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return 0;
}

} // namespace mls
