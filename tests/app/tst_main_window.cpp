#include "Diagram.h"
#include "DiagramWriter.h"
#include "MainWindow.h"
#include "TemplateLibrary.h"
#include "canvas/DiagramScene.h"

#include <QStatusBar>
#include <QTest>

using namespace mls;

/// The window opens files and templates, and a bad file never replaces the open diagram.
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsEmpty();
    void opensFile();
    void badFileLeavesDocumentAlone();
    void templateOpensUntitled();
};

void TestMainWindow::startsEmpty()
{
    MainWindow w;
    QVERIFY(w.diagram()->components().empty());
    QVERIFY(w.windowTitle().startsWith("Untitled"));
}

void TestMainWindow::opensFile()
{
    MainWindow w;
    const QString path = MLS_TEST_DATA_DIR "/good/small.mlsketch";
    QString error;
    QVERIFY2(w.openFile(path, &error), qPrintable(error));
    QCOMPARE(w.filePath(), path);
    QVERIFY(w.windowTitle().startsWith("small.mlsketch"));
    QCOMPARE(w.scene()->items().isEmpty(), false);
    QVERIFY(w.diagram()->components().size() >= 2);
}

void TestMainWindow::badFileLeavesDocumentAlone()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(MLS_TEST_DATA_DIR "/good/small.mlsketch", &error));
    const QByteArray before = DiagramWriter::write(*w.diagram());
    Diagram *diagram = w.diagram();
    QVERIFY(!w.openFile(MLS_TEST_DATA_DIR "/bad/truncated.mlsketch", &error));
    QVERIFY2(error.contains("truncated"), qPrintable(error));
    QCOMPARE(w.diagram(), diagram);
    QCOMPARE(DiagramWriter::write(*w.diagram()), before);
    QVERIFY(w.windowTitle().startsWith("small.mlsketch"));
}

void TestMainWindow::templateOpensUntitled()
{
    const QVector<TemplateInfo> templates = TemplateLibrary::all();
    QVERIFY(!templates.isEmpty());
    MainWindow w;
    QString error;
    QVERIFY2(w.openFile(templates.first().path, &error), qPrintable(error));
    QVERIFY(w.filePath().isEmpty());
    QVERIFY(w.diagram()->components().size() > 10);
    QVERIFY(w.windowTitle().startsWith(templates.first().title));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
