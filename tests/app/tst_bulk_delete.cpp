// SPDX-License-Identifier: MIT
#include "../GeneratedBoard.h"
#include "Coalesced.h"
#include "Diagram.h"
#include "DiagramWriter.h"
#include "EditActions.h"
#include "MainWindow.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/FlowLegend.h"
#include "canvas/FlowLegendOverlay.h"
#include "commands/RemoveItemsCommand.h"
#include "panels/InspectorPanel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace mls;
using namespace mls::test;

/// Deleting a large selection, and undoing it, in the window: every listener of the model's
/// per-element signals (the scene's selection, the inspector, the flow legend, the status
/// bar's counts) catches up once per event-loop turn instead of once per element, and ends
/// where a fresh look at the board would put it. A single delete is still seen at once.
class TestBulkDelete : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void coalescedRunsAtOnceThenOncePerTurn_data();
    void coalescedRunsAtOnceThenOncePerTurn();
    void coalescedDroppedWithItsContext();
    void deleteSelection_data();
    void deleteSelection();
    void singleDeleteIsSeenAtOnce();
    void manyDeletesInOneTurn();
};

namespace {

constexpr int boardCards = 600; // 1,500 items with the arrows: past the bulk selection path

QString countsText(MainWindow &w)
{
    for (QLabel *label : w.statusBar()->findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1String("component")))
            return label->text();
    }
    return {};
}

QString expectedCounts(const Diagram &d)
{
    const auto plural = [](qsizetype n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    return plural(qsizetype(d.components().size()), "component", "components") +
           QStringLiteral(" · ") +
           plural(qsizetype(d.connections().size()), "connection", "connections");
}

/// A window on a generated board of @p cards, saved and opened as a user would.
std::unique_ptr<MainWindow> openBoard(const QTemporaryDir &dir, int cards)
{
    const QString path = dir.filePath(QStringLiteral("board.mlsketch"));
    QString error;
    if (!DiagramWriter::save(*generatedBoard(cards), path, &error))
        qWarning("%s", qPrintable(error));
    auto w = std::make_unique<MainWindow>();
    w->resize(1280, 800);
    w->show();
    if (!w->openFile(path, &error))
        qWarning("%s", qPrintable(error));
    return w;
}

/// What every listener must show once the event loop has run.
void verifyCaughtUp(MainWindow &w)
{
    const Diagram &d = *w.diagram();
    DiagramScene *scene = w.scene();
    QCOMPARE(w.inspector()->selectedComponents(), scene->selectedComponentIds());
    const qsizetype selected =
        scene->selectedComponentIds().size() + scene->selectedConnectionIds().size();
    const InspectorPanel::Page single = scene->selectedComponentIds().isEmpty()
                                            ? InspectorPanel::Page::Connection
                                            : InspectorPanel::Page::Component;
    QCOMPARE(w.inspector()->page(), selected == 0   ? InspectorPanel::Page::Diagram
                                    : selected == 1 ? single
                                                    : InspectorPanel::Page::Multiple);
    QCOMPARE(w.view()->flowLegend()->flows(), FlowLegend::usedFlows(d));
    QCOMPARE(countsText(w), expectedCounts(d));
    QCOMPARE(scene->selectedItems().size(),
             selected + scene->selectedGroupIds().size() + scene->selectedNoteIds().size());
}

} // namespace

void TestBulkDelete::coalescedRunsAtOnceThenOncePerTurn_data()
{
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("atOnce");
    QTest::addColumn<int>("afterTheTurn");
    const int n = Coalesced::atOnce;
    QTest::newRow("none") << 0 << 0 << 0;
    QTest::newRow("one") << 1 << 1 << 1;
    QTest::newRow("two") << 2 << 2 << 2;
    QTest::newRow("all at once") << n << n << n;
    QTest::newRow("one more") << n + 1 << n << n + 1;
    QTest::newRow("many") << 5000 << n << n + 1;
}

void TestBulkDelete::coalescedRunsAtOnceThenOncePerTurn()
{
    QFETCH(int, requests);
    QFETCH(int, atOnce);
    QFETCH(int, afterTheTurn);
    QObject context;
    int runs = 0;
    Coalesced refresh(&context, [&runs] { ++runs; });
    for (int i = 0; i < requests; ++i)
        refresh.request();
    QCOMPARE(runs, atOnce);
    QCoreApplication::processEvents();
    QCOMPARE(runs, afterTheTurn);
    // A new turn starts over: its requests run at once again.
    refresh.request();
    refresh.request();
    QCOMPARE(runs, afterTheTurn + 2);
    QCoreApplication::processEvents();
    QCOMPARE(runs, afterTheTurn + 2);
}

void TestBulkDelete::coalescedDroppedWithItsContext()
{
    int runs = 0;
    {
        auto context = std::make_unique<QObject>();
        auto refresh = std::make_unique<Coalesced>(context.get(), [&runs] { ++runs; });
        for (int i = 0; i <= Coalesced::atOnce; ++i)
            refresh->request();
        context.reset(); // before the refresh it owes: its pending call goes with it
        refresh.reset();
    }
    QCoreApplication::processEvents();
    QCOMPARE(runs, Coalesced::atOnce);
}

void TestBulkDelete::deleteSelection_data()
{
    QTest::addColumn<int>("every"); // select every n-th card (and every n-th arrow)
    QTest::addColumn<bool>("all");  // Ctrl+A instead
    QTest::newRow("select all") << 1 << true;
    QTest::newRow("every card and arrow") << 1 << false;
    QTest::newRow("every other") << 2 << false;
    QTest::newRow("every third") << 3 << false;
}

void TestBulkDelete::deleteSelection()
{
    QFETCH(int, every);
    QFETCH(bool, all);
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> w = openBoard(dir, boardCards);
    DiagramScene *scene = w->scene();
    const Diagram &d = *w->diagram();
    QStringList ids;
    for (size_t i = 0; i < d.components().size(); i += size_t(every))
        ids << d.components()[i].id;
    for (size_t i = 0; i < d.connections().size(); i += size_t(every))
        ids << d.connections()[i].id;
    if (all)
        w->editActions()->selectAll();
    else
        scene->selectIds(ids);
    QCoreApplication::processEvents();
    QCOMPARE(w->inspector()->page(), InspectorPanel::Page::Multiple);
    const auto componentsBefore = d.components().size();
    const auto connectionsBefore = d.connections().size();
    const qsizetype selectedCards = scene->selectedComponentIds().size();

    QSignalSpy selection(scene, &QGraphicsScene::selectionChanged);
    w->editActions()->deleteSelection();
    QVERIFY2(selection.count() <= Coalesced::atOnce,
             qPrintable(QString::number(selection.count())));
    QCOMPARE(qsizetype(d.components().size()), qsizetype(componentsBefore) - selectedCards);
    QCoreApplication::processEvents();
    QVERIFY2(selection.count() <= Coalesced::atOnce + 1,
             qPrintable(QString::number(selection.count())));
    QVERIFY(scene->selectedItems().isEmpty());
    QCOMPARE(w->inspector()->page(), InspectorPanel::Page::Diagram);
    verifyCaughtUp(*w);

    w->undoStack()->undo();
    QCoreApplication::processEvents();
    QCOMPARE(d.components().size(), componentsBefore);
    QCOMPARE(d.connections().size(), connectionsBefore);
    verifyCaughtUp(*w);
    QVERIFY(!w->view()->flowLegend()->flows().isEmpty());

    w->undoStack()->redo();
    QCoreApplication::processEvents();
    verifyCaughtUp(*w);
}

void TestBulkDelete::singleDeleteIsSeenAtOnce()
{
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> w = openBoard(dir, 40);
    DiagramScene *scene = w->scene();
    const Diagram &d = *w->diagram();
    const QString a = d.components()[0].id, b = d.components()[1].id, c = d.components()[2].id;
    scene->selectIds({a, b, c});
    QCoreApplication::processEvents();
    QCOMPARE(w->inspector()->page(), InspectorPanel::Page::Multiple);

    // One selected card goes: without the event loop, the scene has said so and the inspector,
    // the status bar and the legend follow, as they did before any coalescing.
    QSignalSpy selection(scene, &QGraphicsScene::selectionChanged);
    w->undoStack()->push(new RemoveItemsCommand(w->diagram(), {b}, {}));
    QCOMPARE(selection.count(), 1);
    QCOMPARE(w->inspector()->selectedComponents(), QStringList({a, c}));
    QCOMPARE(countsText(*w), expectedCounts(d));
    QCOMPARE(w->view()->flowLegend()->flows(), FlowLegend::usedFlows(d));

    // The shown card of a single selection goes: the inspector shows the diagram at once.
    scene->selectIds({a});
    QCoreApplication::processEvents();
    QCOMPARE(w->inspector()->page(), InspectorPanel::Page::Component);
    w->undoStack()->push(new RemoveItemsCommand(w->diagram(), {a}, {}));
    QCOMPARE(w->inspector()->page(), InspectorPanel::Page::Diagram);
    QCoreApplication::processEvents();
    verifyCaughtUp(*w);
}

void TestBulkDelete::manyDeletesInOneTurn()
{
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> w = openBoard(dir, 120);
    DiagramScene *scene = w->scene();
    const Diagram &d = *w->diagram();
    QStringList ids;
    for (int i = 0; i < 100; ++i)
        ids << d.components()[size_t(i)].id;
    scene->selectIds(ids);
    QCoreApplication::processEvents();

    // One command per card, all in one turn (a script, a long macro): the first ones are
    // announced at once, the rest once on the next turn, none lost.
    QSignalSpy selection(scene, &QGraphicsScene::selectionChanged);
    const int deletes = Coalesced::atOnce + 20;
    for (int i = 0; i < deletes; ++i)
        w->undoStack()->push(new RemoveItemsCommand(w->diagram(), {ids[i]}, {}));
    QCOMPARE(selection.count(), Coalesced::atOnce);
    QCoreApplication::processEvents();
    QCOMPARE(selection.count(), Coalesced::atOnce + 1);
    QCOMPARE(w->inspector()->selectedComponents(), ids.mid(deletes));
    verifyCaughtUp(*w);

    // All come back on undo.
    for (int i = 0; i < deletes; ++i)
        w->undoStack()->undo();
    QCoreApplication::processEvents();
    QCOMPARE(d.components().size(), size_t(120));
    verifyCaughtUp(*w);
}

QTEST_MAIN(TestBulkDelete)
#include "tst_bulk_delete.moc"
