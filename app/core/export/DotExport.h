// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace mls {

class Diagram;

/// What the DOT text carries besides the graph itself.
struct DotOptions
{
    /// Pins every node where the board has it (`pos="x,y!"` in points, y up, with the card
    /// size fixed), so `neato -n2` draws the board's own layout. Off: Graphviz lays it out.
    bool positions = false;
};

/// The diagram as a Graphviz DOT digraph: components as rounded boxes (label and kind),
/// connections as edges labelled and coloured by flow, zones as clusters. A pure function of
/// the document; every piece of user text is quoted and escaped, so any label is safe.
class DotExport
{
public:
    static QByteArray toDot(const Diagram &diagram, const DotOptions &options = {});
    /// @p text as a DOT double-quoted string, quotes included: backslashes and quotes escaped,
    /// a newline as the `\n` escape (a centred line break in a label).
    static QString quoted(const QString &text);
    /// quoted() for a label, which Graphviz also scans for HTML entities: `&` becomes `&amp;`
    /// so a label reading "&lt;" is drawn as written.
    static QString quotedLabel(const QString &text);
};

} // namespace mls
