// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "Diagram.h"
#include "RuleEngine.h"
#include "export/DotExport.h"
#include "export/MermaidExport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace mls;

/// The built-in catalog matches DESIGN.md and a broken catalog is refused with a message
/// naming the entry.
class TestCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinLoads();
    void flowIds();
    void kindsMatchDesign_data();
    void kindsMatchDesign();
    void everyKindIsComplete();
    void compatibleFlows_data();
    void compatibleFlows();
    void brokenCatalog_data();
    void brokenCatalog();
    void displayName_data();
    void displayName();
    void unlabelledComponentHasOneName();
};

void TestCatalog::builtinLoads()
{
    QString error;
    const Catalog *c = Catalog::loadBuiltin(&error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->flows().size(), 11);
    QCOMPARE(c->kinds().size(), 31);
}

void TestCatalog::flowIds()
{
    QStringList ids;
    for (const FlowType &f : Catalog::builtin().flows())
        ids << f.id;
    QCOMPARE(ids, QStringList({"requests", "events", "batch_data", "features", "embeddings",
                               "candidates", "training_data", "labels", "model", "predictions",
                               "metrics"}));
    QVERIFY(Catalog::builtin().flow("requests")->synchronous);
    QVERIFY(!Catalog::builtin().flow("events")->synchronous);
}

void TestCatalog::kindsMatchDesign_data()
{
    // The contract of DESIGN.md, "Kinds": consumes and produces of every kind id.
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("consumes");
    QTest::addColumn<QString>("produces");
    auto row = [](const char *id, const char *c, const char *p) {
        QTest::newRow(id) << QString(id) << QString(c) << QString(p);
    };
    row("client", "predictions candidates", "requests events");
    row("api_gateway", "requests predictions candidates features", "requests predictions events");
    row("event_stream", "events predictions metrics features",
        "events predictions metrics features");
    row("stream_processor", "events predictions features", "features events labels metrics");
    // Extended beyond DESIGN.md's table where real designs need it (README, "Catalog"):
    // a batch job reading features, label joins into feature stores, change data capture
    // from an operational DB, index snapshots in an object store, index health metrics and
    // embedding drift in monitoring.
    row("batch_etl", "batch_data events predictions labels features",
        "batch_data features training_data labels");
    row("data_lake", "events batch_data predictions labels metrics features", "batch_data");
    row("oltp_db", "requests batch_data", "batch_data features events");
    row("object_store", "batch_data model embeddings", "batch_data model embeddings");
    row("cache", "predictions features embeddings candidates",
        "predictions features embeddings candidates");
    row("feature_pipeline", "batch_data events", "features");
    row("feature_store", "features labels", "features training_data");
    row("offline_feature_store", "features labels", "features training_data");
    row("online_feature_store", "features", "features");
    row("labeling", "batch_data predictions events", "labels");
    row("trainer", "training_data model", "model metrics");
    row("evaluation", "model training_data", "model metrics");
    row("model_registry", "model metrics", "model");
    row("embedding_model", "requests batch_data features model", "embeddings");
    row("vector_db", "embeddings", "candidates metrics");
    row("search_index", "batch_data features embeddings", "candidates metrics");
    row("candidate_generation", "requests embeddings features candidates model",
        "candidates requests");
    row("ranking", "requests candidates features model", "predictions requests");
    row("reranking", "requests predictions candidates features", "predictions requests");
    row("model_server", "requests features embeddings candidates model", "predictions requests");
    row("batch_inference", "batch_data features model", "predictions");
    row("prediction_store", "predictions", "predictions");
    row("experimentation", "requests predictions metrics", "requests metrics");
    row("llm_service", "requests candidates features model", "predictions requests");
    row("monitoring", "predictions metrics features events labels embeddings", "metrics");
}

void TestCatalog::kindsMatchDesign()
{
    QFETCH(QString, id);
    QFETCH(QString, consumes);
    QFETCH(QString, produces);
    const KindInfo *k = Catalog::builtin().kind(id);
    QVERIFY2(k, qPrintable(id));
    auto set = [](const QStringList &l) { return QSet<QString>(l.begin(), l.end()); };
    QCOMPARE(set(k->consumes), set(consumes.split(' ')));
    QCOMPARE(set(k->produces), set(produces.split(' ')));
}

void TestCatalog::everyKindIsComplete()
{
    const Catalog &cat = Catalog::builtin();
    for (const KindInfo &k : cat.kinds()) {
        QVERIFY2(!k.label.isEmpty() && k.label.size() <= 24, qPrintable(k.id));
        QVERIFY2(cat.category(k.category), qPrintable(k.id));
        QVERIFY2(k.color.isValid(), qPrintable(k.id));
        QVERIFY2(QFile::exists(":/icons/" + k.icon), qPrintable(k.id + ": " + k.icon));
        // Two sentences: what it is, and real products as examples.
        QCOMPARE(k.description.count(QRegularExpression(QStringLiteral("[.!?](\\s|$)"))), 2);
        QVERIFY2(k.latencyMs >= 0, qPrintable(k.id));
    }
    QVERIFY(cat.kind("vector_db")->description.contains("Milvus"));
    QVERIFY(cat.kind("event_stream")->description.contains("Kafka"));
    QVERIFY(cat.kind("nope") == nullptr);
    QCOMPARE(cat.kindLabel("nope"), QStringLiteral("Unknown kind (nope)"));
}

void TestCatalog::compatibleFlows_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("flows");
    QTest::newRow("registry to ranking") << "model_registry"
                                         << "ranking" << QStringList{"model"};
    QTest::newRow("registry to client") << "model_registry"
                                        << "client" << QStringList{};
    QTest::newRow("stream to lake")
        << "event_stream"
        << "data_lake" << QStringList{"events", "features", "predictions", "metrics"};
    QTest::newRow("unknown kind") << "quantum"
                                  << "ranking" << QStringList{};
}

void TestCatalog::compatibleFlows()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, flows);
    QCOMPARE(Catalog::builtin().compatibleFlows(from, to), flows);
}

void TestCatalog::brokenCatalog_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray cat = R"({"categories":[{"id":"x","label":"X","color":"#112233"}],)";
    const QByteArray flows =
        R"("flows":[{"id":"f","label":"F","color":"#112233","style":"solid","description":"d"}],)";
    QTest::newRow("not json") << QByteArray("{") << "not valid JSON";
    QTest::newRow("no kinds") << cat + flows + R"("kinds":[]})"
                              << "\"kinds\" must be a non-empty array";
    QTest::newRow("bad colour") << QByteArray(
                                       R"({"categories":[{"id":"x","label":"X","color":"red"}]})")
                                << "categories[0] (\"x\"): colour \"red\" is not #RRGGBB";
    QTest::newRow("unknown flow")
        << cat + flows +
               R"("kinds":[{"id":"k","label":"K","category":"x","color":"#112233","icon":"k.svg","placement":"online","latency_ms":1,"consumes":["blobs"],"produces":[],"description":"d"}]})"
        << "kinds[0] (\"k\"): consumes unknown flow \"blobs\"";
    QTest::newRow("unknown category")
        << cat + flows +
               R"("kinds":[{"id":"k","label":"K","category":"y","color":"#112233","icon":"k.svg","placement":"online","latency_ms":1,"consumes":[],"produces":[],"description":"d"}]})"
        << "kinds[0] (\"k\"): unknown category \"y\"";
    QTest::newRow("duplicate kind")
        << cat + flows +
               R"("kinds":[{"id":"k","label":"K","category":"x","color":"#112233","icon":"k.svg","placement":"online","latency_ms":1,"consumes":[],"produces":[],"description":"d"},{"id":"k","label":"K","category":"x","color":"#112233","icon":"k.svg","placement":"online","latency_ms":1,"consumes":[],"produces":[],"description":"d"}]})"
        << "kinds[1] (\"k\"): duplicate id";
}

void TestCatalog::brokenCatalog()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!Catalog::fromJson(json, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_APPLESS_MAIN(TestCatalog)
#include "tst_catalog.moc"

void TestCatalog::displayName_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("shown");
    QTest::newRow("labelled") << "cache"
                              << "Redis"
                              << "Redis";
    QTest::newRow("unlabelled") << "model_server"
                                << ""
                                << "Model server";
    QTest::newRow("blank label") << "vector_db"
                                 << "  "
                                 << "Vector DB";
    QTest::newRow("unknown kind") << "quantum_oracle"
                                  << ""
                                  << "c7";
}

void TestCatalog::displayName()
{
    QFETCH(QString, kind);
    QFETCH(QString, label);
    QFETCH(QString, shown);
    Component c;
    c.id = QStringLiteral("c7");
    c.kind = kind;
    c.label = label;
    QCOMPARE(Catalog::builtin().displayName(c), shown);
}

/// An unlabelled card is called by the same name in a finding and in the text exports.
void TestCatalog::unlabelledComponentHasOneName()
{
    Diagram d;
    Component c;
    c.id = QStringLiteral("c7");
    c.kind = QStringLiteral("model_server");
    d.insertComponent(0, c);
    const QString name = Catalog::builtin().displayName(c);
    bool named = false;
    for (const Finding &f : RuleEngine().check(d)) {
        if (f.components().contains(QStringLiteral("c7"))) {
            QVERIFY2(f.message().contains(name) && !f.message().contains(QStringLiteral("“c7”")),
                     qPrintable(f.message()));
            named = true;
        }
    }
    QVERIFY(named);
    QVERIFY(QString::fromUtf8(DotExport::toDot(d)).contains(name));
    QVERIFY(MermaidExport::toMermaid(d).contains(name));
}
