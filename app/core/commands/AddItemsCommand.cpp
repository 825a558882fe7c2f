// SPDX-License-Identifier: MIT
#include "AddItemsCommand.h"

#include "../CardGeometry.h"
#include "UndoText.h"

#include <QCoreApplication>

#include "../Catalog.h"
#include "../Diagram.h"
#include "../FreeSpot.h"
#include "CommandIds.h"

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mls::AddItemsCommand", text, nullptr, n);
}
} // namespace

AddItemsCommand::AddItemsCommand(Diagram *diagram, Fragment items, const QString &text,
                                 QUndoCommand *parent)
    : QUndoCommand(text, parent), m_diagram(diagram), m_items(std::move(items))
{
    if (m_items.isEmpty())
        setObsolete(true);
}

AddItemsCommand *AddItemsCommand::addComponent(Diagram *diagram, const Component &c)
{
    Fragment f;
    f.components.push_back(c);
    return new AddItemsCommand(diagram, std::move(f),
                               tr("Add %1").arg(Catalog::builtin().kindLabel(c.kind)));
}

AddItemsCommand *AddItemsCommand::addNote(Diagram *diagram, const Note &n)
{
    Fragment f;
    f.notes.push_back(n);
    return new AddItemsCommand(diagram, std::move(f),
                               n.style == Note::Style::Sticky ? tr("Add sticky note")
                                                              : tr("Add note"));
}

AddItemsCommand *AddItemsCommand::connect(Diagram *diagram, const Connection &c)
{
    Fragment f;
    f.connections.push_back(c);
    const Component *from = diagram->component(c.from);
    const Component *to = diagram->component(c.to);
    const QString text =
        tr("Connect %1 %2 %3 (%4)")
            .arg(quoted(from ? from->label : c.from), QChar(0x2192), quoted(to ? to->label : c.to),
                 Catalog::builtin().flowLabel(c.flow).toLower());
    return new AddItemsCommand(diagram, std::move(f), text);
}

AddItemsCommand *AddItemsCommand::addConnected(Diagram *diagram, const Component &c,
                                               const Connection &connection)
{
    const bool outgoing = connection.from == c.id;
    const Component *other = diagram->component(outgoing ? connection.to : connection.from);
    const QString otherName = other ? Catalog::builtin().displayName(*other) : QString();
    Fragment f;
    f.components.push_back(c);
    f.connections.push_back(connection);
    return new AddItemsCommand(diagram, std::move(f),
                               QStringLiteral("Add %1, connect %2 %3 (%4)")
                                   .arg(Catalog::builtin().kindLabel(c.kind),
                                        outgoing ? QStringLiteral("to") : QStringLiteral("from"),
                                        quoted(otherName),
                                        Catalog::builtin().flowLabel(connection.flow).toLower()));
}

AddItemsCommand *AddItemsCommand::group(Diagram *diagram, const Group &g)
{
    Fragment f;
    f.groups.push_back(g);
    const int n = int(g.members.size());
    const QString text =
        sourcePlural(tr("Group %n component(s) into %1", n), n).arg(quoted(g.label));
    return new AddItemsCommand(diagram, std::move(f), text);
}

namespace {

/// Moves the pasted cards and notes, as one block, to the free place nearest to where they
/// would land, so a copy never hides under its original and repeated pastes cascade.
void moveToFreeSpot(const Diagram &diagram, Fragment &f)
{
    QRectF block;
    for (const Component &c : f.components)
        block |= CardGeometry::rect(c);
    for (const Note &n : f.notes)
        block |= n.rect;
    QVector<QRectF> occupied;
    occupied.reserve(int(diagram.components().size() + diagram.notes().size()));
    for (const Component &c : diagram.components())
        occupied << CardGeometry::rect(c);
    for (const Note &n : diagram.notes())
        occupied << n.rect;
    constexpr qreal grid = 20, gap = 20; // the board's grid; one grid step of air around
    const QPointF delta = FreeSpot::nearestFree(occupied, block, grid, gap) - block.topLeft();
    for (Component &c : f.components)
        c.pos += delta;
    for (Note &n : f.notes)
        n.rect.translate(delta);
}

} // namespace

AddItemsCommand *AddItemsCommand::paste(Diagram *diagram, const QByteArray &bytes,
                                        const QPointF &offset, QString *error)
{
    std::optional<Fragment> f = Fragment::fromBytes(bytes, error);
    if (!f)
        return nullptr;
    if (f->isEmpty()) {
        if (error)
            *error = QStringLiteral("the clipboard holds no components and no notes");
        return nullptr;
    }
    f->makeInsertableInto(*diagram, offset);
    moveToFreeSpot(*diagram, *f);
    const int n = int(f->components.size());
    const int notes = int(f->notes.size());
    const QString text = notes == 0 ? sourcePlural(tr("Paste %n component(s)", n), n)
                         : n == 0   ? sourcePlural(tr("Paste %n note(s)", notes), notes)
                                    : sourcePlural(tr("Paste %n item(s)", n + notes), n + notes);
    return new AddItemsCommand(diagram, std::move(*f), text);
}

QStringList AddItemsCommand::componentIds() const
{
    QStringList ids;
    for (const Component &c : m_items.components)
        ids.append(c.id);
    return ids;
}

QStringList AddItemsCommand::itemIds() const
{
    QStringList ids = componentIds();
    for (const Note &n : m_items.notes)
        ids.append(n.id);
    return ids;
}

void AddItemsCommand::redo()
{
    for (const Component &c : m_items.components)
        m_diagram->insertComponent(int(m_diagram->components().size()), c);
    for (const Connection &c : m_items.connections)
        m_diagram->insertConnection(int(m_diagram->connections().size()), c);
    for (const Group &g : m_items.groups)
        m_diagram->insertGroup(int(m_diagram->groups().size()), g);
    for (const Note &n : m_items.notes)
        m_diagram->insertNote(int(m_diagram->notes().size()), n);
}

void AddItemsCommand::undo()
{
    // Everything was appended, so taking it back in reverse restores the previous order.
    for (auto it = m_items.notes.rbegin(); it != m_items.notes.rend(); ++it)
        m_diagram->takeNote(it->id);
    for (auto it = m_items.groups.rbegin(); it != m_items.groups.rend(); ++it)
        m_diagram->takeGroup(it->id);
    for (auto it = m_items.connections.rbegin(); it != m_items.connections.rend(); ++it)
        m_diagram->takeConnection(it->id);
    for (auto it = m_items.components.rbegin(); it != m_items.components.rend(); ++it)
        m_diagram->takeComponent(it->id);
}

} // namespace mls
