// SPDX-License-Identifier: MIT
#include "FreeSpot.h"

#include <QTest>

#include <cmath>

using namespace mls;

/// Where new cards and pasted pieces land: the nearest free grid position.
class TestFreeSpot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nearestFree_data();
    void nearestFree();
    void resultNeverOverlaps();
};

using Rects = QVector<QRectF>;

void TestFreeSpot::nearestFree_data()
{
    QTest::addColumn<Rects>("occupied");
    QTest::addColumn<QRectF>("wanted");
    QTest::addColumn<qreal>("gap");
    QTest::addColumn<QPointF>("topLeft");
    const QRectF card(-106, -30, 212, 60);
    QTest::newRow("empty board: where wanted") << Rects{} << card << 0.0 << card.topLeft();
    QTest::newRow("free spot beside another card")
        << Rects{QRectF(300, 0, 212, 60)} << card << 0.0 << card.topLeft();
    QTest::newRow("on a card: up beats down (tie) and sideways (farther)")
        << Rects{card} << card << 0.0 << QPointF(-106, -90);
    QTest::newRow("gap keeps a margin") << Rects{card} << card << 20.0 << QPointF(-106, -110);
    QTest::newRow("above taken: below")
        << Rects{card, QRectF(-106, -100, 212, 60)} << card << 0.0 << QPointF(-106, 30);
    QTest::newRow("column taken: nearest side is the left, tall card")
        << Rects{QRectF(-120, -1000, 240, 2000)} << QRectF(-10, -10, 20, 20) << 0.0
        << QPointF(-150, -10);
    QTest::newRow("touching edges do not overlap")
        << Rects{QRectF(0, 0, 100, 100)} << QRectF(100, 0, 100, 100) << 0.0 << QPointF(100, 0);
    QTest::newRow("no grid: stays") << Rects{card} << card << 0.0 << card.topLeft();
}

void TestFreeSpot::nearestFree()
{
    QFETCH(Rects, occupied);
    QFETCH(QRectF, wanted);
    QFETCH(qreal, gap);
    QFETCH(QPointF, topLeft);
    const qreal grid = QByteArray(QTest::currentDataTag()).startsWith("no grid") ? 0 : 20;
    QCOMPARE(FreeSpot::nearestFree(occupied, wanted, grid, gap), topLeft);
}

void TestFreeSpot::resultNeverOverlaps()
{
    // Repeated placement at the same spot (what repeated pastes do) cascades to free places.
    Rects occupied;
    const QRectF card(0, 0, 212, 60);
    for (int i = 0; i < 40; ++i) {
        const QPointF at = FreeSpot::nearestFree(occupied, card, 20, 10);
        const QRectF placed(at, card.size());
        for (const QRectF &o : std::as_const(occupied))
            QVERIFY2(!placed.adjusted(-10, -10, 10, 10).intersects(o),
                     qPrintable(QString::number(i)));
        QCOMPARE(std::fmod(at.x(), 20.0), 0.0);
        QCOMPARE(std::fmod(at.y(), 20.0), 0.0);
        occupied << placed;
    }
}

QTEST_APPLESS_MAIN(TestFreeSpot)
#include "tst_free_spot.moc"
