#pragma once

#include "Catalog.h"
#include "Diagram.h"

#include <QString>
#include <QVector>

namespace mls {

class RuleGraph;

/// One step of a critical path.
struct LatencyHop
{
    QString component;    ///< component id
    QString via;          ///< connection that leads here (empty for the client)
    double latencyMs = 0; ///< this component's p99
    bool lookup = false;  ///< a store read while serving (store → reader), not a call
};

/// The slowest chain of synchronous calls and store lookups behind one client.
struct LatencyPath
{
    QString client;           ///< the client component id
    QVector<LatencyHop> hops; ///< client first, in call order
    double totalMs = 0;       ///< sum of the hops' p99
    double budgetMs = 0;      ///< meta.latencyBudgetMs of the diagram
    bool overBudget() const { return totalMs > budgetMs; }
    /// Ids of the components / connections on the path (for highlighting).
    QStringList componentIds() const;
    QStringList connectionIds() const;
};

/// Critical-path latency on the online request path.
///
/// A component costs its p99 (`props.latency_ms` when it is a non-negative number, otherwise
/// the catalog default) plus the slowest of what it waits for: synchronous `requests` calls to
/// online components and stores, and — for an online component — lookups of the stores that
/// feed it. Calls fan out in parallel, so the slowest branch counts. Offline, stream and
/// monitoring components are never on the path; a call back into a component already on the
/// path (a cycle) adds nothing, so the walk always terminates.
class LatencyAnalysis
{
public:
    /// One path per client component, in file order.
    static QVector<LatencyPath> analyze(const Diagram &d,
                                        const Catalog &catalog = Catalog::builtin());
    /// The same on an index built by the rule engine (a part of the diagram).
    static QVector<LatencyPath> analyze(const RuleGraph &g);
    /// The p99 of a component: props.latency_ms or the kind's default (0 for unknown kinds).
    static double p99(const Component &c, const KindInfo *kind);
};

} // namespace mls
