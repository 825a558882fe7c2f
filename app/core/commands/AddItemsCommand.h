// SPDX-License-Identifier: MIT
#pragma once

#include "../Fragment.h"

#include <QUndoCommand>

namespace mls {

class Diagram;

/// Appends components, connections, zones and notes to the diagram; undo removes them again.
/// Adding a component or a note, connecting, grouping and pasting are all this one operation.
class AddItemsCommand : public QUndoCommand
{
public:
    AddItemsCommand(Diagram *diagram, Fragment items, const QString &text,
                    QUndoCommand *parent = nullptr);

    /// "Add Vector DB"
    static AddItemsCommand *addComponent(Diagram *diagram, const Component &c);
    /// "Connect A → B (features)"
    static AddItemsCommand *connect(Diagram *diagram, const Connection &c);
    /// A new component and a connection to or from it, as one step: "Add Feature store,
    /// connect from “Stream” (features)".
    static AddItemsCommand *addConnected(Diagram *diagram, const Component &c,
                                         const Connection &connection);
    /// "Group 3 components into “Online serving”"
    static AddItemsCommand *group(Diagram *diagram, const Group &g);
    /// "Add note" / "Add sticky note"
    static AddItemsCommand *addNote(Diagram *diagram, const Note &n);
    /// Pastes a fragment read from clipboard bytes at @p offset with fresh ids; nullptr and
    /// @p error when the bytes are not a readable fragment.
    static AddItemsCommand *paste(Diagram *diagram, const QByteArray &bytes, const QPointF &offset,
                                  QString *error);

    const Fragment &items() const { return m_items; }
    /// Ids of the added components, e.g. to select what was pasted.
    QStringList componentIds() const;
    /// Ids of the added components and notes (what a paste selects).
    QStringList itemIds() const;

    void redo() override;
    void undo() override;

private:
    Diagram *m_diagram;
    Fragment m_items;
};

} // namespace mls
