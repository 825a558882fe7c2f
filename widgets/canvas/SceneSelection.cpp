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
#include <QMetaMethod>
#include <QTimer>

namespace mls {

namespace {

/// Appends the id of each element of @p list whose item @p itemOf finds selected, in file order.
template <typename List, typename ItemOf>
void collect(const List &list, const ItemOf &itemOf, QStringList &ids)
{
    for (const auto &element : list) {
        const QGraphicsItem *item = itemOf(element.id);
        if (item && item->isSelected())
            ids << element.id;
    }
}

/// Selects the item of each element of @p list, and appends the ids of those now selected (a
/// hidden item cannot be).
template <typename List, typename ItemOf>
void selectAll(const List &list, const ItemOf &itemOf, QStringList &ids)
{
    ids.reserve(qsizetype(list.size()));
    for (const auto &element : list) {
        if (QGraphicsItem *item = itemOf(element.id)) {
            item->setSelected(true);
            if (item->isSelected())
                ids << element.id;
        }
    }
}

} // namespace

void SceneSelection::forget()
{
    if (m_keepIds) // worked out by the gesture that emitted this selectionChanged
        m_keepIds = false;
    else
        m_ids.valid = false;
}

const SceneSelection::Ids &SceneSelection::ids() const
{
    if (m_ids.valid)
        return m_ids;
    m_ids = {};
    const Diagram *d = m_scene->diagram();
    const DiagramScene *s = m_scene;
    collect(
        d->components(), [s](const QString &id) { return s->componentItem(id); }, m_ids.components);
    collect(
        d->connections(), [s](const QString &id) { return s->connectionItem(id); },
        m_ids.connections);
    collect(
        d->groups(), [s](const QString &id) { return s->zoneItem(id); }, m_ids.groups);
    collect(
        d->notes(), [s](const QString &id) { return s->notes()->item(id); }, m_ids.notes);
    m_ids.valid = true;
    return m_ids;
}

bool SceneSelection::isEmpty() const
{
    const Ids &selected = ids();
    return selected.components.isEmpty() && selected.connections.isEmpty() &&
           selected.groups.isEmpty() && selected.notes.isEmpty();
}

qsizetype SceneSelection::count() const
{
    const Ids &selected = ids();
    return selected.components.size() + selected.connections.size() + selected.groups.size() +
           selected.notes.size();
}

void SceneSelection::change(qsizetype items, const std::function<void()> &apply)
{
    // One signal for the gesture: per item, every listener would work the selection out again.
    QSignalBlocker blocker(m_scene);
    // Past a few hundred items, one update of the whole scene: while it is pending,
    // QGraphicsScene drops the items' own updates, instead of walking thousands of dirty items
    // and sending each one's rectangle to every changed() receiver (the window's minimap) and
    // view. A few items keep their own updates (a repaint of only their part of the view).
    // Only with a changed() receiver: without one, QGraphicsScene hands updates to the views
    // directly and ends a whole-scene update in the view's item painting, which the far-zoom
    // batches (DiagramView) do not go through.
    if (items >= bulkItems &&
        m_scene->isSignalConnected(QMetaMethod::fromSignal(&QGraphicsScene::changed)))
        m_scene->update();
    apply();
    blocker.unblock();
    Q_EMIT m_scene->selectionChanged();
    m_keepIds = false; // also when nothing received the signal
}

void SceneSelection::select(const QStringList &ids)
{
    change(count() + ids.size(), [&] {
        m_scene->clearSelection();
        for (const QString &id : ids) {
            if (QGraphicsItem *item = m_scene->itemFor(id))
                item->setSelected(true);
        }
    });
}

void SceneSelection::selectEverything()
{
    const Diagram *d = m_scene->diagram();
    const qsizetype items = qsizetype(d->components().size() + d->connections().size() +
                                      d->groups().size() + d->notes().size());
    // In file order through the id maps: items() would sort every item by stacking order, and
    // the ids come out as ids() lists them, without asking 25,000 items again.
    change(items, [&] {
        Ids all;
        const DiagramScene *s = m_scene;
        selectAll(
            d->components(), [s](const QString &id) { return s->componentItem(id); },
            all.components);
        selectAll(
            d->connections(), [s](const QString &id) { return s->connectionItem(id); },
            all.connections);
        selectAll(
            d->groups(), [s](const QString &id) { return s->zoneItem(id); }, all.groups);
        selectAll(
            d->notes(), [s](const QString &id) { return s->notes()->item(id); }, all.notes);
        all.valid = true;
        m_ids = std::move(all);
        m_keepIds = true;
    });
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
