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

} // namespace mls::graphparts
