// SPDX-License-Identifier: MIT
#include "RulesCommand.h"

#include "RuleEngine.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mls {

namespace {

/// Parses @p args of `mlsketch COMMAND` and loads the --rules packs into @p engine; false with
/// a message on @p err.
bool prepare(const QString &command, const QStringList &args, QCommandLineParser &p,
             RuleEngine &engine, QTextStream &err)
{
    const QCommandLineOption format(QStringLiteral("format"), {}, QStringLiteral("FORMAT"),
                                    QStringLiteral("text"));
    const QCommandLineOption rules(QStringLiteral("rules"), {}, QStringLiteral("FILE"));
    p.addOptions({format, rules});
    if (!p.parse(QStringList{QStringLiteral("mlsketch ") + command} + args)) {
        err << "mlsketch " << command << ": " << p.errorText() << '\n';
        return false;
    }
    for (const QString &pack : p.values(rules)) {
        QString error;
        if (!engine.loadPack(pack, &error)) {
            err << "mlsketch " << command << ": bad rule pack: " << error << '\n';
            return false;
        }
    }
    return true;
}

QString wrapped(const QString &text, int width, const QString &indent)
{
    QString result, line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            result += indent + line + QLatin1Char('\n');
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        result += indent + line + QLatin1Char('\n');
    return result;
}

} // namespace

int RulesCommand::list(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    RuleEngine engine;
    if (!prepare(QStringLiteral("rules"), args, p, engine, err))
        return 2;
    const QString format = p.value(QStringLiteral("format"));
    if ((format != QLatin1String("text") && format != QLatin1String("json")) ||
        !p.positionalArguments().isEmpty()) {
        err << "usage: mlsketch rules [--format text|json] [--rules FILE]...\n";
        return 2;
    }
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const Rule &r : engine.rules())
            array.append(QJsonObject{{"id", r.id},
                                     {"severity", severityName(r.severity)},
                                     {"title", r.title},
                                     {"explanation", r.explanation},
                                     {"fix", r.fix},
                                     {"source", r.source}});
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const Rule &r : engine.rules())
        out << qSetFieldWidth(9) << Qt::left << r.id << qSetFieldWidth(8)
            << severityName(r.severity) << qSetFieldWidth(0) << r.title << '\n';
    return 0;
}

int RulesCommand::explain(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    RuleEngine engine;
    if (!prepare(QStringLiteral("explain"), args, p, engine, err))
        return 2;
    if (p.positionalArguments().size() != 1) {
        err << "usage: mlsketch explain RULE-ID [--rules FILE]... (mlsketch rules lists them)\n";
        return 2;
    }
    const QString id = p.positionalArguments().constFirst().trimmed().toUpper();
    const Rule *r = engine.rule(id);
    if (!r) {
        err << "mlsketch explain: unknown rule \"" << p.positionalArguments().constFirst()
            << "\"; mlsketch rules lists the " << engine.rules().size() << " rules\n";
        return 2;
    }
    out << r->id << ' ' << severityName(r->severity) << ": " << r->title << "\n\n"
        << "Why it matters:\n"
        << wrapped(r->explanation, 76, QStringLiteral("  ")) << "\nHow to fix it:\n"
        << wrapped(r->fix, 76, QStringLiteral("  "));
    return 0;
}

} // namespace mls
