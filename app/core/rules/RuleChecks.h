#pragma once

#include "Rule.h"
#include "RuleGraph.h"

#include <QVector>

namespace mls {

/// What a check evaluates against: the graph, the rule, its effective severity, the meta.
struct CheckContext
{
    const RuleGraph &graph;
    const Rule &rule;
    Severity severity;

    /// A finding of this rule with the message template filled from @p args.
    Finding make(const MessageArgs &args, const QStringList &components,
                 const QStringList &connections = {}) const
    {
        return makeFinding(rule, severity, args, components, connections);
    }
    /// The same with the placeholder values given up front.
    Finding make(const QHash<QString, QString> &args, const QStringList &components,
                 const QStringList &connections = {}) const
    {
        return makeFinding(
            rule, severity, [&](QStringView name) { return args.value(name.toString()); },
            components, connections);
    }
};

using ComponentCheck = void (*)(const CheckContext &, int node, QVector<Finding> &out);
using ConnectionCheck = void (*)(const CheckContext &, int edge, QVector<Finding> &out);
using GlobalCheck = void (*)(const CheckContext &, QVector<Finding> &out);

/// An evaluator a rule can name in its "check" field.
///
/// Component and connection checks see a component or connection and its neighbours only,
/// so a re-check runs them near the edit; global checks see a whole connected part.
struct CheckType
{
    const char *name;
    ComponentCheck component;
    ConnectionCheck connection;
    GlobalCheck global;
    const char *required; ///< space-separated parameters that must be non-empty
};

/// The evaluator named @p name, or nullptr.
const CheckType *findCheck(const QString &name);
/// Names of all evaluators, for error messages.
QStringList checkNames();

// Implemented in LocalRules.cpp and GraphRules.cpp.
void checkFlowCompatible(const CheckContext &, int edge, QVector<Finding> &out);
void checkSelfLoop(const CheckContext &, int edge, QVector<Finding> &out);
void checkRequestsIntoOffline(const CheckContext &, int edge, QVector<Finding> &out);
void checkForbiddenConnection(const CheckContext &, int edge, QVector<Finding> &out);
void checkDuplicateConnection(const CheckContext &, int edge, QVector<Finding> &out);
void checkUnknownFlow(const CheckContext &, int edge, QVector<Finding> &out);
void checkRequiresIncoming(const CheckContext &, int node, QVector<Finding> &out);
void checkRequiresOutgoing(const CheckContext &, int node, QVector<Finding> &out);
void checkOrphan(const CheckContext &, int node, QVector<Finding> &out);
void checkUnknownKind(const CheckContext &, int node, QVector<Finding> &out);
void checkSyncCycle(const CheckContext &, QVector<Finding> &out);
void checkTrainingServingSkew(const CheckContext &, QVector<Finding> &out);
void checkUnmonitoredModel(const CheckContext &, QVector<Finding> &out);
void checkNoFeedbackLoop(const CheckContext &, QVector<Finding> &out);
void checkLatencyBudget(const CheckContext &, QVector<Finding> &out);

} // namespace mls
