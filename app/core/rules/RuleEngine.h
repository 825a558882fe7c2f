// SPDX-License-Identifier: MIT
#pragma once

#include "Catalog.h"
#include "Diagram.h"
#include "Finding.h"
#include "KeptById.h"
#include "Rule.h"
#include "RuleChecks.h"
#include "RuleGraphParts.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

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
/// graph findings; a re-check keeps the findings it did not re-run in place, puts the new ones
/// in the places of those it dropped and appends the rest, so the order after edits is not a
/// full check's (RuleEngine::sort() orders it for
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
    /// Puts the kept findings in sort()'s order and hands them out, with Finding::key() of each
    /// in @p keys: a view that lists them sorted shares the engine's list instead of holding a
    /// sorted copy. Re-checks go on from that order (the order of findings() is never promised).
    QVector<Finding> sortedFindings(QStringList *keys);

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
    /// Appends to @p out the findings of the component rules on @p node, not yet waived.
    void runComponentRules(const RuleGraph &g, int node, QVector<Finding> &out) const;
    /// Appends to @p out the findings of the connection rules on @p edge, not yet waived.
    void runConnectionRules(const RuleGraph &g, int edge, QVector<Finding> &out) const;
    /// Gives the findings of m_all from @p first on to @p owner, waived as @p g's diagram says.
    void own(const RuleGraph &g, qsizetype first, int owner);
    /// The graph findings of @p g, of the graph rules @p only marks (every one when null); in
    /// @p labelled the label arguments of each, in @p owners the owner of each (globalOwner()).
    /// With @p keepMemos (@p g is the kept whole graph), the startwise rules record what a
    /// re-check needs to re-run them in part (m_memos).
    QVector<Finding> runGlobalRules(const RuleGraph &g, const std::vector<char> *only,
                                    QVector<std::optional<LabelArgs>> *labelled,
                                    QVector<int> *owners, bool keepMemos = false) const;
    /// Re-runs in part, on the kept whole graph, the startwise rules @p u marks for it; those
    /// it cannot re-run so are left in u.rerun for a whole run.
    void rerunStartwiseRules(const RuleGraph &g, Update &u) const;
    /// The owner of a graph finding of m_globalRules[@p rule] in m_owner: negative.
    static int globalOwner(int rule) { return -1 - rule; }
    /// Marks in @p u the graph rules an edit can affect (CheckReads); true when it added or
    /// removed a component.
    bool markGraphRules(const Diagram &d, const QStringList &components,
                        const QStringList &connections, Update &u) const;
    /// The graph findings of the rules @p u does not re-run that name an edited component or
    /// connection, re-rendered with the new labels and re-waived (a finding without label
    /// arguments marks its rule for a re-run instead).
    void refreshKept(const Diagram &d, const QStringList &components,
                     const QStringList &connections, Update &u);
    /// Drops the findings of removed items; returns the ids of the touched components.
    QStringList forgetEdited(const Diagram &d, const QStringList &components,
                             const QStringList &connections, QSet<QString> *removed, Update &u);
    void rerunLocalRules(const RuleGraph &g, const QStringList &seeds, Update &u);
    void rerunGlobalRules(const RuleGraph &g, QSet<QString> removed, Update &u) const;
    /// A graph of the whole diagram for the re-check of @p d: the kept one brought up to date
    /// (its connections and kinds), or a new one; nullptr when none is kept and @p make is false.
    const RuleGraph *wholeGraph(const Diagram &d, const QStringList &components,
                                const QStringList &connections,
                                const QVector<const Connection *> &gone, bool make);
    /// Replaces in the last result what @p u re-ran: the findings of its dead owners and its
    /// stale graph findings go, its new findings are appended.
    void commit(Update &u);
    /// @p args as m_args keeps them.
    static std::unique_ptr<LabelArgs> keptArgs(std::optional<LabelArgs> &&args)
    {
        return args ? std::make_unique<LabelArgs>(std::move(*args)) : nullptr;
    }
    /// The owner handle of a component's or connection's local findings, made when new.
    int handle(KeptById<int> &handles, const QString &id);
    /// The same for an id the handles do not hold yet (a full check's): no look-up.
    int newHandle(KeptById<int> &handles, const QString &id)
    {
        handles.append(id, m_handles);
        return m_handles++;
    }

    const Catalog *m_catalog;
    QVector<Rule> m_rules;
    /// A loaded rule with its evaluator, looked up once.
    struct BoundRule
    {
        const Rule *rule;
        const CheckType *check;
        /// Of a graph rule: per catalog flow index + 1 (0: a flow the catalog does not know),
        /// whether CheckReads::flows lists it.
        QVector<char> readsFlow;
        const QStringList *anyFromKinds = nullptr; ///< CheckReads::anyFrom naming a rule field
        bool anyFromStore = false;                 ///< CheckReads::anyFrom "store"
        Severity severity = Severity::Warning;     ///< effectiveSeverity(), set by each full check
    };
    /// Whether graph rule @p r reads a connection of flow index @p flow leaving a component of
    /// kind @p fromKind.
    bool reads(const BoundRule &r, int flow, const QString &fromKind) const;
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
    /// it, or globalOwner() of the graph rule that made it.
    QVector<int> m_owner;
    /// Per finding of m_all: a graph finding's label arguments (for a re-render after a rename),
    /// null for the others (most findings: a pointer each, not an empty optional list).
    std::vector<std::unique_ptr<LabelArgs>> m_args;
    /// Component id → owner handle, and connection id → owner handle: appended by a full check
    /// (its ids are new), hashed when a re-check looks many up.
    KeptById<int> m_componentHandle;
    KeptById<int> m_connectionHandle;
    int m_handles = 0;
    /// What the graph checks read of a component besides its label and waivers.
    struct GraphTraits
    {
        const QString *kind = nullptr; ///< in m_kindNames: equal kinds are the same pointer
        double p99 = 0;
        double budget = 0; ///< the latency budget of paths from it (its own, else the diagram's)
        bool operator==(const GraphTraits &o) const
        {
            return kind == o.kind && p99 == o.p99 && budget == o.budget;
        }
    };
    /// The kinds m_traits names, one string each (a pointer per component instead of a copy
    /// of its kind); node-based, so the pointers stay put as it grows.
    mutable std::unordered_set<QString> m_kindNames;
    mutable std::vector<const QString *> m_kindNameOf; ///< per catalog kind, once asked
    /// @p kind (the catalog's @p known, or null for a kind it does not know) in m_kindNames.
    const QString *kindName(const QString &kind, const KindInfo *known) const;
    GraphTraits traitsOf(const Component &c, const KindInfo *kind) const;
    KeptById<GraphTraits> m_traits; ///< component id → traits at the last (re)check
    /// The last graph run found the edited part to be most of the diagram: indexing the
    /// whole diagram in file order is then cheaper than walking the part by ids.
    bool m_preferWhole = false;
    /// A connection as the last (re)check saw it.
    struct KeptConnection
    {
        QString from, to;
        int flow = -1;                      ///< catalog flow index, -1 when unknown
        const Connection *object = nullptr; ///< compared only: freed once it is removed
    };
    KeptById<KeptConnection> m_ends; ///< connection id → as last seen
    /// The rule graph of the whole diagram, kept between re-checks while the edits land in a
    /// part that is most of the diagram, and brought up to date instead of rebuilt.
    std::optional<RuleGraph> m_graph;
    /// Per graph rule with a startwise form: what its last run on m_graph left for a re-run in
    /// part (RuleChecks.h); invalid whenever m_graph is dropped or rebuilt.
    mutable std::vector<StartwiseMemo> m_memos;
    /// The weakly connected parts of m_graph (empty when not known).
    graphparts::PartSizes m_parts;
    void dropMemos();
    /// Size of the largest part of the kept whole graph @p g that holds a seed.
    int partSize(const RuleGraph &g, const QStringList &seeds, const Update &u);
};

} // namespace mls
