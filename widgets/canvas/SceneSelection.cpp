// SPDX-License-Identifier: MIT
#include "SceneSelection.h"

#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "Diagram.h"
#include "DiagramScene.h"
#include "NoteItem.h"
#include "SceneNotes.h"
#include "ZoneItem.h"

#include <QGraphicsView>
#include <QTimer>

namespace mls {

const SceneSelection::Ids &SceneSelection::ids() const
{
    if (m_ids.valid)
        return m_ids;
    m_ids = {};
    const Diagram *d = m_scene->diagram();
    for (const Component &c : d->components()) { // file order: stable for commands
        ComponentItem *item = m_scene->componentItem(c.id);
        if (item && item->isSelected())
            m_ids.components << c.id;
    }
    for (const Note &n : d->notes()) {
        NoteItem *item = m_scene->notes()->item(n.id);
        if (item && item->isSelected())
            m_ids.notes << n.id;
    }
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (auto *c = qgraphicsitem_cast<ConnectionItem *>(item))
            m_ids.connections << c->connectionId();
        else if (auto *g = qgraphicsitem_cast<ZoneItem *>(item))
            m_ids.groups << g->groupId();
    }
    m_ids.connections.sort();
    m_ids.groups.sort();
    m_ids.valid = true;
    return m_ids;
}

void SceneSelection::select(const QStringList &ids)
{
    QSignalBlocker blocker(m_scene);
    m_scene->clearSelection();
    for (const QString &id : ids) {
        if (QGraphicsItem *item = m_scene->itemFor(id))
            item->setSelected(true);
    }
    blocker.unblock();
    Q_EMIT m_scene->selectionChanged();
}

void SceneSelection::selectEverything()
{
    // One signal for the gesture: per item, every listener would rescan the selection.
    // The item maps, not items(): that sorts every item of the scene by stacking order.
    QSignalBlocker blocker(m_scene);
    for (ComponentItem *item : std::as_const(m_scene->m_components))
        item->setSelected(true);
    for (ConnectionItem *item : std::as_const(m_scene->m_connections))
        item->setSelected(true);
    for (ZoneItem *item : std::as_const(m_scene->m_zones))
        item->setSelected(true);
    for (NoteItem *item : m_scene->notes()->items())
        item->setSelected(true);
    blocker.unblock();
    Q_EMIT m_scene->selectionChanged();
}

void SceneSelection::blink(const QStringList &ids)
{
    for (const QString &id : ids) {
        if (ComponentItem *item = m_scene->componentItem(id))
            item->setConnectFeedback(ComponentItem::ConnectFeedback::Accepts);
    }
    QTimer::singleShot(800, m_scene, [scene = m_scene, ids] { // not run once the scene is gone
        for (const QString &id : ids) {
            if (ComponentItem *item = scene->componentItem(id))
                item->setConnectFeedback(ComponentItem::ConnectFeedback::None);
        }
    });
}

void SceneSelection::revealComponent(const QString &id)
{
    ComponentItem *item = m_scene->componentItem(id);
    if (!item)
        return;
    select({id});
    for (QGraphicsView *view : m_scene->views())
        view->centerOn(item);
    blink({id});
}

void SceneSelection::revealItems(const QStringList &ids)
{
    select(ids);
    QRectF area;
    QStringList cards;
    for (const QString &id : ids) {
        if (ComponentItem *item = m_scene->componentItem(id)) {
            area = area.united(item->sceneBoundingRect());
            cards << id;
        } else if (ConnectionItem *c = m_scene->connectionItem(id)) {
            area = area.united(c->sceneBoundingRect());
        }
    }
    if (area.isNull())
        return;
    for (QGraphicsView *view : m_scene->views())
        view->centerOn(area.center());
    blink(cards);
}

} // namespace mls
