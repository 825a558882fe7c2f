// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "ZoneName.h"

#include <QTest>

using namespace mls;

/// The name Group into Zone proposes comes from the selected kinds' categories.
class TestZoneName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void proposed_data();
    void proposed();
    void orderDoesNotMatter();
};

void TestZoneName::proposed_data()
{
    QTest::addColumn<QStringList>("kinds");
    QTest::addColumn<QString>("name");
    QTest::newRow("training components")
        << QStringList{"trainer", "evaluation", "model_registry"} << "Training";
    QTest::newRow("training with its data")
        << QStringList{"data_lake", "offline_feature_store", "trainer", "labeling"} << "Training";
    QTest::newRow("feature store and stream")
        << QStringList{"feature_store", "event_stream", "stream_processor"} << "Feature pipeline";
    QTest::newRow("feature pipeline from the lake")
        << QStringList{"batch_etl", "feature_pipeline", "offline_feature_store"}
        << "Feature pipeline";
    QTest::newRow("stream into the lake")
        << QStringList{"event_stream", "data_lake"} << "Data pipeline";
    QTest::newRow("request path") << QStringList{"client", "api_gateway", "ranking", "cache"}
                                  << "Online serving";
    QTest::newRow("serving and retrieval")
        << QStringList{"candidate_generation", "vector_db", "ranking", "online_feature_store"}
        << "Online serving";
    QTest::newRow("batch scoring is not online")
        << QStringList{"batch_inference", "prediction_store"} << "Serving";
    QTest::newRow("retrieval") << QStringList{"embedding_model", "vector_db"} << "Retrieval";
    QTest::newRow("monitoring fed by a stream")
        << QStringList{"monitoring", "event_stream"} << "Monitoring";
    QTest::newRow("one kind") << QStringList{"data_lake"} << "Data";
    QTest::newRow("unknown kinds ignored")
        << QStringList{"quantum_annealer", "trainer"} << "Training";
    QTest::newRow("no stage: most common category")
        << QStringList{"trainer", "evaluation", "ranking", "monitoring"} << "Training";
    QTest::newRow("nothing known") << QStringList{"quantum_annealer"} << "Zone";
    QTest::newRow("nothing") << QStringList{} << "Zone";
}

void TestZoneName::proposed()
{
    QFETCH(QStringList, kinds);
    QFETCH(QString, name);
    QCOMPARE(ZoneName::proposed(Catalog::builtin(), kinds), name);
}

void TestZoneName::orderDoesNotMatter()
{
    // Every selection of two kinds is named the same whichever was selected first.
    const Catalog &catalog = Catalog::builtin();
    for (const KindInfo &a : catalog.kinds()) {
        for (const KindInfo &b : catalog.kinds()) {
            const QString ab = ZoneName::proposed(catalog, {a.id, b.id});
            QCOMPARE(ZoneName::proposed(catalog, {b.id, a.id}), ab);
            QVERIFY2(!ab.isEmpty(), qPrintable(a.id + " " + b.id));
        }
    }
}

QTEST_APPLESS_MAIN(TestZoneName)
#include "tst_zone_name.moc"
