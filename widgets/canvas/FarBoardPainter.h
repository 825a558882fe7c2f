// SPDX-License-Identifier: MIT
#pragma once

#include <QRectF>

class QPainter;
class QWidget;

namespace mls {

class DiagramScene;

/// Paints a board zoomed out so far that every card is a plain coloured block and every arrow
/// a one-pixel hairline (a big board at Fit), in batches read from the items, instead of
/// QGraphicsView calling paint() on each item: on 25,000 items the view's own cost per item (a
/// transform, a painter save and restore, a bounding-rect test) was most of a frame. It draws
/// what the items' paint() draws at that zoom (ComponentItem::plainBlockColor,
/// ConnectionItem::hairlineColor, the badges); every item it does not batch (zones, notes, a
/// card with a halo, an arrow on a critical path, the temporary items of a gesture) is painted
/// by its own paint(), in stacking order. Hit tests, hover and selection stay the scene's.
namespace FarBoardPainter {

/// Below this zoom (screen px per scene unit) the items draw nothing the batches leave out: no
/// arrowhead (10 units long), no label pill, no card label (at most 82 units tall).
constexpr qreal maxZoom = 0.1;
inline bool appliesAt(qreal zoom)
{
    return zoom > 0 && zoom < maxZoom;
}

/// Draws the items of @p scene that meet @p exposed (scene coordinates). @p painter's world
/// transform maps the scene to the device (the view's viewportTransform()), at a zoom where
/// appliesAt() holds; @p widget is the viewport (passed on to the items' own paint()).
void paint(QPainter *painter, const DiagramScene &scene, const QRectF &exposed, QWidget *widget);

} // namespace FarBoardPainter

} // namespace mls
