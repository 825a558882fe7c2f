// SPDX-License-Identifier: MIT
#include "DiagramImport.h"

#include "Catalog.h"
#include "DotGraphReader.h"
#include "FlowGuess.h"
#include "KindRecognizer.h"
#include "MermaidParser.h"
#include "layout/DiagramLayout.h"
#include "text/TextParser.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace mls {

namespace {

constexpr int maxNodes = 100000;

/// All node ids of a subgraph and of the subgraphs nested in it, in graph order.
QStringList allMembers(const ImportedGraph &g, int index,
                       const QHash<QString, QVector<int>> &children, int depth = 0)
{
    QStringList ids = g.subgraphs[index].members;
    if (depth > 64)
        return ids;
    for (int child : children.value(g.subgraphs[index].id))
        ids += allMembers(g, child, children, depth + 1);
    return ids;
}

/// The member an edge into (@p incoming) or out of a zone attaches to: the first member no
/// other member of the zone points at (its entry), or that points at no other member (its
/// exit); the first member when every one is inside a cycle.
QString representative(const Diagram &d, const QStringList &members, bool incoming,
                       const QString &otherEnd)
{
    const QSet<QString> inside(members.begin(), members.end());
    for (const QString &m : members) {
        if (m == otherEnd) // a member's edge to its own zone goes to another member
            continue;
        bool linked = false;
        for (const Connection *c : incoming ? d.incoming(m) : d.outgoing(m))
            linked |= inside.contains(incoming ? c->from : c->to) && c->from != c->to;
        if (!linked)
            return m;
    }
    for (const QString &m : members) {
        if (m != otherEnd)
            return m;
    }
    return members.isEmpty() ? QString() : members.constFirst();
}

QString nodeLabel(const QString &label, const QString &kind, const Catalog &cat)
{
    // The exporters add the kind's label as a last line: it is the kind, not the name.
    QStringList lines = label.split(QLatin1Char('\n'));
    if (lines.size() > 1 && cat.kind(kind) &&
        lines.constLast().compare(cat.kind(kind)->label, Qt::CaseInsensitive) == 0)
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

/// The first few of @p ids for a warning: a diagram of thousands of nodes would otherwise make
/// a warning thousands of names long.
QString someOf(const QStringList &ids)
{
    constexpr int shown = 20;
    if (ids.size() <= shown)
        return ids.join(QLatin1String(", "));
    return QStringLiteral("%1 and %2 more")
        .arg(ids.mid(0, shown).join(QLatin1String(", ")))
        .arg(ids.size() - shown);
}

} // namespace

std::optional<ImportFormat> DiagramImport::formatOf(const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("mmd") || ext == QLatin1String("mermaid"))
        return ImportFormat::Mermaid;
    if (ext == QLatin1String("md") || ext == QLatin1String("markdown"))
        return ImportFormat::Markdown;
    if (ext == QLatin1String("dot") || ext == QLatin1String("gv"))
        return ImportFormat::Dot;
    return std::nullopt;
}

std::optional<ImportFormat> DiagramImport::sniff(const QString &text)
{
    if (DotGraphReader::looksLikeDot(text))
        return ImportFormat::Dot;
    if (MermaidParser::looksLikeMermaid(text))
        return ImportFormat::Mermaid;
    if (!MermaidParser::mermaidBlocks(text).isEmpty())
        return ImportFormat::Markdown;
    return std::nullopt;
}

QString DiagramImport::fileFilter()
{
    return QStringLiteral("Diagrams as code (*.mmd *.mermaid *.md *.markdown *.dot *.gv)");
}

ImportResult DiagramImport::importFile(const QString &path, int block, const ReadLimits &limits)
{
    ImportResult r;
    const QString name = QFileInfo(path).fileName();
    if (QFileInfo(path).size() > limits.maxFileBytes) {
        r.error = QStringLiteral("%1: larger than the %2 MB limit")
                      .arg(name)
                      .arg(limits.maxFileBytes / (1024 * 1024));
        return r;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("%1: cannot open: %2").arg(name, file.errorString());
        return r;
    }
    return importBytes(file.readAll(), formatOf(path), name, block, limits);
}

ImportResult DiagramImport::importBytes(const QByteArray &bytes, std::optional<ImportFormat> format,
                                        const QString &name, int block, const ReadLimits &limits)
{
    ImportResult r;
    QString text;
    QString error;
    if (!TextParser::decode(bytes, limits, &text, &error)) {
        r.error = name + QStringLiteral(": ") + error;
        return r;
    }
    if (!format)
        format = sniff(text);
    if (!format) {
        r.error = name + QStringLiteral(": neither a Mermaid flowchart nor a Graphviz DOT graph");
        return r;
    }
    std::optional<ImportedGraph> graph;
    int blocks = 0;
    if (*format == ImportFormat::Markdown) {
        const QStringList all = MermaidParser::mermaidBlocks(text);
        blocks = int(all.size());
        if (all.isEmpty()) {
            r.error = name + QStringLiteral(": no ```mermaid block");
            return r;
        }
        if (block < 0 || block >= all.size()) {
            r.error = name + QStringLiteral(": there is no mermaid block %1 (the file has %2)")
                                 .arg(block + 1)
                                 .arg(all.size());
            return r;
        }
        text = all[block];
    }
    if (*format == ImportFormat::Dot)
        graph = DotGraphReader::parse(text.toUtf8(), &error);
    else
        graph = MermaidParser::parse(text, &error);
    if (!graph) {
        r.error = name + QStringLiteral(": ") + error;
        return r;
    }
    if (graph->nodes.size() > maxNodes) {
        r.error = name + QStringLiteral(": more than %1 nodes").arg(maxNodes);
        return r;
    }
    r = fromGraph(*graph);
    r.mermaidBlocks = blocks;
    if (blocks > 1)
        r.warnings.prepend(QStringLiteral("%1 holds %2 mermaid blocks; block %3 was imported")
                               .arg(name)
                               .arg(blocks)
                               .arg(block + 1));
    return r;
}

ImportResult DiagramImport::fromGraph(const ImportedGraph &g, bool layout)
{
    const Catalog &cat = Catalog::builtin();
    const KindRecognizer &recognizer = KindRecognizer::builtin();
    ImportResult r;
    r.warnings = g.warnings;
    auto d = std::make_unique<Diagram>();
    Meta meta;
    meta.title = g.title.simplified();
    d->setMeta(meta);

    QHash<QString, QString> context; // node → labels of the edges into it
    for (const ImportedGraph::Edge &e : g.edges)
        context[e.to] += QLatin1Char(' ') + e.label;
    d->reserve(int(g.nodes.size()), int(g.edges.size()));
    QStringList generic;
    QSet<QString> stated; // kinds the labels name outright: no heuristic overrides them
    for (const ImportedGraph::Node &n : g.nodes) {
        Component c;
        c.id = n.id;
        const auto guess = recognizer.recognise(n.id, n.label, context.value(n.id), n.cylinder);
        c.kind = guess.kind;
        c.label = nodeLabel(n.label, c.kind, cat);
        if (guess.score == 0)
            generic << n.id;
        if (guess.stated)
            stated.insert(n.id);
        d->insertComponent(int(d->components().size()), c);
    }
    if (!generic.isEmpty())
        r.warnings << QStringLiteral("%1 node(s) name no known component and became a generic "
                                     "service or data store: %2")
                          .arg(generic.size())
                          .arg(someOf(generic));

    // Zones: a nested subgraph is a zone of its own, and its parent's zone holds it too.
    QHash<QString, QVector<int>> children;
    QHash<QString, int> subgraphIndex;
    for (int i = 0; i < g.subgraphs.size(); ++i) {
        subgraphIndex.insert(g.subgraphs[i].id, i);
        if (!g.subgraphs[i].parent.isEmpty())
            children[g.subgraphs[i].parent] << i;
    }
    QHash<QString, QStringList> zoneMembers;
    for (int i = 0; i < g.subgraphs.size(); ++i) {
        const ImportedGraph::Subgraph &sg = g.subgraphs[i];
        QStringList members;
        for (const QString &m : allMembers(g, i, children)) {
            if (d->component(m) && !members.contains(m))
                members << m;
        }
        zoneMembers.insert(sg.id, members);
        if (members.isEmpty()) {
            r.warnings << QStringLiteral("subgraph \"%1\" holds no node; no zone made for it")
                              .arg(sg.label);
            continue;
        }
        Group zone;
        zone.id = d->containsId(sg.id) ? d->uniqueId(QStringLiteral("zone_")) : sg.id;
        zone.label = sg.label;
        zone.members = members;
        d->insertGroup(int(d->groups().size()), zone);
    }

    // Edges between nodes first: a zone's entry and exit members are read from them.
    FlowGuess flows(cat);
    int redirected = 0;
    auto connect = [&](const ImportedGraph::Edge &e, const QString &from, const QString &to) {
        Connection c;
        c.id = d->uniqueId(QStringLiteral("e"));
        c.from = from;
        c.to = to;
        QString note;
        flows.choose(d->component(from)->kind, d->component(to)->kind, e.label, &c.flow, &c.label,
                     &note);
        if (!note.isEmpty())
            r.warnings << QStringLiteral("%1 → %2: %3").arg(from, to, note);
        d->insertConnection(int(d->connections().size()), c);
    };
    QVector<const ImportedGraph::Edge *> zoneEdges;
    for (const ImportedGraph::Edge &e : g.edges) {
        if (d->component(e.from) && d->component(e.to))
            connect(e, e.from, e.to);
        else
            zoneEdges << &e;
    }
    for (const ImportedGraph::Edge *e : std::as_const(zoneEdges)) {
        QString from = e->from;
        QString to = e->to;
        if (!d->component(from) && !zoneMembers.value(from).isEmpty()) {
            from = representative(*d, zoneMembers.value(from), false, to);
            ++redirected;
        }
        if (!d->component(to) && !zoneMembers.value(to).isEmpty()) {
            to = representative(*d, zoneMembers.value(to), true, from);
            ++redirected;
        }
        if (!d->component(from) || !d->component(to)) {
            r.warnings << QStringLiteral("edge %1 → %2 dropped: an end is an empty subgraph")
                              .arg(e->from, e->to);
        } else if (from == to) {
            r.warnings << QStringLiteral("edge %1 → %2 dropped: it would join %3 to itself")
                              .arg(e->from, e->to, from);
        } else {
            connect(*e, from, to);
        }
    }
    // A batch job fed by an event stream is a stream job ("Spark" reading Kafka), unless its
    // label says it is a batch job.
    for (const Connection &e : d->connections()) {
        const Component *from = d->component(e.from);
        const Component *to = d->component(e.to);
        if (from->kind == QLatin1String("event_stream") && to->kind == QLatin1String("batch_etl") &&
            !stated.contains(to->id)) {
            Component c = *to;
            c.kind = QStringLiteral("stream_processor");
            d->updateComponent(c);
            r.warnings << QStringLiteral("%1 reads the event stream %2: made a stream processor")
                              .arg(c.id, from->id);
        }
    }
    if (redirected > 0)
        r.warnings << QStringLiteral("%1 edge end(s) named a subgraph and were attached to one of "
                                     "its members (the first with no edge into it from inside, "
                                     "or none out of it)")
                          .arg(redirected);
    if (layout && !d->components().empty()) {
        LayoutOptions options;
        options.direction =
            g.topToBottom ? LayoutDirection::TopToBottom : LayoutDirection::LeftToRight;
        const LayoutResult laid = DiagramLayout::apply(*d, options);
        if (!laid.ok)
            r.warnings << QStringLiteral("not laid out: %1").arg(laid.error);
    }
    r.diagram = std::move(d);
    return r;
}

} // namespace mls
