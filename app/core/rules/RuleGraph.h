// SPDX-License-Identifier: MIT
#pragma once

#include "Catalog.h"
#include "Diagram.h"

#include <QHash>
#include <QStringList>
#include <QVector>

#include <array>
#include <memory>
#include <vector>

namespace mls {

class SharedStringTable; // RuleGraph.cpp

/// An index of (part of) a diagram for the rule checks: components and connections by
/// position, with adjacency lists, so graph algorithms run on ints instead of id hashes.
///
/// A region graph holds whole weakly connected parts of the diagram, so every connection of
/// a component in it is in it too; that is what lets a re-check run the graph rules on the
/// edited part only.
class RuleGraph
{
public:
    /// A read-only run of edge indexes.
    struct EdgeRange
    {
        const int *first = nullptr;
        const int *last = nullptr;
        const int *begin() const { return first; }
        const int *end() const { return last; }
        int size() const { return int(last - first); }
        bool isEmpty() const { return first == last; }
    };

    /// A connection between two nodes, its flow resolved against the catalog once.
    struct Edge
    {
        const Connection *connection = nullptr;
        int from = -1;
        int to = -1;
        int flow = -1;            ///< index in Catalog::flows(); -1 for a flow it does not know
        bool synchronous = false; ///< the catalog's FlowType::synchronous: a call, not data
        /// The edge carries the catalog flow at index @p f (from RuleGraph::flow()).
        bool is(int f) const { return f >= 0 && flow == f; }
    };

    /// An edge as seen from one of its ends: the node at its other end, its flow and whether
    /// it is a call. Kept beside the adjacency in the same order, so a walk that only needs
    /// these reads one run of arcs per node instead of each edge where it lies.
    struct Arc
    {
        int node = -1; ///< the other end
        int flow = -1; ///< Edge::flow
        bool synchronous = false;
        bool is(int f) const { return f >= 0 && flow == f; }
    };
    struct ArcRange
    {
        const Arc *first = nullptr;
        const Arc *last = nullptr;
        const Arc *begin() const { return first; }
        const Arc *end() const { return last; }
    };

    /// The whole diagram.
    static RuleGraph whole(const Diagram &d, const Catalog &catalog);
    /// The weakly connected parts of @p d that contain any of @p seeds (unknown ids ignored).
    static RuleGraph region(const Diagram &d, const Catalog &catalog, const QStringList &seeds);
    /// @p seeds, their neighbours and every connection touching one of those, with the
    /// components at its other end: enough for the component and connection checks of the
    /// seeds, their neighbours and the seeds' connections, not for graph checks.
    static RuleGraph neighbourhood(const Diagram &d, const Catalog &catalog,
                                   const QStringList &seeds);

    /// Brings a graph of the whole diagram (whole()) up to date after an edit that added or
    /// removed no component, at the cost of one pass over the connections instead of a rebuild
    /// (which looks up both ends of every connection by id): @p gone are the objects of the
    /// connections the edit removed or changed (compared, never read: they may be freed),
    /// @p connections the ids it added, changed or removed, @p components the components whose
    /// kind may have changed. False when this is not a whole graph of @p d in step with it up
    /// to that edit (then it must be rebuilt).
    bool updateWhole(const Diagram &d, const QVector<const Connection *> &gone,
                     const QStringList &connections, const QStringList &components);

    const Diagram &diagram() const { return *m_diagram; }
    const Catalog &catalog() const { return *m_catalog; }
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    const Component &node(int i) const { return *m_nodes[i]; }
    /// Kind info of node @p i, or nullptr for an unknown kind.
    const KindInfo *kind(int i) const { return m_kinds[i]; }
    const Edge &edge(int i) const { return m_edges[i]; }
    /// Edge indexes leaving / entering node @p i.
    EdgeRange out(int i) const { return range(m_out, m_outStart, i); }
    EdgeRange in(int i) const { return range(m_in, m_inStart, i); }
    /// The edges of out() (in()) as arcs to their targets (from their sources), in that order.
    ArcRange outArcs(int i) const { return arcs(m_outArcs, m_outStart, i); }
    ArcRange inArcs(int i) const { return arcs(m_inArcs, m_inStart, i); }
    /// True when edge i comes before edge j in the diagram's file order exactly when i < j (a
    /// graph of the whole diagram keeps its connections in file order).
    bool edgesInFileOrder() const { return m_whole; }
    /// Node index of a component id, or -1.
    int indexOf(const QString &id) const
    {
        return m_whole ? m_diagram->componentIndex(id) : m_index.value(id, -1);
    }
    /// indexOf() for an id that is usually a copy of a node's (sharing its characters), as the
    /// ids a graph check names are: after a few look-ups, found by address in a table made on
    /// first need (kept until dropCopyIndex()); other ids are looked up by indexOf().
    int indexOfCopy(const QString &id) const;
    /// Frees indexOfCopy()'s table (the graph may be kept long after the checks ran).
    void dropCopyIndex() const;
    /// Index of flow @p id in the catalog, for Edge::is() and FlowSet; -1 when unknown.
    int flow(const QString &id) const { return m_catalog->flowIndex(id); }
    /// The same for a flow named in the rules' code ("model"): answered from a short list of
    /// the names asked before instead of a string made and hashed per judgement.
    int flow(const char *id) const;
    /// The node's kind id is one of @p kinds.
    /// (Called for every node by most graph rules: a catalog kind is looked up in a table made
    /// once per list instead of comparing strings.)
    bool isKind(int i, const QStringList &kinds) const
    {
        const int k = m_traits[size_t(i)].kind;
        if (k >= 0) {
            for (const LastList &last : m_lastKinds) {
                if (kinds.constData() == last.list && kinds.size() == last.size)
                    return last.has[k] != 0;
            }
        }
        return isKindOfList(i, kinds);
    }
    /// Edge @p e's flow id is one of @p flows (a table per list, as for isKind()).
    bool isFlow(int e, const QStringList &flows) const
    {
        const int f = m_edges[e].flow;
        if (f >= 0) {
            for (const LastList &last : m_lastFlows) {
                if (flows.constData() == last.list && flows.size() == last.size)
                    return last.has[f] != 0;
            }
        }
        return isFlowOfList(e, flows);
    }
    /// The kind of node @p i lists edge @p e's flow in its produces (@p consumes: consumes);
    /// false for a kind or flow the catalog does not know.
    bool kindHandles(int i, int e, bool consumes) const;
    /// The catalog gives node @p i's kind role @p r (unknown kinds have none).
    bool hasRole(int i, KindRole r) const { return (m_traits[size_t(i)].roles & unsigned(r)) != 0; }
    /// Placement of node @p i; unknown kinds count as Offline (never on the request path).
    Placement placement(int i) const { return m_traits[size_t(i)].placement; }
    /// True when a component or connection of the graph carries a waiver.
    bool hasWaivers() const { return m_hasWaivers; }
    /// Label of node @p i (its id when the label is empty).
    QString label(int i) const;
    /// The catalog's label of node @p i's kind in lower case, as messages name kinds.
    QString kindPhrase(int i) const;
    /// The catalog's label of edge @p e's flow in lower case (an unknown flow: its id).
    QString flowPhrase(int e) const;
    /// The labels of @p flows in lower case, joined by " or " ("features or model").
    QString flowsPhrase(const QStringList &flows) const;

private:
    /// What the walks ask of a node's kind, kept beside the node (one read instead of two
    /// dependent ones through m_kinds): set by setKind().
    struct NodeTraits
    {
        unsigned roles = 0; ///< KindInfo::roles; none for an unknown kind
        Placement placement = Placement::Offline;
        int kind = -1; ///< index in Catalog::kinds(), -1 for an unknown kind
    };
    /// Sets node @p i's kind (appends a node when @p i is nodeCount()).
    void setKind(int i, const KindInfo *k);
    /// A graph of the existing components among @p seeds (each once), no connections yet.
    static RuleGraph seeded(const Diagram &d, const Catalog &catalog, const QStringList &seeds);
    void addNode(const Component *c);
    void addEdge(const Connection *c);
    void buildAdjacency();
    /// updateWhole() when connections were only added.
    bool insertEdges(const Diagram &d, const QStringList &connections);
    static EdgeRange range(const QVector<int> &list, const QVector<int> &start, int i)
    {
        return EdgeRange{list.constData() + start[i], list.constData() + start[i + 1]};
    }
    static ArcRange arcs(const std::vector<Arc> &list, const QVector<int> &start, int i)
    {
        return ArcRange{list.data() + start[i], list.data() + start[i + 1]};
    }
    Arc arcTo(const Edge &e) const { return Arc{e.to, e.flow, e.synchronous}; }
    Arc arcFrom(const Edge &e) const { return Arc{e.from, e.flow, e.synchronous}; }
    /// isKind() past its check of the last list asked.
    bool isKindOfList(int i, const QStringList &kinds) const;
    bool isFlowOfList(int e, const QStringList &flows) const;

    /// Which catalog kinds (or flows) a list passed to isKind() (isFlow()) holds. The list is
    /// kept (a shared copy), so its data, by which it is found again, cannot be reused by
    /// another list meanwhile.
    struct ListTable
    {
        QStringList kinds; ///< the list (of kinds or flows)
        QVector<char> has; ///< per index in Catalog::kinds() (Catalog::flows())
    };
    const QVector<char> *kindTable(const QStringList &kinds) const;
    const QVector<char> *flowTable(const QStringList &flows) const;
    /// The table of @p list in @p tables (made from @p ids, the catalog's kind or flow ids).
    template <typename Ids>
    static const QVector<char> *listTable(std::vector<ListTable> &tables,
                                          std::array<int, 8> &recent, const QStringList &list,
                                          const Ids &ids);

    mutable std::vector<ListTable> m_kindTables; ///< a cache: RuleGraph is used by one thread
    /// The last table found per slot of a list's data address: isKind() alternates between a
    /// rule's lists (its kinds, then its to_kinds for each node a walk reaches).
    mutable std::array<int, 8> m_kindSlots{};
    mutable std::array<int, 8> m_flowSlots{};
    /// flow(const char *)'s answers: the address and characters asked, and the index.
    struct FlowName
    {
        const char *address;
        QByteArray name;
        int index;
    };
    mutable std::vector<FlowName> m_flowNames;
    /// The last lists isKind() (isFlow()) found a table for (their data address and size) and
    /// those tables: a rule's few lists alternate (its kinds, then its to_kinds for each node a
    /// walk reaches; one rule, then the next on the same node).
    struct LastList
    {
        const QString *list = nullptr;
        qsizetype size = -1; ///< none yet (an empty list may have no data address)
        const char *has = nullptr;
    };
    static constexpr size_t lastLists = 6;
    mutable std::array<LastList, lastLists> m_lastKinds{};
    mutable std::array<LastList, lastLists> m_lastFlows{};
    mutable size_t m_nextKinds = 0, m_nextFlows = 0; ///< the entry replaced next
    // Caches of the phrases above: per catalog kind, per catalog flow, per list of flows (kept
    // as a shared copy, found again by its data, as the kind tables are).
    mutable std::vector<QString> m_kindPhrases;
    mutable std::vector<QString> m_flowPhrases;
    mutable std::vector<std::pair<QStringList, QString>> m_flowListPhrases;
    mutable std::vector<ListTable> m_flowTables; ///< the same per list of flows
    /// Per catalog kind and flow: 1 the kind produces it, 2 consumes it (empty until asked).
    mutable std::vector<char> m_handles;
    bool m_hasWaivers = false;
    /// Every component, in file order: node i is component i, and the diagram's own index
    /// answers indexOf() (m_index stays empty).
    bool m_whole = false;
    const Diagram *m_diagram = nullptr;
    const Catalog *m_catalog = nullptr;
    QVector<const Component *> m_nodes;
    QVector<const KindInfo *> m_kinds;
    std::vector<NodeTraits> m_traits; ///< per node, beside m_kinds
    QVector<Edge> m_edges;
    // Compressed adjacency: the edges leaving node i are m_out[m_outStart[i] .. m_outStart[i+1]).
    QVector<int> m_out, m_outStart;
    QVector<int> m_in, m_inStart;
    std::vector<Arc> m_outArcs, m_inArcs; ///< beside m_out and m_in

    QHash<QString, int> m_index;
    mutable std::shared_ptr<const SharedStringTable> m_copyIndex; ///< see indexOfCopy()
    mutable int m_copyLookups = 0;
};

} // namespace mls
