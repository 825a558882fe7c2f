// SPDX-License-Identifier: MIT
#include "CheckCommand.h"

#include "Catalog.h"

#include "DiagramReader.h"
#include "RuleEngine.h"
#include "SarifReport.h"
#include "text/DesignFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mls {

namespace {

struct Options
{
    QString file;
    QString format; ///< "text", "json" or "sarif"
    QStringList packs;
    Severity minSeverity = Severity::Info;
};

/// Parses the options; returns false with a message on @p err.
bool parseOptions(const QStringList &args, Options &o, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption format(QStringLiteral("format"), {}, QStringLiteral("FORMAT"),
                                    QStringLiteral("text"));
    const QCommandLineOption rules(QStringLiteral("rules"), {}, QStringLiteral("FILE"));
    const QCommandLineOption min(QStringLiteral("min-severity"), {}, QStringLiteral("LEVEL"),
                                 QStringLiteral("info"));
    p.addOptions({format, rules, min});
    if (!p.parse(QStringList{QStringLiteral("mlsketch check")} + args)) {
        err << "mlsketch check: " << p.errorText() << '\n';
        return false;
    }
    const QString fmt = p.value(format);
    const auto severity = severityFromName(p.value(min));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json"),
                              QStringLiteral("sarif")};
    if (!formats.contains(fmt) || !severity || p.positionalArguments().size() != 1) {
        err << "usage: mlsketch check FILE [--format text|json|sarif] [--rules FILE] "
               "[--min-severity info|warning|error]\n";
        return false;
    }
    o.file = p.positionalArguments().constFirst();
    o.format = fmt;
    o.packs = p.values(rules);
    o.minSeverity = *severity;
    return true;
}

/// The file as SARIF results name it: a relative path as given (code-scanning tools resolve it
/// against the checkout), an absolute one as a file:// URI.
QString artifactUri(const QString &path)
{
    if (QFileInfo(path).isAbsolute())
        return QUrl::fromLocalFile(path).toString();
    return QDir::fromNativeSeparators(QDir::cleanPath(path));
}

QJsonArray toJsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

void printJson(const QVector<Finding> &findings, QTextStream &out)
{
    QJsonArray array;
    for (const Finding &f : findings) {
        array.append(QJsonObject{{"rule", f.rule()},
                                 {"severity", severityName(f.severity())},
                                 {"message", f.message()},
                                 {"explanation", f.explanation()},
                                 {"fix", f.fix()},
                                 {"components", toJsonArray(f.components())},
                                 {"connections", toJsonArray(f.connections())},
                                 {"waived", f.waived()}});
    }
    out << QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QString labelOf(const Diagram &d, const QString &id)
{
    const Component *c = d.component(id);
    return c ? Catalog::builtin().displayName(*c) : id;
}

void printText(const Diagram &d, const RuleEngine &engine, const QVector<Finding> &findings,
               const QVector<StaleWaiver> &stale, QTextStream &out)
{
    for (const Finding &f : findings) {
        out << f.rule() << ' ' << severityName(f.severity()) << ": " << f.message();
        if (!f.components().isEmpty() || !f.connections().isEmpty())
            out << " [" << f.ids().join(QStringLiteral(", ")) << ']';
        if (f.waived())
            out << " (waived: " << f.waiverReason() << ')';
        out << '\n';
    }
    for (const StaleWaiver &w : stale) {
        // Named as findings name things: a component by its label, a connection by its ends.
        QString item = w.item;
        if (w.connection) {
            if (const Connection *c = d.connection(w.item))
                item = QStringLiteral("the connection \"%1\" → \"%2\"")
                           .arg(labelOf(d, c->from), labelOf(d, c->to));
        } else {
            item = QStringLiteral("\"%1\"").arg(labelOf(d, w.item));
        }
        out << "stale waiver: " << w.rule << " on " << item
            << (engine.rule(w.rule) ? " no longer applies" : " names no known rule") << " ["
            << w.item << "]\n";
    }
}

} // namespace

int CheckCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    Options o;
    if (!parseOptions(args, o, err))
        return 2;
    RuleEngine engine;
    for (const QString &pack : std::as_const(o.packs)) {
        QString error;
        if (!engine.loadPack(pack, &error)) {
            err << "mlsketch check: bad rule pack: " << error << '\n';
            return 2;
        }
    }
    const ReadResult read = DesignFile::readFile(o.file);
    if (!read.ok()) {
        err << "mlsketch check: " << read.error << '\n';
        return 2;
    }
    for (const QString &w : read.warnings)
        err << "mlsketch check: " << o.file << ": warning: " << w << '\n';
    QVector<Finding> all = engine.check(*read.diagram);
    RuleEngine::sort(all);
    QVector<Finding> shown;
    for (const Finding &f : std::as_const(all)) {
        if (f.severity() >= o.minSeverity)
            shown.push_back(f);
    }
    if (o.format == QLatin1String("sarif")) {
        QFile file(o.file);
        const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        const QJsonObject log =
            SarifReport::build(artifactUri(o.file), text, *read.diagram, engine.rules(), shown);
        out << QJsonDocument(log).toJson(QJsonDocument::Indented);
    } else if (o.format == QLatin1String("json")) {
        printJson(shown, out);
    } else {
        printText(*read.diagram, engine, shown, engine.staleWaivers(*read.diagram), out);
    }
    const bool failed = std::any_of(all.begin(), all.end(), [](const Finding &f) {
        return f.severity() == Severity::Error && !f.waived();
    });
    return failed ? 1 : 0;
}

} // namespace mls
