// SPDX-License-Identifier: MIT
#include "BoardGrid.h"

#include <QPainter>
#include <QVector>

#include <cmath>

namespace mls::BoardGrid {

void paint(QPainter *painter, const QRectF &rect, const CardStyle &style, qreal gridSize)
{
    painter->fillRect(rect, style.canvas);
    if (gridSize <= 0)
        return;
    // A dot grid: quieter than lines. Skipped when zoomed out so far the dots would be noise.
    const qreal scale = painter->worldTransform().m11();
    if (gridSize * scale < 6)
        return;
    const qreal left = std::floor(rect.left() / gridSize) * gridSize;
    const qreal top = std::floor(rect.top() / gridSize) * gridSize;
    QVector<QPointF> dots;
    for (qreal x = left; x < rect.right(); x += gridSize) {
        for (qreal y = top; y < rect.bottom(); y += gridSize)
            dots.append(QPointF(x, y));
    }
    painter->setPen(QPen(style.grid, 1.6 / scale, Qt::SolidLine, Qt::RoundCap));
    painter->drawPoints(dots.constData(), int(dots.size()));
}

} // namespace mls::BoardGrid
