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
    bool synchronous = false; ///< a blocking call on the request path; the rules read it
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

/// What the design rules rely on a kind for: the catalog's "roles" of a kind, as bits of
/// KindInfo::roles. The rules ask for a role, never for a kind id.
enum class KindRole : unsigned
{
    RequestOrigin = 1u << 0, ///< "request_origin": request paths and their budget start here
    OutcomeEvents = 1u << 1, ///< "outcome_events": its events are outcomes, never a model's echo
    ExternalEvents =
        1u << 2,            ///< "external_events": its events are outcomes unless a model feeds it
    Labeler = 1u << 3,      ///< "labeler": its labels are ground truth
    Trainer = 1u << 4,      ///< "trainer": makes a model from training data; lineage stops here
    TrainingSide = 1u << 5, ///< "training_side": trainer, evaluation gate or model registry
    HostedModel = 1u << 6,  ///< "hosted_model": serves without a model arrow (pretrained)
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
    unsigned roles = 0; ///< KindRole bits, from the catalog's "roles"

    /// The kind has role @p r.
    bool has(KindRole r) const { return (roles & unsigned(r)) != 0; }
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
    /// Position of flow @p id in flows(), or -1 for a flow the catalog does not know.
    int flowIndex(const QString &id) const { return m_flowIndex.value(id, -1); }
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
    /// The ids of the kinds with role @p r, in catalog order.
    QStringList kindsWith(KindRole r) const;
    /// Every role name the catalog may give a kind, with its role.
    static const QHash<QString, KindRole> &roleNames();

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
