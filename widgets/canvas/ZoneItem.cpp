// SPDX-License-Identifier: MIT
#include "ZoneItem.h"

#include "ComponentProps.h"

#include "CardStyle.h"
#include "DiagramScene.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace mls {

namespace {
constexpr qreal titleHeight = 22;
constexpr qreal edgeGrab = 6; // px either side of the border line that grab it for a resize
} // namespace

ZoneItem::ZoneItem(const Group &g) : m_id(g.id)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(-1);
    sync(g);
}

QColor ZoneItem::colorOf(const Group &g)
{
    return known::zoneColor(g).value_or(QColor(0x64, 0x74, 0x8B));
}

void ZoneItem::sync(const Group &g)
{
    m_label = g.label;
    m_members = g.members;
    m_color = colorOf(g);
    setToolTip(QStringLiteral("Zone “%1” — %2 component(s)")
                   .arg(g.label.toHtmlEscaped())
                   .arg(g.members.size()));
    update();
}

QRectF ZoneItem::rectAround(const QRectF &membersRect)
{
    const qreal pad = CardStyle::zonePadding;
    return membersRect.isNull() ? QRectF()
                                : membersRect.adjusted(-pad, -pad - titleHeight, pad, pad);
}

void ZoneItem::fitAround(const QRectF &membersRect, const QMarginsF &margins)
{
    prepareGeometryChange();
    m_rect = membersRect.isNull() ? QRectF() : rectAround(membersRect) + margins;
    update();
}

void ZoneItem::previewRect(const QRectF &sceneRect)
{
    prepareGeometryChange();
    m_rect = sceneRect.translated(-pos());
    update();
}

Qt::Edges ZoneItem::resizeEdgesAt(const QPointF &scenePos) const
{
    const QRectF r = sceneRect();
    if (r.isNull() || !r.adjusted(-edgeGrab, -edgeGrab, edgeGrab, edgeGrab).contains(scenePos))
        return {};
    Qt::Edges edges;
    if (std::abs(scenePos.x() - r.left()) <= edgeGrab)
        edges |= Qt::LeftEdge;
    if (std::abs(scenePos.x() - r.right()) <= edgeGrab)
        edges |= Qt::RightEdge;
    if (std::abs(scenePos.y() - r.top()) <= edgeGrab)
        edges |= Qt::TopEdge;
    if (std::abs(scenePos.y() - r.bottom()) <= edgeGrab)
        edges |= Qt::BottomEdge;
    // Inside the title band only its very top line resizes; the rest of it moves the zone.
    if (edges == Qt::TopEdge && scenePos.y() > r.top() + edgeGrab / 2)
        return {};
    return edges;
}

void ZoneItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const Qt::Edges e = resizeEdgesAt(event->scenePos());
    const bool horizontal = e & (Qt::LeftEdge | Qt::RightEdge);
    const bool vertical = e & (Qt::TopEdge | Qt::BottomEdge);
    if (horizontal && vertical) {
        const bool falling =
            e == (Qt::LeftEdge | Qt::TopEdge) || e == (Qt::RightEdge | Qt::BottomEdge);
        setCursor(falling ? Qt::SizeFDiagCursor : Qt::SizeBDiagCursor);
    } else if (horizontal) {
        setCursor(Qt::SizeHorCursor);
    } else if (vertical) {
        setCursor(Qt::SizeVerCursor);
    } else {
        unsetCursor();
    }
    QGraphicsItem::hoverMoveEvent(event);
}

void ZoneItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    unsetCursor();
    QGraphicsItem::hoverLeaveEvent(event);
}

QRectF ZoneItem::boundingRect() const
{
    return m_rect.adjusted(-edgeGrab - 1, -edgeGrab - 1, edgeGrab + 1, edgeGrab + 1);
}

QRectF ZoneItem::titleRect() const
{
    return QRectF(m_rect.left(), m_rect.top(), m_rect.width(), titleHeight + 6).translated(pos());
}

QPainterPath ZoneItem::shape() const
{
    QPainterPath path;
    if (m_rect.isNull())
        return path;
    path.addRect(QRectF(m_rect.left(), m_rect.top(), m_rect.width(), titleHeight + 6));
    QPainterPath outer;
    outer.addRect(m_rect.adjusted(-edgeGrab, -edgeGrab, edgeGrab, edgeGrab));
    QPainterPath inner;
    inner.addRoundedRect(m_rect.adjusted(edgeGrab, edgeGrab, -edgeGrab, -edgeGrab), 10, 10);
    return path.united(outer.subtracted(inner));
}

void ZoneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (m_rect.isNull())
        return;
    auto *diagramScene = qobject_cast<DiagramScene *>(scene());
    const CardStyle style = diagramScene ? diagramScene->style() : CardStyle::light();
    const QColor color = style.accent(m_color);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlphaF(style.dark ? 0.12 : 0.07);
    QColor edge = color;
    edge.setAlphaF(isSelected() ? 1.0 : 0.45);
    QPen pen(isSelected() ? style.selection : edge, isSelected() ? 2 : 1.2);
    pen.setStyle(Qt::DashLine);
    if (pen.widthF() * lod < 1) // under a pixel on screen: dashes shorter than a pixel are noise
        pen = QPen(pen.color(), 0);
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, 12, 12);
    if (titleHeight * lod < 3) // a title a few pixels tall cannot be read
        return;

    QFont font = style.labelFont();
    const QFontMetricsF fm(font);
    painter->setFont(font);
    painter->setPen(style.dark ? color.lighter(120) : color.darker(130));
    const QRectF title(m_rect.left() + 12, m_rect.top() + 4, m_rect.width() - 24, titleHeight);
    painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(m_label, Qt::ElideRight, title.width()));
}

} // namespace mls
