// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QSet>
#include <QTimer>

class QGraphicsScene;

namespace mls {

class ConnectionItem;

/// Places connection labels off the cards in one batch per event-loop turn. Looking cards up
/// in the scene's index right after items were added or moved makes Qt rebuild the whole index
/// (tens of ms on a 10k board), so arrows that changed only ask to be placed; the batch then
/// asks the index once it is settled, and moves the pills only after every query.
class LabelPlacer : public QObject
{
public:
    /// Places @p item's label soon (its scene must be set).
    static void schedule(ConnectionItem *item);
    /// Forgets @p item (it leaves @p scene or is deleted).
    static void cancel(QGraphicsScene *scene, ConnectionItem *item);
    /// Places every pending label of @p scene now (exports, tests, benchmarks).
    static void flush(QGraphicsScene *scene);

private:
    explicit LabelPlacer(QGraphicsScene *scene);
    static LabelPlacer *of(QGraphicsScene *scene, bool create);
    void run();

    QSet<ConnectionItem *> m_pending;
    QTimer m_timer;
    bool m_askedSceneRect = false;
};

} // namespace mls
