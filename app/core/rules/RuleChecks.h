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
    /// Of a startwise check (StartwiseCheck): what its prepare step worked out per node.
    const QVector<int> *values = nullptr;

    /// A graph finding whose placeholders are given as labels of components: rendered now,
    /// and recorded in @c labelled.
    Finding makeLabelled(const LabelArgs &args, const QStringList &components,
                         const QStringList &connections = {}) const;

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

/// A connection as a graph check sees it: its ends (node indexes) and flow (Edge::flow).
struct EdgeEnds
{
    int from = -1;
    int to = -1;
    int flow = -1;
    bool synchronous = false;
};

/// Connections edited since a graph check last ran on a kept graph of the whole diagram, when
/// no component came, went or changed kind: added ones (and changed ones as they are now), and
/// removed ones (and changed ones as they were).
struct EdgeEdits
{
    QVector<EdgeEnds> added;
    QVector<EdgeEnds> removed;
};

/// Lists a startwise check keeps per node during one run (a trainer's training sources).
using NodeLists = QHash<int, QVector<int>>;

/// A graph check made of one judgement per start node (a served model, a trainer, an index),
/// each of whose findings names its start first, after an optional pass over the whole graph
/// whose result per node the judgements read (CheckContext::values). The judgements walk the
/// graph with NodeMarks only, and look at the connections of nodes they marked and the
/// values of nodes they marked, nothing else: so a start whose walks marked neither end of
/// an edited connection, nor a node whose value changed, keeps its findings
/// (rerunStartwise()). tst_incremental_rules compares such re-checks with full checks.
struct StartwiseCheck
{
    /// Fills CheckContext::values over the whole graph; nullptr when the check has no such pass.
    void (*prepare)(const CheckContext &, QVector<int> &values);
    /// Brings the values up to date after connections were only added, appending the nodes
    /// whose value changed to @p changed; false when it cannot. nullptr: prepare again.
    bool (*grow)(const CheckContext &, const QVector<EdgeEnds> &added, QVector<int> &values,
                 QVector<int> &changed);
    /// After other edits, values prepared again can be compared node by node to find those
    /// that changed (not so for arbitrary numbers such as part numbers: the whole check re-runs).
    bool comparable;
    /// The findings of node @p node; none when it is not a start of the rule.
    void (*judge)(const CheckContext &, int node, NodeLists &cache, QVector<Finding> &out);
};

/// What a re-check keeps of a startwise check's last run on the kept whole graph.
struct StartwiseMemo
{
    bool valid = false;
    qint64 steps = 0; ///< walk steps of the last whole run, plus those of each re-run since
    QVector<int> values;
    /// Per node: the starts whose walks marked it (compressed: markers[markerStart[n] ..
    /// markerStart[n + 1]), ascending), and those a re-run added since.
    QVector<int> markerStart, markers;
    QHash<int, QVector<int>> moreMarkers;
};

/// Runs @p check on every node of ctx.graph in node order; with @p memo, also records what
/// rerunStartwise() needs.
void runStartwise(const CheckContext &ctx, const StartwiseCheck &check, QVector<Finding> &out,
                  StartwiseMemo *memo = nullptr);
/// Re-judges after @p edits the starts whose findings they can change: those go to @p starts
/// (ascending), their findings now to @p out. False when it cannot tell (run the whole check).
bool rerunStartwise(const CheckContext &ctx, const StartwiseCheck &check, const EdgeEdits &edits,
                    StartwiseMemo &memo, QVector<int> &starts, QVector<Finding> &out);

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
    /// A global check's per-start form, when it has one (then global runs it on every node).
    const StartwiseCheck *startwise = nullptr;
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
extern const StartwiseCheck skewStarts, unmonitoredModelStarts, feedbackLoopStarts;
// Implemented in ModelRules.cpp.
extern const StartwiseCheck ungatedRegistryStarts, unmonitoredFeaturesStarts, embeddingStarts,
    selfTrainedStarts, unfedRegistryStarts, noFallbackStarts;
void checkUngatedRegistry(const CheckContext &, QVector<Finding> &out);
void checkUnmonitoredFeatures(const CheckContext &, QVector<Finding> &out);
void checkEmbeddingMismatch(const CheckContext &, QVector<Finding> &out);
void checkSelfTrainedModel(const CheckContext &, QVector<Finding> &out);
void checkUnfedRegistry(const CheckContext &, QVector<Finding> &out);
void checkNoFallback(const CheckContext &, QVector<Finding> &out);

} // namespace mls
