// SPDX-License-Identifier: MIT
#include "Lineage.h"

#include "NodeMarks.h"

namespace mls::lineage {

namespace {

/// A breadth-first walk that visits each node once.
class Walk
{
public:
    explicit Walk(const RuleGraph &g) : m_seen(g.nodeCount()) {}
    void start(int n)
    {
        m_seen.insert(n);
        m_order.push_back(n);
    }
    /// Adds @p n when it is new.
    void visit(int n)
    {
        if (m_seen.insert(n))
            m_order.push_back(n);
    }
    bool seen(int n) const { return m_seen.contains(n); }
    QVector<int> &order() { return m_order; }

private:
    NodeMarks m_seen;
    QVector<int> m_order;
};

bool isTrainingSide(const RuleGraph &g, int n)
{
    const QString &k = g.node(n).kind;
    return k == QLatin1String("trainer") || k == QLatin1String("evaluation") ||
           k == QLatin1String("model_registry");
}

} // namespace

QVector<int> modelSources(const RuleGraph &g, int node)
{
    Walk w(g);
    w.start(node);
    for (int i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        if (v != node && g.node(v).kind == QLatin1String("trainer"))
            continue;
        for (int e : g.in(v)) {
            if (g.edge(e).is(RuleGraph::Flow::Model))
                w.visit(g.edge(e).from);
        }
    }
    QVector<int> result = w.order();
    result.removeFirst();
    return result;
}

QVector<int> trainersOf(const RuleGraph &g, int node)
{
    QVector<int> trainers;
    for (int v : modelSources(g, node)) {
        if (g.node(v).kind == QLatin1String("trainer"))
            trainers.push_back(v);
    }
    return trainers;
}

QVector<int> upstream(const RuleGraph &g, int node, FlowSet follow, bool stopAtOnline)
{
    Walk w(g);
    w.start(node);
    for (int i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        if (stopAtOnline && v != node && g.placement(v) == Placement::Online)
            continue;
        for (int e : g.in(v)) {
            if (follow.contains(g.edge(e).flow))
                w.visit(g.edge(e).from);
        }
    }
    QVector<int> result = w.order();
    result.removeFirst();
    return result;
}

QVector<int> downstreamOffline(const RuleGraph &g, const QVector<int> &nodes, FlowSet follow)
{
    Walk w(g);
    for (int n : nodes)
        w.visit(n);
    for (int i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        for (int e : g.out(v)) {
            const int to = g.edge(e).to;
            if (follow.contains(g.edge(e).flow) && g.placement(to) != Placement::Online &&
                !isTrainingSide(g, to))
                w.visit(to);
        }
    }
    return w.order();
}

QVector<int> predictionHolders(const RuleGraph &g, int model, FlowSet relay)
{
    using Flow = RuleGraph::Flow;
    Walk w(g);
    w.start(model);
    for (int i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        if (v != model && isTrainingSide(g, v))
            continue;
        // The model's own metrics describe its predictions; a caller's metrics (latency, an
        // A/B platform's business metrics) are its own.
        const bool online = v == model || g.placement(v) == Placement::Online;
        for (int e : g.out(v)) {
            const Flow f = g.edge(e).flow;
            const bool carries = v == model ? f == Flow::Predictions || f == Flow::Metrics
                                 : online   ? f == Flow::Predictions
                                            : relay.contains(f);
            if (carries)
                w.visit(g.edge(e).to);
        }
        if (g.placement(v) != Placement::Online)
            continue;
        for (int e : g.in(v)) {
            const int caller = g.edge(e).from;
            if (g.edge(e).is(Flow::Requests) && g.placement(caller) == Placement::Online)
                w.visit(caller);
        }
    }
    return w.order();
}

} // namespace mls::lineage
