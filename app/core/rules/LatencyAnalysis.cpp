#include "LatencyAnalysis.h"

#include "RuleGraph.h"

#include <QSet>

#include <tuple>

namespace mls {

namespace {

/// Memoised depth-first walk of the request path behind one client.
class CriticalPath
{
public:
    explicit CriticalPath(const RuleGraph &g) : m_g(g) {}

    /// Cost of node @p n including everything it waits for.
    double cost(int n)
    {
        auto it = m_memo.find(n);
        if (it != m_memo.end())
            return it->onStack ? 0.0 : it->cost; // a cycle back onto the path adds nothing
        m_memo.insert(n, Entry{true, 0, -1, false});
        double best = 0;
        int bestEdge = -1;
        bool bestLookup = false;
        for (int e : m_g.out(n)) {
            const RuleGraph::Edge &edge = m_g.edge(e);
            if (!isCall(edge))
                continue;
            const double c = cost(edge.to);
            if (c > best || bestEdge < 0)
                std::tie(best, bestEdge, bestLookup) = std::make_tuple(c, e, false);
        }
        if (m_g.placement(n) == Placement::Online) {
            for (int e : m_g.in(n)) {
                const RuleGraph::Edge &edge = m_g.edge(e);
                if (!isLookup(edge))
                    continue;
                const double c = LatencyAnalysis::p99(m_g.node(edge.from), m_g.kind(edge.from));
                if (c > best || bestEdge < 0)
                    std::tie(best, bestEdge, bestLookup) = std::make_tuple(c, e, true);
            }
        }
        const double total = LatencyAnalysis::p99(m_g.node(n), m_g.kind(n)) + best;
        m_memo.insert(n, Entry{false, total, bestEdge, bestLookup});
        return total;
    }

    /// The chain of best choices from @p start, as computed by cost().
    QVector<LatencyHop> hops(int start) const
    {
        QVector<LatencyHop> hops;
        QSet<int> seen;
        int n = start;
        QString via;
        bool lookup = false;
        while (n >= 0 && !seen.contains(n)) {
            seen.insert(n);
            hops.push_back(LatencyHop{m_g.node(n).id, via,
                                      LatencyAnalysis::p99(m_g.node(n), m_g.kind(n)), lookup});
            const Entry entry = m_memo.value(n);
            if (lookup || entry.bestEdge < 0)
                break;
            const RuleGraph::Edge &edge = m_g.edge(entry.bestEdge);
            via = edge.connection->id;
            lookup = entry.bestLookup;
            n = lookup ? edge.from : edge.to;
        }
        return hops;
    }

private:
    struct Entry
    {
        bool onStack = false;
        double cost = 0;
        int bestEdge = -1;
        bool bestLookup = false;
    };

    bool isCall(const RuleGraph::Edge &edge) const
    {
        const Placement p = m_g.placement(edge.to);
        return edge.is(RuleGraph::Flow::Requests) && m_g.kind(edge.to) &&
               (p == Placement::Online || p == Placement::Store);
    }
    bool isLookup(const RuleGraph::Edge &edge) const
    {
        return !edge.is(RuleGraph::Flow::Requests) && m_g.kind(edge.from) &&
               m_g.placement(edge.from) == Placement::Store;
    }

    const RuleGraph &m_g;
    QHash<int, Entry> m_memo;
};

} // namespace

double LatencyAnalysis::p99(const Component &c, const KindInfo *kind)
{
    auto it = c.props.find("latency_ms");
    if (it != c.props.end() && it->is_number()) {
        const double v = it->get<double>();
        if (v >= 0 && v < 1e12)
            return v;
    }
    return kind ? kind->latencyMs : 0.0;
}

QVector<LatencyPath> LatencyAnalysis::analyze(const RuleGraph &g)
{
    QVector<LatencyPath> paths;
    for (int n = 0; n < g.nodeCount(); ++n) {
        if (g.node(n).kind != QLatin1String("client"))
            continue;
        CriticalPath walk(g);
        LatencyPath p;
        p.client = g.node(n).id;
        p.totalMs = walk.cost(n);
        p.hops = walk.hops(n);
        p.budgetMs = g.diagram().meta().latencyBudgetMs;
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
