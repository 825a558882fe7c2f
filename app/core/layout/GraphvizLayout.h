// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace mls {

/// Which Graphviz layout program lays the graph out.
enum class LayoutEngine
{
    Dot,  ///< layered (hierarchical): connections point one way; zones become clusters
    Sfdp, ///< force-directed, overlap removal, no direction; zones kept apart by ZonedLayout
};

/// Which way a layered (dot) layout points its connections.
enum class LayoutDirection
{
    LeftToRight,
    TopToBottom,
};

/// One box to place. All lengths are scene px (board pixels at 100 %).
struct LayoutNode
{
    QString id;                         ///< caller's id; never passed to Graphviz
    QSizeF size{212, 60};               ///< card size (CardGeometry::size of the component)
    std::optional<QPointF> fixedCentre; ///< pinned: the centre it must keep
    QStringList zones;                  ///< zone ids; the node is laid out in the first one
};

/// One connection to route; ends that name no input node are ignored.
struct LayoutEdge
{
    QString id;
    QString from;
    QString to;
};

/// How to lay out. Lengths are scene px.
struct LayoutOptions
{
    LayoutEngine engine = LayoutEngine::Dot;
    LayoutDirection direction = LayoutDirection::LeftToRight;
    qreal nodeSeparation = 40;  ///< gap between neighbouring cards of one rank
    qreal rankSeparation = 80;  ///< gap between ranks (dot only)
    qreal zonePadding = 24;     ///< zone edge to its cards (CardStyle::zonePadding)
    qreal zoneTitleHeight = 22; ///< a zone's title band above the padding (ZoneItem)
    int sizeThreshold = 1500;   ///< more nodes than this: dot is replaced by sfdp for speed
    unsigned randomSeed = 1;    ///< sfdp start seed, fixed so runs repeat exactly
    /// Where the laid-out bounding box's top-left goes when no node is pinned (none: origin).
    std::optional<QPointF> anchorTopLeft;
};

/// Everything one layout run needs, in caller order (which makes runs deterministic).
struct LayoutInput
{
    QVector<LayoutNode> nodes;
    QVector<LayoutEdge> edges;
    /// Zone ids in file order; cluster_<i> in the generated graph is zoneIds[i].
    QStringList zoneIds;
    LayoutOptions options;
};

/// A connection's route as Graphviz drew it, in scene px.
struct EdgeRoute
{
    QString id;
    /// Cubic Bézier: the start point, then (control 1, control 2, end) per segment. Empty when
    /// the engine routed nothing (draw a straight line).
    QVector<QPointF> points;
    std::optional<QPointF> arrowTip; ///< where the arrowhead ends, beyond the last point
};

/// A zone's rectangle: its laid-out members' cards plus the padding.
struct ZoneRect
{
    QString id;
    QRectF rect; ///< as the canvas draws the zone: cards, padding and the title band on top
};

/// The outcome of one run; on failure only ok == false and error are meaningful.
struct LayoutResult
{
    bool ok = false;
    QString error;   ///< for a person: what went wrong
    QString message; ///< for the status bar: what was done
    LayoutEngine engineUsed = LayoutEngine::Dot;
    QVector<QPointF> centres;  ///< one per input node, same order
    QVector<EdgeRoute> routes; ///< one per routed input edge, in input order
    QVector<ZoneRect> zones;   ///< zones with at least one laid-out member
    QRectF bounds;             ///< all cards, scene px
};

/// The only class that talks to cgraph/gvc. Plain data in, plain data out; one run at a time
/// (a global mutex: cgraph is not thread-safe), safe to call from a worker thread.
class GraphvizLayout
{
public:
    /// Lays the graph out; never throws, failures come back as ok == false with a message.
    static LayoutResult run(const LayoutInput &input);
    /// The .dot text run() would hand Graphviz (generated names n0…, e0…, cluster_0…). With
    /// sfdp and zones, run() hands it one graph per zone and one of boxes instead (ZonedLayout),
    /// and with sfdp it leaves out the cards nothing connects (LooseNodes).
    static QByteArray toDot(const LayoutInput &input);
    /// The engine a run will use for @p nodeCount nodes with these options.
    static LayoutEngine effectiveEngine(const LayoutOptions &options, int nodeCount);
    /// "dot" / "sfdp".
    static QString engineName(LayoutEngine engine);
    /// Parses "dot" / "sfdp"; nullopt for anything else.
    static std::optional<LayoutEngine> engineFromName(const QString &name);
    /// Parses "LR" / "TB" (case-insensitive); nullopt for anything else.
    static std::optional<LayoutDirection> directionFromName(const QString &name);
};

/// For the few other users of cgraph (the DOT importer): while alive, holds the process-wide
/// Graphviz lock, the C numeric locale and collects cgraph's error messages.
class GraphvizSession
{
public:
    GraphvizSession();
    ~GraphvizSession();
    GraphvizSession(const GraphvizSession &) = delete;
    GraphvizSession &operator=(const GraphvizSession &) = delete;
    /// What cgraph reported since the session began.
    QString errors() const;

private:
    struct Guard;
    std::unique_ptr<Guard> m_guard;
};

} // namespace mls
