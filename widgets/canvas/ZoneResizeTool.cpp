// SPDX-License-Identifier: MIT
#include "ZoneResizeTool.h"

#include "DiagramScene.h"
#include "ZoneItem.h"
#include "commands/EditGroupCommand.h"

#include <algorithm>

namespace mls {

QRectF ZoneResizeTool::resized(const QRectF &start, Qt::Edges edges, const QPointF &delta,
                               const QRectF &minimum)
{
    QRectF r = start;
    if (edges & Qt::LeftEdge)
        r.setLeft(std::min(start.left() + delta.x(), minimum.left()));
    if (edges & Qt::RightEdge)
        r.setRight(std::max(start.right() + delta.x(), minimum.right()));
    if (edges & Qt::TopEdge)
        r.setTop(std::min(start.top() + delta.y(), minimum.top()));
    if (edges & Qt::BottomEdge)
        r.setBottom(std::max(start.bottom() + delta.y(), minimum.bottom()));
    return r;
}

void ZoneResizeTool::begin(const QString &zoneId, Qt::Edges edges, const QPointF &scenePos)
{
    ZoneItem *zone = m_scene->zoneItem(zoneId);
    if (!zone)
        return;
    m_zone = zoneId;
    m_edges = edges;
    m_pressPos = scenePos;
    m_start = zone->sceneRect();
    m_minimum = ZoneItem::rectAround(m_scene->membersRect(zoneId));
}

void ZoneResizeTool::update(const QPointF &scenePos)
{
    if (ZoneItem *zone = m_scene->zoneItem(m_zone))
        zone->previewRect(resized(m_start, m_edges, scenePos - m_pressPos, m_minimum));
}

QUndoCommand *ZoneResizeTool::finish(const QPointF &scenePos)
{
    const QString zone = m_zone;
    const QRectF r = resized(m_start, m_edges, scenePos - m_pressPos, m_minimum);
    const bool changed = r != m_start && !m_minimum.isNull();
    cancel();
    if (!changed)
        return nullptr;
    const QMarginsF room(m_minimum.left() - r.left(), m_minimum.top() - r.top(),
                         r.right() - m_minimum.right(), r.bottom() - m_minimum.bottom());
    return EditGroupCommand::setMargins(m_scene->diagram(), zone, room);
}

void ZoneResizeTool::cancel()
{
    if (!m_zone.isEmpty())
        m_scene->refitZone(m_zone); // back to what the model says
    m_zone.clear();
}

} // namespace mls
