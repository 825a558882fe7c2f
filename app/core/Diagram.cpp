// SPDX-License-Identifier: MIT
#include "Diagram.h"

#include <algorithm>

namespace mls {

namespace {

/// One of the Diagram's element signals (componentAdded, groupChanged, noteRemoved, …).
using ElementSignal = void (Diagram::*)(const QString &);

template <typename T>
void insertElement(Diagram &d, ElementList<T> &list, int index, T &&item, ElementSignal added)
{
    Q_ASSERT(!d.containsId(item.id));
    Q_EMIT(d.*added)(list.insert(index, std::move(item))->item.id);
}

/// Every connection in the list from @p first through the links @p next (prevOut/nextOut or
/// prevIn/nextIn), calling @p fn on each in order.
template <typename Fn>
void forEachLinked(const ElementNode<Connection> *first,
                   ElementNode<Connection> *ElementLinks<Connection>::*next, Fn fn)
{
    for (const ElementNode<Connection> *n = first; n; n = n->links.*next)
        fn(n->item);
}

QVector<const Connection *> linkedWithFlow(const ElementNode<Connection> *first,
                                           ElementNode<Connection> *ElementLinks<Connection>::*next,
                                           const QString &flow)
{
    QVector<const Connection *> result;
    forEachLinked(first, next, [&](const Connection &c) {
        if (flow.isEmpty() || c.flow == flow)
            result.append(&c);
    });
    return result;
}

/// Removes and returns the element with this id, which must be in @p list; signals @p removed
/// (none: the caller signals once its indexes are updated).
template <typename T>
T takeElement(Diagram &d, ElementList<T> &list, const QString &id, ElementSignal removed)
{
    const int index = list.indexOf(id);
    Q_ASSERT(index >= 0);
    T item = list.takeAt(index);
    if (removed)
        Q_EMIT(d.*removed)(id);
    return item;
}

/// Gives the element with @p item's id (which must be in @p list) every field of @p item,
/// signalling @p changed unless they were equal already.
template <typename T>
void replaceElement(Diagram &d, ElementList<T> &list, const T &item, ElementSignal changed)
{
    T *old = list.findMutable(item.id);
    Q_ASSERT(old);
    if (!old || *old == item)
        return;
    *old = item;
    Q_EMIT(d.*changed)(item.id);
}

} // namespace

Diagram::Diagram(QObject *parent) : QObject(parent) {}

Diagram::~Diagram() = default;

const Component *Diagram::component(const ComponentId &id) const
{
    return m_components.find(id);
}

const Connection *Diagram::connection(const ConnectionId &id) const
{
    return m_connections.find(id);
}

const Group *Diagram::group(const GroupId &id) const
{
    return m_groups.find(id);
}

const Note *Diagram::note(const NoteId &id) const
{
    return m_notes.find(id);
}

bool Diagram::containsId(const QString &id) const
{
    return m_components.contains(id) || m_connections.contains(id) || m_groups.contains(id) ||
           m_notes.contains(id);
}

QVector<const Connection *> Diagram::outgoing(const ComponentId &id, const QString &flow) const
{
    const ElementNode<Component> *c = m_components.node(id);
    return c ? linkedWithFlow(c->links.firstOut, &ElementLinks<Connection>::nextOut, flow)
             : QVector<const Connection *>();
}

QVector<const Connection *> Diagram::incoming(const ComponentId &id, const QString &flow) const
{
    const ElementNode<Component> *c = m_components.node(id);
    return c ? linkedWithFlow(c->links.firstIn, &ElementLinks<Connection>::nextIn, flow)
             : QVector<const Connection *>();
}

QStringList Diagram::connectionsOf(const ComponentId &id) const
{
    QStringList ids;
    const ElementNode<Component> *c = m_components.node(id);
    if (!c)
        return ids;
    forEachLinked(c->links.firstOut, &ElementLinks<Connection>::nextOut,
                  [&](const Connection &out) { ids.append(out.id); });
    forEachLinked(c->links.firstIn, &ElementLinks<Connection>::nextIn, [&](const Connection &in) {
        if (in.from != id) // a self-loop is in both lists
            ids.append(in.id);
    });
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
    qsizetype n =
        qsizetype(m_components.size() + m_connections.size() + m_groups.size() + m_notes.size()) +
        1;
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

void Diagram::insertComponent(int index, Component c)
{
    insertElement(*this, m_components, index, std::move(c), &Diagram::componentAdded);
}

Component Diagram::takeComponent(const ComponentId &id)
{
    if (ElementNode<Component> *n = m_components.node(id)) {
        Q_ASSERT(!n->links.firstOut && !n->links.firstIn);
        // Should connections still touch it (a broken precondition), they leave its lists
        // rather than keep pointing into them.
        for (ConnectionNode *out = n->links.firstOut, *next = nullptr; out; out = next) {
            next = out->links.nextOut;
            out->links.prevOut = out->links.nextOut = nullptr;
        }
        for (ConnectionNode *in = n->links.firstIn, *next = nullptr; in; in = next) {
            next = in->links.nextIn;
            in->links.prevIn = in->links.nextIn = nullptr;
        }
    }
    return takeElement(*this, m_components, id, &Diagram::componentRemoved);
}

void Diagram::updateComponent(const Component &c)
{
    Component *old = m_components.findMutable(c.id);
    Q_ASSERT(old);
    const bool moved = old->pos != c.pos;
    const bool changed = old->kind != c.kind || old->label != c.label || old->props != c.props ||
                         old->notes != c.notes || old->waivers != c.waivers ||
                         !sameExtra(old->extra, c.extra);
    *old = c;
    if (moved)
        Q_EMIT componentMoved(c.id);
    if (changed)
        Q_EMIT componentChanged(c.id);
}

void Diagram::moveComponent(const ComponentId &id, const QPointF &pos)
{
    Component *c = m_components.findMutable(id);
    Q_ASSERT(c);
    if (c->pos == pos)
        return;
    c->pos = pos;
    Q_EMIT componentMoved(id);
}

void Diagram::reorderComponent(const ComponentId &id, int index)
{
    const int from = componentIndex(id);
    Q_ASSERT(from >= 0);
    index = std::clamp(index, 0, int(m_components.size()) - 1);
    if (from == index)
        return;
    m_components.move(from, index);
    Q_EMIT componentsReordered();
}

void Diagram::insertConnection(int index, Connection c)
{
    Q_ASSERT(!containsId(c.id));
    Q_ASSERT(m_components.contains(c.from) && m_components.contains(c.to));
    ConnectionNode *n = m_connections.insert(index, std::move(c));
    linkConnection(n);
    Q_EMIT connectionAdded(n->item.id);
}

void Diagram::linkConnection(ConnectionNode *n)
{
    if (ElementNode<Component> *from = m_components.node(n->item.from)) {
        ElementLinks<Component> &l = from->links;
        n->links.prevOut = l.lastOut;
        (l.lastOut ? l.lastOut->links.nextOut : l.firstOut) = n;
        l.lastOut = n;
    }
    if (ElementNode<Component> *to = m_components.node(n->item.to)) {
        ElementLinks<Component> &l = to->links;
        n->links.prevIn = l.lastIn;
        (l.lastIn ? l.lastIn->links.nextIn : l.firstIn) = n;
        l.lastIn = n;
    }
}

void Diagram::unlinkConnection(ConnectionNode *n)
{
    ElementLinks<Connection> &l = n->links;
    ElementNode<Component> *from =
        l.prevOut && l.nextOut ? nullptr : m_components.node(n->item.from);
    if (l.prevOut)
        l.prevOut->links.nextOut = l.nextOut;
    else if (from && from->links.firstOut == n)
        from->links.firstOut = l.nextOut;
    if (l.nextOut)
        l.nextOut->links.prevOut = l.prevOut;
    else if (from && from->links.lastOut == n)
        from->links.lastOut = l.prevOut;
    ElementNode<Component> *to = l.prevIn && l.nextIn ? nullptr : m_components.node(n->item.to);
    if (l.prevIn)
        l.prevIn->links.nextIn = l.nextIn;
    else if (to && to->links.firstIn == n)
        to->links.firstIn = l.nextIn;
    if (l.nextIn)
        l.nextIn->links.prevIn = l.prevIn;
    else if (to && to->links.lastIn == n)
        to->links.lastIn = l.prevIn;
    l = {};
}

Connection Diagram::takeConnection(const ConnectionId &id)
{
    if (ConnectionNode *n = m_connections.node(id))
        unlinkConnection(n);
    return takeElement(*this, m_connections, id, &Diagram::connectionRemoved);
}

void Diagram::updateConnection(const Connection &c)
{
    Connection *old = m_connections.findMutable(c.id);
    Q_ASSERT(old && old->from == c.from && old->to == c.to);
    if (*old == c)
        return;
    *old = c;
    Q_EMIT connectionChanged(c.id);
}

void Diagram::setConnectionRoute(const ConnectionId &id, const ConnectionRoute &route)
{
    Connection *c = m_connections.findMutable(id);
    Q_ASSERT(c);
    if (!c || c->route == route)
        return;
    c->route = route;
    Q_EMIT connectionRouted(id);
}

// Zones and notes have no index beyond their ElementList: each mutator is the list's insert,
// take or replace and its own signal.

void Diagram::insertGroup(int index, Group g)
{
    insertElement(*this, m_groups, index, std::move(g), &Diagram::groupAdded);
}

void Diagram::insertNote(int index, Note n)
{
    insertElement(*this, m_notes, index, std::move(n), &Diagram::noteAdded);
}

Group Diagram::takeGroup(const GroupId &id)
{
    return takeElement(*this, m_groups, id, &Diagram::groupRemoved);
}

Note Diagram::takeNote(const NoteId &id)
{
    return takeElement(*this, m_notes, id, &Diagram::noteRemoved);
}

void Diagram::updateGroup(const Group &g)
{
    replaceElement(*this, m_groups, g, &Diagram::groupChanged);
}

void Diagram::updateNote(const Note &n)
{
    replaceElement(*this, m_notes, n, &Diagram::noteChanged);
}

void Diagram::moveNote(const NoteId &id, const QPointF &topLeft)
{
    Note *n = m_notes.findMutable(id);
    Q_ASSERT(n);
    if (!n || n->rect.topLeft() == topLeft)
        return;
    n->rect.moveTopLeft(topLeft);
    Q_EMIT noteChanged(id);
}

void Diagram::reserve(int components, int connections)
{
    // Never below what is held: a smaller reserve would rehash (or shrink) for nothing.
    if (components > int(m_components.size()))
        m_components.reserve(components);
    if (connections > int(m_connections.size()))
        m_connections.reserve(connections);
}

} // namespace mls
