// SPDX-License-Identifier: MIT
#pragma once

#include "ConnectDragTool.h"
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
///  - drag a card (or a zone by its title): move; dropping a card into or out of a zone
///    changes its membership in the same undo step;
///  - drag from a card's side handles or its border band: connect (see ConnectDragTool);
///    dropped on empty canvas, a menu offers the components that take the flow and adds one;
///  - drag an end of a selected arrow to another card: reattach it;
///  - drag a zone's border: resize it (see ZoneResizeTool);
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
        Resizing
    };

    void beginMove(const QPointF &scenePos, const QString &anchorId, const QString &zoneId);
    void finishMove();
    /// The card whose handles or border band a press at @p scenePos grabs (not when the press
    /// is on another card's body above it).
    ComponentItem *connectableCardAt(const QPointF &scenePos) const;
    /// A selected arrow whose end handle is at @p scenePos; @p source: its tail.
    QString arrowEndAt(const QPointF &scenePos, bool *source) const;
    bool beginConnectOrReattach(const QPointF &scenePos);
    void finishConnect(const QPointF &scenePos, const QPoint &screenPos);
    /// @p tail: the arrow's source end was dragged.
    void finishReattach(const ConnectDragTool::Outcome &out, bool tail, const QPoint &screenPos);
    void dropOnCanvas(const QString &source, const QPointF &scenePos, const QPoint &screenPos);
    /// The flow for a connection from a @p fromKind: @p fitting when any (@p keep if it is one
    /// of them, else asked when several), else — only when incompatible connections are
    /// allowed — what the source produces. Empty: none (refused or the menu dismissed).
    QString pickFlow(const QStringList &fitting, const QString &fromKind, const QString &keep,
                     const QString &refusal, const QPoint &screenPos);
    QStringList membershipChanges(QHash<QString, QStringList> &newMembers) const;

    DiagramScene *m_scene;
    Mode m_mode = Mode::Idle;
    QPointF m_pressPos;
    QString m_anchor;                ///< the card whose snapped position drives the move
    QString m_zone;                  ///< zone being dragged by its title, if any
    QHash<QString, QPointF> m_start; ///< component id → centre when the drag began
    QPointF m_delta;
    ConnectDragTool m_connect;
    QString m_reattach; ///< the arrow whose end is dragged (else a new connection)
    ZoneResizeTool m_resize;
};

} // namespace mls
