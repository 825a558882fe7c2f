// SPDX-License-Identifier: MIT
#include "NoteEditor.h"

#include "NoteItem.h"

#include <QKeyEvent>
#include <QStyleOptionGraphicsItem>
#include <QTextCursor>
#include <QTextDocument>

namespace mls {

NoteEditor::NoteEditor(NoteItem *note, const QColor &ink)
    : QGraphicsTextItem(note), m_noteId(note->noteId())
{
    const Note &n = note->note();
    setFont(NoteItem::font(n.style));
    setPlainText(n.text);
    // QGraphicsTextItem adds its own document margin (4 px): the text lands where it is drawn.
    document()->setDocumentMargin(0);
    setPos(NoteItem::padding, NoteItem::padding);
    setTextWidth(qMax(1.0, n.rect.width() - 2 * NoteItem::padding));
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setDefaultTextColor(ink);
    QTextCursor all(document());
    all.select(QTextCursor::Document);
    setTextCursor(all);
}

void NoteEditor::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    QStyleOptionGraphicsItem plain(*option);
    plain.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
    QGraphicsTextItem::paint(painter, &plain, widget);
}

void NoteEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        m_done = true;
        Q_EMIT cancelled();
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        m_done = true;
        Q_EMIT committed(toPlainText());
        return;
    }
    QGraphicsTextItem::keyPressEvent(event);
}

void NoteEditor::focusOutEvent(QFocusEvent *event)
{
    QGraphicsTextItem::focusOutEvent(event);
    // A context menu of the editor itself takes the focus for a moment: not the end.
    if (event->reason() == Qt::PopupFocusReason || m_done)
        return;
    m_done = true;
    Q_EMIT committed(toPlainText());
}

} // namespace mls
