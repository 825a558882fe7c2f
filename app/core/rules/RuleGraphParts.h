// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

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

} // namespace graphparts

} // namespace mls
