// SPDX-License-Identifier: MIT
#pragma once

#include "Json.h"

#include <QPointF>
#include <QString>
#include <QVector>

namespace mls {

/// The path auto layout drew for a connection, in scene px. It is drawn only while both cards
/// are still at the centres it was computed for; once either end moves, the arrow falls back to
/// the view's routing (the route stays in the file and applies again if the card returns).
///
/// In the file (`connections[].route`), numbers are written as "x,y" pairs in strings so a route
/// stays on a few lines: `{"ends": "fx,fy tx,ty", "points": "x,y x,y …", "tip": "x,y"}`.
struct ConnectionRoute
{
    QPointF fromCentre; ///< centre of the source card when the route was computed
    QPointF toCentre;   ///< centre of the target card when the route was computed
    /// Cubic Bézier: the start, then (control 1, control 2, end) per segment; 3n + 1 points.
    /// The line ends at the base of the arrowhead.
    QVector<QPointF> points;
    QPointF tip; ///< the arrowhead's point, on the target card's border

    /// Most points a route may hold (Graphviz's dot routes have tens).
    static constexpr int maxPoints = 3001;

    bool isEmpty() const { return points.isEmpty(); }
    /// True when the route was computed for cards centred on @p from and @p to.
    bool fits(const QPointF &from, const QPointF &to) const
    {
        return !isEmpty() && from == fromCentre && to == toCentre;
    }
    bool operator==(const ConnectionRoute &o) const
    {
        return fromCentre == o.fromCentre && toCentre == o.toCentre && points == o.points &&
               tip == o.tip;
    }
    bool operator!=(const ConnectionRoute &o) const { return !(*this == o); }

    /// The file form (see above); numbers in their shortest exact form.
    Json toJson() const;
    /// Parses the file form; on a problem returns an empty route and says what on @p problem.
    /// Coordinates must be finite and within ±@p maxCoordinate.
    static ConnectionRoute fromJson(const Json &value, double maxCoordinate, QString *problem);
};

} // namespace mls
