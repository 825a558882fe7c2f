// SPDX-License-Identifier: MIT
#include "RuleGraph.h"

#include <QSet>

#include <algorithm>

namespace mls {

/// A value per string, found by the address and length of the string's characters: a copy of
/// a QString shares them, so a connection's ends (copies of their components' ids, as the
/// reader and the model make them) and kinds and flows (one shared string per distinct value)
/// are found without hashing or comparing characters. Same address and length means the same
/// characters, so a hit is exact; a string stored elsewhere is not found (the caller then asks
/// the diagram or the catalog).
class SharedStringTable
{
public:
    explicit SharedStringTable(qsizetype expected)
    {
        size_t size = 16;
        while (size < size_t(expected) * 2)
            size *= 2;
        m_slots.resize(size);
        m_mask = size - 1;
    }
    /// The value stored for @p s, or -2 when none is.
    int find(const QString &s) const
    {
        for (size_t i = slot(s);; i = (i + 1) & m_mask) {
            const Slot &x = m_slots[i];
            if (!x.data)
                return -2;
            if (x.data == s.constData() && x.size == s.size())
                return x.value;
        }
    }
    void insert(const QString &s, int value)
    {
        if (s.isEmpty() || 2 * (m_used + 1) > m_slots.size())
            return; // full: a miss only costs the fallback
        size_t i = slot(s);
        while (m_slots[i].data &&
               !(m_slots[i].data == s.constData() && m_slots[i].size == s.size()))
            i = (i + 1) & m_mask;
        if (!m_slots[i].data)
            ++m_used;
        m_slots[i] = Slot{s.constData(), s.size(), value};
    }

private:
    struct Slot
    {
        const QChar *data = nullptr;
        qsizetype size = 0;
        int value = 0;
    };
    size_t slot(const QString &s) const
    {
        const auto a = quintptr(s.constData()) ^ quintptr(s.size());
        return size_t((quint64(a) * 0x9E3779B97F4A7C15ull) >> 20) & m_mask;
    }
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_used = 0;
};

int RuleGraph::indexOfCopy(const QString &id) const
{
    // A few look-ups (a re-check's) ask indexOf(); after that a table of the nodes' ids by
    // address pays for itself (a full check names thousands of components in its messages).
    constexpr int lookupsBeforeTable = 16;
    if (!m_copyIndex) {
        if (++m_copyLookups <= lookupsBeforeTable)
            return indexOf(id);
        auto table = std::make_shared<SharedStringTable>(nodeCount());
        for (int i = 0; i < nodeCount(); ++i)
            table->insert(m_nodes[i]->id, i);
        m_copyIndex = std::move(table);
    }
    const int i = m_copyIndex->find(id);
    return i >= 0 ? i : indexOf(id);
}

void RuleGraph::dropCopyIndex() const
{
    m_copyIndex.reset();
    m_copyLookups = 0;
}

void RuleGraph::addNode(const Component *c)
{
    if (!m_whole)
        m_index.insert(c->id, int(m_nodes.size()));
    m_nodes.push_back(c);
    setKind(int(m_nodes.size()) - 1, m_catalog->kind(c->kind));
    m_hasWaivers = m_hasWaivers || !c->waivers.isEmpty();
}

void RuleGraph::setKind(int i, const KindInfo *k)
{
    NodeTraits t;
    if (k) {
        t.roles = k->roles;
        t.placement = k->placement;
        t.kind = int(k - m_catalog->kinds().constData());
    }
    if (i == int(m_traits.size())) {
        m_kinds.push_back(k);
        m_traits.push_back(t);
    } else {
        m_kinds[i] = k;
        m_traits[size_t(i)] = t;
    }
}

int RuleGraph::flow(const char *id) const
{
    // By address first (a literal asks again from the same place), the characters compared
    // too: a buffer reused for another name is not mistaken for the first.
    for (const FlowName &f : m_flowNames) {
        if (f.address == id && f.name == id)
            return f.index;
    }
    for (const FlowName &f : m_flowNames) {
        if (f.name == id)
            return f.index;
    }
    const int index = m_catalog->flowIndex(QString::fromUtf8(id));
    if (m_flowNames.size() < 64)
        m_flowNames.push_back(FlowName{id, QByteArray(id), index});
    return index;
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
    m_outArcs.resize(size_t(m_edges.size()));
    m_inArcs.resize(size_t(m_edges.size()));
    QVector<int> outFill = m_outStart, inFill = m_inStart;
    for (int e = 0; e < edgeCount(); ++e) {
        const Edge &edge = m_edges[e];
        const int o = outFill[edge.from]++;
        const int i = inFill[edge.to]++;
        m_out[o] = e;
        m_in[i] = e;
        m_outArcs[size_t(o)] = arcTo(edge);
        m_inArcs[size_t(i)] = arcFrom(edge);
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
    g.m_traits.reserve(size_t(n));
    g.m_edges.reserve(int(d.connections().size()));
    // addNode() and addEdge(), with ids, kinds and flows looked up by their shared characters
    // first: looking both ends of every connection up by id was most of building the graph.
    SharedStringTable ids(n), kinds(64), flows(64);
    const QVector<KindInfo> &catalogKinds = catalog.kinds();
    for (const Component &c : d.components()) {
        ids.insert(c.id, int(g.m_nodes.size()));
        int kind = kinds.find(c.kind);
        if (kind == -2) {
            const KindInfo *k = catalog.kind(c.kind);
            kind = k ? int(k - catalogKinds.constData()) : -1;
            kinds.insert(c.kind, kind);
        }
        g.m_nodes.push_back(&c);
        g.setKind(int(g.m_nodes.size()) - 1, kind >= 0 ? &catalogKinds[kind] : nullptr);
        g.m_hasWaivers = g.m_hasWaivers || !c.waivers.isEmpty();
    }
    auto node = [&](const QString &id) {
        const int i = ids.find(id);
        return i >= 0 ? i : d.componentIndex(id);
    };
    for (const Connection &c : d.connections()) {
        const int from = node(c.from), to = node(c.to);
        if (from < 0 || to < 0)
            continue; // cannot happen for a valid diagram
        int flow = flows.find(c.flow);
        if (flow == -2) {
            flow = catalog.flowIndex(c.flow);
            flows.insert(c.flow, flow);
        }
        const bool synchronous = flow >= 0 && catalog.flows()[flow].synchronous;
        g.m_edges.push_back(Edge{&c, from, to, flow, synchronous});
        g.m_hasWaivers = g.m_hasWaivers || !c.waivers.isEmpty();
    }
    g.buildAdjacency();
    return g;
}

bool RuleGraph::updateWhole(const Diagram &d, const QVector<const Connection *> &gone,
                            const QStringList &connections, const QStringList &components)
{
    if (!m_whole || m_diagram != &d || nodeCount() != int(d.components().size()))
        return false;
    // Node i must still be component i: a component removed and added again within one edit
    // is a new object, and Diagram::reorderComponent() moves one without an edit the rules
    // hear of. (Addresses are compared, never read.)
    for (int i = 0; i < nodeCount(); ++i) {
        if (m_nodes[i] != &d.components()[size_t(i)])
            return false;
    }
    for (const QString &id : components) {
        const Component *c = d.component(id);
        const int i = c ? d.componentIndex(id) : -1;
        if (i < 0)
            return false;
        setKind(i, m_catalog->kind(c->kind));
        m_hasWaivers = m_hasWaivers || !c->waivers.isEmpty();
    }
    if (connections.isEmpty())
        return true; // the adjacency stands
    if (gone.isEmpty())
        return insertEdges(d, connections);
    if (!gone.isEmpty()) {
        const auto isGone = [&](const Edge &e) { return gone.contains(e.connection); };
        m_edges.erase(std::remove_if(m_edges.begin(), m_edges.end(), isGone), m_edges.end());
    }
    // Without the edited connections the edges are the others in file order; inserting the
    // edited ones by increasing file position puts each at its place.
    QVector<std::pair<int, const Connection *>> added;
    for (const QString &id : connections) {
        if (const Connection *c = d.connection(id))
            added.push_back({d.connectionIndex(id), c});
    }
    std::sort(added.begin(), added.end());
    added.erase(std::unique(added.begin(), added.end()), added.end());
    QVector<Edge> edges;
    edges.reserve(m_edges.size() + added.size());
    qsizetype next = 0;
    for (const auto &[index, c] : std::as_const(added)) {
        while (edges.size() < index && next < m_edges.size())
            edges.push_back(m_edges[next++]);
        if (edges.size() != index)
            return false;
        std::swap(edges, m_edges);
        addEdge(c); // appends to m_edges, which holds the merged list meanwhile
        std::swap(edges, m_edges);
    }
    while (next < m_edges.size())
        edges.push_back(m_edges[next++]);
    m_edges = std::move(edges);
    if (edgeCount() != int(d.connections().size()))
        return false;
    buildAdjacency();
    return true;
}

bool RuleGraph::insertEdges(const Diagram &d, const QStringList &connections)
{
    // Connections only added: each goes in at its file position and the adjacency is shifted
    // in place, instead of rebuilt (a connect on 30,000 connections was a rebuild).
    QVector<std::pair<int, const Connection *>> added;
    for (const QString &id : connections) {
        const Connection *c = d.connection(id);
        if (!c)
            return false;
        added.push_back({d.connectionIndex(id), c});
    }
    std::sort(added.begin(), added.end());
    added.erase(std::unique(added.begin(), added.end()), added.end());
    if (edgeCount() + added.size() != qsizetype(d.connections().size()))
        return false;
    auto put = [](QVector<int> &list, std::vector<Arc> &arcs, QVector<int> &start, int node,
                  int edge, Arc arc) {
        const int *first = list.constData() + start[node];
        const int *last = list.constData() + start[node + 1];
        const qsizetype at = std::lower_bound(first, last, edge) - list.constData();
        list.insert(at, edge);
        arcs.insert(arcs.begin() + at, arc);
        for (qsizetype k = node + 1; k < start.size(); ++k)
            ++start[k];
    };
    for (const auto &[index, c] : std::as_const(added)) { // by file position: the earlier ones
        const int from = indexOf(c->from);                // are in place already
        const int to = indexOf(c->to);
        if (from < 0 || to < 0 || index > edgeCount())
            return false;
        for (QVector<int> *list : {&m_out, &m_in}) {
            for (int &e : *list)
                e += e >= index ? 1 : 0;
        }
        const int flow = m_catalog->flowIndex(c->flow);
        const bool synchronous = flow >= 0 && m_catalog->flows()[flow].synchronous;
        const Edge edge{c, from, to, flow, synchronous};
        m_edges.insert(index, edge);
        m_hasWaivers = m_hasWaivers || !c->waivers.isEmpty();
        put(m_out, m_outArcs, m_outStart, from, index, arcTo(edge));
        put(m_in, m_inArcs, m_inStart, to, index, arcFrom(edge));
    }
    return true;
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
    g.m_traits.clear();
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

template <typename Ids>
const QVector<char> *RuleGraph::listTable(std::vector<ListTable> &tables,
                                          std::array<int, 8> &recent, const QStringList &list,
                                          const Ids &ids)
{
    auto same = [&](const ListTable &t) {
        return t.kinds.constData() == list.constData() && t.kinds.size() == list.size();
    };
    // A slot holds the table index + 1 of the last list seen with these address bits.
    int &slot = recent[(quintptr(list.constData()) >> 4) & 7];
    if (slot > 0 && same(tables[size_t(slot - 1)]))
        return &tables[size_t(slot - 1)].has;
    for (size_t i = 0; i < tables.size(); ++i) {
        if (same(tables[i])) {
            slot = int(i) + 1;
            return &tables[i].has;
        }
    }
    if (tables.size() >= 32)
        return nullptr; // lists made anew on every call: compare strings then
    ListTable t{list, QVector<char>(ids.size(), 0)};
    for (qsizetype k = 0; k < ids.size(); ++k)
        t.has[k] = list.contains(ids[k].id);
    tables.push_back(std::move(t));
    slot = int(tables.size());
    return &tables.back().has;
}

const QVector<char> *RuleGraph::kindTable(const QStringList &kinds) const
{
    return listTable(m_kindTables, m_kindSlots, kinds, m_catalog->kinds());
}

const QVector<char> *RuleGraph::flowTable(const QStringList &flows) const
{
    return listTable(m_flowTables, m_flowSlots, flows, m_catalog->flows());
}

bool RuleGraph::isFlowOfList(int e, const QStringList &flows) const
{
    const Edge &edge = m_edges[e];
    const QVector<char> *table = edge.flow >= 0 ? flowTable(flows) : nullptr;
    if (!table)
        return flows.contains(edge.connection->flow);
    m_lastFlows[m_nextFlows] = LastList{flows.constData(), flows.size(), table->constData()};
    m_nextFlows = (m_nextFlows + 1) % lastLists;
    return (*table)[edge.flow] != 0;
}

bool RuleGraph::kindHandles(int i, int e, bool consumes) const
{
    const KindInfo *k = m_kinds[i];
    const int flow = m_edges[e].flow;
    if (!k || flow < 0)
        return false;
    const QVector<KindInfo> &kinds = m_catalog->kinds();
    const QVector<FlowType> &flows = m_catalog->flows();
    if (m_handles.empty()) {
        m_handles.resize(size_t(kinds.size() * flows.size()));
        for (qsizetype x = 0; x < kinds.size(); ++x) {
            for (qsizetype f = 0; f < flows.size(); ++f) {
                m_handles[size_t(x * flows.size() + f)] =
                    char((kinds[x].produces.contains(flows[f].id) ? 1 : 0) |
                         (kinds[x].consumes.contains(flows[f].id) ? 2 : 0));
            }
        }
    }
    const qsizetype x = k - kinds.constData();
    return m_handles[size_t(x * flows.size() + flow)] & (consumes ? 2 : 1);
}

bool RuleGraph::isKindOfList(int i, const QStringList &kinds) const
{
    const int k = m_traits[size_t(i)].kind;
    if (k < 0)
        return kinds.contains(m_nodes[i]->kind); // a kind the catalog does not know
    const QVector<char> *table = kindTable(kinds);
    if (!table)
        return kinds.contains(m_nodes[i]->kind);
    // The table's characters stay where they are while the list is kept (ListTable::kinds),
    // even when m_kindTables grows and moves the tables.
    m_lastKinds[m_nextKinds] = LastList{kinds.constData(), kinds.size(), table->constData()};
    m_nextKinds = (m_nextKinds + 1) % lastLists;
    return (*table)[k] != 0;
}

QString RuleGraph::label(int i) const
{
    return catalog().displayName(*m_nodes[i]);
}

QString RuleGraph::kindPhrase(int i) const
{
    const KindInfo *k = m_kinds[i];
    if (!k)
        return m_catalog->kindLabel(m_nodes[i]->kind).toLower();
    const size_t index = size_t(k - m_catalog->kinds().constData());
    if (m_kindPhrases.empty())
        m_kindPhrases.resize(size_t(m_catalog->kinds().size()));
    QString &phrase = m_kindPhrases[index];
    if (phrase.isNull())
        phrase = k->label.toLower();
    return phrase;
}

QString RuleGraph::flowPhrase(int e) const
{
    const Edge &edge = m_edges[e];
    if (edge.flow < 0)
        return m_catalog->flowLabel(edge.connection->flow).toLower();
    if (m_flowPhrases.empty())
        m_flowPhrases.resize(size_t(m_catalog->flows().size()));
    QString &phrase = m_flowPhrases[size_t(edge.flow)];
    if (phrase.isNull())
        phrase = m_catalog->flows()[edge.flow].label.toLower();
    return phrase;
}

QString RuleGraph::flowsPhrase(const QStringList &flows) const
{
    for (const auto &[list, phrase] : m_flowListPhrases) {
        if (list.constData() == flows.constData() && list.size() == flows.size())
            return phrase;
    }
    QStringList labels;
    for (const QString &f : flows)
        labels << m_catalog->flowLabel(f).toLower();
    QString phrase = labels.join(QStringLiteral(" or "));
    if (m_flowListPhrases.size() < 32) // lists made anew on every call are not kept
        m_flowListPhrases.emplace_back(flows, phrase);
    return phrase;
}

} // namespace mls
