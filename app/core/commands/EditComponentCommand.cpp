// SPDX-License-Identifier: MIT
#include "EditComponentCommand.h"

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
    return QCoreApplication::translate("mls::EditComponentCommand", text, nullptr, n);
}
} // namespace

EditComponentCommand::EditComponentCommand(Diagram *diagram, const Component &after, Field field,
                                           QUndoCommand *parent)
    : QUndoCommand(parent), m_diagram(diagram), m_field(field), m_after(after)
{
    const Component *before = diagram->component(after.id);
    Q_ASSERT(before);
    m_before = *before;
    m_after.pos = m_before.pos; // an edit never moves; MoveComponentsCommand does
    describe();
    if (m_before == m_after)
        setObsolete(true);
}

void EditComponentCommand::describe()
{
    // From the state before the first keystroke to the state after the last one merged in.
    const QString name = quoted(Catalog::builtin().displayName(m_before));
    switch (m_field) {
    case Field::Label:
        setText(tr("Rename %1 to %2").arg(name, quoted(m_after.label)));
        break;
    case Field::Kind:
        setText(tr("Change %1 to %2").arg(name, Catalog::builtin().kindLabel(m_after.kind)));
        break;
    case Field::Props:
        setText(tr("Edit properties of %1").arg(name));
        break;
    case Field::Notes:
        setText(tr("Edit notes of %1").arg(name));
        break;
    case Field::Waivers:
        setText(tr("Change waivers of %1").arg(name));
        break;
    }
}

namespace {
template <typename Setter>
EditComponentCommand *edit(Diagram *d, const QString &id, EditComponentCommand::Field f, Setter set)
{
    const Component *c = d->component(id);
    if (!c)
        return nullptr;
    Component after = *c;
    set(after);
    return new EditComponentCommand(d, after, f);
}
} // namespace

EditComponentCommand *EditComponentCommand::setLabel(Diagram *d, const QString &id,
                                                     const QString &label)
{
    return edit(d, id, Field::Label, [&](Component &c) { c.label = label; });
}

EditComponentCommand *EditComponentCommand::setKind(Diagram *d, const QString &id,
                                                    const QString &kind)
{
    return edit(d, id, Field::Kind, [&](Component &c) { c.kind = kind; });
}

EditComponentCommand *EditComponentCommand::setProps(Diagram *d, const QString &id,
                                                     const Json &props)
{
    return edit(d, id, Field::Props, [&](Component &c) { c.props = props; });
}

EditComponentCommand *EditComponentCommand::setNotes(Diagram *d, const QString &id,
                                                     const QString &notes)
{
    return edit(d, id, Field::Notes, [&](Component &c) { c.notes = notes; });
}

EditComponentCommand *EditComponentCommand::setWaivers(Diagram *d, const QString &id,
                                                       const QVector<Waiver> &waivers)
{
    return edit(d, id, Field::Waivers, [&](Component &c) { c.waivers = waivers; });
}

int EditComponentCommand::id() const
{
    return EditComponentCommandId;
}

bool EditComponentCommand::mergeWith(const QUndoCommand *other)
{
    auto *edit = static_cast<const EditComponentCommand *>(other);
    // Kind changes stay separate steps: each is a deliberate choice, not a keystroke.
    if (edit->m_after.id != m_after.id || edit->m_field != m_field || m_field == Field::Kind)
        return false;
    m_after = edit->m_after;
    describe();
    setObsolete(m_before == m_after);
    return true;
}

void EditComponentCommand::redo()
{
    Component c = m_after;
    c.pos = m_diagram->component(c.id)->pos;
    m_diagram->updateComponent(c);
}

void EditComponentCommand::undo()
{
    Component c = m_before;
    c.pos = m_diagram->component(c.id)->pos;
    m_diagram->updateComponent(c);
}

} // namespace mls
