// SPDX-License-Identifier: MIT
#include "RuleEngine.h"

#include "LatencyAnalysis.h"
#include "Limits.h"
#include "Logging.h"
#include "MetaFields.h"
#include "NodeMarks.h"
#include "RuleChecks.h"
#include "RuleGraph.h"
#include "RuleGraphParts.h"
#include "RulePack.h"
#include "Waivers.h"

#include <QCoreApplication>
#include <algorithm>

#include <vector>

namespace mls {

namespace {

/// What a graph rule reports instead of its findings when its walks outgrow the step budget.
Finding incompleteCheck(const Rule &rule)
{
    Rule incomplete = rule;
    incomplete.fix = QCoreApplication::translate(
        "RuleEngine", "Check the parts of the design one at a time (select them, or split the "
                      "file); a design of tens of thousands of components sharing one long "
                      "chain is past what this rule can follow.");
    const Finding f(incomplete, Severity::Warning,
                    QCoreApplication::translate(
                        "RuleEngine", "Not checked: following %1 through this design takes more "
                                      "than %L2 steps, so its findings are left out")
                        .arg(rule.id)
                        .arg(Limits::maxRuleSteps),
                    {});
    return f;
}

} // namespace

RuleEngine::RuleEngine(const Catalog &catalog) : m_catalog(&catalog)
{
    QString error;
    if (!addRules(RulePack::core(), &error))
        qFatal("mlsketch: %s", qPrintable(error));
}

bool RuleEngine::loadPack(const QString &path, QString *error)
{
    const auto rules = RulePack::fromFile(path, *m_catalog, error);
    return rules && addRules(*rules, error);
}

bool RuleEngine::addRules(const QVector<Rule> &rules, QString *error)
{
    for (const Rule &r : rules) {
        if (rule(r.id)) {
            *error = QStringLiteral("%1: rule \"%2\" is already defined by %3")
                         .arg(r.source, r.id, rule(r.id)->source);
            return false;
        }
    }
    m_rules += rules;
    // Pointers into m_rules are rebuilt after every append, as the vector may reallocate.
    m_componentRules.clear();
    m_connectionRules.clear();
    m_globalRules.clear();
    const QVector<FlowType> &flows = m_catalog->flows();
    for (const Rule &r : std::as_const(m_rules)) {
        const CheckType *c = findCheck(r.check);
        if (c->component)
            m_componentRules.push_back({&r, c, {}, nullptr, false, effectiveSeverity(r)});
        if (c->connection)
            m_connectionRules.push_back({&r, c, {}, nullptr, false, effectiveSeverity(r)});
        if (!c->global)
            continue;
        BoundRule bound{&r, c, {}, nullptr, false, effectiveSeverity(r)};
        const QStringList listed = QString::fromLatin1(c->reads.flows).split(QLatin1Char(' '));
        bound.readsFlow.fill(0, flows.size() + 1);
        for (qsizetype f = 0; f < flows.size(); ++f)
            bound.readsFlow[f + 1] = listed.contains(flows[f].id);
        const QLatin1String anyFrom(c->reads.anyFrom);
        bound.anyFromStore = anyFrom == QLatin1String("store");
        bound.anyFromKinds = anyFrom == QLatin1String("kinds")        ? &r.kinds
                             : anyFrom == QLatin1String("from_kinds") ? &r.fromKinds
                             : anyFrom == QLatin1String("to_kinds")   ? &r.toKinds
                                                                      : nullptr;
        m_globalRules.push_back(bound);
    }
    m_graph.reset();
    m_memos.clear();
    m_valid = false;
    return true;
}

const Rule *RuleEngine::rule(const QString &id) const
{
    for (const Rule &r : m_rules) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QHash<QString, Severity> RuleEngine::severityOverrides(const Meta &meta)
{
    QHash<QString, Severity> result;
    const QHash<QString, QString> names = known::severityOverrides(meta);
    for (auto it = names.begin(); it != names.end(); ++it) {
        if (const auto s = severityFromName(it.value()))
            result.insert(it.key(), *s);
        else
            qCWarning(lcCore, "ignoring severity override for %s", qUtf8Printable(it.key()));
    }
    return result;
}

Severity RuleEngine::effectiveSeverity(const Rule &r) const
{
    return m_overrides.value(r.id, r.severity);
}

void RuleEngine::runComponentRules(const RuleGraph &g, int node, QVector<Finding> &out) const
{
    for (const BoundRule &r : std::as_const(m_componentRules))
        r.check->component(CheckContext{g, *r.rule, r.severity}, node, out);
}

void RuleEngine::runConnectionRules(const RuleGraph &g, int edge, QVector<Finding> &out) const
{
    for (const BoundRule &r : std::as_const(m_connectionRules))
        r.check->connection(CheckContext{g, *r.rule, r.severity}, edge, out);
}

QVector<Finding> RuleEngine::componentFindings(const RuleGraph &g, int node) const
{
    QVector<Finding> found;
    runComponentRules(g, node, found);
    if (g.hasWaivers() && !found.isEmpty())
        waivers::apply(g.diagram(), found);
    return found;
}

QVector<Finding> RuleEngine::connectionFindings(const RuleGraph &g, int edge) const
{
    QVector<Finding> found;
    runConnectionRules(g, edge, found);
    if (g.hasWaivers() && !found.isEmpty())
        waivers::apply(g.diagram(), found);
    return found;
}

void RuleEngine::own(const RuleGraph &g, qsizetype first, int owner)
{
    if (g.hasWaivers())
        waivers::apply(g.diagram(), m_all.data() + first, m_all.data() + m_all.size());
    m_owner.resize(m_all.size(), owner);
}

int RuleEngine::handle(KeptById<int> &handles, const QString &id)
{
    if (const auto it = handles.constFind(id); it != handles.constEnd())
        return *it;
    handles.append(id, m_handles);
    return m_handles++;
}

bool RuleEngine::reads(const BoundRule &r, int flow, const QString &fromKind) const
{
    const CheckReads &reads = r.check->reads;
    const bool synchronous = flow >= 0 && m_catalog->flows()[flow].synchronous;
    if ((synchronous && reads.calls) || (!synchronous && reads.data) || r.readsFlow[flow + 1])
        return true;
    if (r.anyFromKinds && r.anyFromKinds->contains(fromKind))
        return true;
    const KindInfo *kind = r.anyFromStore ? m_catalog->kind(fromKind) : nullptr;
    return kind && kind->placement == Placement::Store;
}

QVector<Finding> RuleEngine::runGlobalRules(const RuleGraph &g, const std::vector<char> *only,
                                            QVector<std::optional<LabelArgs>> *labelled,
                                            QVector<int> *owners, bool keepMemos) const
{
    m_memos.resize(size_t(m_globalRules.size()));
    QVector<Finding> found;
    for (int i = 0; i < m_globalRules.size(); ++i) {
        if (only && !(*only)[size_t(i)])
            continue;
        const BoundRule &r = m_globalRules[i];
        const qsizetype before = found.size();
        labelled->resize(before);
        WalkBudget budget(Limits::maxRuleSteps);
        const CheckContext ctx{g, *r.rule, r.severity, labelled};
        StartwiseMemo &memo = m_memos[size_t(i)];
        memo.valid = false;
        if (keepMemos && r.check->startwise)
            runStartwise(ctx, *r.check->startwise, found, &memo);
        else
            r.check->global(ctx, found);
        memo.steps = budget.used();
        if (budget.exhausted()) {
            memo.valid = false;
            found.resize(before);
            labelled->resize(before);
            found.push_back(incompleteCheck(*r.rule));
        }
        // A check that made a finding without recording its labels: that one cannot be
        // re-rendered in place, refreshKept() then re-runs its rule.
        if (labelled->size() != found.size()) {
            labelled->resize(before);
            labelled->resize(found.size());
        }
        owners->resize(found.size(), globalOwner(i));
    }
    g.dropCopyIndex();
    if (g.hasWaivers())
        waivers::apply(g.diagram(), found);
    return found;
}

QVector<Finding> RuleEngine::check(const Diagram &d)
{
    m_meta = d.meta();
    m_overrides = severityOverrides(m_meta);
    for (QVector<BoundRule> *rules : {&m_componentRules, &m_connectionRules, &m_globalRules}) {
        for (BoundRule &r : *rules)
            r.severity = effectiveSeverity(*r.rule);
    }
    m_all.clear();
    m_owner.clear();
    m_args.clear();
    m_componentHandle.clear();
    m_connectionHandle.clear();
    m_handles = 0;
    m_ends.clear();
    m_traits.clear();
    m_kindNames.clear();
    m_kindNameOf.clear();
    m_graph.reset();
    RuleGraph g = RuleGraph::whole(d, *m_catalog);
    // Local findings go straight into m_all, their owners beside them; the ids are kept for
    // re-checks in file order and hashed only if a re-check needs them (KeptById).
    m_traits.reserve(g.nodeCount());
    for (int n = 0; n < g.nodeCount(); ++n) {
        const qsizetype before = m_all.size();
        runComponentRules(g, n, m_all);
        if (m_all.size() > before)
            own(g, before, newHandle(m_componentHandle, g.node(n).id));
        m_traits.append(g.node(n).id, traitsOf(g.node(n), g.kind(n)));
    }
    m_ends.reserve(g.edgeCount());
    for (int e = 0; e < g.edgeCount(); ++e) {
        const Connection *c = g.edge(e).connection;
        const qsizetype before = m_all.size();
        runConnectionRules(g, e, m_all);
        if (m_all.size() > before)
            own(g, before, newHandle(m_connectionHandle, c->id));
        m_ends.append(c->id, {c->from, c->to, g.edge(e).flow, c});
    }
    m_parts.reset(g);
    m_preferWhole = 2 * m_parts.largest() >= g.nodeCount() && g.nodeCount() > 0;
    if (!m_preferWhole)
        m_parts.clear();
    QVector<std::optional<LabelArgs>> labelled;
    QVector<int> owners;
    QVector<Finding> global = runGlobalRules(g, nullptr, &labelled, &owners, m_preferWhole);
    // At their sizes: the lists grew by doubling, and a window keeps them while it is open.
    const qsizetype total = m_all.size() + global.size();
    m_all.reserve(total);
    m_owner.reserve(total);
    m_args.reserve(size_t(total));
    m_args.resize(size_t(m_all.size()));
    for (qsizetype i = 0; i < global.size(); ++i) {
        m_all.push_back(std::move(global[i]));
        m_owner.push_back(owners[i]);
        m_args.push_back(keptArgs(std::move(labelled[i])));
    }
    m_all.squeeze();
    m_owner.squeeze();
    m_componentHandle.squeeze();
    m_connectionHandle.squeeze();
    if (m_preferWhole)
        m_graph = std::move(g);
    m_valid = true;
    return findings();
}

const QString *RuleEngine::kindName(const QString &kind, const KindInfo *known) const
{
    if (!known)
        return &*m_kindNames.insert(kind).first;
    const size_t index = size_t(known - m_catalog->kinds().constData());
    if (m_kindNameOf.size() <= index)
        m_kindNameOf.resize(size_t(m_catalog->kinds().size()), nullptr);
    if (!m_kindNameOf[index])
        m_kindNameOf[index] = &*m_kindNames.insert(kind).first;
    return m_kindNameOf[index];
}

RuleEngine::GraphTraits RuleEngine::traitsOf(const Component &c, const KindInfo *kind) const
{
    return GraphTraits{kindName(c.kind, kind), LatencyAnalysis::p99(c, kind),
                       LatencyAnalysis::budget(c, m_meta.latencyBudgetMs)};
}

QVector<Finding> RuleEngine::findings() const
{
    return m_all;
}

QVector<StaleWaiver> RuleEngine::staleWaivers(const Diagram &d) const
{
    // Only the items that carry a waiver matter: a design with a finding on each of 100,000
    // components and no waiver must not build a set of every finding's ids.
    QSet<QString> waived;
    for (const Component &c : d.components()) {
        if (!c.waivers.isEmpty())
            waived.insert(c.id);
    }
    for (const Connection &c : d.connections()) {
        if (!c.waivers.isEmpty())
            waived.insert(c.id);
    }
    if (waived.isEmpty())
        return {};
    QSet<QString> firing; // "item|rule"
    auto fire = [&](const Finding &f) {
        for (const FindingIds &ids : {f.components(), f.connections()}) {
            for (const QString &id : ids) {
                if (waived.contains(id))
                    firing.insert(id + QLatin1Char('|') + f.rule());
            }
        }
    };
    std::for_each(m_all.begin(), m_all.end(), fire);
    QVector<StaleWaiver> stale;
    auto scan = [&](const QString &id, const QVector<Waiver> &waivers, bool connection) {
        for (const Waiver &w : waivers) {
            if (!firing.contains(id + QLatin1Char('|') + w.rule))
                stale.push_back(StaleWaiver{id, connection, w.rule, w.reason});
        }
    };
    for (const Component &c : d.components())
        scan(c.id, c.waivers, false);
    for (const Connection &c : d.connections())
        scan(c.id, c.waivers, true);
    return stale;
}

namespace {

/// sort()'s order of @p findings as indexes, with the key of each in @p keys (computed once,
/// not in every comparison); ties keep their order.
std::vector<int> displayOrder(const QVector<Finding> &findings, QStringList &keys)
{
    keys.clear();
    keys.reserve(findings.size());
    for (const Finding &f : findings)
        keys << f.key();
    std::vector<int> order(size_t(findings.size()));
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        const Finding &a = findings[x];
        const Finding &b = findings[y];
        if (a.severity() != b.severity())
            return a.severity() > b.severity();
        if (a.ruleInfo() != b.ruleInfo() && a.rule() != b.rule())
            return a.rule() < b.rule();
        return keys[x] < keys[y];
    });
    return order;
}

/// @p v rearranged so that its element i is the old element order[i].
template <typename List> void permute(List &v, const std::vector<int> &order)
{
    List sorted;
    sorted.reserve(v.size());
    for (int i : order)
        sorted.push_back(std::move(v[size_t(i)]));
    v = std::move(sorted);
}

} // namespace

void RuleEngine::sort(QVector<Finding> &findings)
{
    QStringList keys;
    permute(findings, displayOrder(findings, keys));
}

QVector<Finding> RuleEngine::sortedFindings(QStringList *keys)
{
    QStringList unsorted;
    const std::vector<int> order = displayOrder(m_all, unsorted);
    permute(m_all, order);
    permute(m_owner, order);
    permute(m_args, order);
    keys->clear();
    keys->reserve(unsorted.size());
    for (int i : order)
        keys->push_back(unsorted[i]);
    return findings();
}

} // namespace mls
