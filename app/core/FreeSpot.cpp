// SPDX-License-Identifier: MIT
#include "FreeSpot.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

namespace mls::FreeSpot {

namespace {

bool isFree(const QVector<QRectF> &occupied, const QRectF &r, qreal gap)
{
    const QRectF grown = r.adjusted(-gap, -gap, gap, gap);
    return std::none_of(occupied.begin(), occupied.end(),
                        [&](const QRectF &o) { return grown.intersects(o); });
}

} // namespace

QPointF nearestFree(const QVector<QRectF> &allOccupied, const QRectF &wanted, qreal grid, qreal gap,
                    int maxRings)
{
    if (isFree(allOccupied, wanted, gap) || grid <= 0)
        return wanted.topLeft();
    // Only what the search can reach counts (a large board has far more cards than that).
    const qreal reach = maxRings * grid + gap;
    const QRectF area = wanted.adjusted(-reach, -reach, reach, reach);
    QVector<QRectF> occupied;
    for (const QRectF &o : allOccupied)
        if (o.intersects(area))
            occupied << o;
    // Ring by ring of grid steps (Chebyshev distance k). Ring k lies between k and k·√2 steps
    // away, so once ring k holds a free place the rings up to ⌈k·√2⌉ may still hold a nearer
    // one and none beyond: search those, then take the nearest (Euclidean) of all found.
    struct Candidate
    {
        qreal distance;
        int dy, dx;
    };
    std::vector<Candidate> found;
    int stopAfter = maxRings;
    for (int k = 1; k <= std::min(maxRings, stopAfter); ++k) {
        for (int dy = -k; dy <= k; ++dy) {
            for (int dx = -k; dx <= k; ++dx) {
                if (std::max(std::abs(dx), std::abs(dy)) != k)
                    continue;
                const QRectF r = wanted.translated(dx * grid, dy * grid);
                if (isFree(occupied, r, gap))
                    found.push_back({std::hypot(qreal(dx), qreal(dy)), dy, dx});
            }
        }
        if (!found.empty() && stopAfter == maxRings)
            stopAfter = int(std::ceil(k * std::sqrt(2.0))); // nothing nearer lies beyond
    }
    if (found.empty())
        return wanted.topLeft();
    const auto best =
        std::min_element(found.begin(), found.end(), [](const auto &a, const auto &b) {
            return std::tie(a.distance, a.dy, a.dx) < std::tie(b.distance, b.dy, b.dx);
        });
    return wanted.topLeft() + QPointF(best->dx * grid, best->dy * grid);
}

} // namespace mls::FreeSpot
