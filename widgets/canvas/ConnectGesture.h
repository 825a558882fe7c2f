// SPDX-License-Identifier: MIT
#pragma once

#include "ConnectDragTool.h"

#include <QPoint>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace mls {

class DiagramScene;

/// Drawing and reattaching arrows. A drag from a card's side handles or its border band
/// connects (see ConnectDragTool); dropped on empty canvas, a menu offers the components that
/// take the flow and adds one. A drag of a selected arrow's end to another card reattaches it.
/// Each gesture pushes one undo command when it ends.
class ConnectGesture
{
public:
    explicit ConnectGesture(DiagramScene *scene);

    /// Starts when @p scenePos is on a selected arrow's end handle or a card's handles or
    /// border band (they win over the arrows and labels beneath or above them).
    bool begin(const QPointF &scenePos);
    void update(const QPointF &scenePos);
    /// Ends the drag at @p scenePos, asking for a flow or a kind at @p screenPos when needed.
    void finish(const QPointF &scenePos, const QPoint &screenPos);
    void cancel();

private:
    /// A selected arrow whose end handle is at @p scenePos; @p source: its tail.
    QString arrowEndAt(const QPointF &scenePos, bool *source) const;
    /// @p tail: the arrow's source end was dragged.
    void finishReattach(const ConnectDragTool::Outcome &out, bool tail, const QPoint &screenPos);
    void dropOnCanvas(const QString &source, const QPointF &scenePos, const QPoint &screenPos);
    /// The flow for a connection from a @p fromKind: @p fitting when any (@p keep if it is one
    /// of them, else asked when several), else — only when incompatible connections are
    /// allowed — what the source produces. Empty: none (refused or the menu dismissed).
    QString pickFlow(const QStringList &fitting, const QString &fromKind, const QString &keep,
                     const QString &refusal, const QPoint &screenPos);

    DiagramScene *m_scene;
    ConnectDragTool m_connect;
    QPointF m_pressPos;
    QString m_reattach; ///< the arrow whose end is dragged (else a new connection)
};

} // namespace mls
