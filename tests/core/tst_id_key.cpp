// SPDX-License-Identifier: MIT
// IdKey and hashId(): the hash ids are keyed by (the element lists' IdTable, the scene's and
// the rules' tables). Equal ids hash equal whether owned or borrowed, every character and the
// length count, nothing past the end is read, the seed matters, and sequential ids spread over
// a table's low bits as random keys would.
#include "IdKey.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace mls;

class tst_IdKey : public QObject
{
    Q_OBJECT
private slots:
    void equalIdsHashEqual_data();
    void equalIdsHashEqual();
    void everyCharacterCounts_data();
    void everyCharacterCounts();
    void nothingPastTheEndIsRead();
    void seedMatters();
    void noBlockWipesWhatCameBefore_data();
    void noBlockWipesWhatCameBefore();
    void sequentialIdsSpread_data();
    void sequentialIdsSpread();
    void hashKeyedByViews();
};

void tst_IdKey::equalIdsHashEqual_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("one") << QStringLiteral("a");
    QTest::newRow("short") << QStringLiteral("c12");
    QTest::newRow("seven") << QStringLiteral("e403122");
    QTest::newRow("eight") << QStringLiteral("e4031223");
    QTest::newRow("sixteen") << QStringLiteral("feature_store_01");
    QTest::newRow("long") << QStringLiteral("a_rather_long_component_identifier_42");
    QTest::newRow("not ASCII") << QStringLiteral("特征存储-ü");
}

void tst_IdKey::equalIdsHashEqual()
{
    QFETCH(QString, id);
    const QString copy(id.constData(), id.size()); // other characters, same text
    QVERIFY(id.isEmpty() || copy.constData() != id.constData());
    for (size_t seed : {size_t(0), size_t(1), size_t(0x9e3779b97f4a7c15)}) {
        QCOMPARE(qHash(IdKey{id}, seed), qHash(IdKey{copy}, seed));
        QCOMPARE(qHash(IdKey::view(id), seed), qHash(IdKey{copy}, seed));
    }
    QVERIFY(IdKey::view(id) == IdKey{copy});
}

void tst_IdKey::everyCharacterCounts_data()
{
    QTest::addColumn<int>("length");
    for (int n : {1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40})
        QTest::newRow(qPrintable(QStringLiteral("%1 characters").arg(n))) << n;
}

void tst_IdKey::everyCharacterCounts()
{
    QFETCH(int, length);
    QString id;
    for (int i = 0; i < length; ++i)
        id.append(QChar(u'a' + i % 26));
    const size_t seed = 12345;
    const size_t h = qHash(IdKey{id}, seed);
    for (int i = 0; i < length; ++i) {
        for (char16_t bit : {char16_t(0x0001), char16_t(0x0100), char16_t(0x8000)}) {
            QString changed = id;
            changed[i] = QChar(char16_t(id[i].unicode() ^ bit));
            QVERIFY2(qHash(IdKey{changed}, seed) != h, qPrintable(changed));
        }
    }
    // A prefix, the same text with a NUL after it, and one character more all differ.
    QVERIFY(qHash(IdKey{id.left(length - 1)}, seed) != h);
    QVERIFY(qHash(IdKey{id + QChar(0)}, seed) != h);
    QVERIFY(qHash(IdKey{id + QLatin1Char('x')}, seed) != h);
}

void tst_IdKey::nothingPastTheEndIsRead()
{
    // The same characters followed by different ones: only the first n count.
    QString a = QStringLiteral("c1234567890abcdefghijklmnopqrstuvwxyz");
    QString b = QStringLiteral("c1234567890abcdefghij_ANOTHER_ENDING_");
    for (qsizetype n = 0; n <= 21; ++n)
        QCOMPARE(hashId(a.constData(), n, 7), hashId(b.constData(), n, 7));
}

void tst_IdKey::seedMatters()
{
    int same = 0;
    for (int i = 0; i < 1000; ++i) {
        const QString id = QStringLiteral("c%1").arg(i);
        same += qHash(IdKey{id}, 1) == qHash(IdKey{id}, 2);
    }
    QCOMPARE(same, 0);
}

void tst_IdKey::noBlockWipesWhatCameBefore_data()
{
    // A multiply by zero forgets everything hashed before it. Were any operand public, a file
    // could zero it with the right characters and make every id ending alike collide, whatever
    // came first: try the hash's own constants, zero and all-ones as such blocks.
    QTest::addColumn<quint64>("block");
    QTest::newRow("zero") << quint64(0);
    QTest::newRow("ones") << ~quint64(0);
    QTest::newRow("k0") << quint64(0xa0761d6478bd642full);
    QTest::newRow("k1") << quint64(0xe7037ed1a0b428dbull);
    QTest::newRow("k2") << quint64(0x8ebc6af09c88c6e3ull);
    QTest::newRow("k3") << quint64(0x589965cc75374cc3ull);
}

void tst_IdKey::noBlockWipesWhatCameBefore()
{
    QFETCH(quint64, block);
    QString wiper;
    for (int i = 0; i < 8; ++i) // the 64-bit block twice, as UTF-16 code units
        wiper.append(QChar(char16_t(block >> (16 * (i % 4)))));
    const size_t seed = 0x1234567887654321;
    std::vector<size_t> hashes;
    for (int i = 0; i < 4096; ++i) {
        // Prefixes of exactly one 16-byte block, then the wiper block, then a common tail.
        const QString prefix = QStringLiteral("%1").arg(i, 8, 10, QLatin1Char('0'));
        for (const QString &tail : {QString(), QStringLiteral("tail")})
            hashes.push_back(qHash(IdKey{prefix + wiper + tail}, seed));
    }
    std::sort(hashes.begin(), hashes.end());
    QVERIFY(std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end());
}

void tst_IdKey::sequentialIdsSpread_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("count");
    QTest::newRow("c1, c2, …") << QStringLiteral("c%1") << 65536;
    QTest::newRow("e1, e2, …") << QStringLiteral("e%1") << 65536;
    QTest::newRow("long prefix") << QStringLiteral("feature_store_replica_%1") << 65536;
    QTest::newRow("few") << QStringLiteral("%1") << 4096;
}

void tst_IdKey::sequentialIdsSpread()
{
    QFETCH(QString, pattern);
    QFETCH(int, count);
    // QHash picks a bucket by the hash's low bits: as many buckets as keys, each key thrown at
    // random, leaves about 1/e of them empty and no bucket with more than a handful.
    const size_t seed = QRandomGenerator::global()->generate64();
    std::vector<int> buckets(size_t(count), 0);
    std::vector<size_t> hashes;
    for (int i = 0; i < count; ++i) {
        const size_t h = qHash(IdKey{pattern.arg(i)}, seed);
        ++buckets[h & size_t(count - 1)];
        hashes.push_back(h);
    }
    const double empty =
        double(std::count(buckets.begin(), buckets.end(), 0)) / double(buckets.size());
    const int fullest = *std::max_element(buckets.begin(), buckets.end());
    QVERIFY2(empty > 0.33 && empty < 0.41, qPrintable(QString::number(empty)));
    QVERIFY2(fullest <= 12, qPrintable(QString::number(fullest)));
    std::sort(hashes.begin(), hashes.end());
    QVERIFY(std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end());
}

void tst_IdKey::hashKeyedByViews()
{
    // The way ElementList uses it: owned keys in, borrowed keys to look up and remove.
    QHash<IdKey, int> table;
    for (int i = 0; i < 2000; ++i)
        table.insert(IdKey{QStringLiteral("n%1").arg(i)}, i);
    for (int i = 0; i < 2000; ++i) {
        const QString id = QStringLiteral("n%1").arg(i);
        QCOMPARE(table.value(IdKey::view(id), -1), i);
    }
    QVERIFY(!table.contains(IdKey::view(QStringLiteral("n2000"))));
    for (int i = 0; i < 2000; i += 2) {
        const QString id = QStringLiteral("n%1").arg(i);
        QVERIFY(table.remove(IdKey::view(id)));
    }
    QCOMPARE(table.size(), 1000);
    // The stored keys own their text: the ids they were made from are long gone.
    for (auto it = table.cbegin(); it != table.cend(); ++it)
        QCOMPARE(it.key().id, QStringLiteral("n%1").arg(it.value()));
}

QTEST_APPLESS_MAIN(tst_IdKey)
#include "tst_id_key.moc"
