// SPDX-License-Identifier: MIT
#include "DiagramScene.h"

#include "CanvasController.h"
#include "CardGeometry.h"
#include "Catalog.h"
#include "ComponentItem.h"
#include "ComponentProps.h"
#include "ConnectionItem.h"
#include "ConnectionLabelItem.h"
#include "Diagram.h"
#include "GroupItem.h"
#include "KindPickerMenu.h"

#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QtMath>

namespace mls {

DiagramScene::DiagramScene(Diagram *diagram, QObject *parent)
    : QGraphicsScene(parent), m_diagram(diagram), m_style(CardStyle::light())
{
    // The BSP index keeps hit tests and the paint of a zoomed-in view proportional to what is
    // visible on a big board; moving cards updates it, which the bench's drag row measures.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    // Before any other receiver: the selected ids are worked out again on their first use
    // after the selection or the file order changed.
    auto forgetSelection = [this] { m_selected.valid = false; };
    connect(this, &QGraphicsScene::selectionChanged, this, forgetSelection);
    for (auto signal :
         {&Diagram::componentAdded, &Diagram::componentRemoved, &Diagram::connectionAdded,
          &Diagram::connectionRemoved, &Diagram::groupAdded, &Diagram::groupRemoved})
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
        if (ConnectionItem *item = m_connections.value(id))
            routeConnection(item);
    });
    connect(diagram, &Diagram::groupAdded, this, &DiagramScene::addGroup);
    connect(diagram, &Diagram::groupRemoved, this, &DiagramScene::removeGroup);
    connect(diagram, &Diagram::groupChanged, this, &DiagramScene::syncGroup);
    connect(diagram, &Diagram::componentsReordered, this, &DiagramScene::restack);
    m_controller = std::make_unique<CanvasController>(this);
    rebuild();
}

DiagramScene::~DiagramScene()
{
    // The controller's drag tool still talks to the item maps: end it while they exist.
    m_controller.reset();
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
    m_groups.clear();
    for (const Component &c : m_diagram->components())
        addComponent(c.id);
    for (const Connection &c : m_diagram->connections())
        addConnection(c.id);
    for (const Group &g : m_diagram->groups())
        addGroup(g.id);
    restack();
}

void DiagramScene::restack()
{
    // Paint order follows file order; z stays within (1, 2) so cards stay above arrows/zones.
    const qreal n = qreal(m_diagram->components().size()) + 1;
    int i = 0;
    for (const Component &c : m_diagram->components()) {
        if (ComponentItem *item = m_components.value(c.id))
            item->setZValue(1 + ++i / n);
    }
}

QRectF DiagramScene::contentRect() const
{
    QRectF r;
    for (const ComponentItem *item : m_components)
        r = r.united(item->sceneBoundingRect());
    for (const GroupItem *item : m_groups)
        r = r.united(item->sceneBoundingRect());
    for (const ConnectionItem *item : m_connections)
        r = r.united(item->sceneBoundingRect());
    return r.isNull() ? QRectF(-400, -300, 800, 600) : r.adjusted(-40, -40, 40, 40);
}

void DiagramScene::addComponent(const QString &id)
{
    const Component *c = m_diagram->component(id);
    if (!c || m_components.contains(id))
        return;
    auto *item = new ComponentItem(*c);
    item->setZValue(2); // newest on top until the next restack
    if (auto it = m_markers.constFind(id); it != m_markers.constEnd())
        item->setMarker(*it);
    item->setHighlighted(m_highlighted.contains(id));
    addItem(item);
    m_components.insert(id, item);
}

void DiagramScene::removeComponent(const QString &id)
{
    m_previewed.remove(id);
    delete m_components.take(id);
}

void DiagramScene::syncComponent(const QString &id)
{
    if (ComponentItem *item = m_components.value(id))
        item->sync(*m_diagram->component(id));
}

void DiagramScene::componentMoved(const QString &id)
{
    ComponentItem *item = m_components.value(id);
    if (!item)
        return;
    item->setPos(m_diagram->component(id)->pos);
    for (const QString &cid : m_diagram->connectionsOf(id)) {
        if (ConnectionItem *c = m_connections.value(cid))
            routeConnection(c);
    }
    for (const QString &gid : m_diagram->groupsOf(id)) {
        if (GroupItem *g = m_groups.value(gid))
            fitGroup(g);
    }
}

void DiagramScene::addConnection(const QString &id)
{
    const Connection *c = m_diagram->connection(id);
    if (!c || m_connections.contains(id))
        return;
    auto *item = new ConnectionItem(*c);
    if (auto it = m_markers.constFind(id); it != m_markers.constEnd())
        item->setMarker(*it);
    item->setHighlighted(m_highlighted.contains(id));
    addItem(item);
    m_connections.insert(id, item);
    routeConnection(item);
}

void DiagramScene::removeConnection(const QString &id)
{
    delete m_connections.take(id);
}

void DiagramScene::syncConnection(const QString &id)
{
    if (ConnectionItem *item = m_connections.value(id)) {
        item->sync(*m_diagram->connection(id));
        routeConnection(item);
    }
}

void DiagramScene::routeConnection(ConnectionItem *item)
{
    const Component *from = m_diagram->component(item->fromId());
    const Component *to = m_diagram->component(item->toId());
    ComponentItem *fromItem = m_components.value(item->fromId());
    ComponentItem *toItem = m_components.value(item->toId());
    // Items, not the model: during a drag the cards are ahead of the model.
    if (!from || !to || !fromItem || !toItem)
        return;
    // Auto layout's route, while both cards stay where it was computed; else the view's routing.
    const Connection *c = m_diagram->connection(item->connectionId());
    if (c && c->route.fits(fromItem->pos(), toItem->pos()))
        item->setRoute(c->route.points, c->route.tip);
    else
        item->setEnds(fromItem->sceneCardRect(), toItem->sceneCardRect(), m_routing);
}

void DiagramScene::addGroup(const QString &id)
{
    const Group *g = m_diagram->group(id);
    if (!g || m_groups.contains(id))
        return;
    auto *item = new GroupItem(*g);
    addItem(item);
    m_groups.insert(id, item);
    fitGroup(item);
}

void DiagramScene::removeGroup(const QString &id)
{
    delete m_groups.take(id);
}

void DiagramScene::syncGroup(const QString &id)
{
    if (GroupItem *item = m_groups.value(id)) {
        item->sync(*m_diagram->group(id));
        fitGroup(item);
    }
}

void DiagramScene::refitZone(const QString &groupId)
{
    if (GroupItem *item = m_groups.value(groupId))
        fitGroup(item);
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

void DiagramScene::fitGroup(GroupItem *item)
{
    const Group *g = m_diagram->group(item->groupId());
    item->setPos(0, 0);
    item->fitAround(membersRect(item->groupId()), g ? known::zoneMargins(*g) : QMarginsF());
}

void DiagramScene::setRouting(ConnectionItem::Routing routing)
{
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

QString DiagramScene::chooseFlow(const QStringList &flows, const QPoint &screenPos)
{
    if (m_flowChooser)
        return m_flowChooser(flows, screenPos);
    QMenu menu;
    menu.setToolTipsVisible(true);
    menu.addSection(tr("Connect with flow"));
    for (const QString &f : flows) {
        QAction *a = menu.addAction(Catalog::builtin().flowLabel(f));
        a->setData(f);
        if (const FlowType *flow = Catalog::builtin().flow(f))
            a->setToolTip(flow->description);
    }
    QAction *chosen = menu.exec(screenPos);
    return chosen ? chosen->data().toString() : QString();
}

QString DiagramScene::chooseKind(const QStringList &kinds, const QStringList &flows,
                                 const QPoint &screenPos)
{
    if (m_kindChooser)
        return m_kindChooser(kinds, flows, screenPos);
    KindPickerMenu menu(kinds, flows);
    return menu.pick(screenPos);
}

void DiagramScene::reportRefusal(const QString &reason, const QPoint &screenPos)
{
    m_lastRefusal = reason;
    Q_EMIT statusMessage(tr("Not connected: %1").arg(reason));
    QToolTip::showText(screenPos, reason);
}

const DiagramScene::SelectedIds &DiagramScene::selected() const
{
    if (m_selected.valid)
        return m_selected;
    m_selected = {};
    for (const Component &c : m_diagram->components()) { // file order: stable for commands
        ComponentItem *item = m_components.value(c.id);
        if (item && item->isSelected())
            m_selected.components << c.id;
    }
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *c = qgraphicsitem_cast<ConnectionItem *>(item))
            m_selected.connections << c->connectionId();
        else if (auto *g = qgraphicsitem_cast<GroupItem *>(item))
            m_selected.groups << g->groupId();
    }
    m_selected.connections.sort();
    m_selected.groups.sort();
    m_selected.valid = true;
    return m_selected;
}

QStringList DiagramScene::selectedComponentIds() const
{
    return selected().components;
}

QStringList DiagramScene::selectedConnectionIds() const
{
    return selected().connections;
}

QStringList DiagramScene::selectedGroupIds() const
{
    return selected().groups;
}

void DiagramScene::selectIds(const QStringList &ids)
{
    QSignalBlocker blocker(this);
    clearSelection();
    for (const QString &id : ids) {
        if (QGraphicsItem *item = m_components.value(id))
            item->setSelected(true);
        else if (QGraphicsItem *c = m_connections.value(id))
            c->setSelected(true);
        else if (QGraphicsItem *g = m_groups.value(id))
            g->setSelected(true);
    }
    blocker.unblock();
    Q_EMIT selectionChanged();
}

void DiagramScene::selectEverything()
{
    // One signal for the gesture: per item, every listener would rescan the selection.
    // The item maps, not items(): that sorts every item of the scene by stacking order.
    QSignalBlocker blocker(this);
    for (ComponentItem *item : std::as_const(m_components))
        item->setSelected(true);
    for (ConnectionItem *item : std::as_const(m_connections))
        item->setSelected(true);
    for (GroupItem *item : std::as_const(m_groups))
        item->setSelected(true);
    blocker.unblock();
    Q_EMIT selectionChanged();
}

void DiagramScene::revealComponent(const QString &id)
{
    ComponentItem *item = m_components.value(id);
    if (!item)
        return;
    selectIds({id});
    for (QGraphicsView *view : views())
        view->centerOn(item);
    item->setConnectFeedback(ComponentItem::ConnectFeedback::Accepts);
    QTimer::singleShot(800, this, [this, id] {
        if (ComponentItem *it = m_components.value(id))
            it->setConnectFeedback(ComponentItem::ConnectFeedback::None);
    });
}

void DiagramScene::revealItems(const QStringList &ids)
{
    selectIds(ids);
    QRectF area;
    QStringList cards;
    for (const QString &id : ids) {
        if (ComponentItem *item = m_components.value(id)) {
            area = area.united(item->sceneBoundingRect());
            cards << id;
        } else if (ConnectionItem *c = m_connections.value(id)) {
            area = area.united(c->sceneBoundingRect());
        }
    }
    if (area.isNull())
        return;
    for (QGraphicsView *view : views())
        view->centerOn(area.center());
    for (const QString &id : std::as_const(cards))
        m_components.value(id)->setConnectFeedback(ComponentItem::ConnectFeedback::Accepts);
    QTimer::singleShot(800, this, [this, cards] {
        for (const QString &id : cards) {
            if (ComponentItem *it = m_components.value(id))
                it->setConnectFeedback(ComponentItem::ConnectFeedback::None);
        }
    });
}

void DiagramScene::setFindings(const QVector<Finding> &findings)
{
    QHash<QString, FindingBadge::Marker> markers = FindingBadge::markers(findings);
    auto apply = [this](const QString &id, const std::optional<FindingBadge::Marker> &m) {
        if (ComponentItem *item = m_components.value(id))
            item->setMarker(m);
        else if (ConnectionItem *c = m_connections.value(id))
            c->setMarker(m);
    };
    // Only the items whose badge appears, changes or goes away are touched.
    for (auto it = m_markers.constBegin(); it != m_markers.constEnd(); ++it) {
        if (!markers.contains(it.key()))
            apply(it.key(), std::nullopt);
    }
    for (auto it = markers.constBegin(); it != markers.constEnd(); ++it) {
        const auto old = m_markers.constFind(it.key());
        if (old == m_markers.constEnd() || !(*old == it.value()))
            apply(it.key(), it.value());
    }
    m_markers = std::move(markers);
}

void DiagramScene::setMarkersVisible(bool visible)
{
    if (m_markersVisible == visible)
        return;
    m_markersVisible = visible;
    update();
}

void DiagramScene::setHighlighted(const QStringList &components, const QStringList &connections)
{
    QSet<QString> next(components.begin(), components.end());
    next.unite(QSet<QString>(connections.begin(), connections.end()));
    auto apply = [this](const QString &id, bool on) {
        if (ComponentItem *item = m_components.value(id))
            item->setHighlighted(on);
        else if (ConnectionItem *c = m_connections.value(id))
            c->setHighlighted(on);
    };
    for (const QString &id : std::as_const(m_highlighted)) {
        if (!next.contains(id))
            apply(id, false);
    }
    for (const QString &id : std::as_const(next))
        apply(id, true);
    m_highlighted = std::move(next);
}

void DiagramScene::setPairColors(const QHash<QString, QColor> &colors)
{
    for (auto it = m_components.constBegin(); it != m_components.constEnd(); ++it)
        it.value()->setPairColor(colors.value(it.key()));
}

QGraphicsItem *DiagramScene::interactiveItemAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (auto *label = qgraphicsitem_cast<ConnectionLabelItem *>(item))
            return label->connection(); // a label stands for its arrow
        if (item->type() == ComponentItem::Type || item->type() == ConnectionItem::Type ||
            item->type() == GroupItem::Type)
            return item;
    }
    return nullptr;
}

ComponentItem *DiagramScene::componentAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (auto *c = qgraphicsitem_cast<ComponentItem *>(item))
            return c;
    }
    return nullptr;
}

void DiagramScene::previewMove(const QHash<QString, QPointF> &positions, const QStringList &zones,
                               const QPointF &zoneDelta)
{
    for (auto it = positions.constBegin(); it != positions.constEnd(); ++it) {
        ComponentItem *item = m_components.value(it.key());
        if (!item)
            continue;
        item->setPos(it.value());
        m_previewed.insert(it.key(), it.value());
        for (const QString &cid : m_diagram->connectionsOf(it.key())) {
            if (ConnectionItem *c = m_connections.value(cid))
                routeConnection(c);
        }
    }
    m_previewZones = zones;
    for (const QString &gid : zones) {
        if (GroupItem *g = m_groups.value(gid))
            g->setPos(zoneDelta);
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
        if (GroupItem *g = m_groups.value(gid))
            fitGroup(g);
    }
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
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
    if (auto *zone = qgraphicsitem_cast<GroupItem *>(item)) {
        event->accept();
        Q_EMIT labelEditRequested(zone->groupId());
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void DiagramScene::keyPressEvent(QKeyEvent *event)
{
    if (m_controller->key(event))
        event->accept();
    else
        QGraphicsScene::keyPressEvent(event);
}

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, m_style.canvas);
    if (!m_gridVisible)
        return;
    // A dot grid: quieter than lines. Skipped when zoomed out so far the dots would be noise.
    const qreal scale = painter->worldTransform().m11();
    if (gridSize * scale < 6)
        return;
    const qreal left = std::floor(rect.left() / gridSize) * gridSize;
    const qreal top = std::floor(rect.top() / gridSize) * gridSize;
    QVector<QPointF> dots;
    for (qreal x = left; x < rect.right(); x += gridSize) {
        for (qreal y = top; y < rect.bottom(); y += gridSize)
            dots.append(QPointF(x, y));
    }
    painter->setPen(QPen(m_style.grid, 1.6 / scale, Qt::SolidLine, Qt::RoundCap));
    painter->drawPoints(dots.constData(), int(dots.size()));
}

} // namespace mls
