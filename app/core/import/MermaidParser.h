// SPDX-License-Identifier: MIT
#pragma once

#include "ImportedGraph.h"

#include <optional>

namespace mls {

/// Reads a Mermaid flowchart (`flowchart`/`graph`, any direction) into an ImportedGraph:
/// nodes of every shape, links of every form with their labels, chains and `&` fan-outs,
/// nested subgraphs. Styling (classDef, class, :::, style, linkStyle, click) is ignored.
class MermaidParser
{
public:
    /// The graph, or nullopt with @p error ("line 3: ...") when the text is not a flowchart.
    static std::optional<ImportedGraph> parse(const QString &text, QString *error);
    /// The first ```mermaid block of a Markdown text, or the text itself when it has none.
    /// @p count receives the number of mermaid blocks.
    static QString firstMermaidBlock(const QString &markdown, int *count = nullptr);
    /// All ```mermaid blocks of a Markdown text.
    static QStringList mermaidBlocks(const QString &markdown);
    /// True when @p text looks like a Mermaid flowchart (after front matter and comments).
    static bool looksLikeMermaid(const QString &text);
};

} // namespace mls
