// SPDX-License-Identifier: MIT
// Checks of where models come from and what watches them: release gates, empty registries,
// embedding spaces, self-training, feature drift and fallbacks on the request path.
#include "Lineage.h"
#include "NodeMarks.h"
#include "RuleChecks.h"

#include <QSet>

#include <algorithm>

namespace mls {

namespace {

QStringList idsOf(const RuleGraph &g, const QVector<int> &nodes)
{
    QStringList ids;
    for (int n : nodes)
        ids << g.node(n).id;
    return ids;
}

/// True when a node @p isTarget accepts is reached from @p start over `model` edges
/// (downstream when @p forward) without passing a node of @p gates.
template <typename IsTarget>
bool reachesPastGates(const RuleGraph &g, int start, bool forward, IsTarget isTarget,
                      const QStringList &gates)
{
    const int model = g.flow("model");
    NodeMarks seen(g.nodeCount());
    NodeQueue queue;
    queue.push_back(start);
    seen.insert(start);
    for (size_t i = 0; i < queue.size(); ++i) {
        const int v = queue[i];
        if (v != start && isTarget(v))
            return true;
        if (v != start && (g.isKind(v, gates) || g.hasRole(v, KindRole::Trainer)))
            continue;
        for (const RuleGraph::Arc &a : forward ? g.outArcs(v) : g.inArcs(v)) {
            if (a.is(model) && seen.insert(a.node))
                queue.push_back(a.node);
        }
    }
    return false;
}

/// Embedding models upstream of @p node over `embeddings` edges, not walking past one.
QVector<int> encodersFeeding(const RuleGraph &g, int node, const QStringList &encoderKinds)
{
    const int embeddings = g.flow("embeddings");
    NodeMarks seen(g.nodeCount());
    NodeQueue queue;
    QVector<int> encoders;
    queue.push_back(node);
    seen.insert(node);
    for (size_t i = 0; i < queue.size(); ++i) {
        for (const RuleGraph::Arc &a : g.inArcs(queue[i])) {
            const int w = a.node;
            if (!a.is(embeddings) || !seen.insert(w))
                continue;
            if (g.isKind(w, encoderKinds))
                encoders.push_back(w);
            else
                queue.push_back(w);
        }
    }
    return encoders;
}

void judgeUngatedRegistry(const CheckContext &ctx, int r, NodeLists &, QVector<Finding> &out)
{
    // A trainer's output reaches the registry without passing a gate, and leaves it for
    // serving without passing one either: every retraining run is a release.
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(r, ctx.rule.kinds))
        return;
    auto trainer = [&](int v) { return g.hasRole(v, KindRole::Trainer); };
    auto served = [&](int v) { return g.isKind(v, ctx.rule.toKinds); };
    if (reachesPastGates(g, r, false, trainer, ctx.rule.fromKinds) &&
        reachesPastGates(g, r, true, served, ctx.rule.fromKinds))
        out.push_back(
            ctx.makeLabelled({{QStringLiteral("component"), {g.node(r).id}}}, {g.node(r).id}));
}

FlowSet watchedFlows(const RuleGraph &g)
{
    return FlowSet(g, {"features", "metrics", "events", "batch_data"});
}

/// Marks in @p watched, from the nodes of @p queue on, the nodes whose data reaches monitoring
/// over data flows without going through serving or training (backwards); appends each to
/// @p queue.
void spreadWatched(const RuleGraph &g, QVector<int> &watched, QVector<int> &queue, qsizetype from)
{
    const FlowSet follow = watchedFlows(g);
    for (qsizetype i = from; i < queue.size(); ++i) {
        for (const RuleGraph::Arc &a : g.inArcs(queue[i])) {
            const int w = a.node;
            if (watched[w] || !follow.contains(a.flow) || g.placement(w) == Placement::Online)
                continue;
            watched[w] = 1;
            queue.push_back(w);
        }
    }
}

void prepareWatched(const CheckContext &ctx, QVector<int> &watched)
{
    const RuleGraph &g = ctx.graph;
    watched.fill(0, g.nodeCount());
    QVector<int> monitors;
    for (int n = 0; n < g.nodeCount(); ++n) {
        if (g.isKind(n, ctx.rule.toKinds)) {
            monitors.push_back(n);
            watched[n] = 1;
        }
    }
    spreadWatched(g, watched, monitors, 0);
}

/// An added connection into a watched node makes its source watched (and what feeds that).
bool growWatched(const CheckContext &ctx, const QVector<EdgeEnds> &added, QVector<int> &watched,
                 QVector<int> &changed)
{
    const RuleGraph &g = ctx.graph;
    const FlowSet follow = watchedFlows(g);
    for (const EdgeEnds &e : added) {
        if (!watched[e.to] || watched[e.from] || !follow.contains(e.flow) ||
            g.placement(e.from) == Placement::Online)
            continue;
        const qsizetype from = changed.size();
        watched[e.from] = 1;
        changed.push_back(e.from);
        spreadWatched(g, watched, changed, from);
    }
    return true;
}

void judgeUnmonitoredFeatures(const CheckContext &ctx, int n, NodeLists &, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(n, ctx.rule.kinds))
        return;
    const QVector<int> &watched = *ctx.values;
    const QVector<int> sources = lineage::upstream(g, n, FlowSet(g, {"features"}));
    if (sources.isEmpty())
        return;
    if (std::none_of(sources.begin(), sources.end(), [&](int s) { return watched[s]; }))
        out.push_back(
            ctx.makeLabelled({{QStringLiteral("component"), {g.node(n).id}}}, {g.node(n).id}));
}

void judgeEmbeddingMismatch(const CheckContext &ctx, int x, NodeLists &, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(x, ctx.rule.kinds))
        return;
    const QStringList &encoderKinds = ctx.rule.fromKinds;
    const QVector<int> writers = encodersFeeding(g, x, encoderKinds);
    if (writers.isEmpty())
        return;
    // Sources per encoder, walked once per index (a cache shared by every index would leave
    // the walks out of the later indexes' marks, which a re-check goes by).
    QHash<int, QSet<int>> sourceCache;
    auto sources = [&](int encoder) -> const QSet<int> & {
        auto it = sourceCache.find(encoder);
        if (it == sourceCache.end()) {
            const QVector<int> s = lineage::modelSources(g, encoder);
            it = sourceCache.insert(encoder, QSet<int>(s.begin(), s.end()));
        }
        return *it;
    };
    auto sameSpace = [&](int a, int b) {
        const QSet<int> &sa = sources(a);
        const QSet<int> &sb = sources(b);
        // Two encoders with no source at all: both pretrained, assumed the same model.
        return (sa.isEmpty() && sb.isEmpty()) || sa.intersects(sb);
    };
    QVector<int> queries;
    for (int e : g.out(x)) {
        const int reader = g.edge(e).to;
        for (int q : encodersFeeding(g, reader, encoderKinds))
            queries.push_back(q);
        for (int c : g.out(reader)) {
            if (g.edge(c).synchronous && g.isKind(g.edge(c).to, encoderKinds))
                queries.push_back(g.edge(c).to);
        }
    }
    QSet<int> reported;
    for (int q : std::as_const(queries)) {
        if (writers.contains(q) || reported.contains(q))
            continue;
        if (std::any_of(writers.begin(), writers.end(), [&](int w) { return sameSpace(q, w); }))
            continue;
        reported.insert(q);
        const QStringList writerIds = idsOf(g, writers);
        out.push_back(
            ctx.makeLabelled({{QStringLiteral("component"), {g.node(x).id}},
                              {QStringLiteral("query"), {g.node(q).id}},
                              {QStringLiteral("writers"), writerIds, QStringLiteral(", ")}},
                             QStringList{g.node(x).id, g.node(q).id} + writerIds));
    }
}

void judgeSelfTrainedModel(const CheckContext &ctx, int m, NodeLists &, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(m, ctx.rule.kinds))
        return;
    const QVector<int> trainers = lineage::trainersOf(g, m);
    if (trainers.isEmpty())
        return;
    const FlowSet data = FlowSet::dataBut(g, {"model"});
    const FlowSet trainingData = FlowSet::dataBut(g, {"model", "predictions"});
    const int labels = g.flow("labels"), events = g.flow("events");
    const QVector<int> holders = lineage::predictionHolders(g, m, data);
    NodeMarks own(g.nodeCount());
    for (int h : holders)
        own.insert(h);
    for (int t : trainers) {
        if (!own.contains(t))
            continue; // its predictions do not reach this trainer
        // The training data of t, reached without riding on predictions: does a label,
        // or an event from outside the model's own path, enter it?
        QVector<int> region = lineage::upstream(g, t, trainingData);
        region.push_back(t);
        bool grounded = false;
        for (int v : std::as_const(region)) {
            for (const RuleGraph::Arc &edge : g.inArcs(v)) {
                // Ground truth from outside: human labels, labels derived from data that
                // holds no prediction of this model, events from a client, or events
                // from an external API that is not the model's caller.
                const int from = edge.node;
                if (edge.is(labels))
                    grounded =
                        grounded || g.hasRole(from, KindRole::Labeler) || !own.contains(from);
                else if (edge.is(events))
                    grounded = grounded || g.hasRole(from, KindRole::OutcomeEvents) ||
                               (g.hasRole(from, KindRole::ExternalEvents) && !own.contains(from));
            }
            if (grounded)
                break;
        }
        if (grounded)
            continue;
        out.push_back(ctx.makeLabelled({{QStringLiteral("component"), {g.node(m).id}},
                                        {QStringLiteral("trainer"), {g.node(t).id}}},
                                       {g.node(m).id, g.node(t).id}));
    }
}

void judgeUnfedRegistry(const CheckContext &ctx, int m, NodeLists &, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(m, ctx.rule.kinds))
        return;
    const int model = g.flow("model");
    const QVector<int> sources = lineage::modelSources(g, m);
    QVector<int> roots;
    bool fed = false;
    for (int s : sources) {
        const auto in = g.inArcs(s);
        const bool hasModelIn =
            std::any_of(in.begin(), in.end(), [&](const RuleGraph::Arc &a) { return a.is(model); });
        if (g.hasRole(s, KindRole::Trainer) || (!hasModelIn && !g.isKind(s, ctx.rule.fromKinds)))
            fed = true; // a trainer, or an artifact placed by hand (object store)
        else if (!hasModelIn)
            roots.push_back(s);
    }
    if (fed || roots.isEmpty())
        return;
    out.push_back(
        ctx.makeLabelled({{QStringLiteral("component"), {g.node(m).id}},
                          {QStringLiteral("registry"), idsOf(g, roots), QStringLiteral(", ")}},
                         QStringList{g.node(m).id} + idsOf(g, roots)));
}

void judgeNoFallback(const CheckContext &ctx, int m, NodeLists &, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(m, ctx.rule.kinds))
        return;
    const int modelFlow = g.flow("model");
    const QStringList &fallbacks = ctx.rule.toKinds;
    // Marked: the nodes whose connections this judgement looks at (what a re-check goes by).
    NodeMarks looked(g.nodeCount());
    looked.insert(m);
    auto hasFallback = [&](int caller, int model) {
        looked.insert(caller);
        for (const RuleGraph::Arc &a : g.outArcs(caller)) {
            if (a.node != model && a.synchronous && g.isKind(a.node, fallbacks))
                return true;
        }
        for (const RuleGraph::Arc &a : g.inArcs(caller)) {
            if (a.node != model && g.isKind(a.node, fallbacks))
                return true;
        }
        return false;
    };
    // A model server with no model runs hand-written logic (MLS-004 says so): no model to
    // fall back from. An LLM with no model arrow is a hosted or pretrained model.
    const auto in = g.inArcs(m);
    if (!g.hasRole(m, KindRole::HostedModel) &&
        std::none_of(in.begin(), in.end(),
                     [&](const RuleGraph::Arc &a) { return a.is(modelFlow); }))
        return;
    for (int e : g.in(m)) {
        const int caller = g.edge(e).from;
        if (!g.edge(e).synchronous || caller == m || hasFallback(caller, m))
            continue;
        out.push_back(ctx.makeLabelled({{QStringLiteral("component"), {g.node(m).id}},
                                        {QStringLiteral("caller"), {g.node(caller).id}}},
                                       {g.node(m).id, g.node(caller).id},
                                       {g.edge(e).connection->id}));
        break;
    }
}

} // namespace

const StartwiseCheck ungatedRegistryStarts{nullptr, nullptr, false, judgeUngatedRegistry};
const StartwiseCheck unmonitoredFeaturesStarts{prepareWatched, growWatched, true,
                                               judgeUnmonitoredFeatures};
const StartwiseCheck embeddingStarts{nullptr, nullptr, false, judgeEmbeddingMismatch};
const StartwiseCheck selfTrainedStarts{nullptr, nullptr, false, judgeSelfTrainedModel};
const StartwiseCheck unfedRegistryStarts{nullptr, nullptr, false, judgeUnfedRegistry};
const StartwiseCheck noFallbackStarts{nullptr, nullptr, false, judgeNoFallback};

void checkUngatedRegistry(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, ungatedRegistryStarts, out);
}

void checkUnmonitoredFeatures(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, unmonitoredFeaturesStarts, out);
}

void checkEmbeddingMismatch(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, embeddingStarts, out);
}

void checkSelfTrainedModel(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, selfTrainedStarts, out);
}

void checkUnfedRegistry(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, unfedRegistryStarts, out);
}

void checkNoFallback(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, noFallbackStarts, out);
}

} // namespace mls
