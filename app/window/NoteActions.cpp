// SPDX-License-Identifier: MIT
#include "NoteActions.h"

#include "Diagram.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/NoteItem.h"
#include "canvas/SceneNotes.h"
#include "commands/EditNoteCommand.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QUndoStack>

namespace mls {

namespace {

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(colour.darker(130));
    p.setBrush(colour);
    p.drawRect(QRectF(1.5, 1.5, 13, 13));
    return QIcon(pixmap);
}

} // namespace

NoteActions::NoteActions(DiagramView *view, QWidget *window) : QObject(window), m_view(view) {}

DiagramScene *NoteActions::scene() const
{
    return m_view->diagramScene();
}

void NoteActions::populate(QMenu *menu)
{
    menu->addSeparator();
    // Ctrl+Shift+T (text) and Ctrl+Shift+K (sticky): free in every menu of the window.
    m_addText = menu->addAction(tr("Add &Note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                                this, [this] { addNote(Note::Style::Text); });
    m_addText->setObjectName(QStringLiteral("editAddNote"));
    m_addText->setStatusTip(tr("Add a free text note to the board (an annotation, not a "
                               "component: the design rules ignore it)"));
    m_addSticky =
        menu->addAction(tr("Add &Sticky Note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
                        this, [this] { addNote(Note::Style::Sticky); });
    m_addSticky->setObjectName(QStringLiteral("editAddStickyNote"));
    m_addSticky->setStatusTip(tr("Add a sticky note to the board"));
}

QString NoteActions::addNoteAt(Note::Style style, const QPointF &scenePos)
{
    DiagramScene *s = scene();
    if (!s)
        return {};
    m_view->setFocus(); // the editor takes the keyboard within the view
    return s->notes()->add(style, scenePos);
}

QString NoteActions::addNote(Note::Style style)
{
    return addNoteAt(style, m_view->mapToScene(m_view->viewport()->rect().center()));
}

void NoteActions::fillCanvasMenu(QMenu *menu, const QPointF &scenePos)
{
    if (!scene() || !scene()->undoStack())
        return;
    menu->addAction(tr("Add Note Here"), this,
                    [this, scenePos] { addNoteAt(Note::Style::Text, scenePos); })
        ->setObjectName(QStringLiteral("canvasAddNote"));
    menu->addAction(tr("Add Sticky Note Here"), this,
                    [this, scenePos] { addNoteAt(Note::Style::Sticky, scenePos); })
        ->setObjectName(QStringLiteral("canvasAddStickyNote"));
}

void NoteActions::fillNoteMenu(QMenu *menu, const QString &id)
{
    DiagramScene *s = scene();
    const Note *n = s ? s->diagram()->note(id) : nullptr;
    if (!n || !s->undoStack())
        return;
    Diagram *d = s->diagram();
    QUndoStack *stack = s->undoStack();
    menu->addAction(tr("&Edit Text"), this, [s, id] { s->notes()->edit(id); })
        ->setObjectName(QStringLiteral("noteEditText"));
    if (n->style == Note::Style::Sticky) {
        QMenu *colours = menu->addMenu(tr("&Colour"));
        colours->setObjectName(QStringLiteral("noteColourMenu"));
        const QString current = NoteItem::stickyColor(*n).name().toUpper();
        const auto palette = NoteItem::stickyPalette();
        for (int i = 0; i < palette.size(); ++i) {
            // The first colour is the default: choosing it clears the note's own colour.
            const QString colour = i == 0 ? QString() : palette[i].second;
            QAction *a = colours->addAction(
                swatch(QColor(palette[i].second)), palette[i].first, this,
                [d, stack, id, colour] { stack->push(EditNoteCommand::setColor(d, id, colour)); });
            a->setCheckable(true);
            a->setChecked(current == palette[i].second.toUpper());
        }
    }
    const bool sticky = n->style == Note::Style::Sticky;
    const Note::Style other = sticky ? Note::Style::Text : Note::Style::Sticky;
    menu->addAction(sticky ? tr("Make &Free Text") : tr("Make &Sticky Note"), this,
                    [d, stack, id, other] { stack->push(EditNoteCommand::setStyle(d, id, other)); })
        ->setObjectName(QStringLiteral("noteToggleStyle"));
}

} // namespace mls
