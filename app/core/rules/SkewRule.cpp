// SPDX-License-Identifier: MIT
// Training/serving skew, judged per served model: the features it reads and the training data
// of the trainers that can produce it (through evaluation gates and registries) must share a
// source — a feature store or the same feature pipeline. The served model's own predictions
// flowing back into training are a feedback loop, not shared features, and the online stores
// behind it are reached from training only through that loop, so neither counts.
#include "Lineage.h"
#include "NodeMarks.h"

#include "RuleChecks.h"
#include <algorithm>

namespace mls {

namespace {

void judgeSkew(const CheckContext &ctx, int s, NodeLists &trainingSources, QVector<Finding> &out)
{
    const RuleGraph &g = ctx.graph;
    if (!g.isKind(s, ctx.rule.kinds))
        return;
    // Training data never comes through predictions or a request path (stopAtOnline): what a
    // served model's callers log is its output, not the store it reads.
    const FlowSet trainingFlows = FlowSet::dataBut(g, {"model", "predictions"});
    const FlowSet features(g, {"features"});
    const QVector<int> serving = lineage::upstream(g, s, features);
    if (serving.isEmpty())
        return;
    const QVector<int> trainers = lineage::trainersOf(g, s);
    if (trainers.isEmpty())
        return;
    // Each trainer's training sources are walked once per run and kept as a list (their total
    // length is bounded by the rule's step budget, unlike one mark per node per trainer);
    // checking a served model against them marks the list again, which the budget counts too
    // (and which makes them part of this start's walks for a re-check).
    bool shared = false;
    for (int t : trainers) {
        auto it = trainingSources.find(t);
        if (it == trainingSources.end())
            it = trainingSources.insert(t, lineage::upstream(g, t, trainingFlows, true));
        NodeMarks mark(g.nodeCount());
        for (int v : std::as_const(*it))
            mark.insert(v);
        shared =
            std::any_of(serving.begin(), serving.end(), [&](int v) { return mark.contains(v); });
        if (shared)
            break;
    }
    if (shared)
        return;
    QStringList ids{g.node(s).id}, trainerIds;
    for (int t : trainers)
        trainerIds << g.node(t).id;
    out.push_back(ctx.makeLabelled({{QStringLiteral("component"), {g.node(s).id}},
                                    {QStringLiteral("trainer"), trainerIds, QStringLiteral(", ")}},
                                   ids + trainerIds));
}

} // namespace

const StartwiseCheck skewStarts{nullptr, nullptr, false, judgeSkew};

void checkTrainingServingSkew(const CheckContext &ctx, QVector<Finding> &out)
{
    runStartwise(ctx, skewStarts, out);
}

} // namespace mls
