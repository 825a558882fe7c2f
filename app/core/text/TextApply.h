// SPDX-License-Identifier: MIT
#pragma once

#include "Diagram.h"

#include <QString>
#include <QUndoCommand>

#include <vector>

namespace mls {

/// A whole design, by value: what one text edit turns the document into.
struct DesignSnapshot
{
    Meta meta;
    Json extra = Json::object();
    std::vector<Component> components;
    std::vector<Connection> connections;
    std::vector<Group> groups;

    static DesignSnapshot of(const Diagram &d);
    /// Changes @p d into this snapshot with the fewest primitive edits (elements that stay
    /// keep their place, so views keep their items).
    void applyTo(Diagram &d) const;
};

/// One undo step "Edit as text": the document before and after an edit of the Text dock.
class ApplyTextCommand : public QUndoCommand
{
public:
    ApplyTextCommand(Diagram *diagram, DesignSnapshot after, const QString &text,
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Diagram *m_diagram;
    DesignSnapshot m_before;
    DesignSnapshot m_after;
};

/// Turns a parsed text design into an edit of the open document: components whose id
/// survives keep their position; a component renamed in the text (an id gone and a new one
/// of the same kind with the same connections) keeps its position, notes and place; new
/// components are placed by Graphviz beside their neighbours with every existing card pinned.
class TextApply
{
public:
    /// The document @p current would become; @p renames receives "old → new" pairs.
    static DesignSnapshot target(const Diagram &current, const Diagram &parsed,
                                 QStringList *renames = nullptr);
    /// The undo command, or nullptr when the text changes nothing.
    static QUndoCommand *command(Diagram *current, const Diagram &parsed);
};

} // namespace mls
