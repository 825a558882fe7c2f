// SPDX-License-Identifier: MIT
#include "SarifReport.h"

#include "Catalog.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mls {

namespace {

/// 1-based line of the first `"id": "<id>"` in @p text, or 0.
int lineOfId(const QByteArray &text, const QString &id)
{
    if (id.isEmpty() || text.isEmpty())
        return 0;
    const QByteArray needle = "\"id\": \"" + id.toUtf8() + '"';
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? 0 : int(text.left(at).count('\n')) + 1;
}

QJsonObject ruleDescriptor(const Rule &r)
{
    const QString help = QStringLiteral("Why: %1\nFix: %2").arg(r.explanation, r.fix);
    const QString markdown =
        QStringLiteral("**Why it matters.** %1\n\n**How to fix it.** %2").arg(r.explanation, r.fix);
    QString name;
    for (const QString &word : r.title.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        name += word.left(1).toUpper() + word.mid(1);
    name.remove(QLatin1Char('/'));
    return QJsonObject{
        {"id", r.id},
        {"name", name},
        {"shortDescription", QJsonObject{{"text", r.title}}},
        {"fullDescription", QJsonObject{{"text", r.explanation}}},
        {"help", QJsonObject{{"text", help}, {"markdown", markdown}}},
        {"defaultConfiguration", QJsonObject{{"level", SarifReport::level(r.severity)}}},
        {"properties", QJsonObject{{"tags", QJsonArray{"ml-design"}}}}};
}

QJsonObject resultOf(const Finding &f, int ruleIndex, const QString &uri, const QByteArray &text,
                     const Diagram &d)
{
    // The main subject: the finding's connection for connection rules, else its first
    // component (RuleEngine's convention).
    const QString subject = !f.connections().isEmpty() && f.components().size() <= 2
                                ? f.connections().first()
                                : f.components().value(0);
    QJsonObject physical{{"artifactLocation", QJsonObject{{"uri", uri}, {"index", 0}}}};
    if (const int line = lineOfId(text, subject))
        physical.insert("region", QJsonObject{{"startLine", line}});
    QJsonArray logical;
    for (const QString &id : f.components()) {
        const Component *c = d.component(id);
        logical.append(QJsonObject{{"name", c ? Catalog::builtin().displayName(*c) : id},
                                   {"fullyQualifiedName", QStringLiteral("components/") + id},
                                   {"kind", "component"}});
    }
    for (const QString &id : f.connections())
        logical.append(QJsonObject{{"name", id},
                                   {"fullyQualifiedName", QStringLiteral("connections/") + id},
                                   {"kind", "connection"}});
    QJsonObject result{{"ruleId", f.rule()},
                       {"level", SarifReport::level(f.severity())},
                       {"message", QJsonObject{{"text", f.message()}}},
                       {"locations", QJsonArray{QJsonObject{{"physicalLocation", physical},
                                                            {"logicalLocations", logical}}}},
                       {"partialFingerprints", QJsonObject{{"mlsketchFinding/v1", f.key()}}}};
    if (ruleIndex >= 0)
        result.insert("ruleIndex", ruleIndex);
    if (f.waived())
        result.insert("suppressions", QJsonArray{QJsonObject{{"kind", "inSource"},
                                                             {"justification", f.waiverReason()}}});
    return result;
}

} // namespace

QString SarifReport::level(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("note");
}

QJsonObject SarifReport::build(const QString &uri, const QByteArray &text, const Diagram &d,
                               const QVector<Rule> &rules, const QVector<Finding> &findings)
{
    QJsonArray ruleArray;
    QHash<QString, int> index;
    for (const Rule &r : rules) {
        index.insert(r.id, int(ruleArray.size()));
        ruleArray.append(ruleDescriptor(r));
    }
    QJsonArray results;
    for (const Finding &f : findings)
        results.append(resultOf(f, index.value(f.rule(), -1), uri, text, d));
    const QJsonObject driver{{"name", "mlsketch"},
                             {"version", QCoreApplication::applicationVersion()},
                             {"rules", ruleArray}};
    const QJsonObject run{
        {"tool", QJsonObject{{"driver", driver}}},
        {"artifacts", QJsonArray{QJsonObject{{"location", QJsonObject{{"uri", uri}}}}}},
        {"columnKind", "unicodeCodePoints"},
        {"results", results}};
    return QJsonObject{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                       {"version", "2.1.0"},
                       {"runs", QJsonArray{run}}};
}

} // namespace mls
