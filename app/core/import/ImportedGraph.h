// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace mls {

/// A diagram as another tool wrote it (Mermaid, DOT), before mlsketch gives it kinds and
/// flows: the common ground of the importers.
struct ImportedGraph
{
    struct Node
    {
        QString id;
        QString label;         ///< plain text, lines separated by \n
        bool cylinder = false; ///< drawn as a database (a hint for the generic store kind)
    };
    struct Edge
    {
        QString from; ///< a node id or a subgraph id
        QString to;
        QString label;
    };
    struct Subgraph
    {
        QString id;
        QString label;
        QString parent;      ///< enclosing subgraph id, or empty
        QStringList members; ///< node ids placed directly in it
    };
    QString title;
    bool topToBottom = false; ///< the author's direction (Mermaid TB/TD/BT, DOT rankdir=TB)
    QVector<Node> nodes;
    QVector<Edge> edges;
    QVector<Subgraph> subgraphs;
    QStringList warnings;
};

/// Turns an HTML-ish label into plain text: <br> becomes a line break, other tags are
/// dropped, entities (&amp; &#183; Mermaid's #quot;) decoded, blank lines and spaces tidied.
QString plainLabel(const QString &html);

} // namespace mls
