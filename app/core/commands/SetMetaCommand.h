// SPDX-License-Identifier: MIT
#pragma once

#include "../Meta.h"

#include <QUndoCommand>

namespace mls {

class Diagram;

/// Changes the diagram's title, latency budget or notes. Consecutive edits merge.
class SetMetaCommand : public QUndoCommand
{
public:
    SetMetaCommand(Diagram *diagram, const Meta &after, QUndoCommand *parent = nullptr);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    Diagram *m_diagram;
    Meta m_before;
    Meta m_after;
};

} // namespace mls
