// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "Component.h"

#include "Json.h"
#include "Logging.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

static void initResourcesOutsideNamespace()
{
    Q_INIT_RESOURCE(mlsketch);
}

namespace mls {

void initCoreResources()
{
    static const bool done = (initResourcesOutsideNamespace(), true);
    Q_UNUSED(done);
}

namespace {

struct CatalogError
{
    QString message;
};

QString where(const char *array, size_t i, const Json &entry)
{
    QString w = QStringLiteral("%1[%2]").arg(QLatin1String(array)).arg(i);
    if (entry.is_object() && entry.contains("id") && entry["id"].is_string())
        w += QStringLiteral(" (\"%1\")").arg(toQt(entry["id"].get<std::string>()));
    return w;
}

QString requireString(const Json &entry, const char *key, const QString &w)
{
    auto it = entry.find(key);
    if (it == entry.end() || !it->is_string() || it->get<std::string>().empty())
        throw CatalogError{
            QStringLiteral("%1: \"%2\" must be a non-empty string").arg(w, QLatin1String(key))};
    return toQt(it->get<std::string>());
}

QColor requireColor(const Json &entry, const QString &w)
{
    const QString text = requireString(entry, "color", w);
    static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!hex.match(text).hasMatch())
        throw CatalogError{QStringLiteral("%1: colour \"%2\" is not #RRGGBB").arg(w, text)};
    return QColor(text);
}

QStringList requireFlowList(const Json &entry, const char *key, const QString &w,
                            const QHash<QString, int> &flows)
{
    auto it = entry.find(key);
    if (it == entry.end() || !it->is_array())
        throw CatalogError{
            QStringLiteral("%1: \"%2\" must be an array of flow ids").arg(w, QLatin1String(key))};
    QStringList ids;
    for (const Json &v : *it) {
        if (!v.is_string())
            throw CatalogError{
                QStringLiteral("%1: \"%2\" holds a non-string").arg(w, QLatin1String(key))};
        const QString id = toQt(v.get<std::string>());
        if (!flows.contains(id))
            throw CatalogError{
                QStringLiteral("%1: %2 unknown flow \"%3\"").arg(w, QLatin1String(key), id)};
        ids.append(id);
    }
    return ids;
}

FlowType::Style parseStyle(const QString &s, const QString &w)
{
    if (s == QLatin1String("solid"))
        return FlowType::Style::Solid;
    if (s == QLatin1String("dashed"))
        return FlowType::Style::Dashed;
    if (s == QLatin1String("dotted"))
        return FlowType::Style::Dotted;
    throw CatalogError{QStringLiteral("%1: unknown style \"%2\"").arg(w, s)};
}

Placement parsePlacement(const QString &s, const QString &w)
{
    static const QHash<QString, Placement> names = {{QStringLiteral("online"), Placement::Online},
                                                    {QStringLiteral("offline"), Placement::Offline},
                                                    {QStringLiteral("store"), Placement::Store},
                                                    {QStringLiteral("stream"), Placement::Stream},
                                                    {QStringLiteral("ops"), Placement::Ops}};
    auto it = names.find(s);
    if (it == names.end())
        throw CatalogError{QStringLiteral("%1: unknown placement \"%2\"").arg(w, s)};
    return *it;
}

unsigned parseRoles(const Json &entry, const QString &w)
{
    auto it = entry.find("roles");
    if (it == entry.end())
        return 0;
    if (!it->is_array())
        throw CatalogError{QStringLiteral("%1: \"roles\" must be an array of role names").arg(w)};
    unsigned roles = 0;
    for (const Json &v : *it) {
        const QString name = v.is_string() ? toQt(v.get<std::string>()) : QString();
        auto role = Catalog::roleNames().find(name);
        if (role == Catalog::roleNames().end())
            throw CatalogError{QStringLiteral("%1: unknown role \"%2\"").arg(w, name)};
        roles |= unsigned(*role);
    }
    return roles;
}

const Json &requireArray(const Json &root, const char *key)
{
    auto it = root.find(key);
    if (it == root.end() || !it->is_array() || it->empty())
        throw CatalogError{
            QStringLiteral("\"%1\" must be a non-empty array").arg(QLatin1String(key))};
    return *it;
}

template <typename T>
void addUnique(QVector<T> &list, QHash<QString, int> &index, const T &item, const QString &w)
{
    if (index.contains(item.id))
        throw CatalogError{QStringLiteral("%1: duplicate id").arg(w)};
    index.insert(item.id, int(list.size()));
    list.append(item);
}

} // namespace

std::optional<Catalog> Catalog::fromJson(const QByteArray &json, QString *error)
{
    Catalog cat;
    try {
        const Json root = Json::parse(json.constBegin(), json.constEnd());
        if (!root.is_object())
            throw CatalogError{QStringLiteral("the top level must be an object")};

        const Json &categories = requireArray(root, "categories");
        for (size_t i = 0; i < categories.size(); ++i) {
            const Json &e = categories[i];
            const QString w = where("categories", i, e);
            if (!e.is_object())
                throw CatalogError{QStringLiteral("%1: must be an object").arg(w)};
            Category c{requireString(e, "id", w), requireString(e, "label", w), requireColor(e, w)};
            addUnique(cat.m_categories, cat.m_categoryIndex, c, w);
        }

        const Json &flows = requireArray(root, "flows");
        for (size_t i = 0; i < flows.size(); ++i) {
            const Json &e = flows[i];
            const QString w = where("flows", i, e);
            if (!e.is_object())
                throw CatalogError{QStringLiteral("%1: must be an object").arg(w)};
            FlowType f;
            f.id = requireString(e, "id", w);
            f.label = requireString(e, "label", w);
            f.color = requireColor(e, w);
            f.style = parseStyle(requireString(e, "style", w), w);
            f.synchronous = e.value("synchronous", false);
            f.description = requireString(e, "description", w);
            addUnique(cat.m_flows, cat.m_flowIndex, f, w);
        }

        const Json &kinds = requireArray(root, "kinds");
        for (size_t i = 0; i < kinds.size(); ++i) {
            const Json &e = kinds[i];
            const QString w = where("kinds", i, e);
            if (!e.is_object())
                throw CatalogError{QStringLiteral("%1: must be an object").arg(w)};
            KindInfo k;
            k.id = requireString(e, "id", w);
            k.label = requireString(e, "label", w);
            k.category = requireString(e, "category", w);
            if (!cat.m_categoryIndex.contains(k.category))
                throw CatalogError{
                    QStringLiteral("%1: unknown category \"%2\"").arg(w, k.category)};
            k.color = requireColor(e, w);
            k.icon = requireString(e, "icon", w);
            k.placement = parsePlacement(requireString(e, "placement", w), w);
            auto lat = e.find("latency_ms");
            if (lat == e.end() || !lat->is_number() || lat->get<double>() < 0)
                throw CatalogError{
                    QStringLiteral("%1: \"latency_ms\" must be a number ≥ 0").arg(w)};
            k.latencyMs = lat->get<double>();
            k.consumes = requireFlowList(e, "consumes", w, cat.m_flowIndex);
            k.produces = requireFlowList(e, "produces", w, cat.m_flowIndex);
            k.description = requireString(e, "description", w);
            k.roles = parseRoles(e, w);
            addUnique(cat.m_kinds, cat.m_kindIndex, k, w);
        }
    } catch (const Json::exception &e) {
        if (error)
            *error = QStringLiteral("not valid JSON: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    } catch (const CatalogError &e) {
        if (error)
            *error = e.message;
        return std::nullopt;
    }
    return cat;
}

const Catalog *Catalog::loadBuiltin(QString *error)
{
    static QString loadError;
    static const std::optional<Catalog> catalog = [] {
        initCoreResources();
        QFile file(QStringLiteral(":/catalog.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            loadError = QStringLiteral("cannot open the built-in catalog");
            return std::optional<Catalog>();
        }
        return fromJson(file.readAll(), &loadError);
    }();
    if (!catalog && error)
        *error = QStringLiteral("catalog.json: %1").arg(loadError);
    return catalog ? &*catalog : nullptr;
}

const Catalog &Catalog::builtin()
{
    QString error;
    const Catalog *catalog = loadBuiltin(&error);
    if (!catalog) {
        // The catalog is compiled in: a broken one is a build defect, caught by tst_catalog.
        std::fprintf(stderr, "mlsketch: the built-in catalog is broken: %s\n", qPrintable(error));
        std::abort();
    }
    return *catalog;
}

const FlowType *Catalog::flow(const QString &id) const
{
    const int i = m_flowIndex.value(id, -1);
    return i < 0 ? nullptr : &m_flows[i];
}

const Category *Catalog::category(const QString &id) const
{
    const int i = m_categoryIndex.value(id, -1);
    return i < 0 ? nullptr : &m_categories[i];
}

const KindInfo *Catalog::kind(const QString &id) const
{
    const int i = m_kindIndex.value(id, -1);
    return i < 0 ? nullptr : &m_kinds[i];
}

QStringList Catalog::compatibleFlows(const QString &fromKind, const QString &toKind) const
{
    const KindInfo *from = kind(fromKind);
    const KindInfo *to = kind(toKind);
    QStringList result;
    if (!from || !to)
        return result;
    for (const FlowType &f : m_flows) {
        if (from->produces.contains(f.id) && to->consumes.contains(f.id))
            result.append(f.id);
    }
    return result;
}

QString Catalog::flowLabel(const QString &id) const
{
    const FlowType *f = flow(id);
    return f ? f->label : id;
}

QString Catalog::kindLabel(const QString &id) const
{
    const KindInfo *k = kind(id);
    return k ? k->label : QStringLiteral("Unknown kind (%1)").arg(id);
}

QStringList Catalog::kindsWith(KindRole r) const
{
    QStringList ids;
    for (const KindInfo &k : m_kinds) {
        if (k.has(r))
            ids.append(k.id);
    }
    return ids;
}

const QHash<QString, KindRole> &Catalog::roleNames()
{
    static const QHash<QString, KindRole> names{
        {QStringLiteral("request_origin"), KindRole::RequestOrigin},
        {QStringLiteral("outcome_events"), KindRole::OutcomeEvents},
        {QStringLiteral("external_events"), KindRole::ExternalEvents},
        {QStringLiteral("labeler"), KindRole::Labeler},
        {QStringLiteral("trainer"), KindRole::Trainer},
        {QStringLiteral("training_side"), KindRole::TrainingSide},
        {QStringLiteral("hosted_model"), KindRole::HostedModel}};
    return names;
}

QString Catalog::displayName(const Component &component) const
{
    // Any character that is not white space makes the label shown (trimmed() made a copy and
    // scanned both ends for every label of every finding's message).
    const QString &label = component.label;
    if (std::any_of(label.begin(), label.end(), [](QChar c) { return !c.isSpace(); }))
        return label;
    const KindInfo *k = kind(component.kind);
    return k ? k->label : component.id;
}

} // namespace mls
