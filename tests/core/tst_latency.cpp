// SPDX-License-Identifier: MIT
#include "../RuleSpec.h"
#include "LatencyAnalysis.h"
#include "Limits.h"
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
    void clientBudget_data();
    void clientBudget();
    void longChainIsIterative();
    void manyClientsShareOneChain();
};

namespace {

/// @p clients clients, each calling the head of one chain of @p hops api gateways (10 ms each).
std::unique_ptr<Diagram> clientsOnChain(int clients, int hops)
{
    auto d = std::make_unique<Diagram>();
    d->reserve(clients + hops, clients + hops);
    auto add = [&](const QString &id, const QString &kind) {
        Component c;
        c.id = id;
        c.kind = kind;
        c.label = id;
        d->insertComponent(d->components().size(), c);
    };
    auto call = [&](const QString &from, const QString &to) {
        Connection c;
        c.id = QStringLiteral("e%1").arg(d->connections().size());
        c.from = from;
        c.to = to;
        c.flow = QStringLiteral("requests");
        d->insertConnection(d->connections().size(), c);
    };
    for (int i = 0; i < hops; ++i) {
        add(QStringLiteral("h%1").arg(i), QStringLiteral("api_gateway"));
        if (i > 0)
            call(QStringLiteral("h%1").arg(i - 1), QStringLiteral("h%1").arg(i));
    }
    for (int i = 0; i < clients; ++i) {
        add(QStringLiteral("c%1").arg(i), QStringLiteral("client"));
        call(QStringLiteral("c%1").arg(i), QStringLiteral("h0"));
    }
    return d;
}

} // namespace

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
                           [](const Finding &f) { return f.rule() == QLatin1String("MLS-011"); });
    QVERIFY(it != found.end());
    QCOMPARE(it->severity(), Severity::Warning);
    QCOMPARE(it->components().toList(), (QStringList{"c", "a", "m"}));
    QCOMPARE(it->connections().toList(), (QStringList{"e1", "e2"}));
    QVERIFY2(it->message().contains("50 ms") && it->message().contains("40 ms"),
             qPrintable(it->message()));
}

void TestLatency::noClientNoPath()
{
    auto d = test::diagramFromSpec("a:api_gateway m:model_server; a>m:requests");
    QVERIFY(LatencyAnalysis::analyze(*d).isEmpty());
}

void TestLatency::clientBudget_data()
{
    // c → a → m costs 50 ms; the diagram's budget is 100 ms.
    QTest::addColumn<QString>("clientBudget"); // JSON value of props.latency_budget_ms, or ""
    QTest::addColumn<double>("budget");
    QTest::addColumn<bool>("warns");
    QTest::newRow("diagram budget applies") << "" << 100.0 << false;
    QTest::newRow("client budget violated") << "40" << 40.0 << true;
    QTest::newRow("client budget met") << "60" << 60.0 << false;
    QTest::newRow("client budget looser than the diagram's") << "1000" << 1000.0 << false;
    QTest::newRow("not a number: diagram budget") << "\"fast\"" << 100.0 << false;
    QTest::newRow("negative: diagram budget") << "-5" << 100.0 << false;
}

void TestLatency::clientBudget()
{
    QFETCH(QString, clientBudget);
    QFETCH(double, budget);
    QFETCH(bool, warns);
    auto d = test::diagramFromSpec(
        "c:client a:api_gateway m:model_server; c>a:requests a>m:requests", 100);
    if (!clientBudget.isEmpty()) {
        Component c = *d->component(QStringLiteral("c"));
        c.props["latency_budget_ms"] = Json::parse(clientBudget.toStdString());
        d->updateComponent(c);
    }
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(*d);
    QCOMPARE(paths.size(), 1);
    QCOMPARE(paths[0].budgetMs, budget);
    QCOMPARE(paths[0].overBudget(), warns);
    RuleEngine engine;
    const QVector<Finding> found = engine.check(*d);
    const bool fired = std::any_of(found.begin(), found.end(), [](const Finding &f) {
        return f.rule() == QLatin1String("MLS-011");
    });
    QCOMPARE(fired, warns);
}

void TestLatency::longChainIsIterative()
{
    // 50,000 hops: a recursive walk overflows the stack here.
    const int hops = 50000;
    auto d = clientsOnChain(1, hops);
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(*d);
    QCOMPARE(paths.size(), 1);
    QCOMPARE(paths[0].totalMs, 10.0 * hops);
    QCOMPARE(paths[0].hops.size(), Limits::maxListedHops);
    QCOMPARE(paths[0].hops.size() + paths[0].moreHops, hops + 1);
    RuleEngine engine;
    const QVector<Finding> found = engine.check(*d);
    auto it = std::find_if(found.begin(), found.end(),
                           [](const Finding &f) { return f.rule() == QLatin1String("MLS-011"); });
    QVERIFY(it != found.end());
    QVERIFY2(it->message().contains(
                 QStringLiteral("… and %1 more").arg(hops + 1 - Limits::maxListedHops)),
             qPrintable(it->message()));
    QCOMPARE(it->components().size(), Limits::maxListedHops);
}

void TestLatency::manyClientsShareOneChain()
{
    // 2,500 clients on a 2,500-hop chain: each path is computed once per node, listed capped.
    const int clients = 2500;
    auto d = clientsOnChain(clients, 2500);
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(*d);
    QCOMPARE(paths.size(), clients);
    for (const LatencyPath &p : paths) {
        QCOMPARE(p.totalMs, 25000.0);
        QCOMPARE(p.hops.size(), Limits::maxListedHops);
    }
    RuleEngine engine;
    const QVector<Finding> found = engine.check(*d);
    QVector<Finding> latency;
    std::copy_if(found.begin(), found.end(), std::back_inserter(latency),
                 [](const Finding &f) { return f.rule() == QLatin1String("MLS-011"); });
    QCOMPARE(latency.size(), Limits::maxLatencyFindings);
    const bool saysMore = std::any_of(latency.begin(), latency.end(), [&](const Finding &f) {
        return f.message().contains(
            QStringLiteral("… and %1 more clients").arg(clients - Limits::maxLatencyFindings));
    });
    QVERIFY(saysMore);
}

QTEST_APPLESS_MAIN(TestLatency)
#include "tst_latency.moc"
