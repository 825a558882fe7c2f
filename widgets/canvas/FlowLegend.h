// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QSizeF>
#include <QStringList>

class QPainter;

namespace mls {

class Diagram;
struct CardStyle;

/// The key to the arrows: one row per flow used in a diagram, a sample of its line (colour and
/// dash, as the arrows draw it) and its name. Drawn in the view's corner and in exports.
class FlowLegend
{
public:
    /// The flows the diagram's connections carry, in catalog order (unknown ids last, sorted).
    static QStringList usedFlows(const Diagram &diagram);
    /// The legend's size for @p flows (empty: nothing to draw).
    static QSizeF size(const QStringList &flows, const CardStyle &style);
    /// Draws the legend with its top-left corner at @p topLeft (painter coordinates).
    static void paint(QPainter *painter, const QPointF &topLeft, const QStringList &flows,
                      const CardStyle &style);
};

} // namespace mls
