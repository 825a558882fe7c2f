// SPDX-License-Identifier: MIT
#pragma once

#include "Catalog.h"
#include "Diagram.h"
#include "Finding.h"
#include "Rule.h"
#include "RuleChecks.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QVector>

namespace mls {

class RuleGraph;
struct CheckType;

/// A waiver on a component or connection whose rule no longer fires there.
struct StaleWaiver
{
    QString item;            ///< component or connection id
    bool connection = false; ///< true when @c item is a connection
    QString rule;            ///< the waived rule id
    QString reason;
};

/// Runs the design rules on a diagram: a full check, and cheap re-checks after edits.
///
/// Typical use in the window: call check() once after loading, then after each edit call
/// recheck() with the ids of the components and connections that were added, removed or
/// changed (Diagram's signals name them). Both return the complete current finding list: a
/// full check lists local findings in file order of their component or connection, then the
/// graph findings; a re-check keeps the findings it did not re-run in place and appends the new
/// ones, so the order after edits is not a full check's (RuleEngine::sort() orders it for
/// display); the findings themselves are exactly a full check's. The list is kept between
/// calls and handed out as an implicitly shared copy: a re-check moves the findings it keeps
/// instead of copying every finding into a new list.
/// Finding::key() identifies a finding across calls, so a view can keep selection and
/// markers stable. A change of the diagram's meta (budget, severity overrides) makes the
/// next recheck() a full check.
///
/// Per-diagram severity overrides live in meta.extra["severity_overrides"], an object
/// mapping rule ids to "info" | "warning" | "error"; invalid entries are ignored.
class RuleEngine
{
public:
    /// An engine with the built-in rules of resources/rules/core.json.
    explicit RuleEngine(const Catalog &catalog = Catalog::builtin());

    /// Adds the rules of a custom pack file; false with @p error naming file and entry when
    /// the pack is invalid or reuses a rule id already loaded (nothing is added then).
    bool loadPack(const QString &path, QString *error);
    /// Adds already parsed rules (ids must be new).
    bool addRules(const QVector<Rule> &rules, QString *error);

    /// All loaded rules, core first.
    const QVector<Rule> &rules() const { return m_rules; }
    /// The rule with this id, or nullptr.
    const Rule *rule(const QString &id) const;

    /// Checks the whole diagram and remembers the result for recheck().
    QVector<Finding> check(const Diagram &d);
    /// Re-checks after an edit touching @p components / @p connections (added, removed or
    /// changed ids; a removed component's connections must be listed too). Re-runs the local
    /// rules around the edit and the graph rules on the connected parts it touches.
    QVector<Finding> recheck(const Diagram &d, const QStringList &components,
                             const QStringList &connections);
    /// The findings of the last check() / recheck().
    QVector<Finding> findings() const;

    /// Waivers in @p d whose rule does not fire on their item in the last result.
    QVector<StaleWaiver> staleWaivers(const Diagram &d) const;

    /// @p findings sorted for display: most severe first, then by rule id and key.
    static void sort(QVector<Finding> &findings);
    /// The severity overrides of @p meta ("MLS-012" → Info), ignoring invalid entries.
    static QHash<QString, Severity> severityOverrides(const Meta &meta);

private:
    struct Update;
    Severity effectiveSeverity(const Rule &r) const;
    QVector<Finding> componentFindings(const RuleGraph &g, int node) const;
    QVector<Finding> connectionFindings(const RuleGraph &g, int edge) const;
    /// The graph findings of @p g; with @p labelled, the label arguments of each (in order).
    QVector<Finding> runGlobalRules(const RuleGraph &g,
                                    QVector<std::optional<LabelArgs>> *labelled) const;
    /// Drops the findings of removed items; returns the ids of the touched components.
    QStringList forgetEdited(const Diagram &d, const QStringList &components,
                             const QStringList &connections, QSet<QString> *removed, Update &u);
    void rerunLocalRules(const RuleGraph &g, const QStringList &seeds, Update &u);
    void rerunGlobalRules(const RuleGraph &g, QSet<QString> removed, Update &u) const;
    /// Replaces in the last result what @p u re-ran: the findings of its dead owners and its
    /// stale graph findings go, its new findings are appended.
    void commit(Update &u);
    /// The re-check of an edit that changes no graph property of @p components (a rename,
    /// notes, position, a waiver, props other than latency_ms and latency_budget_ms): local
    /// rules around them, and the graph findings naming them re-rendered and re-waived. False,
    /// with nothing changed, when the edit is not of that sort.
    bool recheckInPlace(const Diagram &d, const QStringList &components);
    /// The owner handle of a component's or connection's local findings, made when new.
    int handle(QHash<QString, int> &handles, const QString &id);

    const Catalog *m_catalog;
    QVector<Rule> m_rules;
    /// A loaded rule with its evaluator, looked up once.
    struct BoundRule
    {
        const Rule *rule;
        const CheckType *check;
    };
    QVector<BoundRule> m_componentRules;
    QVector<BoundRule> m_connectionRules;
    QVector<BoundRule> m_globalRules;

    // The last result. Every finding is kept once, in m_all, which findings() hands out as an
    // implicitly shared copy: a re-check moves the findings it keeps and appends the new
    // ones instead of copying every finding into a new list.
    bool m_valid = false;
    Meta m_meta;
    QHash<QString, Severity> m_overrides;
    QVector<Finding> m_all;
    /// Per finding of m_all: the handle of the component or connection whose local rules made
    /// it, or -1 for a graph finding.
    QVector<int> m_owner;
    /// Per finding of m_all: a graph finding's label arguments (for a re-render after a rename).
    QVector<std::optional<LabelArgs>> m_args;
    QHash<QString, int> m_componentHandle;  ///< component id → owner handle
    QHash<QString, int> m_connectionHandle; ///< connection id → owner handle
    int m_handles = 0;
    /// What the graph checks read of a component besides its label and waivers.
    struct GraphTraits
    {
        QString kind;
        double p99 = 0;
        double budget = 0; ///< the latency budget of paths from it (its own, else the diagram's)
        bool operator==(const GraphTraits &o) const
        {
            return kind == o.kind && p99 == o.p99 && budget == o.budget;
        }
    };
    GraphTraits traitsOf(const Component &c, const KindInfo *kind) const;
    QHash<QString, GraphTraits> m_traits; ///< component id → traits at the last (re)check
    /// The last graph run found the edited part to be most of the diagram: indexing the
    /// whole diagram in file order is then cheaper than walking the part by ids.
    bool m_preferWhole = false;
    QHash<QString, QPair<QString, QString>> m_ends; ///< connection id → (from, to)
};

} // namespace mls
