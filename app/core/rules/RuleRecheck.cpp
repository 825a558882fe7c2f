// SPDX-License-Identifier: MIT
// RuleEngine's re-check: what an edit makes stale, re-running only that, and merging the
// result into the kept finding list. The full check and the rule pack are in RuleEngine.cpp.
#include "RuleEngine.h"

#include "RuleGraph.h"
#include "RuleGraphParts.h"
#include "Waivers.h"

#include <functional>
#include <vector>

namespace mls {

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

} // namespace mls
