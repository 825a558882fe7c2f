// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace mls {

class Diagram;

/// The diagram as a Mermaid `flowchart LR`: components as nodes (stores as cylinders, clients
/// as stadiums), connections as labelled links styled by flow, zones as subgraphs. A pure
/// function of the document.
class MermaidExport
{
public:
    static QString toMermaid(const Diagram &diagram);
    /// @p text made safe inside a Mermaid double-quoted label: `"` → `#quot;`, `<` → `#lt;`,
    /// `>` → `#gt;`, `&` → `#amp;`, `#`, `%`, `|` and backticks as numeric codes, line breaks
    /// as `<br/>`.
    static QString escapeLabel(const QString &text);
    /// A Mermaid node id for @p id: letters, digits and `_` only, prefixed so it can never be
    /// a keyword (`end`) or start a circle/cross link (`o`, `x`).
    static QString sanitizeId(const QString &id);
};

} // namespace mls
