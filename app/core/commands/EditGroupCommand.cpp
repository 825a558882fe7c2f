// SPDX-License-Identifier: MIT
#include "EditGroupCommand.h"

#include "UndoText.h"

#include <QCoreApplication>

#include "../ComponentProps.h"
#include "../Diagram.h"
#include "CommandIds.h"

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mls::EditGroupCommand", text, nullptr, n);
}
} // namespace

EditGroupCommand::EditGroupCommand(Diagram *diagram, const Group &after, const QString &text,
                                   QUndoCommand *parent)
    : EditElementCommand(diagram, after, text, parent)
{}

EditGroupCommand *EditGroupCommand::rename(Diagram *d, const QString &id, const QString &label)
{
    return make<EditGroupCommand>(
        d, id, [&](Group &g) { g.label = label; },
        [&](const Group &g) {
            return tr("Rename zone %1 to %2").arg(quoted(g.label), quoted(label));
        });
}

EditGroupCommand *EditGroupCommand::setMembers(Diagram *d, const QString &id,
                                               const QStringList &members)
{
    return make<EditGroupCommand>(
        d, id, [&](Group &g) { g.members = members; },
        [](const Group &g) { return tr("Change members of zone %1").arg(quoted(g.label)); });
}

EditGroupCommand *EditGroupCommand::setColor(Diagram *d, const QString &id, const QString &color)
{
    return make<EditGroupCommand>(
        d, id, [&](Group &g) { known::setZoneColor(g, color); },
        [](const Group &g) { return tr("Colour zone %1").arg(quoted(g.label)); });
}

EditGroupCommand *EditGroupCommand::setMargins(Diagram *d, const QString &id,
                                               const QMarginsF &margins)
{
    return make<EditGroupCommand>(
        d, id, [&](Group &g) { known::setZoneMargins(g, margins); },
        [](const Group &g) { return QStringLiteral("Resize zone %1").arg(quoted(g.label)); });
}

int EditGroupCommand::id() const
{
    return EditGroupCommandId;
}

bool EditGroupCommand::mergeWith(const QUndoCommand *other)
{
    auto *edit = static_cast<const EditGroupCommand *>(other);
    // Only renames merge (typing); membership changes are separate gestures.
    const bool renameOnly = edit->m_after.members == m_after.members &&
                            m_after.members == m_before.members &&
                            edit->m_after.extra == m_after.extra;
    if (edit->m_after.id != m_after.id || !renameOnly)
        return false;
    m_after = edit->m_after;
    setText(tr("Rename zone %1 to %2").arg(quoted(m_before.label), quoted(m_after.label)));
    setObsolete(m_before == m_after);
    return true;
}

} // namespace mls
