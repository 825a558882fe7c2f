#pragma once

#include <QPointF>
#include <QStringList>
#include <QUndoCommand>
#include <QVector>

namespace mls {

class Diagram;

/// Moves components to new centres. Consecutive moves of the same selection (arrow-key
/// nudges) merge into one undo step.
class MoveComponentsCommand : public QUndoCommand
{
public:
    MoveComponentsCommand(Diagram *diagram, const QStringList &ids, const QVector<QPointF> &to,
                          QUndoCommand *parent = nullptr);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    Diagram *m_diagram;
    QStringList m_ids;
    QVector<QPointF> m_from;
    QVector<QPointF> m_to;
};

} // namespace mls
