// SPDX-License-Identifier: MIT
#include "../RuleSpec.h"
#include "RuleEngine.h"
#include "RulePack.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace mls;

namespace {

QStringList firedRules(const QString &spec, double budget = 200)
{
    auto d = test::diagramFromSpec(spec, budget);
    RuleEngine engine;
    QStringList ids;
    for (const Finding &f : engine.check(*d))
        ids << f.rule();
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
    // A feedback loop (served predictions logged back into training) does not make the
    // serving model's own feature store "shared".
    rows.push_back({"MLS-009 feedback loop", "MLS-009",
                    "s:event_stream p:stream_processor o:online_feature_store m:model_server "
                    "r:model_registry t:trainer l:data_lake b:batch_etl; s>p:events "
                    "p>o:features o>m:features r>m:model t>r:model m>s:predictions "
                    "s>l:predictions l>b:batch_data b>t:training_data",
                    "s:event_stream p:stream_processor o:online_feature_store m:model_server "
                    "r:model_registry t:trainer l:data_lake b:batch_etl; s>p:events "
                    "p>o:features o>m:features r>m:model t>r:model m>s:predictions "
                    "s>l:predictions l>b:batch_data b>t:training_data p>l:features",
                    200});
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
    // Only logged to an archive nobody monitors, while the client's events are monitored.
    rows.push_back({"MLS-010 archive only", "MLS-010",
                    "c:client a:api_gateway m:model_server r:model_registry s:event_stream "
                    "l:data_lake n:monitoring; c>a:requests a>m:requests r>m:model "
                    "m>l:predictions c>s:events s>n:events",
                    "c:client a:api_gateway m:model_server r:model_registry s:event_stream "
                    "l:data_lake n:monitoring; c>a:requests a>m:requests r>m:model "
                    "a>s:predictions c>s:events s>n:events",
                    200});
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
    row("MLS-019",
        "f:feature_store t:trainer r:model_registry m:model_server; f>t:training_data "
        "t>r:model r>m:model",
        "f:feature_store t:trainer e:evaluation r:model_registry m:model_server; "
        "f>t:training_data t>e:model e>r:model r>m:model");
    row("MLS-020",
        "s:event_stream p:stream_processor o:online_feature_store m:model_server; s>p:events "
        "p>o:features o>m:features",
        "s:event_stream p:stream_processor o:online_feature_store m:model_server n:monitoring; "
        "s>p:events p>o:features o>m:features p>n:metrics");
    row("MLS-021",
        "f:feature_store t:trainer r:model_registry i:embedding_model q:embedding_model "
        "v:vector_db g:candidate_generation; f>t:training_data t>r:model r>i:model "
        "i>v:embeddings v>g:candidates g>q:requests",
        "f:feature_store t:trainer r:model_registry i:embedding_model q:embedding_model "
        "v:vector_db g:candidate_generation; f>t:training_data t>r:model r>i:model "
        "i>v:embeddings v>g:candidates g>q:requests r>q:model");
    row("MLS-022",
        "c:client a:api_gateway m:model_server r:model_registry t:trainer s:event_stream "
        "l:data_lake b:batch_etl; c>a:requests a>m:requests r>m:model t>r:model "
        "m>s:predictions s>l:predictions l>b:batch_data b>t:training_data",
        "c:client a:api_gateway m:model_server r:model_registry t:trainer s:event_stream "
        "l:data_lake b:batch_etl; c>a:requests a>m:requests r>m:model t>r:model "
        "m>s:predictions s>l:predictions l>b:batch_data b>t:training_data c>s:events "
        "s>l:events");
    row("MLS-023", "r:model_registry m:model_server a:api_gateway; a>m:requests r>m:model",
        "f:feature_store t:trainer r:model_registry m:model_server a:api_gateway; "
        "f>t:training_data t>r:model a>m:requests r>m:model");
    row("MLS-024",
        "c:client a:api_gateway m:model_server r:model_registry; c>a:requests a>m:requests "
        "r>m:model",
        "c:client a:api_gateway m:model_server r:model_registry k:cache; c>a:requests "
        "a>m:requests r>m:model k>a:predictions");
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
    void silent_data();
    void silent();
    void labelledTwinsAreNoDuplicate();
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

void TestRules::silent_data()
{
    // Sound designs a careless rule would flag: each must stay silent for its rule.
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("spec");
    auto row = [](const char *name, const char *rule, const char *spec) {
        QTest::newRow(name) << QString(rule) << QString(spec);
    };
    row("MLS-007 change data capture", "MLS-007",
        "d:oltp_db p:stream_processor f:online_feature_store; d>p:events p>f:features");
    row("MLS-009 ensemble sharing one registry", "MLS-009",
        "f:feature_store t1:trainer t2:trainer l:data_lake b:batch_etl r:model_registry "
        "m:model_server; f>m:features f>t1:training_data l>b:batch_data b>t2:training_data "
        "t1>r:model t2>r:model r>m:model");
    row("MLS-009 feedback loop with a shared store", "MLS-009",
        "f:feature_store t:trainer r:model_registry m:model_server s:event_stream "
        "p:stream_processor; f>t:training_data t>r:model r>m:model f>m:features "
        "m>s:predictions s>p:predictions p>f:features");
    row("MLS-010 caller logs the answer", "MLS-010",
        "c:client a:api_gateway g:ranking m:model_server r:model_registry s:event_stream "
        "n:monitoring; c>a:requests a>g:requests g>m:requests r>m:model r>g:model "
        "a>s:predictions s>n:predictions");
    row("MLS-010 precomputed through a store", "MLS-010",
        "b:batch_inference r:model_registry p:prediction_store a:api_gateway s:event_stream "
        "n:monitoring; r>b:model b>p:predictions p>a:predictions a>s:predictions "
        "s>n:predictions");
    row("MLS-019 gate after the registry", "MLS-019",
        "f:feature_store t:trainer r:model_registry e:evaluation m:model_server; "
        "f>t:training_data t>r:model r>e:model e>m:model");
    row("MLS-020 feature store monitored", "MLS-020",
        "f:feature_store m:ranking n:monitoring; f>m:features f>n:features");
    row("MLS-021 two pretrained encoders", "MLS-021",
        "i:embedding_model q:embedding_model v:vector_db g:candidate_generation; "
        "i>v:embeddings v>g:candidates g>q:requests");
    row("MLS-021 two towers of one trainer", "MLS-021",
        "f:feature_store t:trainer r:model_registry i:embedding_model q:embedding_model "
        "o:object_store v:vector_db g:candidate_generation; f>t:training_data t>r:model "
        "r>i:model r>q:model i>o:embeddings o>v:embeddings v>g:candidates q>g:embeddings");
    row("MLS-022 human labels on what it served", "MLS-022",
        "c:client a:api_gateway m:model_server r:model_registry t:trainer s:event_stream "
        "l:data_lake b:batch_etl k:labeling; c>a:requests a>m:requests r>m:model t>r:model "
        "m>s:predictions s>l:predictions l>b:batch_data b>t:training_data s>k:predictions "
        "k>b:labels");
    row("MLS-023 imported artifact", "MLS-023",
        "o:object_store r:model_registry m:model_server; o>r:model r>m:model");
    row("MLS-023 pretrained LLM", "MLS-023",
        "r:model_registry l:llm_service a:api_gateway; a>l:requests r>l:model");
    row("MLS-024 second model", "MLS-024",
        "a:api_gateway m:model_server n:model_server r:model_registry; a>m:requests "
        "a>n:requests r>m:model r>n:model");
}

void TestRules::silent()
{
    QFETCH(QString, rule);
    QFETCH(QString, spec);
    const QStringList fired = firedRules(spec);
    QVERIFY2(!fired.contains(rule), qPrintable(rule + " fired on a sound design"));
}

void TestRules::labelledTwinsAreNoDuplicate()
{
    // Two arrows with the same ends and flow but different labels are two documented paths;
    // the same label (trimmed, any case) is a copy. A label edit is re-checked in place.
    auto d = test::diagramFromSpec("s:event_stream p:stream_processor; s>p:events s>p:events");
    RuleEngine engine;
    auto duplicates = [](const QVector<Finding> &found) {
        return std::count_if(found.begin(), found.end(),
                             [](const Finding &f) { return f.rule() == QLatin1String("MLS-012"); });
    };
    QCOMPARE(duplicates(engine.check(*d)), 1);
    // Sets the label (or, with @p flow, the flow) of connection @p id and re-checks.
    auto edit = [&](const char *id, const char *value, bool flow = false) {
        Connection c = *d->connection(QString::fromLatin1(id));
        (flow ? c.flow : c.label) = QString::fromUtf8(value);
        d->updateConnection(c);
        return engine.recheck(*d, {}, {c.id});
    };
    auto relabel = [&](const char *id, const char *label) { return edit(id, label); };
    relabel("e1", "clicks");
    QCOMPARE(duplicates(relabel("e2", "purchases")), 0);
    QCOMPARE(duplicates(engine.check(*d)), 0);
    QCOMPARE(duplicates(relabel("e2", " Clicks ")), 1);
    // Flows the catalog does not know are copies only when they are the same flow.
    auto flow = [&](const char *id, const char *name) { return edit(id, name, true); };
    flow("e1", "telepathy");
    QCOMPARE(duplicates(flow("e2", "smoke_signals")), 0);
    QCOMPARE(duplicates(engine.check(*d)), 0);
    QCOMPARE(duplicates(flow("e2", "telepathy")), 1);
    QCOMPARE(duplicates(engine.check(*d)), 1);
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
