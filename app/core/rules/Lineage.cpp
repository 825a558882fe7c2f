// SPDX-License-Identifier: MIT
#include "Lineage.h"

#include "NodeMarks.h"

namespace mls {

FlowSet::FlowSet(const RuleGraph &g, std::initializer_list<const char *> ids)
    : m_bits(int(g.catalog().flows().size()) + 1)
{
    for (const char *id : ids) {
        const int f = g.flow(QLatin1String(id));
        if (f >= 0)
            m_bits.setBit(f + 1);
    }
}

FlowSet FlowSet::dataBut(const RuleGraph &g, std::initializer_list<const char *> ids)
{
    FlowSet s(g, ids);
    s.m_bits = ~s.m_bits;
    const QVector<FlowType> &flows = g.catalog().flows();
    for (int f = 0; f < flows.size(); ++f) {
        if (flows[f].synchronous)
            s.m_bits.clearBit(f + 1);
    }
    return s;
}

namespace lineage {

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
    return g.hasRole(n, KindRole::TrainingSide);
}

} // namespace

QVector<int> modelSources(const RuleGraph &g, int node)
{
    const int model = g.flow(QStringLiteral("model"));
    Walk w(g);
    w.start(node);
    for (int i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        if (v != node && g.hasRole(v, KindRole::Trainer))
            continue;
        for (int e : g.in(v)) {
            if (g.edge(e).is(model))
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
        if (g.hasRole(v, KindRole::Trainer))
            trainers.push_back(v);
    }
    return trainers;
}

QVector<int> upstream(const RuleGraph &g, int node, const FlowSet &follow, bool stopAtOnline)
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

QVector<int> downstreamOffline(const RuleGraph &g, const QVector<int> &nodes, const FlowSet &follow)
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

QVector<int> predictionHolders(const RuleGraph &g, int model, const FlowSet &relay)
{
    const int predictions = g.flow(QStringLiteral("predictions"));
    const int metrics = g.flow(QStringLiteral("metrics"));
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
            const RuleGraph::Edge &edge = g.edge(e);
            const bool carries = v == model ? edge.is(predictions) || edge.is(metrics)
                                 : online   ? edge.is(predictions)
                                            : relay.contains(edge.flow);
            if (carries)
                w.visit(g.edge(e).to);
        }
        if (g.placement(v) != Placement::Online)
            continue;
        for (int e : g.in(v)) {
            const int caller = g.edge(e).from;
            if (g.edge(e).synchronous && g.placement(caller) == Placement::Online)
                w.visit(caller);
        }
    }
    return w.order();
}

} // namespace lineage

} // namespace mls
