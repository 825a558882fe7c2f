// SPDX-License-Identifier: MIT
#include "RuleGraphParts.h"

#include "RuleGraph.h"

#include <algorithm>
#include <numeric>

namespace mls::graphparts {

int partSize(const RuleGraph &g, const QStringList &seeds, int enough)
{
    QVector<char> seen(g.nodeCount(), 0);
    QVector<int> queue;
    for (const QString &id : seeds) {
        const int n = g.indexOf(id);
        if (n >= 0 && !seen[n]) {
            seen[n] = 1;
            queue.push_back(n);
        }
    }
    for (int i = 0; i < queue.size() && queue.size() < enough; ++i) {
        for (const RuleGraph::EdgeRange &adj : {g.out(queue[i]), g.in(queue[i])}) {
            for (int e : adj) {
                for (int w : {g.edge(e).from, g.edge(e).to}) {
                    if (!seen[w]) {
                        seen[w] = 1;
                        queue.push_back(w);
                    }
                }
            }
        }
    }
    return std::min(int(queue.size()), enough);
}

// Union-find on node indexes.
int largestPart(const RuleGraph &g)
{
    QVector<int> parent(g.nodeCount());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](int v) {
        while (parent[v] != v)
            v = parent[v] = parent[parent[v]];
        return v;
    };
    for (int e = 0; e < g.edgeCount(); ++e)
        parent[root(g.edge(e).from)] = root(g.edge(e).to);
    QVector<int> size(g.nodeCount(), 0);
    int largest = 0;
    for (int v = 0; v < g.nodeCount(); ++v)
        largest = std::max(largest, ++size[root(v)]);
    return largest;
}

int PartSizes::root(int v) const
{
    while (m_parent[v] != v)
        v = m_parent[v] = m_parent[m_parent[v]];
    return v;
}

void PartSizes::join(int a, int b)
{
    a = root(a);
    b = root(b);
    if (a == b)
        return;
    if (m_size[a] < m_size[b])
        std::swap(a, b);
    m_parent[b] = a;
    m_size[a] += m_size[b];
    m_largest = std::max(m_largest, m_size[a]);
}

void PartSizes::reset(const RuleGraph &g)
{
    m_parent.resize(g.nodeCount());
    std::iota(m_parent.begin(), m_parent.end(), 0);
    m_size.fill(1, g.nodeCount());
    m_largest = g.nodeCount() > 0 ? 1 : 0;
    for (int e = 0; e < g.edgeCount(); ++e)
        join(g.edge(e).from, g.edge(e).to);
}

} // namespace mls::graphparts
