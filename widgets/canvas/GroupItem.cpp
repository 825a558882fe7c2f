#include "GroupItem.h"

#include "ComponentProps.h"

#include "CardStyle.h"
#include "DiagramScene.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace mls {

namespace {
constexpr qreal titleHeight = 22;
}

GroupItem::GroupItem(const Group &g) : m_id(g.id)
{
    setFlag(ItemIsSelectable);
    setZValue(-1);
    sync(g);
}

QColor GroupItem::colorOf(const Group &g)
{
    return known::zoneColor(g).value_or(QColor(0x64, 0x74, 0x8B));
}

void GroupItem::sync(const Group &g)
{
    m_label = g.label;
    m_members = g.members;
    m_color = colorOf(g);
    setToolTip(QStringLiteral("Zone “%1” — %2 component(s)")
                   .arg(g.label.toHtmlEscaped())
                   .arg(g.members.size()));
    update();
}

void GroupItem::fitAround(const QRectF &membersRect)
{
    prepareGeometryChange();
    const qreal pad = CardStyle::zonePadding;
    m_rect =
        membersRect.isNull() ? QRectF() : membersRect.adjusted(-pad, -pad - titleHeight, pad, pad);
    update();
}

QRectF GroupItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2);
}

QRectF GroupItem::titleRect() const
{
    return QRectF(m_rect.left(), m_rect.top(), m_rect.width(), titleHeight + 6).translated(pos());
}

QPainterPath GroupItem::shape() const
{
    QPainterPath path;
    if (m_rect.isNull())
        return path;
    path.addRect(QRectF(m_rect.left(), m_rect.top(), m_rect.width(), titleHeight + 6));
    QPainterPath outer;
    outer.addRoundedRect(m_rect.adjusted(-3, -3, 3, 3), 14, 14);
    QPainterPath inner;
    inner.addRoundedRect(m_rect.adjusted(4, 4, -4, -4), 10, 10);
    return path.united(outer.subtracted(inner));
}

void GroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_rect.isNull())
        return;
    auto *diagramScene = qobject_cast<DiagramScene *>(scene());
    const CardStyle style = diagramScene ? diagramScene->style() : CardStyle::light();
    const QColor color = style.accent(m_color);
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlphaF(style.dark ? 0.12 : 0.07);
    QColor edge = color;
    edge.setAlphaF(isSelected() ? 1.0 : 0.45);
    QPen pen(isSelected() ? style.selection : edge, isSelected() ? 2 : 1.2);
    pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, 12, 12);

    QFont font = style.labelFont();
    const QFontMetricsF fm(font);
    painter->setFont(font);
    painter->setPen(style.dark ? color.lighter(120) : color.darker(130));
    const QRectF title(m_rect.left() + 12, m_rect.top() + 4, m_rect.width() - 24, titleHeight);
    painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(m_label, Qt::ElideRight, title.width()));
}

} // namespace mls
