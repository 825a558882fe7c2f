// SPDX-License-Identifier: MIT
#include "../RunMlsketch.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "MainWindow.h"
#include "TextActions.h"
#include "text/DesignTextEdit.h"
#include "text/TextPanel.h"
#include "text/TextParser.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace mls;

using mls::test::runMlsketch;

namespace {

const QString corpus = QStringLiteral(MLS_CORPUS_DIR "/import/");
const QString templateFile = QStringLiteral(MLS_SOURCE_DIR "/templates/rag_assistant.mlsketch");

/// The import corpus is read in place beside the clone (CI has ../shared); a clone alone skips
/// the tests that need it rather than failing on (or waiting at) a missing-file message.
bool haveCorpus()
{
    return QFileInfo::exists(corpus + QStringLiteral("expect.json"));
}

QAction *findAction(QWidget *w, const QString &text)
{
    for (QAction *a : w->findChildren<QAction *>()) {
        if (a->text().remove('&').startsWith(text))
            return a;
    }
    return nullptr;
}

} // namespace

/// Design as text in the window and on the command line.
class TestTextWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textDockFollowsTheOpenDesign();
    void backgroundTextTabWritesWhenChosen();
    void importFileOpensADesignWithAReport();
    void pastedMermaidImports();
    void importCommand();
    void exportToTextAndBack();
    void screenshotWithAnError();
};

void TestTextWindow::textDockFollowsTheOpenDesign()
{
    MainWindow w;
    QVERIFY(w.findChild<QDockWidget *>("textDock"));
    QVERIFY(findAction(&w, "Import Mermaid or DOT"));
    QString error;
    QVERIFY2(w.openFile(templateFile, &error), qPrintable(error));
    TextPanel *panel = w.textActions()->panel();
    QVERIFY(panel->editor()->toPlainText().contains(w.diagram()->components()[0].id + ": "));
    panel->editor()->setPlainText(panel->editor()->toPlainText() +
                                  QStringLiteral("extra_cache: cache \"Added from text\"\n"));
    QVERIFY(panel->applyNow());
    QVERIFY(w.diagram()->component("extra_cache"));
    QVERIFY(w.isModified());
    w.undoStack()->undo(); // Edit → Undo takes the text edit back in one step
    QVERIFY(!w.diagram()->component("extra_cache"));
    QTRY_VERIFY(!panel->editor()->toPlainText().contains("extra_cache"));
}

void TestTextWindow::backgroundTextTabWritesWhenChosen()
{
    // The Text dock is a background tab by default: opening a design does not write its
    // text until the tab is chosen, and then it shows the open design.
    MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *dock = w.findChild<QDockWidget *>("textDock");
    QVERIFY(dock);
    auto *problems = w.findChild<QDockWidget *>("problemsDock");
    problems->raise();
    QCoreApplication::processEvents();
    QString error;
    QVERIFY2(w.openFile(templateFile, &error), qPrintable(error));
    TextPanel *panel = w.textActions()->panel();
    QVERIFY(!panel->isOnScreen());
    QVERIFY(panel->isStale());
    auto *editor = panel->findChild<DesignTextEdit *>(); // not editor(): that writes the text
    QVERIFY(editor->toPlainText().isEmpty());
    dock->raise();
    QTRY_VERIFY(panel->isOnScreen());
    QVERIFY(!panel->isStale());
    QVERIFY(editor->toPlainText().contains(w.diagram()->components()[0].id + ": "));
    // On screen, a board edit reaches the text as before.
    Component c = w.diagram()->components()[0];
    c.label = QStringLiteral("Relabelled on the board");
    w.diagram()->updateComponent(c);
    QTRY_VERIFY(editor->toPlainText().contains("Relabelled on the board"));
}

void TestTextWindow::importFileOpensADesignWithAReport()
{
    if (!haveCorpus())
        QSKIP(qPrintable(QStringLiteral("no import corpus at ") + corpus));
    MainWindow w;
    w.show();
    QVERIFY(w.textActions()->importFile(corpus + "09_kafka_spark_streaming.mmd"));
    QCOMPARE(w.lastOpened(), &w); // the empty window takes it
    QCOMPARE(int(w.diagram()->components().size()), 19);
    QCOMPARE(int(w.diagram()->groups().size()), 7);
    QVERIFY(w.isModified());
    QVERIFY(w.filePath().isEmpty()); // untitled: Save asks where
    QVERIFY(!w.textActions()->lastWarnings().isEmpty());
    auto *report = w.findChild<QMessageBox *>("importReport");
    QVERIFY(report);
    QVERIFY(report->detailedText().contains(QLatin1String("subgraph")));
    report->close();
}

void TestTextWindow::pastedMermaidImports()
{
    MainWindow w;
    w.show();
    QApplication::clipboard()->setText(
        QStringLiteral("flowchart LR\n u[User] --> api[FastAPI gateway] --> m[(Milvus)]\n"));
    QAction *paste = findAction(&w, "Paste");
    QVERIFY(paste);
    paste->trigger();
    QCOMPARE(int(w.diagram()->components().size()), 3);
    QCOMPARE(w.diagram()->component("m")->kind, QStringLiteral("vector_db"));
    // Text that is no diagram is not imported.
    MainWindow other;
    QVERIFY(!other.textActions()->importText(QStringLiteral("just some words")));
}

void TestTextWindow::importCommand()
{
    if (!haveCorpus())
        QSKIP(qPrintable(QStringLiteral("no import corpus at ") + corpus));
    QTemporaryDir dir;
    const QString out = dir.filePath("recsys.mlsketch");
    QString text;
    QCOMPARE(runMlsketch({"import", corpus + "01_realtime_recsys.mmd", "-o", out}, &text), 0);
    QVERIFY2(text.contains("Imported 13 components, 21 connections and 5 zones"), qPrintable(text));
    QVERIFY2(text.contains("warning:"), qPrintable(text)); // redirected edges are listed
    const ReadResult r = DiagramReader::readFile(out);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.diagram->component("Milvus")->kind, QStringLiteral("vector_db"));
    QCOMPARE(runMlsketch({"check", out}, &text), 1); // readable; the rules flag guesses
    const QString mls = dir.filePath("dot.mls");
    QCOMPARE(runMlsketch({"import", corpus + "12_rag_showcase.dot", "-o", mls}, &text), 0);
    QVERIFY(TextParser::readFile(mls).ok());
    QCOMPARE(runMlsketch({"import", dir.filePath("missing.mmd"), "-o", out}, &text), 2);
    QVERIFY2(text.contains("missing.mmd: cannot open"), qPrintable(text));
    QCOMPARE(runMlsketch({"import", templateFile, "-o", out}, &text), 2);
}

void TestTextWindow::exportToTextAndBack()
{
    QTemporaryDir dir;
    const QString mls = dir.filePath("rag.mls");
    QString text;
    QCOMPARE(runMlsketch({"export", templateFile, "-o", mls}, &text), 0);
    const ReadResult text1 = TextParser::readFile(mls);
    QVERIFY2(text1.ok(), qPrintable(text1.error));
    // The text file is a design: check, layout and export read it.
    QCOMPARE(runMlsketch({"check", mls}, &text), 0);
    const QString back = dir.filePath("back.mlsketch");
    QCOMPARE(runMlsketch({"layout", mls, "-o", back}, &text), 0);
    const ReadResult original = DiagramReader::readFile(templateFile);
    const ReadResult laid = DiagramReader::readFile(back);
    QVERIFY(laid.ok());
    QCOMPARE(laid.diagram->components().size(), original.diagram->components().size());
    QCOMPARE(laid.diagram->connections().size(), original.diagram->connections().size());
    // And the window opens it, as an untitled design.
    MainWindow w;
    QString error;
    QVERIFY2(w.openFile(mls, &error), qPrintable(error));
    QVERIFY(w.filePath().isEmpty());
    QCOMPARE(w.diagram()->components().size(), original.diagram->components().size());
}

/// The window as a person sees it with a bad line in the Text dock (kept for review).
void TestTextWindow::screenshotWithAnError()
{
    MainWindow w;
    w.resize(1500, 950);
    w.show();
    QString error;
    QVERIFY2(w.openFile(templateFile, &error), qPrintable(error));
    TextPanel *panel = w.textActions()->panel();
    const QByteArray before = DiagramWriter::write(*w.diagram());
    panel->editor()->setPlainText(panel->editor()->toPlainText() +
                                  QStringLiteral("oops: cache \"Unclosed\n"));
    QVERIFY(!panel->applyNow());
    QCOMPARE(DiagramWriter::write(*w.diagram()), before);
    QVERIFY(w.textActions()->dock()->isVisible());
    QVERIFY(panel->findChild<QLabel *>()->isVisible());
    QDir().mkpath(MLS_SCREENSHOT_DIR);
    QVERIFY(w.grab().save(MLS_SCREENSHOT_DIR "/text_dock_error.png"));
}

QTEST_MAIN(TestTextWindow)
#include "tst_text_window.moc"
