// SPDX-License-Identifier: MIT
#pragma once

#include "../Component.h"

#include <QUndoCommand>

namespace mls {

class Diagram;

/// Replaces a component's fields (label, kind, props, notes, waivers). Consecutive edits of the
/// same field of the same component (typing in the inspector) merge into one undo step.
class EditComponentCommand : public QUndoCommand
{
public:
    enum class Field
    {
        Label,
        Kind,
        Props,
        Notes,
        Waivers
    };

    EditComponentCommand(Diagram *diagram, const Component &after, Field field,
                         QUndoCommand *parent = nullptr);

    static EditComponentCommand *setLabel(Diagram *d, const QString &id, const QString &label);
    static EditComponentCommand *setKind(Diagram *d, const QString &id, const QString &kind);
    static EditComponentCommand *setProps(Diagram *d, const QString &id, const Json &props);
    static EditComponentCommand *setNotes(Diagram *d, const QString &id, const QString &notes);
    static EditComponentCommand *setWaivers(Diagram *d, const QString &id,
                                            const QVector<Waiver> &waivers);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    /// Sets the undo text for the whole edit, m_before → m_after.
    void describe();

    Diagram *m_diagram;
    Field m_field;
    Component m_before;
    Component m_after;
};

} // namespace mls
