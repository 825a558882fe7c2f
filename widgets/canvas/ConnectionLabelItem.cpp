// SPDX-License-Identifier: MIT
#include "ConnectionLabelItem.h"

#include "CardGeometry.h"
#include "CardStyle.h"
#include "ConnectionItem.h"
#include "DiagramScene.h"

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace mls {

namespace {
constexpr qreal padX = 5; ///< space between the text and the pill's side
constexpr qreal padY = 2;

QFont labelFont()
{
    return CardStyle::light().kindFont(); // the same in every style
}
} // namespace

ConnectionLabelItem::ConnectionLabelItem(ConnectionItem *owner) : m_owner(owner)
{
    setZValue(zLevel);
}

ConnectionLabelItem::~ConnectionLabelItem()
{
    // The scene may delete the label before its connection (QGraphicsScene::clear).
    if (m_owner)
        m_owner->m_labelItem = nullptr;
}

void ConnectionLabelItem::setText(const QString &text)
{
    if (text == m_text && !m_size.isEmpty())
        return;
    prepareGeometryChange();
    m_text = text;
    const QFontMetricsF fm(labelFont());
    const QStringList lines = CardGeometry::wrap(
        text, maxTextWidth, [&fm](QChar ch) { return fm.horizontalAdvance(ch); });
    m_shown = lines.join(QLatin1Char('\n'));
    qreal widest = 0;
    for (const QString &line : lines)
        widest = std::max(widest, fm.horizontalAdvance(line));
    // ceil: the text is centred in whole pixels of room, never cut at either end.
    m_size = QSizeF(std::ceil(widest) + 2 * padX,
                    std::ceil(fm.lineSpacing() * std::max<qsizetype>(1, lines.size())) + 2 * padY);
    update();
}

void ConnectionLabelItem::setCentre(const QPointF &centre)
{
    setPos(centre - QPointF(m_size.width() / 2, m_size.height() / 2));
    if (auto *board = qobject_cast<DiagramScene *>(scene()))
        board->growSceneRect(sceneBoundingRect());
}

QRectF ConnectionLabelItem::sceneRectAt(const QPointF &centre) const
{
    return QRectF(centre - QPointF(m_size.width() / 2, m_size.height() / 2), m_size);
}

QRectF ConnectionLabelItem::boundingRect() const
{
    return QRectF(QPointF(), m_size).adjusted(-1, -1, 1, 1); // the border's pen
}

void ConnectionLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                                QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < hiddenBelowLod)
        return;
    auto *diagramScene = qobject_cast<DiagramScene *>(scene());
    const CardStyle style = diagramScene ? diagramScene->style() : CardStyle::light();
    const QRectF box(QPointF(), m_size);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(style.canvas);
    painter->setPen(QPen(m_owner ? m_owner->strokeColor(style) : style.unknown, 1));
    painter->drawRoundedRect(box, 4, 4);
    painter->setFont(labelFont());
    painter->setPen(style.text);
    painter->drawText(box, Qt::AlignCenter, m_shown);
}

void ConnectionLabelItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    // Clicking the label is clicking the arrow: it selects the connection (Shift/Ctrl toggles).
    if (event->button() != Qt::LeftButton || !m_owner) {
        event->ignore();
        return;
    }
    if (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)) {
        m_owner->setSelected(!m_owner->isSelected());
    } else if (!m_owner->isSelected() || (scene() && scene()->selectedItems().size() > 1)) {
        if (scene())
            scene()->clearSelection();
        m_owner->setSelected(true);
    }
    event->accept();
}

} // namespace mls
