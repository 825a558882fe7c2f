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
    void layoutLabel();
    void updateToolTip();

    QString m_id;
    QString m_kind;
    QString m_label;
    QRectF m_card;             ///< CardGeometry::size centred on the origin
    QStringList m_labelLines;  ///< the label wrapped as CardGeometry wraps it
    QVector<qreal> m_lineFits; ///< per line, ≤ 1 where the real font is wider than estimated
    QString m_kindText;        ///< what the second line says ("Vector DB", "Unknown kind (x)")
    QColor m_accent;
    QString m_icon;
    bool m_known = true;
    bool m_pinned = false; ///< props.pinned: drawn as a pin glyph
    bool m_hovered = false;
    std::optional<ConnectHandles::Side> m_hotHandle; ///< the handle under the cursor
    ConnectFeedback m_feedback = ConnectFeedback::None;
    QString m_kindToolTip;
    std::optional<FindingBadge::Marker> m_marker;
    bool m_highlighted = false;
    QColor m_pairColor;
};

} // namespace mls
