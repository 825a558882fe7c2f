// SPDX-License-Identifier: MIT
// mlsketch_text_bench: the design-as-text figures of issue 14.
//  1. Re-parsing and applying a 1,000-line text after a one-line edit (what the Text dock does
//     after each pause), against reading the same design from its JSON file.
//  2. Importing a 2,000-node DOT graph (cgraph read, kinds, flows, Graphviz layout) against
//     laying out the same design alone.
// Times are medians of several runs in this process.

#include "Catalog.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "import/DiagramImport.h"
#include "import/DotGraphReader.h"
#include "layout/DiagramLayout.h"
#include "text/TextApply.h"
#include "text/TextParser.h"
#include "text/TextWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace mls;

namespace {

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

/// A chain-and-branch design of @p n components with about as many connections, laid out on a
/// grid: its text form has about 2n lines.
std::unique_ptr<Diagram> generate(int n)
{
    QRandomGenerator rng(7);
    auto d = std::make_unique<Diagram>();
    const QStringList kinds{"event_stream", "stream_processor", "cache", "monitoring"};
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.kind = kinds[i % kinds.size()];
        c.label = QStringLiteral("Component %1").arg(i);
        c.pos = QPointF((i % 40) * 260, (i / 40) * 120);
        d->insertComponent(i, c);
    }
    int e = 0;
    for (int i = 1; i < n; ++i) {
        const QString &from = d->components()[size_t(i - 1)].kind;
        const QString &to = d->components()[size_t(i)].kind;
        const QStringList flows = Catalog::builtin().compatibleFlows(from, to);
        if (flows.isEmpty())
            continue;
        Connection c;
        c.id = QStringLiteral("e%1").arg(++e);
        c.from = d->components()[size_t(i - 1)].id;
        c.to = d->components()[size_t(i)].id;
        c.flow = flows[int(rng.bounded(int(flows.size())))];
        d->insertConnection(int(d->connections().size()), c);
    }
    return d;
}

void textEditRow()
{
    auto d = generate(560);
    const QString text = TextWriter::toText(*d);
    const int lines = int(text.count(QLatin1Char('\n')));
    const QByteArray json = DiagramWriter::write(*d);
    QUndoStack stack;
    int round = 0;
    const double apply = medianMs(15, [&] {
        // One line changes: a component's label.
        QString edited = text;
        edited.replace(QStringLiteral("\"Component 280\""),
                       QStringLiteral("\"Edited %1\"").arg(++round));
        const TextParseResult r = TextParser::parse(edited);
        if (QUndoCommand *c = TextApply::command(d.get(), *r.diagram))
            stack.push(c);
    });
    const double read = medianMs(15, [&] { DiagramReader::read(json, QStringLiteral("b")); });
    std::printf("text edit: %d lines, parse + apply %.2f ms (target <= 20 ms); JSON read of the "
                "same design %.2f ms; ratio %.2f\n",
                lines, apply, read, apply / read);
}

void importRow()
{
    // A 2,000-node DOT graph with product names, clusters and labelled edges.
    QByteArray dot = "digraph big { rankdir=LR;\n";
    const char *names[] = {"Kafka", "Flink job", "Redis", "Grafana", "Model server", "Billing"};
    const int n = 2000;
    for (int z = 0; z < 10; ++z) {
        dot += "subgraph cluster_" + QByteArray::number(z) + " { label=\"Zone " +
               QByteArray::number(z) + "\";\n";
        for (int i = z * (n / 10); i < (z + 1) * (n / 10); ++i)
            dot += "n" + QByteArray::number(i) + " [label=\"" + names[i % 6] + " " +
                   QByteArray::number(i) + "\"];\n";
        dot += "}\n";
    }
    for (int i = 1; i < n; ++i)
        dot += "n" + QByteArray::number(i - 1) + " -> n" + QByteArray::number(i) +
               (i % 3 == 0 ? " [label=\"events\"]" : "") + ";\n";
    dot += "}\n";
    std::unique_ptr<Diagram> imported;
    const double import = medianMs(3, [&] {
        imported =
            DiagramImport::importBytes(dot, ImportFormat::Dot, QStringLiteral("big.dot")).diagram;
    });
    const double layout = medianMs(3, [&] { DiagramLayout::apply(*imported, {}); });
    QString error;
    std::optional<ImportedGraph> graph;
    const double read = medianMs(3, [&] { graph = DotGraphReader::parse(dot, &error); });
    const double kinds = medianMs(3, [&] { DiagramImport::fromGraph(*graph, false); });
    std::printf("import parts: cgraph read %.1f ms, kinds/flows/zones %.1f ms\n", read, kinds);
    std::printf("import: %d-node DOT %.1f ms; laying out the same design %.1f ms; ratio %.3f "
                "(target <= 1.1)\n",
                n, import, layout, import / layout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    initCoreResources();
    textEditRow();
    importRow();
    return 0;
}
