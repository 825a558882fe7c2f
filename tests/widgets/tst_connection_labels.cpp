// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "canvas/CardStyle.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/ConnectionLabelItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/LabelPlacer.h"
#include "commands/EditConnectionCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "export/SceneExporter.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QUndoStack>
#include <QXmlStreamReader>

using namespace mls;
using namespace mls::test;

namespace {

const QString longLabel = QStringLiteral(
    "logged scores with the request context, joined with the delayed fraud labels nightly");

Connection labelled(const QString &id, const QString &from, const QString &to, const QString &label)
{
    Connection c = connection(id, from, to, "predictions");
    c.label = label;
    return c;
}

/// Two cards far apart with a third one right on the middle of the arrow between them.
void fillBlocked(Diagram &d)
{
    d.insertComponent(0, component("a", "model_server", {0, 0}));
    d.insertComponent(1, component("blocker", "feature_store", {450, 0}));
    d.insertComponent(2, component("b", "data_lake", {900, 0}));
    d.insertConnection(0, labelled("e", "a", "b", "logged scores"));
}

/// Two adjacent cards: the arrow is shorter than a long label, which cannot avoid them.
void fillAdjacent(Diagram &d, const QString &label)
{
    d.insertComponent(0, component("a", "model_server", {0, 0}));
    d.insertComponent(1, component("b", "data_lake", {250, 0}));
    d.insertConnection(0, labelled("e", "a", "b", label));
}

QList<ConnectionLabelItem *> labelItems(const QGraphicsScene &scene)
{
    QList<ConnectionLabelItem *> labels;
    for (QGraphicsItem *item : scene.items()) {
        if (auto *label = qgraphicsitem_cast<ConnectionLabelItem *>(item))
            labels << label;
    }
    return labels;
}

QList<ComponentItem *> cards(const QGraphicsScene &scene)
{
    QList<ComponentItem *> cards;
    for (QGraphicsItem *item : scene.items()) {
        if (auto *card = qgraphicsitem_cast<ComponentItem *>(item))
            cards << card;
    }
    return cards;
}

QImage render(QGraphicsScene &scene, const QRectF &source)
{
    QImage image(source.size().toSize() * 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(image.rect()), source);
    return image;
}

int differingPixels(const QImage &a, const QImage &b)
{
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            if (qAbs(qRed(p) - qRed(q)) + qAbs(qGreen(p) - qGreen(q)) + qAbs(qBlue(p) - qBlue(q)) >
                60)
                ++n;
        }
    }
    return n;
}

} // namespace

/// A connection's label is its own item above the cards, placed off them when it can be.
class TestConnectionLabels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelSitsAboveCards();
    void labelMovesOffACardOnTheMiddle();
    void labelFollowsTheRoute();
    void labelOverCardsIsRendered();
    void clickingTheLabelSelectsTheConnection();
    void longLabelWraps();
    void removeAndUndo();
    void svgHasTheLabelOnce();
};

void TestConnectionLabels::labelSitsAboveCards()
{
    Diagram d;
    fillBlocked(d);
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    ConnectionItem *arrow = scene.connectionItem("e");
    QVERIFY(arrow->labelItem());
    QCOMPARE(labelItems(scene).size(), 1);
    QCOMPARE(arrow->labelItem()->connection(), arrow);
    for (const ComponentItem *card : cards(scene))
        QVERIFY2(arrow->labelItem()->zValue() > card->zValue(), qPrintable(card->componentId()));
    // An arrow without a label has no label item.
    d.insertConnection(1, connection("plain", "b", "a", "predictions"));
    QVERIFY(!scene.connectionItem("plain")->labelItem());
    QCOMPARE(labelItems(scene).size(), 1);
}

void TestConnectionLabels::labelMovesOffACardOnTheMiddle()
{
    Diagram d;
    fillBlocked(d);
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    const ConnectionLabelItem *label = scene.connectionItem("e")->labelItem();
    const QRectF pill = label->sceneBoundingRect();
    for (const ComponentItem *card : cards(scene))
        QVERIFY2(!pill.intersects(card->sceneCardRect()), qPrintable(card->componentId()));
    // Still on the arrow: its centre is on the line between the cards (y = 0).
    QVERIFY(qAbs(pill.center().y()) < 1);
    QVERIFY(pill.center().x() > 106 && pill.center().x() < 794);

    // Without the blocker it goes back to the middle once the route changes.
    QUndoStack stack;
    stack.push(new RemoveItemsCommand(&d, {"blocker"}, {}));
    d.moveComponent("b", {900, 20}); // re-route
    QTRY_VERIFY(qAbs(label->sceneBoundingRect().center().x() - 450) <
                6); // placed by the event loop
    QVERIFY2(qAbs(label->sceneBoundingRect().center().x() - 450) < 6,
             qPrintable(QString::number(label->sceneBoundingRect().center().x())));
}

void TestConnectionLabels::labelFollowsTheRoute()
{
    Diagram d;
    fillAdjacent(d, "logs");
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    const ConnectionLabelItem *label = scene.connectionItem("e")->labelItem();
    const QPointF before = label->sceneBoundingRect().center();
    d.moveComponent("b", {250, 400});
    LabelPlacer::flush(&scene);
    const QPointF after = label->sceneBoundingRect().center();
    QVERIFY(after.y() > before.y() + 100);
    for (const ComponentItem *card : cards(scene))
        QVERIFY(!label->sceneBoundingRect().intersects(card->sceneCardRect()));
}

void TestConnectionLabels::labelOverCardsIsRendered()
{
    // No spot on this short arrow is free: the pill stays in the middle, over both cards, and
    // is drawn on top of them.
    Diagram d;
    fillAdjacent(d, "logged scores for audit");
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    ConnectionLabelItem *label = scene.connectionItem("e")->labelItem();
    const QRectF pill = label->sceneBoundingRect();
    const QRectF cardA = scene.componentItem("a")->sceneCardRect();
    QVERIFY2(pill.intersects(cardA), "the test needs a pill over a card");
    // Only the part of the pill that lies on card a.
    const QRectF covered = pill.intersected(cardA);
    const QImage with = render(scene, covered);
    label->hide();
    const QImage without = render(scene, covered);
    label->show();
    const int differing = differingPixels(with, without);
    QVERIFY2(differing > with.width() * with.height() / 20, qPrintable(QString::number(differing)));
}

void TestConnectionLabels::clickingTheLabelSelectsTheConnection()
{
    Diagram d;
    fillAdjacent(d, "logged scores for audit");
    QUndoStack stack;
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    scene.setUndoStack(&stack);
    DiagramView view;
    view.setScene(&scene);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.centerOn(125, 0);
    const ConnectionLabelItem *label = scene.connectionItem("e")->labelItem();
    // A point of the pill that lies on card b: the label, not the card, takes the click.
    const QRectF onCard =
        label->sceneBoundingRect().intersected(scene.componentItem("b")->sceneCardRect());
    QVERIFY(!onCard.isEmpty());
    const QPointF at = onCard.center();
    QCOMPARE(scene.interactiveItemAt(at), scene.connectionItem("e"));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(at));
    QCOMPARE(scene.selectedConnectionIds(), QStringList{"e"});
    QVERIFY(scene.selectedComponentIds().isEmpty());
    QCOMPARE(d.component("b")->pos, QPointF(250, 0)); // not dragged
    // Shift-click toggles it off again.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, view.mapFromScene(at));
    QVERIFY(scene.selectedConnectionIds().isEmpty());
    // A plain click elsewhere on a card still selects the card.
    QTest::mouseClick(
        view.viewport(), Qt::LeftButton, {},
        view.mapFromScene(scene.componentItem("a")->sceneCardRect().topLeft() + QPointF(20, 10)));
    QCOMPARE(scene.selectedComponentIds(), QStringList{"a"});
}

void TestConnectionLabels::longLabelWraps()
{
    Diagram d;
    fillAdjacent(d, longLabel);
    d.insertConnection(1, labelled("short", "b", "a", "scores"));
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    const ConnectionItem *arrow = scene.connectionItem("e");
    const ConnectionLabelItem *label = arrow->labelItem();
    QVERIFY(label->isWrapped());
    QCOMPARE(label->text(), longLabel);
    // Whole: the lines put together are the label, nothing elided.
    QCOMPARE(QString(label->shownText()).replace(QLatin1Char('\n'), QLatin1Char(' ')), longLabel);
    QVERIFY(!label->shownText().contains(QChar(0x2026)));
    QVERIFY2(label->pillSize().width() <= ConnectionLabelItem::maxTextWidth + 12,
             qPrintable(QString::number(label->pillSize().width())));
    const QFontMetricsF fm(CardStyle::light().kindFont());
    QVERIFY(label->pillSize().height() >= 3 * fm.height()); // about 85 characters: 3 lines
    QCOMPARE(DiagramScene::toolTipOf(label), arrow->toolTipText());

    const ConnectionItem *shortArrow = scene.connectionItem("short");
    QVERIFY(!shortArrow->labelItem()->isWrapped());
    QCOMPARE(shortArrow->labelItem()->shownText(), QStringLiteral("scores"));
    QCOMPARE(DiagramScene::toolTipOf(shortArrow->labelItem()), shortArrow->toolTipText());
}

void TestConnectionLabels::removeAndUndo()
{
    Diagram d;
    fillBlocked(d);
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    QUndoStack stack;
    stack.push(new RemoveItemsCommand(&d, {}, {"e"}));
    QVERIFY(!scene.connectionItem("e"));
    QVERIFY(labelItems(scene).isEmpty());
    stack.undo();
    QCOMPARE(labelItems(scene).size(), 1);
    QCOMPARE(labelItems(scene).first()->text(), QStringLiteral("logged scores"));
    QCOMPARE(labelItems(scene).first()->connection(), scene.connectionItem("e"));

    // Clearing the label removes the pill; undo brings it back; a new text replaces it.
    stack.push(EditConnectionCommand::setLabel(&d, "e", QString()));
    QVERIFY(!scene.connectionItem("e")->labelItem());
    QVERIFY(labelItems(scene).isEmpty());
    stack.undo();
    QCOMPARE(labelItems(scene).size(), 1);
    stack.push(EditConnectionCommand::setLabel(&d, "e", "audited scores"));
    QCOMPARE(labelItems(scene).size(), 1);
    QCOMPARE(scene.connectionItem("e")->labelItem()->text(), QStringLiteral("audited scores"));

    // Removing a card removes the connection and its label with it.
    stack.push(new RemoveItemsCommand(&d, {"a"}, {}));
    QVERIFY(labelItems(scene).isEmpty());
    stack.undo();
    QCOMPARE(labelItems(scene).size(), 1);
}

void TestConnectionLabels::svgHasTheLabelOnce()
{
    Diagram d;
    fillBlocked(d);
    d.insertComponent(3, component("loop", "stream_processor", {0, 300}));
    d.insertConnection(1, labelled("self", "loop", "loop", "retries"));
    SceneExporter exporter(&d, {});
    QXmlStreamReader xml(exporter.toSvg());
    int logged = 0, retries = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"text")
            continue;
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        logged += text == QStringLiteral("logged scores");
        retries += text == QStringLiteral("retries");
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(logged, 1);
    QCOMPARE(retries, 1);

    // The picture frames every pill, including a self-loop's, which sits beside its card.
    DiagramScene scene(&d);
    LabelPlacer::flush(&scene);
    const QRectF frame = exporter.sourceRect();
    for (const ConnectionLabelItem *label : labelItems(scene))
        QVERIFY2(frame.contains(label->sceneBoundingRect()), qPrintable(label->text()));
}

QTEST_MAIN(TestConnectionLabels)
#include "tst_connection_labels.moc"
