// SPDX-License-Identifier: MIT
#pragma once

#include "../ConnectionRoute.h"

#include <QStringList>
#include <QUndoCommand>
#include <QVector>

namespace mls {

class Diagram;

/// Sets the auto-layout routes of some connections (an empty route clears one). Used as a child
/// of the "Auto layout" command, so undoing the layout takes its routes away again.
class SetRoutesCommand : public QUndoCommand
{
public:
    SetRoutesCommand(Diagram *diagram, const QStringList &ids,
                     const QVector<ConnectionRoute> &routes, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Diagram *m_diagram;
    QStringList m_ids;
    QVector<ConnectionRoute> m_before;
    QVector<ConnectionRoute> m_after;
};

} // namespace mls
