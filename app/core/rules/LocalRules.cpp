// SPDX-License-Identifier: MIT
// Checks that look at one component or one connection and its direct neighbours.
#include "RuleChecks.h"

namespace mls {

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// Appends @p s in double quotes.
void appendQuoted(QString &out, const QString &s)
{
    out += QLatin1Char('"');
    out += s;
    out += QLatin1Char('"');
}

/// Appends @p value; false (the placeholder is kept as written) when it is null.
bool put(QString &out, const QString &value)
{
    out += value;
    return !value.isNull();
}

/// Writes the placeholders of a connection finding.
bool writeEdgeArg(const CheckContext &ctx, int e, QStringView name, QString &out)
{
    const RuleGraph &g = ctx.graph;
    const RuleGraph::Edge &edge = g.edge(e);
    if (name == QLatin1String("from"))
        appendQuoted(out, g.label(edge.from));
    else if (name == QLatin1String("to"))
        appendQuoted(out, g.label(edge.to));
    else if (name == QLatin1String("flow"))
        return put(out, g.flowPhrase(e));
    else if (name == QLatin1String("from_kind"))
        return put(out, g.kindPhrase(edge.from));
    else if (name == QLatin1String("to_kind"))
        return put(out, g.kindPhrase(edge.to));
    else
        return false;
    return true;
}

/// True when @p a and @p b share their characters (then they are equal).
bool same(const QString &a, const QString &b)
{
    return a.constData() == b.constData() && a.size() == b.size();
}

/// The ids of a finding of connection @p c (its ends, then itself), as one list shared by the
/// findings of one connection or component: a component with three findings holds one list.
QStringList idsOf(const Connection &c, bool loop)
{
    thread_local QStringList last;
    if (last.isEmpty() || !same(last.constLast(), c.id) || last.size() != (loop ? 2 : 3) ||
        !same(last.constFirst(), c.from) || (!loop && !same(last[1], c.to)))
        last = loop ? QStringList{c.from, c.id} : QStringList{c.from, c.to, c.id};
    return last;
}

/// {@p id}, shared as idsOf() is.
QStringList idsOf(const QString &id)
{
    thread_local QStringList last;
    if (last.size() != 1 || !same(last.constFirst(), id))
        last = QStringList{id};
    return last;
}

void emitEdge(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    const RuleGraph::Edge &edge = ctx.graph.edge(e);
    const Connection *c = edge.connection;
    const bool loop = edge.to == edge.from;
    out.push_back(makeFinding(
        ctx.rule, ctx.severity,
        [&](QStringView name, QString &message) { return writeEdgeArg(ctx, e, name, message); },
        idsOf(*c, loop), loop ? 1 : 2));
}

/// Writes the placeholders of a component finding.
bool writeNodeArg(const CheckContext &ctx, int n, QStringView name, QString &out)
{
    const RuleGraph &g = ctx.graph;
    if (name == QLatin1String("component"))
        appendQuoted(out, g.label(n));
    else if (name == QLatin1String("kind"))
        return put(out, g.kindPhrase(n));
    else if (name == QLatin1String("flows"))
        return put(out, g.flowsPhrase(ctx.rule.flows));
    else
        return false;
    return true;
}

void emitNode(const CheckContext &ctx, int n, QVector<Finding> &out)
{
    out.push_back(makeFinding(
        ctx.rule, ctx.severity,
        [&](QStringView name, QString &message) { return writeNodeArg(ctx, n, name, message); },
        idsOf(ctx.graph.node(n).id), 1));
}

/// File position of edge @p e's connection.
int filePosition(const RuleGraph &g, int e)
{
    return g.diagram().connectionIndex(g.edge(e).connection->id);
}

bool sameLabel(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

} // namespace

void checkFlowCompatible(const CheckContext &ctx, int e, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    const RuleGraph::Edge &edge = g.edge(e);
    const KindInfo *from = g.kind(edge.from);
    const KindInfo *to = g.kind(edge.to);
    if (!from || !to || edge.flow < 0)
        return; // unknown kinds and flows are reported by their own rule
    // A call into an offline kind has its own, more telling rule.
    if (edge.synchronous && to->placement == Placement::Offline)
        return;
    if (!g.kindHandles(edge.from, e, false) || !g.kindHandles(edge.to, e, true))
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
    // The flow first: it rules out most connections; each test is a look-up in a table.
    if (g.isFlow(e, ctx.rule.flows) && g.isKind(edge.from, ctx.rule.fromKinds) &&
        g.isKind(edge.to, ctx.rule.toKinds))
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
    // indexes; file positions are looked up only for a copy, and not at all on a graph of the
    // whole diagram.
    const RuleGraph::EdgeRange outs = g.out(edge.from);
    const RuleGraph::EdgeRange ins = g.in(edge.to);
    int myPosition = -1; // a graph of a part looks file positions up, once
    for (int other : outs.size() <= ins.size() ? outs : ins) {
        const RuleGraph::Edge &o = g.edge(other);
        const Connection *c = o.connection;
        if (other == e || o.from != edge.from || o.to != edge.to || o.flow != edge.flow ||
            (edge.flow < 0 && c->flow != edge.connection->flow) ||
            !sameLabel(c->label, edge.connection->label))
            continue;
        if (!g.edgesInFileOrder() && myPosition < 0)
            myPosition = filePosition(g, e);
        if (g.edgesInFileOrder() ? other < e : filePosition(g, other) < myPosition) {
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
    out.push_back(makeFinding(
        ctx.rule, ctx.severity,
        [&](QStringView name, QString &message) {
            if (name != QLatin1String("what"))
                return writeNodeArg(ctx, n, name, message);
            message += QLatin1String("kind ");
            appendQuoted(message, ctx.graph.node(n).kind);
            return true;
        },
        idsOf(ctx.graph.node(n).id), 1));
}

void checkRequiresIncoming(const CheckContext &ctx, int n, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(n, ctx.rule.kinds))
        return;
    for (int e : g.in(n)) {
        const RuleGraph::Edge &edge = g.edge(e);
        if (g.isFlow(e, ctx.rule.flows) &&
            (ctx.rule.fromKinds.isEmpty() || g.isKind(edge.from, ctx.rule.fromKinds)))
            return;
    }
    emitNode(ctx, n, out);
}

void checkRequiresOutgoing(const CheckContext &ctx, int n, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(n, ctx.rule.kinds))
        return;
    for (int e : g.out(n)) {
        const RuleGraph::Edge &edge = g.edge(e);
        if (g.isFlow(e, ctx.rule.flows) &&
            (ctx.rule.toKinds.isEmpty() || g.isKind(edge.to, ctx.rule.toKinds)))
            return;
    }
    emitNode(ctx, n, out);
}

void checkOrphan(const CheckContext &ctx, int n, QVector<Finding> &out)
{
    if (ctx.graph.in(n).isEmpty() && ctx.graph.out(n).isEmpty())
        emitNode(ctx, n, out);
}

} // namespace mls
