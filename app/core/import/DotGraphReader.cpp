// SPDX-License-Identifier: MIT
#include "DotGraphReader.h"

#include "layout/GraphvizLayout.h"

#include <graphviz/cgraph.h>

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace mls {

namespace {

constexpr int maxClusterDepth = 64;

QString attribute(void *object, const char *name)
{
    const char *value = agget(object, const_cast<char *>(name));
    return value ? QString::fromUtf8(value) : QString();
}

/// A node's or cluster's label as plain text; \N stands for the name (cgraph's default).
QString labelOf(void *object, const QString &name)
{
    char *raw = agget(object, const_cast<char *>("label"));
    if (!raw || !*raw)
        return name;
    QString text = QString::fromUtf8(raw);
    if (!aghtmlstr(raw)) {
        text.replace(QLatin1String("\\N"), name).replace(QLatin1String("\\G"), QString());
        text.replace(QLatin1String("\\l"), QLatin1String("\n"))
            .replace(QLatin1String("\\r"), QLatin1String("\n"));
        // Plain DOT text is not HTML: a < is text (Graphviz decodes entities in both).
        text.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    }
    const QString plain = plainLabel(text);
    return plain.isEmpty() ? name : plain;
}

class Walker
{
public:
    explicit Walker(ImportedGraph &g) : m_g(g) {}

    void walk(Agraph_t *graph, const QString &cluster, int depth)
    {
        if (depth > maxClusterDepth)
            throw QStringLiteral("subgraphs nested deeper than %1 levels").arg(maxClusterDepth);
        for (Agraph_t *sub = agfstsubg(graph); sub; sub = agnxtsubg(sub)) {
            const QString name = QString::fromUtf8(agnameof(sub));
            QString inner = cluster;
            if (name.startsWith(QLatin1String("cluster"))) {
                inner = uniqueId(name);
                m_g.subgraphs.append({inner, labelOf(sub, QString()), cluster, {}});
                QString label = m_g.subgraphs.last().label;
                if (label.isEmpty())
                    m_g.subgraphs.last().label =
                        name.mid(7).remove(QRegularExpression(QStringLiteral("^[_\\s-]+")));
                if (m_g.subgraphs.last().label.isEmpty())
                    m_g.subgraphs.last().label = name;
                m_index.insert(inner, int(m_g.subgraphs.size()) - 1);
            }
            for (Agnode_t *n = agfstnode(sub); n; n = agnxtnode(sub, n)) {
                if (inner != cluster || !cluster.isEmpty())
                    m_innermost.insert(n, inner);
            }
            walk(sub, inner, depth + 1);
        }
    }

    void finish(Agraph_t *root)
    {
        QVector<Agnode_t *> nodes;
        for (Agnode_t *n = agfstnode(root); n; n = agnxtnode(root, n))
            nodes << n;
        std::sort(nodes.begin(), nodes.end(),
                  [](Agnode_t *a, Agnode_t *b) { return AGSEQ(a) < AGSEQ(b); });
        QVector<Agedge_t *> edges;
        for (Agnode_t *n : std::as_const(nodes)) {
            const QString name = QString::fromUtf8(agnameof(n));
            m_g.nodes.append(
                {name, labelOf(n, name), attribute(n, "shape") == QLatin1String("cylinder")});
            const QString cluster = m_innermost.value(n);
            if (!cluster.isEmpty())
                m_g.subgraphs[m_index.value(cluster)].members << name;
            for (Agedge_t *e = agfstout(root, n); e; e = agnxtout(root, e))
                edges << e;
        }
        std::sort(edges.begin(), edges.end(),
                  [](Agedge_t *a, Agedge_t *b) { return AGSEQ(a) < AGSEQ(b); });
        for (Agedge_t *e : std::as_const(edges)) {
            char *raw = agget(e, const_cast<char *>("label"));
            QString label = raw ? QString::fromUtf8(raw) : QString();
            if (raw && !aghtmlstr(raw))
                label.replace(QLatin1Char('<'), QLatin1String("&lt;"));
            m_g.edges.append({QString::fromUtf8(agnameof(agtail(e))),
                              QString::fromUtf8(agnameof(aghead(e))), plainLabel(label)});
        }
    }

private:
    QString uniqueId(const QString &name)
    {
        QString id = name;
        for (int n = 2; m_index.contains(id); ++n)
            id = name + QLatin1Char('_') + QString::number(n);
        return id;
    }

    ImportedGraph &m_g;
    QHash<QString, int> m_index;
    QHash<Agnode_t *, QString> m_innermost; ///< node → deepest cluster it was seen in
};

} // namespace

bool DotGraphReader::looksLikeDot(const QString &text)
{
    static const QRegularExpression header(
        QStringLiteral(
            "^\\s*(?:(?://|#)[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*(strict\\s+)?(di)?graph\\b[^{]*\\{"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return header.match(text).hasMatch();
}

std::optional<ImportedGraph> DotGraphReader::parse(const QByteArray &dot, QString *error)
{
    GraphvizSession session;
    Agraph_t *root = agmemread(dot.constData());
    if (!root) {
        const QString why = session.errors();
        *error = why.isEmpty() ? QStringLiteral("not a Graphviz DOT graph")
                               : QStringLiteral("not a readable DOT graph: %1").arg(why);
        return std::nullopt;
    }
    ImportedGraph g;
    try {
        Walker walker(g);
        walker.walk(root, QString(), 0);
        walker.finish(root);
        g.title = labelOf(root, QString());
        const QString rankdir = attribute(root, "rankdir").toUpper();
        g.topToBottom =
            rankdir.isEmpty() || rankdir == QLatin1String("TB") || rankdir == QLatin1String("BT");
    } catch (const QString &why) {
        agclose(root);
        *error = why;
        return std::nullopt;
    }
    agclose(root);
    return g;
}

} // namespace mls
