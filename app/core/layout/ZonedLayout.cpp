// SPDX-License-Identifier: MIT
#include "ZonedLayout.h"

#include "LayoutPlacement.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mls {

namespace {

/// Zones with at most this many members are laid out with dot, larger ones with sfdp.
constexpr int smallZone = 60;

/// Index into input.zoneIds of the zone each node is laid out in, or -1 for a free node.
QVector<int> zoneOfNodes(const LayoutInput &input)
{
    QHash<QString, int> zoneIndex;
    for (int z = 0; z < input.zoneIds.size(); ++z)
        zoneIndex.insert(input.zoneIds[z], z);
    QVector<int> zone(input.nodes.size(), -1);
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (!input.nodes[i].zones.isEmpty())
            zone[i] = zoneIndex.value(input.nodes[i].zones.first(), -1);
    }
    return zone;
}

/// One top-level box: a free card (node >= 0) or a whole zone (zone >= 0).
struct Item
{
    int node = -1;
    int zone = -1;
    QVector<int> members;      ///< input node indices of the zone, in input order
    QVector<int> edges;        ///< input edge indices inside the zone
    QVector<QPointF> centres;  ///< members' centres in the zone's own frame
    QVector<EdgeRoute> routes; ///< inside the zone, same frame
    QRectF box;                ///< the zone as drawn (own frame), or the card (centred at 0)
};

/// Lays out the members of @p item on their own; its box becomes the rectangle the canvas
/// draws around them (LayoutPlacement::fillZones draws the same one).
bool layoutZone(const LayoutInput &input, const ZonedLayout::FlatRun &flat, Item &item,
                QString &error)
{
    LayoutInput sub;
    sub.options = input.options;
    sub.options.anchorTopLeft.reset();
    for (int i : item.members) {
        LayoutNode n = input.nodes[i];
        n.fixedCentre.reset(); // pins are applied to the whole drawing afterwards
        n.zones.clear();
        sub.nodes.append(n);
    }
    for (int e : item.edges)
        sub.edges.append(input.edges[e]);
    if (sub.nodes.size() == 1 && sub.edges.isEmpty()) {
        const QSizeF s = sub.nodes.first().size;
        item.centres = {QPointF(s.width() / 2, s.height() / 2)};
    } else {
        LayoutResult r;
        // Small zones are drawn layered (dot, in the chosen direction): tidier than a force layout
        // of a handful of cards and as fast; large ones stay with sfdp.
        const LayoutEngine engine =
            sub.nodes.size() <= smallZone ? LayoutEngine::Dot : LayoutEngine::Sfdp;
        if (!flat(sub, engine, r)) {
            error = r.error;
            return false;
        }
        item.centres = r.centres;
        item.routes = r.routes;
    }
    QRectF cards;
    for (int k = 0; k < item.members.size(); ++k)
        cards |= LayoutPlacement::cardRect(item.centres[k], sub.nodes[k].size);
    const qreal pad = input.options.zonePadding;
    item.box = cards.adjusted(-pad, -pad - input.options.zoneTitleHeight, pad, pad);
    return true;
}

QRectF boxAt(const Item &item, const QPointF &centre)
{
    return LayoutPlacement::cardRect(centre, item.box.size());
}

/// True when two boxes, each grown by @p margin, intersect (a sweep over left edges).
bool anyOverlap(const QVector<Item> &items, const QVector<QPointF> &centres, qreal margin)
{
    QVector<QRectF> rects;
    rects.reserve(items.size());
    for (int k = 0; k < items.size(); ++k)
        rects.append(boxAt(items[k], centres[k]).adjusted(-margin, -margin, margin, margin));
    QVector<int> order(rects.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return rects[a].left() < rects[b].left(); });
    for (int a = 0; a < order.size(); ++a) {
        const QRectF &ra = rects[order[a]];
        for (int b = a + 1; b < order.size() && rects[order[b]].left() < ra.right(); ++b) {
            if (ra.intersects(rects[order[b]]))
                return true;
        }
    }
    return false;
}

/// Makes the top-level drawing overlap-free if the engine left overlaps: spreads it out from
/// its centre, and as a last resort packs the boxes in rows (item order). True if it moved any.
bool separate(const QVector<Item> &items, qreal margin, QVector<QPointF> &centres)
{
    if (!anyOverlap(items, centres, margin))
        return false;
    QPointF mean;
    for (const QPointF &c : centres)
        mean += c / qreal(centres.size());
    const QVector<QPointF> original = centres;
    for (int step = 1; step <= 40; ++step) {
        const qreal factor = std::pow(1.1, step);
        for (int k = 0; k < centres.size(); ++k)
            centres[k] = mean + (original[k] - mean) * factor;
        if (!anyOverlap(items, centres, margin))
            return true;
    }
    qreal area = 0;
    for (const Item &item : items)
        area += (item.box.width() + 4 * margin) * (item.box.height() + 4 * margin);
    const qreal rowWidth = std::sqrt(area) * 1.5;
    QPointF cursor;
    qreal rowHeight = 0;
    for (int k = 0; k < items.size(); ++k) {
        const QSizeF s = items[k].box.size();
        if (cursor.x() > 0 && cursor.x() + s.width() > rowWidth) {
            cursor = QPointF(0, cursor.y() + rowHeight + 4 * margin);
            rowHeight = 0;
        }
        centres[k] = cursor + QPointF(s.width() / 2, s.height() / 2);
        cursor.rx() += s.width() + 4 * margin;
        rowHeight = std::max(rowHeight, s.height());
    }
    return true;
}

/// The top-level boxes, in order of first appearance in the input (deterministic).
QVector<Item> makeItems(const LayoutInput &input, const QVector<int> &zone, QVector<int> &itemOf)
{
    QVector<Item> items;
    QHash<int, int> itemOfZone;
    itemOf.fill(-1, input.nodes.size());
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (zone[i] < 0) {
            Item item;
            item.node = i;
            item.box = LayoutPlacement::cardRect({}, input.nodes[i].size);
            itemOf[i] = int(items.size());
            items.append(item);
            continue;
        }
        if (!itemOfZone.contains(zone[i])) {
            itemOfZone.insert(zone[i], int(items.size()));
            Item item;
            item.zone = zone[i];
            items.append(item);
        }
        itemOf[i] = itemOfZone.value(zone[i]);
        items[itemOf[i]].members.append(i);
    }
    return items;
}

/// @p route shifted by @p delta.
EdgeRoute moved(EdgeRoute route, const QPointF &delta)
{
    for (QPointF &p : route.points)
        p += delta;
    if (route.arrowTip)
        *route.arrowTip += delta;
    return route;
}

/// Connections inside one zone go to that zone's item; the others (between two different boxes,
/// ends named by item index) are returned for the top-level graph, duplicates kept: they pull
/// harder, as they would in the flat graph. Connections with an unknown end are dropped.
QVector<LayoutEdge> splitEdges(const LayoutInput &input, const QVector<int> &itemOf,
                               QVector<Item> &items)
{
    QHash<QString, int> nodeIndex;
    for (int i = 0; i < input.nodes.size(); ++i)
        nodeIndex.insert(input.nodes[i].id, i);
    QVector<LayoutEdge> top;
    for (int e = 0; e < input.edges.size(); ++e) {
        const int from = nodeIndex.value(input.edges[e].from, -1);
        const int to = nodeIndex.value(input.edges[e].to, -1);
        if (from < 0 || to < 0)
            continue;
        if (itemOf[from] == itemOf[to] && items[itemOf[from]].zone >= 0)
            items[itemOf[from]].edges.append(e);
        else
            top.append(
                {input.edges[e].id, QString::number(itemOf[from]), QString::number(itemOf[to])});
    }
    return top;
}

} // namespace

bool ZonedLayout::hasZones(const LayoutInput &input)
{
    const QVector<int> zone = zoneOfNodes(input);
    return std::any_of(zone.cbegin(), zone.cend(), [](int z) { return z >= 0; });
}

bool ZonedLayout::run(const LayoutInput &input, const FlatRun &flat, LayoutResult &result)
{
    QVector<int> itemOf;
    QVector<Item> items = makeItems(input, zoneOfNodes(input), itemOf);
    LayoutInput top;
    top.options = input.options;
    top.options.anchorTopLeft.reset();
    top.edges = splitEdges(input, itemOf, items);
    for (Item &item : items) {
        if (item.zone >= 0 && !layoutZone(input, flat, item, result.error))
            return false;
        top.nodes.append({QString::number(top.nodes.size()), item.box.size(), std::nullopt, {}});
    }
    LayoutResult topResult;
    if (items.size() == 1)
        topResult.centres = {items.first().box.center() - items.first().box.topLeft()};
    else if (!flat(top, LayoutEngine::Sfdp, topResult)) {
        result.error = topResult.error;
        return false;
    }
    QVector<QPointF> centres = topResult.centres;
    if (separate(items, input.options.nodeSeparation / 4, centres))
        topResult.routes.clear(); // drawn for boxes that have moved since

    // Members into their box; the drawing's top-left (boxes, title bands included) at (0, 0).
    QRectF all;
    for (int k = 0; k < items.size(); ++k)
        all |= boxAt(items[k], centres[k]);
    result.centres.fill(QPointF(), input.nodes.size());
    QHash<QString, EdgeRoute> routes;
    for (int k = 0; k < items.size(); ++k) {
        const Item &item = items[k];
        const QPointF delta = centres[k] - item.box.center() - all.topLeft();
        if (item.node >= 0)
            result.centres[item.node] = centres[k] - all.topLeft();
        for (int m = 0; m < item.members.size(); ++m)
            result.centres[item.members[m]] = item.centres[m] + delta;
        for (const EdgeRoute &route : item.routes)
            routes.insert(route.id, moved(route, delta));
    }
    QHash<QString, const LayoutEdge *> topEdges;
    for (const LayoutEdge &e : top.edges)
        topEdges.insert(e.id, &e);
    for (const EdgeRoute &route : topResult.routes) {
        const LayoutEdge *e = topEdges.value(route.id);
        if (e && items[e->from.toInt()].node >= 0 && items[e->to.toInt()].node >= 0)
            routes.insert(route.id, moved(route, -all.topLeft()));
        // else one end is a zone: routed to the zone's centre, so the view routes it
    }
    for (const LayoutEdge &e : input.edges) {
        if (routes.contains(e.id))
            result.routes.append(routes.value(e.id));
    }
    return true;
}

} // namespace mls
