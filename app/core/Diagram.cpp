#include "Diagram.h"

#include <algorithm>

namespace mls {

Diagram::Diagram(QObject *parent) : QObject(parent) {}

Diagram::~Diagram() = default;

const Component *Diagram::component(const ComponentId &id) const
{
    const int i = componentIndex(id);
    return i < 0 ? nullptr : &m_components[size_t(i)];
}

const Connection *Diagram::connection(const ConnectionId &id) const
{
    const int i = connectionIndex(id);
    return i < 0 ? nullptr : &m_connections[size_t(i)];
}

const Group *Diagram::group(const GroupId &id) const
{
    const int i = groupIndex(id);
    return i < 0 ? nullptr : &m_groups[size_t(i)];
}

bool Diagram::containsId(const QString &id) const
{
    return m_componentIndex.contains(id) || m_connectionIndex.contains(id) ||
           m_groupIndex.contains(id);
}

QVector<const Connection *> Diagram::outgoing(const ComponentId &id, const QString &flow) const
{
    QVector<const Connection *> result;
    for (const QString &cid : m_out.value(id)) {
        const Connection *c = connection(cid);
        if (c && (flow.isEmpty() || c->flow == flow))
            result.append(c);
    }
    return result;
}

QVector<const Connection *> Diagram::incoming(const ComponentId &id, const QString &flow) const
{
    QVector<const Connection *> result;
    for (const QString &cid : m_in.value(id)) {
        const Connection *c = connection(cid);
        if (c && (flow.isEmpty() || c->flow == flow))
            result.append(c);
    }
    return result;
}

QStringList Diagram::connectionsOf(const ComponentId &id) const
{
    QStringList ids = m_out.value(id);
    for (const QString &cid : m_in.value(id)) {
        if (!ids.contains(cid)) // a self-loop is in both lists
            ids.append(cid);
    }
    return ids;
}

QStringList Diagram::componentsOfKind(const QString &kind) const
{
    QStringList ids;
    for (const Component &c : m_components) {
        if (c.kind == kind)
            ids.append(c.id);
    }
    return ids;
}

QStringList Diagram::groupsOf(const ComponentId &id) const
{
    QStringList ids;
    for (const Group &g : m_groups) {
        if (g.members.contains(id))
            ids.append(g.id);
    }
    return ids;
}

QString Diagram::uniqueId(const QString &prefix) const
{
    // Start past the element count so a fresh id is found in O(1) tries on typical files.
    qsizetype n = qsizetype(m_components.size() + m_connections.size() + m_groups.size()) + 1;
    QString id;
    do {
        id = prefix + QString::number(n++);
    } while (containsId(id));
    return id;
}

void Diagram::setMeta(const Meta &meta)
{
    if (meta == m_meta)
        return;
    m_meta = meta;
    Q_EMIT metaChanged();
}

template <typename T>
void Diagram::reindexFrom(const std::vector<T> &items, QHash<QString, int> &index, int from)
{
    for (int i = from; i < int(items.size()); ++i)
        index[items[size_t(i)].id] = i;
}

void Diagram::insertComponent(int index, const Component &c)
{
    Q_ASSERT(!containsId(c.id));
    index = std::clamp(index, 0, int(m_components.size()));
    m_components.insert(m_components.begin() + index, c);
    if (index == int(m_components.size()) - 1)
        m_componentIndex.insert(c.id, index);
    else
        reindexFrom(m_components, m_componentIndex, index);
    Q_EMIT componentAdded(c.id);
}

Component Diagram::takeComponent(const ComponentId &id)
{
    const int index = componentIndex(id);
    Q_ASSERT(index >= 0);
    Q_ASSERT(m_out.value(id).isEmpty() && m_in.value(id).isEmpty());
    Component c = std::move(m_components[size_t(index)]);
    m_components.erase(m_components.begin() + index);
    m_componentIndex.remove(id);
    m_out.remove(id);
    m_in.remove(id);
    reindexFrom(m_components, m_componentIndex, index);
    Q_EMIT componentRemoved(id);
    return c;
}

void Diagram::updateComponent(const Component &c)
{
    const int index = componentIndex(c.id);
    Q_ASSERT(index >= 0);
    Component &old = m_components[size_t(index)];
    const bool moved = old.pos != c.pos;
    const bool changed = old.kind != c.kind || old.label != c.label || old.props != c.props ||
                         old.notes != c.notes || old.waivers != c.waivers || old.extra != c.extra;
    old = c;
    if (moved)
        Q_EMIT componentMoved(c.id);
    if (changed)
        Q_EMIT componentChanged(c.id);
}

void Diagram::moveComponent(const ComponentId &id, const QPointF &pos)
{
    const int index = componentIndex(id);
    Q_ASSERT(index >= 0);
    Component &c = m_components[size_t(index)];
    if (c.pos == pos)
        return;
    c.pos = pos;
    Q_EMIT componentMoved(id);
}

void Diagram::insertConnection(int index, const Connection &c)
{
    Q_ASSERT(!containsId(c.id));
    Q_ASSERT(m_componentIndex.contains(c.from) && m_componentIndex.contains(c.to));
    index = std::clamp(index, 0, int(m_connections.size()));
    m_connections.insert(m_connections.begin() + index, c);
    if (index == int(m_connections.size()) - 1)
        m_connectionIndex.insert(c.id, index);
    else
        reindexFrom(m_connections, m_connectionIndex, index);
    m_out[c.from].append(c.id);
    m_in[c.to].append(c.id);
    Q_EMIT connectionAdded(c.id);
}

void Diagram::unlinkConnection(const Connection &c)
{
    auto outIt = m_out.find(c.from);
    if (outIt != m_out.end())
        outIt->removeOne(c.id);
    auto inIt = m_in.find(c.to);
    if (inIt != m_in.end())
        inIt->removeOne(c.id);
}

Connection Diagram::takeConnection(const ConnectionId &id)
{
    const int index = connectionIndex(id);
    Q_ASSERT(index >= 0);
    Connection c = std::move(m_connections[size_t(index)]);
    m_connections.erase(m_connections.begin() + index);
    m_connectionIndex.remove(id);
    unlinkConnection(c);
    reindexFrom(m_connections, m_connectionIndex, index);
    Q_EMIT connectionRemoved(id);
    return c;
}

void Diagram::updateConnection(const Connection &c)
{
    const int index = connectionIndex(c.id);
    Q_ASSERT(index >= 0);
    Connection &old = m_connections[size_t(index)];
    Q_ASSERT(old.from == c.from && old.to == c.to);
    if (old == c)
        return;
    old = c;
    Q_EMIT connectionChanged(c.id);
}

void Diagram::insertGroup(int index, const Group &g)
{
    Q_ASSERT(!containsId(g.id));
    index = std::clamp(index, 0, int(m_groups.size()));
    m_groups.insert(m_groups.begin() + index, g);
    reindexFrom(m_groups, m_groupIndex, index);
    Q_EMIT groupAdded(g.id);
}

Group Diagram::takeGroup(const GroupId &id)
{
    const int index = groupIndex(id);
    Q_ASSERT(index >= 0);
    Group g = std::move(m_groups[size_t(index)]);
    m_groups.erase(m_groups.begin() + index);
    m_groupIndex.remove(id);
    reindexFrom(m_groups, m_groupIndex, index);
    Q_EMIT groupRemoved(id);
    return g;
}

void Diagram::updateGroup(const Group &g)
{
    const int index = groupIndex(g.id);
    Q_ASSERT(index >= 0);
    if (m_groups[size_t(index)] == g)
        return;
    m_groups[size_t(index)] = g;
    Q_EMIT groupChanged(g.id);
}

void Diagram::reserve(int components, int connections)
{
    m_components.reserve(size_t(components));
    m_connections.reserve(size_t(connections));
    m_componentIndex.reserve(components);
    m_connectionIndex.reserve(connections);
}

} // namespace mls
