// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Fragment.h"

#include <QTest>

using namespace mls;
using namespace mls::test;

/// Clipboard fragments: what is copied, and how ids are renewed on paste.
class TestFragment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void extractKeepsInnerConnectionsOnly();
    void zonesOnlyWhenWhollyInside();
    void bytesRoundTrip();
    void freshIdsAndOffset();
    void garbageIsRefused_data();
    void garbageIsRefused();
};

void TestFragment::extractKeepsInnerConnectionsOnly()
{
    Diagram d;
    fillSmall(d);
    const Fragment f = Fragment::extract(d, {"gw", "rank"});
    QCOMPARE(int(f.components.size()), 2);
    QCOMPARE(int(f.connections.size()), 1);
    QCOMPARE(f.connections[0].id, QStringLiteral("e2"));
}

void TestFragment::zonesOnlyWhenWhollyInside()
{
    Diagram d;
    fillSmall(d);
    QVERIFY(Fragment::extract(d, {"client"}).groups.empty());
    QCOMPARE(int(Fragment::extract(d, {"client", "gw"}).groups.size()), 1);
}

void TestFragment::bytesRoundTrip()
{
    Diagram d;
    fillSmall(d);
    const Fragment f = Fragment::extract(d, {"client", "gw", "rank"});
    QString error;
    const std::optional<Fragment> back = Fragment::fromBytes(f.toBytes(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->components, f.components);
    QCOMPARE(back->connections, f.connections);
    QCOMPARE(back->groups, f.groups);
}

void TestFragment::freshIdsAndOffset()
{
    Diagram d;
    fillSmall(d);
    Fragment f = Fragment::extract(d, {"client", "gw"});
    f.makeInsertableInto(d, {15, 25});
    for (const Component &c : f.components)
        QVERIFY(!d.containsId(c.id));
    QVERIFY(f.components[0].id != f.components[1].id);
    QCOMPARE(f.components[1].pos, QPointF(265, 25));
    QCOMPARE(f.connections[0].from, f.components[0].id);
    QCOMPARE(f.connections[0].to, f.components[1].id);
    QCOMPARE(f.groups[0].members, QStringList({f.components[0].id, f.components[1].id}));
}

void TestFragment::garbageIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text") << QByteArray("hello");
    QTest::newRow("other json") << QByteArray(R"({"nodes":[]})");
    QTest::newRow("newer") << QByteArray(R"({"format":"mlsketch","version":9})");
}

void TestFragment::garbageIsRefused()
{
    QFETCH(QByteArray, bytes);
    QString error;
    QVERIFY(!Fragment::fromBytes(bytes, &error));
    QVERIFY(error.startsWith("clipboard: "));
}

QTEST_APPLESS_MAIN(TestFragment)
#include "tst_fragment.moc"
