// SPDX-License-Identifier: MIT
#include "../core/LayoutFixtures.h"
#include "AutoLayoutActions.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "LayoutRunner.h"
#include "MainWindow.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/LayoutAnimation.h"
#include "canvas/ZoneItem.h"
#include "commands/MoveComponentsCommand.h"
#include "layout/DiagramLayout.h"
#include "layout/LayoutPlacement.h"

#include <QAction>
#include <QElapsedTimer>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace mls;
using namespace mls::test::layout;

namespace {

const QString worker = QStringLiteral(MLSKETCH_BIN);
const QString slowWorker = QStringLiteral(MLS_TEST_DATA_DIR "/layout/slow_worker.sh");
const QString templateFile =
    QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");

void open(MainWindow &w, const QString &path = templateFile)
{
    QString error;
    QVERIFY2(w.openFile(path, &error), qPrintable(error));
}

/// Runs an action and waits for the layout to end (applied, failed or cancelled).
bool layOut(MainWindow &w, bool selectionOnly = false)
{
    AutoLayoutActions *a = w.autoLayoutActions();
    QSignalSpy ended(a, &AutoLayoutActions::layoutEnded);
    selectionOnly ? a->layoutSelection() : a->layoutAll();
    // Generous limits: sfdp on 2,000 cards takes seconds idle and much longer on a loaded CI
    // machine; the waits end as soon as the layout and its animation do.
    if (ended.isEmpty() && !ended.wait(120000))
        return false;
    return QTest::qWaitFor([a] { return !a->animation()->isRunning(); }, 30000);
}

/// Every card is drawn where the model has it.
void itemsFollowModel(MainWindow &w)
{
    for (const Component &c : w.diagram()->components())
        QCOMPARE(w.scene()->componentItem(c.id)->pos(), c.pos);
}

} // namespace

/// Arrange → Auto Layout in the window: worker process, one undo step, routes, pins, cancel.
class TestAutoLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void layoutAllAndUndoExactly();
    void resultIsBroughtIntoView();
    void selectionOnlyKeepsOthers();
    void pinnedStayAndPinUndo();
    void pinActionFollowsSelection();
    void cancelLeavesDiagramUnchanged();
    void editDuringLayoutStopsIt();
    void timeLimitFallsBackToSfdp();
    void failureLeavesDiagramUnchanged();
    void wrongResultLeavesDiagramUnchanged();
    void routesDrawnUntilAnEndMoves();
    void routesRoundTripInTheFile();
    void inProcessWithoutWorker();
    void largeDiagramSwitchesToSfdp();
    void directionIsRemembered();
};

void TestAutoLayout::initTestCase()
{
    LayoutRunner::setDefaultWorker(worker);
}

void TestAutoLayout::init()
{
    QSettings().remove(QStringLiteral("layout"));
}

void TestAutoLayout::layoutAllAndUndoExactly()
{
    MainWindow w;
    open(w);
    // Scramble the template so the layout has work to do.
    for (const Component &c : w.diagram()->components())
        w.diagram()->moveComponent(c.id, QPointF(c.id.size() * 37.5, c.label.size() * 11.25));
    const QByteArray before = DiagramWriter::write(*w.diagram());
    const int steps = w.undoStack()->count();

    QVERIFY(layOut(w));
    const QString message = w.autoLayoutActions()->lastMessage();
    QVERIFY2(message.startsWith("Laid out 20 components with dot in "), qPrintable(message));
    QCOMPARE(w.undoStack()->count(), steps + 1);
    QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Auto layout"));
    QVERIFY2(overlap(*w.diagram()).isEmpty(), qPrintable(overlap(*w.diagram())));
    itemsFollowModel(w);
    const auto &zones = w.diagram()->groups(); // as drawn, title band included
    for (size_t i = 0; i < zones.size(); ++i)
        for (size_t j = i + 1; j < zones.size(); ++j)
            QVERIFY2(!w.scene()
                          ->zoneItem(zones[i].id)
                          ->sceneRect()
                          .intersects(w.scene()->zoneItem(zones[j].id)->sceneRect()),
                     qPrintable(zones[i].label + " overlaps " + zones[j].label));
    int routed = 0;
    for (const Connection &e : w.diagram()->connections())
        routed += !e.route.isEmpty();
    QCOMPARE(routed, int(w.diagram()->connections().size()));
    const QByteArray after = DiagramWriter::write(*w.diagram());

    w.undoStack()->undo(); // positions and routes, exactly
    QCOMPARE(DiagramWriter::write(*w.diagram()), before);
    itemsFollowModel(w);
    w.undoStack()->redo();
    QCOMPARE(DiagramWriter::write(*w.diagram()), after);

    // A second run over the laid-out diagram changes nothing and adds no undo step.
    QVERIFY(layOut(w));
    QCOMPARE(w.undoStack()->count(), steps + 1);
}

/// A layout that ends up wider than, or away from, what the view shows is brought into view.
void TestAutoLayout::resultIsBroughtIntoView()
{
    MainWindow w;
    w.resize(1100, 750);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    open(w);
    for (const Component &c : w.diagram()->components())
        w.diagram()->moveComponent(c.id, QPointF(c.id.size() * 37.5, c.label.size() * 11.25));
    DiagramView *view = w.view();
    view->actualSize();
    view->centerOn(-3000, -3000); // looking at empty board
    auto shown = [view] { return view->mapToScene(view->viewport()->rect()).boundingRect(); };
    QVERIFY(!shown().contains(w.scene()->contentRect()));
    QVERIFY(layOut(w));
    QVERIFY2(shown().contains(w.scene()->contentRect()),
             qPrintable(QStringLiteral("content %1,%2 %3x%4")
                            .arg(w.scene()->contentRect().x())
                            .arg(w.scene()->contentRect().y())
                            .arg(w.scene()->contentRect().width())
                            .arg(w.scene()->contentRect().height())));
}

void TestAutoLayout::selectionOnlyKeepsOthers()
{
    MainWindow w;
    open(w);
    const QStringList chosen{"ranking", "rerank", "monitor"};
    for (const QString &id : chosen)
        w.diagram()->moveComponent(id, QPointF(5000 + id.size(), 5000 - id.size() * 90));
    QHash<QString, QPointF> before;
    for (const Component &c : w.diagram()->components())
        before.insert(c.id, c.pos);
    w.scene()->selectIds(chosen);
    QVERIFY(w.findChild<QAction *>("arrangeAutoLayoutSelection")->isEnabled());
    QVERIFY(layOut(w, true));
    QVERIFY2(w.autoLayoutActions()->lastMessage().startsWith("Laid out 3 components with dot"),
             qPrintable(w.autoLayoutActions()->lastMessage()));
    int moved = 0;
    for (const Component &c : w.diagram()->components()) {
        if (chosen.contains(c.id))
            moved += c.pos != before.value(c.id);
        else
            QCOMPARE(c.pos, before.value(c.id));
    }
    QVERIFY(moved > 0);
}

void TestAutoLayout::pinnedStayAndPinUndo()
{
    MainWindow w;
    open(w);
    w.diagram()->moveComponent("trainer", QPointF(-3000, 2000));
    w.scene()->selectIds({"trainer", "client"});
    w.autoLayoutActions()->setPinned(true);
    QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Pin 2 components"));
    QVERIFY(DiagramLayout::isPinned(*w.diagram()->component("trainer")));
    QVERIFY(layOut(w));
    QCOMPARE(w.diagram()->component("trainer")->pos, QPointF(-3000, 2000));
    QVERIFY2(overlap(*w.diagram()).isEmpty(), qPrintable(overlap(*w.diagram())));
    w.undoStack()->undo(); // the layout
    w.undoStack()->undo(); // the pin
    QVERIFY(!DiagramLayout::isPinned(*w.diagram()->component("trainer")));
    QVERIFY(!w.diagram()->component("client")->props.contains("pinned"));
    w.undoStack()->redo();
    QVERIFY(DiagramLayout::isPinned(*w.diagram()->component("client")));
}

void TestAutoLayout::pinActionFollowsSelection()
{
    MainWindow w;
    open(w);
    auto *pin = w.findChild<QAction *>("arrangePin");
    QVERIFY(pin && pin->isCheckable());
    QVERIFY(!pin->isEnabled());
    w.scene()->selectIds({"ranking"});
    QVERIFY(pin->isEnabled());
    QVERIFY(!pin->isChecked());
    pin->trigger(); // what a click in the menu does
    QVERIFY(pin->isChecked());
    QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Pin “Ranking model”"));
    pin->trigger();
    QVERIFY(!pin->isChecked());
    QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Unpin “Ranking model”"));
    w.undoStack()->undo(); // two steps, not merged
    QVERIFY(pin->isChecked());
    QVERIFY(DiagramLayout::isPinned(*w.diagram()->component("ranking")));
}

void TestAutoLayout::cancelLeavesDiagramUnchanged()
{
    MainWindow w;
    open(w);
    w.autoLayoutActions()->runner()->setWorker("/bin/sh", {slowWorker, worker, "layout-worker"});
    const QByteArray before = DiagramWriter::write(*w.diagram());
    auto *bar = w.findChild<QProgressBar *>();
    QVERIFY(bar);
    w.autoLayoutActions()->layoutAll();
    QVERIFY(w.autoLayoutActions()->isRunning());
    QVERIFY(!bar->parentWidget()->isHidden());
    QVERIFY(!w.findChild<QAction *>("arrangeAutoLayout")->isEnabled());
    // The window keeps working while Graphviz runs.
    QTest::qWait(200);
    w.scene()->selectIds({"client"});
    QCOMPARE(w.scene()->selectedComponentIds(), QStringList{"client"});
    w.autoLayoutActions()->cancel();
    QVERIFY(!w.autoLayoutActions()->isRunning());
    QVERIFY(bar->parentWidget()->isHidden());
    QCOMPARE(w.autoLayoutActions()->lastMessage(),
             QStringLiteral("Auto layout cancelled; the diagram is unchanged"));
    QCOMPARE(DiagramWriter::write(*w.diagram()), before);
    QVERIFY(!w.isModified());
    // And a layout afterwards works.
    w.autoLayoutActions()->runner()->setWorker(worker);
    QVERIFY(layOut(w));
    QVERIFY(w.isModified());
}

void TestAutoLayout::editDuringLayoutStopsIt()
{
    MainWindow w;
    open(w);
    w.autoLayoutActions()->runner()->setWorker("/bin/sh", {slowWorker, worker, "layout-worker"});
    w.autoLayoutActions()->layoutAll();
    QVERIFY(w.autoLayoutActions()->isRunning());
    w.undoStack()->push(new MoveComponentsCommand(w.diagram(), {"client"}, {QPointF(7, 7)}));
    QVERIFY(!w.autoLayoutActions()->isRunning());
    QCOMPARE(w.autoLayoutActions()->lastMessage(),
             QStringLiteral("Auto layout stopped: the diagram changed while it ran"));
    QCOMPARE(w.diagram()->component("client")->pos, QPointF(7, 7));
}

void TestAutoLayout::timeLimitFallsBackToSfdp()
{
    MainWindow w;
    open(w);
    LayoutRunner *runner = w.autoLayoutActions()->runner();
    runner->setWorker("/bin/sh", {slowWorker, worker, "layout-worker"});
    runner->setTimeLimit(500);
    QVERIFY(layOut(w));
    const QString message = w.autoLayoutActions()->lastMessage();
    QVERIFY2(message.startsWith("Laid out 20 components with sfdp in "), qPrintable(message));
    QVERIFY2(message.endsWith(": dot took longer than 0.5 s"), qPrintable(message));
    QVERIFY2(overlap(*w.diagram()).isEmpty(), qPrintable(overlap(*w.diagram())));
    QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Auto layout"));
}

void TestAutoLayout::failureLeavesDiagramUnchanged()
{
    MainWindow w;
    open(w);
    LayoutRunner *runner = w.autoLayoutActions()->runner();
    runner->setWorker("/bin/sh", {"-c", "exec sleep 60"});
    runner->setTimeLimit(200);
    const QByteArray before = DiagramWriter::write(*w.diagram());
    QVERIFY(layOut(w));
    QCOMPARE(w.autoLayoutActions()->lastMessage(),
             QStringLiteral("Auto layout failed: dot took longer than 0.2 s; then sfdp took "
                            "longer than 0.2 s. The diagram is unchanged."));
    QCOMPARE(DiagramWriter::write(*w.diagram()), before);
    QCOMPARE(w.undoStack()->count(), 0);
    QVERIFY(w.findChild<QAction *>("arrangeAutoLayout")->isEnabled());
}

void TestAutoLayout::wrongResultLeavesDiagramUnchanged()
{
    // A worker that answers well-formed JSON for some other diagram (no centres at all).
    MainWindow w;
    open(w);
    w.autoLayoutActions()->runner()->setWorker(
        "/bin/sh", {"-c", "cat >/dev/null; echo '{\"ok\":true,\"error\":\"\",\"message\":\"\","
                          "\"engine\":\"dot\",\"centres\":[],\"routes\":[],\"zones\":[],"
                          "\"bounds\":[0,0,0,0]}'"});
    const QByteArray before = DiagramWriter::write(*w.diagram());
    QVERIFY(layOut(w));
    QCOMPARE(w.autoLayoutActions()->lastMessage(),
             QStringLiteral("Auto layout failed: the result does not match the diagram. The "
                            "diagram is unchanged."));
    QCOMPARE(DiagramWriter::write(*w.diagram()), before);
    QCOMPARE(w.undoStack()->count(), 0);
}

void TestAutoLayout::routesDrawnUntilAnEndMoves()
{
    MainWindow w;
    open(w);
    DiagramScene *scene = w.scene();
    scene->setRouting(ConnectionItem::Routing::Orthogonal); // routes win over the view option
    QVERIFY(layOut(w));
    const Connection moved = *w.diagram()->connection(w.diagram()->connectionsOf("ranking")[0]);
    for (const Connection &e : w.diagram()->connections()) {
        const ConnectionItem *item = scene->connectionItem(e.id);
        QCOMPARE(item->path().elementCount(), e.route.points.size());
        QCOMPARE(item->path().elementAt(0), e.route.points[0]); // along Graphviz's curve
    }
    const QPointF at = w.diagram()->component("ranking")->pos;
    w.undoStack()->push(
        new MoveComponentsCommand(w.diagram(), {"ranking"}, {at + QPointF(0, 400)}));
    for (const Connection &e : w.diagram()->connections()) {
        const ConnectionItem *item = scene->connectionItem(e.id);
        const bool touches = e.from == "ranking" || e.to == "ranking";
        QCOMPARE(e.route.isEmpty(), false); // kept in the model: it applies again on return
        QCOMPARE(QPointF(item->path().elementAt(0)) == e.route.points[0], !touches);
    }
    w.undoStack()->undo();
    QCOMPARE(QPointF(scene->connectionItem(moved.id)->path().elementAt(0)), moved.route.points[0]);
    w.undoStack()->undo(); // the layout: routes gone, the view's routing again
    for (const Connection &e : w.diagram()->connections())
        QVERIFY(e.route.isEmpty());
}

void TestAutoLayout::routesRoundTripInTheFile()
{
    MainWindow w;
    open(w);
    QVERIFY(layOut(w));
    QTemporaryDir dir;
    const QString path = dir.filePath("laid_out.mlsketch");
    QString error;
    QVERIFY2(w.saveTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("\"route\": {"));
    const ReadResult back = DiagramReader::read(bytes, path);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY(back.warnings.isEmpty());
    QCOMPARE(DiagramWriter::write(*back.diagram), bytes); // byte-identical
    for (const Connection &e : w.diagram()->connections())
        QCOMPARE(back.diagram->connection(e.id)->route, e.route);

    MainWindow reopened;
    open(reopened, path);
    for (const Connection &e : reopened.diagram()->connections())
        QCOMPARE(QPointF(reopened.scene()->connectionItem(e.id)->path().elementAt(0)),
                 e.route.points[0]);
}

void TestAutoLayout::inProcessWithoutWorker()
{
    MainWindow w;
    open(w);
    w.autoLayoutActions()->runner()->setWorker(QString());
    QVERIFY(layOut(w));
    QVERIFY2(w.autoLayoutActions()->lastMessage().startsWith("Laid out 20 components with dot"),
             qPrintable(w.autoLayoutActions()->lastMessage()));
    QVERIFY2(overlap(*w.diagram()).isEmpty(), qPrintable(overlap(*w.diagram())));
}

void TestAutoLayout::directionIsRemembered()
{
    {
        MainWindow w;
        QCOMPARE(w.autoLayoutActions()->direction(), LayoutDirection::LeftToRight);
        w.autoLayoutActions()->setDirection(LayoutDirection::TopToBottom);
    }
    MainWindow w;
    QCOMPARE(w.autoLayoutActions()->direction(), LayoutDirection::TopToBottom);
    open(w);
    QVERIFY(layOut(w));
    const Diagram &d = *w.diagram();
    int down = 0;
    for (const Connection &e : d.connections())
        down += d.component(e.to)->pos.y() > d.component(e.from)->pos.y();
    QVERIFY2(down * 3 > int(d.connections().size()) * 2, "top to bottom: most arrows point down");
}

void TestAutoLayout::largeDiagramSwitchesToSfdp()
{
    Diagram big;
    test::layout::addDag(big, 2000, 3000, 7);
    QTemporaryDir dir;
    const QString path = dir.filePath("big.mlsketch");
    QVERIFY(DiagramWriter::save(big, path, nullptr));
    // What is checked is the switch by size; sfdp on 2,000 cards takes a few seconds idle and
    // went past the window's 10 s limit on a machine at load 5-9. The limit has its own case.
    QSettings().setValue(QStringLiteral("layout/timeLimitMs"), 100000);
    MainWindow w;
    open(w, path);
    const QByteArray before = DiagramWriter::write(*w.diagram());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(layOut(w));
    const QString message = w.autoLayoutActions()->lastMessage();
    QVERIFY2(message.startsWith("Laid out 2,000 components with sfdp in ") &&
                 message.endsWith("(switched from dot: more than 1,500 components)"),
             qPrintable(message));
    qInfo("%s; on the board after %lld ms", qPrintable(message), clock.elapsed());
    QVERIFY2(overlap(*w.diagram()).isEmpty(), qPrintable(overlap(*w.diagram())));
    itemsFollowModel(w);
    clock.restart();
    w.undoStack()->undo();
    qInfo("undo: %lld ms", clock.elapsed());
    QCOMPARE(DiagramWriter::write(*w.diagram()), before);
}

QTEST_MAIN(TestAutoLayout)
#include "tst_auto_layout.moc"
