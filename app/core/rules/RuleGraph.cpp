// SPDX-License-Identifier: MIT
#include "RuleGraph.h"

#include <QSet>

#include <algorithm>

namespace mls {

void RuleGraph::addNode(const Component *c)
{
    if (!m_whole)
        m_index.insert(c->id, int(m_nodes.size()));
    m_nodes.push_back(c);
    m_kinds.push_back(m_catalog->kind(c->kind));
    m_hasWaivers = m_hasWaivers || !c->waivers.isEmpty();
}

void RuleGraph::addEdge(const Connection *c)
{
    const int from = indexOf(c->from);
    const int to = indexOf(c->to);
    if (from < 0 || to < 0)
        return; // cannot happen for a valid diagram; a region always holds both ends
    const int flow = m_catalog->flowIndex(c->flow);
    const bool synchronous = flow >= 0 && m_catalog->flows()[flow].synchronous;
    m_edges.push_back(Edge{c, from, to, flow, synchronous});
    m_hasWaivers = m_hasWaivers || !c->waivers.isEmpty();
}

void RuleGraph::buildAdjacency()
{
    const int n = nodeCount();
    m_outStart.fill(0, n + 1);
    m_inStart.fill(0, n + 1);
    for (const Edge &e : std::as_const(m_edges)) {
        ++m_outStart[e.from + 1];
        ++m_inStart[e.to + 1];
    }
    for (int i = 0; i < n; ++i) {
        m_outStart[i + 1] += m_outStart[i];
        m_inStart[i + 1] += m_inStart[i];
    }
    m_out.resize(m_edges.size());
    m_in.resize(m_edges.size());
    QVector<int> outFill = m_outStart, inFill = m_inStart;
    for (int e = 0; e < edgeCount(); ++e) {
        m_out[outFill[m_edges[e].from]++] = e;
        m_in[inFill[m_edges[e].to]++] = e;
    }
}

RuleGraph RuleGraph::whole(const Diagram &d, const Catalog &catalog)
{
    RuleGraph g;
    g.m_diagram = &d;
    g.m_catalog = &catalog;
    const int n = int(d.components().size());
    g.m_whole = true;
    g.m_nodes.reserve(n);
    g.m_kinds.reserve(n);
    g.m_edges.reserve(int(d.connections().size()));
    for (const Component &c : d.components())
        g.addNode(&c);
    for (const Connection &c : d.connections())
        g.addEdge(&c);
    g.buildAdjacency();
    return g;
}

RuleGraph RuleGraph::seeded(const Diagram &d, const Catalog &catalog, const QStringList &seeds)
{
    RuleGraph g;
    g.m_diagram = &d;
    g.m_catalog = &catalog;
    for (const QString &id : seeds) {
        if (const Component *c = d.component(id); c && !g.m_index.contains(id))
            g.addNode(c);
    }
    return g;
}

RuleGraph RuleGraph::region(const Diagram &d, const Catalog &catalog, const QStringList &seeds)
{
    RuleGraph g = seeded(d, catalog, seeds);
    // Breadth-first over connections in both directions; each connection is added once, as
    // an outgoing connection of its source, after all nodes are known.
    QVector<const Connection *> edges;
    for (int i = 0; i < g.nodeCount(); ++i) {
        const QString &id = g.m_nodes[i]->id;
        for (const Connection *e : d.outgoing(id)) {
            edges.push_back(e);
            if (!g.m_index.contains(e->to))
                g.addNode(d.component(e->to));
        }
        for (const Connection *e : d.incoming(id)) {
            if (!g.m_index.contains(e->from))
                g.addNode(d.component(e->from));
        }
    }
    // File order, as in whole(): the checks list members and paths in node and edge order,
    // and a re-check must give the same findings as a full check.
    QVector<std::pair<int, const Component *>> nodes;
    nodes.reserve(g.nodeCount());
    for (const Component *c : std::as_const(g.m_nodes))
        nodes.push_back({d.componentIndex(c->id), c});
    std::sort(nodes.begin(), nodes.end());
    g.m_nodes.clear();
    g.m_kinds.clear();
    g.m_index.clear();
    for (const auto &[index, c] : std::as_const(nodes))
        g.addNode(c);
    QVector<std::pair<int, const Connection *>> sorted;
    sorted.reserve(edges.size());
    for (const Connection *e : std::as_const(edges))
        sorted.push_back({d.connectionIndex(e->id), e});
    std::sort(sorted.begin(), sorted.end());
    for (const auto &[index, e] : std::as_const(sorted))
        g.addEdge(e);
    g.buildAdjacency();
    return g;
}

RuleGraph RuleGraph::neighbourhood(const Diagram &d, const Catalog &catalog,
                                   const QStringList &seeds)
{
    RuleGraph g = seeded(d, catalog, seeds);
    // Two rounds: the seeds' neighbours get all their connections too; the components at
    // distance two are added without theirs.
    QVector<const Connection *> edges;
    QSet<QString> taken;
    int done = 0;
    for (int round = 0; round < 2; ++round) {
        const int end = g.nodeCount();
        for (int i = done; i < end; ++i) {
            const QString &id = g.m_nodes[i]->id;
            for (const Connection *e : d.outgoing(id)) {
                if (!taken.contains(e->id)) {
                    taken.insert(e->id);
                    edges.push_back(e);
                }
                if (!g.m_index.contains(e->to))
                    g.addNode(d.component(e->to));
            }
            for (const Connection *e : d.incoming(id)) {
                if (!taken.contains(e->id)) {
                    taken.insert(e->id);
                    edges.push_back(e);
                }
                if (!g.m_index.contains(e->from))
                    g.addNode(d.component(e->from));
            }
        }
        done = end;
    }
    for (const Connection *e : std::as_const(edges))
        g.addEdge(e);
    g.buildAdjacency();
    return g;
}

const QVector<char> *RuleGraph::kindTable(const QStringList &kinds) const
{
    auto same = [&](const KindTable &t) {
        return t.kinds.constData() == kinds.constData() && t.kinds.size() == kinds.size();
    };
    if (m_lastKindTable < m_kindTables.size() && same(m_kindTables[m_lastKindTable]))
        return &m_kindTables[m_lastKindTable].has;
    for (size_t i = 0; i < m_kindTables.size(); ++i) {
        if (same(m_kindTables[i])) {
            m_lastKindTable = i;
            return &m_kindTables[i].has;
        }
    }
    if (m_kindTables.size() >= 32)
        return nullptr; // lists made anew on every call: compare strings then
    const QVector<KindInfo> &all = m_catalog->kinds();
    KindTable t{kinds, QVector<char>(all.size(), 0)};
    for (qsizetype k = 0; k < all.size(); ++k)
        t.has[k] = kinds.contains(all[k].id);
    m_kindTables.push_back(std::move(t));
    m_lastKindTable = m_kindTables.size() - 1;
    return &m_kindTables.back().has;
}

bool RuleGraph::isKind(int i, const QStringList &kinds) const
{
    const KindInfo *k = m_kinds[i];
    if (!k)
        return kinds.contains(m_nodes[i]->kind); // a kind the catalog does not know
    const QVector<char> *table = kindTable(kinds);
    return table ? (*table)[k - m_catalog->kinds().constData()] != 0
                 : kinds.contains(m_nodes[i]->kind);
}

Placement RuleGraph::placement(int i) const
{
    return m_kinds[i] ? m_kinds[i]->placement : Placement::Offline;
}

QString RuleGraph::label(int i) const
{
    return catalog().displayName(*m_nodes[i]);
}

} // namespace mls
