// SPDX-License-Identifier: MIT
#include "LabelPlacer.h"

#include "ConnectionItem.h"

#include <QGraphicsScene>

#include <utility>
#include <vector>

namespace mls {

LabelPlacer::LabelPlacer(QGraphicsScene *scene) : QObject(scene)
{
    setObjectName(QStringLiteral("mls_label_placer"));
    m_timer.setSingleShot(true);
    // Placed once things stop moving: while cards are dragged (a step every ~16 ms) a label
    // rides the middle of its arrow, and the off-card search runs when the drag pauses.
    m_timer.setInterval(60);
    connect(&m_timer, &QTimer::timeout, this, &LabelPlacer::run);
}

LabelPlacer *LabelPlacer::of(QGraphicsScene *scene, bool create)
{
    if (!scene)
        return nullptr;
    auto *placer = scene->findChild<LabelPlacer *>(QStringLiteral("mls_label_placer"),
                                                   Qt::FindDirectChildrenOnly);
    if (!placer && create)
        placer = new LabelPlacer(scene);
    return placer;
}

void LabelPlacer::schedule(ConnectionItem *item)
{
    LabelPlacer *placer = of(item->scene(), true);
    placer->m_pending.insert(item);
    placer->m_timer.start(); // restarts: one batch after the last change
}

void LabelPlacer::cancel(QGraphicsScene *scene, ConnectionItem *item)
{
    if (LabelPlacer *placer = of(scene, false))
        placer->m_pending.remove(item);
}

void LabelPlacer::flush(QGraphicsScene *scene)
{
    if (LabelPlacer *placer = of(scene, false))
        placer->run();
}

void LabelPlacer::run()
{
    m_timer.stop();
    const QSet<ConnectionItem *> pending = std::exchange(m_pending, {});
    // Every query first, then every move: moving a pill between queries would make the index
    // take it in again before the next query.
    if (pending.isEmpty())
        return;
    // The index partitions the scene rectangle it was last told about; a scene that grows by
    // its items only tells it when asked. Unasked (no view yet), every query is a linear scan.
    // Asking costs a pass over every item, so only for the first batch (the whole board).
    if (!m_askedSceneRect) {
        static_cast<QGraphicsScene *>(parent())->sceneRect();
        m_askedSceneRect = true;
    }
    std::vector<std::pair<ConnectionItem *, QPointF>> spots;
    spots.reserve(size_t(pending.size()));
    for (ConnectionItem *item : pending)
        spots.emplace_back(item, item->bestLabelSpot());
    for (const auto &[item, spot] : spots)
        item->moveLabelTo(spot);
}

} // namespace mls
