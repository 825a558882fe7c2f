// SPDX-License-Identifier: MIT
#include "NoteResizeTool.h"

#include "Diagram.h"
#include "DiagramScene.h"
#include "Limits.h"
#include "NoteItem.h"
#include "SceneNotes.h"
#include "commands/EditNoteCommand.h"

#include <algorithm>
#include <cmath>

#include <utility>

namespace mls {

QRectF NoteResizeTool::resized(const QRectF &start, const QPointF &delta, qreal grid, qreal minSize,
                               qreal maxSize)
{
    QPointF corner = start.bottomRight() + delta;
    if (grid > 0)
        corner =
            QPointF(std::round(corner.x() / grid) * grid, std::round(corner.y() / grid) * grid);
    const qreal w = std::clamp(corner.x() - start.left(), minSize, maxSize);
    const qreal h = std::clamp(corner.y() - start.top(), minSize, maxSize);
    return QRectF(start.topLeft(), QSizeF(w, h));
}

void NoteResizeTool::begin(const QString &noteId, const QPointF &scenePos)
{
    const Note *n = m_scene->diagram()->note(noteId);
    if (!n)
        return;
    m_note = noteId;
    m_pressPos = scenePos;
    m_start = n->rect;
}

QRectF NoteResizeTool::target(const QPointF &scenePos) const
{
    const Limits limits;
    const qreal grid = m_scene->snapToGrid() ? DiagramScene::gridSize : 0;
    return resized(m_start, scenePos - m_pressPos, grid, limits.minNoteSize, limits.maxNoteSize);
}

void NoteResizeTool::update(const QPointF &scenePos)
{
    if (NoteItem *item = m_scene->notes()->item(m_note))
        item->previewRect(target(scenePos));
}

QUndoCommand *NoteResizeTool::finish(const QPointF &scenePos)
{
    const QString id = std::exchange(m_note, QString());
    Diagram *d = m_scene->diagram();
    const Note *n = d->note(id);
    if (!n)
        return nullptr;
    const QRectF rect = target(scenePos);
    m_scene->notes()->endPreview();
    if (NoteItem *item = m_scene->notes()->item(id))
        item->sync(*n); // back to the model; the command moves it on
    return rect == n->rect ? nullptr : EditNoteCommand::setRect(d, id, rect);
}

void NoteResizeTool::cancel()
{
    const QString id = std::exchange(m_note, QString());
    const Note *n = m_scene->diagram()->note(id);
    if (NoteItem *item = m_scene->notes()->item(id); item && n)
        item->sync(*n);
}

} // namespace mls
