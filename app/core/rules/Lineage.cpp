// SPDX-License-Identifier: MIT
#include "Lineage.h"

#include "NodeMarks.h"

namespace mls {

FlowSet::FlowSet(const RuleGraph &g, std::initializer_list<const char *> ids)
    : m_words((g.catalog().flows().size() + 1 + 63) / 64, 0)
{
    for (const char *id : ids) {
        const int f = g.flow(id);
        if (f >= 0)
            m_words[(f + 1) >> 6] |= quint64(1) << ((f + 1) & 63);
    }
}

FlowSet FlowSet::dataBut(const RuleGraph &g, std::initializer_list<const char *> ids)
{
    FlowSet s(g, ids);
    for (quint64 &w : s.m_words)
        w = ~w; // bits past the last flow are never asked
    const QVector<FlowType> &flows = g.catalog().flows();
    for (int f = 0; f < flows.size(); ++f) {
        if (flows[f].synchronous)
            s.m_words[(f + 1) >> 6] &= ~(quint64(1) << ((f + 1) & 63));
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
    const NodeQueue &order() const { return m_order; }

private:
    NodeMarks m_seen;
    NodeQueue m_order;
};

bool isTrainingSide(const RuleGraph &g, int n)
{
    return g.hasRole(n, KindRole::TrainingSide);
}

} // namespace

QVector<int> modelSources(const RuleGraph &g, int node)
{
    const int model = g.flow("model");
    Walk w(g);
    w.start(node);
    for (size_t i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        if (v != node && g.hasRole(v, KindRole::Trainer))
            continue;
        for (const RuleGraph::Arc &a : g.inArcs(v)) {
            if (a.is(model))
                w.visit(a.node);
        }
    }
    return w.order().toVector(1);
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
    for (size_t i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        if (stopAtOnline && v != node && g.placement(v) == Placement::Online)
            continue;
        for (const RuleGraph::Arc &a : g.inArcs(v)) {
            if (follow.contains(a.flow))
                w.visit(a.node);
        }
    }
    return w.order().toVector(1);
}

QVector<int> downstreamOffline(const RuleGraph &g, const QVector<int> &nodes, const FlowSet &follow)
{
    Walk w(g);
    for (int n : nodes)
        w.visit(n);
    for (size_t i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        for (const RuleGraph::Arc &a : g.outArcs(v)) {
            if (follow.contains(a.flow) && g.placement(a.node) != Placement::Online &&
                !isTrainingSide(g, a.node))
                w.visit(a.node);
        }
    }
    return w.order().toVector();
}

QVector<int> predictionHolders(const RuleGraph &g, int model, const FlowSet &relay)
{
    const int predictions = g.flow("predictions");
    const int metrics = g.flow("metrics");
    Walk w(g);
    w.start(model);
    for (size_t i = 0; i < w.order().size(); ++i) {
        const int v = w.order()[i];
        if (v != model && isTrainingSide(g, v))
            continue;
        // The model's own metrics describe its predictions; a caller's metrics (latency, an
        // A/B platform's business metrics) are its own.
        const bool online = v == model || g.placement(v) == Placement::Online;
        for (const RuleGraph::Arc &a : g.outArcs(v)) {
            const bool carries = v == model ? a.is(predictions) || a.is(metrics)
                                 : online   ? a.is(predictions)
                                            : relay.contains(a.flow);
            if (carries)
                w.visit(a.node);
        }
        if (g.placement(v) != Placement::Online)
            continue;
        for (const RuleGraph::Arc &a : g.inArcs(v)) {
            if (a.synchronous && g.placement(a.node) == Placement::Online)
                w.visit(a.node); // a caller
        }
    }
    return w.order().toVector();
}

} // namespace lineage

} // namespace mls
