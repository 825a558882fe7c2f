// SPDX-License-Identifier: MIT
#pragma once

#include "Note.h"

#include <QAction>
#include <QMenu>
#include <QPointF>

namespace mls {

class DiagramView;
class DiagramScene;

/// Notes on the board, from the window: Edit → Add Note (free text) and Add Sticky Note, the
/// toolbar button, and the notes' part of the board's context menu (add here, edit the text,
/// colour, switch the style). Works on whatever scene the view shows.
class NoteActions : public QObject
{
    Q_OBJECT
public:
    NoteActions(DiagramView *view, QWidget *window);
    QAction *addNoteAction() const { return m_addText; }
    QAction *addStickyAction() const { return m_addSticky; }
    /// Adds "Add Note" (Ctrl+Shift+T) and "Add Sticky Note" (Ctrl+Shift+K) to @p menu.
    void populate(QMenu *menu);

    /// Adds a note of @p style as one undo step at the free place nearest to @p scenePos and
    /// opens it for editing; its id (empty on a read-only board).
    QString addNoteAt(Note::Style style, const QPointF &scenePos);
    /// Adds a note at the free place nearest to the view's centre.
    QString addNote(Note::Style style);
    /// The empty canvas's entries: "Add Note Here", "Add Sticky Note Here" at @p scenePos.
    void fillCanvasMenu(QMenu *menu, const QPointF &scenePos);
    /// The entries for note @p id: edit its text, its colour (sticky), its style.
    void fillNoteMenu(QMenu *menu, const QString &id);

private:
    DiagramScene *scene() const;

    DiagramView *m_view;
    QAction *m_addText = nullptr;
    QAction *m_addSticky = nullptr;
};

} // namespace mls
