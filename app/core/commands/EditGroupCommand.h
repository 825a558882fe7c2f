// SPDX-License-Identifier: MIT
#pragma once

#include "EditElementCommand.h"

#include <QMarginsF>

namespace mls {

/// Renames a zone or changes its members or colour.
class EditGroupCommand : public EditElementCommand<Group>
{
public:
    EditGroupCommand(Diagram *diagram, const Group &after, const QString &text,
                     QUndoCommand *parent = nullptr);

    static EditGroupCommand *rename(Diagram *d, const QString &id, const QString &label);
    static EditGroupCommand *setMembers(Diagram *d, const QString &id, const QStringList &members);
    /// Sets the zone colour ("#RRGGBB", saved as the group's "color" field).
    static EditGroupCommand *setColor(Diagram *d, const QString &id, const QString &color);
    /// Resizes the zone: @p margins is its room beyond the members (see known::zoneMargins).
    static EditGroupCommand *setMargins(Diagram *d, const QString &id, const QMarginsF &margins);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
};

} // namespace mls
