// SPDX-License-Identifier: MIT
// Checks over a whole connected part of the diagram: cycles, reachability, lineage, latency.
#include "LatencyAnalysis.h"
#include "Limits.h"
#include "Lineage.h"
#include "NodeMarks.h"
#include "RuleChecks.h"

#include <QSet>

#include <algorithm>
#include <utility>
#include <vector>

namespace mls {

namespace {

/// Successor lists of every node in one array (one allocation instead of one per node):
/// node v's successors are targets[start[v] .. start[v + 1]), in the order they were added.
struct Adjacency
{
    std::vector<int> start, targets;
    int size() const { return int(start.size()) - 1; }
};

/// The adjacency of @p nodes nodes over the arcs @p arcs (from, to), by a stable counting sort.
Adjacency adjacency(int nodes, const std::vector<std::pair<int, int>> &arcs)
{
    Adjacency a;
    a.start.assign(size_t(nodes) + 1, 0);
    for (const auto &[from, to] : arcs)
        ++a.start[size_t(from) + 1];
    for (size_t v = 0; v < size_t(nodes); ++v)
        a.start[v + 1] += a.start[v];
    a.targets.resize(arcs.size());
    std::vector<int> fill(a.start.begin(), a.start.end() - 1);
    for (const auto &[from, to] : arcs)
        a.targets[size_t(fill[size_t(from)]++)] = to;
    return a;
}

/// Strongly connected components (iterative Tarjan); returns the component number per node.
QVector<int> stronglyConnected(const Adjacency &succ)
{
    const size_t n = size_t(succ.size());
    std::vector<int> index(n, -1), low(n, 0), stack;
    QVector<int> comp(qsizetype(n), -1);
    std::vector<std::pair<int, int>> work; // (node, next successor position in targets)
    int counter = 0, comps = 0;
    for (size_t root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        index[root] = low[root] = counter++;
        stack.push_back(int(root));
        work.push_back({int(root), succ.start[root]});
        while (!work.empty()) {
            auto &[v, pos] = work.back();
            if (pos < succ.start[size_t(v) + 1]) {
                const int w = succ.targets[size_t(pos++)];
                if (index[size_t(w)] < 0) {
                    index[size_t(w)] = low[size_t(w)] = counter++;
                    stack.push_back(w);
                    work.push_back({w, succ.start[size_t(w)]});
                } else if (comp[w] < 0) {
                    low[size_t(v)] = std::min(low[size_t(v)], index[size_t(w)]);
                }
                continue;
            }
            const int done = v;
            work.pop_back();
            if (!work.empty())
                low[size_t(work.back().first)] =
                    std::min(low[size_t(work.back().first)], low[size_t(done)]);
            if (low[size_t(done)] == index[size_t(done)]) {
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    comp[w] = comps;
                } while (w != done);
                ++comps;
            }
        }
    }
    return comp;
}

/// Nodes reached from @p start over edges accepted by @p follow (forward when @p forward).
template <typename Follow>
QVector<int> reach(const RuleGraph &g, int start, bool forward, Follow follow)
{
    NodeMarks seen(g.nodeCount());
    NodeQueue order;
    order.push_back(start);
    seen.insert(start);
    for (size_t i = 0; i < order.size(); ++i) {
        const int v = order[i];
        for (const RuleGraph::Arc &a : forward ? g.outArcs(v) : g.inArcs(v)) {
            if (follow(a) && seen.insert(a.node))
                order.push_back(a.node);
        }
    }
    return order.toVector();
}

/// Models a trainer hands on: nodes of @p kinds reached over `model` edges.
QVector<int> servedModels(const RuleGraph &g, int trainer, const QStringList &kinds)
{
    const int model = g.flow("model");
    const QVector<int> r =
        reach(g, trainer, true, [model](const RuleGraph::Arc &a) { return a.is(model); });
    QVector<int> served;
    for (int v : r) {
        if (v != trainer && g.isKind(v, kinds))
            served.push_back(v);
    }
    return served;
}

bool anyWithRole(const RuleGraph &g, KindRole role)
{
    for (int n = 0; n < g.nodeCount(); ++n) {
        if (g.hasRole(n, role))
            return true;
    }
    return false;
}

} // namespace

void checkSyncCycle(const CheckContext &ctx, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    std::vector<std::pair<int, int>> arcs;
    for (int e = 0; e < g.edgeCount(); ++e) {
        const RuleGraph::Edge &edge = g.edge(e);
        if (edge.synchronous && edge.from != edge.to)
            arcs.emplace_back(edge.from, edge.to);
    }
    if (arcs.empty())
        return;
    const QVector<int> comp = stronglyConnected(adjacency(g.nodeCount(), arcs));
    // Members of each strongly connected part, in node order; parts of one node are no cycle.
    QVector<int> size(g.nodeCount(), 0);
    for (int n = 0; n < g.nodeCount(); ++n)
        ++size[comp[n]];
    QVector<QVector<int>> members;
    QVector<int> slot(g.nodeCount(), -1);
    for (int n = 0; n < g.nodeCount(); ++n) {
        if (size[comp[n]] < 2)
            continue;
        if (slot[comp[n]] < 0) {
            slot[comp[n]] = int(members.size());
            members.emplace_back();
        }
        members[slot[comp[n]]].push_back(n);
    }
    for (const QVector<int> &m : std::as_const(members)) {
        QStringList ids, edges;
        for (int n : m) {
            ids << g.node(n).id;
            for (int e : g.out(n)) {
                if (g.edge(e).synchronous && comp[g.edge(e).to] == comp[n])
                    edges << g.edge(e).connection->id;
            }
        }
        out.push_back(ctx.makeLabelled({{QStringLiteral("components"), ids, QStringLiteral(", ")}},
                                       ids, edges));
    }
}

namespace {

void judgeUnmonitoredModel(const CheckContext &ctx, int n, NodeLists &, QVector<Finding> &out)
{
    // Follow the predictions themselves: what the model writes, what its callers pass on as
    // predictions, and what streams, lakes and stores holding them relay. The callers' own
    // events and the model's input events are not its predictions.
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(n, ctx.rule.kinds))
        return;
    const FlowSet relay(g, {"predictions", "metrics", "events", "batch_data", "labels"});
    const QVector<int> holders = lineage::predictionHolders(g, n, relay);
    const bool monitored = std::any_of(holders.begin(), holders.end(),
                                       [&](int h) { return g.isKind(h, ctx.rule.toKinds); });
    if (!monitored)
        out.push_back(
            ctx.makeLabelled({{QStringLiteral("component"), {g.node(n).id}}}, {g.node(n).id}));
}

/// The arcs of the feedback-loop cycles: every connection, and a call both ways.
void feedbackArcs(const RuleGraph::Edge &edge, std::vector<std::pair<int, int>> &arcs)
{
    arcs.emplace_back(edge.from, edge.to);
    if (edge.synchronous)
        arcs.emplace_back(edge.to, edge.from);
}

/// Per node, its strongly connected part over feedbackArcs() (empty without trainers: no
/// judgement reads it then).
void feedbackParts(const CheckContext &ctx, QVector<int> &part)
{
    const RuleGraph &g = ctx.graph;
    if (!anyWithRole(g, KindRole::Trainer))
        return;
    std::vector<std::pair<int, int>> arcs;
    arcs.reserve(size_t(g.edgeCount()));
    for (int e = 0; e < g.edgeCount(); ++e)
        feedbackArcs(g.edge(e), arcs);
    part = stronglyConnected(adjacency(g.nodeCount(), arcs));
}

/// Nodes reached from @p from over feedbackArcs(), marked in @p seen (a plain array: these
/// walks are part of the parts, not of any start's judgement).
QVector<int> arcReach(const RuleGraph &g, int from, bool forward, std::vector<char> &seen)
{
    std::fill(seen.begin(), seen.end(), 0);
    QVector<int> order{from};
    seen[size_t(from)] = 1;
    for (int i = 0; i < order.size(); ++i) {
        const int v = order[i];
        auto visit = [&](int w) {
            if (!seen[size_t(w)]) {
                seen[size_t(w)] = 1;
                order.push_back(w);
            }
        };
        for (int e : g.out(v)) {
            if (forward || g.edge(e).synchronous)
                visit(g.edge(e).to);
        }
        for (int e : g.in(v)) {
            if (!forward || g.edge(e).synchronous)
                visit(g.edge(e).from);
        }
    }
    return order;
}

/// An added arc (x, y) joins the parts on a cycle through it: the nodes y reaches that
/// reach x. They take the part number of x; the nodes whose number changed are appended.
bool growFeedbackParts(const CheckContext &ctx, const QVector<EdgeEnds> &added, QVector<int> &part,
                       QVector<int> &changed)
{
    const RuleGraph &g = ctx.graph;
    if (part.isEmpty())
        return true; // no trainers, and kinds did not change
    std::vector<char> ahead(size_t(g.nodeCount())), behind(size_t(g.nodeCount()));
    auto join = [&](int x, int y) {
        if (part[x] == part[y])
            return;
        const QVector<int> from = arcReach(g, y, true, ahead);
        arcReach(g, x, false, behind);
        for (int v : from) {
            if (behind[size_t(v)] && part[v] != part[x]) {
                part[v] = part[x];
                changed.push_back(v);
            }
        }
    };
    for (const EdgeEnds &e : added) {
        join(e.from, e.to);
        if (e.synchronous)
            join(e.to, e.from);
    }
    return true;
}

void judgeFeedbackLoop(const CheckContext &ctx, int t, NodeLists &, QVector<Finding> &out)
{
    // A loop exists when a served model and its trainer lie on one cycle of data flows
    // (synchronous calls count both ways): served results then come back as training data.
    const RuleGraph &g = ctx.graph;
    if (!g.hasRole(t, KindRole::Trainer))
        return;
    const QVector<int> &part = *ctx.values;
    const QVector<int> served = servedModels(g, t, ctx.rule.kinds);
    if (served.isEmpty())
        return;
    if (std::any_of(served.begin(), served.end(), [&](int m) { return part[m] == part[t]; }))
        return;
    QStringList ids{g.node(t).id};
    for (int m : served)
        ids << g.node(m).id;
    out.push_back(ctx.makeLabelled({{QStringLiteral("trainer"), {g.node(t).id}},
                                    {QStringLiteral("model"), {g.node(served.first()).id}}},
                                   ids));
}

} // namespace

const StartwiseCheck unmonitoredModelStarts{nullptr, nullptr, false, judgeUnmonitoredModel};
const StartwiseCheck feedbackLoopStarts{feedbackParts, growFeedbackParts, false, judgeFeedbackLoop};

void checkUnmonitoredModel(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, unmonitoredModelStarts, out);
}

void checkNoFeedbackLoop(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, feedbackLoopStarts, out);
}

void checkLatencyBudget(const CheckContext &ctx, QVector<Finding> &out)
{
    // Bounded (issue 17): paths list at most Limits::maxListedHops hops, and at most
    // Limits::maxLatencyFindings clients are reported; the last one says how many more.
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(ctx.graph);
    const int over = int(std::count_if(paths.begin(), paths.end(),
                                       [](const LatencyPath &p) { return p.overBudget(); }));
    int listed = 0;
    for (const LatencyPath &p : paths) {
        if (!p.overBudget())
            continue;
        if (listed++ == Limits::maxLatencyFindings)
            break;
        const QStringList ids = p.componentIds();
        QStringList shown = ids;
        if (p.moreHops > 0)
            shown << QStringLiteral("… and %1 more").arg(p.moreHops);
        Finding f = ctx.makeLabelled(
            {{QStringLiteral("component"), {ids.first()}},
             {QStringLiteral("path"), shown, QStringLiteral(" → "), false},
             {QStringLiteral("total"), {}, {}, false, QString::number(p.totalMs, 'g', 6)},
             {QStringLiteral("budget"), {}, {}, false, QString::number(p.budgetMs, 'g', 6)}},
            ids, p.connectionIds());
        if (listed == Limits::maxLatencyFindings && over > listed) {
            f.setMessage(f.message() +
                         QStringLiteral(" (… and %1 more clients over budget)").arg(over - listed));
            // Its labels alone no longer make its message: a rename re-runs the check.
            if (ctx.labelled)
                ctx.labelled->back().reset();
        }
        out.push_back(f);
    }
}

} // namespace mls
