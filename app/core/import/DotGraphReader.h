// SPDX-License-Identifier: MIT
#pragma once

#include "ImportedGraph.h"

#include <optional>

namespace mls {

/// Reads Graphviz DOT through cgraph (agmemread), under GraphvizSession's lock and C locale:
/// nodes with their labels (HTML-like labels reduced to text, default node attributes
/// applied by cgraph), edges in file order, `cluster*` subgraphs as subgraphs (nested ones
/// keep their parent); other subgraphs (rank=same) only contribute their nodes.
class DotGraphReader
{
public:
    /// The graph, or nullopt with @p error holding cgraph's message.
    static std::optional<ImportedGraph> parse(const QByteArray &dot, QString *error);
    /// True when @p text looks like DOT (`digraph`/`graph`/`strict` followed by a `{`).
    static bool looksLikeDot(const QString &text);
};

} // namespace mls
