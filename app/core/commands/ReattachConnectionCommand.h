// SPDX-License-Identifier: MIT
#pragma once

#include "../Connection.h"

#include <QUndoCommand>

namespace mls {

class Diagram;

/// Moves one or both ends of a connection to other components (dragging an arrow's end), and
/// the flow with them when the old one no longer fits. Keeps the id, label, waivers and the
/// connection's place in the file order; the auto-layout route is dropped (it joined the old
/// ends).
class ReattachConnectionCommand : public QUndoCommand
{
public:
    ReattachConnectionCommand(Diagram *diagram, const QString &id, const QString &from,
                              const QString &to, const QString &flow,
                              QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void replace(const Connection &with);

    Diagram *m_diagram;
    int m_index = -1;
    Connection m_before;
    Connection m_after;
};

} // namespace mls
