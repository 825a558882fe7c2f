// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>

class QUndoCommand;

namespace mls {

class DiagramScene;

/// Dragging a zone's border: the outline follows the cursor on the dragged edges, never
/// smaller than its members' cards with the standard padding; the release stores the extra
/// room in the zone (one undo step). Membership never changes.
class ZoneResizeTool
{
public:
    explicit ZoneResizeTool(DiagramScene *scene) : m_scene(scene) {}

    bool isActive() const { return !m_zone.isEmpty(); }
    void begin(const QString &zoneId, Qt::Edges edges, const QPointF &scenePos);
    void update(const QPointF &scenePos);
    /// Ends the drag; the command to push, or nullptr when the size did not change.
    QUndoCommand *finish(const QPointF &scenePos);
    void cancel();

    /// @p start with @p edges moved by @p delta, each edge stopping at @p minimum's.
    static QRectF resized(const QRectF &start, Qt::Edges edges, const QPointF &delta,
                          const QRectF &minimum);

private:
    DiagramScene *m_scene;
    QString m_zone;
    Qt::Edges m_edges;
    QPointF m_pressPos;
    QRectF m_start;   ///< the outline when the drag began (scene)
    QRectF m_minimum; ///< the outline with no extra room (scene)
};

} // namespace mls
