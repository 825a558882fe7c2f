// SPDX-License-Identifier: MIT
#include "SceneNotes.h"

#include "CardGeometry.h"
#include "Diagram.h"
#include "DiagramScene.h"
#include "FreeSpot.h"
#include "Limits.h"
#include "NoteEditor.h"
#include "NoteItem.h"
#include "NoteJson.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditNoteCommand.h"

#include <QUndoStack>
#include <QVector>

#include <utility>

namespace mls {

SceneNotes::SceneNotes(DiagramScene *scene, Diagram *diagram)
    : QObject(scene), m_scene(scene), m_diagram(diagram)
{
    connect(diagram, &Diagram::noteAdded, this, &SceneNotes::addItem);
    connect(diagram, &Diagram::noteRemoved, this, &SceneNotes::removeItem);
    connect(diagram, &Diagram::noteChanged, this, &SceneNotes::syncItem);
}

SceneNotes::~SceneNotes() = default;

void SceneNotes::rebuild()
{
    m_items.clear(); // the scene deleted them
    m_previewed.clear();
    for (const Note &n : m_diagram->notes())
        addItem(n.id);
}

void SceneNotes::addItem(const QString &id)
{
    const Note *n = m_diagram->note(id);
    if (!n || m_items.contains(id))
        return;
    auto *item = new NoteItem(*n);
    m_scene->addItem(item);
    m_items.insert(id, item);
}

void SceneNotes::removeItem(const QString &id)
{
    m_previewed.removeAll(id);
    delete m_items.take(id); // an editor on it goes with it
}

void SceneNotes::syncItem(const QString &id)
{
    if (NoteItem *item = m_items.value(id))
        item->sync(*m_diagram->note(id));
}

QRectF SceneNotes::bounds() const
{
    QRectF r;
    for (const NoteItem *item : m_items)
        r |= item->sceneBoundingRect();
    return r;
}

NoteItem *SceneNotes::gripAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : m_scene->items(scenePos)) {
        auto *note = qgraphicsitem_cast<NoteItem *>(item);
        if (note && note->gripContains(scenePos))
            return note;
    }
    return nullptr;
}

void SceneNotes::preview(const QString &id, const QPointF &topLeft)
{
    if (NoteItem *item = m_items.value(id)) {
        item->setPos(topLeft);
        if (!m_previewed.contains(id))
            m_previewed << id;
    }
}

void SceneNotes::endPreview()
{
    for (const QString &id : std::exchange(m_previewed, {}))
        syncItem(id);
}

QString SceneNotes::add(Note::Style style, const QPointF &wantedCentre)
{
    QUndoStack *stack = m_scene->undoStack();
    if (!stack)
        return {};
    const bool sticky = style == Note::Style::Sticky;
    const QSizeF size = sticky ? QSizeF(NoteJson::stickySize, NoteJson::stickySize)
                               : QSizeF(NoteJson::textWidth, NoteJson::textHeight);
    const QRectF wanted(m_scene->snapped(wantedCentre - QPointF(size.width(), size.height()) / 2),
                        size);
    QVector<QRectF> occupied;
    for (const Component &c : m_diagram->components())
        occupied << CardGeometry::rect(c);
    for (const Note &other : m_diagram->notes())
        occupied << other.rect;
    const qreal grid = DiagramScene::gridSize;
    Note n;
    n.id = m_diagram->uniqueId(QStringLiteral("n"));
    n.style = style;
    n.rect = QRectF(FreeSpot::nearestFree(occupied, wanted, grid, grid), size);
    stack->push(AddItemsCommand::addNote(m_diagram, n));
    m_scene->selectIds({n.id});
    edit(n.id);
    return n.id;
}

void SceneNotes::edit(const QString &id)
{
    NoteItem *item = m_items.value(id);
    if (!item || !m_scene->undoStack())
        return;
    commitOpenEdit(); // the other note's edit
    closeEditor();
    m_editor = new NoteEditor(item, NoteItem::ink(item->note().style, m_scene->style().text));
    item->setEditing(true);
    connect(m_editor, &NoteEditor::committed, this, &SceneNotes::commitEdit);
    connect(m_editor, &NoteEditor::cancelled, this, &SceneNotes::cancelEdit);
    m_editor->setFocus(Qt::OtherFocusReason);
}

NoteEditor *SceneNotes::editor() const
{
    return m_editor.data();
}

void SceneNotes::commitOpenEdit()
{
    if (m_editor)
        m_editor->clearFocus(); // the editor commits when it loses the focus
}

bool SceneNotes::editorContains(const QPointF &scenePos) const
{
    auto *item = m_editor ? qgraphicsitem_cast<NoteItem *>(m_editor->parentItem()) : nullptr;
    return item && (item->sceneNoteRect().contains(scenePos) ||
                    m_editor->sceneBoundingRect().contains(scenePos));
}

void SceneNotes::commitEdit(const QString &edited)
{
    if (!m_editor)
        return;
    const QString id = m_editor->noteId();
    closeEditor();
    const Note *n = m_diagram->note(id);
    QUndoStack *stack = m_scene->undoStack();
    if (!n || !stack)
        return;
    // What a file may hold: a longer text would make the design unsaveable.
    const QString text = edited.left(Limits().maxNoteText);
    const qreal fit = NoteItem::heightFor(text, n->rect.width(), n->style);
    if (EditNoteCommand *cmd = EditNoteCommand::setText(m_diagram, id, text, fit)) {
        if (cmd->isObsolete())
            delete cmd;
        else
            stack->push(cmd);
    }
}

void SceneNotes::cancelEdit()
{
    closeEditor();
}

void SceneNotes::closeEditor()
{
    NoteEditor *editor = m_editor;
    if (!editor)
        return;
    m_editor = nullptr;
    if (auto *item = qgraphicsitem_cast<NoteItem *>(editor->parentItem()))
        item->setEditing(false);
    editor->hide();
    editor->deleteLater(); // it may be inside its own key or focus handler
}

} // namespace mls
