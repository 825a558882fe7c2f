// SPDX-License-Identifier: MIT
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
    QVector<LatencyHop> hops; ///< client first, in call order; at most Limits::maxListedHops
    int moreHops = 0;         ///< hops of the path beyond those listed ("… and N more")
    double totalMs = 0;       ///< sum of the p99 of every hop of the path (listed or not)
    double budgetMs = 0;      ///< the client's props.latency_budget_ms, else the diagram's
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
/// feed it. Calls and lookups run in parallel, so the slowest branch counts (a lookup is never
/// added to the calls). Offline, stream and monitoring components are never on the path.
///
/// Bounded: one iterative longest-path pass over the call graph computes every component's
/// cost once, whatever the number of clients or the depth of the chains (no recursion). A
/// call back into a component whose cost is still being computed (a cycle) adds nothing, so
/// the pass always terminates; components are first reached from the clients in file order.
/// Each path lists at most Limits::maxListedHops hops.
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
    /// The budget of paths starting at @p client: its props.latency_budget_ms when that is a
    /// non-negative number, else @p diagramBudgetMs (meta.latency_budget_ms).
    static double budget(const Component &client, double diagramBudgetMs);
};

} // namespace mls
