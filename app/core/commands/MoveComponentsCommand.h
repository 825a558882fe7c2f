// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QStringList>
#include <QUndoCommand>
#include <QVector>

namespace mls {

class Diagram;

/// Moves components to new centres: one undo step per gesture (a drag, an align, a layout).
/// Only arrow-key nudges merge, and only with the nudge just before them of the same selection,
/// so a burst of key presses is one step but a nudge after an align or a drag is its own.
class MoveComponentsCommand : public QUndoCommand
{
public:
    MoveComponentsCommand(Diagram *diagram, const QStringList &ids, const QVector<QPointF> &to,
                          QUndoCommand *parent = nullptr);
    /// A move by the arrow keys, which merges with the nudge of the same selection before it.
    static MoveComponentsCommand *nudge(Diagram *diagram, const QStringList &ids,
                                        const QVector<QPointF> &to);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    Diagram *m_diagram;
    QStringList m_ids;
    QVector<QPointF> m_from;
    QVector<QPointF> m_to;
    bool m_nudge = false;
};

} // namespace mls
