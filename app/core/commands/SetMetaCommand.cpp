// SPDX-License-Identifier: MIT
#include "SetMetaCommand.h"

#include "UndoText.h"

#include <QCoreApplication>

#include "../Diagram.h"
#include "CommandIds.h"

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mls::SetMetaCommand", text, nullptr, n);
}
} // namespace

namespace {
/// Which part of the meta an edit changes; edits of the same part merge.
int aspectOf(const Meta &before, const Meta &after)
{
    if (before.title != after.title)
        return 1;
    if (before.latencyBudgetMs != after.latencyBudgetMs)
        return 2;
    if (before.notes != after.notes)
        return 3;
    return 4;
}

QString describe(const Meta &before, const Meta &after)
{
    switch (aspectOf(before, after)) {
    case 1:
        return tr("Rename diagram to %1").arg(quoted(after.title));
    case 2:
        return tr("Set latency budget to %1 ms").arg(after.latencyBudgetMs);
    case 3:
        return tr("Edit diagram notes");
    default:
        return tr("Change diagram settings");
    }
}
} // namespace

SetMetaCommand::SetMetaCommand(Diagram *diagram, const Meta &after, QUndoCommand *parent)
    : QUndoCommand(parent), m_diagram(diagram), m_before(diagram->meta()), m_after(after)
{
    setText(describe(m_before, m_after));
    if (m_before == m_after)
        setObsolete(true);
}

int SetMetaCommand::id() const
{
    return SetMetaCommandId;
}

bool SetMetaCommand::mergeWith(const QUndoCommand *other)
{
    auto *set = static_cast<const SetMetaCommand *>(other);
    if (aspectOf(set->m_before, set->m_after) != aspectOf(m_before, m_after))
        return false;
    m_after = set->m_after;
    setText(set->text());
    setObsolete(m_before == m_after);
    return true;
}

void SetMetaCommand::redo()
{
    m_diagram->setMeta(m_after);
}

void SetMetaCommand::undo()
{
    m_diagram->setMeta(m_before);
}

} // namespace mls
