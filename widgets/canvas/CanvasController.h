// SPDX-License-Identifier: MIT
#pragma once

#include "ConnectGesture.h"
#include "NoteResizeTool.h"
#include "ZoneResizeTool.h"

#include <QHash>
#include <QPointF>
#include <QStringList>

class QGraphicsSceneMouseEvent;
class QKeyEvent;

namespace mls {

class DiagramScene;
class ComponentItem;

/// The board's mouse and keyboard gestures. Items never change the model: a gesture previews on
/// the items and pushes one undo command (or one macro) when it ends.
///  - drag a card, a note (or a zone by its title): move everything selected; dropping a card
///    into or out of a zone changes its membership in the same undo step;
///  - drag from a card's side handles or its border band: connect; drag an end of a selected
///    arrow to another card: reattach it (see ConnectGesture);
///  - drag a zone's border: resize it (see ZoneResizeTool); a selected note's corner grip:
///    resize the note (see NoteResizeTool);
///  - Shift-click toggles selection, as Ctrl-click does;
///  - arrow keys nudge the selection (Shift: bigger steps).
class CanvasController
{
public:
    explicit CanvasController(DiagramScene *scene);

    bool press(QGraphicsSceneMouseEvent *event);
    bool move(QGraphicsSceneMouseEvent *event);
    bool release(QGraphicsSceneMouseEvent *event);
    bool key(QKeyEvent *event);
    bool isBusy() const { return m_mode != Mode::Idle; }
    /// Abandons a gesture in progress (Escape, or the document going away).
    void cancel();

private:
    enum class Mode
    {
        Idle,
        Pending,
        Moving,
        Connecting,
        Resizing,
        ResizingNote
    };

    void beginMove(const QPointF &scenePos, const QString &anchorId, const QString &zoneId);
    void finishMove();
    QStringList membershipChanges(QHash<QString, QStringList> &newMembers) const;

    DiagramScene *m_scene;
    Mode m_mode = Mode::Idle;
    QPointF m_pressPos;
    QString m_anchor;                ///< the card or note whose snapped position drives the move
    QString m_zone;                  ///< zone being dragged by its title, if any
    QHash<QString, QPointF> m_start; ///< card → centre, note → top-left when the drag began
    QPointF m_delta;
    ConnectGesture m_connect;
    ZoneResizeTool m_resize;
    NoteResizeTool m_noteResize;
};

} // namespace mls
