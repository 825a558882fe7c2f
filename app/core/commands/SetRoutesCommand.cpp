// SPDX-License-Identifier: MIT
#include "SetRoutesCommand.h"

#include "UndoText.h"

#include <QCoreApplication>

#include "../Diagram.h"
#include "CommandIds.h"

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mls::SetRoutesCommand", text, nullptr, n);
}
} // namespace

SetRoutesCommand::SetRoutesCommand(Diagram *diagram, const QStringList &ids,
                                   const QVector<ConnectionRoute> &routes, QUndoCommand *parent)
    : QUndoCommand(parent), m_diagram(diagram)
{
    Q_ASSERT(ids.size() == routes.size());
    for (int i = 0; i < ids.size(); ++i) {
        const Connection *c = diagram->connection(ids[i]);
        if (!c || c->route == routes[i])
            continue;
        m_ids.append(ids[i]);
        m_before.append(c->route);
        m_after.append(routes[i]);
    }
    const int n = int(m_ids.size());
    setText(sourcePlural(tr("Route %n connection(s)", n), n));
    if (m_ids.isEmpty())
        setObsolete(true);
}

void SetRoutesCommand::redo()
{
    for (int i = 0; i < m_ids.size(); ++i)
        m_diagram->setConnectionRoute(m_ids[i], m_after[i]);
}

void SetRoutesCommand::undo()
{
    for (int i = 0; i < m_ids.size(); ++i)
        m_diagram->setConnectionRoute(m_ids[i], m_before[i]);
}

} // namespace mls
