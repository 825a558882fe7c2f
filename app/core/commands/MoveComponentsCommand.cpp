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
    for (int i = 0; i < ids.size(); ++i) {
        const Component *c = diagram->component(ids[i]);
        if (!c)
            continue;
        m_ids.append(ids[i]);
        m_from.append(c->pos);
        m_to.append(to[i]);
    }
    const int n = int(m_ids.size());
    setText(sourcePlural(tr("Move %n component(s)", n), n));
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

void MoveComponentsCommand::redo()
{
    for (int i = 0; i < m_ids.size(); ++i)
        m_diagram->moveComponent(m_ids[i], m_to[i]);
}

void MoveComponentsCommand::undo()
{
    for (int i = 0; i < m_ids.size(); ++i)
        m_diagram->moveComponent(m_ids[i], m_from[i]);
}

} // namespace mls
