// SPDX-License-Identifier: MIT
// Checks that look at one component or one connection and its direct neighbours.
#include "RuleChecks.h"

namespace mls {

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// Placeholders of a connection finding; @p extra answers the names it knows first.
QString edgeArg(const CheckContext &ctx, int e, QStringView name)
{
    const RuleGraph &g = ctx.graph;
    const RuleGraph::Edge &edge = g.edge(e);
    const Catalog &cat = g.catalog();
    if (name == QLatin1String("from"))
        return quoted(g.label(edge.from));
    if (name == QLatin1String("to"))
        return quoted(g.label(edge.to));
    if (name == QLatin1String("flow"))
        return cat.flowLabel(edge.connection->flow).toLower();
    if (name == QLatin1String("from_kind"))
        return cat.kindLabel(g.node(edge.from).kind).toLower();
    if (name == QLatin1String("to_kind"))
        return cat.kindLabel(g.node(edge.to).kind).toLower();
    return {};
}

void emitEdge(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    const RuleGraph::Edge &edge = ctx.graph.edge(e);
    QStringList comps{edge.connection->from};
    if (edge.to != edge.from)
        comps << edge.connection->to;
    out.push_back(ctx.make([&](QStringView name) { return edgeArg(ctx, e, name); }, comps,
                           {edge.connection->id}));
}

QHash<QString, QString> nodeArgs(const CheckContext &ctx, int n)
{
    const RuleGraph &g = ctx.graph;
    QStringList flows;
    for (const QString &f : ctx.rule.flows)
        flows << g.catalog().flowLabel(f).toLower();
    return {{QStringLiteral("component"), quoted(g.label(n))},
            {QStringLiteral("kind"), g.catalog().kindLabel(g.node(n).kind).toLower()},
            {QStringLiteral("flows"), flows.join(QStringLiteral(" or "))}};
}

bool sameLabel(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

bool matches(const QStringList &allowed, const QString &value)
{
    return allowed.isEmpty() || allowed.contains(value);
}

} // namespace

void checkFlowCompatible(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    const RuleGraph::Edge &edge = g.edge(e);
    const KindInfo *from = g.kind(edge.from);
    const KindInfo *to = g.kind(edge.to);
    const QString &flow = edge.connection->flow;
    if (!from || !to || edge.flow < 0)
        return; // unknown kinds and flows are reported by their own rule
    // A call into an offline kind has its own, more telling rule.
    if (edge.synchronous && to->placement == Placement::Offline)
        return;
    if (!from->produces.contains(flow) || !to->consumes.contains(flow))
        emitEdge(ctx, e, out);
}

void checkSelfLoop(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    if (ctx.graph.edge(e).from == ctx.graph.edge(e).to)
        emitEdge(ctx, e, out);
}

void checkRequestsIntoOffline(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    const RuleGraph::Edge &edge = ctx.graph.edge(e);
    if (edge.synchronous && ctx.graph.kind(edge.to) &&
        ctx.graph.placement(edge.to) == Placement::Offline)
        emitEdge(ctx, e, out);
}

void checkForbiddenConnection(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    const RuleGraph::Edge &edge = g.edge(e);
    // Kinds first: isKind() looks a catalog kind up in a table, the flow is a string compare.
    if (g.isKind(edge.from, ctx.rule.fromKinds) && g.isKind(edge.to, ctx.rule.toKinds) &&
        ctx.rule.flows.contains(edge.connection->flow))
        emitEdge(ctx, e, out);
}

void checkDuplicateConnection(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    // Reported on every copy after the first in file order, so deleting the reported ones
    // leaves exactly one. Arrows with different labels are two documented paths (the
    // rule's own fix), not copies; labels compare trimmed and case-insensitively.
    const RuleGraph &g = ctx.graph;
    const RuleGraph::Edge &edge = g.edge(e);
    // A copy shares both ends: scan the shorter of the two edge lists (a 250,000-wide fan-out
    // scanned its whole out-list once per edge: quadratic). Ends and known flows compare as
    // indexes; file positions are looked up only for a copy.
    const RuleGraph::EdgeRange outs = g.out(edge.from);
    const RuleGraph::EdgeRange ins = g.in(edge.to);
    int myIndex = -1;
    for (int other : outs.size() <= ins.size() ? outs : ins) {
        const RuleGraph::Edge &o = g.edge(other);
        const Connection *c = o.connection;
        if (other == e || o.from != edge.from || o.to != edge.to || o.flow != edge.flow ||
            (edge.flow < 0 && c->flow != edge.connection->flow) ||
            !sameLabel(c->label, edge.connection->label))
            continue;
        if (myIndex < 0)
            myIndex = g.diagram().connectionIndex(edge.connection->id);
        if (g.diagram().connectionIndex(c->id) < myIndex) {
            emitEdge(ctx, e, out);
            return;
        }
    }
}

void checkUnknownFlow(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    const Connection *c = ctx.graph.edge(e).connection;
    if (ctx.graph.edge(e).flow >= 0)
        return; // a flow the catalog knows
    const QHash<QString, QString> args{
        {QStringLiteral("component"), QStringLiteral("connection ") + quoted(c->id)},
        {QStringLiteral("what"), QStringLiteral("flow ") + quoted(c->flow)}};
    out.push_back(ctx.make(args, {c->from, c->to}, {c->id}));
}

void checkUnknownKind(const CheckContext &ctx, int n, QVector<Finding> &out)
{
    if (ctx.graph.kind(n))
        return;
    QHash<QString, QString> args = nodeArgs(ctx, n);
    args.insert(QStringLiteral("component"), quoted(ctx.graph.label(n)));
    args.insert(QStringLiteral("what"), QStringLiteral("kind ") + quoted(ctx.graph.node(n).kind));
    out.push_back(ctx.make(args, {ctx.graph.node(n).id}));
}

void checkRequiresIncoming(const CheckContext &ctx, int n, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(n, ctx.rule.kinds))
        return;
    for (int e : g.in(n)) {
        const RuleGraph::Edge &edge = g.edge(e);
        if (ctx.rule.flows.contains(edge.connection->flow) &&
            matches(ctx.rule.fromKinds, g.node(edge.from).kind))
            return;
    }
    out.push_back(ctx.make(nodeArgs(ctx, n), {g.node(n).id}));
}

void checkRequiresOutgoing(const CheckContext &ctx, int n, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(n, ctx.rule.kinds))
        return;
    for (int e : g.out(n)) {
        const RuleGraph::Edge &edge = g.edge(e);
        if (ctx.rule.flows.contains(edge.connection->flow) &&
            matches(ctx.rule.toKinds, g.node(edge.to).kind))
            return;
    }
    out.push_back(ctx.make(nodeArgs(ctx, n), {g.node(n).id}));
}

void checkOrphan(const CheckContext &ctx, int n, QVector<Finding> &out)
{
    if (ctx.graph.in(n).isEmpty() && ctx.graph.out(n).isEmpty())
        out.push_back(ctx.make(nodeArgs(ctx, n), {ctx.graph.node(n).id}));
}

} // namespace mls
