#pragma once

#include "Connection.h"
#include "FindingBadge.h"

#include <QGraphicsItem>
#include <QPainterPath>

#include <optional>

namespace mls {

/// An arrow between two cards, clipped at their borders, coloured and dashed by flow type.
class ConnectionItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    explicit ConnectionItem(const Connection &c);

    int type() const override { return Type; }
    const QString &connectionId() const { return m_id; }
    const QString &fromId() const { return m_from; }
    const QString &toId() const { return m_to; }

    /// Takes the connection's flow and label.
    void sync(const Connection &c);
    /// How arrows are drawn (a view option).
    enum class Routing
    {
        Straight,
        Orthogonal,
        Curved
    };
    /// Re-routes between two card rectangles (scene coordinates).
    void setEnds(const QRectF &fromCard, const QRectF &toCard, Routing routing = Routing::Straight);
    /// Draws along a computed route: a cubic Bézier (3n + 1 points, ending at the arrowhead's
    /// base) and the arrowhead's @p tip (see ConnectionRoute).
    void setRoute(const QVector<QPointF> &bezier, const QPointF &tip);
    /// The line as drawn (without the arrowhead), scene coordinates.
    const QPainterPath &path() const { return m_path; }

    /// The design-rule badge at the middle of the arrow (nullopt: none) and its tooltip lines.
    void setMarker(const std::optional<FindingBadge::Marker> &marker);
    const std::optional<FindingBadge::Marker> &marker() const { return m_marker; }
    /// A halo marking the arrow as part of a critical path.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    /// Where the badge sits, in item coordinates (beside the label when there is one).
    QPointF markerCentre() const;

    /// Where the segment from the centre of @p rect towards @p outside leaves the rectangle.
    static QPointF clipToRect(const QRectF &rect, const QPointF &outside);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_id;
    QString m_from;
    QString m_to;
    QString m_flow;
    QString m_label;
    void routeSideways(const QRectF &fromCard, const QRectF &toCard, Routing routing);
    void updateToolTip();

    QPainterPath m_path; ///< the line, without the arrow head
    QPointF m_tip;       ///< arrow tip, on the target card's border
    QPointF m_tipDir;    ///< unit direction of travel at the tip
    QPointF m_labelAt;
    QString m_flowToolTip;
    std::optional<FindingBadge::Marker> m_marker;
    bool m_highlighted = false;
};

} // namespace mls
