// SPDX-License-Identifier: MIT
#pragma once

#include "GraphvizLayout.h"

namespace mls {

/// Puts a fresh Graphviz drawing where it belongs on the board (plain geometry, no Graphviz).
///
/// Pins are anchors: Graphviz's dot cannot hold a node at a given place, so every engine is
/// treated alike. The whole drawing is translated so the first pinned node (input order) lands
/// exactly on its fixed centre; every other pinned node is then set to its own fixed centre,
/// and any unpinned card that now overlaps a pinned one moves to a free column (LR) or row (TB)
/// beyond the drawing. With no pin, the drawing's top-left goes to options.anchorTopLeft (for
/// "lay out selection only": the selection's old top-left), or stays at the origin.
/// Zone rectangles are computed last, from the members' final cards plus the padding.
namespace LayoutPlacement {

/// Translates, pins, resolves pin overlaps and fills the zone rectangles and bounds of @p result.
void place(const LayoutInput &input, LayoutResult &result);
/// The card rectangle of a node centred on @p centre.
QRectF cardRect(const QPointF &centre, const QSizeF &size);

} // namespace LayoutPlacement
} // namespace mls
