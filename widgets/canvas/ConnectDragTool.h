// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QString>
#include <QStringList>

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;
class QGraphicsRectItem;

namespace mls {

class DiagramScene;
class ComponentItem;

/// The rubber arrow drawn while dragging from a card's connection handle, or an end of an
/// arrow to another card. While it moves, the card under the cursor shows whether the
/// connection is possible and which flow it carries.
class ConnectDragTool
{
public:
    explicit ConnectDragTool(DiagramScene *scene);
    ~ConnectDragTool();

    /// What a drop would connect.
    struct Outcome
    {
        QString target;    ///< component id under the cursor (the new end); empty when none
        QStringList flows; ///< the flows that fit (source.produces ∩ target.consumes)
        QString refusal;   ///< why nothing fits, in words, when flows is empty
    };

    bool isActive() const { return !m_source.isEmpty(); }
    /// The card the drag is anchored to (the end that stays).
    const QString &source() const { return m_source; }
    /// With @p anchorIsTarget the anchor is the arrow's target and the card under the cursor
    /// would become its source (dragging an arrow's tail).
    void begin(const QString &anchorId, const QPointF &scenePos, bool anchorIsTarget = false);
    bool anchorIsTarget() const { return m_anchorIsTarget; }
    void update(const QPointF &scenePos);
    /// Ends the drag and tells what a drop at @p scenePos means.
    Outcome finish(const QPointF &scenePos);
    void cancel();

    /// "Model registry produces model; Client consumes predictions, candidates"
    static QString refusalText(const QString &fromKind, const QString &toKind);

private:
    Outcome evaluate(const QPointF &scenePos) const;
    void setTarget(const QString &id, int feedback);

    DiagramScene *m_scene;
    QString m_source;
    bool m_anchorIsTarget = false;
    QString m_target;
    QGraphicsPathItem *m_line = nullptr;
    QGraphicsRectItem *m_hintBox = nullptr;
    QGraphicsSimpleTextItem *m_hint = nullptr;
};

} // namespace mls
