// SPDX-License-Identifier: MIT
#pragma once

#include "CardStyle.h"

class QPainter;

namespace mls {

/// The board's background: the canvas colour and a dot grid.
namespace BoardGrid {

/// Fills @p rect (scene coordinates) with the canvas colour and, when @p gridSize > 0, a dot
/// every @p gridSize scene units; no dots when zoomed out so far they would be noise.
void paint(QPainter *painter, const QRectF &rect, const CardStyle &style, qreal gridSize);

} // namespace BoardGrid
} // namespace mls
