// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "canvas/CardStyle.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectHandles.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/KindPickerMenu.h"

#include <QApplication>
#include <QLineEdit>
#include <QMouseEvent>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace mls;
using namespace mls::test;

/// The connect gestures with real mouse events on a real X display (Xvfb with openbox, see
/// tests/CMakeLists.txt): hover, press, move with the button held, release — and the real
/// popup menu of a drop on empty canvas.
class TestConnectGestures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void connectFromSideHandle();
    void connectFromEdgeZone();
    void reattachEnd();
    void dropOnCanvasPicksFromMenu();

private:
    QPoint viewPoint(const QPointF &scenePos) const { return m_view->mapFromScene(scenePos); }
    void hover(const QPointF &scenePos);
    /// Press at @p from, move in steps with the left button held, release at @p to.
    void drag(const QPointF &from, const QPointF &to);

    Diagram *m_diagram = nullptr;
    QUndoStack *m_stack = nullptr;
    DiagramScene *m_scene = nullptr;
    DiagramView *m_view = nullptr;
};

void TestConnectGestures::initTestCase()
{
    if (qEnvironmentVariableIsSet("MLS_NO_XVFB_RUN"))
        QSKIP("xvfb-run is not installed: no X display to drive real mouse gestures on");
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
}

void TestConnectGestures::init()
{
    m_diagram = new Diagram;
    m_diagram->insertComponent(0, component("client", "client", {0, 0}));
    m_diagram->insertComponent(1, component("gw", "api_gateway", {400, 0}));
    m_diagram->insertComponent(2, component("rank", "ranking", {400, 260}));
    m_diagram->insertComponent(3, component("lake", "data_lake", {0, 260}));
    m_stack = new QUndoStack;
    m_scene = new DiagramScene(m_diagram);
    m_scene->setUndoStack(m_stack);
    m_view = new DiagramView;
    m_view->setScene(m_scene);
    m_view->resize(1100, 700);
    m_view->setSceneRect(-500, -400, 1500, 1000);
    m_view->show();
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view));
    m_view->centerOn(250, 150);
}

void TestConnectGestures::cleanup()
{
    delete m_view;
    delete m_scene;
    delete m_stack;
    delete m_diagram;
}

void TestConnectGestures::hover(const QPointF &scenePos)
{
    QTest::mouseMove(m_view->viewport(), viewPoint(scenePos));
    QTest::qWait(20);
}

void TestConnectGestures::drag(const QPointF &from, const QPointF &to)
{
    QWidget *vp = m_view->viewport();
    hover(from);
    QTest::mousePress(vp, Qt::LeftButton, {}, viewPoint(from));
    // QTest::mouseMove sends no buttons: a move with the button held is a QMouseEvent whose
    // buttons() has it, sent to the viewport like the window system would.
    const int steps = 8;
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = viewPoint(from + (to - from) * i / steps);
        QMouseEvent move(QEvent::MouseMove, p, vp->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(vp, &move);
        QTest::qWait(5);
    }
    QTest::mouseRelease(vp, Qt::LeftButton, {}, viewPoint(to));
    QTest::qWait(20);
}

void TestConnectGestures::connectFromSideHandle()
{
    const QPointF bottom =
        m_diagram->component("gw")->pos +
        ConnectHandles::centre(CardStyle::cardRect(), ConnectHandles::Side::Bottom);
    hover(bottom);
    QCOMPARE(m_view->viewport()->cursor().shape(), Qt::CrossCursor); // a press here connects
    drag(bottom, m_diagram->component("rank")->pos);
    QCOMPARE(int(m_diagram->connections().size()), 1);
    QCOMPARE(m_diagram->connections()[0].from, QStringLiteral("gw"));
    QCOMPARE(m_diagram->connections()[0].to, QStringLiteral("rank"));
    QCOMPARE(m_diagram->connections()[0].flow, QStringLiteral("requests"));
}

void TestConnectGestures::connectFromEdgeZone()
{
    const QRectF card = m_scene->componentItem("client")->sceneCardRect();
    const QPointF edge(card.right() - 2, card.top() + 12); // the border band, off the handles
    drag(edge, m_diagram->component("gw")->pos);
    QCOMPARE(int(m_diagram->connections().size()), 1);
    QCOMPARE(m_diagram->connections()[0].from, QStringLiteral("client"));
    QCOMPARE(m_diagram->connections()[0].to, QStringLiteral("gw"));
    QCOMPARE(m_diagram->component("client")->pos, QPointF(0, 0));
}

void TestConnectGestures::reattachEnd()
{
    m_diagram->insertConnection(0, connection("e1", "client", "gw", "requests"));
    ConnectionItem *arrow = m_scene->connectionItem("e1");
    // Select the arrow with a click on its middle, then drag its tip to the lake.
    const QPointF middle = arrow->path().pointAtPercent(0.5);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(middle));
    QCOMPARE(m_scene->selectedConnectionIds(), QStringList{"e1"});
    drag(arrow->targetEnd(), m_diagram->component("lake")->pos);
    QCOMPARE(m_diagram->connection("e1")->to, QStringLiteral("lake"));
    QCOMPARE(m_diagram->connection("e1")->flow, QStringLiteral("events"));
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(m_diagram->connection("e1")->to, QStringLiteral("gw"));
}

void TestConnectGestures::dropOnCanvasPicksFromMenu()
{
    // The menu is modal: answer it from a timer, as a user would, by typing and Enter.
    bool answered = false;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<KindPickerMenu *>(QApplication::activePopupWidget());
        if (!menu || answered)
            return;
        answered = true;
        QTest::keyClicks(menu->searchField(), QStringLiteral("monitor"));
        QTest::keyClick(menu->searchField(), Qt::Key_Return);
    });
    poll.start();
    const QPointF right =
        m_diagram->component("rank")->pos +
        ConnectHandles::centre(CardStyle::cardRect(), ConnectHandles::Side::Right);
    drag(right, right + QPointF(200, 0));
    QTRY_VERIFY(answered);
    QTRY_COMPARE(int(m_diagram->components().size()), 5);
    const Component &added = m_diagram->components().back();
    QCOMPARE(added.kind, QStringLiteral("monitoring"));
    QCOMPARE(int(m_diagram->connections().size()), 1);
    QCOMPARE(m_diagram->connections()[0].from, QStringLiteral("rank"));
    QCOMPARE(m_diagram->connections()[0].to, added.id);
    QCOMPARE(m_diagram->connections()[0].flow, QStringLiteral("predictions"));
    QCOMPARE(m_stack->count(), 1);
}

QTEST_MAIN(TestConnectGestures)
#include "tst_connect_gestures.moc"
