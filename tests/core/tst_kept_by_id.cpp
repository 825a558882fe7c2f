// SPDX-License-Identifier: MIT
// KeptById (RuleEngine's per-id memory between checks) against a QHash doing the same: before
// and after it hashes its list, with ids that share their characters with the kept ones (as
// an edit names them) and ids that are equal copies.
#include "KeptById.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

using namespace mls;

class tst_KeptById : public QObject
{
    Q_OBJECT
private slots:
    void sameAsHash_data();
    void sameAsHash();
    void clearStartsOver();
};

void tst_KeptById::sameAsHash_data()
{
    QTest::addColumn<int>("ids");
    QTest::addColumn<int>("operations");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("empty, a few look-ups") << 0 << 10 << 1u;
    QTest::newRow("a few look-ups, never hashed") << 200 << 12 << 2u;
    QTest::newRow("past the scans, hashed") << 200 << 400 << 3u;
    QTest::newRow("large") << 5000 << 300 << 4u;
    QTest::newRow("tiny, many edits") << 3 << 500 << 5u;
}

void tst_KeptById::sameAsHash()
{
    QFETCH(int, ids);
    QFETCH(int, operations);
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    KeptById<int> kept;
    QHash<QString, int> hash;
    QStringList names;
    kept.reserve(ids);
    for (int i = 0; i < ids; ++i) {
        names << QStringLiteral("c%1").arg(i);
        kept.append(names.back(), i);
        hash.insert(names.back(), i);
    }
    // An id as an edit hands it over (sharing the characters), as an equal copy, or unknown.
    auto anyId = [&]() -> QString {
        const int pick = int(rng.bounded(4));
        const QString known =
            names.isEmpty() ? QStringLiteral("c0") : names[rng.bounded(int(names.size()))];
        if (pick == 0)
            return known;
        if (pick == 1)
            return QString(known.constData(), known.size()); // equal, other characters
        if (pick == 2)
            return QStringLiteral("new%1").arg(rng.bounded(50));
        return known + QLatin1Char('x');
    };
    for (int op = 0; op < operations; ++op) {
        const QString id = anyId();
        switch (rng.bounded(4)) {
        case 0: {
            const auto it = kept.constFind(id);
            QCOMPARE(it != kept.constEnd(), hash.contains(id));
            QCOMPARE(kept.contains(id), hash.contains(id));
            if (it != kept.constEnd())
                QCOMPARE(*it, hash.value(id));
            break;
        }
        case 1:
            QCOMPARE(kept.value(id), hash.value(id));
            break;
        case 2: {
            const int v = int(rng.bounded(1000));
            kept.insert(id, v);
            hash.insert(id, v);
            names << id;
            break;
        }
        default:
            kept.remove(id);
            hash.remove(id);
            break;
        }
    }
    for (auto it = hash.begin(); it != hash.end(); ++it) {
        QVERIFY(kept.constFind(it.key()) != kept.constEnd());
        QCOMPARE(kept.value(it.key()), it.value());
    }
    for (const QString &id : std::as_const(names)) {
        if (!hash.contains(id))
            QVERIFY(kept.constFind(id) == kept.constEnd());
    }
}

void tst_KeptById::clearStartsOver()
{
    KeptById<int> kept;
    for (int i = 0; i < 100; ++i)
        kept.append(QString::number(i), i);
    for (int i = 0; i < 2 * KeptById<int>::scansBeforeHashing; ++i)
        QCOMPARE(kept.value(QString::number(i)), i); // now hashed
    kept.clear();
    QVERIFY(kept.constFind(QStringLiteral("1")) == kept.constEnd());
    kept.append(QStringLiteral("1"), 7);
    QCOMPARE(kept.value(QStringLiteral("1")), 7);
    QCOMPARE(kept.value(QStringLiteral("2")), 0);
}

QTEST_APPLESS_MAIN(tst_KeptById)
#include "tst_kept_by_id.moc"
