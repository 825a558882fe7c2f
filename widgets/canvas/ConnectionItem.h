// SPDX-License-Identifier: MIT
#pragma once

#include "Connection.h"
#include "FindingBadge.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPen>
#include <QVarLengthArray>

#include <optional>

namespace mls {

class ConnectionLabelItem;
struct CardStyle;

/// An arrow between two cards, clipped at their borders, coloured and dashed by flow type.
class ConnectionItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    explicit ConnectionItem(const Connection &c);
    ~ConnectionItem() override;

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
    /// The line as drawn (without the arrowhead), scene coordinates, made from its points.
    QPainterPath path() const;
    /// The line's points: where it starts, then the end of each straight segment or, when
    /// isCurved(), the two control points and the end of each cubic Bézier.
    const QVarLengthArray<QPointF, 4> &linePoints() const { return m_line; }
    bool isCurved() const { return m_curved; }

    /// What hovering the arrow or its label shows: the flow it carries, its label and the
    /// flow's description, then the badge's findings. Built when asked
    /// (DiagramScene::helpEvent), never stored.
    QString toolTipText() const;

    /// The design-rule badge at the middle of the arrow (nullopt: none) and its tooltip lines.
    void setMarker(const std::optional<FindingBadge::Marker> &marker);
    const std::optional<FindingBadge::Marker> &marker() const { return m_marker; }
    /// A halo marking the arrow as part of a critical path.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    /// Where the badge sits, in item coordinates (beside the label when there is one).
    QPointF markerCentre() const;

    /// The label's pill (null without a label): a separate item above the cards, placed by
    /// placeLabel() whenever the route changes.
    ConnectionLabelItem *labelItem() const { return m_labelItem; }
    /// The arrow's colour (flow colour, or the selection colour while selected).
    QColor strokeColor(const CardStyle &style) const;
    /// Thinner than a pixel at @p lod (a board at fit), the arrow is a one-pixel hairline of
    /// this colour (its colour mixed into the canvas by its width); nullopt when it is stroked
    /// with its flow's pen.
    std::optional<QColor> hairlineColor(qreal lod, const CardStyle &style) const;
    /// Whether paint() draws only that hairline (and the badge) at @p lod: no arrowhead, halo
    /// or end handles. What the far-zoom batches (FarBoardPainter) draw instead of paint().
    bool isPlainHairlineAt(qreal lod) const;

    /// The pen an arrow of flow @p flowId is drawn with: @p color, and the flow's dash pattern.
    static QPen flowPen(const QString &flowId, const QColor &color, qreal width);
    /// The arrow's two ends in scene coordinates: where the line leaves its source card and the
    /// tip on its target card (what the end handles of a selected arrow grab).
    QPointF sourceEnd() const;
    QPointF targetEnd() const { return mapToScene(m_tip); }
    /// Radius of the end handles drawn on a selected arrow, and of their hit areas.
    static constexpr qreal endHandleRadius = 5;
    static constexpr qreal endHandleHitRadius = 10;

    /// Where the segment from the centre of @p rect towards @p outside leaves the rectangle.
    static QPointF clipToRect(const QRectF &rect, const QPointF &outside);

    /// Where the label's pill should be centred: the middle of the route, or the first of a
    /// few other points along it where the pill overlaps no card nor zone title (scene
    /// coordinates; asks the scene's index, see LabelPlacer).
    QPointF bestLabelSpot() const;
    void moveLabelTo(const QPointF &centre);

    /// Includes the label's pill, so the scene's content and export bounds frame the label.
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    friend class ConnectionLabelItem;
    QString m_id;
    QString m_from;
    QString m_to;
    QString m_flow;
    QString m_label;
    QPainterPath routeSideways(const QRectF &fromCard, const QRectF &toCard, Routing routing);
    /// Keeps @p line as points (m_line, m_curved).
    void keepLine(const QPainterPath &line);
    qreal strokeWidth() const { return isSelected() ? 2.5 : 1.6; }
    /// Puts the label in the middle of the route now and asks LabelPlacer to move it off the
    /// cards it covers.
    void placeLabel();
    enum class Cover
    {
        Nothing,
        ZoneTitle,
        Card
    };
    /// What a pill at @p sceneRect would cover (the worst of it).
    Cover coverAt(const QRectF &sceneRect) const;
    /// prepareGeometryChange(), and boundingRect() is computed again.
    void changeGeometry();
    QRectF computeBounds() const;

    /// The line without the arrowhead, as points: a QPainterPath reserves room for 16
    /// elements (~0.5 KB for each of a 10k board's 15,000 arrows); path() makes one when asked.
    QVarLengthArray<QPointF, 4> m_line;
    bool m_curved = false;
    QPointF m_tip;                              ///< arrow tip, on the target card's border
    QPointF m_tipDir;                           ///< unit direction of travel at the tip
    QPointF m_middle;                           ///< the route's middle (the self-loop's label spot)
    QPointF m_labelAt;                          ///< where the label's pill is centred
    ConnectionLabelItem *m_labelItem = nullptr; ///< owned; a top-level item of the same scene
    std::optional<FindingBadge::Marker> m_marker;
    bool m_highlighted = false;
    mutable QRectF m_bounds; ///< boundingRect(), valid while m_boundsValid
    mutable bool m_boundsValid = false;
};

} // namespace mls
