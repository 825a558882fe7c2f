// SPDX-License-Identifier: MIT
#pragma once

#include "../Component.h"
#include "../Connection.h"
#include "../Group.h"
#include "../Note.h"

#include <QStringList>
#include <QUndoCommand>

#include <vector>

namespace mls {

class Diagram;

/// Deletes components (with every connection touching them), connections, zones and notes; undo
/// puts each back at its file position, so the saved file is restored byte for byte.
class RemoveItemsCommand : public QUndoCommand
{
public:
    /// Ids that do not exist are ignored; @p text defaults to "Delete 2 components, 1 connection".
    RemoveItemsCommand(Diagram *diagram, const QStringList &componentIds,
                       const QStringList &connectionIds, const QStringList &groupIds = {},
                       const QStringList &noteIds = {}, const QString &text = {},
                       QUndoCommand *parent = nullptr);

    /// "Ungroup “Online serving”": removes the zone, keeps its members.
    static RemoveItemsCommand *ungroup(Diagram *diagram, const QString &groupId);

    void redo() override;
    void undo() override;

private:
    template <typename T> struct Placed
    {
        int index;
        T item;
    };

    Diagram *m_diagram;
    std::vector<Placed<Component>> m_components;   ///< ascending file index
    std::vector<Placed<Connection>> m_connections; ///< ascending file index
    std::vector<Placed<Group>> m_groups;           ///< ascending file index
    std::vector<Placed<Note>> m_notes;             ///< ascending file index
    std::vector<Group> m_trimmedGroups;            ///< zones that lose members: state before
};

} // namespace mls
