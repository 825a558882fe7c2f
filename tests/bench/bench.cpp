// SPDX-License-Identifier: MIT
// mlsketch_bench: load, save and undo/redo throughput and peak memory for generated diagrams,
// then the board (--board alone: with and without connection labels): scene build, one full
// paint, and one drag step; then layout, rules and
// export (--export [svg|png]: SVG and PNG against Graphviz neato -n2 on the same positioned graph).
//
// Each size runs in a forked child so its peak RSS is its own (the window's in a freshly exec'd
// one, as a forked child would reuse the heap its parent freed). Times are medians of several
// runs; "ratio" columns compare against a bare nlohmann parse/dump of the same bytes in the
// same process, which is the floor our reader and writer build on (each run alternating with
// its reference, so both see the same load). --io prints the load/save columns alone.

#include "../GeneratedBoard.h"
#include "Allocator.h"
#include "Catalog.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "Grader.h"
#include "Problem.h"
#include "RuleChecks.h"
#include "RuleEngine.h"
#include "RuleGraph.h"
#include "RulePack.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditComponentCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "export/DotExport.h"
#include "layout/DiagramLayout.h"

#include "DesignReview.h"
#include "EditActions.h"
#include "MainWindow.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/LabelPlacer.h"
#include "export/ExportWriter.h"
#include "export/SceneExporter.h"
#include "panels/ProblemsPanel.h"
#include "rules/RuleController.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <tuple>
#include <unistd.h>
#include <vector>

using namespace mls;

namespace {

struct Row
{
    int components = 0;
    int connections = 0;
    double megabytes = 0;
    double loadMs = 0, parseMs = 0;
    double saveMs = 0, dumpMs = 0;
    double undoOpsPerSec = 0, redoOpsPerSec = 0;
};

double medianMs(int runs, const std::function<void()> &fn)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Medians of @p a and @p b run alternately: on a shared machine both see the same load, so
/// their ratio holds better than that of two medians taken one after the other.
std::pair<double, double> alternateMedianMs(int runs, const std::function<void()> &a,
                                            const std::function<void()> &b)
{
    std::vector<double> ta, tb;
    for (int i = 0; i < runs; ++i) {
        ta.push_back(medianMs(1, a));
        tb.push_back(medianMs(1, b));
    }
    std::sort(ta.begin(), ta.end());
    std::sort(tb.begin(), tb.end());
    return {ta[ta.size() / 2], tb[tb.size() / 2]};
}

bool g_ioOnly = false; ///< --io: the load/save columns alone (no undo/redo)

/// The benchmark's board (mls::test::generatedBoard): @p columns cards a row, random links.
std::unique_ptr<Diagram> generate(int n, int columns = 200, bool labels = false)
{
    test::BoardRecipe recipe;
    recipe.columns = columns;
    recipe.labels = labels;
    return test::generatedBoard(n, recipe);
}

Row measure(int n)
{
    Row row;
    std::unique_ptr<Diagram> d = generate(n);
    row.components = int(d->components().size());
    row.connections = int(d->connections().size());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.mlsketch"));
    const int runs = n >= 100000 ? 3 : 7;

    // Save: the whole file written to disk (atomic, synced), against dumping the JSON tree of
    // the same design. Load: the file read from disk into a design, against parsing its bytes.
    QString error;
    const Json tree = DiagramWriter::toJson(*d);
    std::tie(row.saveMs, row.dumpMs) = alternateMedianMs(
        runs, [&] { DiagramWriter::save(*d, path, &error); },
        [&] {
            volatile size_t s = dumpJson(tree).size();
            (void)s;
        });

    const QByteArray bytes = DiagramWriter::write(*d);
    row.megabytes = double(bytes.size()) / (1024.0 * 1024.0);
    std::tie(row.loadMs, row.parseMs) = alternateMedianMs(
        runs,
        [&] {
            ReadResult r = DiagramReader::readFile(path);
            if (!r.ok())
                std::fprintf(stderr, "load failed: %s\n", qPrintable(r.error));
        },
        [&] {
            volatile size_t s = Json::parse(bytes.constBegin(), bytes.constEnd()).size();
            (void)s;
        });
    if (g_ioOnly)
        return row;

    // A realistic editing mix: moves, renames, adds, deletes (which take connections along).
    QUndoStack stack;
    QRandomGenerator rng(7);
    const int ops = 20000;
    for (int i = 0; i < ops; ++i) {
        const QString id = d->components()[size_t(rng.bounded(int(d->components().size())))].id;
        switch (i % 4) {
        case 0:
            stack.push(new MoveComponentsCommand(d.get(), {id}, {QPointF(i, i)}));
            break;
        case 1:
            stack.push(EditComponentCommand::setLabel(d.get(), id, QStringLiteral("L%1").arg(i)));
            break;
        case 2: {
            Component c;
            c.id = d->uniqueId(QStringLiteral("n"));
            c.kind = QStringLiteral("cache");
            stack.push(AddItemsCommand::addComponent(d.get(), c));
            break;
        }
        default:
            stack.push(new RemoveItemsCommand(d.get(), {id}, {}));
        }
    }
    const int count = stack.count();
    QElapsedTimer t;
    t.start();
    while (stack.canUndo())
        stack.undo();
    row.undoOpsPerSec = count / (double(t.nsecsElapsed()) / 1e9);
    t.restart();
    while (stack.canRedo())
        stack.redo();
    row.redoOpsPerSec = count / (double(t.nsecsElapsed()) / 1e9);
    return row;
}

/// The board: build the scene, paint it once, and one drag step of 50 selected cards (what a
/// mouse move costs while dragging). The reference is the same drag step with one card.
/// Labels ride their arrows during a drag and are placed off cards once it pauses (the
/// LabelPlacer's timer): "place ms" is that one batch for the 50 cards' arrows.
void measureBoard(int n, bool labels)
{
    std::unique_ptr<Diagram> d = generate(n, 200, labels);
    std::unique_ptr<DiagramScene> scene;
    const double buildMs = medianMs(3, [&] {
        scene.reset();
        scene = std::make_unique<DiagramScene>(d.get());
        LabelPlacer::flush(scene.get()); // what the event loop does next
    });
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const double paintMs = medianMs(3, [&] {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        scene->render(&painter, QRectF(), scene->contentRect());
    });
    double placeMs = 0;
    auto dragStep = [&](int selected) {
        QHash<QString, QPointF> to;
        for (int i = 0; i < selected; ++i) {
            const Component &c = d->components()[size_t(i * (n / selected))];
            to.insert(c.id, c.pos);
        }
        int step = 0;
        const double ms = medianMs(21, [&] {
            ++step;
            QHash<QString, QPointF> moved;
            for (auto it = to.constBegin(); it != to.constEnd(); ++it)
                moved.insert(it.key(), it.value() + QPointF(step, step));
            scene->previewMove(moved, {}, {});
        });
        QElapsedTimer clock;
        clock.start();
        LabelPlacer::flush(scene.get()); // the pause after the drag
        placeMs = clock.nsecsElapsed() / 1e6;
        scene->endPreview();
        LabelPlacer::flush(scene.get());
        return ms;
    };
    const double drag50 = dragStep(50);
    const double place50 = placeMs;
    const double drag1 = dragStep(1);
    std::printf("%10d %6s %9.1f %9.1f %12.1f %12.1f %8.1f %9.1f\n", n, labels ? "yes" : "no",
                buildMs, paintMs, drag50 * 1000, drag1 * 1000, drag50 / drag1, place50);
}

/// Auto layout: GraphvizLayout::run (build the graph through the API, lay out, read every
/// centre and route back, place) against the bare library call on the same graph: agmemread
/// of the .dot we generate, gvLayout and gvFreeLayout, with a context made once outside.
/// With sfdp and zones the two do different work: the bare call ignores zones, ours lays each
/// zone out alone and then the zones as boxes (ZonedLayout); @p zones false drops the zones
/// from the input so that row compares the same work.
void measureLayout(int n, bool zones = true)
{
    std::unique_ptr<Diagram> d = generate(n);
    LayoutInput in = DiagramLayout::input(*d, {});
    if (!zones) {
        in.zoneIds.clear();
        for (LayoutNode &node : in.nodes)
            node.zones.clear();
    }
    const QByteArray dot = GraphvizLayout::toDot(in);
    const LayoutEngine used = GraphvizLayout::effectiveEngine(in.options, int(in.nodes.size()));
    const QByteArray engine = GraphvizLayout::engineName(used).toLatin1();
    static GVC_t *gvc = gvContext();
    const int runs = n >= 2000 ? 3 : n >= 1000 ? 5 : 9;
    bool ok = true;
    const double oursMs = medianMs(runs, [&] { ok = GraphvizLayout::run(in).ok && ok; });
    const double bareMs = medianMs(runs, [&] {
        std::srand(1); // as ours does, so both lay out the same sfdp drawing
        srand48(1);
        Agraph_t *g = agmemread(dot.constData());
        gvLayout(gvc, g, engine.constData());
        gvFreeLayout(gvc, g);
        agclose(g);
    });
    std::printf("%10d %11d %6s %9.1f %9.1f %9.1f%s%s\n", n, int(in.edges.size()),
                engine.constData(), oursMs, bareMs, 100.0 * (oursMs - bareMs) / bareMs,
                zones ? "" : "  (no zones)", ok ? "" : "  (layout failed)");
    std::fflush(stdout);
}

void layoutTable()
{
    std::printf("\nAuto layout (target overhead ≤ 10 %%; sfdp past %d components)\n",
                LayoutOptions().sizeThreshold);
    std::printf("%10s %11s %6s %9s %9s %9s\n", "components", "connections", "engine", "ours ms",
                "bare ms", "overhead");
    for (int n : {100, 500, 1000, 2000})
        measureLayout(n);
    measureLayout(2000, false);
}

// ---- design rules -------------------------------------------------------------------------

/// @p parts subsystems of @p size components with 3 connections per component between kinds
/// that can exchange a flow (as a user draws them; incompatible pairs are retried); with @p
/// bridged, one extra connection links each subsystem to the next, so the whole board is one
/// connected part (the re-check worst case).
std::unique_ptr<Diagram> generateRuleDiagram(int parts, int size, bool bridged)
{
    QRandomGenerator rng(7);
    auto d = std::make_unique<Diagram>();
    const Catalog &cat = Catalog::builtin();
    d->reserve(parts * size, parts * size * 3);
    int edge = 0;
    auto connect = [&](int from, int to) {
        const Component &a = d->components()[size_t(from)];
        const Component *b = &d->components()[size_t(to)];
        QStringList flows = cat.compatibleFlows(a.kind, b->kind);
        for (int retry = 0; retry < 20 && flows.isEmpty(); ++retry) {
            b = &d->components()[size_t(to - to % size + rng.bounded(size))];
            flows = cat.compatibleFlows(a.kind, b->kind);
        }
        Connection c;
        c.id = QStringLiteral("e%1").arg(edge);
        c.from = a.id;
        c.to = b->id;
        c.flow = flows.isEmpty() ? QStringLiteral("events") : flows[rng.bounded(flows.size())];
        d->insertConnection(edge++, c);
    };
    for (int i = 0; i < parts * size; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.kind = cat.kinds()[rng.bounded(int(cat.kinds().size()))].id;
        c.label = QStringLiteral("Component %1").arg(i);
        d->insertComponent(i, c);
    }
    for (int p = 0; p < parts; ++p) {
        for (int k = 0; k < size * 3 - (bridged ? 1 : 0); ++k)
            connect(p * size + rng.bounded(size), p * size + rng.bounded(size));
        if (bridged)
            connect(p * size, ((p + 1) % parts) * size);
    }
    return d;
}

/// Thread CPU time of @p fn in ms: on the shared build machine wall-clock times of a few ms
/// moved by 3× with the load, CPU time much less.
double threadCpuMs(const std::function<void()> &fn)
{
    timespec a{}, b{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
    fn();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
    return double(b.tv_sec - a.tv_sec) * 1e3 + double(b.tv_nsec - a.tv_nsec) / 1e6;
}

double medianThreadCpuMs(int runs, const std::function<void()> &fn)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
        times.push_back(threadCpuMs(fn));
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void printRulesRow(const char *shape, const Diagram &d, int findings, double fullMs,
                   double renameUs, double connectUs, double listUs)
{
    std::printf("%-10s %10zu %11zu %8d %9.1f %10.0f %11.0f %8.0f %8.0f\n", shape,
                d.components().size(), d.connections().size(), findings, fullMs, renameUs,
                connectUs, listUs, fullMs * 1000 / connectUs);
    std::fflush(stdout);
}

/// Full check, and re-checks after a rename and after adding a connection (medians).
void measureRules(const char *shape, bool bridged)
{
    std::unique_ptr<Diagram> d = generateRuleDiagram(200, 50, bridged);
    RuleEngine engine;
    int findings = 0;
    const double fullMs = medianThreadCpuMs(7, [&] { findings = int(engine.check(*d).size()); });
    QRandomGenerator rng(11);
    std::vector<double> rename, connect;
    for (int i = 0; i < 60; ++i) {
        Component c = d->components()[rng.bounded(int(d->components().size()))];
        c.label += QLatin1Char('!');
        d->updateComponent(c);
        rename.push_back(1000 * threadCpuMs([&] { engine.recheck(*d, {c.id}, {}); }));

        const int from = rng.bounded(int(d->components().size()));
        Connection e;
        e.id = QStringLiteral("bench%1").arg(i);
        e.from = d->components()[size_t(from)].id;
        e.to = d->components()[size_t(from - from % 50 + rng.bounded(50))].id;
        e.flow = QStringLiteral("features");
        d->insertConnection(0, e);
        connect.push_back(1000 * threadCpuMs([&] { engine.recheck(*d, {}, {e.id}); }));
        d->takeConnection(e.id);
        engine.recheck(*d, {}, {e.id});
    }
    const double listUs = 1000 * medianThreadCpuMs(21, [&] { engine.findings(); });
    printRulesRow(shape, *d, findings, fullMs, median(rename), median(connect), listUs);
}

/// Designs that must stay bounded (issue 16): @p n online services in one line of
/// synchronous calls behind one client ("chain"), one client calling @p n services ("fan"),
/// or @p n clients sharing one service and its feature store ("clients"). Re-checks add and
/// remove a call at the far end (the deepest place for latency paths).
std::unique_ptr<Diagram> generateBoundedDiagram(const QString &shape, int n)
{
    auto d = std::make_unique<Diagram>();
    d->reserve(n + 2, n + 2);
    int components = 0, connections = 0;
    auto add = [&](const char *kind) {
        Component c;
        c.id = QStringLiteral("c%1").arg(components);
        c.kind = QString::fromLatin1(kind);
        c.label = QStringLiteral("Component %1").arg(components);
        d->insertComponent(components++, c);
        return c.id;
    };
    auto link = [&](const QString &from, const QString &to, const char *flow) {
        Connection c;
        c.id = QStringLiteral("e%1").arg(connections);
        c.from = from;
        c.to = to;
        c.flow = QString::fromLatin1(flow);
        d->insertConnection(connections++, c);
    };
    if (shape == QLatin1String("chain")) {
        QString prev = add("client");
        for (int i = 1; i < n; ++i) {
            const QString next = add("service");
            link(prev, next, "requests");
            prev = next;
        }
    } else if (shape == QLatin1String("fan")) {
        const QString client = add("client");
        for (int i = 1; i < n; ++i)
            link(client, add("service"), "requests");
    } else {
        const QString server = add("model_server");
        const QString store = add("online_feature_store");
        link(store, server, "features");
        for (int i = 2; i < n; ++i)
            link(add("client"), server, "requests");
    }
    return d;
}

void measureBounded(const char *shape, int n)
{
    std::unique_ptr<Diagram> d = generateBoundedDiagram(QString::fromLatin1(shape), n);
    RuleEngine engine;
    int findings = 0;
    const double fullMs = medianThreadCpuMs(5, [&] { findings = int(engine.check(*d).size()); });
    std::vector<double> rename, connect;
    const QString last = d->components().back().id;
    for (int i = 0; i < 21; ++i) {
        Component c = d->components()[size_t(i * 7 % n)];
        c.label += QLatin1Char('!');
        d->updateComponent(c);
        rename.push_back(1000 * threadCpuMs([&] { engine.recheck(*d, {c.id}, {}); }));
        Connection e;
        e.id = QStringLiteral("bench%1").arg(i);
        e.from = last;
        e.to = d->components()[size_t(i % 2)].id;
        e.flow = QStringLiteral("requests");
        d->insertConnection(0, e);
        connect.push_back(1000 * threadCpuMs([&] { engine.recheck(*d, {}, {e.id}); }));
        d->takeConnection(e.id);
        engine.recheck(*d, {}, {e.id});
    }
    const double listUs = 1000 * medianThreadCpuMs(21, [&] { engine.findings(); });
    printRulesRow(shape, *d, findings, fullMs, median(rename), median(connect), listUs);
}

/// Where a full check of the connected 10k/30k design spends its time: building the rule
/// graph, and each graph rule alone on it (median thread CPU ms of 5).
void rulesProfile()
{
    std::unique_ptr<Diagram> d = generateRuleDiagram(200, 50, true);
    const Catalog &cat = Catalog::builtin();
    std::printf("\nRules profile, connected 10k/30k, thread CPU ms (median of 5)\n");
    std::printf("%-28s %8.2f\n", "rule graph (whole)",
                medianThreadCpuMs(5, [&] { RuleGraph::whole(*d, cat); }));
    RuleEngine engine;
    std::printf("%-28s %8.2f\n", "full check (RuleEngine)",
                medianThreadCpuMs(5, [&] { engine.check(*d); }));
    const RuleGraph g = RuleGraph::whole(*d, cat);
    for (const Rule &r : RulePack::core()) {
        const CheckType *c = findCheck(r.check);
        if (!c->global)
            continue;
        int found = 0;
        const double ms = medianThreadCpuMs(5, [&] {
            QVector<Finding> out;
            c->global(CheckContext{g, r, r.severity}, out);
            found = int(out.size());
        });
        std::printf("%-8s %-19s %8.2f %6d findings\n", qPrintable(r.id), c->name, ms, found);
    }
}

/// Heap in use (mallinfo2), in bytes.
double heapBytes()
{
    return double(mallinfo2().uordblks);
}

/// What the first check's findings cost in memory (issue 16), on the window's 10k board and on
/// the connected 10k/30k rules board: the engine's kept result, the rule controller (its own
/// engine included; "ctl - eng" is what it adds to it), and the Problems dock's rows on screen
/// (heap in use before and after each).
void findingsMemory()
{
    // Large blocks (the finding list) are mmapped, uncounted by mallinfo2's heap, until glibc's
    // threshold grows past them after the first is freed: the engine's row then missed its list
    // and the controller's counted it. A fixed threshold keeps every block on the heap.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    std::printf("\nFindings memory (heap in use, mallinfo2): bytes per component / per finding\n");
    std::printf("%-12s %10s %8s %14s %14s %14s %14s %14s %9s\n", "board", "components", "findings",
                "engine", "controller", "ctl - eng", "+ dock", "a sorted copy", "KB/comp");
    auto row = [](const char *name, const Diagram &d) {
        const double n = double(d.components().size());
        int found = 0;
        double engineBytes = 0;
        {
            RuleEngine engine;
            const double base = heapBytes();
            found = int(engine.check(d).size());
            engineBytes = heapBytes() - base;
        }
        const double before = heapBytes();
        RuleController rules;
        rules.setDocument(const_cast<Diagram *>(&d), nullptr);
        const double controllerBytes = heapBytes() - before;
        double copyBytes = 0; // what the controller held before it shared the engine's list
        {
            const double beforeCopy = heapBytes();
            QVector<Finding> copy = rules.findings();
            copy.detach();
            copyBytes = heapBytes() - beforeCopy;
        }
        double dockBytes = 0;
        {
            const double beforeDock = heapBytes();
            ProblemsPanel panel(&rules);
            panel.resize(900, 300);
            panel.show();
            QCoreApplication::processEvents();
            panel.grab();
            dockBytes = heapBytes() - beforeDock;
        }
        const double addedBytes = controllerBytes - engineBytes;
        std::printf("%-12s %10.0f %8d %7.0f / %4.0f %7.0f / %4.0f %7.0f / %4.0f %7.0f / %4.0f "
                    "%7.0f / %4.0f %9.2f\n",
                    name, n, found, engineBytes / n, engineBytes / found, controllerBytes / n,
                    controllerBytes / found, addedBytes / n, addedBytes / found, dockBytes / n,
                    dockBytes / found, copyBytes / n, copyBytes / found,
                    (controllerBytes + dockBytes) / n / 1024);
    };
    std::unique_ptr<Diagram> window = generate(10000);
    row("window 10k", *window);
    std::unique_ptr<Diagram> rules = generateRuleDiagram(200, 50, true);
    row("rules 10k", *rules);
}

void rulesTable()
{
    std::printf(
        "\nDesign rules, thread CPU time (targets: full check of 10k/30k ≤ 35 ms, re-check after "
        "one edit ≤ 1 ms; list = copying out the finding list, part of every re-check; ratio = "
        "full / re-check after connect)\n");
    std::printf("%-10s %10s %11s %8s %9s %10s %11s %8s %8s\n", "shape", "components", "connections",
                "findings", "full ms", "rename µs", "connect µs", "list µs", "ratio");
    measureRules("200 parts", false);
    measureRules("connected", true);
    measureBounded("chain", 10000);
    measureBounded("fan", 1001);
    measureBounded("clients", 5000);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory of the rules run: %.0f MB\n", double(usage.ru_maxrss) / 1024.0);
}

// ---- export --------------------------------------------------------------------------------

/// SVG or PNG of a square board of @p n components: ours (build the scene, draw, encode, write
/// the file) against Graphviz's own renderer on the same positioned graph, `neato -n2` on our
/// DOT with every node pinned (`pos="x,y!"`), drawing the same 1 px = 1 pt picture (PNG at
/// -Gdpi=72 so both images have the same size). The two alternate, run by run, so a change of
/// load on the shared machine weighs on both sides of the ratio alike.
void measureExport(int n, const QString &neato, const QStringList &formats)
{
    std::unique_ptr<Diagram> d = generate(n, int(std::ceil(std::sqrt(double(n)))));
    QTemporaryDir dir;
    const QString dot = dir.filePath(QStringLiteral("positioned.dot"));
    QSaveFile file(dot);
    file.open(QIODevice::WriteOnly);
    file.write(DotExport::toDot(*d, {true}));
    file.commit();
    for (const QString &format : formats) {
        const QString ours = dir.filePath(QStringLiteral("ours.") + format);
        const QString theirs = dir.filePath(QStringLiteral("graphviz.") + format);
        QString error;
        bool ok = true;
        QStringList args{QStringLiteral("-n2"), QStringLiteral("-T") + format, dot,
                         QStringLiteral("-o"), theirs};
        if (format == QLatin1String("png"))
            args << QStringLiteral("-Gdpi=72");
        int exit = 0;
        std::vector<double> oursMs;
        std::vector<double> gvMs;
        for (int run = 0; run < (format == QLatin1String("svg") ? 5 : 3); ++run) {
            oursMs.push_back(medianMs(1, [&] { ok = ExportWriter::write(*d, ours, {}, &error); }));
            gvMs.push_back(medianMs(1, [&] { exit = QProcess::execute(neato, args); }));
        }
        std::sort(oursMs.begin(), oursMs.end());
        std::sort(gvMs.begin(), gvMs.end());
        const double oursMedian = oursMs[oursMs.size() / 2];
        const double gvMedian = gvMs[gvMs.size() / 2];
        const QSize px = SceneExporter(d.get(), {}).imageSize();
        std::printf("%10d %11d %6s %9.0f %11.0f %6.2f %8.1f %8.1f %6d×%d px%s\n", n,
                    int(d->connections().size()), qPrintable(format), oursMedian, gvMedian,
                    oursMedian / gvMedian, double(QFileInfo(ours).size()) / 1e6,
                    double(QFileInfo(theirs).size()) / 1e6, px.width(), px.height(),
                    ok && exit == 0 ? "" : "  (failed)");
        if (!ok)
            std::printf("  %s\n", qPrintable(error));
        std::fflush(stdout);
    }
}

/// @p formats: "svg", "png" or both.
void exportTable(const QStringList &formats = {QStringLiteral("svg"), QStringLiteral("png")})
{
    const QString neato = QStandardPaths::findExecutable(QStringLiteral("neato"));
    std::printf("\nExport (ratio = ours / Graphviz neato -n2 on the same positioned graph; "
                "target ≤ 1.0)\n");
    if (neato.isEmpty()) {
        std::printf("neato not found: install the graphviz package\n");
        return;
    }
    std::printf("%10s %11s %6s %9s %11s %6s %8s %8s\n", "components", "connections", "format",
                "ours ms", "graphviz ms", "ratio", "ours MB", "gv MB");
    for (int n : {1000, 5000})
        measureExport(n, neato, formats);
}

void boardTable()
{
    std::printf("\nBoard (target: one drag step of 50 selected among 10k ≤ 8 ms; labels: every "
                "connection labelled)\n");
    std::printf("%10s %6s %9s %9s %12s %12s %8s %9s\n", "components", "labels", "build ms",
                "paint ms", "drag50 µs", "drag1 µs", "ratio", "place ms");
    for (int n : {1000, 10000}) {
        measureBoard(n, false);
        measureBoard(n, true);
    }
}

// ---- the window ----------------------------------------------------------------------------

/// Resident set size now, in bytes (Linux: second field of /proc/self/statm, in pages).
double residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) : 0;
}

/// With MLSKETCH_BENCH_PHASES set, the window rows print, after each phase, the resident set,
/// its peak and the heap in use (malloc's own count, mapped chunks included) to stderr: where
/// the memory of an open goes, phase by phase, without a profiler.
void reportPhase(const char *phase)
{
    static const bool wanted = qEnvironmentVariableIsSet("MLSKETCH_BENCH_PHASES");
    if (!wanted)
        return;
    const struct mallinfo2 heap = mallinfo2();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::fprintf(stderr, "phase %-12s rss %7.1f MB  peak %7.1f MB  heap in use %7.1f MB\n", phase,
                 residentBytes() / 1048576.0, double(usage.ru_maxrss) / 1024.0,
                 double(heap.uordblks + heap.hblkhd) / 1048576.0);
}

/// CPU time of this process in ms: the machine is shared, so the window rows (which have no
/// reference to divide by) count the work done rather than the wall clock.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double medianCpuMs(int runs, const std::function<void()> &fn)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const double start = cpuMs();
        fn();
        times.push_back(cpuMs() - start);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Counts paint events of the board's viewport: the first frame after opening a file.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

struct WindowRow
{
    double openMs = 0, openWallMs = 0, paintMs = 0, selectAllMs = 0, emptyMb = 0, peakMb = 0;
    double findingsMs = 0;     ///< open until the first check's findings are in the Problems dock
    double changedPaintMs = 0; ///< a repaint after a change: the far-zoom batches read anew
    double deleteAllMs = 0;    ///< Delete after select all, until the window has caught up
    double undoDeleteMs = 0;   ///< undo of that delete
};

/// The real MainWindow, offscreen at 1920×1080: open a file of @p n components until the first
/// frame of the board is painted, one full repaint at fit, select all (Ctrl+A, with the
/// inspector and every listener following), and memory over the empty window.
WindowRow measureWindow(int n)
{
    WindowRow row;
    QStandardPaths::setTestModeEnabled(true); // recent files and settings stay out of the user's
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("window.mlsketch"));
    {
        std::unique_ptr<Diagram> d = generate(n);
        QString error;
        DiagramWriter::save(*d, path, &error);
    }
    MainWindow window;
    window.resize(1920, 1080);
    window.show();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    row.emptyMb = residentBytes() / (1024.0 * 1024.0);
    reportPhase("empty");

    PaintCounter counter;
    window.view()->viewport()->installEventFilter(&counter);
    QElapsedTimer clock;
    clock.start();
    const double openStart = cpuMs();
    QString error;
    if (!window.openFile(path, &error)) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(error));
        return row;
    }
    reportPhase("opened");
    while (counter.paints == 0 && clock.elapsed() < 60000)
        QCoreApplication::processEvents();
    row.openMs = cpuMs() - openStart;
    reportPhase("first frame");
    row.openWallMs = double(clock.nsecsElapsed()) / 1e6;
    // The first check runs after the first frame: until its findings are in the dock and
    // on the board, painted.
    const RuleController *rules = window.designReview()->rules();
    while (rules->isPending() && clock.elapsed() < 60000)
        QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    row.findingsMs = cpuMs() - openStart;
    reportPhase("findings");
    for (int i = 0; i < 20; ++i) // the deferred work after the first frame (fit)
        QCoreApplication::processEvents();
    reportPhase("settled");
    row.paintMs = medianCpuMs(5, [&] { window.view()->viewport()->repaint(); });
    const int paintsBefore = counter.paints;
    row.changedPaintMs = medianCpuMs(5, [&] {
        // What every change of an item posts to the scene (and no change's own work, such as
        // the minimap's): the view reads the items again on its next paint.
        QMetaObject::invokeMethod(
            window.scene(), [] {}, Qt::QueuedConnection);
        QCoreApplication::sendPostedEvents(window.scene(), QEvent::MetaCall);
        window.view()->viewport()->repaint();
    });
    if (counter.paints - paintsBefore != 5)
        std::fprintf(stderr, "%d paints for 5 changes\n", counter.paints - paintsBefore);
    std::vector<double> selectAll;
    for (int i = 0; i < 3; ++i) {
        window.scene()->clearSelection();
        QCoreApplication::processEvents();
        const double start = cpuMs();
        window.editActions()->selectAll(); // what Ctrl+A does
        QCoreApplication::processEvents();
        selectAll.push_back(cpuMs() - start);
    }
    std::sort(selectAll.begin(), selectAll.end());
    row.selectAllMs = selectAll[1];
    reportPhase("select all");
    rusage usage{}; // the window's peak: the delete below keeps a copy of the board for its undo
    getrusage(RUSAGE_SELF, &usage);
    row.peakMb = double(usage.ru_maxrss) / 1024.0;
    // Delete what select all selected, and undo it: every listener of the model's per-element
    // signals follows 25,000 of them on 10k (the window froze for a minute on 5,000 cards).
    window.editActions()->selectAll();
    QCoreApplication::processEvents();
    double start = cpuMs();
    window.editActions()->deleteSelection(); // what Delete does
    QCoreApplication::processEvents();
    row.deleteAllMs = cpuMs() - start;
    start = cpuMs();
    window.undoStack()->undo();
    QCoreApplication::processEvents();
    row.undoDeleteMs = cpuMs() - start;
    return row;
}

/// The child of windowTable(): measures the window on @p n components and writes the row to
/// the pipe @p fd.
int windowRow(int n, int fd)
{
    const WindowRow row = measureWindow(n);
    return write(fd, &row, sizeof row) == ssize_t(sizeof row) ? 0 : 1;
}

void windowTable()
{
    std::printf("\nThe window (offscreen MainWindow at 1920×1080, CPU ms; targets: open 10k "
                "until the first frame ≤ 500 ms, select all ≤ 50 ms, ≤ 5 KB per component over "
                "the empty window; findings ms: open until the first check's findings are "
                "shown; paint ms: a repaint at fit, changed ms: one after a change of the "
                "scene; delete ms: Delete after select all, undo ms: its undo)\n");
    std::printf("%10s %9s %9s %11s %9s %13s %9s %9s %8s %10s %9s %9s\n", "components", "open ms",
                "wall ms", "findings ms", "paint ms", "select all ms", "empty MB", "peak MB",
                "KB/comp", "changed ms", "delete ms", "undo ms");
    for (int n : {5000, 10000}) {
        int fds[2];
        if (pipe(fds) != 0)
            return;
        std::fflush(stdout);
        const pid_t pid = fork();
        if (pid == 0) {
            // A fresh process (exec, not only fork), so its peak memory is this window's alone:
            // a forked child inherits the parent's heap, and the window would grow into what the
            // tables before it freed (the full run's KB/comp came out at a third).
            close(fds[0]);
            const QByteArray size = QByteArray::number(n), fd = QByteArray::number(fds[1]);
            execl("/proc/self/exe", "mlsketch_bench", "--window-row", size.constData(),
                  fd.constData(), static_cast<char *>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        WindowRow row;
        const bool got = read(fds[0], &row, sizeof row) == ssize_t(sizeof row);
        close(fds[0]);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!got) {
            std::printf("%10d  failed\n", n);
            continue;
        }
        std::printf("%10d %9.1f %9.1f %11.1f %9.1f %13.1f %9.1f %9.1f %8.2f %10.1f %9.1f %9.1f\n",
                    n, row.openMs, row.openWallMs, row.findingsMs, row.paintMs, row.selectAllMs,
                    row.emptyMb, row.peakMb, (row.peakMb - row.emptyMb) * 1024.0 / n,
                    row.changedPaintMs, row.deleteAllMs, row.undoDeleteMs);
        std::fflush(stdout);
    }
}

} // namespace

// ---- practice ------------------------------------------------------------------------------

/// An attempt of about @p n components: copies of every reference design side by side, ids
/// renamed, so the grader sees many candidates for each slot and many paths.
std::unique_ptr<Diagram> practiceAttempt(int n)
{
    auto d = std::make_unique<Diagram>();
    for (int copy = 0; int(d->components().size()) < n; ++copy) {
        for (const QString &id : ProblemSet::ids()) {
            const ReadResult r = DiagramReader::readFile(ProblemSet::referencePath(id));
            for (Component c : r.diagram->components()) {
                if (int(d->components().size()) >= n)
                    break;
                c.id = QStringLiteral("%1_%2_%3").arg(id).arg(copy).arg(c.id);
                d->insertComponent(int(d->components().size()), c);
            }
            for (Connection c : r.diagram->connections()) {
                c.id = QStringLiteral("%1_%2_%3").arg(id).arg(copy).arg(c.id);
                c.from = QStringLiteral("%1_%2_%3").arg(id).arg(copy).arg(c.from);
                c.to = QStringLiteral("%1_%2_%3").arg(id).arg(copy).arg(c.to);
                if (d->component(c.from) && d->component(c.to))
                    d->insertConnection(int(d->connections().size()), c);
            }
            if (int(d->components().size()) >= n)
                break;
        }
    }
    return d;
}

void practiceTable()
{
    std::printf("\nPractice grading (target: a 200-component attempt ≤ 20 ms; ratio = grade / "
                "the full rule check it includes)\n");
    std::printf("%10s %11s %22s %9s %9s %6s\n", "components", "connections", "problem", "grade ms",
                "rules ms", "ratio");
    const Problem &p = *ProblemSet::find(QStringLiteral("video_recommendation"));
    for (int n : {200, 1000}) {
        const auto d = practiceAttempt(n);
        int score = 0;
        const double gradeMs = medianMs(9, [&] { score = Grader::grade(*d, p).score; });
        const double rulesMs = medianMs(9, [&] {
            RuleEngine engine;
            engine.check(*d);
        });
        std::printf("%10zu %11zu %22s %9.2f %9.2f %6.2f   (score %d)\n", d->components().size(),
                    d->connections().size(), qPrintable(p.id), gradeMs, rulesMs, gradeMs / rulesMs,
                    score);
    }
}

int main(int argc, char *argv[])
{
    configureAllocator(); // what the app's main() does first: every table measures the app's heap
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::vector<int> sizes{1000, 10000, 100000};
    if (argc > 1 && QByteArray(argv[1]) == "--quick")
        sizes = {1000, 10000};
    g_ioOnly = argc > 1 && QByteArray(argv[1]) == "--io"; // the load/save columns alone
    Catalog::builtin();
    if (argc > 1 && QByteArray(argv[1]) == "--rules-profile") {
        rulesProfile();
        return 0;
    }
    if (argc > 1 && QByteArray(argv[1]) == "--findings-memory") {
        findingsMemory();
        return 0;
    }
    if (argc > 1 && QByteArray(argv[1]) == "--rules-only") {
        rulesTable();
        return 0;
    }
    if (argc > 1 && QByteArray(argv[1]) == "--export") { // the export table alone
        const QString format = argc > 2 ? QString::fromLatin1(argv[2]) : QString();
        if (!format.isEmpty() && format != QLatin1String("svg") && format != QLatin1String("png")) {
            std::fprintf(stderr, "usage: mlsketch_bench --export [svg|png]\n");
            return 2;
        }
        if (format.isEmpty())
            exportTable();
        else
            exportTable({format}); // one format: --export svg
        return 0;
    }
    if (argc > 1 && QByteArray(argv[1]) == "--board") { // the board table alone
        boardTable();
        return 0;
    }
    if (argc > 1 && QByteArray(argv[1]) == "--practice") { // the practice table alone
        practiceTable();
        return 0;
    }
    if (argc > 3 && QByteArray(argv[1]) == "--window-row") // windowTable()'s child
        return windowRow(QByteArray(argv[2]).toInt(), QByteArray(argv[3]).toInt());
    if (argc > 1 && QByteArray(argv[1]) == "--window") { // the window table alone
        windowTable();
        return 0;
    }
    if (argc > 1 && QByteArray(argv[1]) == "--layout") { // the layout table alone
        layoutTable();
        return 0;
    }

    std::printf("mlsketch_bench — median of several runs; ratio = ours / bare nlohmann on the "
                "same bytes\n\n");
    std::printf("%10s %11s %8s %9s %6s %9s %6s %11s %11s %9s\n", "components", "connections",
                "file MB", "load ms", "ratio", "save ms", "ratio", "undo op/s", "redo op/s",
                "peak MB");
    for (int n : sizes) {
        int fds[2];
        if (pipe(fds) != 0)
            return 1;
        const pid_t pid = fork();
        if (pid == 0) {
            close(fds[0]);
            const Row row = measure(n);
            if (write(fds[1], &row, sizeof row) != ssize_t(sizeof row))
                _exit(1);
            _exit(0);
        }
        close(fds[1]);
        Row row;
        const bool got = read(fds[0], &row, sizeof row) == ssize_t(sizeof row);
        close(fds[0]);
        int status = 0;
        rusage usage{};
        wait4(pid, &status, 0, &usage);
        if (!got) {
            std::printf("%10d  failed\n", n);
            continue;
        }
        if (g_ioOnly) // no undo/redo run: its columns would be empty
            std::printf("%10d %11d %8.1f %9.1f %6.2f %9.1f %6.2f %11s %11s %9.0f\n", row.components,
                        row.connections, row.megabytes, row.loadMs, row.loadMs / row.parseMs,
                        row.saveMs, row.saveMs / row.dumpMs, "-", "-",
                        double(usage.ru_maxrss) / 1024.0);
        else
            std::printf("%10d %11d %8.1f %9.1f %6.2f %9.1f %6.2f %11.0f %11.0f %9.0f\n",
                        row.components, row.connections, row.megabytes, row.loadMs,
                        row.loadMs / row.parseMs, row.saveMs, row.saveMs / row.dumpMs,
                        row.undoOpsPerSec, row.redoOpsPerSec, double(usage.ru_maxrss) / 1024.0);
        std::fflush(stdout);
    }
    if (g_ioOnly)
        return 0;

    boardTable();
    windowTable();
    layoutTable();
    rulesTable();
    practiceTable();
    exportTable();
    return 0;
}
