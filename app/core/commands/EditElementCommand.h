// SPDX-License-Identifier: MIT
#pragma once

#include "../Diagram.h"

#include <QUndoCommand>

namespace mls {

/// An edit that replaces one whole element of type T (a zone, a note) with a changed copy: the
/// element before is read from the diagram when the command is made, redo and undo put one or
/// the other back, and a change to the same value is obsolete. EditGroupCommand and
/// EditNoteCommand are this with their factories (one per gesture) and undo texts.
template <typename T> class EditElementCommand : public QUndoCommand
{
public:
    void redo() override { update(m_after); }
    void undo() override { update(m_before); }

protected:
    EditElementCommand(Diagram *diagram, const T &after, const QString &text, QUndoCommand *parent)
        : QUndoCommand(text, parent), m_diagram(diagram), m_after(after)
    {
        const T *before = find(diagram, after.id);
        Q_ASSERT(before);
        m_before = before ? *before : after;
        if (m_before == m_after)
            setObsolete(true);
    }

    /// A @p Command giving element @p id of @p d what @p change does to a copy of it, with the
    /// undo text @p text gives for the element as it was; nullptr when there is no such element.
    template <typename Command, typename Change, typename Text>
    static Command *make(Diagram *d, const QString &id, Change change, Text text)
    {
        const T *before = find(d, id);
        if (!before)
            return nullptr;
        T after = *before;
        change(after);
        return new Command(d, after, text(*before));
    }

    Diagram *m_diagram;
    T m_before;
    T m_after;

private:
    static const T *find(const Diagram *d, const QString &id);
    void update(const T &element);
};

template <> inline const Group *EditElementCommand<Group>::find(const Diagram *d, const QString &id)
{
    return d->group(id);
}

template <> inline void EditElementCommand<Group>::update(const Group &g)
{
    m_diagram->updateGroup(g);
}

template <> inline const Note *EditElementCommand<Note>::find(const Diagram *d, const QString &id)
{
    return d->note(id);
}

template <> inline void EditElementCommand<Note>::update(const Note &n)
{
    m_diagram->updateNote(n);
}

} // namespace mls
