// Training/serving skew: the features a served model reads and the data its trainer learns
// from must share a source — a feature store or the same feature pipeline. Served predictions
// flowing back into training are a feedback loop, not shared features, so they do not count.
#include "RuleChecks.h"

namespace mls {

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// Nodes upstream of @p start (excluded) over edges whose flow @p follow accepts.
template <typename Follow> QVector<char> upstream(const RuleGraph &g, int start, Follow follow)
{
    QVector<char> seen(g.nodeCount(), 0);
    QVector<int> queue{start};
    for (int i = 0; i < queue.size(); ++i) {
        for (int e : g.in(queue[i])) {
            const int w = g.edge(e).from;
            if (!seen[w] && w != start && follow(g.edge(e).connection->flow)) {
                seen[w] = 1;
                queue.push_back(w);
            }
        }
    }
    return seen;
}

QVector<int> modelsOf(const RuleGraph &g, int trainer, const QStringList &kinds)
{
    QVector<char> seen(g.nodeCount(), 0);
    QVector<int> queue{trainer}, served;
    seen[trainer] = 1;
    for (int i = 0; i < queue.size(); ++i) {
        for (int e : g.out(queue[i])) {
            const int w = g.edge(e).to;
            if (seen[w] || g.edge(e).connection->flow != QLatin1String("model"))
                continue;
            seen[w] = 1;
            queue.push_back(w);
            if (g.isKind(w, kinds))
                served.push_back(w);
        }
    }
    return served;
}

bool shareSource(const QVector<char> &training, const QVector<char> &serving)
{
    for (int i = 0; i < training.size(); ++i) {
        if (training[i] && serving[i])
            return true;
    }
    return false;
}

} // namespace

void checkTrainingServingSkew(const CheckContext &ctx, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    auto isData = [](const QString &f) {
        return f != QLatin1String("model") && f != QLatin1String("requests");
    };
    auto isFeatures = [](const QString &f) { return f == QLatin1String("features"); };
    for (int t = 0; t < g.nodeCount(); ++t) {
        if (g.node(t).kind != QLatin1String("trainer"))
            continue;
        const QVector<int> served = modelsOf(g, t, ctx.rule.kinds);
        if (served.isEmpty())
            continue;
        const QVector<char> training = upstream(g, t, isData);
        for (int s : served) {
            const QVector<char> serving = upstream(g, s, isFeatures);
            if (!serving.contains(1) || shareSource(training, serving))
                continue;
            out.push_back(ctx.make({{QStringLiteral("component"), quoted(g.label(s))},
                                    {QStringLiteral("trainer"), quoted(g.label(t))}},
                                   {g.node(s).id, g.node(t).id}));
        }
    }
}

} // namespace mls
