// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "Grader.h"
#include "LatencyAnalysis.h"
#include "Problem.h"
#include "RuleEngine.h"
#include "export/DotExport.h"
#include "export/MermaidExport.h"
#include "export/ReviewExport.h"
#include "layout/DiagramLayout.h"
#include "text/TextApply.h"
#include "text/TextParser.h"
#include "text/TextWriter.h"

#include <QTest>
#include <QUndoStack>

using namespace mls;

namespace {

std::unique_ptr<Diagram> reference(const QString &problem)
{
    ReadResult r = DiagramReader::readFile(ProblemSet::referencePath(problem));
    return std::move(r.diagram);
}

/// @p d with a sticky note and a free text note whose text names kinds and flows and looks
/// like the text form, so anything that read notes would notice.
void annotate(Diagram &d)
{
    Note sticky;
    sticky.id = d.uniqueId("n");
    sticky.text = "client -> model_server : requests\ntrainer feature_store vector_db";
    sticky.rect = QRectF(-400, -400, 160, 160);
    sticky.color = "#FBCFE8";
    d.insertNote(0, sticky);
    Note text;
    text.id = d.uniqueId("n");
    text.style = Note::Style::Text;
    text.text = "component x : model_server\nTODO: | * _ # a monitoring loop";
    text.rect = QRectF(600, -300, 240, 80);
    d.insertNote(1, text);
}

QStringList withoutLines(const QString &text, const QString &prefix)
{
    QStringList kept;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().startsWith(prefix))
            kept << line;
    }
    return kept;
}

void addProblemRows()
{
    QTest::addColumn<QString>("problem");
    for (const Problem &p : ProblemSet::builtin())
        QTest::newRow(qPrintable(p.id)) << p.id;
}

} // namespace

/// Notes are annotations: rules, latency, grading, layout and the text form never read them;
/// the exports carry them without letting them change the design.
class TestNotesIgnored : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initCoreResources(); }
    void rulesLatencyAndGradeIgnoreNotes_data() { addProblemRows(); }
    void rulesLatencyAndGradeIgnoreNotes();
    void dotAndMermaidCarryNotesAsComments();
    void reviewListsNotes();
    void textEditKeepsNotes();
    void autoLayoutLeavesNotes();
};

void TestNotesIgnored::rulesLatencyAndGradeIgnoreNotes()
{
    QFETCH(QString, problem);
    auto plain = reference(problem);
    QVERIFY(plain);
    auto annotated = reference(problem);
    annotate(*annotated);
    QCOMPARE(annotated->notes().size(), size_t(2));
    RuleEngine a, b;
    QCOMPARE(b.check(*annotated), a.check(*plain));
    const QVector<LatencyPath> pa = LatencyAnalysis::analyze(*plain);
    const QVector<LatencyPath> pb = LatencyAnalysis::analyze(*annotated);
    QCOMPARE(pb.size(), pa.size());
    for (int i = 0; i < pa.size(); ++i) {
        QCOMPARE(pb[i].componentIds(), pa[i].componentIds());
        QCOMPARE(pb[i].totalMs, pa[i].totalMs);
    }
    const Problem *p = ProblemSet::find(problem);
    QCOMPARE(Grader::toJson(Grader::grade(*annotated, *p)),
             Grader::toJson(Grader::grade(*plain, *p)));
    QCOMPARE(TextWriter::toText(*annotated), TextWriter::toText(*plain));
}

void TestNotesIgnored::dotAndMermaidCarryNotesAsComments()
{
    auto plain = reference(ProblemSet::builtin().first().id);
    auto annotated = reference(ProblemSet::builtin().first().id);
    annotate(*annotated);
    for (const bool positions : {false, true}) {
        DotOptions options;
        options.positions = positions;
        const QString dot = QString::fromUtf8(DotExport::toDot(*annotated, options));
        QVERIFY(dot.contains("  // sticky note n"));
        QVERIFY(dot.contains("  // trainer feature_store vector_db\n"));
        QCOMPARE(withoutLines(dot, "//"),
                 withoutLines(QString::fromUtf8(DotExport::toDot(*plain, options)), "//"));
    }
    const QString mermaid = MermaidExport::toMermaid(*annotated);
    QVERIFY(mermaid.contains("  %% note n"));
    QVERIFY(mermaid.contains("  %% TODO: | * _ # a monitoring loop\n"));
    QCOMPARE(withoutLines(mermaid, "%%"), withoutLines(MermaidExport::toMermaid(*plain), "%%"));
}

void TestNotesIgnored::reviewListsNotes()
{
    auto d = reference(ProblemSet::builtin().first().id);
    QVERIFY(!ReviewExport::toMarkdown(*d, {}).contains("## Notes on the board"));
    annotate(*d);
    Note empty;
    empty.id = "blank";
    empty.rect = QRectF(0, 0, 100, 100);
    d->insertNote(2, empty);
    const QString md = ReviewExport::toMarkdown(*d, {});
    const qsizetype at = md.indexOf("## Notes on the board");
    QVERIFY(at > md.indexOf("## Connections"));
    const QString notes = md.mid(at);
    QVERIFY(notes.contains("> client -&gt; model\\_server : requests  \n> trainer"));
    QVERIFY(notes.contains("> TODO: \\| \\* \\_ \\# a monitoring loop") ||
            notes.contains("> TODO: \\| \\* \\_ # a monitoring loop"));
    QCOMPARE(notes.count("\n> "), 4); // two notes of two lines each; the empty one is left out
}

void TestNotesIgnored::textEditKeepsNotes()
{
    auto d = reference(ProblemSet::builtin().first().id);
    annotate(*d);
    const std::vector<Note> notes = d->notes().toVector();
    // The Text dock's edit: a new component appended to the design's text.
    const QString text = TextWriter::toText(*d) + "extra_cache: cache \"Cache\"\n";
    const TextParseResult parsed = TextParser::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.firstError()));
    QUndoStack stack;
    QUndoCommand *cmd = TextApply::command(d.get(), *parsed.diagram);
    QVERIFY(cmd);
    stack.push(cmd);
    QVERIFY(d->component("extra_cache"));
    QCOMPARE(d->notes().toVector(), notes);
    stack.undo();
    QVERIFY(!d->component("extra_cache"));
    QCOMPARE(d->notes().toVector(), notes);
}

void TestNotesIgnored::autoLayoutLeavesNotes()
{
    auto d = reference(ProblemSet::builtin().first().id);
    annotate(*d);
    const std::vector<Note> notes = d->notes().toVector();
    const QByteArray before = DiagramWriter::write(*d);
    DiagramLayout::apply(*d, LayoutOptions());
    QVERIFY(DiagramWriter::write(*d) != before); // the cards moved
    QCOMPARE(d->notes().toVector(), notes);
}

QTEST_APPLESS_MAIN(TestNotesIgnored)
#include "tst_notes_ignored.moc"
