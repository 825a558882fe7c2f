// SPDX-License-Identifier: MIT
#pragma once

#include "ImportedGraph.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mls {

/// The statements of a Mermaid flowchart's body, read one at a time into an ImportedGraph:
/// nodes of every shape, links of every form with their labels, chains and `&` fan-outs,
/// nested subgraphs (MermaidParser finds the statements).
class FlowchartReader
{
public:
    explicit FlowchartReader(ImportedGraph &g) : m_g(g) {}

    /// Reads one statement (a line, or one of its `;`-separated parts) found at @p line; a
    /// statement it cannot read is skipped with a warning naming the line.
    void statement(int line, const QString &text);
    /// Puts the nodes (in order of first mention) and subgraph members into the graph.
    void finish();
    /// Mermaid's quoted text without its quotes: "…", or a `…` Markdown string.
    static QString unquote(QString s);

private:
    bool keyword(const QString &t);
    void subgraph(const QString &rest);
    QStringList group();
    QString node();
    QString readId();
    bool readShape(QString *label, bool *cylinder);
    bool readLink(QString *label, bool *visible);
    void skipSpaces()
    {
        while (m_i < m_s.size() && m_s.at(m_i).isSpace())
            ++m_i;
    }
    bool at(const char *token) const
    {
        return QStringView(m_s).mid(m_i).startsWith(QLatin1String(token));
    }
    void mention(const QString &id)
    {
        if (!m_order.contains(id)) {
            m_order.insert(id, int(m_ids.size()));
            m_ids << id;
        }
        if (!m_stack.isEmpty())
            m_memberOf.insert(id, m_stack.last());
    }

    ImportedGraph &m_g;
    QString m_s;
    int m_i = 0;
    QStringList m_ids; ///< every id mentioned, first mention first
    QHash<QString, int> m_order;
    QHash<QString, QString> m_labels;
    QSet<QString> m_cylinders;
    QHash<QString, QString> m_memberOf; ///< id → innermost subgraph of its last mention
    QStringList m_stack;                ///< open subgraphs
    QHash<QString, int> m_subgraphIndex;
    int m_anonymous = 0;
};

} // namespace mls
