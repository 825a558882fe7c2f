// SPDX-License-Identifier: MIT
#include "CanvasFixture.h"
#include "ComponentProps.h"
#include "Diagram.h"
#include "canvas/CardStyle.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectHandles.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/FlowLegendOverlay.h"
#include "canvas/KindPickerMenu.h"
#include "canvas/ZoneItem.h"
#include "canvas/ZoneResizeTool.h"
#include "export/SceneExporter.h"

#include <QApplication>
#include <QLineEdit>
#include <QMouseEvent>
#include <QTest>
#include <QUndoStack>

using namespace mls;
using namespace mls::test;

/// Connecting and zones on the real view (offscreen): side handles and the border band,
/// dropping on empty canvas, re-attaching an arrow's ends, resizing zones, the flow legend.
class TestConnecting : public QObject, public CanvasFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pressStartsConnection_data();
    void pressStartsConnection();
    void dropOnEmptyCanvasAddsAndConnects();
    void dropOnEmptyCanvasDismissed();
    void reattach_data();
    void reattach();
    void zoneResize_data();
    void zoneResize();
    void resizedTool_data();
    void resizedTool();
    void kindPickerFilters();
    void legendFollowsFlows();
    void fitKeepsCardsClearOfLegend_data();
    void fitKeepsCardsClearOfLegend();
    void arrowToolTipSaysFlowAndLabel();
    void exportDrawsLegend();
};

void TestConnecting::init()
{
    build();
    m_view->flowLegend()->setScene(m_scene);
    QVERIFY(show());
}

void TestConnecting::cleanup()
{
    tearDown();
}

void TestConnecting::pressStartsConnection_data()
{
    using Side = ConnectHandles::Side;
    const QRectF card = CardStyle::cardRect();
    QTest::addColumn<QPointF>("press"); // relative to the client card's centre
    QTest::addColumn<bool>("arrowBeneath");
    QTest::addColumn<bool>("connects");
    for (Side side : ConnectHandles::sides) {
        const QPointF c = ConnectHandles::centre(card, side);
        const QString name = QStringLiteral("side %1").arg(int(side));
        QTest::newRow(qPrintable(name + " centre")) << c << false << true;
        // Most of the hit area is outside the dot: its rim still grabs.
        const QPointF out = (c - card.center()) / QLineF(card.center(), c).length();
        QTest::newRow(qPrintable(name + " rim")) << c + out * 12 << false << true;
        QTest::newRow(qPrintable(name + " left of centre")) << c - QPointF(6, 0) << false << true;
    }
    QTest::newRow("edge zone inside the right border")
        << QPointF(card.right() - 3, 20) << false << true;
    QTest::newRow("edge zone just outside the bottom border")
        << QPointF(-60, card.bottom() + 2) << false << true;
    QTest::newRow("handle over the arrow leaving there")
        << ConnectHandles::centre(card, Side::Right) << true << true;
    QTest::newRow("card body moves instead") << QPointF(-40, 0) << false << false;
    QTest::newRow("beyond the hit area") << QPointF(card.right() + 30, 0) << false << false;
}

void TestConnecting::pressStartsConnection()
{
    QFETCH(QPointF, press);
    QFETCH(bool, arrowBeneath);
    QFETCH(bool, connects);
    if (arrowBeneath)
        m_diagram->insertConnection(0, connection("e1", "client", "gw", "requests"));
    const int before = int(m_diagram->connections().size());
    drag(press, m_diagram->component("gw")->pos);
    QCOMPARE(int(m_diagram->connections().size()), before + (connects ? 1 : 0));
    if (connects) {
        const Connection &c = m_diagram->connections().back();
        QCOMPARE(c.from, QStringLiteral("client"));
        QCOMPARE(c.to, QStringLiteral("gw"));
        QCOMPARE(m_diagram->component("client")->pos, QPointF(0, 0)); // not moved
        QVERIFY(m_scene->selectedConnectionIds().isEmpty());          // the arrow not grabbed
    }
}

void TestConnecting::dropOnEmptyCanvasAddsAndConnects()
{
    QStringList offered;
    QStringList received;
    m_scene->setKindChooser(
        [&](const QStringList &kinds, const QStringList &flows, const QPoint &) {
            offered = kinds;
            received = flows;
            return QStringLiteral("api_gateway");
        });
    const QPointF handle = ConnectHandles::centre(CardStyle::cardRect(), ConnectHandles::Side::Top);
    drag(handle, {0, -300});
    // Only what the veto would accept: a client sends requests and events.
    QVERIFY(offered.contains("api_gateway"));
    QVERIFY(offered.contains("event_stream"));
    QVERIFY(!offered.contains("model_registry"));
    QVERIFY(!offered.contains("client")); // consumes predictions and candidates only
    QCOMPARE(received.value(offered.indexOf("api_gateway")), QStringLiteral("requests"));
    QCOMPARE(int(m_diagram->components().size()), 6);
    const Component &added = m_diagram->components().back();
    QCOMPARE(added.kind, QStringLiteral("api_gateway"));
    QVERIFY(added.pos.y() < -300); // above the drop point: the arrow ends at its near edge
    QCOMPARE(int(m_diagram->connections().size()), 1);
    QCOMPARE(m_diagram->connections()[0].from, QStringLiteral("client"));
    QCOMPARE(m_diagram->connections()[0].to, added.id);
    QCOMPARE(m_diagram->connections()[0].flow, QStringLiteral("requests"));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_scene->selectedComponentIds(), QStringList{added.id});
    m_stack->undo();
    QCOMPARE(int(m_diagram->components().size()), 5);
    QVERIFY(m_diagram->connections().empty());
}

void TestConnecting::dropOnEmptyCanvasDismissed()
{
    bool asked = false;
    m_scene->setKindChooser([&](const QStringList &, const QStringList &, const QPoint &) {
        asked = true;
        return QString();
    });
    // A click on a handle without dragging away is no drop.
    drag(ConnectHandles::centre(CardStyle::cardRect(), ConnectHandles::Side::Top),
         ConnectHandles::centre(CardStyle::cardRect(), ConnectHandles::Side::Top) + QPointF(0, -2));
    QVERIFY(!asked);
    drag(ConnectHandles::centre(CardStyle::cardRect(), ConnectHandles::Side::Top), {0, -300});
    QVERIFY(asked);
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(int(m_diagram->components().size()), 5);
}

void TestConnecting::reattach_data()
{
    QTest::addColumn<bool>("tail"); // drag the arrow's source end (else its tip)
    QTest::addColumn<QString>("onto");
    QTest::addColumn<QString>("chosen"); // what the flow menu answers
    QTest::addColumn<QString>("from");   // expected after the drop
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("flow");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("tip onto the lake: flow follows") << false << "lake"
                                                     << ""
                                                     << "client"
                                                     << "lake"
                                                     << "events"
                                                     << "";
    QTest::newRow("tail onto the stream: flow asked") << true << "stream"
                                                      << "features"
                                                      << "stream"
                                                      << "gw"
                                                      << "features"
                                                      << "";
    QTest::newRow("tip onto the registry: refused")
        << false << "reg"
        << ""
        << "client"
        << "gw"
        << "requests"
        << "Client produces requests, events; Model registry consumes model, metrics";
}

void TestConnecting::reattach()
{
    QFETCH(bool, tail);
    QFETCH(QString, onto);
    QFETCH(QString, chosen);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, flow);
    QFETCH(QString, refusal);
    m_scene->setFlowChooser([&](const QStringList &, const QPoint &) { return chosen; });
    m_diagram->insertConnection(0, connection("e1", "client", "gw", "requests"));
    m_scene->selectIds({"e1"});
    ConnectionItem *arrow = m_scene->connectionItem("e1");
    drag(tail ? arrow->sourceEnd() : arrow->targetEnd(), m_diagram->component(onto)->pos);
    const Connection *c = m_diagram->connection("e1");
    QVERIFY(c);
    QCOMPARE(c->from, from);
    QCOMPARE(c->to, to);
    QCOMPARE(c->flow, flow);
    QCOMPARE(m_scene->lastRefusal(), refusal);
    QCOMPARE(m_stack->count(), refusal.isEmpty() ? 1 : 0);
    QCOMPARE(int(m_diagram->components().size()), 5); // no card moved or added
    if (refusal.isEmpty()) {
        QVERIFY(m_stack->text(0).startsWith(QStringLiteral("Reconnect")));
        m_stack->undo();
        QCOMPARE(m_diagram->connection("e1")->to, QStringLiteral("gw"));
        QCOMPARE(m_diagram->connection("e1")->from, QStringLiteral("client"));
        QCOMPARE(m_diagram->connection("e1")->flow, QStringLiteral("requests"));
    }
}

void TestConnecting::zoneResize_data()
{
    QTest::addColumn<QString>("edge"); // where on the zone's outline the drag starts
    QTest::addColumn<QPointF>("by");
    QTest::addColumn<QMarginsF>("margins");
    QTest::newRow("right edge out") << "right" << QPointF(100, 0) << QMarginsF(0, 0, 100, 0);
    QTest::newRow("bottom edge out") << "bottom" << QPointF(0, 60) << QMarginsF(0, 0, 0, 60);
    QTest::newRow("corner out") << "bottomright" << QPointF(40, 80) << QMarginsF(0, 0, 40, 80);
    QTest::newRow("left edge in stops at the members") << "left" << QPointF(300, 0) << QMarginsF();
}

void TestConnecting::zoneResize()
{
    QFETCH(QString, edge);
    QFETCH(QPointF, by);
    QFETCH(QMarginsF, margins);
    Group g;
    g.id = "g1";
    g.label = "Edge";
    g.members = {"reg"};
    m_diagram->insertGroup(0, g);
    const QRectF r = m_scene->zoneItem("g1")->sceneRect();
    QPointF at;
    if (edge == "right")
        at = QPointF(r.right(), r.center().y());
    else if (edge == "bottom")
        at = QPointF(r.center().x(), r.bottom());
    else if (edge == "bottomright")
        at = r.bottomRight();
    else
        at = QPointF(r.left(), r.center().y());
    if (edge == "left") { // first make room, then drag the left edge far inside
        known::setZoneMargins(g, QMarginsF(40, 0, 0, 0));
        m_diagram->updateGroup(g);
        at.rx() -= 40;
    }
    drag(at, at + by);
    QCOMPARE(known::zoneMargins(*m_diagram->group("g1")), margins);
    QCOMPARE(m_diagram->group("g1")->members, QStringList{"reg"}); // never changes membership
    QCOMPARE(m_diagram->component("reg")->pos, QPointF(0, 300));   // nor moves the cards
    QCOMPARE(m_stack->count(), 1);
    QVERIFY(m_stack->text(0).startsWith(QStringLiteral("Resize zone")));
    QCOMPARE(m_scene->zoneItem("g1")->sceneRect(),
             ZoneItem::rectAround(m_scene->membersRect("g1")) + margins);
    m_stack->undo();
    QCOMPARE(known::zoneMargins(*m_diagram->group("g1")),
             edge == "left" ? QMarginsF(40, 0, 0, 0) : QMarginsF());
}

void TestConnecting::resizedTool_data()
{
    QTest::addColumn<int>("edges");
    QTest::addColumn<QPointF>("delta");
    QTest::addColumn<QRectF>("expected");
    const int l = Qt::LeftEdge, t = Qt::TopEdge, r = Qt::RightEdge, b = Qt::BottomEdge;
    // start (0,0 200x100); minimum (20,20 100x50)
    QTest::newRow("grow right") << r << QPointF(50, 9) << QRectF(0, 0, 250, 100);
    QTest::newRow("shrink right to the minimum") << r << QPointF(-150, 0) << QRectF(0, 0, 120, 100);
    QTest::newRow("shrink left, stops") << l << QPointF(90, 0) << QRectF(20, 0, 180, 100);
    QTest::newRow("top and left") << (t | l) << QPointF(-10, -20) << QRectF(-10, -20, 210, 120);
    QTest::newRow("bottom below the minimum") << b << QPointF(0, -80) << QRectF(0, 0, 200, 70);
}

void TestConnecting::resizedTool()
{
    QFETCH(int, edges);
    QFETCH(QPointF, delta);
    QFETCH(QRectF, expected);
    QCOMPARE(ZoneResizeTool::resized(QRectF(0, 0, 200, 100), Qt::Edges(edges), delta,
                                     QRectF(20, 20, 100, 50)),
             expected);
}

void TestConnecting::kindPickerFilters()
{
    KindPickerMenu menu({"feature_store", "monitoring", "cache"},
                        {"features", "features", "features"});
    QCOMPARE(menu.visibleKindActions().size(), 3);
    QTest::keyClicks(menu.searchField(), "moni");
    QCOMPARE(menu.visibleKindActions().size(), 1);
    QCOMPARE(menu.visibleKindActions()[0]->data().toString(), QStringLiteral("monitoring"));
    menu.searchField()->clear();
    QTest::keyClicks(menu.searchField(), "feature_st");
    QCOMPARE(menu.visibleKindActions().size(), 1); // ids match too
}

void TestConnecting::legendFollowsFlows()
{
    FlowLegendOverlay *legend = m_view->flowLegend();
    QVERIFY(legend->isHidden()); // no arrows, nothing to explain
    m_diagram->insertConnection(0, connection("e1", "client", "gw", "requests"));
    m_diagram->insertConnection(1, connection("e2", "stream", "lake", "events"));
    m_diagram->insertConnection(2, connection("e3", "gw", "stream", "events"));
    QCOMPARE(legend->flows(), QStringList({"requests", "events"})); // catalog order, once each
    QVERIFY(legend->isVisible());
    // Bottom-left corner of the viewport, inside it.
    const QRect vp = m_view->viewport()->geometry();
    QVERIFY(vp.contains(legend->geometry()));
    QVERIFY(legend->geometry().left() - vp.left() < 20);
    QVERIFY(vp.bottom() - legend->geometry().bottom() < 20);
    legend->setWanted(false);
    QVERIFY(legend->isHidden());
    legend->setWanted(true);
    m_diagram->takeConnection("e1");
    QCOMPARE(legend->flows(), QStringList{"events"});
}

void TestConnecting::fitKeepsCardsClearOfLegend_data()
{
    // The legend only covers a card when the board's shape is close to the view's (else Fit
    // leaves a band free anyway): rows are added until the board is as tall as "aspect" says,
    // relative to the view's own width / height.
    QTest::addColumn<int>("columns");
    QTest::addColumn<double>("aspect");
    QTest::addColumn<QSize>("viewSize");
    QTest::newRow("view's shape") << 6 << 1.0 << QSize(1200, 800);
    QTest::newRow("a little wider") << 6 << 1.1 << QSize(1200, 800);
    QTest::newRow("a little taller") << 6 << 0.9 << QSize(1200, 800);
    QTest::newRow("small view") << 4 << 1.0 << QSize(640, 480);
    QTest::newRow("wide view, wide board") << 10 << 1.0 << QSize(1600, 500);
}

void TestConnecting::fitKeepsCardsClearOfLegend()
{
    QFETCH(int, columns);
    QFETCH(double, aspect);
    QFETCH(QSize, viewSize);
    for (const char *id : {"client", "gw", "reg", "stream", "lake"})
        m_diagram->takeComponent(id);
    m_view->resize(viewSize);
    const QSizeF vp0 = m_view->viewport()->size();
    const qreal wanted = vp0.width() / vp0.height() * aspect;
    QStringList ids;
    for (int r = 0; r < 40; ++r) {
        for (int c = 0; c < columns; ++c) {
            ids << QStringLiteral("c%1_%2").arg(r).arg(c);
            m_diagram->insertComponent(int(ids.size() - 1), component(ids.last(), "feature_store",
                                                                      {c * 260.0, r * 140.0}));
        }
        const QRectF content = m_scene->contentRect();
        if (content.width() / content.height() <= wanted)
            break;
    }
    m_diagram->insertConnection(0, connection("e1", ids.first(), ids.last(), "features"));
    QTRY_VERIFY(m_view->flowLegend()->isVisible());
    m_view->fitToContent();
    const QRect vp = m_view->viewport()->rect();
    const QRect legend = m_view->flowLegend()->geometry().translated(-m_view->viewport()->pos());
    QRect all;
    for (const QString &id : ids) {
        const QRect card =
            m_view->mapFromScene(m_scene->componentItem(id)->sceneBoundingRect()).boundingRect();
        QVERIFY2(vp.contains(card), qPrintable(id));
        QVERIFY2(!card.intersects(legend), qPrintable(id));
        all |= card;
    }
    // Fit still uses the room: the cards span most of the free width or height.
    QVERIFY2(all.width() > vp.width() * 0.6 || all.height() > vp.height() * 0.6,
             qPrintable(QStringLiteral("%1 × %2").arg(all.width()).arg(all.height())));
}

void TestConnecting::arrowToolTipSaysFlowAndLabel()
{
    Connection c = connection("e1", "client", "gw", "requests");
    c.label = "search query";
    m_diagram->insertConnection(0, c);
    const QString tip = m_scene->connectionItem("e1")->toolTipText();
    QVERIFY2(tip.startsWith(QStringLiteral("Carries <b>Requests</b>")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("search query")), qPrintable(tip));
}

void TestConnecting::exportDrawsLegend()
{
    m_diagram->insertConnection(0, connection("e1", "client", "gw", "requests"));
    ExportOptions with;
    ExportOptions without;
    without.flowLegend = false;
    const QImage a = SceneExporter(m_diagram, with).toImage(nullptr);
    const QImage b = SceneExporter(m_diagram, without).toImage(nullptr);
    QCOMPARE(a.width(), b.width());
    QVERIFY2(a.height() > b.height() + 30, qPrintable(QString::number(a.height() - b.height())));
    // Below the drawing, at its left: the legend's dark text on white.
    bool inked = false;
    for (int y = b.height(); y < a.height() && !inked; ++y) {
        for (int x = 0; x < a.width() / 2 && !inked; ++x)
            inked = a.pixelColor(x, y).lightness() < 128;
    }
    QVERIFY(inked);
}

QTEST_MAIN(TestConnecting)
#include "tst_connecting.moc"
