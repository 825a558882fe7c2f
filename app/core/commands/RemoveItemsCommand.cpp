// SPDX-License-Identifier: MIT
#include "RemoveItemsCommand.h"

#include "UndoText.h"

#include <QCoreApplication>

#include "../Diagram.h"
#include "CommandIds.h"

#include <QSet>

#include <algorithm>

namespace mls {

namespace {
/// Undo texts in the translation context of this command.
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("mls::RemoveItemsCommand", text, nullptr, n);
}
} // namespace

namespace {

template <typename T> void sortByIndex(std::vector<T> &items)
{
    std::sort(items.begin(), items.end(), [](const T &a, const T &b) { return a.index < b.index; });
}

} // namespace

RemoveItemsCommand::RemoveItemsCommand(Diagram *diagram, const QStringList &componentIds,
                                       const QStringList &connectionIds,
                                       const QStringList &groupIds, const QStringList &noteIds,
                                       const QString &text, QUndoCommand *parent)
    : QUndoCommand(parent), m_diagram(diagram)
{
    QSet<QString> components;
    for (const QString &id : componentIds) {
        const int i = diagram->componentIndex(id);
        if (i >= 0 && !components.contains(id)) {
            components.insert(id);
            m_components.push_back({i, *diagram->component(id)});
        }
    }
    QSet<QString> connections;
    auto addConnection = [&](const QString &id) {
        const int i = diagram->connectionIndex(id);
        if (i >= 0 && !connections.contains(id)) {
            connections.insert(id);
            m_connections.push_back({i, *diagram->connection(id)});
        }
    };
    for (const QString &id : connectionIds)
        addConnection(id);
    for (const QString &id : components) {
        for (const QString &cid : diagram->connectionsOf(id))
            addConnection(cid);
    }
    QSet<QString> groups;
    for (const QString &id : groupIds) {
        const int i = diagram->groupIndex(id);
        if (i >= 0 && !groups.contains(id)) {
            groups.insert(id);
            m_groups.push_back({i, *diagram->group(id)});
        }
    }
    for (const Group &g : diagram->groups()) {
        if (groups.contains(g.id))
            continue;
        for (const QString &m : g.members) {
            if (components.contains(m)) {
                m_trimmedGroups.push_back(g);
                break;
            }
        }
    }
    for (const QString &id : noteIds) {
        const int i = diagram->noteIndex(id);
        const bool seen = std::any_of(m_notes.begin(), m_notes.end(),
                                      [&](const Placed<Note> &n) { return n.item.id == id; });
        if (i >= 0 && !seen)
            m_notes.push_back({i, *diagram->note(id)});
    }
    sortByIndex(m_components);
    sortByIndex(m_notes);
    sortByIndex(m_connections);
    sortByIndex(m_groups);

    if (!text.isEmpty()) {
        setText(text);
    } else {
        QStringList parts;
        if (!m_components.empty())
            parts << sourcePlural(tr("%n component(s)", int(m_components.size())),
                                  int(m_components.size()));
        // Connections removed with their components are implied; name only the chosen ones.
        const int explicitConnections = int(std::count_if(
            m_connections.begin(), m_connections.end(), [&](const Placed<Connection> &c) {
                return !components.contains(c.item.from) && !components.contains(c.item.to);
            }));
        if (explicitConnections > 0)
            parts << sourcePlural(tr("%n connection(s)", explicitConnections), explicitConnections);
        if (!m_groups.empty())
            parts << sourcePlural(tr("%n zone(s)", int(m_groups.size())), int(m_groups.size()));
        if (!m_notes.empty())
            parts << sourcePlural(tr("%n note(s)", int(m_notes.size())), int(m_notes.size()));
        setText(tr("Delete %1").arg(parts.join(QStringLiteral(", "))));
    }
    if (m_components.empty() && m_connections.empty() && m_groups.empty() && m_notes.empty())
        setObsolete(true);
}

RemoveItemsCommand *RemoveItemsCommand::ungroup(Diagram *diagram, const QString &groupId)
{
    const Group *g = diagram->group(groupId);
    const QString text = tr("Ungroup %1").arg(quoted(g ? g->label : groupId));
    return new RemoveItemsCommand(diagram, {}, {}, {groupId}, {}, text);
}

void RemoveItemsCommand::redo()
{
    for (auto it = m_notes.rbegin(); it != m_notes.rend(); ++it)
        m_diagram->takeNote(it->item.id);
    for (auto it = m_connections.rbegin(); it != m_connections.rend(); ++it)
        m_diagram->takeConnection(it->item.id);
    for (auto it = m_groups.rbegin(); it != m_groups.rend(); ++it)
        m_diagram->takeGroup(it->item.id);
    QSet<QString> removed;
    for (const auto &c : m_components)
        removed.insert(c.item.id);
    for (Group g : m_trimmedGroups) {
        g.members.erase(std::remove_if(g.members.begin(), g.members.end(),
                                       [&](const QString &m) { return removed.contains(m); }),
                        g.members.end());
        m_diagram->updateGroup(g);
    }
    for (auto it = m_components.rbegin(); it != m_components.rend(); ++it)
        m_diagram->takeComponent(it->item.id);
}

void RemoveItemsCommand::undo()
{
    // Ascending order: each element goes back to its index with all earlier ones in place.
    for (const auto &c : m_components)
        m_diagram->insertComponent(c.index, c.item);
    for (const Group &g : m_trimmedGroups)
        m_diagram->updateGroup(g);
    for (const auto &g : m_groups)
        m_diagram->insertGroup(g.index, g.item);
    for (const auto &c : m_connections)
        m_diagram->insertConnection(c.index, c.item);
    for (const auto &n : m_notes)
        m_diagram->insertNote(n.index, n.item);
}

} // namespace mls
