// Training/serving skew: the features a served model reads and the data its trainer learns
// from must share a source — a feature store or the same feature pipeline. Served predictions
// flowing back into training are a feedback loop, not shared features, so they do not count.
#include "RuleChecks.h"

namespace mls {

namespace {

/// Breadth-first walks upstream that mark visited nodes with a per-walk stamp, so a check
/// over many trainers allocates once instead of once per walk.
class Walker
{
public:
    explicit Walker(const RuleGraph &g) : m_g(g), m_mark(g.nodeCount(), 0) {}

    /// Marks the nodes upstream of @p start (excluded) over edges whose flow @p follow
    /// accepts; returns the stamp. With @p hit, stops early at a node marked with @p hit.
    template <typename Follow>
    int upstream(int start, Follow follow, const Walker *other = nullptr, int hit = 0,
                 bool *found = nullptr, bool *any = nullptr)
    {
        const int stamp = ++m_stamp;
        m_queue = {start};
        for (int i = 0; i < m_queue.size(); ++i) {
            for (int e : m_g.in(m_queue[i])) {
                const int w = m_g.edge(e).from;
                if (m_mark[w] == stamp || w == start || !follow(m_g.edge(e).flow))
                    continue;
                m_mark[w] = stamp;
                m_queue.push_back(w);
                if (any)
                    *any = true;
                if (other && other->m_mark[w] == hit) {
                    *found = true;
                    return stamp;
                }
            }
        }
        return stamp;
    }

private:
    const RuleGraph &m_g;
    QVector<int> m_mark;
    QVector<int> m_queue;
    int m_stamp = 0;
};

QVector<int> modelsOf(const RuleGraph &g, int trainer, const QStringList &kinds)
{
    QVector<int> queue{trainer}, served;
    for (int i = 0; i < queue.size(); ++i) {
        for (int e : g.out(queue[i])) {
            const int w = g.edge(e).to;
            if (!g.edge(e).is(RuleGraph::Flow::Model) || queue.contains(w))
                continue;
            queue.push_back(w);
            if (g.isKind(w, kinds))
                served.push_back(w);
        }
    }
    return served;
}

} // namespace

void checkTrainingServingSkew(const CheckContext &ctx, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    using Flow = RuleGraph::Flow;
    auto isData = [](Flow f) { return f != Flow::Model && f != Flow::Requests; };
    auto isFeatures = [](Flow f) { return f == Flow::Features; };
    Walker training(g), serving(g);
    for (int t = 0; t < g.nodeCount(); ++t) {
        if (g.node(t).kind != QLatin1String("trainer"))
            continue;
        const QVector<int> served = modelsOf(g, t, ctx.rule.kinds);
        if (served.isEmpty())
            continue;
        const int stamp = training.upstream(t, isData);
        for (int s : served) {
            bool shared = false, readsFeatures = false;
            serving.upstream(s, isFeatures, &training, stamp, &shared, &readsFeatures);
            if (!readsFeatures || shared)
                continue;
            out.push_back(ctx.makeLabelled({{QStringLiteral("component"), {g.node(s).id}},
                                            {QStringLiteral("trainer"), {g.node(t).id}}},
                                           {g.node(s).id, g.node(t).id}));
        }
    }
}

} // namespace mls
