// SPDX-License-Identifier: MIT
#include "LatencyAnalysis.h"

#include "ComponentProps.h"
#include "Limits.h"
#include "RuleGraph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace mls {

namespace {

/// Longest-path pass over the synchronous call graph: each node's cost is computed once, by an
/// iterative depth-first walk (an explicit stack: a 50,000-hop chain must not overflow the
/// thread's stack), and shared by every client that reaches it.
class CriticalPath
{
public:
    explicit CriticalPath(const RuleGraph &g)
        : m_g(g), m_nodes(size_t(g.nodeCount())),
          m_p99(size_t(g.nodeCount()), std::numeric_limits<double>::quiet_NaN())
    {}

    /// Cost of node @p n including everything it waits for.
    double cost(int n)
    {
        walk(n);
        return m_nodes[size_t(n)].cost;
    }

    /// The chain of best choices from @p start: at most Limits::maxListedHops hops, and the
    /// number left out.
    QVector<LatencyHop> hops(int start, int *more) const
    {
        QVector<LatencyHop> hops;
        std::vector<int> seen; // at most Limits::maxListedHops: a scan beats a hash
        int n = start;
        QString via;
        bool lookup = false;
        *more = 0;
        while (n >= 0 && std::find(seen.begin(), seen.end(), n) == seen.end()) {
            if (hops.size() == Limits::maxListedHops) {
                *more = lookup ? 1 : m_nodes[size_t(n)].length;
                break;
            }
            seen.push_back(n);
            hops.push_back(LatencyHop{m_g.node(n).id, via, p99(n), lookup});
            const Node &node = m_nodes[size_t(n)];
            if (lookup || node.bestEdge < 0)
                break;
            const RuleGraph::Edge &edge = m_g.edge(node.bestEdge);
            via = edge.connection->id;
            lookup = node.bestLookup;
            n = lookup ? edge.from : edge.to;
        }
        return hops;
    }

private:
    enum class State : unsigned char
    {
        New,
        Open, ///< on the walk's stack: a call back here is a cycle and adds nothing
        Done
    };
    struct Node
    {
        State state = State::New;
        double cost = 0;
        int length = 1; ///< hops of the path from here (this node included)
        int bestEdge = -1;
        bool bestLookup = false;
    };
    struct Frame
    {
        int node;
        int next; ///< index of the next outgoing edge to look at
    };

    void walk(int root)
    {
        if (m_nodes[size_t(root)].state != State::New)
            return;
        std::vector<Frame> stack{Frame{root, 0}};
        m_nodes[size_t(root)].state = State::Open;
        while (!stack.empty()) {
            Frame &f = stack.back();
            const RuleGraph::EdgeRange out = m_g.out(f.node);
            const int count = int(out.end() - out.begin());
            int child = -1;
            while (f.next < count && child < 0) {
                const RuleGraph::Edge &edge = m_g.edge(out.begin()[f.next++]);
                if (isCall(edge) && m_nodes[size_t(edge.to)].state == State::New)
                    child = edge.to;
            }
            if (child >= 0) {
                m_nodes[size_t(child)].state = State::Open;
                stack.push_back(Frame{child, 0});
                continue;
            }
            finish(f.node);
            stack.pop_back();
        }
    }

    /// Every call of @p n is finished (or open, a cycle): take the slowest branch.
    void finish(int n)
    {
        Node &node = m_nodes[size_t(n)];
        double best = 0;
        int length = 0;
        for (int e : m_g.out(n)) {
            const RuleGraph::Edge &edge = m_g.edge(e);
            const Node &to = m_nodes[size_t(edge.to)];
            if (!isCall(edge) || to.state != State::Done)
                continue;
            if (to.cost > best || node.bestEdge < 0) {
                best = to.cost;
                length = to.length;
                node.bestEdge = e;
                node.bestLookup = false;
            }
        }
        if (m_g.placement(n) == Placement::Online) {
            for (int e : m_g.in(n)) {
                const RuleGraph::Edge &edge = m_g.edge(e);
                if (!isLookup(edge))
                    continue;
                const double c = p99(edge.from);
                if (c > best || node.bestEdge < 0) {
                    best = c;
                    length = 1;
                    node.bestEdge = e;
                    node.bestLookup = true;
                }
            }
        }
        node.cost = p99(n) + best;
        node.length = 1 + length;
        node.state = State::Done;
    }

    bool isCall(const RuleGraph::Edge &edge) const
    {
        const Placement p = m_g.placement(edge.to);
        return edge.synchronous && m_g.kind(edge.to) &&
               (p == Placement::Online || p == Placement::Store);
    }
    bool isLookup(const RuleGraph::Edge &edge) const
    {
        return !edge.synchronous && m_g.kind(edge.from) &&
               m_g.placement(edge.from) == Placement::Store;
    }

    /// LatencyAnalysis::p99() of node @p n, read from its props once per analysis (a store
    /// feeding many readers is asked once per reader).
    double p99(int n) const
    {
        double &ms = m_p99[size_t(n)];
        if (std::isnan(ms))
            ms = LatencyAnalysis::p99(m_g.node(n), m_g.kind(n));
        return ms;
    }

    const RuleGraph &m_g;
    std::vector<Node> m_nodes;
    mutable std::vector<double> m_p99; ///< NaN until asked
};

/// @p value when it is a non-negative finite number, else @p fallback.
double nonNegative(std::optional<double> value, double fallback)
{
    return value && *value >= 0 && *value < 1e12 ? *value : fallback;
}

} // namespace

double LatencyAnalysis::p99(const Component &c, const KindInfo *kind)
{
    return nonNegative(known::latencyOverrideMs(c.props), kind ? kind->latencyMs : 0.0);
}

double LatencyAnalysis::budget(const Component &client, double diagramBudgetMs)
{
    return nonNegative(known::clientBudgetMs(client.props), diagramBudgetMs);
}

QVector<LatencyPath> LatencyAnalysis::analyze(const RuleGraph &g)
{
    QVector<LatencyPath> paths;
    CriticalPath walk(g);
    for (int n = 0; n < g.nodeCount(); ++n) {
        if (!g.hasRole(n, KindRole::RequestOrigin))
            continue;
        LatencyPath p;
        p.client = g.node(n).id;
        p.totalMs = walk.cost(n);
        p.hops = walk.hops(n, &p.moreHops);
        p.budgetMs = budget(g.node(n), g.diagram().meta().latencyBudgetMs);
        paths.push_back(p);
    }
    return paths;
}

QVector<LatencyPath> LatencyAnalysis::analyze(const Diagram &d, const Catalog &catalog)
{
    return analyze(RuleGraph::whole(d, catalog));
}

QStringList LatencyPath::componentIds() const
{
    QStringList ids;
    for (const LatencyHop &h : hops)
        ids << h.component;
    return ids;
}

QStringList LatencyPath::connectionIds() const
{
    QStringList ids;
    for (const LatencyHop &h : hops) {
        if (!h.via.isEmpty())
            ids << h.via;
    }
    return ids;
}

} // namespace mls
