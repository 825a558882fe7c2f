// SPDX-License-Identifier: MIT
#include "Arrange.h"

#include <QTest>

using namespace mls;
using namespace mls::Arrange;

/// Align and distribute, as pure functions on card centres.
class TestArrange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void align_data();
    void align();
    void distribute_data();
    void distribute();
};

using Points = QVector<QPointF>;

void TestArrange::align_data()
{
    QTest::addColumn<Points>("in");
    QTest::addColumn<int>("how");
    QTest::addColumn<Points>("out");
    const Points in{{0, 0}, {100, 50}, {40, 200}};
    QTest::newRow("left") << in << int(Align::Left) << Points{{0, 0}, {0, 50}, {0, 200}};
    QTest::newRow("right") << in << int(Align::Right) << Points{{100, 0}, {100, 50}, {100, 200}};
    QTest::newRow("centre") << in << int(Align::Centre)
                            << Points{{140.0 / 3, 0}, {140.0 / 3, 50}, {140.0 / 3, 200}};
    QTest::newRow("top") << in << int(Align::Top) << Points{{0, 0}, {100, 0}, {40, 0}};
    QTest::newRow("bottom") << in << int(Align::Bottom) << Points{{0, 200}, {100, 200}, {40, 200}};
    QTest::newRow("middle") << in << int(Align::Middle)
                            << Points{{0, 250.0 / 3}, {100, 250.0 / 3}, {40, 250.0 / 3}};
    QTest::newRow("single unchanged") << Points{{5, 5}} << int(Align::Left) << Points{{5, 5}};
}

void TestArrange::align()
{
    QFETCH(Points, in);
    QFETCH(int, how);
    QFETCH(Points, out);
    QCOMPARE(aligned(in, QSizeF(200, 60), Align(how)), out);
}

void TestArrange::distribute_data()
{
    QTest::addColumn<Points>("in");
    QTest::addColumn<int>("axis");
    QTest::addColumn<Points>("out");
    QTest::newRow("horizontal keeps order")
        << Points{{0, 0}, {300, 10}, {50, 20}} << int(Axis::Horizontal)
        << Points{{0, 0}, {300, 10}, {150, 20}};
    QTest::newRow("vertical") << Points{{0, 0}, {0, 90}, {0, 10}, {0, 30}} << int(Axis::Vertical)
                              << Points{{0, 0}, {0, 90}, {0, 30}, {0, 60}};
    QTest::newRow("two unchanged")
        << Points{{0, 0}, {9, 9}} << int(Axis::Vertical) << Points{{0, 0}, {9, 9}};
}

void TestArrange::distribute()
{
    QFETCH(Points, in);
    QFETCH(int, axis);
    QFETCH(Points, out);
    QCOMPARE(distributed(in, Axis(axis)), out);
}

QTEST_APPLESS_MAIN(TestArrange)
#include "tst_arrange.moc"
