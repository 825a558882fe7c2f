// SPDX-License-Identifier: MIT
// RuleEngine's re-check: what an edit makes stale, re-running only that, and merging the
// result into the kept finding list. The full check and the rule pack are in RuleEngine.cpp.
#include "RuleEngine.h"

#include "Limits.h"
#include "NodeMarks.h"
#include "RuleGraph.h"
#include "RuleGraphParts.h"
#include "Waivers.h"

#include <functional>
#include <vector>

namespace mls {

/// What a re-check re-ran, collected before the last result is compacted.
struct RuleEngine::Update
{
    Update(int handles, int globalRules)
        : dead(size_t(handles), 0), rerun(size_t(globalRules), 0), partial(size_t(globalRules), 0)
    {}
    std::vector<char> dead;  ///< per owner handle: its old findings go
    std::vector<char> rerun; ///< per graph rule: it is re-run (its findings there go)
    /// Per graph rule: a candidate for a re-run in part (startwise, on the kept whole graph).
    std::vector<char> partial;
    /// Per graph rule re-run in part: the ids of the starts it re-judged (only their findings
    /// go).
    QHash<int, QSet<QString>> startsOf;
    bool kindsChanged = false;
    /// The edited connections as they were and as they are (ids of their ends and flow),
    /// label and waiver edits left out.
    struct Ends
    {
        QString from, to;
        int flow = -1;
    };
    QVector<Ends> added, removed;
    bool allGlobalsStale = false;
    std::function<bool(const Finding &)> staleGlobal; ///< graph findings that go, when set
    QVector<Finding> found;
    QVector<int> owner;
    QVector<std::optional<LabelArgs>> args;

    void kill(const KeptById<int> &handles, const QString &id)
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
            seeds << old->from << old->to; // ends that are gone are skipped by region()
        if (const Connection *c = d.connection(id)) {
            seeds << c->from << c->to;
            m_ends.insert(id, {c->from, c->to, m_catalog->flowIndex(c->flow), c});
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
    auto replace = [&](KeptById<int> &handles, const QString &id, QVector<Finding> found) {
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
            const FindingIds comps = f.components();
            return comps.isEmpty() ||
                   std::any_of(comps.begin(), comps.end(),
                               [&](const QString &c) { return removed.contains(c); });
        };
    }
    const bool kept = m_graph && &g == &*m_graph;
    if (kept)
        rerunStartwiseRules(g, u);
    std::vector<char> whole = u.rerun;
    for (auto it = u.startsOf.cbegin(); it != u.startsOf.cend(); ++it)
        whole[size_t(it.key())] = 0;
    QVector<std::optional<LabelArgs>> labelled;
    QVector<int> owners;
    QVector<Finding> found = runGlobalRules(g, &whole, &labelled, &owners, kept);
    for (qsizetype i = 0; i < found.size(); ++i) {
        u.found.push_back(std::move(found[i]));
        u.owner.push_back(owners[i]);
        u.args.push_back(std::move(labelled[i]));
    }
}

void RuleEngine::rerunStartwiseRules(const RuleGraph &g, Update &u) const
{
    EdgeEdits edits;
    const QVector<FlowType> &flows = m_catalog->flows();
    auto ends = [&](const Update::Ends &e) {
        return EdgeEnds{g.indexOf(e.from), g.indexOf(e.to), e.flow,
                        e.flow >= 0 && flows[e.flow].synchronous};
    };
    for (const Update::Ends &e : std::as_const(u.added))
        edits.added.push_back(ends(e));
    for (const Update::Ends &e : std::as_const(u.removed))
        edits.removed.push_back(ends(e));
    m_memos.resize(size_t(m_globalRules.size()));
    for (size_t r = 0; r < u.partial.size(); ++r) {
        if (!u.partial[r] || !u.rerun[r])
            continue;
        const BoundRule &rule = m_globalRules[int(r)];
        StartwiseMemo &memo = m_memos[r];
        QVector<std::optional<LabelArgs>> labelled;
        QVector<int> starts;
        QVector<Finding> found;
        // The walks of a whole run would take at most the steps of the last one plus those of
        // every re-run since (a start not re-judged walks as before): within the budget, a
        // whole run would not have been cut short either.
        WalkBudget budget(Limits::maxRuleSteps - memo.steps);
        const CheckContext ctx{g, *rule.rule, effectiveSeverity(*rule.rule), &labelled};
        const bool done = rerunStartwise(ctx, *rule.check->startwise, edits, memo, starts, found);
        if (!done || budget.exhausted()) {
            memo.valid = false;
            continue;
        }
        memo.steps += budget.used();
        if (labelled.size() != found.size()) { // see runGlobalRules()
            labelled.clear();
            labelled.resize(found.size());
        }
        if (g.hasWaivers())
            waivers::apply(g.diagram(), found);
        QSet<QString> &ids = u.startsOf[int(r)];
        for (int s : std::as_const(starts))
            ids.insert(g.node(s).id);
        for (qsizetype i = 0; i < found.size(); ++i) {
            u.found.push_back(std::move(found[i]));
            u.owner.push_back(globalOwner(int(r)));
            u.args.push_back(std::move(labelled[i]));
        }
    }
    g.dropCopyIndex();
}

int RuleEngine::partSize(const RuleGraph &g, const QStringList &seeds, const Update &u)
{
    // Connections only added: parts only joined, which the kept parts follow.
    if (!u.removed.isEmpty() || m_parts.isEmpty())
        m_parts.reset(g);
    else {
        for (const Update::Ends &e : u.added)
            m_parts.join(g.indexOf(e.from), g.indexOf(e.to));
    }
    int size = 0;
    for (const QString &id : seeds) {
        if (const int n = g.indexOf(id); n >= 0)
            size = std::max(size, m_parts.sizeOf(n));
    }
    return size;
}

void RuleEngine::dropMemos()
{
    for (StartwiseMemo &m : m_memos)
        m.valid = false;
    m_parts.clear();
}

bool RuleEngine::markGraphRules(const Diagram &d, const QStringList &components,
                                const QStringList &connections, Update &u) const
{
    bool partsChanged = false, kinds = false, latency = false;
    for (const QString &id : components) {
        const Component *c = d.component(id);
        const auto old = m_traits.constFind(id);
        if (!c || old == m_traits.constEnd()) {
            partsChanged = true;
            continue;
        }
        const GraphTraits now = traitsOf(*c, m_catalog->kind(c->kind));
        kinds = kinds || now.kind != old->kind;
        latency = latency || now.p99 != old->p99 || now.budget != old->budget;
    }
    auto markReaders = [&](const QString &from, int flow) {
        const QString *kind = m_traits.value(from).kind;
        const QString fromKind = kind ? *kind : QString();
        for (size_t r = 0; r < u.rerun.size(); ++r)
            u.rerun[r] = u.rerun[r] || reads(m_globalRules[int(r)], flow, fromKind);
    };
    for (const QString &id : connections) {
        const auto old = m_ends.constFind(id);
        const Connection *c = d.connection(id);
        const int flow = c ? m_catalog->flowIndex(c->flow) : -1;
        if (old != m_ends.constEnd() && c && old->from == c->from && old->to == c->to &&
            old->flow == flow)
            continue; // a label or a waiver: no graph rule reads those
        if (old != m_ends.constEnd()) {
            markReaders(old->from, old->flow);
            u.removed.push_back({old->from, old->to, old->flow});
        }
        if (c) {
            markReaders(c->from, flow);
            u.added.push_back({c->from, c->to, flow});
        }
    }
    u.kindsChanged = kinds;
    for (size_t r = 0; r < u.rerun.size(); ++r) {
        if (partsChanged || kinds || (latency && m_globalRules[int(r)].check->reads.latency))
            u.rerun[r] = 1;
    }
    return partsChanged;
}

void RuleEngine::refreshKept(const Diagram &d, const QStringList &components,
                             const QStringList &connections, Update &u)
{
    // A connect: no kept finding names a connection that was not there.
    if (components.isEmpty() &&
        std::none_of(connections.begin(), connections.end(),
                     [&](const QString &id) { return m_ends.contains(id); }))
        return;
    // Edits name one or a few items: comparing ids then beats hashing every finding's.
    const bool few = components.size() + connections.size() <= 8;
    const QSet<QString> edited = few ? QSet<QString>()
                                     : QSet<QString>(components.begin(), components.end()) +
                                           QSet<QString>(connections.begin(), connections.end());
    auto names = [&](const FindingIds &ids, const QStringList &list) {
        return std::any_of(ids.begin(), ids.end(), [&](const QString &id) {
            return few ? list.contains(id) : edited.contains(id);
        });
    };
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        const int owner = m_owner[i];
        const size_t r = size_t(globalOwner(owner));
        if (owner >= 0 || (u.rerun[r] && !u.partial[r]))
            continue;
        Finding &f = m_all[i];
        const bool renamed = names(f.components(), components);
        if (!renamed && !names(f.connections(), connections))
            continue;
        if (renamed && !m_args[size_t(i)]) { // its labels alone do not make its message
            u.rerun[r] = 1;
            u.partial[r] = 0;
            continue;
        }
        if (renamed)
            f.setMessage(renderMessage(*f.ruleInfo(), d, *m_args[size_t(i)]));
        waivers::apply(d, &f, &f + 1);
    }
}

const RuleGraph *RuleEngine::wholeGraph(const Diagram &d, const QStringList &components,
                                        const QStringList &connections,
                                        const QVector<const Connection *> &gone, bool make)
{
    if (m_graph && !m_graph->updateWhole(d, gone, connections, components)) {
        m_graph.reset();
        dropMemos(); // node indexes may differ in a new graph
    }
    if (!m_graph && make)
        m_graph = RuleGraph::whole(d, *m_catalog);
    return m_graph ? &*m_graph : nullptr;
}

void RuleEngine::commit(Update &u)
{
    auto drop = [&](qsizetype i) {
        const int owner = m_owner[i];
        if (owner >= 0)
            return size_t(owner) < u.dead.size() && u.dead[size_t(owner)];
        const int r = globalOwner(owner);
        if (!u.rerun[size_t(r)])
            return false;
        if (const auto starts = u.startsOf.constFind(r); starts != u.startsOf.constEnd())
            return !m_all[i].components().isEmpty() &&
                   starts->contains(m_all[i].components().first());
        return u.allGlobalsStale || (u.staleGlobal && u.staleGlobal(m_all[i]));
    };
    // The new findings take the places of the dropped ones while no kept finding has moved
    // yet (a connect then moves none of 6,800), the rest are appended.
    qsizetype kept = 0, placed = 0;
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        if (drop(i)) {
            if (kept == i && placed < u.found.size()) {
                m_all[i] = std::move(u.found[placed]);
                m_owner[i] = u.owner[placed];
                m_args[size_t(i)] = keptArgs(std::move(u.args[placed]));
                ++placed;
                ++kept;
            }
            continue;
        }
        if (kept != i) {
            m_all[kept] = std::move(m_all[i]);
            m_owner[kept] = m_owner[i];
            m_args[size_t(kept)] = std::move(m_args[size_t(i)]);
        }
        ++kept;
    }
    m_all.resize(kept);
    m_owner.resize(kept);
    m_args.resize(size_t(kept));
    for (qsizetype i = placed; i < u.found.size(); ++i) {
        m_all.push_back(std::move(u.found[i]));
        m_owner.push_back(u.owner[i]);
        m_args.push_back(keptArgs(std::move(u.args[i])));
    }
}

QVector<Finding> RuleEngine::recheck(const Diagram &d, const QStringList &components,
                                     const QStringList &connections)
{
    if (!m_valid || d.meta() != m_meta)
        return check(d);
    Update u(m_handles, int(m_globalRules.size()));
    const bool partsChanged = markGraphRules(d, components, connections, u);
    QVector<const Connection *> gone;
    for (const QString &id : connections) {
        if (const auto old = m_ends.constFind(id); old != m_ends.constEnd())
            gone.push_back(old->object);
    }
    if (partsChanged) {
        m_graph.reset(); // its nodes are the components
        dropMemos();
    }
    for (size_t r = 0; r < u.partial.size(); ++r) {
        u.partial[r] = m_graph && !u.kindsChanged && r < m_memos.size() && m_memos[r].valid &&
                       m_globalRules[int(r)].check->startwise;
    }
    refreshKept(d, components, connections, u);
    QSet<QString> removed;
    const QStringList seeds = forgetEdited(d, components, connections, &removed, u);
    const bool anyRule = std::find(u.rerun.begin(), u.rerun.end(), 1) != u.rerun.end();
    // Either graph is right for the graph rules (graph findings lie inside one connected part,
    // and the whole diagram is a set of parts); they differ in cost only. The local rules
    // need the seeds' neighbourhood only.
    const RuleGraph *whole = wholeGraph(d, components, connections, gone, anyRule && m_preferWhole);
    std::optional<RuleGraph> local;
    if (!whole) {
        local = anyRule ? RuleGraph::region(d, *m_catalog, seeds)
                        : RuleGraph::neighbourhood(d, *m_catalog, seeds);
    }
    const RuleGraph &g = whole ? *whole : *local;
    rerunLocalRules(g, seeds, u);
    if (anyRule) {
        const int total = int(d.components().size());
        const int half = (total + 1) / 2;
        m_preferWhole = (whole ? partSize(g, seeds, u) : g.nodeCount()) >= half;
        rerunGlobalRules(g, removed, u);
        if (!m_preferWhole) {
            m_graph.reset(); // small parts: a region is cheaper than the whole graph
            dropMemos();
        }
    }
    commit(u);
    return findings();
}

} // namespace mls
