// SPDX-License-Identifier: MIT
#pragma once

#include "GraphvizLayout.h"

namespace mls {

/// Cards that no connection touches and no zone holds, laid out without Graphviz.
///
/// sfdp spends minutes on a graph of a few thousand unconnected nodes (2,402 took about a
/// minute of CPU: with no edges its coarsening never shrinks the graph), yet there is nothing
/// to lay out: such cards carry no relation to anything. With sfdp they are taken out of the
/// Graphviz run and set in a grid under the drawing of the rest, in input order. dot handles
/// them quickly and puts them in its first rank, so dot runs keep them.
namespace LooseNodes {

/// Indexes of the nodes of @p input that no edge (with both ends in @p input) touches and that
/// are in no zone, in input order.
QVector<int> find(const LayoutInput &input);
/// @p input without the nodes at @p loose (sorted); edges and zones unchanged.
LayoutInput without(const LayoutInput &input, const QVector<int> &loose);
/// Fills @p result from @p rest (the run on without(input, loose)) and puts the loose nodes in
/// a grid one rank separation below the rest's cards, left-aligned with them, about as wide as
/// them or square when the rest is narrower. Centres are in Graphviz's frame, before placing.
void merge(const LayoutInput &input, const QVector<int> &loose, const LayoutResult &rest,
           LayoutResult &result);

} // namespace LooseNodes
} // namespace mls
