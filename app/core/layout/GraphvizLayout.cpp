// SPDX-License-Identifier: MIT
#include "GraphvizLayout.h"

#include "../Logging.h"
#include "LayoutPlacement.h"
#include "LooseNodes.h"
#include "ZonedLayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace mls {

namespace {

// ---- units and frames: the ONE place where scene px and Graphviz units meet ----------------
// Graphviz positions are in points (1/72 inch) with y pointing up; node width/height,
// nodesep and ranksep are in inches. We map 1 scene px to 1 point, so a 212 × 60 px card is a
// 212 × 60 pt box (2.944 × 0.833 in) and every gap keeps its board size. Reading back, the
// y-axis is flipped against the root graph's bounding box (GD_bb, known after the layout):
// scene x = x - bb.LL.x, scene y = bb.UR.y - y, so the drawing starts at (0, 0) and grows
// down, as the board does. Placement (LayoutPlacement) then moves it where it belongs.
struct Units
{
    static QByteArray inches(qreal px) { return QByteArray::number(px / 72.0, 'f', 4); }
    static QByteArray points(qreal px) { return QByteArray::number(px, 'f', 2); }

    boxf bb;
    QPointF toScene(pointf p) const { return {p.x - bb.LL.x, bb.UR.y - p.y}; }
};

/// One layout at a time, process-wide: cgraph and gvc keep global state and are not
/// thread-safe, so every use of them (build, layout, read, free) happens under this lock.
std::mutex &graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

/// The shared gvc context, made once (it loads the plugin list) and kept for the process.
GVC_t *context()
{
    static GVC_t *gvc = gvContext();
    return gvc;
}

/// Graphviz prints and parses numbers with the C library's LC_NUMERIC: under a locale with a
/// decimal comma "2,9444" would be read as 2. Held while building and reading the graph;
/// restores the caller's locale on scope exit.
class CNumericLocale
{
public:
    CNumericLocale()
    {
        const char *current = std::setlocale(LC_NUMERIC, nullptr);
        m_saved = current ? current : "C";
        std::setlocale(LC_NUMERIC, "C");
    }
    ~CNumericLocale() { std::setlocale(LC_NUMERIC, m_saved.c_str()); }
    CNumericLocale(const CNumericLocale &) = delete;
    CNumericLocale &operator=(const CNumericLocale &) = delete;

private:
    std::string m_saved;
};

/// Collects cgraph's error text instead of letting it print to stderr (under the mutex).
QByteArray &graphvizErrors()
{
    static QByteArray text;
    return text;
}

int captureError(char *text)
{
    graphvizErrors().append(text);
    return 0;
}

/// Routes Graphviz messages into graphvizErrors() for the lifetime of the object.
class ErrorCapture
{
public:
    ErrorCapture() : m_previous(agseterrf(&captureError)) { graphvizErrors().clear(); }
    ~ErrorCapture() { agseterrf(m_previous); }
    ErrorCapture(const ErrorCapture &) = delete;
    ErrorCapture &operator=(const ErrorCapture &) = delete;
    QString text() const { return QString::fromUtf8(graphvizErrors()).trimmed(); }

private:
    agusererrf m_previous;
};

char *cstr(const char *s)
{
    return const_cast<char *>(s); // cgraph's API takes char * but never writes through it
}

char *cstr(const QByteArray &s)
{
    return cstr(s.constData());
}

/// Sets an attribute on a graph, node or edge, declaring it with an empty default if needed.
void set(void *object, const char *name, const QByteArray &value)
{
    agsafeset(object, cstr(name), cstr(value.constData()), cstr(""));
}

/// The generated graph for one input. Graphviz sees only generated names (n<i>, e<i>,
/// cluster_<i>) and no labels, so no user text can ever break the .dot syntax.
class GraphBuilder
{
public:
    GraphBuilder(const LayoutInput &input, LayoutEngine engine);
    ~GraphBuilder()
    {
        if (m_graph)
            agclose(m_graph);
    }
    GraphBuilder(const GraphBuilder &) = delete;
    GraphBuilder &operator=(const GraphBuilder &) = delete;

    Agraph_t *graph() const { return m_graph; }
    Agnode_t *node(int i) const { return m_nodes[size_t(i)]; }
    Agedge_t *edge(int i) const { return m_edges[size_t(i)]; }

private:
    void setGraphAttributes(const LayoutOptions &options, LayoutEngine engine);
    void addNodes(const LayoutInput &input, LayoutEngine engine);
    void addEdges(const LayoutInput &input);

    Agraph_t *m_graph = nullptr;
    Agsym_t *m_label = nullptr;
    std::vector<Agnode_t *> m_nodes;
    std::vector<Agedge_t *> m_edges; ///< null where an end is unknown
    QHash<QString, int> m_index;     ///< node id → input index
};

GraphBuilder::GraphBuilder(const LayoutInput &input, LayoutEngine engine)
{
    m_graph = agopen(cstr("mlsketch"), Agdirected, &AgDefaultDisc);
    setGraphAttributes(input.options, engine);
    addNodes(input, engine);
    addEdges(input);
}

void GraphBuilder::setGraphAttributes(const LayoutOptions &options, LayoutEngine engine)
{
    const bool lr = options.direction == LayoutDirection::LeftToRight;
    set(m_graph, "rankdir", lr ? "LR" : "TB");
    set(m_graph, "nodesep", Units::inches(options.nodeSeparation));
    set(m_graph, "ranksep", Units::inches(options.rankSeparation));
    if (engine == LayoutEngine::Sfdp) {
        // overlap=scale spreads the drawing evenly until no two boxes (grown by sep, in points)
        // touch; on 2,000 nodes it is about 3× faster than prism and still overlap-free.
        set(m_graph, "overlap", "scale");
        set(m_graph, "sep", "+" + Units::points(options.nodeSeparation / 2));
        set(m_graph, "start", QByteArray::number(options.randomSeed));
    }
    // Node defaults: fixed boxes. Each node gets label="" (see addNodes) so no font is ever
    // measured; the default stays "\\N" because agwrite omits a value equal to its default.
    agattr(m_graph, AGNODE, cstr("shape"), cstr("box"));
    agattr(m_graph, AGNODE, cstr("fixedsize"), cstr("true"));
    m_label = agattr(m_graph, AGNODE, cstr("label"), cstr("\\N"));
}

void GraphBuilder::addNodes(const LayoutInput &input, LayoutEngine engine)
{
    std::vector<Agraph_t *> clusters(size_t(input.zoneIds.size()), nullptr);
    QHash<QString, int> zoneIndex;
    for (int z = 0; z < input.zoneIds.size(); ++z)
        zoneIndex.insert(input.zoneIds[z], z);
    for (int i = 0; i < input.nodes.size(); ++i) {
        const LayoutNode &in = input.nodes[i];
        Agnode_t *n = agnode(m_graph, cstr("n" + QByteArray::number(i)), 1);
        set(n, "width", Units::inches(in.size.width()));
        set(n, "height", Units::inches(in.size.height()));
        agxset(n, m_label, cstr(""));
        m_nodes.push_back(n);
        m_index.insert(in.id, i);
        const int z = in.zones.isEmpty() ? -1 : zoneIndex.value(in.zones.first(), -1);
        if (z < 0 || engine != LayoutEngine::Dot)
            continue; // only dot draws clusters; sfdp would ignore them
        if (!clusters[size_t(z)]) {
            const QByteArray name = "cluster_" + QByteArray::number(z);
            clusters[size_t(z)] = agsubg(m_graph, cstr(name.constData()), 1);
            // The canvas draws a zone's title band above its cards: reserve it as extra
            // vertical margin (half above, half below keeps the drawing symmetric). dot reads
            // a cluster margin "x,y" before rotating for rankdir=LR, so x is then vertical.
            const qreal pad = input.options.zonePadding;
            const QByteArray side = Units::points(pad);
            const QByteArray tall = Units::points(pad + input.options.zoneTitleHeight / 2);
            const bool lr = input.options.direction == LayoutDirection::LeftToRight;
            set(clusters[size_t(z)], "margin", lr ? tall + ',' + side : side + ',' + tall);
            set(clusters[size_t(z)], "label", "");
        }
        agsubnode(clusters[size_t(z)], n, 1);
    }
}

void GraphBuilder::addEdges(const LayoutInput &input)
{
    for (int i = 0; i < input.edges.size(); ++i) {
        const LayoutEdge &in = input.edges[i];
        const int from = m_index.value(in.from, -1);
        const int to = m_index.value(in.to, -1);
        Agedge_t *e = nullptr;
        if (from >= 0 && to >= 0) {
            const QByteArray name = "e" + QByteArray::number(i); // distinct: duplicates stay
            e = agedge(m_graph, m_nodes[size_t(from)], m_nodes[size_t(to)], cstr(name), 1);
        }
        m_edges.push_back(e);
    }
}

/// The whole graph as .dot text (agwrite into memory).
QByteArray writeDot(Agraph_t *graph)
{
    char *buffer = nullptr;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (!stream)
        return {};
    agwrite(graph, stream);
    std::fclose(stream);
    QByteArray dot(buffer, qsizetype(size));
    std::free(buffer);
    return dot;
}

/// With MLSKETCH_DEBUG_LAYOUT=1, writes the generated graph to a temp file and says where.
void debugDump(Agraph_t *graph)
{
    if (qEnvironmentVariable("MLSKETCH_DEBUG_LAYOUT") != QLatin1String("1"))
        return;
    static int runs = 0; // under the Graphviz mutex
    const QString path = QDir::temp().filePath(QStringLiteral("mlsketch-layout-%1-%2.dot")
                                                   .arg(QCoreApplication::applicationPid())
                                                   .arg(++runs));
    FILE *file = std::fopen(QFile::encodeName(path).constData(), "w");
    if (!file) {
        qCWarning(lcCore, "MLSKETCH_DEBUG_LAYOUT: cannot write %s", qPrintable(path));
        return;
    }
    agwrite(graph, file);
    std::fclose(file);
    qCInfo(lcCore, "MLSKETCH_DEBUG_LAYOUT: wrote the generated graph to %s", qPrintable(path));
}

EdgeRoute readRoute(Agedge_t *e, const QString &id, const Units &units)
{
    EdgeRoute route;
    route.id = id;
    const splines *spl = ED_spl(e);
    if (!spl)
        return route;
    for (int b = 0; b < spl->size; ++b) {
        const bezier &bz = spl->list[b];
        for (int p = 0; p < bz.size; ++p)
            route.points.append(units.toScene(bz.list[p]));
        if (bz.eflag)
            route.arrowTip = units.toScene(bz.ep);
    }
    return route;
}

/// Reads centres and routes out of a laid-out graph, in input order and scene px.
void readResult(const GraphBuilder &graph, const LayoutInput &input, LayoutResult &result)
{
    const Units units{GD_bb(graph.graph())};
    result.centres.reserve(input.nodes.size());
    for (int i = 0; i < input.nodes.size(); ++i)
        result.centres.append(units.toScene(ND_coord(graph.node(i))));
    for (int i = 0; i < input.edges.size(); ++i) {
        if (Agedge_t *e = graph.edge(i))
            result.routes.append(readRoute(e, input.edges[i].id, units));
    }
}

/// One Graphviz run on @p input as it is (sfdp ignores zones); under the Graphviz mutex.
bool layoutFlat(const LayoutInput &input, LayoutEngine engine, const ErrorCapture &errors,
                LayoutResult &result)
{
    GraphBuilder graph(input, engine);
    debugDump(graph.graph());
    // sfdp's coarsening draws from the C library's generators without seeding them, so a
    // run would depend on whatever ran before it; reseeding makes it a function of its input.
    std::srand(input.options.randomSeed);
    srand48(long(input.options.randomSeed));
    const QByteArray name = GraphvizLayout::engineName(engine).toLatin1();
    if (gvLayout(context(), graph.graph(), name.constData()) != 0) {
        result.error = QStringLiteral("Graphviz (%1) could not lay out the diagram: %2")
                           .arg(GraphvizLayout::engineName(engine), errors.text());
        gvFreeLayout(context(), graph.graph());
        return false;
    }
    readResult(graph, input, result);
    gvFreeLayout(context(), graph.graph());
    return true;
}

/// Lays out @p input with @p engine; with sfdp, zones one by one (sfdp has no clusters), then
/// placed as single boxes.
bool layoutAll(const LayoutInput &input, LayoutEngine engine, const ErrorCapture &errors,
               LayoutResult &result)
{
    if (engine == LayoutEngine::Sfdp && ZonedLayout::hasZones(input))
        return ZonedLayout::run(
            input,
            [&](const LayoutInput &in, LayoutEngine e, LayoutResult &r) {
                return layoutFlat(in, e, errors, r);
            },
            result);
    return layoutFlat(input, engine, errors, result);
}

QString summary(const LayoutInput &input, LayoutEngine used)
{
    const QString count = input.nodes.size() == 1
                              ? QStringLiteral("1 component")
                              : QStringLiteral("%1 components")
                                    .arg(QLocale(QLocale::English).toString(input.nodes.size()));
    const QString name = GraphvizLayout::engineName(used);
    if (used != input.options.engine)
        return QStringLiteral("%1: used %2 for speed").arg(count, name);
    return QStringLiteral("Laid out %1 with %2").arg(count, name);
}

} // namespace

LayoutResult GraphvizLayout::run(const LayoutInput &input)
{
    LayoutResult result;
    result.engineUsed = effectiveEngine(input.options, int(input.nodes.size()));
    if (input.nodes.isEmpty()) {
        result.ok = true;
        result.message = QStringLiteral("Nothing to lay out");
        return result;
    }
    {
        std::lock_guard<std::mutex> lock(graphvizMutex());
        CNumericLocale cLocale;
        ErrorCapture errors;
        const LayoutEngine engine = result.engineUsed;
        const QVector<int> loose =
            engine == LayoutEngine::Sfdp ? LooseNodes::find(input) : QVector<int>();
        if (loose.isEmpty()) {
            if (!layoutAll(input, engine, errors, result))
                return result;
        } else {
            const LayoutInput rest = LooseNodes::without(input, loose);
            LayoutResult laid;
            if (!rest.nodes.isEmpty() && !layoutAll(rest, engine, errors, laid)) {
                result.error = laid.error;
                return result;
            }
            LooseNodes::merge(input, loose, laid, result);
        }
    }
    LayoutPlacement::place(input, result);
    result.ok = true;
    result.message = summary(input, result.engineUsed);
    return result;
}

QByteArray GraphvizLayout::toDot(const LayoutInput &input)
{
    std::lock_guard<std::mutex> lock(graphvizMutex());
    CNumericLocale cLocale;
    ErrorCapture errors;
    GraphBuilder graph(input, effectiveEngine(input.options, int(input.nodes.size())));
    return writeDot(graph.graph());
}

LayoutEngine GraphvizLayout::effectiveEngine(const LayoutOptions &options, int nodeCount)
{
    if (options.engine == LayoutEngine::Dot && nodeCount > options.sizeThreshold)
        return LayoutEngine::Sfdp;
    return options.engine;
}

QString GraphvizLayout::engineName(LayoutEngine engine)
{
    return engine == LayoutEngine::Dot ? QStringLiteral("dot") : QStringLiteral("sfdp");
}

std::optional<LayoutEngine> GraphvizLayout::engineFromName(const QString &name)
{
    if (name == QLatin1String("dot"))
        return LayoutEngine::Dot;
    if (name == QLatin1String("sfdp"))
        return LayoutEngine::Sfdp;
    return std::nullopt;
}

std::optional<LayoutDirection> GraphvizLayout::directionFromName(const QString &name)
{
    if (name.compare(QLatin1String("LR"), Qt::CaseInsensitive) == 0)
        return LayoutDirection::LeftToRight;
    if (name.compare(QLatin1String("TB"), Qt::CaseInsensitive) == 0)
        return LayoutDirection::TopToBottom;
    return std::nullopt;
}

struct GraphvizSession::Guard
{
    std::lock_guard<std::mutex> lock{graphvizMutex()};
    CNumericLocale locale;
    ErrorCapture errors;
};

GraphvizSession::GraphvizSession() : m_guard(std::make_unique<Guard>()) {}

GraphvizSession::~GraphvizSession() = default;

QString GraphvizSession::errors() const
{
    return m_guard->errors.text();
}

} // namespace mls
