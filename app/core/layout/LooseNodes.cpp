// SPDX-License-Identifier: MIT
#include "LooseNodes.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace mls {

QVector<int> LooseNodes::find(const LayoutInput &input)
{
    QHash<QString, int> index;
    index.reserve(input.nodes.size());
    for (int i = 0; i < input.nodes.size(); ++i)
        index.insert(input.nodes[i].id, i);
    std::vector<bool> touched(size_t(input.nodes.size()), false);
    for (const LayoutEdge &e : input.edges) {
        const int from = index.value(e.from, -1);
        const int to = index.value(e.to, -1);
        if (from < 0 || to < 0)
            continue; // an edge Graphviz never sees
        touched[size_t(from)] = true;
        touched[size_t(to)] = true;
    }
    QVector<int> loose;
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (!touched[size_t(i)] && input.nodes[i].zones.isEmpty())
            loose.append(i);
    }
    return loose;
}

LayoutInput LooseNodes::without(const LayoutInput &input, const QVector<int> &loose)
{
    LayoutInput rest;
    rest.edges = input.edges;
    rest.zoneIds = input.zoneIds;
    rest.options = input.options;
    rest.nodes.reserve(input.nodes.size() - loose.size());
    int next = 0;
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (next < loose.size() && loose[next] == i)
            ++next;
        else
            rest.nodes.append(input.nodes[i]);
    }
    return rest;
}

void LooseNodes::merge(const LayoutInput &input, const QVector<int> &loose,
                       const LayoutResult &rest, LayoutResult &result)
{
    result.routes = rest.routes;
    result.zones = rest.zones;
    result.centres.resize(input.nodes.size());

    // The rest's cards, back at their input places, and the box around them.
    QRectF drawn;
    qreal cellWidth = 0;
    qreal cellHeight = 0;
    int next = 0;
    int restIndex = 0;
    for (int i = 0; i < input.nodes.size(); ++i) {
        const QSizeF size = input.nodes[i].size;
        if (next < loose.size() && loose[next] == i) {
            ++next;
            cellWidth = std::max(cellWidth, size.width());
            cellHeight = std::max(cellHeight, size.height());
            continue;
        }
        const QPointF centre = rest.centres.value(restIndex++);
        result.centres[i] = centre;
        const QRectF card(centre.x() - size.width() / 2, centre.y() - size.height() / 2,
                          size.width(), size.height());
        drawn = drawn.isNull() ? card : drawn.united(card);
    }

    const qreal gap = input.options.nodeSeparation;
    cellWidth += gap;
    cellHeight += gap;
    const int count = int(loose.size());
    const int square = int(std::ceil(std::sqrt(count * cellHeight / cellWidth)));
    const int asWide = int((drawn.width() + gap) / cellWidth);
    const int columns = std::clamp(std::max(square, asWide), 1, std::max(1, count));
    const QPointF origin =
        drawn.isNull() ? QPointF(0, 0)
                       : QPointF(drawn.left(), drawn.bottom() + input.options.rankSeparation);
    for (int k = 0; k < count; ++k) {
        const int row = k / columns;
        const int column = k % columns;
        result.centres[loose[k]] = origin + QPointF(column * cellWidth + (cellWidth - gap) / 2,
                                                    row * cellHeight + (cellHeight - gap) / 2);
    }
}

} // namespace mls
