// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "KindSearch.h"

#include <QTest>

using namespace mls;

/// Palette search ranks the real catalog: names first, then ids and products, then the rest.
class TestKindSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstHit_data();
    void firstHit();
    void rankOrder_data();
    void rankOrder();
    void emptyQueryKeepsCatalogOrder();
};

void TestKindSearch::firstHit_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("first");
    QTest::newRow("exact name beats a description") << "feature store"
                                                    << "feature_store";
    QTest::newRow("exact name, other case") << "CACHE"
                                            << "cache";
    QTest::newRow("name prefix") << "vector"
                                 << "vector_db";
    QTest::newRow("product in the description") << "kafka"
                                                << "event_stream";
    QTest::newRow("product, any case") << "milvus"
                                       << "vector_db";
    QTest::newRow("id with underscore") << "llm_service"
                                        << "llm_service";
    QTest::newRow("word prefix of the name") << "store feat"
                                             << "feature_store";
    QTest::newRow("extra spaces") << "  model   server "
                                  << "model_server";
    QTest::newRow("redis names the cache") << "redis"
                                           << "cache";
}

void TestKindSearch::firstHit()
{
    QFETCH(QString, query);
    QFETCH(QString, first);
    const QStringList ranked = rankKinds(Catalog::builtin(), query);
    QVERIFY2(!ranked.isEmpty(), qPrintable(query));
    QCOMPARE(ranked.first(), first);
}

void TestKindSearch::rankOrder_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("match");
    QTest::newRow("exact") << "Feature store"
                           << "feature_store" << int(KindMatch::ExactName);
    QTest::newRow("prefix") << "feature st"
                            << "feature_store" << int(KindMatch::NamePrefix);
    QTest::newRow("word prefix") << "store"
                                 << "feature_store" << int(KindMatch::WordPrefix);
    QTest::newRow("in the name") << "tore"
                                 << "feature_store" << int(KindMatch::NameText);
    QTest::newRow("id") << "oltp"
                        << "oltp_db" << int(KindMatch::IdOrProduct);
    QTest::newRow("product") << "pinecone"
                             << "vector_db" << int(KindMatch::IdOrProduct);
    QTest::newRow("description") << "durable"
                                 << "event_stream" << int(KindMatch::OtherText);
    QTest::newRow("no match") << "zzz"
                              << "cache" << int(KindMatch::NoMatch);
    QTest::newRow("every word must match") << "cache zzz"
                                           << "cache" << int(KindMatch::NoMatch);
}

void TestKindSearch::rankOrder()
{
    QFETCH(QString, query);
    QFETCH(QString, kind);
    QFETCH(int, match);
    const Catalog &catalog = Catalog::builtin();
    const KindInfo *info = catalog.kind(kind);
    QVERIFY(info);
    QCOMPARE(int(matchKind(*info, QString(), query)), match);
}

void TestKindSearch::emptyQueryKeepsCatalogOrder()
{
    QStringList all;
    for (const KindInfo &k : Catalog::builtin().kinds())
        all << k.id;
    QCOMPARE(rankKinds(Catalog::builtin(), QString()), all);
    // "feature store": Feature store first, then the other feature stores (name text).
    const QStringList ranked = rankKinds(Catalog::builtin(), QStringLiteral("feature store"));
    QVERIFY(ranked.indexOf("feature_store") < ranked.indexOf("cache"));
    QVERIFY(ranked.indexOf("online_feature_store") < ranked.indexOf("cache"));
}

QTEST_APPLESS_MAIN(TestKindSearch)
#include "tst_kind_search.moc"
