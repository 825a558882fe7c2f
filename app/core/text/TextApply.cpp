// SPDX-License-Identifier: MIT
#include "TextApply.h"

#include "CardGeometry.h"
#include "layout/GraphvizLayout.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace mls {

namespace {

/// A component's connections as "in/out flow other-end", sorted: what a rename keeps.
QStringList signature(const QString &id, const std::vector<Connection> &connections,
                      const QHash<QString, QString> &rename = {})
{
    QStringList sig;
    for (const Connection &c : connections) {
        if (c.from == id)
            sig << QStringLiteral("out %1 %2").arg(c.flow, rename.value(c.to, c.to));
        if (c.to == id)
            sig << QStringLiteral("in %1 %2").arg(c.flow, rename.value(c.from, c.from));
    }
    sig.sort();
    return sig;
}

/// Centres for the components of @p t without one (indexes in @p fresh): Graphviz lays the
/// whole design out with every placed card pinned where it is.
void placeNew(DesignSnapshot &t, const QVector<int> &fresh)
{
    LayoutInput in;
    QHash<QString, QStringList> zonesOf;
    for (const Group &g : t.groups) {
        in.zoneIds << g.id;
        for (const QString &m : g.members)
            zonesOf[m] << g.id;
    }
    const QSet<int> isFresh(fresh.begin(), fresh.end());
    QRectF placed;
    for (int i = 0; i < int(t.components.size()); ++i) {
        LayoutNode n;
        n.id = t.components[size_t(i)].id;
        n.size = CardGeometry::size(t.components[size_t(i)]);
        n.zones = zonesOf.value(n.id);
        if (!isFresh.contains(i)) {
            n.fixedCentre = t.components[size_t(i)].pos;
            placed |= CardGeometry::rect(t.components[size_t(i)]);
        }
        in.nodes << n;
    }
    for (const Connection &c : t.connections)
        in.edges << LayoutEdge{c.id, c.from, c.to};
    const LayoutResult r = GraphvizLayout::run(in);
    for (int k = 0; k < fresh.size(); ++k) {
        Component &c = t.components[size_t(fresh[k])];
        if (r.ok && r.centres.size() == in.nodes.size())
            c.pos = r.centres[fresh[k]];
        else // no Graphviz: a column right of the drawing
            c.pos = QPointF(placed.right() + 160, placed.top() + 30 + k * 100);
    }
}

} // namespace

DesignSnapshot DesignSnapshot::of(const Diagram &d)
{
    return {d.meta(), d.extra(), d.components().toVector(), d.connections().toVector(),
            d.groups().toVector()};
}

void DesignSnapshot::applyTo(Diagram &d) const
{
    QHash<QString, const Component *> comps;
    QHash<QString, const Connection *> conns;
    QHash<QString, const Group *> groupsById;
    for (const Component &c : components)
        comps.insert(c.id, &c);
    for (const Connection &c : connections)
        conns.insert(c.id, &c);
    for (const Group &g : groups)
        groupsById.insert(g.id, &g);
    QStringList drop;
    for (const Connection &c : d.connections()) {
        const Connection *t = conns.value(c.id);
        if (!t || t->from != c.from || t->to != c.to)
            drop << c.id;
    }
    for (const QString &id : std::as_const(drop))
        d.takeConnection(id);
    drop.clear();
    for (const Group &g : d.groups()) {
        if (!groupsById.contains(g.id))
            drop << g.id;
    }
    for (const QString &id : std::as_const(drop))
        d.takeGroup(id);
    drop.clear();
    for (const Component &c : d.components()) {
        if (!comps.contains(c.id))
            drop << c.id;
    }
    for (const QString &id : std::as_const(drop))
        d.takeComponent(id);
    for (int i = 0; i < int(components.size()); ++i) {
        const Component &c = components[size_t(i)];
        if (const Component *old = d.component(c.id)) {
            if (*old != c)
                d.updateComponent(c);
        } else {
            d.insertComponent(i, c);
        }
    }
    for (int i = 0; i < int(components.size()); ++i) {
        if (d.componentIndex(components[size_t(i)].id) != i)
            d.reorderComponent(components[size_t(i)].id, i);
    }
    for (int i = 0; i < int(connections.size()); ++i) {
        const Connection &c = connections[size_t(i)];
        if (const Connection *old = d.connection(c.id)) {
            if (*old != c)
                d.updateConnection(c);
        } else {
            d.insertConnection(i, c);
        }
    }
    for (int i = 0; i < int(groups.size()); ++i) {
        const Group &g = groups[size_t(i)];
        if (const Group *old = d.group(g.id)) {
            if (*old != g)
                d.updateGroup(g);
        } else {
            d.insertGroup(i, g);
        }
    }
    if (d.meta() != meta)
        d.setMeta(meta);
    if (d.extra() != extra)
        d.setExtra(extra);
}

ApplyTextCommand::ApplyTextCommand(Diagram *diagram, DesignSnapshot after, const QString &text,
                                   QUndoCommand *parent)
    : QUndoCommand(text, parent), m_diagram(diagram), m_before(DesignSnapshot::of(*diagram)),
      m_after(std::move(after))
{}

void ApplyTextCommand::redo()
{
    m_after.applyTo(*m_diagram);
}

void ApplyTextCommand::undo()
{
    m_before.applyTo(*m_diagram);
}

DesignSnapshot TextApply::target(const Diagram &current, const Diagram &parsed,
                                 QStringList *renames)
{
    DesignSnapshot t = DesignSnapshot::of(parsed);
    // Renames: an id gone from the text and a new one of the same kind with the same
    // connections (the other ends seen through the renames found so far).
    QStringList gone;
    for (const Component &c : current.components()) {
        if (!parsed.component(c.id))
            gone << c.id;
    }
    const std::vector<Connection> oldConnections = current.connections().toVector();
    QHash<QString, QString> renamed; // new id → old id
    for (const Component &c : t.components) {
        if (current.component(c.id) || gone.isEmpty())
            continue;
        const QStringList sig = signature(c.id, t.connections);
        for (const QString &old : std::as_const(gone)) {
            QHash<QString, QString> oldToNew;
            for (auto it = renamed.cbegin(); it != renamed.cend(); ++it)
                oldToNew.insert(it.value(), it.key());
            if (current.component(old)->kind == c.kind &&
                signature(old, oldConnections, oldToNew) == sig) {
                renamed.insert(c.id, old);
                gone.removeOne(old);
                if (renames)
                    *renames << old + QStringLiteral(" → ") + c.id;
                break;
            }
        }
    }
    QVector<int> fresh;
    for (int i = 0; i < int(t.components.size()); ++i) {
        Component &c = t.components[size_t(i)];
        const Component *old = current.component(renamed.value(c.id, c.id));
        if (old)
            c.pos = old->pos;
        else
            fresh << i;
    }
    for (Connection &c : t.connections) { // a kept arrow keeps its drawn route
        const Connection *old = current.connection(c.id);
        if (old && old->from == c.from && old->to == c.to)
            c.route = old->route;
    }
    if (!fresh.isEmpty())
        placeNew(t, fresh);
    return t;
}

QUndoCommand *TextApply::command(Diagram *current, const Diagram &parsed)
{
    QStringList renames;
    DesignSnapshot after = target(*current, parsed, &renames);
    const DesignSnapshot before = DesignSnapshot::of(*current);
    if (after.meta == before.meta && after.extra == before.extra &&
        after.components == before.components && after.connections == before.connections &&
        after.groups == before.groups)
        return nullptr;
    const QString text = renames.isEmpty()
                             ? QObject::tr("Edit as text")
                             : QObject::tr("Edit as text (rename %1)").arg(renames.join(", "));
    return new ApplyTextCommand(current, std::move(after), text);
}

} // namespace mls
