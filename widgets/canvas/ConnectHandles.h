// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QRectF>

#include <array>
#include <optional>

class QPainter;

namespace mls {

struct CardStyle;

/// Where a card is grabbed to start a connection (all in the card's item coordinates): a "+"
/// handle at the middle of each side, shown while the card is hovered, with a hit area much
/// larger than the drawn dot; and the edge zone, a thin band along the card's border.
class ConnectHandles
{
public:
    enum class Side
    {
        Left,
        Top,
        Right,
        Bottom
    };
    static constexpr std::array<Side, 4> sides{Side::Left, Side::Top, Side::Right, Side::Bottom};

    static constexpr qreal drawRadius = 7; ///< the dot as drawn
    static constexpr qreal hitRadius = 14; ///< where a press still grabs it
    static constexpr qreal outset = 4;     ///< the dot's centre sits this far outside the border
    static constexpr qreal edgeInside = 6; ///< the edge zone's depth inside the border
    static constexpr qreal edgeOutside = 4;
    /// How far the handles' hit areas reach outside the card.
    static constexpr qreal reach = outset + hitRadius;

    static QPointF centre(const QRectF &card, Side side);
    /// The side whose handle's hit area holds @p p, if any.
    static std::optional<Side> handleAt(const QRectF &card, const QPointF &p);
    /// Whether @p p is in the band along the card's border (handles not included).
    static bool inEdgeZone(const QRectF &card, const QPointF &p);
    /// Either of the two: a press at @p p starts a connection.
    static bool grabs(const QRectF &card, const QPointF &p)
    {
        return handleAt(card, p) || inEdgeZone(card, p);
    }
    /// The four dots; @p hot (the one under the cursor) filled.
    static void paint(QPainter *painter, const QRectF &card, const CardStyle &style,
                      std::optional<Side> hot);
};

} // namespace mls
