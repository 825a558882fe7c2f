// SPDX-License-Identifier: MIT
#include "DiagramScene.h"

#include "BoardGrid.h"
#include "CanvasController.h"
#include "CardGeometry.h"
#include "ComponentItem.h"
#include "ComponentProps.h"
#include "ConnectionItem.h"
#include "ConnectionLabelItem.h"
#include "Diagram.h"
#include "NoteItem.h"
#include "SceneNotes.h"
#include "ZoneItem.h"

#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QPainter>
#include <QSignalBlocker>
#include <QToolTip>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <utility>

namespace mls {

int DiagramScene::bspDepthFor(qsizetype items)
{
    // Qt's own choice is log2 of the count: a leaf per item, 32,768 leaves on a 10k board,
    // and as an arrow is listed in every leaf it crosses, ~0.9 KB per item and ~200 ms to build
    // the index at the first hover. Two levels less (4 items a leaf) measured 10 MB and 64 ms,
    // each query ~20 % slower (a few µs); three levels less cost the label placement more.
    const int log2 = int(std::ceil(std::log2(double(std::max<qsizetype>(items, 1)))));
    return std::max(5, log2 - 2); // Qt's smallest depth is 5
}

void DiagramScene::fitIndexTo(qsizetype items)
{
    const int depth = bspDepthFor(items);
    // Grows with the board, never shrinks (no re-index back and forth); a scene told to keep no
    // index (tests comparing with a linear scan) keeps none.
    if (itemIndexMethod() == BspTreeIndex && depth > bspTreeDepth())
        setBspTreeDepth(depth);
}

DiagramScene::DiagramScene(Diagram *diagram, QObject *parent, Items items)
    : QGraphicsScene(parent), m_diagram(diagram), m_style(CardStyle::light())
{
    // The BSP index keeps hit tests and the paint of a zoomed-in view proportional to what is
    // visible on a big board; moving cards updates it, which the bench's drag row measures.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setBspTreeDepth(bspDepthFor(0));
    // Before any other receiver: the selected ids are worked out again on their first use
    // after the selection or the file order changed.
    auto forgetSelection = [this] { m_selection.forget(); };
    connect(this, &QGraphicsScene::selectionChanged, this, forgetSelection);
    for (auto signal :
         {&Diagram::componentAdded, &Diagram::componentRemoved, &Diagram::connectionAdded,
          &Diagram::connectionRemoved, &Diagram::groupAdded, &Diagram::groupRemoved,
          &Diagram::noteAdded, &Diagram::noteRemoved})
        connect(diagram, signal, this, forgetSelection);
    connect(diagram, &Diagram::componentsReordered, this, forgetSelection);
    connect(diagram, &Diagram::componentAdded, this, &DiagramScene::addComponent);
    connect(diagram, &Diagram::componentRemoved, this, &DiagramScene::removeComponent);
    connect(diagram, &Diagram::componentChanged, this, &DiagramScene::syncComponent);
    connect(diagram, &Diagram::componentMoved, this, &DiagramScene::componentMoved);
    connect(diagram, &Diagram::connectionAdded, this, &DiagramScene::addConnection);
    connect(diagram, &Diagram::connectionRemoved, this, &DiagramScene::removeConnection);
    connect(diagram, &Diagram::connectionChanged, this, &DiagramScene::syncConnection);
    connect(diagram, &Diagram::connectionRouted, this, [this](const QString &id) {
        if (ConnectionItem *item = m_connections.value(IdKey::view(id)))
            routeConnection(item);
    });
    connect(diagram, &Diagram::groupAdded, this, &DiagramScene::addGroup);
    connect(diagram, &Diagram::groupRemoved, this, &DiagramScene::removeGroup);
    connect(diagram, &Diagram::groupChanged, this, &DiagramScene::syncGroup);
    connect(diagram, &Diagram::componentsReordered, this, &DiagramScene::restack);
    m_controller = std::make_unique<CanvasController>(this);
    m_notes = new SceneNotes(this, diagram);
    // A scene left to grow by its items unites every item's bounds, sorted by stacking order,
    // on the first update after any item is added (~50 ms on a 10k board, at its open and at
    // every card added later): the board sets its rectangle itself (growSceneRect).
    setSceneRect(contentRect());
    auto notesGrow = [this] { growSceneRect(m_notes->bounds()); }; // after SceneNotes's own
    connect(diagram, &Diagram::noteAdded, this, notesGrow);
    connect(diagram, &Diagram::noteChanged, this, notesGrow);
    if (items == Items::Now)
        rebuild();
}

DiagramScene::~DiagramScene()
{
    // The controller's drag tool still talks to the item maps: end it while they exist.
    m_controller.reset();
    // An open note editor would commit when its item goes, into a diagram that may be gone.
    m_notes->cancelEdit();
    // ~QGraphicsScene deletes selected items and emits selectionChanged when this is no longer
    // a DiagramScene; receivers would call back into a half-destroyed object.
    blockSignals(true);
}

void DiagramScene::setStyle(const CardStyle &style)
{
    m_style = style;
    update();
}

void DiagramScene::setGridVisible(bool visible)
{
    m_gridVisible = visible;
    update();
}

void DiagramScene::rebuild()
{
    clear();
    m_components.clear();
    m_connections.clear();
    m_zones.clear();
    if (itemIndexMethod() == BspTreeIndex)
        setBspTreeDepth(
            bspDepthFor(qsizetype(m_diagram->components().size() + m_diagram->connections().size() +
                                  m_diagram->groups().size())));
    m_building = true;
    for (const Component &c : m_diagram->components())
        addComponent(c.id);
    for (const Connection &c : m_diagram->connections())
        addConnection(c.id);
    for (const Group &g : m_diagram->groups())
        addGroup(g.id);
    m_notes->rebuild();
    restack();
    m_building = false;
    setSceneRect(contentRect().united(std::exchange(m_builtRect, QRectF())));
}

void DiagramScene::growSceneRect(const QRectF &r)
{
    // Like QGraphicsScene's own rectangle: it grows with what is added or moved, never shrinks.
    // A change re-partitions the index, so it grows with room to spare (a card dragged out of
    // the board would re-index every item at every step). While building, once at the end.
    if (m_building) {
        m_builtRect |= r;
        return;
    }
    const QRectF now = sceneRect();
    if (now.contains(r))
        return;
    const qreal room = std::max({1000.0, now.width() / 8, now.height() / 8});
    setSceneRect(now.united(r.adjusted(-room, -room, room, room)));
}

void DiagramScene::restack()
{
    // Paint order follows file order; z stays within (1, 2) so cards stay above arrows/zones.
    const qreal n = qreal(m_diagram->components().size()) + 1;
    int i = 0;
    for (const Component &c : m_diagram->components()) {
        if (ComponentItem *item = m_components.value(IdKey::view(c.id)))
            item->setZValue(1 + ++i / n);
    }
}

QRectF DiagramScene::contentRect() const
{
    QRectF r;
    for (const ComponentItem *item : m_components)
        r = r.united(item->sceneBoundingRect());
    for (const ZoneItem *item : m_zones)
        r = r.united(item->sceneBoundingRect());
    for (const ConnectionItem *item : m_connections)
        r = r.united(item->sceneBoundingRect());
    r = r.united(m_notes->bounds());
    return r.isNull() ? QRectF(-400, -300, 800, 600) : r.adjusted(-40, -40, 40, 40);
}

bool DiagramScene::hasContent() const
{
    return !m_components.isEmpty() || !m_connections.isEmpty() || !m_zones.isEmpty() ||
           !m_notes->bounds().isNull();
}

void DiagramScene::addComponent(const QString &id)
{
    const Component *c = m_diagram->component(id);
    if (!c || m_components.contains(IdKey::view(id)))
        return;
    auto *item = new ComponentItem(*c);
    item->setZValue(2); // newest on top until the next restack
    m_markers.decorate(item, id);
    addItem(item);
    m_components.insert(IdKey{id}, item);
    fitIndexTo(boardItemCount());
    growSceneRect(item->sceneBoundingRect());
}

void DiagramScene::removeComponent(const QString &id)
{
    m_previewed.remove(id);
    deleteItem(m_components.take(IdKey::view(id)));
}

void DiagramScene::syncComponent(const QString &id)
{
    if (ComponentItem *item = m_components.value(IdKey::view(id)))
        item->sync(*m_diagram->component(id));
}

void DiagramScene::componentMoved(const QString &id)
{
    ComponentItem *item = m_components.value(IdKey::view(id));
    if (!item)
        return;
    item->setPos(m_diagram->component(id)->pos);
    growSceneRect(item->sceneBoundingRect());
    for (const QString &cid : m_diagram->connectionsOf(id)) {
        if (ConnectionItem *c = m_connections.value(IdKey::view(cid)))
            routeConnection(c);
    }
    for (const QString &gid : m_diagram->groupsOf(id)) {
        if (ZoneItem *g = m_zones.value(gid))
            fitZone(g);
    }
}

void DiagramScene::addConnection(const QString &id)
{
    const Connection *c = m_diagram->connection(id);
    if (!c || m_connections.contains(IdKey::view(id)))
        return;
    auto *item = new ConnectionItem(*c);
    m_markers.decorate(item, id);
    addItem(item);
    m_connections.insert(IdKey{id}, item);
    fitIndexTo(boardItemCount());
    routeConnection(item);
}

void DiagramScene::removeConnection(const QString &id)
{
    deleteItem(m_connections.take(IdKey::view(id)));
}

void DiagramScene::syncConnection(const QString &id)
{
    if (ConnectionItem *item = m_connections.value(IdKey::view(id))) {
        item->sync(*m_diagram->connection(id));
        routeConnection(item);
    }
}

void DiagramScene::routeConnection(ConnectionItem *item)
{
    const Component *from = m_diagram->component(item->fromId());
    const Component *to = m_diagram->component(item->toId());
    ComponentItem *fromItem = m_components.value(IdKey::view(item->fromId()));
    ComponentItem *toItem = m_components.value(IdKey::view(item->toId()));
    // Items, not the model: during a drag the cards are ahead of the model.
    if (!from || !to || !fromItem || !toItem)
        return;
    // Auto layout's route, while both cards stay where it was computed; else the view's routing.
    const Connection *c = m_diagram->connection(item->connectionId());
    if (c && c->route.fits(fromItem->pos(), toItem->pos()))
        item->setRoute(c->route.points, c->route.tip);
    else
        item->setEnds(fromItem->sceneCardRect(), toItem->sceneCardRect(), m_routing);
    growSceneRect(item->sceneBoundingRect());
}

void DiagramScene::addGroup(const QString &id)
{
    const Group *g = m_diagram->group(id);
    if (!g || m_zones.contains(id))
        return;
    auto *item = new ZoneItem(*g);
    addItem(item);
    m_zones.insert(id, item);
    fitZone(item);
}

void DiagramScene::removeGroup(const QString &id)
{
    deleteItem(m_zones.take(id));
}

void DiagramScene::deleteItem(QGraphicsItem *item)
{
    // QGraphicsScene announces selectionChanged for every selected item it loses, and every
    // listener works the selection out again: deleting 5,000 selected cards took a minute.
    // Qt announces the first few losses of an event-loop turn as before; any more once, on
    // the next turn.
    if (!item || !item->isSelected() || m_selectionLost.runsNow()) {
        delete item;
        return;
    }
    const QSignalBlocker quiet(this);
    delete item;
}

void DiagramScene::syncGroup(const QString &id)
{
    if (ZoneItem *item = m_zones.value(id)) {
        item->sync(*m_diagram->group(id));
        fitZone(item);
    }
}

void DiagramScene::refitZone(const QString &groupId)
{
    if (ZoneItem *item = m_zones.value(groupId))
        fitZone(item);
}

QRectF DiagramScene::membersRect(const QString &groupId) const
{
    QRectF r;
    if (const Group *g = m_diagram->group(groupId)) {
        for (const QString &m : g->members) {
            if (const Component *c = m_diagram->component(m))
                r = r.united(CardGeometry::rect(*c));
        }
    }
    return r;
}

void DiagramScene::fitZone(ZoneItem *item)
{
    const Group *g = m_diagram->group(item->groupId());
    item->setPos(0, 0);
    item->fitAround(membersRect(item->groupId()), g ? known::zoneMargins(*g) : QMarginsF());
    growSceneRect(item->sceneBoundingRect());
}

void DiagramScene::setRouting(ConnectionItem::Routing routing)
{
    // Every arrow follows the routing it has: re-routing a big board costs a second build.
    if (routing == m_routing)
        return;
    m_routing = routing;
    for (ConnectionItem *c : std::as_const(m_connections))
        routeConnection(c);
}

QPointF DiagramScene::snapped(const QPointF &p) const
{
    if (!m_snap)
        return p;
    return QPointF(std::round(p.x() / gridSize) * gridSize,
                   std::round(p.y() / gridSize) * gridSize);
}

void DiagramScene::reportRefusal(const QString &reason, const QPoint &screenPos)
{
    m_lastRefusal = reason;
    Q_EMIT statusMessage(tr("Not connected: %1").arg(reason));
    QToolTip::showText(screenPos, reason);
}

void DiagramScene::setMarkersVisible(bool visible)
{
    if (m_markers.visible() == visible)
        return;
    m_markers.setVisible(visible);
    update();
}

QGraphicsItem *DiagramScene::itemFor(const QString &id) const
{
    if (QGraphicsItem *item = m_components.value(IdKey::view(id)))
        return item;
    if (QGraphicsItem *item = m_connections.value(IdKey::view(id)))
        return item;
    if (QGraphicsItem *item = m_zones.value(id))
        return item;
    return m_notes->item(id);
}

void DiagramScene::previewMove(const QHash<QString, QPointF> &positions, const QStringList &zones,
                               const QPointF &zoneDelta)
{
    for (auto it = positions.constBegin(); it != positions.constEnd(); ++it) {
        ComponentItem *item = m_components.value(IdKey::view(it.key()));
        if (!item) {
            m_notes->preview(it.key(), it.value());
            growSceneRect(m_notes->bounds());
            continue;
        }
        item->setPos(it.value());
        growSceneRect(item->sceneBoundingRect());
        m_previewed.insert(it.key(), it.value());
        for (const QString &cid : m_diagram->connectionsOf(it.key())) {
            if (ConnectionItem *c = m_connections.value(IdKey::view(cid)))
                routeConnection(c);
        }
    }
    m_previewZones = zones;
    for (const QString &gid : zones) {
        if (ZoneItem *g = m_zones.value(gid)) {
            g->setPos(zoneDelta);
            growSceneRect(g->sceneBoundingRect());
        }
    }
}

void DiagramScene::endPreview()
{
    const QHash<QString, QPointF> previewed = std::exchange(m_previewed, {});
    for (auto it = previewed.constBegin(); it != previewed.constEnd(); ++it) {
        if (m_diagram->component(it.key()))
            componentMoved(it.key()); // back to the model's position, arrows and zones too
    }
    for (const QString &gid : std::exchange(m_previewZones, {})) {
        if (ZoneItem *g = m_zones.value(gid))
            fitZone(g);
    }
    m_notes->endPreview();
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_notes->isEditing()) { // a click on the note edits on, a click elsewhere commits
        if (m_notes->editorContains(event->scenePos()))
            return QGraphicsScene::mousePressEvent(event);
        m_notes->commitOpenEdit();
    }
    // The view sends scene events unaccepted and starts a rubber band (clearing the selection)
    // when they come back unaccepted: a consumed gesture must say so.
    if (m_controller->press(event))
        event->accept();
    else
        QGraphicsScene::mousePressEvent(event);
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_controller->move(event))
        event->accept();
    else
        QGraphicsScene::mouseMoveEvent(event);
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_controller->release(event))
        event->accept();
    else
        QGraphicsScene::mouseReleaseEvent(event);
}

void DiagramScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem *item = interactiveItemAt(event->scenePos());
    if (auto *card = qgraphicsitem_cast<ComponentItem *>(item)) {
        event->accept();
        Q_EMIT labelEditRequested(card->componentId());
        return;
    }
    if (auto *zone = qgraphicsitem_cast<ZoneItem *>(item)) {
        event->accept();
        Q_EMIT labelEditRequested(zone->groupId());
        return;
    }
    if (auto *note = qgraphicsitem_cast<NoteItem *>(item); note && !m_notes->isEditing()) {
        event->accept();
        m_notes->edit(note->noteId());
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void DiagramScene::keyPressEvent(QKeyEvent *event)
{
    if (!m_notes->isEditing() && m_controller->key(event)) // typing goes to the note editor
        event->accept();
    else
        QGraphicsScene::keyPressEvent(event);
}

QString DiagramScene::toolTipOf(const QGraphicsItem *item)
{
    if (const auto *card = qgraphicsitem_cast<const ComponentItem *>(item))
        return card->toolTipText();
    if (const auto *arrow = qgraphicsitem_cast<const ConnectionItem *>(item))
        return arrow->toolTipText();
    if (const auto *label = qgraphicsitem_cast<const ConnectionLabelItem *>(item))
        return label->connection() ? label->connection()->toolTipText() : QString();
    return item->toolTip();
}

void DiagramScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    // The items under the cursor as QGraphicsScene finds them: a pixel at the cursor, mapped
    // through the view's transform.
    QList<QGraphicsItem *> under;
    QWidget *viewport = event->widget();
    const auto *view = viewport ? qobject_cast<QGraphicsView *>(viewport->parentWidget()) : nullptr;
    if (!view) {
        under = items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder);
    } else {
        const QRectF pixel(QPointF(viewport->mapFromGlobal(event->screenPos())), QSizeF(1, 1));
        const QTransform toView = view->viewportTransform();
        under = toView.type() <= QTransform::TxScale
                    ? items(toView.inverted().mapRect(pixel), Qt::IntersectsItemShape,
                            Qt::DescendingOrder, toView)
                    : items(toView.inverted().map(pixel), Qt::IntersectsItemShape,
                            Qt::DescendingOrder, toView);
    }
    QString text;
    for (const QGraphicsItem *item : std::as_const(under)) {
        text = toolTipOf(item);
        if (!text.isEmpty())
            break;
    }
    QToolTip::showText(text.isEmpty() ? QPoint() : event->screenPos(), text, viewport);
    event->setAccepted(!text.isEmpty());
}

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    BoardGrid::paint(painter, rect, m_style, m_gridVisible ? gridSize : 0);
}

} // namespace mls
