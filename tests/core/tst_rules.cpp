#include "../RuleSpec.h"
#include "RuleEngine.h"
#include "RulePack.h"

#include <QSet>
#include <QTest>

using namespace mls;

namespace {

QStringList firedRules(const QString &spec, double budget = 200)
{
    auto d = test::diagramFromSpec(spec, budget);
    RuleEngine engine;
    QStringList ids;
    for (const Finding &f : engine.check(*d))
        ids << f.rule;
    return ids;
}

struct RuleRow
{
    QString tag;
    QString rule;
    QString violating;
    QString fixed;
    double budget;
};

/// The rows of the rule table: one per built-in rule (a few rules have more).
std::vector<RuleRow> ruleRows()
{
    std::vector<RuleRow> rows;
    auto row = [&rows](const char *rule, const char *bad, const char *good, double budget = 200) {
        rows.push_back({rule, rule, bad, good, budget});
    };
    row("MLS-001", "l:data_lake t:trainer; l>t:batch_data",
        "l:data_lake b:batch_etl; l>b:batch_data");
    row("MLS-002", "s:event_stream; s>s:events", "s:event_stream p:stream_processor; s>p:events");
    row("MLS-003", "a:api_gateway t:trainer; a>t:requests",
        "a:api_gateway m:model_server; a>m:requests");
    row("MLS-004", "a:api_gateway m:model_server; a>m:requests",
        "a:api_gateway m:model_server r:model_registry; a>m:requests r>m:model");
    row("MLS-005", "t:trainer r:model_registry; t>r:model",
        "t:trainer r:model_registry f:feature_store; t>r:model f>t:training_data");
    row("MLS-006", "v:vector_db g:candidate_generation; v>g:candidates",
        "v:vector_db g:candidate_generation e:embedding_model; v>g:candidates e>v:embeddings");
    row("MLS-007", "p:stream_processor f:online_feature_store; p>f:features",
        "p:stream_processor f:online_feature_store s:event_stream; p>f:features s>p:events");
    row("MLS-008", "p:feature_pipeline m:model_server; p>m:features",
        "p:feature_pipeline o:online_feature_store m:model_server; p>o:features o>m:features");
    row("MLS-009",
        "l:data_lake b:batch_etl t:trainer r:model_registry m:model_server o:online_feature_store "
        "p:stream_processor s:event_stream; l>b:batch_data b>t:training_data t>r:model "
        "r>m:model s>p:events p>o:features o>m:features s>l:events",
        "t:trainer r:model_registry m:model_server f:feature_store p:stream_processor "
        "s:event_stream; f>t:training_data t>r:model r>m:model s>p:events p>f:features "
        "f>m:features");
    row("MLS-010", "r:model_registry m:model_server a:api_gateway; r>m:model a>m:requests",
        "r:model_registry m:model_server a:api_gateway s:event_stream n:monitoring; r>m:model "
        "a>m:requests m>s:predictions s>n:predictions");
    row("MLS-011", "c:client a:api_gateway l:llm_service; c>a:requests a>l:requests",
        "c:client a:api_gateway m:model_server; c>a:requests a>m:requests");
    row("MLS-012", "s:event_stream p:stream_processor; s>p:events s>p:events",
        "s:event_stream p:stream_processor; s>p:events");
    row("MLS-013", "a:api_gateway m:model_server; a>m:requests m>a:requests",
        "a:api_gateway m:model_server s:event_stream; a>m:requests m>s:predictions");
    row("MLS-014", "x:quantum_oracle s:event_stream; s>x:events",
        "x:monitoring s:event_stream; s>x:events");
    rows.push_back({"MLS-014 flow", "MLS-014", "s:event_stream m:monitoring; s>m:telepathy",
                    "s:event_stream m:monitoring; s>m:events", 200});
    row("MLS-015", "n:monitoring", "s:event_stream n:monitoring; s>n:metrics");
    row("MLS-016", "t:trainer m:model_server; t>m:model",
        "t:trainer r:model_registry m:model_server; t>r:model r>m:model");
    row("MLS-017",
        "l:data_lake b:batch_etl t:trainer r:model_registry m:model_server c:client; "
        "l>b:batch_data b>t:training_data t>r:model r>m:model c>m:requests",
        "l:data_lake b:batch_etl t:trainer r:model_registry m:model_server c:client "
        "s:event_stream; l>b:batch_data b>t:training_data t>r:model r>m:model c>m:requests "
        "m>s:predictions s>l:predictions");
    row("MLS-018", "l:llm_service a:api_gateway; a>l:requests",
        "l:llm_service a:api_gateway r:model_registry; a>l:requests r>l:model");
    return rows;
}

} // namespace

/// One row per built-in rule: a minimal violating diagram fires it, its minimal fixed twin
/// does not.
class TestRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRuleHasARow();
    void rule_data();
    void rule();
    void coreRulesAreComplete();
};

void TestRules::rule_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("violating");
    QTest::addColumn<QString>("fixed");
    QTest::addColumn<double>("budget");
    for (const RuleRow &r : ruleRows())
        QTest::newRow(qPrintable(r.tag)) << r.rule << r.violating << r.fixed << r.budget;
}

void TestRules::rule()
{
    QFETCH(QString, rule);
    QFETCH(QString, violating);
    QFETCH(QString, fixed);
    QFETCH(double, budget);
    const QStringList bad = firedRules(violating, budget);
    const QStringList good = firedRules(fixed, budget);
    QVERIFY2(bad.contains(rule), qPrintable(rule + " did not fire; fired: " + bad.join(' ')));
    QVERIFY2(!good.contains(rule), qPrintable(rule + " fired on the fixed twin"));
}

void TestRules::everyRuleHasARow()
{
    // The table of rows must cover every rule of the core pack, and name no other.
    QSet<QString> tested;
    for (const RuleRow &r : ruleRows())
        tested.insert(r.rule);
    QSet<QString> pack;
    for (const Rule &r : RulePack::core())
        pack.insert(r.id);
    QVERIFY2(!pack.isEmpty(), "the core rule pack is empty");
    const QStringList untested = QStringList((pack - tested).values());
    const QStringList unknown = QStringList((tested - pack).values());
    QVERIFY2(untested.isEmpty(), qPrintable("rules with no row: " + untested.join(' ')));
    QVERIFY2(unknown.isEmpty(), qPrintable("rows for no rule: " + unknown.join(' ')));
}

void TestRules::coreRulesAreComplete()
{
    for (const Rule &r : RulePack::core()) {
        QVERIFY2(r.explanation.count(QLatin1Char('.')) >= 2, qPrintable(r.id));
        QVERIFY2(!r.fix.isEmpty() && !r.title.isEmpty(), qPrintable(r.id));
        QVERIFY2(r.message.contains(QLatin1Char('{')), qPrintable(r.id)); // names components
    }
}

QTEST_APPLESS_MAIN(TestRules)
#include "tst_rules.moc"
