// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QSizeF>
#include <QVector>

namespace mls {

/// Align and distribute: pure geometry on card centres, used by the Arrange menu.
namespace Arrange {

enum class Align
{
    Left,
    Centre,
    Right,
    Top,
    Middle,
    Bottom
};
enum class Axis
{
    Horizontal,
    Vertical
};

/// Centres after aligning cards of @p cardSize: edges or centres line up with the outermost
/// (left/top/right/bottom) or the average centre (centre/middle) of the selection.
QVector<QPointF> aligned(const QVector<QPointF> &centres, const QSizeF &cardSize, Align how);
/// Centres after spacing cards evenly along @p axis between the two outermost ones, keeping
/// their order along that axis. Fewer than three cards are returned unchanged.
QVector<QPointF> distributed(const QVector<QPointF> &centres, Axis axis);

} // namespace Arrange
} // namespace mls
