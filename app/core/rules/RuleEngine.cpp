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
    Finding f;
    f.rule = rule.id;
    f.severity = Severity::Warning;
    f.title = rule.title;
    f.message = QCoreApplication::translate(
                    "RuleEngine", "Not checked: following %1 through this design takes more than "
                                  "%L2 steps, so its findings are left out")
                    .arg(rule.id)
                    .arg(Limits::maxRuleSteps);
    f.explanation = rule.explanation;
    f.fix = QCoreApplication::translate(
        "RuleEngine", "Check the parts of the design one at a time (select them, or split the "
                      "file); a design of tens of thousands of components sharing one long "
                      "chain is past what this rule can follow.");
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
    for (const Rule &r : std::as_const(m_rules)) {
        const CheckType *c = findCheck(r.check);
        if (c->component)
            m_componentRules.push_back({&r, c});
        if (c->connection)
            m_connectionRules.push_back({&r, c});
        if (c->global)
            m_globalRules.push_back({&r, c});
    }
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
            qCWarning(lcCore) << "ignoring severity override for" << it.key();
    }
    return result;
}

Severity RuleEngine::effectiveSeverity(const Rule &r) const
{
    return m_overrides.value(r.id, r.severity);
}

void RuleEngine::runComponentRules(const RuleGraph &g, int node)
{
    QVector<Finding> found;
    for (const BoundRule &r : std::as_const(m_componentRules))
        r.check->component(CheckContext{g, *r.rule, effectiveSeverity(*r.rule)}, node, found);
    if (g.hasWaivers())
        waivers::apply(g.diagram(), found);
    if (found.isEmpty())
        m_byComponent.remove(g.node(node).id);
    else
        m_byComponent.insert(g.node(node).id, found);
}

void RuleEngine::runConnectionRules(const RuleGraph &g, int edge)
{
    QVector<Finding> found;
    for (const BoundRule &r : std::as_const(m_connectionRules))
        r.check->connection(CheckContext{g, *r.rule, effectiveSeverity(*r.rule)}, edge, found);
    if (g.hasWaivers())
        waivers::apply(g.diagram(), found);
    const QString &id = g.edge(edge).connection->id;
    if (found.isEmpty())
        m_byConnection.remove(id);
    else
        m_byConnection.insert(id, found);
}

QVector<Finding> RuleEngine::runGlobalRules(const RuleGraph &g,
                                            QVector<std::optional<LabelArgs>> *labelled) const
{
    QVector<Finding> found;
    for (const BoundRule &r : m_globalRules) {
        const qsizetype before = found.size();
        labelled->resize(before);
        WalkBudget budget(Limits::maxRuleSteps);
        r.check->global(CheckContext{g, *r.rule, effectiveSeverity(*r.rule), labelled}, found);
        if (budget.exhausted()) {
            found.resize(before);
            labelled->resize(before);
            found.push_back(incompleteCheck(*r.rule));
        }
        // A check that made a finding without recording its labels: that one cannot be
        // re-rendered in place, recheckInPlace() then falls back to a re-run.
        if (labelled->size() != found.size()) {
            labelled->resize(before);
            labelled->resize(found.size());
        }
    }
    if (g.hasWaivers())
        waivers::apply(g.diagram(), found);
    return found;
}

QVector<Finding> RuleEngine::check(const Diagram &d)
{
    m_meta = d.meta();
    m_overrides = severityOverrides(m_meta);
    m_byComponent.clear();
    m_byConnection.clear();
    m_ends.clear();
    m_traits.clear();
    const RuleGraph g = RuleGraph::whole(d, *m_catalog);
    m_traits.reserve(g.nodeCount());
    for (int n = 0; n < g.nodeCount(); ++n) {
        runComponentRules(g, n);
        m_traits.insert(g.node(n).id, traitsOf(g.node(n), g.kind(n)));
    }
    m_ends.reserve(g.edgeCount());
    for (int e = 0; e < g.edgeCount(); ++e) {
        runConnectionRules(g, e);
        const Connection *c = g.edge(e).connection;
        m_ends.insert(c->id, {c->from, c->to});
    }
    m_globalArgs.clear();
    m_global = runGlobalRules(g, &m_globalArgs);
    m_preferWhole = 2 * graphparts::largestPart(g) >= g.nodeCount() && g.nodeCount() > 0;
    m_valid = true;
    return findings();
}

RuleEngine::GraphTraits RuleEngine::traitsOf(const Component &c, const KindInfo *kind) const
{
    return GraphTraits{c.kind, LatencyAnalysis::p99(c, kind),
                       LatencyAnalysis::budget(c, m_meta.latencyBudgetMs)};
}

QStringList RuleEngine::forgetEdited(const Diagram &d, const QStringList &components,
                                     const QStringList &connections, QSet<QString> *removed)
{
    QStringList seeds;
    for (const QString &id : components) {
        if (const Component *c = d.component(id)) {
            seeds << id;
            m_traits.insert(id, traitsOf(*c, m_catalog->kind(c->kind)));
        } else {
            removed->insert(id);
            m_byComponent.remove(id);
            m_traits.remove(id);
        }
    }
    for (const QString &id : connections) {
        if (auto old = m_ends.constFind(id); old != m_ends.constEnd())
            seeds << old->first << old->second; // ends that are gone are skipped by region()
        if (const Connection *c = d.connection(id)) {
            seeds << c->from << c->to;
            m_ends.insert(id, {c->from, c->to});
        } else {
            m_ends.remove(id);
            m_byConnection.remove(id);
        }
    }
    return seeds;
}

void RuleEngine::rerunLocalRules(const RuleGraph &g, const QStringList &seeds)
{
    // The touched components, their neighbours, and every connection touching a touched
    // component (duplicates and neighbour kinds are decided there).
    QSet<int> nodes, edges;
    for (const QString &id : seeds) {
        const int n = g.indexOf(id);
        if (n < 0)
            continue;
        nodes.insert(n);
        for (const RuleGraph::EdgeRange &adj : {g.out(n), g.in(n)}) {
            for (int e : adj) {
                edges.insert(e);
                nodes.insert(g.edge(e).from);
                nodes.insert(g.edge(e).to);
            }
        }
    }
    for (int n : std::as_const(nodes))
        runComponentRules(g, n);
    for (int e : std::as_const(edges))
        runConnectionRules(g, e);
}

void RuleEngine::rerunGlobalRules(const RuleGraph &g, QSet<QString> removed)
{
    // A graph finding lies inside one connected part, so the old findings of the edited
    // parts are exactly those naming a region component or a removed one; a graph of the
    // whole diagram replaces them all.
    if (g.nodeCount() == int(g.diagram().components().size())) {
        m_global.clear();
        m_globalArgs.clear();
        m_global = runGlobalRules(g, &m_globalArgs);
        return;
    }
    for (int n = 0; n < g.nodeCount(); ++n)
        removed.insert(g.node(n).id);
    // A rule that could not be checked names no component (incompleteCheck): it is re-run.
    auto stale = [&](const Finding &f) {
        return f.components.isEmpty() ||
               std::any_of(f.components.begin(), f.components.end(),
                           [&](const QString &c) { return removed.contains(c); });
    };
    qsizetype kept = 0;
    for (qsizetype i = 0; i < m_global.size(); ++i) {
        if (stale(m_global[i]))
            continue;
        if (kept != i) {
            m_global[kept] = std::move(m_global[i]);
            m_globalArgs[kept] = std::move(m_globalArgs[i]);
        }
        ++kept;
    }
    m_global.resize(kept);
    m_globalArgs.resize(kept);
    QVector<std::optional<LabelArgs>> labelled;
    m_global += runGlobalRules(g, &labelled);
    m_globalArgs += labelled;
}

bool RuleEngine::recheckInPlace(const Diagram &d, const QStringList &components)
{
    for (const QString &id : components) {
        const Component *c = d.component(id);
        const auto old = m_traits.constFind(id);
        if (!c || old == m_traits.constEnd() || !(*old == traitsOf(*c, m_catalog->kind(c->kind))))
            return false; // added, removed, or a change the graph checks see
    }
    // Edits name one or a few components: comparing ids then beats hashing every finding's.
    const bool few = components.size() <= 8;
    const QSet<QString> edited =
        few ? QSet<QString>() : QSet<QString>(components.begin(), components.end());
    auto names = [&](const Finding &f) {
        for (const QString &c : f.components) {
            if (few ? components.contains(c) : edited.contains(c))
                return true;
        }
        return false;
    };
    QVector<qsizetype> affected;
    for (qsizetype i = 0; i < m_global.size(); ++i) {
        if (names(m_global[i])) {
            if (!m_globalArgs[i])
                return false;
            affected.push_back(i);
        }
    }
    const RuleGraph g = RuleGraph::neighbourhood(d, *m_catalog, components);
    rerunLocalRules(g, components);
    for (qsizetype i : std::as_const(affected)) {
        Finding &f = m_global[i];
        f.message = renderMessage(*rule(f.rule), d, *m_globalArgs[i]);
        QVector<Finding> one{f};
        waivers::apply(d, one);
        f = one.first();
    }
    return true;
}

QVector<Finding> RuleEngine::recheck(const Diagram &d, const QStringList &components,
                                     const QStringList &connections)
{
    if (!m_valid || d.meta() != m_meta)
        return check(d);
    if (connections.isEmpty() && recheckInPlace(d, components))
        return findings();
    QSet<QString> removed;
    const QStringList seeds = forgetEdited(d, components, connections, &removed);
    // Either graph is right (graph findings lie inside one connected part, and the whole
    // diagram is a set of parts); they differ in cost only.
    const RuleGraph g =
        m_preferWhole ? RuleGraph::whole(d, *m_catalog) : RuleGraph::region(d, *m_catalog, seeds);
    const int total = int(d.components().size());
    m_preferWhole = 2 * (m_preferWhole ? graphparts::partSize(g, seeds) : g.nodeCount()) >= total;
    rerunLocalRules(g, seeds);
    rerunGlobalRules(g, removed);
    return findings();
}

QVector<Finding> RuleEngine::findings() const
{
    qsizetype total = m_global.size();
    for (const QVector<Finding> &f : m_byComponent)
        total += f.size();
    for (const QVector<Finding> &f : m_byConnection)
        total += f.size();
    QVector<Finding> all;
    all.reserve(total);
    for (const QVector<Finding> &f : m_byComponent)
        all += f;
    for (const QVector<Finding> &f : m_byConnection)
        all += f;
    all += m_global;
    return all;
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
        for (const QStringList *ids : {&f.components, &f.connections}) {
            for (const QString &id : *ids) {
                if (waived.contains(id))
                    firing.insert(id + QLatin1Char('|') + f.rule);
            }
        }
    };
    for (const QVector<Finding> &list : m_byComponent)
        std::for_each(list.begin(), list.end(), fire);
    for (const QVector<Finding> &list : m_byConnection)
        std::for_each(list.begin(), list.end(), fire);
    std::for_each(m_global.begin(), m_global.end(), fire);
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

void RuleEngine::sort(QVector<Finding> &findings)
{
    // Each finding's key (which sorts its id lists) is built once, not on every comparison.
    std::vector<std::pair<QString, int>> order;
    order.reserve(size_t(findings.size()));
    for (int i = 0; i < findings.size(); ++i)
        order.emplace_back(findings[i].key(), i);
    std::sort(order.begin(), order.end(), [&](const auto &x, const auto &y) {
        const Finding &a = findings[x.second];
        const Finding &b = findings[y.second];
        if (a.severity != b.severity)
            return a.severity > b.severity;
        if (a.rule != b.rule)
            return a.rule < b.rule;
        return x.first < y.first;
    });
    QVector<Finding> sorted;
    sorted.reserve(findings.size());
    for (const auto &o : order)
        sorted.push_back(std::move(findings[o.second]));
    findings = std::move(sorted);
}

} // namespace mls
