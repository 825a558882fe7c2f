// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Diagram.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

using namespace mls;
using namespace mls::test;

namespace {

/// The adjacency as Diagram kept it before it moved into the element nodes: per component, the
/// ids of its outgoing and incoming connections in the order they were inserted, a removal
/// taking the id out of both lists. Diagram must answer every query exactly like this.
struct ReferenceAdjacency
{
    QHash<QString, QStringList> out, in;
    QHash<QString, QString> flowOf;

    void insert(const Connection &c)
    {
        out[c.from].append(c.id);
        in[c.to].append(c.id);
        flowOf.insert(c.id, c.flow);
    }
    void take(const Connection &c)
    {
        out[c.from].removeOne(c.id);
        in[c.to].removeOne(c.id);
        flowOf.remove(c.id);
    }
    QStringList filtered(const QStringList &ids, const QString &flow) const
    {
        QStringList result;
        for (const QString &id : ids) {
            if (flow.isEmpty() || flowOf.value(id) == flow)
                result.append(id);
        }
        return result;
    }
    QStringList connectionsOf(const QString &id) const
    {
        QStringList ids = out.value(id);
        for (const QString &cid : in.value(id)) {
            if (!ids.contains(cid))
                ids.append(cid);
        }
        return ids;
    }
};

QStringList idsOf(const QVector<const Connection *> &connections)
{
    QStringList ids;
    for (const Connection *c : connections)
        ids.append(c->id);
    return ids;
}

const QStringList flows{"features", "requests", "model"};

} // namespace

/// Diagram's adjacency (outgoing, incoming, connectionsOf) against the reference above, over
/// random edit sequences: inserts at any index, removals, re-inserts (what undo does),
/// self-loops, parallel arrows and components removed and re-added under the same id.
class TestDiagramAdjacency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void randomEdits_data();
    void randomEdits();
    void insertMovesAndKeepsFields();
    void unknownComponentHasNoConnections();
};

void TestDiagramAdjacency::randomEdits_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("components");
    for (quint32 seed : {1u, 2u, 3u, 17u, 99u, 2026u})
        QTest::addRow("seed %u, 4 components", seed) << seed << 4;
    for (quint32 seed : {5u, 6u, 7u})
        QTest::addRow("seed %u, 30 components", seed) << seed << 30;
}

void TestDiagramAdjacency::randomEdits()
{
    QFETCH(quint32, seed);
    QFETCH(int, components);
    QRandomGenerator rng(seed);
    Diagram d;
    ReferenceAdjacency ref;
    QStringList present;         // component ids in the diagram
    QStringList gone;            // component ids taken out (re-added later under the same id)
    QVector<Connection> removed; // connections taken out, for re-inserting
    int next = 0;

    auto check = [&] {
        QStringList all = present + gone;
        all.append(QStringLiteral("nope"));
        for (const QString &id : all) {
            QCOMPARE(idsOf(d.outgoing(id)), ref.filtered(ref.out.value(id), {}));
            QCOMPARE(idsOf(d.incoming(id)), ref.filtered(ref.in.value(id), {}));
            QCOMPARE(d.connectionsOf(id), ref.connectionsOf(id));
            for (const QString &flow : flows) {
                QCOMPARE(idsOf(d.outgoing(id, flow)), ref.filtered(ref.out.value(id), flow));
                QCOMPARE(idsOf(d.incoming(id, flow)), ref.filtered(ref.in.value(id), flow));
            }
        }
    };

    for (int i = 0; i < components; ++i) {
        present.append(QStringLiteral("c%1").arg(i));
        d.insertComponent(i, component(present.back(), "cache"));
    }
    for (int step = 0; step < 600; ++step) {
        const int op = rng.bounded(10);
        const int connections = int(d.connections().size());
        if (op < 5 && !present.isEmpty()) { // connect two components (maybe the same one)
            const QString from = present[rng.bounded(present.size())];
            const QString to = present[rng.bounded(present.size())];
            Connection c = connection(QStringLiteral("e%1").arg(next++), from, to,
                                      flows[rng.bounded(flows.size())]);
            ref.insert(c);
            d.insertConnection(rng.bounded(connections + 1), std::move(c));
        } else if (op < 7 && connections > 0) { // remove one
            const QString id = d.connections()[size_t(rng.bounded(connections))].id;
            Connection c = d.takeConnection(id);
            QCOMPARE(c.id, id);
            QVERIFY(!d.connection(id));
            ref.take(c);
            removed.append(c);
        } else if (op < 8 && !removed.isEmpty()) { // undo a removal: same connection, any index
            const Connection c = removed.takeAt(rng.bounded(removed.size()));
            if (!present.contains(c.from) || !present.contains(c.to))
                continue;
            ref.insert(c);
            d.insertConnection(rng.bounded(connections + 1), c);
        } else if (op < 9 && !present.isEmpty()) { // remove a component and its connections
            const QString id = present.takeAt(rng.bounded(present.size()));
            QStringList order =
                d.connectionsOf(id); // taken in a random order, as a selection would
            for (qsizetype k = order.size() - 1; k > 0; --k)
                order.swapItemsAt(k, rng.bounded(k + 1));
            for (const QString &cid : order)
                ref.take(d.takeConnection(cid));
            QVERIFY(d.connectionsOf(id).isEmpty());
            QCOMPARE(d.takeComponent(id).id, id);
            gone.append(id);
        } else if (!gone.isEmpty()) { // re-add a removed component under its old id
            const QString id = gone.takeAt(rng.bounded(gone.size()));
            d.insertComponent(rng.bounded(int(d.components().size()) + 1), component(id, "cache"));
            present.append(id);
        }
        check();
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("differs after step %1").arg(step)));
    }
}

void TestDiagramAdjacency::insertMovesAndKeepsFields()
{
    Diagram d;
    Component c = component("a", "feature_store");
    c.props = Json{{"latency_ms", 3}, {"nested", {{"k", "v"}}}};
    c.extra = Json{{"future", true}};
    const Component copy = c;
    d.insertComponent(0, std::move(c)); // moved in
    QVERIFY(*d.component("a") == copy);
    Component other = copy;
    other.id = QStringLiteral("b");
    d.insertComponent(0, other); // copied: the argument is left as it was
    QVERIFY(other.props == copy.props);
    QVERIFY(other.extra == copy.extra);
    QCOMPARE(d.components().front().id, QStringLiteral("b"));
    QVERIFY(d.component("b")->props == copy.props);
    QCOMPARE(int(d.components().size()), 2);
}

void TestDiagramAdjacency::unknownComponentHasNoConnections()
{
    Diagram d;
    fillSmall(d);
    QVERIFY(d.outgoing("nope").isEmpty());
    QVERIFY(d.incoming("nope").isEmpty());
    QVERIFY(d.connectionsOf("nope").isEmpty());
}

QTEST_APPLESS_MAIN(TestDiagramAdjacency)
#include "tst_diagram_adjacency.moc"
