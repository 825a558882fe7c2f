// SPDX-License-Identifier: MIT
#include "../RuleEdits.h"
#include "../RuleSpec.h"
#include "../TestDiagrams.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "RuleEngine.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace mls;

namespace {

const Finding *findRule(const QVector<Finding> &all, const QString &rule)
{
    for (const Finding &f : all) {
        if (f.rule() == rule)
            return &f;
    }
    return nullptr;
}

QVector<Finding> sortedByKey(QVector<Finding> v)
{
    std::sort(v.begin(), v.end(), [](const Finding &a, const Finding &b) {
        return a.key() < b.key() || (a.key() == b.key() && a.message() < b.message());
    });
    return v;
}

QString writePack(QTemporaryDir &dir, const QString &name, const QByteArray &json)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(json);
    return path;
}

} // namespace

/// The engine around the rules: waivers, overrides, custom packs, incremental re-checks.
class TestRuleEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waiverRoundTrip();
    void staleWaivers();
    void severityOverride();
    void customPack();
    void badPack_data();
    void badPack();
    void findingKeyIsStable();
    void incrementalEqualsFull_data();
    void incrementalEqualsFull();
    void recheckKeepsFileOrder();
    void renameAndWaiverOnGraphFinding();
};

void TestRuleEngine::waiverRoundTrip()
{
    auto d = test::diagramFromSpec("a:api_gateway m:model_server; a>m:requests");
    Component m = *d->component("m");
    m.waivers.push_back(Waiver{"MLS-004", "model baked into the image", Json::object()});
    d->updateComponent(m);
    const ReadResult read = DiagramReader::read(DiagramWriter::write(*d), "w.mlsketch");
    QVERIFY2(read.ok(), qPrintable(read.error));
    RuleEngine engine;
    const QVector<Finding> found = engine.check(*read.diagram);
    const Finding *f = findRule(found, "MLS-004");
    QVERIFY(f);
    QVERIFY(f->waived());
    QCOMPARE(f->waiverReason(), QStringLiteral("model baked into the image"));
    QVERIFY(engine.staleWaivers(*read.diagram).isEmpty());
}

void TestRuleEngine::staleWaivers()
{
    auto d = test::diagramFromSpec(
        "a:api_gateway m:model_server r:model_registry; a>m:requests r>m:model");
    Component m = *d->component("m");
    m.waivers.push_back(Waiver{"MLS-004", "was missing once", Json::object()});
    d->updateComponent(m);
    Connection e = *d->connection("e1");
    e.waivers.push_back(Waiver{"MLS-013", "not a cycle", Json::object()});
    d->updateConnection(e);
    RuleEngine engine;
    engine.check(*d);
    const QVector<StaleWaiver> stale = engine.staleWaivers(*d);
    QCOMPARE(stale.size(), 2);
    QCOMPARE(stale[0].item, QStringLiteral("m"));
    QCOMPARE(stale[0].rule, QStringLiteral("MLS-004"));
    QVERIFY(!stale[0].connection);
    QCOMPARE(stale[1].item, QStringLiteral("e1"));
    QVERIFY(stale[1].connection);
}

void TestRuleEngine::severityOverride()
{
    auto d = test::diagramFromSpec("s:event_stream p:stream_processor; s>p:events s>p:events");
    Meta meta = d->meta();
    meta.extra["severity_overrides"] = {{"MLS-012", "info"}, {"MLS-002", "bogus"}};
    d->setMeta(meta);
    RuleEngine engine;
    const Finding *f = nullptr;
    QVector<Finding> found = engine.check(*d);
    f = findRule(found, "MLS-012");
    QVERIFY(f);
    QCOMPARE(f->severity(), Severity::Info);
    QCOMPARE(RuleEngine::severityOverrides(meta).size(), 1);
    // A meta change is picked up by the next re-check.
    meta.extra["severity_overrides"] = {{"MLS-012", "error"}};
    d->setMeta(meta);
    found = engine.recheck(*d, {}, {});
    QCOMPARE(findRule(found, "MLS-012")->severity(), Severity::Error);
}

void TestRuleEngine::customPack()
{
    QTemporaryDir dir;
    const QString path = writePack(dir, "acme.json", R"({"format": "mlsketch-rules", "version": 1,
      "rules": [{"id": "ACME-001", "severity": "error", "check": "requires_outgoing",
        "kinds": ["model_server"], "flows": ["predictions"], "to_kinds": ["event_stream"],
        "title": "Log predictions", "message": "{component} does not log its predictions",
        "explanation": "We audit every decision. Unlogged predictions cannot be audited.",
        "fix": "Send predictions to the event stream."}]})");
    RuleEngine engine;
    QString error;
    QVERIFY2(engine.loadPack(path, &error), qPrintable(error));
    QVERIFY(engine.rule("ACME-001"));
    auto bad = test::diagramFromSpec("a:api_gateway m:model_server; a>m:requests");
    const QVector<Finding> found = engine.check(*bad);
    const Finding *f = findRule(found, "ACME-001");
    QVERIFY(f);
    QCOMPARE(f->message(), QStringLiteral("\"m\" does not log its predictions"));
    auto good = test::diagramFromSpec(
        "a:api_gateway m:model_server s:event_stream; a>m:requests m>s:predictions");
    QVERIFY(!findRule(engine.check(*good), "ACME-001"));
    QVERIFY(!engine.loadPack(path, &error)); // same ids again
    QVERIFY2(error.contains("ACME-001") && error.contains("already defined"), qPrintable(error));
}

void TestRuleEngine::badPack_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray head = R"({"format": "mlsketch-rules", "version": 1, "rules": [)";
    const QByteArray ok = R"("title": "t", "message": "m", "explanation": "e", "fix": "f")";
    QTest::newRow("not json") << QByteArray("{nope") << "not valid JSON";
    QTest::newRow("wrong format") << QByteArray(R"({"format": "x"})") << "not a rule pack";
    QTest::newRow("unknown check")
        << head + R"({"id": "X-001", "severity": "error", "check": "magic", )" + ok + "}]}"
        << "rules[0] (\"X-001\"): unknown check \"magic\"";
    QTest::newRow("unknown kind")
        << head + R"({"id": "X-001", "severity": "error", "check": "requires_incoming",
             "kinds": ["toaster"], "flows": ["model"], )" +
               ok + "}]}"
        << "unknown kind \"toaster\"";
    QTest::newRow("bad severity")
        << head + R"({"id": "X-001", "severity": "fatal", "check": "orphan", )" + ok + "}]}"
        << "\"severity\" must be";
    QTest::newRow("missing params")
        << head + R"({"id": "X-001", "severity": "info", "check": "requires_incoming", )" + ok +
               "}]}"
        << "needs a non-empty \"kinds\"";
    QTest::newRow("missing fix")
        << head + R"({"id": "X-001", "severity": "info", "check": "orphan", "title": "t",
             "message": "m", "explanation": "e"})" +
               "]}"
        << "\"fix\" must be a non-empty string";
    QTest::newRow("bad id") << head + R"({"id": "x1", "severity": "info", "check": "orphan", )" +
                                   ok + "}]}"
                            << "id must look like";
    QTest::newRow("core id reused")
        << head + R"({"id": "MLS-001", "severity": "info", "check": "orphan", )" + ok + "}]}"
        << "already defined";
}

void TestRuleEngine::badPack()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = writePack(dir, "bad.json", json);
    RuleEngine engine;
    QString error;
    QVERIFY(!engine.loadPack(path, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.contains("bad.json"), qPrintable(error));
    QCOMPARE(engine.rules().size(), 24);
}

void TestRuleEngine::findingKeyIsStable()
{
    Finding a;
    a.setRule("MLS-013");
    a.setIds({"b", "a"}, {"e2", "e1"});
    Finding b = a;
    b.setIds({"a", "b"}, {"e1", "e2"});
    b.setMessage("renamed");
    QCOMPARE(a.key(), b.key());
}

void TestRuleEngine::incrementalEqualsFull_data()
{
    QTest::addColumn<int>("copies");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("one template") << 1 << 4u;
    QTest::newRow("three disjoint templates") << 3 << 5u; // edits join and split parts
    QTest::newRow("one template, seed 6") << 1 << 6u;
    QTest::newRow("two templates, seed 7") << 2 << 7u;
    QTest::newRow("three templates, seed 8") << 3 << 8u;
}

void TestRuleEngine::incrementalEqualsFull()
{
    QFETCH(int, copies);
    QFETCH(quint32, seed);
    const ReadResult read = DiagramReader::readFile(
        QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch"));
    QVERIFY2(read.ok(), qPrintable(read.error));
    Diagram d;
    for (int k = 0; k < copies; ++k) {
        const QString prefix = QStringLiteral("p%1_").arg(k);
        for (const Component &c : read.diagram->components()) {
            Component copy = c;
            copy.id = prefix + c.id;
            d.insertComponent(int(d.components().size()), copy);
        }
        for (const Connection &c : read.diagram->connections()) {
            Connection copy = c;
            copy.id = prefix + c.id;
            copy.from = prefix + c.from;
            copy.to = prefix + c.to;
            d.insertConnection(int(d.connections().size()), copy);
        }
    }
    RuleEngine incremental;
    incremental.check(d);
    QRandomGenerator rng(seed);
    for (int step = 0; step < 400; ++step) {
        const auto [components, connections] = test::randomEdit(d, rng);
        if (step % 97 == 96) {
            Meta meta = d.meta();
            meta.latencyBudgetMs = 20 + rng.bounded(200);
            d.setMeta(meta);
        }
        const QVector<Finding> got = sortedByKey(incremental.recheck(d, components, connections));
        RuleEngine fresh;
        const QVector<Finding> want = sortedByKey(fresh.check(d));
        if (got != want) {
            QStringList g, w;
            for (const Finding &f : got)
                g << f.key() + " " + f.message();
            for (const Finding &f : want)
                w << f.key() + " " + f.message();
            QFAIL(qPrintable(QStringLiteral("step %1\ngot:\n%2\nwant:\n%3")
                                 .arg(step)
                                 .arg(g.join('\n'), w.join('\n'))));
        }
    }
}

void TestRuleEngine::recheckKeepsFileOrder()
{
    // A synchronous cycle lists its components and connections in file order; a re-check
    // that walks the edited part from the far end of the cycle must list them the same way.
    Diagram d;
    const QStringList ids{"a", "b", "c"};
    for (int i = 0; i < 3; ++i)
        d.insertComponent(i, test::component(ids[i], "model_server"));
    for (int i = 0; i < 3; ++i)
        d.insertConnection(i, test::connection(QStringLiteral("r%1").arg(i), ids[i],
                                               ids[(i + 1) % 3], "requests"));
    d.insertComponent(3, test::component("z", "model_server"));
    for (int i = 0; i < 4; ++i)
        d.insertComponent(4 + i, test::component(QStringLiteral("far%1").arg(i), "client"));
    RuleEngine engine;
    engine.check(d);
    Connection edited = *d.connection("r2");
    edited.waivers = {Waiver{QStringLiteral("MLS-001"), "r", Json::object()}};
    d.updateConnection(edited);
    const QVector<Finding> got = sortedByKey(engine.recheck(d, {}, {"r2"}));
    const Finding *cycle = findRule(got, "MLS-013");
    QVERIFY(cycle);
    QCOMPARE(cycle->components().toList(), QStringList({"a", "b", "c"}));
    QCOMPARE(cycle->connections().toList(), QStringList({"r0", "r1", "r2"}));
    RuleEngine fresh;
    QCOMPARE(got, sortedByKey(fresh.check(d)));
}

void TestRuleEngine::renameAndWaiverOnGraphFinding()
{
    // A rename and a waiver change no graph rule's answer; the graph finding naming the
    // component must still show the new label and the waiver, as a full check does.
    Diagram d;
    const QStringList ids{"a", "b", "c"};
    for (int i = 0; i < 3; ++i)
        d.insertComponent(i, test::component(ids[i], "model_server"));
    for (int i = 0; i < 3; ++i)
        d.insertConnection(i, test::connection(QStringLiteral("r%1").arg(i), ids[i],
                                               ids[(i + 1) % 3], "requests"));
    RuleEngine engine;
    engine.check(d);
    Component b = *d.component("b");
    b.label = "Ranker";
    d.updateComponent(b);
    QVector<Finding> got = sortedByKey(engine.recheck(d, {"b"}, {}));
    const Finding *cycle = findRule(got, "MLS-013");
    QVERIFY(cycle);
    QVERIFY2(cycle->message().contains("\"Ranker\""), qPrintable(cycle->message()));
    QVERIFY(!cycle->waived());
    b.waivers = {Waiver{QStringLiteral("MLS-013"), "retries are bounded", Json::object()}};
    d.updateComponent(b);
    got = sortedByKey(engine.recheck(d, {"b"}, {}));
    cycle = findRule(got, "MLS-013");
    QVERIFY(cycle);
    QVERIFY(cycle->waived());
    QCOMPARE(cycle->waiverReason(), QStringLiteral("retries are bounded"));
    RuleEngine fresh;
    QCOMPARE(got, sortedByKey(fresh.check(d)));
}

QTEST_APPLESS_MAIN(TestRuleEngine)
#include "tst_rule_engine.moc"
