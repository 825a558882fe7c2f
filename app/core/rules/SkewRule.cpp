// Training/serving skew, judged per served model: the features it reads and the training data
// of the trainers that can produce it (through evaluation gates and registries) must share a
// source — a feature store or the same feature pipeline. The served model's own predictions
// flowing back into training are a feedback loop, not shared features, and the online stores
// behind it are reached from training only through that loop, so neither counts.
#include "Lineage.h"
#include "RuleChecks.h"

namespace mls {

void checkTrainingServingSkew(const CheckContext &ctx, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    using Flow = RuleGraph::Flow;
    // Training data never comes through predictions or a request path (stopAtOnline): what a
    // served model's callers log is its output, not the store it reads.
    const FlowSet trainingFlows = FlowSet::allBut({Flow::Model, Flow::Requests, Flow::Predictions});
    QHash<int, QVector<char>> trainingSources; // trainer → its upstream, as a mark per node
    for (int s = 0; s < g.nodeCount(); ++s) {
        if (!g.isKind(s, ctx.rule.kinds))
            continue;
        const QVector<int> serving = lineage::upstream(g, s, {Flow::Features});
        if (serving.isEmpty())
            continue;
        const QVector<int> trainers = lineage::trainersOf(g, s);
        if (trainers.isEmpty())
            continue;
        bool shared = false;
        for (int t : trainers) {
            auto it = trainingSources.find(t);
            if (it == trainingSources.end()) {
                QVector<char> mark(g.nodeCount(), 0);
                for (int v : lineage::upstream(g, t, trainingFlows, true))
                    mark[v] = 1;
                it = trainingSources.insert(t, mark);
            }
            for (int v : serving)
                shared = shared || (*it)[v];
            if (shared)
                break;
        }
        if (shared)
            continue;
        QStringList ids{g.node(s).id}, trainerIds;
        for (int t : trainers)
            trainerIds << g.node(t).id;
        out.push_back(
            ctx.makeLabelled({{QStringLiteral("component"), {g.node(s).id}},
                              {QStringLiteral("trainer"), trainerIds, QStringLiteral(", ")}},
                             ids + trainerIds));
    }
}

} // namespace mls
