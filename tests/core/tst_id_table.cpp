// SPDX-License-Identifier: MIT
// IdTable: the element lists' index from id to node. Random inserts and removals on small and
// large tables, checked against a plain map after every step, by ids whose characters are
// another string's (runs of colliding homes; removals shift later slots back, across the end
// of the table too); growing and reserving keep every id and position; absent, empty and null
// ids; removing a node the table does not hold; and the prefetch hints change nothing.
#include "IdTable.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <memory>
#include <vector>

using namespace mls;

namespace {

struct Item
{
    QString id;
};

/// What IdTable indexes: a node whose item has an id.
struct Node
{
    Item item;
};

/// The table and the nodes it points into, with a map as the reference.
struct Model
{
    IdTable<Node> table;
    std::map<QString, std::unique_ptr<Node>> nodes;

    void insert(const QString &id, int index)
    {
        auto node = std::make_unique<Node>(Node{Item{id}});
        table.insert(node.get(), index);
        nodes[id] = std::move(node);
    }
    void remove(const QString &id)
    {
        auto it = nodes.find(id);
        table.remove(it->second.get());
        nodes.erase(it);
    }
    /// Every id in the map is found, with its node; @p absent are not.
    bool agrees(const QStringList &absent, QString *why) const
    {
        if (table.size() != nodes.size()) {
            *why = QStringLiteral("size %1, expected %2").arg(table.size()).arg(nodes.size());
            return false;
        }
        for (const auto &[id, node] : nodes) {
            const QString copy(id.constData(), id.size()); // the same text, other characters
            const auto *slot = table.find(copy);
            if (!slot || slot->node != node.get()) {
                *why = QStringLiteral("\"%1\" not found").arg(id);
                return false;
            }
        }
        for (const QString &id : absent) {
            if (nodes.count(id) == 0 && table.find(id)) {
                *why = QStringLiteral("\"%1\" found, but it was removed").arg(id);
                return false;
            }
        }
        return true;
    }
};

} // namespace

class tst_IdTable : public QObject
{
    Q_OBJECT
private slots:
    void emptyTableFindsNothing();
    void randomInsertsAndRemovals_data();
    void randomInsertsAndRemovals();
    void growingKeepsEveryId();
    void reserveKeepsEveryId();
    void positionsAreKept();
    void emptyAndNullIds();
    void removingAnAbsentNodeChangesNothing();
    void prefetchChangesNothing();
};

void tst_IdTable::emptyTableFindsNothing()
{
    IdTable<Node> table;
    QCOMPARE(table.size(), size_t(0));
    QVERIFY(!table.find(QStringLiteral("c1")));
    QVERIFY(!table.find(QString()));
    table.prefetch(QStringLiteral("c1"));
    table.prefetchNode(QStringLiteral("c1"));
    table.reserve(0);
    QVERIFY(!table.find(QStringLiteral("c1")));
}

void tst_IdTable::randomInsertsAndRemovals_data()
{
    QTest::addColumn<int>("ids");   // distinct ids drawn from
    QTest::addColumn<int>("steps"); // inserts and removals
    QTest::addColumn<int>("seed");
    // Few ids in a small table: its runs wrap around the end and removals shift across it.
    QTest::newRow("6 ids") << 6 << 400 << 1;
    QTest::newRow("12 ids") << 12 << 2000 << 2;
    QTest::newRow("40 ids") << 40 << 4000 << 3;
    QTest::newRow("300 ids") << 300 << 6000 << 4;
    QTest::newRow("3000 ids") << 3000 << 20000 << 5;
}

void tst_IdTable::randomInsertsAndRemovals()
{
    QFETCH(int, ids);
    QFETCH(int, steps);
    QFETCH(int, seed);
    QRandomGenerator rng{quint32(seed)};
    QStringList pool;
    for (int i = 0; i < ids; ++i)
        pool.append(i % 3 == 0 ? QStringLiteral("c%1").arg(i) : QStringLiteral("e%1").arg(i));
    Model m;
    QString why;
    for (int step = 0; step < steps; ++step) {
        const QString &id = pool[int(rng.bounded(ids))];
        if (m.nodes.count(id))
            m.remove(id);
        else
            m.insert(id, step);
        // A full check costs O(ids): after every step on small tables, now and then on big.
        if (ids <= 300 || step % 997 == 0)
            QVERIFY2(m.agrees(pool, &why),
                     qPrintable(QStringLiteral("step %1: %2").arg(step).arg(why)));
    }
    QVERIFY2(m.agrees(pool, &why), qPrintable(why));
    // Emptied one by one, the table finds nothing and can be filled again.
    while (!m.nodes.empty())
        m.remove(m.nodes.begin()->first);
    QVERIFY2(m.agrees(pool, &why), qPrintable(why));
    m.insert(pool.front(), 0);
    QVERIFY2(m.agrees(pool, &why), qPrintable(why));
}

void tst_IdTable::growingKeepsEveryId()
{
    Model m;
    QString why;
    for (int i = 0; i < 5000; ++i) {
        m.insert(QStringLiteral("id-%1").arg(i), i);
        if ((i & (i + 1)) == 0 || i % 1000 == 0) // at each power of two, where tables grow
            QVERIFY2(m.agrees({}, &why),
                     qPrintable(QStringLiteral("%1 ids: %2").arg(i + 1).arg(why)));
    }
    QVERIFY2(m.agrees({QStringLiteral("id-5000"), QStringLiteral("id-")}, &why), qPrintable(why));
}

void tst_IdTable::reserveKeepsEveryId()
{
    Model m;
    QString why;
    for (int i = 0; i < 100; ++i)
        m.insert(QStringLiteral("c%1").arg(i), i);
    m.table.reserve(10000); // grows: every slot moves
    QVERIFY2(m.agrees({}, &why), qPrintable(why));
    m.table.reserve(10); // smaller than the table: nothing changes
    QVERIFY2(m.agrees({}, &why), qPrintable(why));
    for (int i = 100; i < 3000; ++i)
        m.insert(QStringLiteral("c%1").arg(i), i);
    QVERIFY2(m.agrees({QStringLiteral("c3000")}, &why), qPrintable(why));
}

void tst_IdTable::positionsAreKept()
{
    Model m;
    for (int i = 0; i < 500; ++i)
        m.insert(QStringLiteral("n%1").arg(i), i * 2);
    for (int i = 0; i < 500; i += 3)
        m.remove(QStringLiteral("n%1").arg(i));
    for (int i = 1; i < 500; i += 3) {
        const auto *slot = m.table.find(QStringLiteral("n%1").arg(i));
        QVERIFY(slot);
        QCOMPARE(slot->index, i * 2);
    }
    m.table.find(QStringLiteral("n1"))->index = 77; // a cached position is the caller's to fix
    QCOMPARE(m.table.find(QStringLiteral("n1"))->index, 77);
}

void tst_IdTable::emptyAndNullIds()
{
    Model m;
    m.insert(QStringLiteral("a"), 0);
    QVERIFY(!m.table.find(QString()));
    QVERIFY(!m.table.find(QStringLiteral("")));
    m.insert(QStringLiteral(""), 1); // an empty id is still an id the table can hold
    QVERIFY(m.table.find(QString()));
    QVERIFY(m.table.find(QStringLiteral("")));
    QVERIFY(!m.table.find(QStringLiteral("b")));
    m.remove(QStringLiteral(""));
    QVERIFY(!m.table.find(QString()));
    QVERIFY(m.table.find(QStringLiteral("a")));
}

void tst_IdTable::removingAnAbsentNodeChangesNothing()
{
#ifdef QT_NO_DEBUG // a debug build asserts instead
    Model m;
    for (int i = 0; i < 100; ++i)
        m.insert(QStringLiteral("c%1").arg(i), i);
    Node stranger{Item{QStringLiteral("c5")}}; // an id in the table, but another node
    Node absent{Item{QStringLiteral("x")}};
    m.table.remove(&stranger);
    m.table.remove(&absent);
    IdTable<Node> empty;
    empty.remove(&absent);
    QString why;
    QVERIFY2(m.agrees({QStringLiteral("x")}, &why), qPrintable(why));
#else
    QSKIP("asserts in a debug build");
#endif
}

void tst_IdTable::prefetchChangesNothing()
{
    Model m;
    for (int i = 0; i < 1000; ++i)
        m.insert(QStringLiteral("c%1").arg(i), i);
    for (const QString &id : {QStringLiteral("c5"), QStringLiteral("missing"), QString()}) {
        m.table.prefetch(id);
        m.table.prefetchNode(id);
    }
    QString why;
    QVERIFY2(m.agrees({QStringLiteral("missing")}, &why), qPrintable(why));
}

QTEST_APPLESS_MAIN(tst_IdTable)
#include "tst_id_table.moc"
