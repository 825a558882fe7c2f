// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mls {

struct Component;

/// What an arrow carries ("features", "model", ...).
struct FlowType
{
    enum class Style
    {
        Solid,
        Dashed,
        Dotted
    };
    QString id;
    QString label;
    QColor color;
    Style style = Style::Solid;
    bool synchronous = false; ///< a blocking call on the request path (only "requests")
    QString description;
};

/// A palette section with its colour ("Serving", "Features", ...).
struct Category
{
    QString id;
    QString label;
    QColor color;
};

/// Where a kind sits in a production ML system; the rules and latency analysis use it.
enum class Placement
{
    Online,  ///< on the request path (client, ranking, model server, ...)
    Offline, ///< batch and training side (trainer, data lake, ...)
    Store,   ///< a store that online services read while serving (cache, vector DB, ...)
    Stream,  ///< event log or stream processing
    Ops      ///< observability (monitoring)
};

/// A component kind of the catalog.
struct KindInfo
{
    QString id;
    QString label;
    QString category; ///< Category id
    QColor color;
    QString icon; ///< file name under the ":/icons/" resource folder
    Placement placement = Placement::Offline;
    double latencyMs = 0; ///< default p99 on the online path
    QStringList consumes; ///< flow ids accepted
    QStringList produces; ///< flow ids emitted
    QString description;
};

/// The catalog of flow types and component kinds, loaded from resources/catalog.json.
class Catalog
{
public:
    /// The catalog compiled into the binary. Aborts with a message naming the broken entry
    /// when the built-in catalog is invalid (a build defect, caught by tst_catalog).
    static const Catalog &builtin();
    /// The built-in catalog, or nullptr with @p error naming the broken entry. Called once at
    /// start-up so a broken catalog is reported in a dialog rather than an abort.
    static const Catalog *loadBuiltin(QString *error);

    /// Parses and validates catalog JSON. On failure returns nullopt and sets @p error to a
    /// message naming the entry ("kinds[3] (\"cache\"): consumes unknown flow \"blobs\"").
    static std::optional<Catalog> fromJson(const QByteArray &json, QString *error);

    const QVector<FlowType> &flows() const { return m_flows; }
    const QVector<Category> &categories() const { return m_categories; }
    const QVector<KindInfo> &kinds() const { return m_kinds; }

    const FlowType *flow(const QString &id) const;
    const Category *category(const QString &id) const;
    /// The kind with this id, or nullptr for an unknown kind.
    const KindInfo *kind(const QString &id) const;

    /// Flows @p from can send to @p to: from.produces ∩ to.consumes, in catalog flow order.
    QStringList compatibleFlows(const QString &fromKind, const QString &toKind) const;
    /// Human text for the palette and tooltips: label of a flow id, or the id itself.
    QString flowLabel(const QString &id) const;
    QString kindLabel(const QString &id) const;
    /// The one name of a component wherever it is shown (card, findings, panels, exports, undo
    /// texts): its label; unlabelled, its kind's label (what the card shows); of an unknown
    /// kind, its id.
    QString displayName(const Component &component) const;

private:
    QVector<FlowType> m_flows;
    QVector<Category> m_categories;
    QVector<KindInfo> m_kinds;
    QHash<QString, int> m_flowIndex;
    QHash<QString, int> m_categoryIndex;
    QHash<QString, int> m_kindIndex;
};

/// Makes the resources of the core library (catalog, icons, templates) available.
void initCoreResources();

} // namespace mls
