// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QVector>

#include <climits>

namespace mls {

class RuleGraph;

/// Weakly connected parts of a RuleGraph: how big the part around an edit is decides whether a
/// re-check runs the graph rules on that part or on the whole design.
namespace graphparts {

/// Number of nodes of @p g weakly connected to @p seeds (ids not in @p g are skipped), or
/// @p enough when there are at least that many (the walk stops there).
int partSize(const RuleGraph &g, const QStringList &seeds, int enough = INT_MAX);
/// Size of the largest weakly connected part of @p g.
int largestPart(const RuleGraph &g);

/// The weakly connected parts of a graph, kept up to date as connections are added to it
/// (a union-find on node indexes): what a re-check asks after each connect.
class PartSizes
{
public:
    /// The parts of @p g.
    void reset(const RuleGraph &g);
    void clear() { m_parent.clear(); }
    bool isEmpty() const { return m_parent.isEmpty(); }
    /// @p a and @p b are now connected.
    void join(int a, int b);
    /// Size of the part of node @p n.
    int sizeOf(int n) const { return m_size[root(n)]; }
    /// Size of the largest part (0 without nodes).
    int largest() const { return m_largest; }

private:
    int root(int v) const;
    mutable QVector<int> m_parent;
    QVector<int> m_size;
    int m_largest = 0;
};

} // namespace graphparts

} // namespace mls
