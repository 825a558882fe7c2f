// SPDX-License-Identifier: MIT
#pragma once

#include "Note.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace mls {

class Diagram;
class DiagramScene;
class NoteEditor;
class NoteItem;

/// The notes of a board: one NoteItem per note of the Diagram, following its signals, and the
/// in-place text editor. Adding and editing go through undo commands on the scene's stack.
class SceneNotes : public QObject
{
    Q_OBJECT
public:
    SceneNotes(DiagramScene *scene, Diagram *diagram);
    ~SceneNotes() override;

    NoteItem *item(const QString &id) const { return m_items.value(id); }
    const QHash<QString, NoteItem *> &items() const { return m_items; }
    /// Forgets every item (the scene was cleared) and adds one per note of the diagram.
    void rebuild();
    /// The bounds of every note as drawn (scene coordinates; null without notes).
    QRectF bounds() const;
    /// The selected note whose resize grip is at @p scenePos.
    NoteItem *gripAt(const QPointF &scenePos) const;

    /// During a drag: shows the note with its top-left corner at @p topLeft.
    void preview(const QString &id, const QPointF &topLeft);
    /// Puts every previewed note back where the model says.
    void endPreview();

    /// Adds a note of @p style as one undo step at the free place nearest to @p wantedCentre
    /// (never over a card or another note), selects it and opens it for editing. Its id, or
    /// empty on a read-only board.
    QString add(Note::Style style, const QPointF &wantedCentre);
    /// Opens the in-place editor on note @p id (double-click, F2).
    void edit(const QString &id);
    NoteEditor *editor() const;
    bool isEditing() const { return editor() != nullptr; }
    /// Commits the open edit, as a click outside the note does.
    void commitOpenEdit();
    /// Whether @p scenePos is on the open editor's note.
    bool editorContains(const QPointF &scenePos) const;
    /// Ends the edit, pushing the text as one undo step when it changed.
    void commitEdit(const QString &text);
    void cancelEdit();

private:
    void addItem(const QString &id);
    void removeItem(const QString &id);
    void syncItem(const QString &id);
    /// Closes the editor without a command.
    void closeEditor();

    DiagramScene *m_scene;
    Diagram *m_diagram;
    QHash<QString, NoteItem *> m_items;
    QStringList m_previewed;
    QPointer<NoteEditor> m_editor;
};

} // namespace mls
