// SPDX-License-Identifier: MIT
#include "DesignGraph.h"

#include "Catalog.h"
#include "Diagram.h"

#include <deque>

namespace mls {

namespace {

bool allowed(const QStringList &set, const QString &value)
{
    return set.isEmpty() || set.contains(value);
}

} // namespace

DesignGraph::DesignGraph(const Diagram &d)
{
    const int n = int(d.components().size());
    m_kind.reserve(n);
    m_id.reserve(n);
    const Catalog &catalog = Catalog::builtin();
    m_origin.reserve(n);
    QHash<QString, int> index;
    for (const Component &c : d.components()) {
        index.insert(c.id, int(m_kind.size()));
        const KindInfo *kind = catalog.kind(c.kind);
        m_origin << (kind && kind->has(KindRole::RequestOrigin));
        m_kind << c.kind;
        m_id << c.id;
    }
    m_out.resize(n);
    m_degree.fill(0, n);
    for (const Connection &c : d.connections()) {
        const int a = index.value(c.from, -1), b = index.value(c.to, -1);
        if (a < 0 || b < 0 || a == b)
            continue;
        const FlowType *flow = catalog.flow(c.flow);
        m_out[a].push_back({b, c.flow, flow && flow->synchronous});
        ++m_degree[a];
        ++m_degree[b];
    }
    // The request path: request origins (clients) and everything they reach through
    // synchronous calls.
    m_requestPath.fill(false, n);
    std::deque<int> queue;
    for (int i = 0; i < n; ++i) {
        if (m_origin[i]) {
            m_requestPath[i] = true;
            queue.push_back(i);
        }
    }
    while (!queue.empty()) {
        const int u = queue.front();
        queue.pop_front();
        for (const Edge &e : m_out[u]) {
            if (!e.synchronous)
                continue;
            m_hasRequestPath = true;
            if (!m_requestPath[e.to]) {
                m_requestPath[e.to] = true;
                queue.push_back(e.to);
            }
        }
    }
}

bool DesignGraph::servesRequestPath(int n) const
{
    if (m_requestPath[n] && !m_origin[n])
        return true;
    for (const Edge &e : m_out[n]) {
        if (m_requestPath[e.to] && !m_origin[e.to])
            return true;
    }
    return false;
}

bool DesignGraph::hasKind(const QStringList &kinds) const
{
    for (const QString &k : m_kind) {
        if (kinds.contains(k))
            return true;
    }
    return false;
}

bool DesignGraph::fits(int n, RoleSlot::Where where) const
{
    switch (where) {
    case RoleSlot::Where::Anywhere:
        return true;
    case RoleSlot::Where::Connected:
        return connected(n);
    case RoleSlot::Where::RequestPath:
        return m_requestPath[n] && (!m_origin[n] || connected(n));
    case RoleSlot::Where::ServesRequestPath:
        return servesRequestPath(n);
    }
    return false;
}

QHash<int, QVector<int>> DesignGraph::reach(const QVector<int> &sources, const FlowSpec &spec,
                                            const QStringList &targets, bool first, bool last,
                                            bool strict) const
{
    QHash<int, QVector<int>> found;
    QVector<int> parent(size(), -2); // -2 unvisited; -1 a source
    std::deque<int> queue;
    for (int s : sources) {
        parent[s] = -1;
        queue.push_back(s);
    }
    auto pathTo = [&](int last, int target) {
        QVector<int> path{target};
        for (int v = last; v >= 0; v = parent[v])
            path.prepend(v);
        return path;
    };
    while (!queue.empty()) {
        const int u = queue.front();
        queue.pop_front();
        const bool atSource = parent[u] == -1;
        for (const Edge &e : m_out[u]) {
            if (strict && (!allowed(spec.flows, e.flow) ||
                           (first && atSource && !allowed(spec.firstFlow, e.flow))))
                continue;
            if (targets.contains(m_kind[e.to]) && !found.contains(e.to) &&
                (!strict || !last || allowed(spec.lastFlow, e.flow)))
                found.insert(e.to, pathTo(u, e.to));
            if (spec.direct || parent[e.to] != -2)
                continue;
            if (strict && !allowed(spec.via, m_kind[e.to]) &&
                !(spec.through.size() && targets.contains(m_kind[e.to])))
                continue;
            parent[e.to] = u;
            queue.push_back(e.to);
        }
    }
    return found;
}

QVector<int> DesignGraph::findPath(const FlowSpec &spec, bool strict) const
{
    // Segment by segment: from the sources to the first waypoint kind, from every waypoint
    // reached to the next, and finally to the target kinds.
    QVector<int> current;
    QHash<int, QVector<int>> paths;
    for (int i = 0; i < size(); ++i) {
        if (spec.from.contains(m_kind[i])) {
            current << i;
            paths.insert(i, {i});
        }
    }
    QVector<QStringList> stops = strict ? spec.through : QVector<QStringList>();
    stops << spec.to;
    for (int s = 0; s < stops.size() && !current.isEmpty(); ++s) {
        const QHash<int, QVector<int>> found =
            reach(current, spec, stops[s], s == 0, s == stops.size() - 1, strict);
        QHash<int, QVector<int>> next;
        for (auto it = found.begin(); it != found.end(); ++it)
            next.insert(it.key(), paths.value(it.value().constFirst()) + it.value().mid(1));
        current = next.keys().toVector();
        std::sort(current.begin(), current.end());
        paths = next;
    }
    return current.isEmpty() ? QVector<int>() : paths.value(current.constFirst());
}

QVector<int> DesignGraph::findPathFrom(int from, const QStringList &kinds,
                                       const QStringList &lastFlow) const
{
    QVector<int> parent(size(), -2);
    parent[from] = -1;
    std::deque<int> queue{from};
    while (!queue.empty()) {
        const int u = queue.front();
        queue.pop_front();
        for (const Edge &e : m_out[u]) {
            if (kinds.contains(m_kind[e.to]) && allowed(lastFlow, e.flow)) {
                QVector<int> path{e.to};
                for (int v = u; v >= 0; v = parent[v])
                    path.prepend(v);
                return path;
            }
            if (parent[e.to] == -2) {
                parent[e.to] = u;
                queue.push_back(e.to);
            }
        }
    }
    return {};
}

QStringList DesignGraph::ids(const QVector<int> &nodes) const
{
    QStringList list;
    for (int v : nodes) {
        if (!list.contains(m_id[v]))
            list << m_id[v];
    }
    return list;
}

} // namespace mls
