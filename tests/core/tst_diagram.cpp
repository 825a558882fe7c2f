// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Diagram.h"

#include <QSignalSpy>
#include <QTest>

using namespace mls;
using namespace mls::test;

/// The document model: indexes, queries and change signals.
class TestDiagram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lookups();
    void queriesByFlow();
    void componentsOfKindAndGroups();
    void removalKeepsIndexes();
    void changeSignals();
    void noExtraIsAnEmptyExtra_data();
    void noExtraIsAnEmptyExtra();
    void uniqueIds();
    void selfLoopCountedOnce();
};

void TestDiagram::lookups()
{
    Diagram d;
    fillSmall(d);
    QCOMPARE(int(d.components().size()), 4);
    QCOMPARE(d.component("gw")->kind, QStringLiteral("api_gateway"));
    QCOMPARE(d.componentIndex("rank"), 2);
    QCOMPARE(d.connection("e3")->flow, QStringLiteral("model"));
    QCOMPARE(d.group("g1")->label, QStringLiteral("Online"));
    QVERIFY(!d.component("nope"));
    QCOMPARE(d.componentIndex("nope"), -1);
    QVERIFY(d.containsId("e2"));
    QVERIFY(d.containsId("g1"));
    QVERIFY(!d.containsId("x"));
}

void TestDiagram::queriesByFlow()
{
    Diagram d;
    fillSmall(d);
    QCOMPARE(d.incoming("rank").size(), 2);
    QCOMPARE(d.incoming("rank", "model").size(), 1);
    QCOMPARE(d.incoming("rank", "model").first()->from, QStringLiteral("reg"));
    QCOMPARE(d.incoming("rank", "features").size(), 0);
    QCOMPARE(d.outgoing("client").size(), 1);
    QCOMPARE(d.outgoing("client", "requests").first()->to, QStringLiteral("gw"));
    QCOMPARE(d.connectionsOf("gw"), QStringList({"e2", "e1"}));
}

void TestDiagram::componentsOfKindAndGroups()
{
    Diagram d;
    fillSmall(d);
    QCOMPARE(d.componentsOfKind("ranking"), QStringList{"rank"});
    QVERIFY(d.componentsOfKind("vector_db").isEmpty());
    QCOMPARE(d.groupsOf("client"), QStringList{"g1"});
    QVERIFY(d.groupsOf("reg").isEmpty());
}

void TestDiagram::removalKeepsIndexes()
{
    Diagram d;
    fillSmall(d);
    const Connection e1 = d.takeConnection("e1");
    QCOMPARE(e1.from, QStringLiteral("client"));
    QCOMPARE(d.connectionIndex("e2"), 0);
    QCOMPARE(d.connectionIndex("e3"), 1);
    const Component c = d.takeComponent("client");
    QCOMPARE(d.componentIndex("gw"), 0);
    QCOMPARE(d.componentIndex("reg"), 2);
    d.insertComponent(0, c);
    d.insertConnection(0, e1);
    QCOMPARE(d.componentIndex("gw"), 1);
    QCOMPARE(d.connectionIndex("e1"), 0);
    QCOMPARE(d.outgoing("client").size(), 1);
}

void TestDiagram::changeSignals()
{
    Diagram d;
    QSignalSpy added(&d, &Diagram::componentAdded);
    QSignalSpy moved(&d, &Diagram::componentMoved);
    QSignalSpy changed(&d, &Diagram::componentChanged);
    QSignalSpy connAdded(&d, &Diagram::connectionAdded);
    QSignalSpy meta(&d, &Diagram::metaChanged);
    fillSmall(d);
    QCOMPARE(added.count(), 4);
    QCOMPARE(connAdded.count(), 3);
    d.moveComponent("gw", {1, 2});
    QCOMPARE(moved.count(), 1);
    d.moveComponent("gw", {1, 2}); // no change, no signal
    QCOMPARE(moved.count(), 1);
    Component c = *d.component("gw");
    c.label = "Gateway";
    d.updateComponent(c);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(moved.count(), 1);
    Meta m = d.meta();
    m.title = "T";
    d.setMeta(m);
    d.setMeta(m);
    QCOMPARE(meta.count(), 1);
}

void TestDiagram::noExtraIsAnEmptyExtra_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("none, empty") << QByteArray("null") << QByteArray("{}") << true;
    QTest::newRow("empty, none") << QByteArray("{}") << QByteArray("null") << true;
    QTest::newRow("none, none") << QByteArray("null") << QByteArray("null") << true;
    QTest::newRow("none, a field") << QByteArray("null") << QByteArray(R"({"x":1})") << false;
    QTest::newRow("empty, a field") << QByteArray("{}") << QByteArray(R"({"x":1})") << false;
    QTest::newRow("equal fields") << QByteArray(R"({"x":1})") << QByteArray(R"({"x":1})") << true;
    QTest::newRow("other values") << QByteArray(R"({"x":1})") << QByteArray(R"({"x":2})") << false;
}

/// An element made in code has no allocated `extra` (null); one holding an empty object is the
/// same element, and neither edit signals a change.
void TestDiagram::noExtraIsAnEmptyExtra()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, same);
    const Json ja = Json::parse(a.constData()), jb = Json::parse(b.constData());
    QCOMPARE(sameExtra(ja, jb), same);
    QVERIFY(Component().extra.is_null());
    QVERIFY(Connection().extra.is_null());

    Diagram d;
    fillSmall(d);
    Component c = *d.component("gw");
    c.extra = ja;
    d.updateComponent(c);
    Connection e = *d.connection("e2");
    e.extra = ja;
    d.updateConnection(e);
    QSignalSpy changed(&d, &Diagram::componentChanged);
    QSignalSpy connectionChanged(&d, &Diagram::connectionChanged);
    Component c2 = c;
    c2.extra = jb;
    QCOMPARE(c2 == c, same);
    d.updateComponent(c2);
    QCOMPARE(changed.count(), same ? 0 : 1);
    Connection e2 = e;
    e2.extra = jb;
    QCOMPARE(e2 == e, same);
    d.updateConnection(e2);
    QCOMPARE(connectionChanged.count(), same ? 0 : 1);
}

void TestDiagram::uniqueIds()
{
    Diagram d;
    fillSmall(d);
    const QString id = d.uniqueId("c");
    QVERIFY(!d.containsId(id));
    d.insertComponent(4, component(id, "cache"));
    QVERIFY(d.uniqueId("c") != id);
}

void TestDiagram::selfLoopCountedOnce()
{
    Diagram d;
    d.insertComponent(0, component("a", "cache"));
    d.insertConnection(0, connection("loop", "a", "a", "features"));
    QCOMPARE(d.connectionsOf("a"), QStringList{"loop"});
    d.takeConnection("loop");
    QVERIFY(d.connectionsOf("a").isEmpty());
    d.takeComponent("a");
    QVERIFY(d.components().empty());
}

QTEST_APPLESS_MAIN(TestDiagram)
#include "tst_diagram.moc"
