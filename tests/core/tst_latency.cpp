#include "../RuleSpec.h"
#include "LatencyAnalysis.h"
#include "RuleEngine.h"

#include <QTest>

using namespace mls;

/// Critical-path latency per client over synchronous calls and store lookups.
class TestLatency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void criticalPath_data();
    void criticalPath();
    void overBudgetWarns();
    void noClientNoPath();
};

void TestLatency::criticalPath_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("total");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("lookups");
    QTest::newRow("chain") << "c:client a:api_gateway m:model_server; c>a:requests a>m:requests"
                           << 50.0 << "c a m"
                           << "";
    QTest::newRow("fan-out takes the max")
        << "c:client a:api_gateway m:model_server r:ranking; c>a:requests a>m:requests "
           "a>r:requests"
        << 60.0 << "c a r"
        << "";
    QTest::newRow("store lookup counts")
        << "c:client a:api_gateway m:model_server f:online_feature_store; c>a:requests "
           "a>m:requests f>m:features"
        << 60.0 << "c a m f"
        << "f";
    QTest::newRow("store called synchronously")
        << "c:client a:api_gateway d:oltp_db; c>a:requests a>d:requests" << 20.0 << "c a d"
        << "";
    QTest::newRow("offline excluded")
        << "c:client a:api_gateway m:model_server t:trainer p:feature_pipeline; c>a:requests "
           "a>m:requests m>t:requests p>m:features"
        << 50.0 << "c a m"
        << "";
    QTest::newRow("cycle terminates")
        << "c:client a:api_gateway m:model_server; c>a:requests a>m:requests m>a:requests" << 50.0
        << "c a m"
        << "";
    QTest::newRow("props.latency_ms overrides")
        << "c:client a:api_gateway m:model_server=5; c>a:requests a>m:requests" << 15.0 << "c a m"
        << "";
    QTest::newRow("async edges ignored")
        << "c:client a:api_gateway m:model_server s:event_stream; c>a:requests a>m:requests "
           "c>s:events m>s:predictions"
        << 50.0 << "c a m"
        << "";
    QTest::newRow("deep path wins over wide")
        << "c:client a:api_gateway g:candidate_generation r:ranking v:vector_db "
           "f:feature_store; c>a:requests a>g:requests g>r:requests v>g:candidates "
           "f>r:features"
        << 100.0 << "c a g r f"
        << "f";
}

void TestLatency::criticalPath()
{
    QFETCH(QString, spec);
    QFETCH(double, total);
    QFETCH(QString, path);
    QFETCH(QString, lookups);
    auto d = test::diagramFromSpec(spec);
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(*d);
    QCOMPARE(paths.size(), 1);
    QCOMPARE(paths[0].client, QStringLiteral("c"));
    QCOMPARE(paths[0].totalMs, total);
    QCOMPARE(paths[0].componentIds().join(' '), path);
    QStringList lk;
    double sum = 0;
    for (const LatencyHop &h : paths[0].hops) {
        sum += h.latencyMs;
        if (h.lookup)
            lk << h.component;
    }
    QCOMPARE(lk.join(' '), lookups);
    QCOMPARE(sum, total);
    QCOMPARE(paths[0].connectionIds().size(), paths[0].hops.size() - 1);
    QVERIFY(!paths[0].overBudget());
}

void TestLatency::overBudgetWarns()
{
    auto d = test::diagramFromSpec(
        "c:client a:api_gateway m:model_server; c>a:requests a>m:requests", 40);
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(*d);
    QVERIFY(paths[0].overBudget());
    QCOMPARE(paths[0].budgetMs, 40.0);
    RuleEngine engine;
    const QVector<Finding> found = engine.check(*d);
    auto it = std::find_if(found.begin(), found.end(),
                           [](const Finding &f) { return f.rule == QLatin1String("MLS-011"); });
    QVERIFY(it != found.end());
    QCOMPARE(it->severity, Severity::Warning);
    QCOMPARE(it->components, (QStringList{"c", "a", "m"}));
    QCOMPARE(it->connections, (QStringList{"e1", "e2"}));
    QVERIFY2(it->message.contains("50 ms") && it->message.contains("40 ms"),
             qPrintable(it->message));
}

void TestLatency::noClientNoPath()
{
    auto d = test::diagramFromSpec("a:api_gateway m:model_server; a>m:requests");
    QVERIFY(LatencyAnalysis::analyze(*d).isEmpty());
}

QTEST_APPLESS_MAIN(TestLatency)
#include "tst_latency.moc"
