// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/ZoneItem.h"
#include "commands/AddItemsCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/RemoveItemsCommand.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QUndoStack>

using namespace mls;
using namespace mls::test;

/// The scene is a projection of the model: it follows every change, including undo.
class TestScene : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsItemsForEverything();
    void followsCommandsAndUndo();
    void connectionsFollowMovingCards();
    void zoneEnclosesMembers();
    void clipToRect_data();
    void clipToRect();
    void rendersSomething();
    void unknownKindIsShown();
    void farOutCardsKeepTheirLabel_data();
    void farOutCardsKeepTheirLabel();
};

void TestScene::buildsItemsForEverything()
{
    Diagram d;
    fillSmall(d);
    DiagramScene scene(&d);
    QVERIFY(scene.componentItem("client"));
    QVERIFY(scene.connectionItem("e3"));
    QVERIFY(scene.zoneItem("g1"));
    QCOMPARE(scene.componentItem("gw")->pos(), QPointF(250, 0));
}

void TestScene::followsCommandsAndUndo()
{
    Diagram d;
    fillSmall(d);
    DiagramScene scene(&d);
    QUndoStack stack;
    stack.push(new RemoveItemsCommand(&d, {"gw"}, {}));
    QVERIFY(!scene.componentItem("gw"));
    QVERIFY(!scene.connectionItem("e1"));
    stack.undo();
    QVERIFY(scene.componentItem("gw"));
    QVERIFY(scene.connectionItem("e1"));
    stack.push(AddItemsCommand::addComponent(&d, component("v", "vector_db", {0, 300})));
    QCOMPARE(scene.componentItem("v")->pos(), QPointF(0, 300));
    QCOMPARE(scene.items().size(), 4 + 1 + 3 + 1);
}

void TestScene::connectionsFollowMovingCards()
{
    Diagram d;
    fillSmall(d);
    DiagramScene scene(&d);
    QUndoStack stack;
    const QRectF before = scene.connectionItem("e3")->sceneBoundingRect();
    stack.push(new MoveComponentsCommand(&d, {"reg"}, {{900, 600}}));
    const QRectF after = scene.connectionItem("e3")->sceneBoundingRect();
    QVERIFY(after != before);
    QVERIFY(after.contains(QPointF(880, 560)));
}

void TestScene::zoneEnclosesMembers()
{
    Diagram d;
    fillSmall(d);
    DiagramScene scene(&d);
    const QRectF zone = scene.zoneItem("g1")->sceneBoundingRect();
    QVERIFY(zone.contains(scene.componentItem("client")->sceneBoundingRect()));
    QVERIFY(zone.contains(scene.componentItem("gw")->sceneBoundingRect()));
    QVERIFY(!zone.intersects(scene.componentItem("reg")->sceneBoundingRect()));
    d.moveComponent("gw", {250, 400});
    QVERIFY(scene.zoneItem("g1")->sceneBoundingRect().contains(
        scene.componentItem("gw")->sceneBoundingRect()));
}

void TestScene::clipToRect_data()
{
    QTest::addColumn<QPointF>("outside");
    QTest::addColumn<QPointF>("expected");
    // Rect centred on the origin, 200 × 100.
    QTest::newRow("right") << QPointF(500, 0) << QPointF(100, 0);
    QTest::newRow("above") << QPointF(0, -500) << QPointF(0, -50);
    QTest::newRow("corner diagonal") << QPointF(400, 200) << QPointF(100, 50);
    QTest::newRow("steep") << QPointF(100, 500) << QPointF(10, 50);
    QTest::newRow("inside") << QPointF(10, 5) << QPointF(10, 5);
}

void TestScene::clipToRect()
{
    QFETCH(QPointF, outside);
    QFETCH(QPointF, expected);
    const QPointF p = ConnectionItem::clipToRect(QRectF(-100, -50, 200, 100), outside);
    QVERIFY2(qAbs(p.x() - expected.x()) < 1e-9 && qAbs(p.y() - expected.y()) < 1e-9,
             qPrintable(QString("%1,%2").arg(p.x()).arg(p.y())));
}

void TestScene::rendersSomething()
{
    // Every card is painted where its item is, with its label in dark ink on a light card,
    // and the arrows between cards are drawn: blank canvas around the cards would fail.
    Diagram d;
    fillSmall(d);
    DiagramScene scene(&d);
    const QRectF source = scene.contentRect();
    QImage img(source.size().toSize(), QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    QPainter p(&img);
    scene.render(&p, QRectF(QPointF(0, 0), source.size()), source);
    p.end();
    auto dark = [](QRgb c) { return qAlpha(c) > 200 && qGray(c) < 110; };
    auto inkIn = [&](const QRectF &sceneRect) {
        const QRect r = sceneRect.translated(-source.topLeft()).toAlignedRect() & img.rect();
        int painted = 0, ink = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x) {
                painted += qAlpha(img.pixel(x, y)) > 200;
                ink += dark(img.pixel(x, y));
            }
        return std::pair<double, int>(double(painted) / (r.width() * r.height()), ink);
    };
    for (const Component &c : d.components()) {
        const auto [coverage, ink] = inkIn(scene.componentItem(c.id)->sceneCardRect());
        QVERIFY2(coverage > 0.8,
                 qPrintable(c.id + QString(": card %1 % painted").arg(coverage * 100)));
        QVERIFY2(ink > 40, qPrintable(c.id + QString(": %1 dark pixels (no label?)").arg(ink)));
    }
    // Between the gateway and the ranking cards there is only the arrow e2.
    const QRectF gw = scene.componentItem("gw")->sceneCardRect();
    const QRectF rank = scene.componentItem("rank")->sceneCardRect();
    const QRectF gap(QPointF(gw.right() + 4, gw.top()), QPointF(rank.left() - 4, gw.bottom()));
    QVERIFY(gap.width() > 10);
    QVERIFY2(inkIn(gap).second > 0, "the arrow between gw and rank is not drawn");
}

void TestScene::unknownKindIsShown()
{
    Diagram d;
    d.insertComponent(0, component("q", "quantum_annealer"));
    DiagramScene scene(&d);
    QVERIFY(scene.componentItem("q")->toolTip().contains("Unknown kind"));
}

void TestScene::farOutCardsKeepTheirLabel_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::addColumn<bool>("labelled");
    QTest::newRow("34 %: two lines") << 0.34 << true;
    QTest::newRow("22 %: one line") << 0.22 << true;
    QTest::newRow("8 %: a plain block") << 0.08 << false;
}

/// Zoomed far out a card is a coloured block; its label stays on it, in white, while it can
/// be read.
void TestScene::farOutCardsKeepTheirLabel()
{
    QFETCH(qreal, zoom);
    QFETCH(bool, labelled);
    Diagram d;
    d.insertComponent(0, component("gw", "api_gateway", {0, 0}, "Assistant backend"));
    DiagramScene scene(&d);
    const QRectF card = scene.componentItem("gw")->sceneCardRect();
    const QSize size = (card.size() * zoom).toSize();
    QImage img(size, QImage::Format_ARGB32);
    img.fill(Qt::black);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    scene.render(&p, QRectF(QPointF(), QSizeF(size)), card);
    p.end();
    int white = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            white += qGray(img.pixel(x, y)) > 200 ? 1 : 0;
    if (labelled)
        QVERIFY2(white > 10, qPrintable(QString::number(white)));
    else
        QCOMPARE(white, 0);
}

QTEST_MAIN(TestScene)
#include "tst_scene.moc"
