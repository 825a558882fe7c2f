// SPDX-License-Identifier: MIT
#pragma once

#include "Rule.h"
#include "RuleGraph.h"

#include <QVector>

#include <optional>

namespace mls {

/// A message placeholder of a graph finding whose value is made of component labels, kept
/// so a rename can re-render the message without re-running the check on the whole part.
struct LabelArg
{
    LabelArg(QString name, QStringList ids, QString separator = {}, bool quote = true,
             QString literal = {})
        : name(std::move(name)), ids(std::move(ids)), separator(std::move(separator)), quote(quote),
          literal(std::move(literal))
    {}

    QString name;      ///< placeholder name, e.g. "component"
    QStringList ids;   ///< components whose labels make the value, in order (empty: literal)
    QString separator; ///< between two labels
    bool quote = true; ///< each label in double quotes
    QString literal;   ///< the value when @c ids is empty
};
using LabelArgs = QVector<LabelArg>;

/// Label of a component as messages show it (its id when the label is empty or it is gone).
QString messageLabel(const Diagram &d, const QString &id);
/// The message of a finding of @p rule filled from @p args with the current labels of @p d.
QString renderMessage(const Rule &rule, const Diagram &d, const LabelArgs &args);

/// What a check evaluates against: the graph, the rule, its effective severity, the meta.
struct CheckContext
{
    CheckContext(const RuleGraph &g, const Rule &r, Severity s,
                 QVector<std::optional<LabelArgs>> *labelled = nullptr)
        : graph(g), rule(r), severity(s), labelled(labelled)
    {}

    const RuleGraph &graph;
    const Rule &rule;
    Severity severity;
    /// When set, graph checks record the label arguments of each finding they make here,
    /// one entry per finding (for RuleEngine's re-render after a rename).
    QVector<std::optional<LabelArgs>> *labelled;

    /// A graph finding whose placeholders are given as labels of components: rendered now,
    /// and recorded in @c labelled.
    Finding makeLabelled(const LabelArgs &args, const QStringList &components,
                         const QStringList &connections = {}) const
    {
        Finding f = makeFinding(
            rule, severity, [](QStringView) { return QString(); }, components, connections);
        f.message = renderMessage(rule, graph.diagram(), args);
        if (labelled)
            labelled->push_back(args);
        return f;
    }

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

/// What a graph check reads of a design besides the components' kinds (every graph check reads
/// those), declared next to each evaluator in RuleChecks.cpp. A re-check re-runs a graph check
/// only after an edit it can see: a connection it reads (as it was before the edit or as it is
/// after), a latency figure when it reads those, or a component's kind. The declaration must
/// cover every connection the check looks at; tst_incremental_rules compares every re-check
/// with a full check, so a connection left out fails it.
struct CheckReads
{
    /// Space-separated catalog flow ids whose connections it follows.
    const char *flows = "";
    bool calls = false; ///< every synchronous connection (FlowType::synchronous)
    bool data = false;  ///< every other connection, flows the catalog does not know included
    /// Connections of any flow leaving a component of the rule's "kinds", "from_kinds" or
    /// "to_kinds", or of a store ("store": the catalog's Placement::Store); empty for none.
    const char *anyFrom = "";
    bool latency = false; ///< components' p99 (props.latency_ms) and latency budgets
};

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
    const char *required;  ///< space-separated parameters that must be non-empty
    CheckReads reads = {}; ///< what a global check reads (unused by the others)
};

/// The evaluator named @p name, or nullptr.
const CheckType *findCheck(const QString &name);
/// Names of all evaluators, for error messages.
QStringList checkNames();

// Implemented in LocalRules.cpp, GraphRules.cpp and SkewRule.cpp.
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
// Implemented in ModelRules.cpp.
void checkUngatedRegistry(const CheckContext &, QVector<Finding> &out);
void checkUnmonitoredFeatures(const CheckContext &, QVector<Finding> &out);
void checkEmbeddingMismatch(const CheckContext &, QVector<Finding> &out);
void checkSelfTrainedModel(const CheckContext &, QVector<Finding> &out);
void checkUnfedRegistry(const CheckContext &, QVector<Finding> &out);
void checkNoFallback(const CheckContext &, QVector<Finding> &out);

} // namespace mls
