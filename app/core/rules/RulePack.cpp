// SPDX-License-Identifier: MIT
#include "RulePack.h"

#include "Json.h"
#include "RuleChecks.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace mls {

namespace {

struct PackError
{
    QString what;
};

QString stringField(const Json &r, const char *name, bool required = true)
{
    auto it = r.find(name);
    if (it == r.end() || !it->is_string() || it->get<std::string>().empty()) {
        if (!required && it == r.end())
            return {};
        throw PackError{QStringLiteral("\"%1\" must be a non-empty string").arg(name)};
    }
    return toQt(it->get<std::string>());
}

QStringList idList(const Json &r, const char *name, const Catalog &catalog, bool flows)
{
    auto it = r.find(name);
    if (it == r.end())
        return {};
    if (!it->is_array())
        throw PackError{QStringLiteral("\"%1\" must be an array of ids").arg(name)};
    QStringList ids;
    for (const Json &v : *it) {
        if (!v.is_string())
            throw PackError{QStringLiteral("\"%1\" must be an array of ids").arg(name)};
        const QString id = toQt(v.get<std::string>());
        if (flows ? !catalog.flow(id) : !catalog.kind(id))
            throw PackError{
                QStringLiteral("\"%1\" names unknown %2 \"%3\"")
                    .arg(name, flows ? QStringLiteral("flow") : QStringLiteral("kind"), id)};
        ids << id;
    }
    return ids;
}

void requireParams(const Rule &rule, const CheckType &check)
{
    const QHash<QString, const QStringList *> params{{"kinds", &rule.kinds},
                                                     {"flows", &rule.flows},
                                                     {"from_kinds", &rule.fromKinds},
                                                     {"to_kinds", &rule.toKinds}};
    for (const QString &p : QString::fromLatin1(check.required).split(' ', Qt::SkipEmptyParts)) {
        if (params.value(p)->isEmpty())
            throw PackError{
                QStringLiteral("check \"%1\" needs a non-empty \"%2\"").arg(rule.check, p)};
    }
}

Rule parseRule(const Json &r, const Catalog &catalog, const QString &fileName)
{
    if (!r.is_object())
        throw PackError{QStringLiteral("must be an object")};
    static const QRegularExpression idPattern(QStringLiteral("^[A-Z][A-Z0-9]*-[0-9]{3}$"));
    Rule rule;
    rule.id = stringField(r, "id");
    if (!idPattern.match(rule.id).hasMatch())
        throw PackError{QStringLiteral("id must look like \"MLS-001\"")};
    const auto severity = severityFromName(stringField(r, "severity"));
    if (!severity)
        throw PackError{QStringLiteral("\"severity\" must be info, warning or error")};
    rule.severity = *severity;
    rule.title = stringField(r, "title");
    rule.message = stringField(r, "message");
    rule.explanation = stringField(r, "explanation");
    rule.fix = stringField(r, "fix");
    rule.check = stringField(r, "check");
    const CheckType *check = findCheck(rule.check);
    if (!check)
        throw PackError{QStringLiteral("unknown check \"%1\" (known: %2)")
                            .arg(rule.check, checkNames().join(QStringLiteral(", ")))};
    rule.kinds = idList(r, "kinds", catalog, false);
    rule.flows = idList(r, "flows", catalog, true);
    rule.fromKinds = idList(r, "from_kinds", catalog, false);
    rule.toKinds = idList(r, "to_kinds", catalog, false);
    rule.source = fileName;
    requireParams(rule, *check);
    return rule;
}

QVector<Rule> parsePack(const Json &doc, const Catalog &catalog, const QString &fileName,
                        QString *where)
{
    if (!doc.is_object() || doc.value("format", Json()) != "mlsketch-rules")
        throw PackError{QStringLiteral("not a rule pack (\"format\" must be \"mlsketch-rules\")")};
    if (doc.value("version", Json()) != 1)
        throw PackError{QStringLiteral("unsupported \"version\" (this mlsketch reads 1)")};
    auto rules = doc.find("rules");
    if (rules == doc.end() || !rules->is_array())
        throw PackError{QStringLiteral("\"rules\" must be an array")};
    QVector<Rule> out;
    QSet<QString> ids;
    for (size_t i = 0; i < rules->size(); ++i) {
        const Json &r = (*rules)[i];
        *where = QStringLiteral("rules[%1]").arg(i);
        if (r.is_object() && r.contains("id") && r["id"].is_string())
            *where += QStringLiteral(" (\"%1\")").arg(toQt(r["id"].get<std::string>()));
        out.push_back(parseRule(r, catalog, fileName));
        if (ids.contains(out.back().id))
            throw PackError{QStringLiteral("duplicate rule id")};
        ids.insert(out.back().id);
    }
    return out;
}

} // namespace

std::optional<QVector<Rule>> RulePack::fromJson(const QByteArray &json, const QString &fileName,
                                                const Catalog &catalog, QString *error)
{
    const Json doc = Json::parse(json.constData(), json.constData() + json.size(), nullptr, false);
    QString where;
    try {
        if (doc.is_discarded())
            throw PackError{QStringLiteral("not valid JSON")};
        return parsePack(doc, catalog, fileName, &where);
    } catch (const PackError &e) {
        if (error)
            *error = fileName + QStringLiteral(": ") +
                     (where.isEmpty() ? QString() : where + QStringLiteral(": ")) + e.what;
    }
    return std::nullopt;
}

std::optional<QVector<Rule>> RulePack::fromFile(const QString &path, const Catalog &catalog,
                                                QString *error)
{
    QFile file(path);
    if (QFileInfo(path).size() > 4 * 1024 * 1024) {
        *error = path + QStringLiteral(": rule pack larger than 4 MB");
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot open: ") + file.errorString();
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, catalog, error);
}

const QVector<Rule> &RulePack::core()
{
    static const QVector<Rule> rules = [] {
        initCoreResources();
        QString error;
        auto loaded = fromFile(QStringLiteral(":/rules/core.json"), Catalog::builtin(), &error);
        if (!loaded)
            qFatal("mlsketch: built-in rule pack is broken: %s", qPrintable(error));
        return *loaded;
    }();
    return rules;
}

} // namespace mls
