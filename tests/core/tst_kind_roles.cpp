// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Catalog.h"
#include "Diagram.h"
#include "rules/LatencyAnalysis.h"
#include "rules/RuleEngine.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using namespace mls;

/// The kind roles the rules rely on are catalog data: every role exists in the built-in
/// catalog, an unknown one is refused, and changing the data changes what the rules see.
class TestKindRoles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyRoleIsGivenToAKind();
    void rolesOfTheBuiltinKinds_data();
    void rolesOfTheBuiltinKinds();
    void unknownRoleIsRefused();
    void roleDecidesWhereRequestPathsStart();
    void synchronousComesFromTheCatalog();
    void callCycleFollowsTheCatalog();

private:
    /// The built-in catalog JSON with @p from replaced by @p to.
    QByteArray edited(const QByteArray &from, const QByteArray &to) const;

    QByteArray m_json;
};

namespace {
/// A client calling a ranking service: one request path.
void clientCallsRanking(Diagram &d)
{
    d.insertComponent(0, test::component("c1", "client"));
    d.insertComponent(1, test::component("c2", "ranking"));
    d.insertConnection(0, test::connection("e1", "c1", "c2", "requests"));
}
} // namespace

void TestKindRoles::initTestCase()
{
    initCoreResources();
    QFile file(QStringLiteral(":/catalog.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_json = file.readAll();
}

QByteArray TestKindRoles::edited(const QByteArray &from, const QByteArray &to) const
{
    QByteArray json = m_json;
    const qsizetype at = json.indexOf(from);
    if (at >= 0)
        json.replace(at, from.size(), to);
    return json;
}

void TestKindRoles::everyRoleIsGivenToAKind()
{
    const Catalog &catalog = Catalog::builtin();
    for (auto it = Catalog::roleNames().begin(); it != Catalog::roleNames().end(); ++it)
        QVERIFY2(!catalog.kindsWith(it.value()).isEmpty(), qPrintable(it.key()));
}

void TestKindRoles::rolesOfTheBuiltinKinds_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("request origin") << int(KindRole::RequestOrigin) << QStringList{"client"};
    QTest::newRow("trainer") << int(KindRole::Trainer) << QStringList{"trainer"};
    QTest::newRow("training side")
        << int(KindRole::TrainingSide) << QStringList{"trainer", "evaluation", "model_registry"};
    QTest::newRow("labeler") << int(KindRole::Labeler) << QStringList{"labeling"};
    QTest::newRow("hosted model") << int(KindRole::HostedModel) << QStringList{"llm_service"};
    QTest::newRow("outcome events") << int(KindRole::OutcomeEvents) << QStringList{"client"};
    QTest::newRow("external events") << int(KindRole::ExternalEvents) << QStringList{"api_gateway"};
}

void TestKindRoles::rolesOfTheBuiltinKinds()
{
    QFETCH(int, role);
    QFETCH(QStringList, kinds);
    QCOMPARE(Catalog::builtin().kindsWith(KindRole(role)), kinds);
}

void TestKindRoles::unknownRoleIsRefused()
{
    const QByteArray json =
        edited(R"("roles": ["trainer", "training_side"])", R"("roles": ["trainer", "chef"])");
    QVERIFY(json != m_json);
    QString error;
    QVERIFY(!Catalog::fromJson(json, &error));
    QVERIFY2(error.contains(QLatin1String("unknown role \"chef\"")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("trainer")), qPrintable(error));
}

void TestKindRoles::roleDecidesWhereRequestPathsStart()
{
    Diagram d;
    clientCallsRanking(d);
    QCOMPARE(LatencyAnalysis::analyze(d, Catalog::builtin()).size(), 1);
    const QByteArray json = edited(R"("roles": ["request_origin", "outcome_events"])",
                                   R"("roles": ["outcome_events"])");
    QVERIFY(json != m_json);
    QString error;
    const std::optional<Catalog> noOrigin = Catalog::fromJson(json, &error);
    QVERIFY2(noOrigin, qPrintable(error));
    QVERIFY(LatencyAnalysis::analyze(d, *noOrigin).isEmpty());
}

void TestKindRoles::synchronousComesFromTheCatalog()
{
    Diagram d;
    clientCallsRanking(d);
    const QByteArray json = edited(R"("synchronous": true)", R"("synchronous": false)");
    QVERIFY(json != m_json);
    QString error;
    const std::optional<Catalog> asynchronous = Catalog::fromJson(json, &error);
    QVERIFY2(asynchronous, qPrintable(error));
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(d, *asynchronous);
    QCOMPARE(paths.size(), 1);
    QCOMPARE(paths.first().hops.size(), 1); // the client alone: no call to follow
    QCOMPARE(LatencyAnalysis::analyze(d, Catalog::builtin()).first().hops.size(), 2);
}

void TestKindRoles::callCycleFollowsTheCatalog()
{
    // Two services calling each other: a cycle of synchronous calls (MLS-013) only while the
    // catalog says their flow is synchronous.
    Diagram d;
    clientCallsRanking(d);
    d.insertComponent(2, test::component("c3", "model_server"));
    d.insertConnection(1, test::connection("e2", "c2", "c3", "requests"));
    d.insertConnection(2, test::connection("e3", "c3", "c2", "requests"));
    auto cycles = [&](const Catalog &catalog) {
        RuleEngine engine(catalog);
        const QVector<Finding> findings = engine.check(d);
        return std::count_if(findings.begin(), findings.end(),
                             [](const Finding &f) { return f.rule() == QLatin1String("MLS-013"); });
    };
    QCOMPARE(cycles(Catalog::builtin()), 1);
    QString error;
    const std::optional<Catalog> asynchronous =
        Catalog::fromJson(edited(R"("synchronous": true)", R"("synchronous": false)"), &error);
    QVERIFY2(asynchronous, qPrintable(error));
    QCOMPARE(cycles(*asynchronous), 0);
}

QTEST_APPLESS_MAIN(TestKindRoles)
#include "tst_kind_roles.moc"
