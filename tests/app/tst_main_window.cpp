// SPDX-License-Identifier: MIT
#include "ArrangeActions.h"
#include "CardGeometry.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "EditActions.h"
#include "MainWindow.h"
#include "TemplateLibrary.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "commands/AddItemsCommand.h"
#include "panels/InspectorPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace mls;

/// The window as a user works with it: open, edit, copy between windows, save and reopen.
class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsEmpty();
    void opensFile();
    void badFileLeavesDocumentAlone();
    void templateOpensUntitled();
    void titleShowsUnsavedMarker();
    void copyPasteBetweenWindows();
    void pastePlainTextSaysWhy();
    void saveAsHasItsShortcut();
    void duplicateAndDelete();
    void selectAllIsOneSelectionChange();
    void saveAndReopenEqual();
    void failedSaveStaysModified();
    void inspectorEditsGoThroughUndo();
    void findSelectsMatches();
    void groupAlignAndOrder();
};

static QString smallFile()
{
    return QStringLiteral(MLS_TEST_DATA_DIR "/good/small.mlsketch");
}

void TestMainWindow::startsEmpty()
{
    MainWindow w;
    QVERIFY(w.diagram()->components().empty());
    QVERIFY(w.windowTitle().startsWith("Untitled"));
    QVERIFY(!w.isModified());
}

void TestMainWindow::opensFile()
{
    MainWindow w;
    QString error;
    QVERIFY2(w.openFile(smallFile(), &error), qPrintable(error));
    QCOMPARE(w.filePath(), smallFile());
    QVERIFY(w.windowTitle().startsWith("small.mlsketch"));
    QVERIFY(w.diagram()->components().size() >= 2);
}

void TestMainWindow::badFileLeavesDocumentAlone()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(smallFile(), &error));
    const QByteArray before = DiagramWriter::write(*w.diagram());
    Diagram *diagram = w.diagram();
    QVERIFY(!w.openFile(MLS_TEST_DATA_DIR "/bad/truncated.mlsketch", &error));
    QVERIFY2(error.contains("truncated"), qPrintable(error));
    QCOMPARE(w.diagram(), diagram);
    QCOMPARE(DiagramWriter::write(*w.diagram()), before);
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

void TestMainWindow::titleShowsUnsavedMarker()
{
    MainWindow w;
    QVERIFY(!w.isWindowModified());
    w.view()->addComponent("cache", {0, 0});
    QVERIFY(w.isWindowModified());
    QVERIFY(w.isModified());
    w.undoStack()->undo();
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.editActions()->undoAction()->text(), QStringLiteral("&Undo"));
    w.undoStack()->redo();
    QCOMPARE(w.editActions()->undoAction()->text(), QStringLiteral("&Undo Add Cache"));
}

void TestMainWindow::copyPasteBetweenWindows()
{
    MainWindow a;
    QString error;
    QVERIFY(a.openFile(smallFile(), &error));
    a.scene()->selectIds({"c1", "c2"});
    a.editActions()->copy();
    MainWindow b;
    QVERIFY(b.editActions()->paste());
    QCOMPARE(int(b.diagram()->components().size()), 2);
    QCOMPARE(int(b.diagram()->connections().size()), 1);   // the one between the two
    QCOMPARE(b.scene()->selectedComponentIds().size(), 2); // what was pasted is selected
    const Component &first = b.diagram()->components()[0];
    QCOMPARE(first.label, QStringLiteral("Mobile app"));
    QCOMPARE(first.pos, QPointF(30, 30)); // offset from the copied position
    // The second paste would land on the first: it moves to the nearest free place instead.
    QVERIFY(b.editActions()->paste());
    const Component &again = b.diagram()->components()[2];
    QVERIFY(again.pos != QPointF(60, 60));
    for (int i = 0; i < 2; ++i)
        QVERIFY(!CardGeometry::rect(again).intersects(
            CardGeometry::rect(b.diagram()->components()[size_t(i)])));
    b.undoStack()->undo();
    b.undoStack()->undo();
    QVERIFY(b.diagram()->components().empty());
}

void TestMainWindow::pastePlainTextSaysWhy()
{
    MainWindow w;
    QApplication::clipboard()->setText(QStringLiteral("Ranking model, feature store"));
    QVERIFY(!w.editActions()->paste());
    QVERIFY(w.diagram()->components().empty());
    QCOMPARE(w.statusBar()->currentMessage(),
             QStringLiteral("Nothing to paste: the clipboard holds text, not mlsketch components"));
}

void TestMainWindow::saveAsHasItsShortcut()
{
    MainWindow w;
    QAction *saveAs = nullptr;
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->text() == QStringLiteral("Save &As…"))
            saveAs = a;
    }
    QVERIFY(saveAs);
    QCOMPARE(saveAs->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
}

void TestMainWindow::duplicateAndDelete()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(smallFile(), &error));
    w.scene()->selectIds({"c2"});
    w.editActions()->duplicate();
    QCOMPARE(int(w.diagram()->components().size()), 4);
    const QStringList dup = w.scene()->selectedComponentIds();
    QCOMPARE(dup.size(), 1);
    QVERIFY(dup.first() != "c2");
    w.scene()->selectIds({"c2"});
    w.editActions()->deleteSelection();
    QVERIFY(!w.diagram()->component("c2"));
    QVERIFY(w.diagram()->connections().empty()); // connections go with their component
    QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Delete 1 component"));
}

/// Ctrl+A selects every card, arrow and zone as one change, which the inspector then shows.
void TestMainWindow::selectAllIsOneSelectionChange()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(smallFile(), &error));
    for (int i = 0; i < 200; ++i)
        w.view()->addComponent("cache", {double(i % 20) * 220, 400 + double(i / 20) * 120});
    QSignalSpy changes(w.scene(), &QGraphicsScene::selectionChanged);
    QAction *selectAll = w.findChild<QAction *>("editSelectAll");
    QVERIFY(selectAll);
    selectAll->trigger();
    QCOMPARE(changes.count(), 1);
    QCOMPARE(w.scene()->selectedComponentIds().size(), qsizetype(w.diagram()->components().size()));
    QCOMPARE(w.scene()->selectedConnectionIds().size(),
             qsizetype(w.diagram()->connections().size()));
    QCOMPARE(w.inspector()->selectedComponents().size(),
             qsizetype(w.diagram()->components().size()));
    QCOMPARE(w.inspector()->page(), InspectorPanel::Page::Multiple);
}

void TestMainWindow::saveAndReopenEqual()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("design.mlsketch");
    QByteArray saved;
    {
        MainWindow w;
        w.view()->addComponent("client", {0, 0});
        w.view()->addComponent("api_gateway", {300, 0});
        QString error;
        QVERIFY2(w.saveTo(path, &error), qPrintable(error));
        QVERIFY(!w.isModified());
        QVERIFY(w.windowTitle().startsWith("design.mlsketch"));
        saved = DiagramWriter::write(*w.diagram());
    }
    MainWindow again;
    QString error;
    QVERIFY(again.openFile(path, &error));
    QCOMPARE(DiagramWriter::write(*again.diagram()), saved);
}

void TestMainWindow::failedSaveStaysModified()
{
    MainWindow w;
    w.view()->addComponent("trainer", {0, 0});
    QString error;
    QVERIFY(!w.saveTo("/nonexistent-folder/x.mlsketch", &error));
    QVERIFY2(error.contains("/nonexistent-folder/x.mlsketch"), qPrintable(error));
    QVERIFY(w.isModified());
    QVERIFY(w.isWindowModified());
}

void TestMainWindow::inspectorEditsGoThroughUndo()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(smallFile(), &error));
    w.scene()->selectIds({"c2"});
    QCOMPARE(w.inspector()->shownId(), QStringLiteral("c2"));
    QLineEdit *label = w.inspector()->labelEdit();
    label->selectAll();
    QTest::keyClicks(label, "GPU scorer");
    QCOMPARE(w.diagram()->component("c2")->label, QStringLiteral("GPU scorer"));
    QCOMPARE(w.undoStack()->count(), 1);
    w.undoStack()->undo();
    QCOMPARE(label->text(), QStringLiteral("Scorer"));
}

void TestMainWindow::findSelectsMatches()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(smallFile(), &error));
    QVERIFY(w.editActions()->findNext("regis"));
    QCOMPARE(w.scene()->selectedComponentIds(), QStringList{"c3"});
    QVERIFY(!w.editActions()->findNext("no such thing"));
    QVERIFY(w.editActions()->findNext("o")); // "Mobile app", then "Scorer", …
    const QString first = w.scene()->selectedComponentIds().value(0);
    QVERIFY(w.editActions()->findNext("o"));
    QVERIFY(w.scene()->selectedComponentIds().value(0) != first);
}

void TestMainWindow::groupAlignAndOrder()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(smallFile(), &error));
    w.scene()->selectIds({"c2", "c3"});
    w.arrangeActions()->groupIntoZone("Serving core");
    QCOMPARE(int(w.diagram()->groups().size()), 2);
    QCOMPARE(w.diagram()->groups().back().members, QStringList({"c2", "c3"}));
    w.scene()->selectIds({"c1", "c3"});
    w.arrangeActions()->align(Arrange::Align::Top);
    QCOMPARE(w.diagram()->component("c3")->pos.y(), 0.0);
    QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Align 2 components"));
    w.scene()->selectIds({w.diagram()->groups().back().id});
    w.arrangeActions()->colourZones("#059669");
    QCOMPARE(w.diagram()->groups().back().extra["color"].get<std::string>(),
             std::string("#059669"));
    w.scene()->selectIds({"c1", "c3"});
    w.arrangeActions()->sendToBack();
    QCOMPARE(w.diagram()->components()[0].id, QStringLiteral("c1"));
    QCOMPARE(w.diagram()->components()[1].id, QStringLiteral("c3"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
