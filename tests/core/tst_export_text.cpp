// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Catalog.h"
#include "DesignSteps.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "export/DotExport.h"
#include "export/ExportFormat.h"
#include "export/MermaidExport.h"
#include "export/ReviewExport.h"

#include <graphviz/cgraph.h>

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace mls;
using namespace mls::test;

namespace {

const QString templateFile =
    QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");

/// Labels that break naive exporters: markup, quotes, escapes, separators, Unicode.
void addNastyLabels()
{
    QTest::addColumn<QString>("label");
    QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>");
    QTest::newRow("quotes") << QStringLiteral("say \"hi\" & 'bye'");
    QTest::newRow("backslashes") << QStringLiteral("C:\\models\\ and \\N \\n");
    QTest::newRow("trailing backslash") << QStringLiteral("ends with \\");
    QTest::newRow("newline") << QStringLiteral("two\nlines");
    QTest::newRow("dot syntax") << QStringLiteral("a -> b; } { [label=x]");
    QTest::newRow("mermaid syntax") << QStringLiteral("end --> x | y %% z #quot; `code`");
    QTest::newRow("markdown") << QStringLiteral("*bold* _it_ [link](http://x) ![img](y) $x$ ~s~");
    QTest::newRow("entities") << QStringLiteral("&lt;b&gt; &amp; &#65;");
    QTest::newRow("unicode") << QStringLiteral("Ранжирование — 排序 🚀");
}

/// A diagram whose title, component, connection and zone all carry @p label.
void fillLabelled(Diagram &d, const QString &label)
{
    Meta meta;
    meta.title = label;
    d.setMeta(meta);
    d.insertComponent(0, component("client", "client", {0, 0}, label));
    d.insertComponent(1, component("api", "api_gateway", {300, 0}, "API"));
    Connection e = connection("e1", "client", "api", "requests");
    e.label = label;
    d.insertConnection(0, e);
    Group g;
    g.id = "g1";
    g.label = label;
    g.members = {"client", "api"};
    d.insertGroup(0, g);
}

/// What Graphviz draws for an escString attribute (`\\` → `\`, `\n` → newline).
QString unescapeDot(const QString &s)
{
    QString out;
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const QChar next = s[++i];
            out += next == 'n' ? QChar('\n') : next;
        } else {
            out += s[i];
        }
    }
    return out.replace(QLatin1String("&amp;"), QLatin1String("&"));
}

QString attr(void *object, const char *name)
{
    char *value = agget(object, const_cast<char *>(name));
    return value ? QString::fromUtf8(value) : QString();
}

/// Every text node of an SVG document, in order.
QStringList svgTexts(const QByteArray &svg)
{
    QXmlStreamReader xml(svg);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    if (xml.hasError())
        texts << QStringLiteral("XML ERROR: ") + xml.errorString();
    return texts;
}

/// Decodes what Mermaid shows for a label written by MermaidExport.
QString unescapeMermaid(QString s)
{
    s.replace(QLatin1String("<br/>"), QLatin1String("\n"));
    static const QRegularExpression entity(QStringLiteral("#(quot|lt|gt|amp|\\d+);"));
    QString out;
    int at = 0;
    for (auto it = entity.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += s.mid(at, m.capturedStart() - at);
        const QString e = m.captured(1);
        out += e == u"quot"  ? QChar('"')
               : e == u"lt"  ? QChar('<')
               : e == u"gt"  ? QChar('>')
               : e == u"amp" ? QChar('&')
                             : QChar(e.toInt());
        at = int(m.capturedEnd());
    }
    return out + s.mid(at);
}

/// Decodes a Markdown cell written by ReviewExport::escape back to the text it shows.
QString unescapeMarkdown(QString s)
{
    s.replace(QLatin1String("<br>"), QLatin1String("\n"));
    QString out;
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1].isPunct())
            out += s[++i];
        else if (s[i] == '\\' && i + 1 < s.size() && s[i + 1].isSymbol())
            out += s[++i];
        else
            out += s[i];
    }
    out.replace(QLatin1String("&lt;"), QLatin1String("<"));
    out.replace(QLatin1String("&gt;"), QLatin1String(">"));
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

/// How often @p what occurs in @p md outside backslash escapes.
int unescapedCount(const QString &md, const QString &what)
{
    int n = 0;
    for (int i = 0; i < md.size(); ++i) {
        if (md[i] == '\\')
            ++i;
        else if (QStringView(md).mid(i).startsWith(what))
            ++n;
    }
    return n;
}

/// The cells of a Markdown table row, split at unescaped pipes.
QStringList tableCells(const QString &row)
{
    QStringList cells;
    QString cell;
    for (int i = 0; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size()) {
            cell += row[i];
            cell += row[++i];
        } else if (row[i] == '|') {
            cells << cell.trimmed();
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    cells.removeFirst(); // before the leading pipe
    return cells;
}

} // namespace

/// DOT, Mermaid and the Markdown review: pure text from the document.
class TestExportText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(Catalog::loadBuiltin(nullptr)); }
    void formatFromPath_data();
    void formatFromPath();
    void dotReadsBack();
    void dotEscaping_data() { addNastyLabels(); }
    void dotEscaping();
    void dotRendersLabels_data() { addNastyLabels(); }
    void dotRendersLabels();
    void dotPositions();
    void mermaidStructure();
    void mermaidEscaping_data() { addNastyLabels(); }
    void mermaidEscaping();
    void mermaidIds();
    void reviewSections();
    void reviewStepsOnlyWhenWritten();
    void reviewFindings();
    void reviewWithoutClients();
    void reviewEscaping_data() { addNastyLabels(); }
    void reviewEscaping();
    void reviewBlockEscaping_data();
    void reviewBlockEscaping();
};

void TestExportText::formatFromPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format"); // -1: unknown
    QTest::newRow("png") << "out/board.png" << int(ExportFormat::Png);
    QTest::newRow("upper case") << "BOARD.SVG" << int(ExportFormat::Svg);
    QTest::newRow("pdf") << "a.b.pdf" << int(ExportFormat::Pdf);
    QTest::newRow("dot") << "g.dot" << int(ExportFormat::Dot);
    QTest::newRow("gv") << "g.gv" << int(ExportFormat::Dot);
    QTest::newRow("mermaid") << "g.mmd" << int(ExportFormat::Mermaid);
    QTest::newRow("markdown") << "review.md" << int(ExportFormat::Markdown);
    QTest::newRow("jpeg") << "photo.jpg" << -1;
    QTest::newRow("none") << "README" << -1;
}

void TestExportText::formatFromPath()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto f = ExportFormats::fromPath(path);
    QCOMPARE(f ? int(*f) : -1, format);
    QCOMPARE(ExportFormats::extensionList(),
             QStringLiteral(".png, .svg, .pdf, .dot, .mmd, .md or .mls"));
}

void TestExportText::dotReadsBack()
{
    const ReadResult read = DiagramReader::readFile(templateFile);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const Diagram &d = *read.diagram;
    const QByteArray dot = DotExport::toDot(d);
    Agraph_t *g = agmemread(dot.constData());
    QVERIFY2(g, dot.constData());
    QCOMPARE(agnnodes(g), int(d.components().size()));
    QCOMPARE(agnedges(g), int(d.connections().size()));
    QCOMPARE(QString::fromUtf8(agnameof(g)), d.meta().title);
    for (const Component &c : d.components()) {
        Agnode_t *n = agnode(g, c.id.toUtf8().data(), 0);
        QVERIFY2(n, qPrintable(c.id));
        const QString kind = Catalog::builtin().kindLabel(c.kind);
        QCOMPARE(unescapeDot(attr(n, "label")), c.label == kind ? kind : c.label + '\n' + kind);
        QCOMPARE(attr(n, "color"), Catalog::builtin().kind(c.kind)->color.name());
    }
    // Every connection is an edge with its flow as label and colour.
    for (const Connection &e : d.connections()) {
        Agnode_t *from = agnode(g, e.from.toUtf8().data(), 0);
        Agnode_t *to = agnode(g, e.to.toUtf8().data(), 0);
        Agedge_t *edge = agedge(g, from, to, nullptr, 0);
        QVERIFY2(edge, qPrintable(e.id));
        QCOMPARE(attr(edge, "color"), Catalog::builtin().flow(e.flow)->color.name());
    }
    // Zones are clusters holding their members.
    int clusters = 0;
    for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
        const QByteArray name = agnameof(sub);
        QVERIFY(name.startsWith("cluster_"));
        const Group &zone = d.groups()[size_t(name.mid(8).toInt())];
        QCOMPARE(unescapeDot(attr(sub, "label")), zone.label);
        QCOMPARE(agnnodes(sub), int(zone.members.size()));
        ++clusters;
    }
    QCOMPARE(clusters, int(d.groups().size()));
    agclose(g);
}

void TestExportText::dotEscaping()
{
    QFETCH(QString, label);
    Diagram d;
    fillLabelled(d, label);
    const QByteArray dot = DotExport::toDot(d);
    Agraph_t *g = agmemread(dot.constData());
    QVERIFY2(g, dot.constData());
    QCOMPARE(agnnodes(g), 2);
    QCOMPARE(agnedges(g), 1);
    // A name is not an escString: the lexer only turns \" into a quote.
    QCOMPARE(QString::fromUtf8(agnameof(g)),
             DotExport::quoted(label).mid(1).chopped(1).replace("\\\"", "\""));
    QCOMPARE(unescapeDot(attr(g, "label")), label);
    Agnode_t *n = agnode(g, const_cast<char *>("client"), 0);
    QVERIFY(n);
    QCOMPARE(unescapeDot(attr(n, "label")), label + QStringLiteral("\nClient"));
    Agedge_t *e = agfstout(g, n);
    QVERIFY(e);
    QCOMPARE(unescapeDot(attr(e, "label")), label + QStringLiteral(" (Requests)"));
    Agraph_t *zone = agfstsubg(g);
    QVERIFY(zone);
    QCOMPARE(unescapeDot(attr(zone, "label")), label);
    agclose(g);
}

void TestExportText::dotRendersLabels()
{
    QFETCH(QString, label);
    const QString dotBin = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (dotBin.isEmpty())
        QSKIP("Graphviz's dot is not installed (Debian package graphviz)");
    Diagram d;
    fillLabelled(d, label);
    QProcess p;
    p.start(dotBin, {QStringLiteral("-Tsvg")});
    p.write(DotExport::toDot(d));
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QStringList texts = svgTexts(p.readAllStandardOutput());
    QVERIFY2(!texts.join('\n').contains("XML ERROR"), qPrintable(texts.join('\n')));
    // Graphviz draws each line of a label as one <text>: the title, the zone, the card and the
    // edge all show the label's lines literally.
    for (const QString &line : label.split('\n'))
        QVERIFY2(texts.count(line) + texts.count(line + " (Requests)") >= 3,
                 qPrintable(texts.join(" | ")));
}

void TestExportText::dotPositions()
{
    Diagram d;
    fillSmall(d);
    const QByteArray dot = DotExport::toDot(d, {true});
    Agraph_t *g = agmemread(dot.constData());
    QVERIFY(g);
    auto pos = [&](const char *id) {
        const QString p = attr(agnode(g, const_cast<char *>(id), 0), "pos");
        const QStringList xy = p.chopped(1).split(',');
        return QPointF(xy.value(0).toDouble(), xy.value(1).toDouble());
    };
    QVERIFY(attr(agnode(g, const_cast<char *>("client"), 0), "pos").endsWith('!'));
    // Same distances as on the board, in points, with y pointing up.
    QCOMPARE(pos("gw").x() - pos("client").x(), 250.0);
    QCOMPARE(pos("client").y() - pos("reg").y(), 200.0);
    QVERIFY(pos("client").x() >= 0 && pos("reg").y() >= 0);
    agclose(g);
    const QString neato = QStandardPaths::findExecutable(QStringLiteral("neato"));
    if (neato.isEmpty())
        QSKIP("Graphviz's neato is not installed");
    QProcess p;
    p.start(neato, {QStringLiteral("-n2"), QStringLiteral("-Tsvg")});
    p.write(dot);
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(svgTexts(p.readAllStandardOutput()).contains(QStringLiteral("gw")));
}

void TestExportText::mermaidStructure()
{
    const ReadResult read = DiagramReader::readFile(templateFile);
    QVERIFY(read.ok());
    const Diagram &d = *read.diagram;
    const QStringList lines = MermaidExport::toMermaid(d).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), QStringLiteral("---"));
    QCOMPARE(lines.value(1), QStringLiteral("title: \"Video recommendation\""));
    QCOMPARE(lines.value(2), QStringLiteral("---"));
    QCOMPARE(lines.value(3), QStringLiteral("flowchart LR"));

    static const QRegularExpression node(
        QStringLiteral(R"re(^\s*(n_\w+)(\(\[|\[\(|\()"(.*)"(\]\)|\)\]|\))$)re"));
    static const QRegularExpression link(
        QStringLiteral(R"re(^\s*(n_\w+) (-->|-\.->)\|"([^"]*)"\| (n_\w+)$)re"));
    static const QRegularExpression subgraph(
        QStringLiteral(R"re(^\s*subgraph (z_\w+)\["([^"]*)"\]$)re"));
    QSet<QString> nodes;
    QHash<QString, QString> zoneOf;
    QStringList open;
    int links = 0;
    for (const QString &line : lines.mid(4)) {
        if (auto m = subgraph.match(line); m.hasMatch()) {
            QVERIFY2(open.isEmpty(), "zones do not nest");
            open << m.captured(2);
        } else if (line.trimmed() == QLatin1String("end")) {
            QVERIFY(!open.isEmpty());
            open.removeLast();
        } else if (auto m = node.match(line); m.hasMatch()) {
            QVERIFY2(!nodes.contains(m.captured(1)), qPrintable(line));
            nodes.insert(m.captured(1));
            if (!open.isEmpty())
                zoneOf.insert(m.captured(1), open.last());
        } else if (auto m = link.match(line); m.hasMatch()) {
            QVERIFY2(nodes.contains(m.captured(1)) && nodes.contains(m.captured(4)),
                     qPrintable(line));
            ++links;
        } else {
            QVERIFY2(line.startsWith("  linkStyle ") || line.startsWith("  classDef ") ||
                         line.startsWith("  class "),
                     qPrintable(line));
        }
    }
    QVERIFY(open.isEmpty());
    QCOMPARE(nodes.size(), qsizetype(d.components().size()));
    QCOMPARE(links, int(d.connections().size()));
    for (const Group &g : d.groups()) {
        for (const QString &m : g.members)
            QCOMPARE(unescapeMermaid(zoneOf.value(MermaidExport::sanitizeId(m))), g.label);
    }
}

void TestExportText::mermaidEscaping()
{
    QFETCH(QString, label);
    Diagram d;
    fillLabelled(d, label);
    const QString text = MermaidExport::toMermaid(d);
    const QStringList lines = text.split('\n');
    const int at = int(lines.indexOf(QStringLiteral("flowchart LR")));
    QVERIFY(at > 0);
    for (const QString &line : lines.mid(at + 1)) {
        // Quotes only as delimiters; no raw markup beyond the line break and kind we add.
        QString inner = line;
        inner.remove(QLatin1String("<br/>")).remove(QLatin1String("<small>"));
        inner.remove(QLatin1String("</small>"));
        QVERIFY2(!inner.contains('<') && !inner.contains('`') && !inner.contains('%'),
                 qPrintable(line));
    }
    static const QRegularExpression client(QStringLiteral(R"re(n_client\(\["(.*)"\]\))re"));
    const auto m = client.match(text);
    QVERIFY2(m.hasMatch(), qPrintable(text));
    QCOMPARE(unescapeMermaid(m.captured(1).remove(QRegularExpression("<small>.*</small>"))),
             label + '\n');
    QVERIFY(!m.captured(1).contains('"'));
    static const QRegularExpression edge(QStringLiteral(R"re(-->\|"([^"]*)"\|)re"));
    QCOMPARE(unescapeMermaid(edge.match(text).captured(1)), label + QStringLiteral(" (Requests)"));
    static const QRegularExpression zone(QStringLiteral(R"re(subgraph z_g1\["([^"]*)"\])re"));
    QCOMPARE(unescapeMermaid(zone.match(text).captured(1)), label);
}

void TestExportText::mermaidIds()
{
    Diagram d;
    const QStringList ids{"a-b", "a_b", "end", "o1", "x", "1st", "naïve id"};
    for (const QString &id : ids)
        d.insertComponent(int(d.components().size()), component(id, "cache"));
    d.insertConnection(0, connection("e1", "o1", "x", "features"));
    const QString text = MermaidExport::toMermaid(d);
    static const QRegularExpression node(QStringLiteral(R"re(^\s*(\S+)\[\(")re"));
    QSet<QString> names;
    for (const QString &line : text.split('\n')) {
        if (auto m = node.match(line); m.hasMatch()) {
            QVERIFY2(QRegularExpression("^n_[A-Za-z0-9_]+$").match(m.captured(1)).hasMatch(),
                     qPrintable(line));
            names.insert(m.captured(1));
        }
    }
    QCOMPARE(names.size(), ids.size()); // "a-b" and "a_b" stay apart
    QVERIFY(text.contains("n_o1 -->|\"Features\"| n_x"));
}

void TestExportText::reviewSections()
{
    const ReadResult read = DiagramReader::readFile(templateFile);
    QVERIFY(read.ok());
    const Diagram &d = *read.diagram;
    const QString md = ReviewExport::toMarkdown(
        d, {QStringLiteral("video recommendation.png"), QStringLiteral("video.mlsketch")});
    QVERIFY(md.startsWith("# Video recommendation: design review\n"));
    QVERIFY(md.contains("![Video recommendation](video%20recommendation.png)"));
    QVERIFY(md.contains("Two\\-stage recommender") || md.contains("Two-stage recommender"));
    for (const char *section :
         {"\n## Findings\n", "\n## Latency\n", "\n## Components\n", "\n## Connections\n"})
        QVERIFY2(md.contains(section), section);
    QVERIFY(md.indexOf("## Findings") < md.indexOf("## Latency"));
    // One table row per component, in file order, with its kind.
    const QString components = md.section("## Components", 1).section("## ", 0, 0);
    int rows = 0;
    for (const QString &line : components.split('\n')) {
        if (!line.startsWith("| ") || line.startsWith("| Component") || line.startsWith("| ---"))
            continue;
        const Component &c = d.components()[size_t(rows++)];
        const QStringList cells = tableCells(line);
        QCOMPARE(unescapeMarkdown(cells.value(0)), c.label);
        QCOMPARE(unescapeMarkdown(cells.value(1)), Catalog::builtin().kindLabel(c.kind));
    }
    QCOMPARE(rows, int(d.components().size()));
    // The latency table names the client and the budget.
    QVERIFY(md.contains(QRegularExpression(
        R"re(\| Viewer app \| Viewer app \(0 ms\) → .* \| 200 ms \| within budget \|)re")));
    // The seven-step notes of meta.steps, in order, between latency and components.
    QVERIFY(md.indexOf("\n## Design, step by step\n") > md.indexOf("## Latency"));
    QVERIFY(md.indexOf("## Design, step by step") < md.indexOf("## Components"));
    int at = 0;
    for (const QString &id : DesignSteps::ids()) {
        const int heading = md.indexOf("\n### " + DesignSteps::title(id) + "\n", at);
        QVERIFY2(heading > at, qPrintable(id));
        at = heading;
    }
}

void TestExportText::reviewStepsOnlyWhenWritten()
{
    Diagram d;
    QVERIFY(!ReviewExport::toMarkdown(d, {}).contains("step by step"));
    Meta meta;
    meta.extra["steps"] = {
        {"evaluation", "  "}, {"frame_ml_task", "Binary *classification*"}, {"monitoring", 42}};
    d.setMeta(meta);
    const QString md = ReviewExport::toMarkdown(d, {});
    QVERIFY(md.contains("### Frame as an ML task\n\nBinary \\*classification\\*\n"));
    QVERIFY(!md.contains("### Evaluation")); // blank
    QVERIFY(!md.contains("### Monitoring")); // not text
}

void TestExportText::reviewFindings()
{
    const ReadResult read = DiagramReader::readFile(MLS_TEST_DATA_DIR "/rules/flawed.mlsketch");
    QVERIFY(read.ok());
    const QString md = ReviewExport::toMarkdown(*read.diagram, {});
    QVERIFY(!md.contains("![")); // no image asked for
    QVERIFY(md.contains("| Findings | 2 errors"));
    const QString findings = md.section("## Findings", 1).section("\n## ", 0, 0);
    QVERIFY2(findings.contains("### 1. Error: "), qPrintable(findings));
    QVERIFY(findings.contains("(MLS-003)"));
    QVERIFY(findings.contains("- **Components:** Scoring API, Trainer"));
    QVERIFY(findings.contains("- **Why it matters:** "));
    QVERIFY(findings.contains("- **Suggested fix:** "));
    QVERIFY(findings.indexOf("Error") < findings.indexOf("Info")); // most severe first
}

void TestExportText::reviewWithoutClients()
{
    Diagram d;
    d.insertComponent(0, component("t", "trainer"));
    const QString md = ReviewExport::toMarkdown(d, {});
    QVERIFY(md.startsWith("# Untitled design: design review"));
    QVERIFY(!md.contains("## Latency"));
    QVERIFY(md.contains("## Components"));
    Diagram empty;
    QVERIFY(ReviewExport::toMarkdown(empty, {}).contains("The diagram is empty."));
}

void TestExportText::reviewEscaping()
{
    QFETCH(QString, label);
    Diagram d;
    fillLabelled(d, label);
    Component c = *d.component("api");
    c.notes = label;
    d.updateComponent(c);
    const QString md = ReviewExport::toMarkdown(d, {QStringLiteral("x.png"), {}});
    // Nothing of the label may become HTML, a link, an image or code.
    QVERIFY2(!md.contains("<script"), qPrintable(md));
    QCOMPARE(unescapedCount(md, "]("), 1); // only the diagram image
    QCOMPARE(unescapedCount(md, "`"), 0);
    QVERIFY(md.startsWith("# " + ReviewExport::escape(label) + ": design review\n"));
    for (const QString &line : md.split('\n')) {
        if (line.startsWith("| API | ")) {
            const QStringList cells = tableCells(line);
            QCOMPARE(cells.size(), 4); // a pipe in the notes did not split the row
            QCOMPARE(unescapeMarkdown(cells.value(3)), label);
        }
        if (line.contains(" | Client | ") && !line.startsWith("| Client")) {
            QCOMPARE(unescapeMarkdown(tableCells(line).value(0)), label);
        }
    }
    QVERIFY(md.contains("| API | API gateway | "));
}

void TestExportText::reviewBlockEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("heading") << "# not a heading"
                             << "\\# not a heading";
    QTest::newRow("list") << "- item\n+ item"
                          << "\\- item  \n\\+ item";
    QTest::newRow("numbered") << "1. first"
                              << "1\\. first";
    QTest::newRow("quote") << "> quoted"
                           << "&gt; quoted";
    QTest::newRow("indent") << "    code?"
                            << "code?";
    QTest::newRow("setext") << "Title\n==="
                            << "Title  \n\\===";
    QTest::newRow("paragraphs") << "one\n\ntwo"
                                << "one\n\ntwo";
    QTest::newRow("inline") << "a *b* <i>"
                            << "a \\*b\\* &lt;i&gt;";
    QTest::newRow("ampersands") << "R&D & co &amp; &#65;"
                                << "R&D & co &amp;amp; &amp;#65;";
}

void TestExportText::reviewBlockEscaping()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(ReviewExport::escapeBlock(text), expected);
}

QTEST_APPLESS_MAIN(TestExportText)
#include "tst_export_text.moc"
