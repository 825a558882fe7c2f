// SPDX-License-Identifier: MIT
#include "ConnectHandles.h"

#include "CardStyle.h"

#include <QLineF>
#include <QPainter>

namespace mls {

QPointF ConnectHandles::centre(const QRectF &card, Side side)
{
    switch (side) {
    case Side::Left:
        return {card.left() - outset, card.center().y()};
    case Side::Top:
        return {card.center().x(), card.top() - outset};
    case Side::Right:
        return {card.right() + outset, card.center().y()};
    case Side::Bottom:
        return {card.center().x(), card.bottom() + outset};
    }
    return card.center();
}

std::optional<ConnectHandles::Side> ConnectHandles::handleAt(const QRectF &card, const QPointF &p)
{
    for (Side side : sides) {
        if (QLineF(centre(card, side), p).length() <= hitRadius)
            return side;
    }
    return std::nullopt;
}

bool ConnectHandles::inEdgeZone(const QRectF &card, const QPointF &p)
{
    const QRectF outer = card.adjusted(-edgeOutside, -edgeOutside, edgeOutside, edgeOutside);
    const QRectF inner = card.adjusted(edgeInside, edgeInside, -edgeInside, -edgeInside);
    return outer.contains(p) && !inner.contains(p);
}

void ConnectHandles::paint(QPainter *painter, const QRectF &card, const CardStyle &style,
                           std::optional<Side> hot)
{
    for (Side side : sides) {
        const QPointF c = centre(card, side);
        const bool isHot = hot == side;
        painter->setPen(QPen(style.selection, 1.5));
        painter->setBrush(isHot ? style.selection : style.cardFill);
        painter->drawEllipse(c, drawRadius - 1, drawRadius - 1);
        painter->setPen(
            QPen(isHot ? style.cardFill : style.selection, 1.6, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(c - QPointF(3, 0), c + QPointF(3, 0));
        painter->drawLine(c - QPointF(0, 3), c + QPointF(0, 3));
    }
}

} // namespace mls
