// SPDX-License-Identifier: MIT
#include "LayoutPlacement.h"

#include <QHash>

namespace mls::LayoutPlacement {

namespace {

QRectF cardBounds(const LayoutInput &input, const QVector<QPointF> &centres)
{
    QRectF bounds;
    for (int i = 0; i < centres.size(); ++i)
        bounds |= cardRect(centres[i], input.nodes[i].size);
    return bounds;
}

void translate(LayoutResult &result, const QPointF &delta)
{
    for (QPointF &c : result.centres)
        c += delta;
    for (EdgeRoute &route : result.routes) {
        for (QPointF &p : route.points)
            p += delta;
        if (route.arrowTip)
            *route.arrowTip += delta;
    }
}

int firstPinned(const LayoutInput &input)
{
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (input.nodes[i].fixedCentre)
            return i;
    }
    return -1;
}

bool overlapsPinned(const LayoutInput &input, const QVector<QPointF> &centres, int i, qreal gap)
{
    const QRectF card = cardRect(centres[i], input.nodes[i].size).adjusted(-gap, -gap, gap, gap);
    for (int p = 0; p < input.nodes.size(); ++p) {
        if (input.nodes[p].fixedCentre &&
            card.intersects(cardRect(centres[p], input.nodes[p].size)))
            return true;
    }
    return false;
}

/// Moves unpinned cards that collide with a pinned one to a free column (LR) or row (TB).
void clearPinnedOverlaps(const LayoutInput &input, LayoutResult &result)
{
    const qreal gap = input.options.nodeSeparation / 2;
    const bool lr = input.options.direction == LayoutDirection::LeftToRight;
    const QRectF all = cardBounds(input, result.centres);
    QPointF cursor = lr ? QPointF(all.right() + 2 * gap, all.top())
                        : QPointF(all.left(), all.bottom() + 2 * gap);
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (input.nodes[i].fixedCentre || !overlapsPinned(input, result.centres, i, gap))
            continue;
        const QSizeF size = input.nodes[i].size;
        result.centres[i] = cursor + QPointF(size.width() / 2, size.height() / 2);
        if (lr)
            cursor.ry() += size.height() + 2 * gap;
        else
            cursor.rx() += size.width() + 2 * gap;
    }
}

/// Routes ending at a card that moved after Graphviz routed them are dropped (drawn straight).
void dropStaleRoutes(const LayoutInput &input, const QVector<QPointF> &before, LayoutResult &result)
{
    QHash<QString, QPointF> moved;
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (before[i] != result.centres[i])
            moved.insert(input.nodes[i].id, result.centres[i]);
    }
    if (moved.isEmpty())
        return;
    QHash<QString, const LayoutEdge *> edges;
    for (const LayoutEdge &e : input.edges)
        edges.insert(e.id, &e);
    for (EdgeRoute &route : result.routes) {
        const LayoutEdge *e = edges.value(route.id);
        if (e && (moved.contains(e->from) || moved.contains(e->to))) {
            route.points.clear();
            route.arrowTip.reset();
        }
    }
}

void fillZones(const LayoutInput &input, LayoutResult &result)
{
    QHash<QString, QRectF> rects;
    for (int i = 0; i < input.nodes.size(); ++i) {
        const QRectF card = cardRect(result.centres[i], input.nodes[i].size);
        for (const QString &zone : input.nodes[i].zones)
            rects[zone] |= card;
    }
    const qreal pad = input.options.zonePadding; // as the canvas draws a zone
    for (const QString &zone : input.zoneIds) {
        if (rects.contains(zone))
            result.zones.append({zone, rects.value(zone).adjusted(
                                           -pad, -pad - input.options.zoneTitleHeight, pad, pad)});
    }
}

} // namespace

QRectF cardRect(const QPointF &centre, const QSizeF &size)
{
    return {centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(),
            size.height()};
}

void place(const LayoutInput &input, LayoutResult &result)
{
    const int pin = firstPinned(input);
    if (pin >= 0) {
        translate(result, *input.nodes[pin].fixedCentre - result.centres[pin]);
        const QVector<QPointF> before = result.centres;
        for (int i = 0; i < input.nodes.size(); ++i) {
            if (input.nodes[i].fixedCentre)
                result.centres[i] = *input.nodes[i].fixedCentre;
        }
        clearPinnedOverlaps(input, result);
        dropStaleRoutes(input, before, result);
    } else if (input.options.anchorTopLeft) {
        translate(result,
                  *input.options.anchorTopLeft - cardBounds(input, result.centres).topLeft());
    }
    fillZones(input, result);
    result.bounds = cardBounds(input, result.centres);
}

} // namespace mls::LayoutPlacement
