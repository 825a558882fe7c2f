// SPDX-License-Identifier: MIT
#include "PinGlyph.h"

#include "CardStyle.h"

#include <QPainter>
#include <QPainterPath>

namespace mls::PinGlyph {

QRectF rect(const QRectF &card)
{
    return {card.right() - 19, card.top() - 2, 14, 14}; // above the label line
}

void paint(QPainter *painter, const QRectF &card, const CardStyle &style)
{
    const QRectF r = rect(card);
    const QColor head = style.dark ? QColor(0xF8, 0x71, 0x71) : QColor(0xDC, 0x26, 0x26);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // A push-pin seen from the side, leaning right: round head, short collar, needle down-left.
    painter->translate(r.center());
    painter->rotate(35);
    painter->setPen(QPen(style.subtleText, 1.4, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(QPointF(0, 1), QPointF(0, 7));
    painter->setPen(Qt::NoPen);
    painter->setBrush(head.darker(115));
    painter->drawRoundedRect(QRectF(-3.5, -1.5, 7, 2.6), 1, 1);
    painter->setBrush(head);
    painter->drawEllipse(QPointF(0, -4), 3.6, 3.6);
    painter->restore();
}

} // namespace mls::PinGlyph
