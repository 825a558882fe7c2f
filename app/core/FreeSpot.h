// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QRectF>
#include <QVector>

namespace mls {

/// Where a new card or a pasted piece goes: the free place nearest to where it was wanted.
namespace FreeSpot {

/// The top-left corner nearest to @p wanted's, moved by whole multiples of @p grid, where a
/// rect of @p wanted's size, grown by @p gap on every side, overlaps none of @p occupied
/// (ties: the one above, then the one to the left). @p wanted's own position when it is free
/// already; a search of at most @p maxRings rings of grid steps, then @p wanted unchanged.
QPointF nearestFree(const QVector<QRectF> &occupied, const QRectF &wanted, qreal grid,
                    qreal gap = 0, int maxRings = 200);

} // namespace FreeSpot
} // namespace mls
