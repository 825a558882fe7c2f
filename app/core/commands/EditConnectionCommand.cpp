// SPDX-License-Identifier: MIT
#include "EditConnectionCommand.h"

#include "UndoText.h"

#include <QCoreApplication>

#include "../Catalog.h"
#include "../Diagram.h"
#include "CommandIds.h"

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mls::EditConnectionCommand", text, nullptr, n);
}
} // namespace

EditConnectionCommand::EditConnectionCommand(Diagram *diagram, const Connection &after, Field field,
                                             QUndoCommand *parent)
    : QUndoCommand(parent), m_diagram(diagram), m_field(field), m_after(after)
{
    const Connection *before = diagram->connection(after.id);
    Q_ASSERT(before);
    m_before = *before;
    m_after.from = m_before.from;
    m_after.to = m_before.to;
    switch (field) {
    case Field::Flow:
        setText(tr("Change flow to %1").arg(Catalog::builtin().flowLabel(after.flow)));
        break;
    case Field::Label:
        setText(tr("Label connection %1").arg(quoted(after.label)));
        break;
    case Field::Waivers:
        setText(tr("Change waivers of connection"));
        break;
    }
    if (m_before == m_after)
        setObsolete(true);
}

namespace {
template <typename Setter>
EditConnectionCommand *edit(Diagram *d, const QString &id, EditConnectionCommand::Field f,
                            Setter set)
{
    const Connection *c = d->connection(id);
    if (!c)
        return nullptr;
    Connection after = *c;
    set(after);
    return new EditConnectionCommand(d, after, f);
}
} // namespace

EditConnectionCommand *EditConnectionCommand::setFlow(Diagram *d, const QString &id,
                                                      const QString &flow)
{
    return edit(d, id, Field::Flow, [&](Connection &c) { c.flow = flow; });
}

EditConnectionCommand *EditConnectionCommand::setLabel(Diagram *d, const QString &id,
                                                       const QString &label)
{
    return edit(d, id, Field::Label, [&](Connection &c) { c.label = label; });
}

EditConnectionCommand *EditConnectionCommand::setWaivers(Diagram *d, const QString &id,
                                                         const QVector<Waiver> &waivers)
{
    return edit(d, id, Field::Waivers, [&](Connection &c) { c.waivers = waivers; });
}

int EditConnectionCommand::id() const
{
    return EditConnectionCommandId;
}

bool EditConnectionCommand::mergeWith(const QUndoCommand *other)
{
    auto *edit = static_cast<const EditConnectionCommand *>(other);
    if (edit->m_after.id != m_after.id || edit->m_field != m_field || m_field != Field::Label)
        return false;
    m_after = edit->m_after;
    setText(edit->text()); // "Label connection …" names the label after the last keystroke
    setObsolete(m_before == m_after);
    return true;
}

void EditConnectionCommand::redo()
{
    m_diagram->updateConnection(m_after);
}

void EditConnectionCommand::undo()
{
    m_diagram->updateConnection(m_before);
}

} // namespace mls
