// SPDX-License-Identifier: MIT
#include "Arrange.h"

#include <algorithm>
#include <numeric>

namespace mls::Arrange {

QVector<QPointF> aligned(const QVector<QPointF> &centres, const QSizeF &cardSize, Align how)
{
    QVector<QPointF> out = centres;
    if (centres.size() < 2)
        return out;
    auto xs = [&] {
        QVector<qreal> v;
        for (const QPointF &p : centres)
            v << p.x();
        return v;
    }();
    auto ys = [&] {
        QVector<qreal> v;
        for (const QPointF &p : centres)
            v << p.y();
        return v;
    }();
    const qreal meanX = std::accumulate(xs.begin(), xs.end(), 0.0) / xs.size();
    const qreal meanY = std::accumulate(ys.begin(), ys.end(), 0.0) / ys.size();
    // All cards share one size, so aligning edges is aligning centres to the extreme centre.
    Q_UNUSED(cardSize);
    for (QPointF &p : out) {
        switch (how) {
        case Align::Left:
            p.setX(*std::min_element(xs.begin(), xs.end()));
            break;
        case Align::Right:
            p.setX(*std::max_element(xs.begin(), xs.end()));
            break;
        case Align::Centre:
            p.setX(meanX);
            break;
        case Align::Top:
            p.setY(*std::min_element(ys.begin(), ys.end()));
            break;
        case Align::Bottom:
            p.setY(*std::max_element(ys.begin(), ys.end()));
            break;
        case Align::Middle:
            p.setY(meanY);
            break;
        }
    }
    return out;
}

QVector<QPointF> distributed(const QVector<QPointF> &centres, Axis axis)
{
    QVector<QPointF> out = centres;
    const int n = int(centres.size());
    if (n < 3)
        return out;
    auto coord = [axis](const QPointF &p) { return axis == Axis::Horizontal ? p.x() : p.y(); };
    QVector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return coord(centres[a]) < coord(centres[b]); });
    const qreal first = coord(centres[order.front()]);
    const qreal step = (coord(centres[order.back()]) - first) / (n - 1);
    for (int k = 0; k < n; ++k) {
        QPointF &p = out[order[k]];
        if (axis == Axis::Horizontal)
            p.setX(first + step * k);
        else
            p.setY(first + step * k);
    }
    return out;
}

} // namespace mls::Arrange
