// SPDX-License-Identifier: MIT
#include "NoteItem.h"

#include "DiagramScene.h"

#include <QCoreApplication>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>
#include <QTextLayout>

#include <cmath>
#include <utility>

namespace mls {

namespace {
constexpr qreal shadowOffset = 3;
constexpr int textFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
} // namespace

NoteItem::NoteItem(const Note &n)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(0); // above zones (-1), below arrows (0.5) and cards (1..2)
    sync(n);
}

void NoteItem::sync(const Note &n)
{
    prepareGeometryChange();
    m_note = n;
    setPos(n.rect.topLeft());
    update();
}

QColor NoteItem::stickyColor(const Note &n)
{
    const QColor own(n.color);
    return n.color.isEmpty() || !own.isValid() ? QColor(stickyPalette().first().second) : own;
}

QList<QPair<QString, QString>> NoteItem::stickyPalette()
{
    return {{QStringLiteral("Yellow"), QStringLiteral("#FFF1A8")},
            {QStringLiteral("Orange"), QStringLiteral("#FFD8A8")},
            {QStringLiteral("Pink"), QStringLiteral("#FBCFE8")},
            {QStringLiteral("Green"), QStringLiteral("#C7F0C9")},
            {QStringLiteral("Blue"), QStringLiteral("#C9E2FF")},
            {QStringLiteral("Purple"), QStringLiteral("#DDD6FE")}};
}

QFont NoteItem::font(Note::Style style)
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(style == Note::Style::Sticky ? 13 : 15); // scene px: the same at any DPI
    return f;
}

QColor NoteItem::ink(Note::Style noteStyle, const QColor &boardText)
{
    return noteStyle == Note::Style::Sticky ? QColor(0x1F, 0x29, 0x37) : boardText;
}

QStringList NoteItem::wrapLines(const QString &text, const QFont &font, qreal width)
{
    QStringList lines;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QTextLayout layout(paragraph, font);
        QTextOption option(Qt::AlignLeft);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        const qsizetype before = lines.size();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            lines << paragraph.mid(line.textStart(), line.textLength());
        }
        layout.endLayout();
        if (lines.size() == before) // an empty line is a line
            lines << QString();
    }
    return lines;
}

qreal NoteItem::heightFor(const QString &text, qreal width, Note::Style style)
{
    const QFont f = font(style);
    const qreal inner = qMax(1.0, width - 2 * padding);
    const qsizetype lines = wrapLines(text, f, inner).size();
    return std::ceil(lines * QFontMetricsF(f).lineSpacing() + 2 * padding);
}

bool NoteItem::editable() const
{
    auto *s = qobject_cast<DiagramScene *>(scene());
    return s && s->undoStack();
}

QRectF NoteItem::gripRect() const
{
    const QRectF r = localRect();
    return QRectF(r.right() - gripSize, r.bottom() - gripSize, gripSize, gripSize);
}

bool NoteItem::gripContains(const QPointF &scenePos) const
{
    return isSelected() && gripRect().adjusted(-3, -3, 3, 3).contains(mapFromScene(scenePos));
}

void NoteItem::previewRect(const QRectF &sceneRect)
{
    prepareGeometryChange();
    m_note.rect.setSize(sceneRect.size());
    setPos(sceneRect.topLeft());
    update();
}

void NoteItem::setEditing(bool editing)
{
    m_editing = editing;
    update();
}

QRectF NoteItem::boundingRect() const
{
    // The shadow below and right, the selection outline and the grip's hit margin around.
    return localRect().adjusted(-4, -4, shadowOffset + 4, shadowOffset + 4);
}

QPainterPath NoteItem::shape() const
{
    QPainterPath path;
    path.addRect(localRect());
    return path;
}

void NoteItem::paintSticky(QPainter *painter) const
{
    const QRectF r = localRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 28)); // a soft shadow: two offset layers
    painter->drawRoundedRect(r.translated(shadowOffset, shadowOffset), 3, 3);
    painter->setBrush(QColor(0, 0, 0, 18));
    painter->drawRoundedRect(r.translated(1, 1.5), 3, 3);
    const QColor fill = stickyColor(m_note);
    painter->setBrush(fill);
    painter->setPen(QPen(fill.darker(118), 1));
    painter->drawRoundedRect(r, 3, 3);
}

void NoteItem::paintText(QPainter *painter, const QColor &ink) const
{
    const QRectF inner = localRect().adjusted(padding, padding, -padding, -padding);
    painter->setFont(font(m_note.style));
    if (m_note.text.isEmpty()) {
        if (!editable())
            return;
        QColor hint = ink;
        hint.setAlphaF(0.45);
        painter->setPen(hint);
        painter->drawText(inner, textFlags,
                          QCoreApplication::translate("mls::NoteItem", "Double-click to write"));
        return;
    }
    // Whole lines only: a note smaller than its text ends its last line with "…".
    const QFontMetricsF fm(painter->font());
    QStringList lines = wrapLines(m_note.text, painter->font(), inner.width());
    const int fit = qMax(1, int((inner.height() + fm.leading()) / fm.lineSpacing()));
    if (lines.size() > fit) {
        lines = lines.mid(0, fit);
        lines.last() =
            fm.elidedText(lines.last().trimmed() + QChar(0x2026), Qt::ElideRight, inner.width());
    }
    painter->setPen(ink);
    for (int i = 0; i < lines.size(); ++i)
        painter->drawText(QPointF(inner.left(), inner.top() + i * fm.lineSpacing() + fm.ascent()),
                          lines[i].trimmed());
}

void NoteItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    auto *s = qobject_cast<DiagramScene *>(scene());
    const CardStyle style = s ? s->style() : CardStyle::light();
    const bool sticky = m_note.style == Note::Style::Sticky;
    painter->setRenderHint(QPainter::Antialiasing);
    if (sticky)
        paintSticky(painter);
    if (!m_editing)
        paintText(painter, ink(m_note.style, style.text));
    const bool selected = option->state & QStyle::State_Selected;
    painter->setBrush(Qt::NoBrush);
    if (selected) {
        painter->setPen(QPen(style.selection, 2, sticky ? Qt::SolidLine : Qt::DashLine));
        painter->drawRect(localRect().adjusted(-2, -2, 2, 2));
    } else if (!sticky && m_hovered && editable()) {
        painter->setPen(QPen(style.subtleText, 1, Qt::DashLine));
        painter->drawRect(localRect());
    }
    if (selected && editable()) {
        const QRectF g = gripRect();
        painter->setPen(Qt::NoPen);
        painter->setBrush(style.selection);
        painter->drawPolygon(QPolygonF{g.topRight(), g.bottomRight(), g.bottomLeft()});
    }
}

void NoteItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    if (!std::exchange(m_hovered, true))
        update();
    setCursor(gripContains(event->scenePos()) ? Qt::SizeFDiagCursor : Qt::ArrowCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

void NoteItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    unsetCursor();
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace mls
