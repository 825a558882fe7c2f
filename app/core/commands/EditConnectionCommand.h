// SPDX-License-Identifier: MIT
#pragma once

#include "../Connection.h"

#include <QUndoCommand>

namespace mls {

class Diagram;

/// Changes a connection's flow, label or waivers; its ends never change.
class EditConnectionCommand : public QUndoCommand
{
public:
    enum class Field
    {
        Flow,
        Label,
        Waivers
    };

    EditConnectionCommand(Diagram *diagram, const Connection &after, Field field,
                          QUndoCommand *parent = nullptr);

    static EditConnectionCommand *setFlow(Diagram *d, const QString &id, const QString &flow);
    static EditConnectionCommand *setLabel(Diagram *d, const QString &id, const QString &label);
    static EditConnectionCommand *setWaivers(Diagram *d, const QString &id,
                                             const QVector<Waiver> &waivers);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    Diagram *m_diagram;
    Field m_field;
    Connection m_before;
    Connection m_after;
};

} // namespace mls
