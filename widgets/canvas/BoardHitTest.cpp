// SPDX-License-Identifier: MIT
#include "BoardHitTest.h"

#include "ComponentItem.h"
#include "ConnectHandles.h"
#include "ConnectionItem.h"
#include "ConnectionLabelItem.h"
#include "NoteItem.h"
#include "ZoneItem.h"

#include <QGraphicsScene>

namespace mls::BoardHitTest {

QGraphicsItem *interactiveItemAt(const QGraphicsScene &scene, const QPointF &scenePos)
{
    for (QGraphicsItem *item : scene.items(scenePos)) {
        if (auto *label = qgraphicsitem_cast<ConnectionLabelItem *>(item))
            return label->connection(); // a label stands for its arrow
        if (item->type() == ComponentItem::Type || item->type() == ConnectionItem::Type ||
            item->type() == ZoneItem::Type || item->type() == NoteItem::Type)
            return item;
    }
    return nullptr;
}

ComponentItem *componentAt(const QGraphicsScene &scene, const QPointF &scenePos)
{
    for (QGraphicsItem *item : scene.items(scenePos)) {
        if (auto *c = qgraphicsitem_cast<ComponentItem *>(item))
            return c;
    }
    return nullptr;
}

ComponentItem *connectableCardAt(const QGraphicsScene &scene, const QPointF &scenePos)
{
    // The band reaches a few px outside the card, beyond its shape: look in a small square.
    const qreal r = ConnectHandles::edgeOutside + 1;
    const QRectF around(scenePos - QPointF(r, r), QSizeF(2 * r, 2 * r));
    for (QGraphicsItem *item : scene.items(around)) { // topmost first
        auto *card = qgraphicsitem_cast<ComponentItem *>(item);
        if (!card)
            continue;
        if (card->grabsConnection(scenePos))
            return card;
        if (card->sceneCardRect().contains(scenePos))
            return nullptr; // the body of a card above wins over a neighbour's handle
    }
    return nullptr;
}

} // namespace mls::BoardHitTest
