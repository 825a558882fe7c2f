#include "DiagramScene.h"

#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "Diagram.h"
#include "GroupItem.h"

#include <QPainter>
#include <QtMath>

namespace mls {

DiagramScene::DiagramScene(Diagram *diagram, QObject *parent)
    : QGraphicsScene(parent), m_diagram(diagram), m_style(CardStyle::light())
{
    // Cards move often and the index costs more than it saves below ~100k items.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(diagram, &Diagram::componentAdded, this, &DiagramScene::addComponent);
    connect(diagram, &Diagram::componentRemoved, this, &DiagramScene::removeComponent);
    connect(diagram, &Diagram::componentChanged, this, &DiagramScene::syncComponent);
    connect(diagram, &Diagram::componentMoved, this, &DiagramScene::componentMoved);
    connect(diagram, &Diagram::connectionAdded, this, &DiagramScene::addConnection);
    connect(diagram, &Diagram::connectionRemoved, this, &DiagramScene::removeConnection);
    connect(diagram, &Diagram::connectionChanged, this, &DiagramScene::syncConnection);
    connect(diagram, &Diagram::groupAdded, this, &DiagramScene::addGroup);
    connect(diagram, &Diagram::groupRemoved, this, &DiagramScene::removeGroup);
    connect(diagram, &Diagram::groupChanged, this, &DiagramScene::syncGroup);
    rebuild();
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
    addItem(item);
    m_components.insert(id, item);
}

void DiagramScene::removeComponent(const QString &id)
{
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
    if (from && to)
        item->setEnds(ComponentItem::CardRectAt(from->pos), ComponentItem::CardRectAt(to->pos));
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

void DiagramScene::fitGroup(GroupItem *item)
{
    QRectF r;
    for (const QString &m : item->members()) {
        if (const Component *c = m_diagram->component(m))
            r = r.united(ComponentItem::CardRectAt(c->pos));
    }
    item->fitAround(r);
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
