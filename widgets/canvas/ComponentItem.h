// SPDX-License-Identifier: MIT
#pragma once

#include "Component.h"
#include "ConnectHandles.h"
#include "FindingBadge.h"

#include <QGraphicsItem>

#include <optional>

namespace mls {

class DiagramScene;
struct CardStyle;

/// A component drawn as a card: category stripe, icon, label and kind. Follows the model;
/// never changes it.
class ComponentItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 1
    };

    explicit ComponentItem(const Component &c);

    int type() const override { return Type; }
    const QString &componentId() const { return m_id; }

    /// Takes the component's current label, kind and position.
    void sync(const Component &c);
    /// Card outline in scene coordinates (for clipping connections).
    QRectF sceneCardRect() const { return m_card.translated(pos()); }
    /// Card outline centred on the origin: its size follows the label (CardGeometry).
    const QRectF &cardRect() const { return m_card; }

    /// Whether a press at @p scenePos starts a connection from this card: one of the four
    /// side handles (see ConnectHandles) or the band along the border.
    bool grabsConnection(const QPointF &scenePos) const;
    /// What a connection being drawn would do if dropped here.
    enum class ConnectFeedback
    {
        None,
        Accepts,
        Refuses
    };
    void setConnectFeedback(ConnectFeedback feedback);
    /// What hovering the card shows: its label, kind and the kind's description, then the
    /// badge's findings. Built when asked (DiagramScene::helpEvent), never stored: a 10k board
    /// would hold megabytes of HTML nobody reads.
    QString toolTipText() const;
    /// The label's lines as the card draws them (wrapped as CardGeometry wraps them) and, per
    /// line, the factor ≤ 1 that narrows a line the real font draws wider than estimated. Laid
    /// out on first use (the first paint zoomed in enough to show the label), then kept.
    const QStringList &labelLines() const;
    const QVector<qreal> &lineFits() const;

    /// The design-rule badge at the top-right corner (nullopt: none) and its tooltip lines.
    void setMarker(const std::optional<FindingBadge::Marker> &marker);
    const std::optional<FindingBadge::Marker> &marker() const { return m_marker; }
    /// A halo marking the card as part of a critical path.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    /// A coloured band pairing the card with its match on another board (invalid: none).
    void setPairColor(const QColor &color);
    QColor pairColor() const { return m_pairColor; }
    /// Where the design-rule badge is centred, in item coordinates.
    QPointF markerCentre() const { return QPointF(m_card.right() - 16, m_card.top()); }
    /// The colour of the plain block paint() draws at @p lod when zoomed so far out that the
    /// card is nothing else (no label, halo or pair band; the badge aside); nullopt when it
    /// draws more. What the far-zoom batches (FarBoardPainter) draw instead of calling paint().
    std::optional<QColor> plainBlockColor(qreal lod, const CardStyle &style) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void paintDecorations(QPainter *painter, const CardStyle &style);
    void paintRuleDecorations(QPainter *painter, qreal lod);
    /// The label alone, large and centred on the coloured block drawn when zoomed far out.
    void paintFarLabel(QPainter *painter, const CardStyle &style, qreal lod);
    /// The colour of the block drawn in place of the card when zoomed far out.
    QColor blockColor(const CardStyle &style) const;
    /// The card's size from its label and kind line; the lines themselves wait for
    /// labelLines().
    void layoutCard();

    QString m_id;
    QString m_kind;
    QString m_label;
    QRectF m_card; ///< CardGeometry::size centred on the origin
    /// labelLines() and lineFits(), once laid out (m_lines.has_value()).
    struct LabelLines
    {
        QStringList lines;
        QVector<qreal> fits;
    };
    mutable std::optional<LabelLines> m_lines;
    QString m_kindText; ///< what the second line says ("Vector DB", "Unknown kind (x)")
    QColor m_accent;
    QString m_icon;
    bool m_known = true;
    bool m_pinned = false; ///< props.pinned: drawn as a pin glyph
    bool m_hovered = false;
    std::optional<ConnectHandles::Side> m_hotHandle; ///< the handle under the cursor
    ConnectFeedback m_feedback = ConnectFeedback::None;
    std::optional<FindingBadge::Marker> m_marker;
    bool m_highlighted = false;
    QColor m_pairColor;
};

} // namespace mls
