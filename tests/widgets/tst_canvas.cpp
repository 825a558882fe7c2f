// SPDX-License-Identifier: MIT
#include "CanvasFixture.h"
#include "CardGeometry.h"
#include "Diagram.h"
#include "canvas/CanvasController.h"
#include "canvas/CardStyle.h"
#include "canvas/ComponentItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/ZoneItem.h"
#include "commands/EditComponentCommand.h"
#include "panels/PalettePanel.h"

#include <QApplication>
#include <QLineEdit>
#include <QMimeData>
#include <QTest>
#include <QUndoStack>

using namespace mls;
using namespace mls::test;

/// The board driven as a user drives it: real view, synthesized mouse, keyboard and drops.
class TestCanvas : public QObject, public CanvasFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void zoomStepsStopAtActualSize_data();
    void zoomStepsStopAtActualSize();
    void dropFromPalette();
    void connectByDragging_data();
    void connectByDragging();
    void incompatibleDropIsRefused();
    void incompatibleAllowedWhenAsked();
    void moveWithMouseIsOneUndoStep();
    void arrowKeysNudgeAndMerge();
    void dragZoneMovesMembers();
    void dragCardOutOfZoneLeavesIt();
    void editLabelInPlace();
    void shiftClickTogglesAndRubberBandSelects();
    void newCardsLandOnFreeSpots();
    void longLabelGrowsTheCard();
};

void TestCanvas::init()
{
    build();
    connect(m_scene, &DiagramScene::labelEditRequested, m_view, &DiagramView::editLabel);
    QVERIFY(show());
}

void TestCanvas::cleanup()
{
    tearDown();
}

void TestCanvas::dropFromPalette()
{
    std::unique_ptr<QMimeData> mime(PalettePanel::mimeDataForKind("vector_db"));
    const QPoint at = viewPoint({800, -200});
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
    QApplication::sendEvent(m_view->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, {});
    QApplication::sendEvent(m_view->viewport(), &drop);
    QCOMPARE(int(m_diagram->components().size()), 6);
    const Component &added = m_diagram->components().back();
    QCOMPARE(added.kind, QStringLiteral("vector_db"));
    QCOMPARE(added.label, QStringLiteral("Vector DB"));
    QCOMPARE(added.pos, QPointF(800, -200)); // on the grid, where it was dropped
    QCOMPARE(m_scene->selectedComponentIds(), QStringList{added.id});
    m_stack->undo();
    QCOMPARE(int(m_diagram->components().size()), 5);
}

void TestCanvas::connectByDragging_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("chosen"); // what the chooser answers when several flows fit
    QTest::addColumn<QString>("flow");
    QTest::addColumn<QStringList>("offered");
    QTest::newRow("one flow fits") << "client"
                                   << "gw"
                                   << ""
                                   << "requests" << QStringList{};
    QTest::newRow("several: chooser")
        << "stream"
        << "lake"
        << "features"
        << "features" << QStringList{"events", "features", "predictions", "metrics"};
    QTest::newRow("chooser cancelled") << "stream"
                                       << "lake"
                                       << ""
                                       << "" << QStringList{};
}

void TestCanvas::connectByDragging()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, chosen);
    QFETCH(QString, flow);
    QFETCH(QStringList, offered);
    QStringList asked;
    m_scene->setFlowChooser([&](const QStringList &flows, const QPoint &) {
        asked = flows;
        return chosen;
    });
    const QPointF handle = m_scene->componentItem(from)->mapToScene(ConnectHandles::centre(
        m_scene->componentItem(from)->cardRect(), ConnectHandles::Side::Right));
    drag(handle, m_diagram->component(to)->pos);
    if (!offered.isEmpty())
        QCOMPARE(asked, offered);
    if (flow.isEmpty()) {
        QVERIFY(m_diagram->connections().empty());
        return;
    }
    QCOMPARE(int(m_diagram->connections().size()), 1);
    const Connection &c = m_diagram->connections()[0];
    QCOMPARE(c.from, from);
    QCOMPARE(c.to, to);
    QCOMPARE(c.flow, flow);
    // The cards did not move: a handle drag connects, it does not move.
    QCOMPARE(m_diagram->component(from)->pos, m_scene->componentItem(from)->pos());
    m_stack->undo();
    QVERIFY(m_diagram->connections().empty());
}

void TestCanvas::incompatibleDropIsRefused()
{
    const QPointF handle = m_scene->componentItem("reg")->mapToScene(ConnectHandles::centre(
        m_scene->componentItem("reg")->cardRect(), ConnectHandles::Side::Right));
    drag(handle, m_diagram->component("client")->pos);
    QVERIFY(m_diagram->connections().empty());
    QCOMPARE(
        m_scene->lastRefusal(),
        QStringLiteral("Model registry produces model; Client consumes predictions, candidates"));
    QCOMPARE(m_stack->count(), 0);
}

void TestCanvas::incompatibleAllowedWhenAsked()
{
    m_scene->setAllowIncompatible(true);
    QStringList asked;
    m_scene->setFlowChooser([&](const QStringList &flows, const QPoint &) {
        asked = flows;
        return QStringLiteral("model");
    });
    const QPointF handle = m_scene->componentItem("reg")->mapToScene(ConnectHandles::centre(
        m_scene->componentItem("reg")->cardRect(), ConnectHandles::Side::Right));
    drag(handle, m_diagram->component("client")->pos);
    QCOMPARE(int(m_diagram->connections().size()), 1);
    QCOMPARE(m_diagram->connections()[0].flow, QStringLiteral("model"));
}

void TestCanvas::moveWithMouseIsOneUndoStep()
{
    drag({0, 0}, {103, 58}); // snaps to the 20 px grid
    QCOMPARE(m_diagram->component("client")->pos, QPointF(100, 60));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->text(0), QStringLiteral("Move 1 component"));
    m_stack->undo();
    QCOMPARE(m_diagram->component("client")->pos, QPointF(0, 0));
    QCOMPARE(m_scene->componentItem("client")->pos(), QPointF(0, 0));
    m_stack->redo();
    QCOMPARE(m_scene->componentItem("client")->pos(), QPointF(100, 60));
}

void TestCanvas::arrowKeysNudgeAndMerge()
{
    m_scene->selectIds({"client", "gw"});
    m_view->setFocus();
    QTest::keyClick(m_view->viewport(), Qt::Key_Right);
    QTest::keyClick(m_view->viewport(), Qt::Key_Right);
    QTest::keyClick(m_view->viewport(), Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(m_diagram->component("client")->pos, QPointF(40, 200));
    QCOMPARE(m_diagram->component("gw")->pos, QPointF(440, 200));
    QCOMPARE(m_stack->count(), 1);
    m_scene->setSnapToGrid(false);
    QTest::keyClick(m_view->viewport(), Qt::Key_Left);
    QCOMPARE(m_diagram->component("client")->pos, QPointF(39, 200));
}

void TestCanvas::dragZoneMovesMembers()
{
    Group g;
    g.id = "z";
    g.label = "Online serving";
    g.members = {"client", "gw"};
    m_diagram->insertGroup(0, g);
    ZoneItem *zone = m_scene->zoneItem("z");
    const QPointF title = zone->titleRect().center();
    drag(title, title + QPointF(0, -100));
    QCOMPARE(m_diagram->component("client")->pos, QPointF(0, -100));
    QCOMPARE(m_diagram->component("gw")->pos, QPointF(400, -100));
    QCOMPARE(m_diagram->group("z")->members, QStringList({"client", "gw"}));
    QVERIFY(zone->sceneBoundingRect().contains(m_scene->componentItem("gw")->sceneBoundingRect()));
    m_stack->undo();
    QCOMPARE(m_diagram->component("gw")->pos, QPointF(400, 0));
}

void TestCanvas::dragCardOutOfZoneLeavesIt()
{
    Group g;
    g.id = "z";
    g.label = "Online serving";
    g.members = {"client", "gw"};
    m_diagram->insertGroup(0, g);
    drag({400, 0}, {400, 500});
    QCOMPARE(m_diagram->group("z")->members, QStringList{"client"});
    QCOMPARE(m_stack->count(), 1); // move and membership: one step
    m_stack->undo();
    QCOMPARE(m_diagram->group("z")->members, QStringList({"client", "gw"}));
    // And back in: dropping a card inside a zone joins it.
    drag({0, 300}, {200, 10});
    QVERIFY(m_diagram->group("z")->members.contains("reg"));
}

void TestCanvas::editLabelInPlace()
{
    // Qt 6.4's QTest::mouseDClick sends the double-click alone; a user's comes after a click.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint({400, 0}));
    QCOMPARE(m_scene->selectedComponentIds(), QStringList{"gw"});
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint({400, 0}));
    QLineEdit *editor = m_view->labelEditor();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, "Edge gateway");
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(m_diagram->component("gw")->label, QStringLiteral("Edge gateway"));
    QCOMPARE(m_stack->text(0), QStringLiteral("Rename “gw” to “Edge gateway”"));
}

void TestCanvas::shiftClickTogglesAndRubberBandSelects()
{
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint({0, 0}));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, viewPoint({400, 0}));
    QCOMPARE(m_scene->selectedComponentIds(), QStringList({"client", "gw"}));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, viewPoint({0, 0}));
    QCOMPARE(m_scene->selectedComponentIds(), QStringList{"gw"});
    // A rubber band from empty canvas around the bottom row.
    drag({-200, 200}, {1000, 400});
    QCOMPARE(m_scene->selectedComponentIds(), QStringList({"reg", "stream", "lake"}));
    QCOMPARE(m_stack->count(), 0);
}

QTEST_MAIN(TestCanvas)
void TestCanvas::zoomStepsStopAtActualSize_data()
{
    QTest::addColumn<qreal>("start");
    QTest::addColumn<bool>("in");
    QTest::newRow("in from 21 %") << 0.21 << true;
    QTest::newRow("in from 34 %") << 0.34 << true;
    QTest::newRow("out from 390 %") << 3.9 << false;
}

/// Zooming in or out step by step from any zoom passes through exactly 100 %.
void TestCanvas::zoomStepsStopAtActualSize()
{
    QFETCH(qreal, start);
    QFETCH(bool, in);
    DiagramView view;
    view.setZoom(start);
    bool hit = false;
    for (int i = 0; i < 12 && !hit; ++i) {
        in ? view.zoomIn() : view.zoomOut();
        hit = qFuzzyCompare(view.zoom(), 1.0);
    }
    QVERIFY2(hit, qPrintable(QString::number(view.zoom())));
}

#include "tst_canvas.moc"

void TestCanvas::newCardsLandOnFreeSpots()
{
    // The first lands at the view's centre; the next ones, nearest to it, cover nothing.
    const QPointF centre =
        m_scene->snapped(m_view->mapToScene(m_view->viewport()->rect().center()));
    const QString first = m_view->addComponent("cache", m_view->centreForNewComponent("cache"));
    QCOMPARE(m_diagram->component(first)->pos, centre);
    for (int i = 0; i < 5; ++i) {
        const QString id =
            m_view->addComponent("ranking", m_view->centreForNewComponent("ranking"));
        const Component *c = m_diagram->component(id);
        QVERIFY(QLineF(c->pos, centre).length() < 400);
        QCOMPARE(m_scene->snapped(c->pos), c->pos);
    }
    const auto &all = m_diagram->components();
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = i + 1; j < all.size(); ++j)
            QVERIFY2(!CardGeometry::rect(all[i]).intersects(CardGeometry::rect(all[j])),
                     qPrintable(all[i].id + " covers " + all[j].id));
    QCOMPARE(m_stack->count(), 6); // one undo step each
}

void TestCanvas::longLabelGrowsTheCard()
{
    const QString label = QStringLiteral("Followed-Post Retrieval and the trending posts of the "
                                         "accounts a user follows, merged and deduplicated");
    m_stack->push(EditComponentCommand::setLabel(m_diagram, "gw", label));
    ComponentItem *item = m_scene->componentItem("gw");
    QCOMPARE(item->sceneCardRect(), CardGeometry::rect(*m_diagram->component("gw")));
    QVERIFY(item->sceneCardRect().height() > CardGeometry::baseHeight);
    QVERIFY(item->boundingRect().contains(item->cardRect()));
    m_stack->undo();
    QCOMPARE(item->sceneCardRect().size(),
             QSizeF(CardGeometry::baseWidth, CardGeometry::baseHeight));
}
