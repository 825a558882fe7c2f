// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QStringList>
#include <QUndoCommand>
#include <QVector>

namespace mls {

class Diagram;

/// Moves components to new centres and notes to new top-left corners: one undo step per gesture
/// (a drag, an align, a layout), for any mix of cards and notes (a zone's drag moves its
/// members). Ids that name neither are ignored.
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
    void place(const QVector<QPointF> &positions);

    Diagram *m_diagram;
    QStringList m_ids;
    QVector<QPointF> m_from;
    QVector<QPointF> m_to;
    bool m_nudge = false;
};

} // namespace mls
