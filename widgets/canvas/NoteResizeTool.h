// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>

class QUndoCommand;

namespace mls {

class DiagramScene;

/// Dragging a selected note's grip (its bottom-right corner): the top-left corner stays, the
/// size follows the cursor on the grid when snapping is on, within the notes' size limits; the
/// release pushes one "Resize note" step.
class NoteResizeTool
{
public:
    explicit NoteResizeTool(DiagramScene *scene) : m_scene(scene) {}

    void begin(const QString &noteId, const QPointF &scenePos);
    void update(const QPointF &scenePos);
    /// Ends the drag; the command to push, or nullptr when the size did not change.
    QUndoCommand *finish(const QPointF &scenePos);
    void cancel();

    /// @p start with its bottom-right corner moved by @p delta, snapped by @p grid (0: not),
    /// each side within [@p minSize, @p maxSize].
    static QRectF resized(const QRectF &start, const QPointF &delta, qreal grid, qreal minSize,
                          qreal maxSize);

private:
    QRectF target(const QPointF &scenePos) const;

    DiagramScene *m_scene;
    QString m_note;
    QPointF m_pressPos;
    QRectF m_start; ///< the note's outline when the drag began (scene)
};

} // namespace mls
