// SPDX-License-Identifier: MIT
#include "ReattachConnectionCommand.h"

#include "../Catalog.h"
#include "../Diagram.h"
#include "CommandIds.h"

#include <QCoreApplication>

namespace mls {

ReattachConnectionCommand::ReattachConnectionCommand(Diagram *diagram, const QString &id,
                                                     const QString &from, const QString &to,
                                                     const QString &flow, QUndoCommand *parent)
    : QUndoCommand(parent), m_diagram(diagram)
{
    const Connection *c = diagram->connection(id);
    Q_ASSERT(c && diagram->component(from) && diagram->component(to));
    m_index = diagram->connectionIndex(id);
    m_before = *c;
    m_after = *c;
    m_after.from = from;
    m_after.to = to;
    m_after.flow = flow;
    if (from != c->from || to != c->to)
        m_after.route = ConnectionRoute();
    const Catalog &cat = Catalog::builtin();
    setText(QCoreApplication::translate("mls::ReattachConnectionCommand", "Reconnect %1 → %2")
                .arg(quoted(cat.displayName(*diagram->component(from))),
                     quoted(cat.displayName(*diagram->component(to)))));
    if (m_before == m_after)
        setObsolete(true);
}

void ReattachConnectionCommand::replace(const Connection &with)
{
    // The ends of a connection are part of its identity in the model's indexes: take it out
    // and put the new one back at the same place in the file order.
    m_diagram->takeConnection(with.id);
    m_diagram->insertConnection(m_index, with);
}

void ReattachConnectionCommand::redo()
{
    replace(m_after);
}

void ReattachConnectionCommand::undo()
{
    replace(m_before);
}

} // namespace mls
