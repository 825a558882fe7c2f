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
#include <functional>

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

/// What a re-check re-ran, collected before the last result is compacted.
struct RuleEngine::Update
{
    explicit Update(int handles) : dead(size_t(handles), 0) {}
    std::vector<char> dead; ///< per owner handle: its old findings go
    bool allGlobalsStale = false;
    std::function<bool(const Finding &)> staleGlobal; ///< graph findings that go, when set
    QVector<Finding> found;
    QVector<int> owner;
    QVector<std::optional<LabelArgs>> args;

    void kill(const QHash<QString, int> &handles, const QString &id)
    {
        if (const auto it = handles.constFind(id); it != handles.constEnd())
            dead[size_t(*it)] = 1;
    }
};

QVector<Finding> RuleEngine::componentFindings(const RuleGraph &g, int node) const
{
    QVector<Finding> found;
    for (const BoundRule &r : std::as_const(m_componentRules))
        r.check->component(CheckContext{g, *r.rule, effectiveSeverity(*r.rule)}, node, found);
    if (g.hasWaivers() && !found.isEmpty())
        waivers::apply(g.diagram(), found);
    return found;
}

QVector<Finding> RuleEngine::connectionFindings(const RuleGraph &g, int edge) const
{
    QVector<Finding> found;
    for (const BoundRule &r : std::as_const(m_connectionRules))
        r.check->connection(CheckContext{g, *r.rule, effectiveSeverity(*r.rule)}, edge, found);
    if (g.hasWaivers() && !found.isEmpty())
        waivers::apply(g.diagram(), found);
    return found;
}

int RuleEngine::handle(QHash<QString, int> &handles, const QString &id)
{
    auto it = handles.find(id);
    if (it == handles.end())
        it = handles.insert(id, m_handles++);
    return *it;
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
    m_all.clear();
    m_owner.clear();
    m_args.clear();
    m_componentHandle.clear();
    m_connectionHandle.clear();
    m_handles = 0;
    m_ends.clear();
    m_traits.clear();
    const RuleGraph g = RuleGraph::whole(d, *m_catalog);
    auto keep = [this](QVector<Finding> &found, int owner) {
        for (Finding &f : found) {
            m_all.push_back(std::move(f));
            m_owner.push_back(owner);
            m_args.emplace_back();
        }
    };
    m_traits.reserve(g.nodeCount());
    for (int n = 0; n < g.nodeCount(); ++n) {
        QVector<Finding> found = componentFindings(g, n);
        if (!found.isEmpty())
            keep(found, handle(m_componentHandle, g.node(n).id));
        m_traits.insert(g.node(n).id, traitsOf(g.node(n), g.kind(n)));
    }
    m_ends.reserve(g.edgeCount());
    for (int e = 0; e < g.edgeCount(); ++e) {
        const Connection *c = g.edge(e).connection;
        QVector<Finding> found = connectionFindings(g, e);
        if (!found.isEmpty())
            keep(found, handle(m_connectionHandle, c->id));
        m_ends.insert(c->id, {c->from, c->to});
    }
    QVector<std::optional<LabelArgs>> labelled;
    QVector<Finding> global = runGlobalRules(g, &labelled);
    keep(global, -1);
    std::move(labelled.begin(), labelled.end(), m_args.end() - labelled.size());
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
                                     const QStringList &connections, QSet<QString> *removed,
                                     Update &u)
{
    QStringList seeds;
    for (const QString &id : components) {
        if (const Component *c = d.component(id)) {
            seeds << id;
            m_traits.insert(id, traitsOf(*c, m_catalog->kind(c->kind)));
        } else {
            removed->insert(id);
            u.kill(m_componentHandle, id);
            m_componentHandle.remove(id);
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
            u.kill(m_connectionHandle, id);
            m_connectionHandle.remove(id);
        }
    }
    return seeds;
}

void RuleEngine::rerunLocalRules(const RuleGraph &g, const QStringList &seeds, Update &u)
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
    auto replace = [&](QHash<QString, int> &handles, const QString &id, QVector<Finding> found) {
        u.kill(handles, id);
        if (found.isEmpty())
            return;
        const int owner = handle(handles, id);
        for (Finding &f : found) {
            u.found.push_back(std::move(f));
            u.owner.push_back(owner);
            u.args.emplace_back();
        }
    };
    for (int n : std::as_const(nodes))
        replace(m_componentHandle, g.node(n).id, componentFindings(g, n));
    for (int e : std::as_const(edges))
        replace(m_connectionHandle, g.edge(e).connection->id, connectionFindings(g, e));
}

void RuleEngine::rerunGlobalRules(const RuleGraph &g, QSet<QString> removed, Update &u) const
{
    // A graph finding lies inside one connected part, so the old findings of the edited
    // parts are exactly those naming a region component or a removed one; a graph of the
    // whole diagram replaces them all.
    if (g.nodeCount() == int(g.diagram().components().size())) {
        u.allGlobalsStale = true;
    } else {
        for (int n = 0; n < g.nodeCount(); ++n)
            removed.insert(g.node(n).id);
        // A rule that could not be checked names no component (incompleteCheck): it is re-run.
        u.staleGlobal = [removed = std::move(removed)](const Finding &f) {
            return f.components.isEmpty() ||
                   std::any_of(f.components.begin(), f.components.end(),
                               [&](const QString &c) { return removed.contains(c); });
        };
    }
    QVector<std::optional<LabelArgs>> labelled;
    QVector<Finding> found = runGlobalRules(g, &labelled);
    for (qsizetype i = 0; i < found.size(); ++i) {
        u.found.push_back(std::move(found[i]));
        u.owner.push_back(-1);
        u.args.push_back(std::move(labelled[i]));
    }
}

void RuleEngine::commit(Update &u)
{
    auto drop = [&](qsizetype i) {
        const int owner = m_owner[i];
        if (owner >= 0)
            return size_t(owner) < u.dead.size() && u.dead[size_t(owner)];
        return u.allGlobalsStale || (u.staleGlobal && u.staleGlobal(m_all[i]));
    };
    qsizetype kept = 0;
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        if (drop(i))
            continue;
        if (kept != i) {
            m_all[kept] = std::move(m_all[i]);
            m_owner[kept] = m_owner[i];
            m_args[kept] = std::move(m_args[i]);
        }
        ++kept;
    }
    m_all.resize(kept);
    m_owner.resize(kept);
    m_args.resize(kept);
    for (Finding &f : u.found)
        m_all.push_back(std::move(f));
    m_owner += u.owner;
    for (std::optional<LabelArgs> &a : u.args)
        m_args.push_back(std::move(a));
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
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        if (m_owner[i] < 0 && names(m_all[i])) {
            if (!m_args[i])
                return false;
            affected.push_back(i);
        }
    }
    for (qsizetype i : std::as_const(affected)) {
        Finding &f = m_all[i];
        f.message = renderMessage(*rule(f.rule), d, *m_args[i]);
        QVector<Finding> one{f};
        waivers::apply(d, one);
        f = one.first();
    }
    const RuleGraph g = RuleGraph::neighbourhood(d, *m_catalog, components);
    Update u(m_handles);
    rerunLocalRules(g, components, u);
    commit(u);
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
    Update u(m_handles);
    const QStringList seeds = forgetEdited(d, components, connections, &removed, u);
    // Either graph is right (graph findings lie inside one connected part, and the whole
    // diagram is a set of parts); they differ in cost only.
    const RuleGraph g =
        m_preferWhole ? RuleGraph::whole(d, *m_catalog) : RuleGraph::region(d, *m_catalog, seeds);
    const int total = int(d.components().size());
    m_preferWhole = 2 * (m_preferWhole ? graphparts::partSize(g, seeds) : g.nodeCount()) >= total;
    rerunLocalRules(g, seeds, u);
    rerunGlobalRules(g, removed, u);
    commit(u);
    return findings();
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
        for (const QStringList *ids : {&f.components, &f.connections}) {
            for (const QString &id : *ids) {
                if (waived.contains(id))
                    firing.insert(id + QLatin1Char('|') + f.rule);
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
