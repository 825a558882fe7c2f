// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/ConnectionLabelItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/LabelPlacer.h"
#include "canvas/NoteItem.h"
#include "canvas/ZoneItem.h"
#include "commands/AddItemsCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/RemoveItemsCommand.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
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
    void indexFindsWhatAScanFinds_data();
    void indexFindsWhatAScanFinds();
    void sceneRectHoldsTheBoard();
};

namespace {

/// @p n cards scattered over a square that grows with n, each connected to one or two earlier
/// cards (every fifth arrow labelled), a zone per 50 cards and a few notes.
void fillScattered(Diagram &d, int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    const double side = 300.0 * std::sqrt(double(n));
    const QStringList kinds = {"client", "api_gateway", "ranking", "feature_store", "trainer"};
    for (int i = 0; i < n; ++i) {
        const QPointF at(rng.bounded(side), rng.bounded(side));
        d.insertComponent(i, component(QString("c%1").arg(i), kinds[i % kinds.size()], at));
    }
    int e = 0;
    for (int i = 1; i < n; ++i) {
        for (int k = 0; k < 1 + i % 2; ++k) {
            Connection c = connection(QString("e%1").arg(e), QString("c%1").arg(rng.bounded(i)),
                                      QString("c%1").arg(i), "features");
            if (e % 5 == 0)
                c.label = QString("label %1").arg(e);
            d.insertConnection(e++, c);
        }
    }
    for (int z = 0; z * 50 < n; ++z) {
        Group g;
        g.id = QString("z%1").arg(z);
        g.label = g.id;
        for (int m = z * 50; m < std::min(n, z * 50 + 3); ++m)
            g.members << QString("c%1").arg(m);
        d.insertGroup(z, g);
    }
    for (int i = 0; i < 3; ++i) {
        Note note;
        note.id = QString("n%1").arg(i);
        note.text = "note";
        note.rect = QRectF(rng.bounded(side), rng.bounded(side), 160, 120);
        d.insertNote(i, note);
    }
}

/// What @p item shows of the board, the same for the items of two scenes on one diagram.
QString describe(const QGraphicsItem *item)
{
    if (const auto *card = qgraphicsitem_cast<const ComponentItem *>(item))
        return "card " + card->componentId();
    if (const auto *arrow = qgraphicsitem_cast<const ConnectionItem *>(item))
        return "arrow " + arrow->connectionId();
    if (const auto *pill = qgraphicsitem_cast<const ConnectionLabelItem *>(item))
        return "pill " + pill->connection()->connectionId();
    if (const auto *zone = qgraphicsitem_cast<const ZoneItem *>(item))
        return "zone " + zone->groupId();
    if (const auto *note = qgraphicsitem_cast<const NoteItem *>(item))
        return "note " + note->noteId();
    return item->parentItem() ? describe(item->parentItem()) + " child" : "other";
}

QStringList describe(const QList<QGraphicsItem *> &items)
{
    QStringList out;
    for (const QGraphicsItem *item : items)
        out << describe(item);
    return out;
}

/// The first top-level item whose bounds are not in the scene rectangle ("" when none).
QString outsideSceneRect(const QGraphicsScene &scene)
{
    const QRectF rect = scene.sceneRect();
    for (const QGraphicsItem *item : scene.items()) {
        if (!item->parentItem() && !rect.contains(item->sceneBoundingRect()))
            return describe(item);
    }
    return {};
}

} // namespace

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
    QVERIFY(scene.componentItem("q")->toolTipText().contains("Unknown kind"));
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

void TestScene::indexFindsWhatAScanFinds_data()
{
    QTest::addColumn<int>("cards");
    QTest::newRow("40 cards (the smallest depth)") << 40;
    QTest::newRow("700 cards") << 700;
    QTest::newRow("2000 cards") << 2000;
}

/// The board's index is shallower than Qt's own choice (log2 of the item count): hit tests,
/// hover and the view's queries must still find exactly what a linear scan of the items
/// finds, in the same order, also after cards moved out of the board and new ones came.
void TestScene::indexFindsWhatAScanFinds()
{
    QFETCH(int, cards);
    Diagram d;
    fillScattered(d, cards, quint32(cards));
    DiagramScene indexed(&d);
    DiagramScene scanned(&d);
    scanned.setItemIndexMethod(QGraphicsScene::NoIndex);
    LabelPlacer::flush(&indexed);
    LabelPlacer::flush(&scanned);
    const qsizetype boardItems = d.components().size() + d.connections().size() + d.groups().size();
    QCOMPARE(indexed.bspTreeDepth(), DiagramScene::bspDepthFor(boardItems));
    if (cards >= 700) // shallower than Qt's own choice
        QVERIFY(indexed.bspTreeDepth() < int(std::ceil(std::log2(double(boardItems)))));

    QRandomGenerator rng(7);
    const auto compareQueries = [&](const char *when) {
        const QRectF all = indexed.contentRect().adjusted(-500, -500, 500, 500);
        for (int i = 0; i < 200; ++i) {
            const QPointF p(all.left() + rng.bounded(all.width()),
                            all.top() + rng.bounded(all.height()));
            const QRectF pixel(p, QSizeF(2, 2));
            const QRectF view(p, QSizeF(rng.bounded(4000.0), rng.bounded(3000.0)));
            QCOMPARE(describe(indexed.items(p)), describe(scanned.items(p)));
            QCOMPARE(describe(indexed.items(pixel, Qt::IntersectsItemShape, Qt::DescendingOrder)),
                     describe(scanned.items(pixel, Qt::IntersectsItemShape, Qt::DescendingOrder)));
            QCOMPARE(
                describe(indexed.items(view, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder)),
                describe(scanned.items(view, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder)));
            const auto *a = indexed.componentAt(p), *b = scanned.componentAt(p);
            QVERIFY2((a && b) ? a->componentId() == b->componentId() : a == b, when);
        }
    };
    compareQueries("as built");

    // Cards moved far out of the board and new ones beyond it, by commands, as a user would.
    QUndoStack stack;
    QHash<QString, QPointF> moves;
    for (int i = 0; i < cards; i += 7)
        moves.insert(QString("c%1").arg(i), QPointF(-20000 + rng.bounded(60000.0), -15000.0));
    QStringList ids = moves.keys();
    QList<QPointF> to;
    for (const QString &id : std::as_const(ids))
        to << moves.value(id);
    stack.push(new MoveComponentsCommand(&d, ids, to));
    for (int i = 0; i < 20; ++i)
        stack.push(AddItemsCommand::addComponent(
            &d, component(QString("far%1").arg(i), "cache", {50000.0 + 300 * i, 40000.0})));
    LabelPlacer::flush(&indexed);
    LabelPlacer::flush(&scanned);
    compareQueries("after moves and adds");
    stack.undo();
    stack.undo();
    compareQueries("after undo");
}

/// The board sets its own scene rectangle: it holds every item as Qt's own did (cards, arrows,
/// zones, notes, label pills), grows with the board and never shrinks; a new scene on a
/// smaller board is that board's.
void TestScene::sceneRectHoldsTheBoard()
{
    Diagram d;
    fillScattered(d, 60, 3);
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    QCOMPARE(outsideSceneRect(scene), QString());
    QVERIFY(scene.sceneRect().contains(scene.contentRect()));
    const QRectF built = scene.sceneRect();

    QUndoStack stack;
    stack.push(AddItemsCommand::addComponent(&d, component("far", "cache", {30000, -20000})));
    QCOMPARE(outsideSceneRect(scene), QString());
    stack.push(new MoveComponentsCommand(&d, {"c1"}, {{-25000, 18000}}));
    QCOMPARE(outsideSceneRect(scene), QString());
    Connection labelled = connection("long", "c1", "far", "features");
    labelled.label = "a label long enough to stick out of the arrow's own bounds";
    d.insertConnection(int(d.connections().size()), labelled);
    LabelPlacer::flush(&scene);
    QCOMPARE(outsideSceneRect(scene), QString());
    Note note;
    note.id = "far note";
    note.text = "far away";
    note.rect = QRectF(-40000, -40000, 200, 100);
    d.insertNote(int(d.notes().size()), note);
    QCOMPARE(outsideSceneRect(scene), QString());
    Note moved = *d.note("n0");
    moved.rect.moveTo(45000, 45000);
    d.updateNote(moved);
    QCOMPARE(outsideSceneRect(scene), QString());
    scene.previewMove({{"c2", QPointF(60000, 0)}, {"n1", QPointF(0, 60000)}}, {"z0"},
                      QPointF(-50000, 0));
    QCOMPARE(outsideSceneRect(scene), QString());
    scene.endPreview();
    QVERIFY(scene.componentAt(QPointF(30000, -20000))); // found however far out
    const QRectF grown = scene.sceneRect();
    QVERIFY(grown.contains(QRectF(-40000, -40000, 100000, 100000)));

    // Removing what stuck out leaves the rectangle (Qt's never shrank either) ...
    d.takeConnection("long");
    stack.undo();
    stack.undo();
    QCOMPARE(scene.sceneRect(), grown);
    QCOMPARE(outsideSceneRect(scene), QString());
    // ... and a scene built anew (another file opened) fits its own board.
    Diagram small;
    fillSmall(small);
    DiagramScene fresh(&small);
    LabelPlacer::flush(&fresh);
    QCOMPARE(outsideSceneRect(fresh), QString());
    QVERIFY(fresh.sceneRect().width() < built.width());
    QVERIFY(fresh.sceneRect().contains(fresh.contentRect()));
}

QTEST_MAIN(TestScene)
#include "tst_scene.moc"
