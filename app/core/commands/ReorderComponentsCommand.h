// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QUndoCommand>
#include <QVector>

namespace mls {

class Diagram;

/// Brings components to the front or sends them to the back. The file order is the paint
/// order, so this moves them to the end or the start of the component list.
class ReorderComponentsCommand : public QUndoCommand
{
public:
    enum class Where
    {
        Front,
        Back
    };

    ReorderComponentsCommand(Diagram *diagram, const QStringList &ids, Where where,
                             QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Diagram *m_diagram;
    QStringList m_ids;     ///< in ascending original index
    QVector<int> m_before; ///< original indexes, ascending
    Where m_where;
};

} // namespace mls
