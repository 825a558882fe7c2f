// SPDX-License-Identifier: MIT
#include "MoveComponentsCommand.h"

#include "UndoText.h"

#include <QCoreApplication>

#include "../Diagram.h"
#include "CommandIds.h"

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mls::MoveComponentsCommand", text, nullptr, n);
}
} // namespace

MoveComponentsCommand::MoveComponentsCommand(Diagram *diagram, const QStringList &ids,
                                             const QVector<QPointF> &to, QUndoCommand *parent)
    : QUndoCommand(parent), m_diagram(diagram)
{
    Q_ASSERT(ids.size() == to.size());
    int notes = 0;
    for (int i = 0; i < ids.size(); ++i) {
        const Component *c = diagram->component(ids[i]);
        const Note *note = c ? nullptr : diagram->note(ids[i]);
        if (!c && !note)
            continue;
        notes += note ? 1 : 0;
        m_ids.append(ids[i]);
        m_from.append(c ? c->pos : note->rect.topLeft());
        m_to.append(to[i]);
    }
    const int n = int(m_ids.size());
    if (notes == 0)
        setText(sourcePlural(tr("Move %n component(s)", n), n));
    else if (notes == n)
        setText(sourcePlural(tr("Move %n note(s)", n), n));
    else
        setText(sourcePlural(tr("Move %n item(s)", n), n));
    if (m_from == m_to)
        setObsolete(true);
}

MoveComponentsCommand *MoveComponentsCommand::nudge(Diagram *diagram, const QStringList &ids,
                                                    const QVector<QPointF> &to)
{
    auto *command = new MoveComponentsCommand(diagram, ids, to);
    command->m_nudge = true;
    return command;
}

int MoveComponentsCommand::id() const
{
    return m_nudge ? NudgeCommandId : -1; // -1: never merges
}

bool MoveComponentsCommand::mergeWith(const QUndoCommand *other)
{
    auto *move = static_cast<const MoveComponentsCommand *>(other);
    if (!m_nudge || !move->m_nudge || move->m_ids != m_ids)
        return false;
    m_to = move->m_to;
    setObsolete(m_from == m_to);
    return true;
}

void MoveComponentsCommand::place(const QVector<QPointF> &positions)
{
    for (int i = 0; i < m_ids.size(); ++i) {
        if (m_diagram->component(m_ids[i]))
            m_diagram->moveComponent(m_ids[i], positions[i]);
        else
            m_diagram->moveNote(m_ids[i], positions[i]);
    }
}

void MoveComponentsCommand::redo()
{
    place(m_to);
}

void MoveComponentsCommand::undo()
{
    place(m_from);
}

} // namespace mls
