// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "LayoutFixtures.h"
#include "RuleEngine.h"
#include "export/DotExport.h"
#include "export/MermaidExport.h"
#include "import/DiagramImport.h"
#include "import/KindRecognizer.h"
#include "import/MermaidParser.h"
#include "text/TextParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTest>

#include <algorithm>

#include <thread>

using namespace mls;

namespace {

const QString corpusDir = QStringLiteral(MLS_CORPUS_DIR "/import");
const QString templateDir = QStringLiteral(MLS_SOURCE_DIR "/templates");

Json expectations()
{
    QFile f(corpusDir + QStringLiteral("/expect.json"));
    if (!f.open(QIODevice::ReadOnly))
        return Json::object();
    return Json::parse(f.readAll().toStdString(), nullptr, false);
}

ImportResult importText(const QString &text, ImportFormat format)
{
    return DiagramImport::importBytes(text.toUtf8(), format, QStringLiteral("t"));
}

QString kindOf(const Diagram &d, const QString &id)
{
    const Component *c = d.component(id);
    return c ? c->kind : QStringLiteral("<missing>");
}

/// Components, kinds, flows and zones of a design keyed by label (ids change on export).
QStringList shape(const Diagram &d)
{
    QStringList out;
    for (const Component &c : d.components())
        out << QStringLiteral("C %1 %2").arg(c.label, c.kind);
    for (const Connection &e : d.connections())
        out << QStringLiteral("E %1 -> %2 %3 %4")
                   .arg(d.component(e.from)->label, d.component(e.to)->label, e.flow, e.label);
    for (const Group &g : d.groups()) {
        QStringList members;
        for (const QString &m : g.members)
            members << d.component(m)->label;
        members.sort();
        out << QStringLiteral("Z %1 {%2}").arg(g.label, members.join(QLatin1Char(',')));
    }
    out.sort();
    return out;
}

} // namespace

class TstImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpus_data();
    void corpus();
    void mermaidSyntax_data();
    void mermaidSyntax();
    void mermaidLabels();
    void edgesToSubgraphs();
    void markdownBlocks();
    void dotClustersAndHtml();
    void recognisesProducts_data();
    void recognisesProducts();
    void sharedRecognizerFromThreads();
    void templateRoundTrip_data();
    void templateRoundTrip();
    void hostileInput_data();
    void hostileInput();
    void genericWarningNamesAFew_data();
    void genericWarningNamesAFew();
    void badDotThenGoodDot();
    void genericKindsAreNotFlagged();
};

void TstImport::corpus_data()
{
    QTest::addColumn<QString>("file");
    // The corpus is read in place beside the clone (CI has ../shared); a clone alone skips it.
    if (!QFileInfo::exists(corpusDir + QStringLiteral("/expect.json")))
        QSKIP(qPrintable(QStringLiteral("no import corpus at ") + corpusDir));
    const Json expect = expectations();
    QVERIFY2(expect.is_object() && !expect.empty(), qPrintable(corpusDir));
    for (auto it = expect.begin(); it != expect.end(); ++it)
        QTest::newRow(it.key().c_str()) << QString::fromStdString(it.key());
}

void TstImport::corpus()
{
    QFETCH(QString, file);
    const Json e = expectations().at(file.toStdString());
    const ImportResult r = DiagramImport::importFile(corpusDir + QLatin1Char('/') + file);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Diagram &d = *r.diagram;
    QCOMPARE(int(d.components().size()), e.at("nodes").get<int>());
    QCOMPARE(int(d.connections().size()), e.at("edges").get<int>());
    QCOMPARE(int(d.groups().size()), e.at("groups").get<int>());
    int right = 0;
    int total = 0;
    QStringList wrong;
    for (const auto &[id, kind] : e.at("kinds").items()) {
        ++total;
        const QString got = kindOf(d, QString::fromStdString(id));
        if (got == QString::fromStdString(kind.get<std::string>()))
            ++right;
        else
            wrong << QString::fromStdString(id) + QStringLiteral("=") + got;
    }
    for (const auto &[id, kinds] : e.at("kinds_ambiguous").items()) {
        ++total;
        const std::string got = kindOf(d, QString::fromStdString(id)).toStdString();
        if (std::find(kinds.begin(), kinds.end(), got) != kinds.end())
            ++right;
        else
            wrong << QString::fromStdString(id) + QStringLiteral("=") + QString::fromStdString(got);
    }
    QVERIFY2(right * 100 >= total * 80, qPrintable(QStringLiteral("%1/%2 kinds right; wrong: %3")
                                                       .arg(right)
                                                       .arg(total)
                                                       .arg(wrong.join(QLatin1String(", ")))));
    const QString overlap = test::layout::overlap(d);
    QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
    // Zones hold their members; the file reads back with no unknown kind or flow, and the
    // rule engine checks it.
    for (const Group &g : d.groups())
        QVERIFY(!g.members.isEmpty());
    const ReadResult back = DiagramReader::read(DiagramWriter::write(d), file);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY2(back.warnings.isEmpty(), qPrintable(back.warnings.join(QLatin1Char('\n'))));
    RuleEngine engine;
    const QVector<Finding> findings = engine.check(*back.diagram);
    for (const Finding &f : findings)
        QVERIFY(!f.message().isEmpty());
}

void TstImport::mermaidSyntax_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::addColumn<int>("zones");
    QTest::newRow("chain") << "graph TD\n a --> b --> c\n" << 3 << 2 << 0;
    QTest::newRow("fan-out both sides") << "flowchart LR\n a & b --> c & d\n" << 4 << 4 << 0;
    QTest::newRow("edge forms")
        << "flowchart LR\n a --- b\n b -.-> c\n c ==> d\n d --o e\n e <--> f\n f ---> g\n"
        << 7 << 6 << 0;
    QTest::newRow("label forms")
        << "flowchart LR\n a -->|x| b\n b -- y --> c\n c -. z .-> d\n d == w ==> e\n e -->  |v| f\n"
        << 6 << 5 << 0;
    QTest::newRow("shapes")
        << "flowchart TB\n a[A] --> b(B) --> c([C]) --> d[[D]] --> e[(E)] --> f((F))\n"
           " g>G] --> h{H} --> i{{I}} --> j[/J/] --> k[\\K\\] --> l(((L)))\n"
        << 12 << 10 << 0;
    QTest::newRow("comments and styles")
        << "%% top\nflowchart LR\n %% a comment\n a:::hot --> b\n classDef hot fill:#f00\n"
           " class a hot\n style b fill:#0f0\n linkStyle 0 stroke:#f00\n click a href \"x\"\n"
        << 2 << 1 << 0;
    QTest::newRow("front matter")
        << "---\ntitle: Demo\nconfig:\n  theme: dark\n---\nflowchart LR\n a --> b\n"
        << 2 << 1 << 0;
    QTest::newRow("nested subgraphs")
        << "flowchart LR\n subgraph outer[\"Outer\"]\n  subgraph inner [Inner]\n   a\n  end\n"
           "  b\n end\n a --> b\n"
        << 2 << 1 << 2;
    QTest::newRow("subgraph title only") << "flowchart LR\n subgraph Kubernetes cluster\n a\n end\n"
                                         << 1 << 0 << 1;
    QTest::newRow("semicolons") << "graph LR; a-->b; b-->c;" << 3 << 2 << 0;
    QTest::newRow("invisible link") << "flowchart LR\n a ~~~ b\n" << 2 << 0 << 0;
    QTest::newRow("bad line skipped") << "flowchart LR\n a --> b\n ?? !!\n b --> c\n"
                                      << 3 << 2 << 0;
}

void TstImport::mermaidSyntax()
{
    QFETCH(QString, text);
    QFETCH(int, nodes);
    QFETCH(int, edges);
    QFETCH(int, zones);
    const ImportResult r = importText(text, ImportFormat::Mermaid);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.diagram->components().size()), nodes);
    QCOMPARE(int(r.diagram->connections().size()), edges);
    QCOMPARE(int(r.diagram->groups().size()), zones);
}

void TstImport::mermaidLabels()
{
    const ImportResult r = importText(
        QStringLiteral("flowchart LR\n"
                       " k[\"<b>Kafka</b><br>Events &amp; clicks 🚀\"] -- \"(1) log\" --> "
                       "f(\"Flink <i>job</i>\")\n"
                       " f -->|\"features\"| r[(\"Redis<br/>Online feature store\")]\n"),
        ImportFormat::Mermaid);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Diagram &d = *r.diagram;
    QCOMPARE(d.component("k")->label, QStringLiteral("Kafka\nEvents & clicks 🚀"));
    QCOMPARE(d.component("k")->kind, QStringLiteral("event_stream"));
    QCOMPARE(d.component("f")->label, QStringLiteral("Flink job"));
    QCOMPARE(d.component("f")->kind, QStringLiteral("stream_processor"));
    QCOMPARE(d.component("r")->kind, QStringLiteral("online_feature_store"));
    QCOMPARE(d.connections()[0].label, QStringLiteral("(1) log"));
    QCOMPARE(d.connections()[0].flow, QStringLiteral("events"));
    QCOMPARE(d.connections()[1].flow, QStringLiteral("features"));
    QVERIFY(d.connections()[1].label.isEmpty()); // a label that is only the flow is the flow
}

void TstImport::edgesToSubgraphs()
{
    // An edge to a subgraph attaches to its entry member; one from it to its exit member.
    const ImportResult r = importText(
        QStringLiteral("flowchart LR\n subgraph S[\"Serving\"]\n  gw[API gateway] --> m[Model "
                       "server]\n end\n u[User] --> S\n S --> mon[Grafana]\n"),
        ImportFormat::Mermaid);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Diagram &d = *r.diagram;
    QCOMPARE(int(d.connections().size()), 3);
    QCOMPARE(d.connections()[1].from, QStringLiteral("u"));
    QCOMPARE(d.connections()[1].to, QStringLiteral("gw"));
    QCOMPARE(d.connections()[2].from, QStringLiteral("m"));
    QCOMPARE(d.connections()[2].to, QStringLiteral("mon"));
    QVERIFY(r.warnings.join(QLatin1Char('\n')).contains(QLatin1String("named a subgraph")));
}

void TstImport::markdownBlocks()
{
    const QString md =
        QStringLiteral("# Design\n\n```mermaid\nflowchart LR\n a --> b\n```\n\ntext\n"
                       "```python\nx = 1\n```\n```mermaid\ngraph TD\n c --> d --> "
                       "e\n```\n");
    ImportResult r = DiagramImport::importBytes(md.toUtf8(), ImportFormat::Markdown,
                                                QStringLiteral("README.md"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.mermaidBlocks, 2);
    QCOMPARE(int(r.diagram->components().size()), 2);
    QVERIFY(r.warnings.constFirst().contains(QLatin1String("2 mermaid blocks")));
    r = DiagramImport::importBytes(md.toUtf8(), ImportFormat::Markdown, QStringLiteral("R.md"), 1);
    QCOMPARE(int(r.diagram->components().size()), 3);
    r = DiagramImport::importBytes(md.toUtf8(), ImportFormat::Markdown, QStringLiteral("R.md"), 5);
    QVERIFY(!r.ok());
    QVERIFY(r.error.contains(QLatin1String("no mermaid block 6")));
    QCOMPARE(DiagramImport::sniff(md), ImportFormat::Markdown);
    QCOMPARE(DiagramImport::sniff(QStringLiteral("digraph G { a -> b }")), ImportFormat::Dot);
    QCOMPARE(DiagramImport::sniff(QStringLiteral("%% c\ngraph LR\na-->b")), ImportFormat::Mermaid);
    QVERIFY(!DiagramImport::sniff(QStringLiteral("hello")));
}

void TstImport::dotClustersAndHtml()
{
    const QByteArray dot = R"(digraph G {
  node [shape=box, label="default"];
  edge [label="events"];
  subgraph cluster_serving { label="Online serving";
    api [label=<<B>API</B><BR/>gateway &amp; auth>];
    subgraph cluster_models { label="Models"; m [label="Triton\nmodel server"]; }
  }
  subgraph { rank=same; k; }
  k [label="Kafka", shape=cylinder];
  x;
  api -> m [label="requests"];
  api -> k;
  k -> x;
})";
    const ImportResult r =
        DiagramImport::importBytes(dot, ImportFormat::Dot, QStringLiteral("g.dot"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Diagram &d = *r.diagram;
    QCOMPARE(int(d.components().size()), 4);
    QCOMPARE(d.component("api")->label, QStringLiteral("API\ngateway & auth"));
    QCOMPARE(d.component("api")->kind, QStringLiteral("api_gateway"));
    QCOMPARE(d.component("m")->kind, QStringLiteral("model_server"));
    QCOMPARE(d.component("k")->kind, QStringLiteral("event_stream"));
    QCOMPARE(d.component("x")->label, QStringLiteral("default")); // node default applied
    QCOMPARE(int(d.groups().size()), 2);
    QCOMPARE(d.groups()[0].label, QStringLiteral("Online serving"));
    QCOMPARE(d.groups()[0].members, QStringList({"api", "m"})); // holds the nested zone too
    QCOMPARE(d.groups()[1].members, QStringList({"m"}));
    QCOMPARE(int(d.connections().size()), 3);
    QCOMPARE(d.connections()[0].flow, QStringLiteral("requests"));
    QCOMPARE(d.connections()[1].flow, QStringLiteral("events")); // edge default label
}

void TstImport::recognisesProducts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::newRow("Kafka") << "Kafka"
                           << "event_stream";
    QTest::newRow("Milvus") << "Milvus"
                            << "vector_db";
    QTest::newRow("MLflow") << "MLflow"
                            << "model_registry";
    QTest::newRow("Redis") << "Redis"
                           << "cache";
    QTest::newRow("FastAPI") << "FastAPI model"
                             << "model_server";
    QTest::newRow("Triton") << "Triton"
                            << "model_server";
    QTest::newRow("Grafana") << "Grafana"
                             << "monitoring";
    // Named only in the catalog's descriptions, which the palette searches too.
    QTest::newRow("Bigtable") << "Bigtable"
                              << "online_feature_store";
    QTest::newRow("Azure Blob") << "Azure Blob Storage"
                                << "object_store";
    QTest::newRow("Batch Transform") << "SageMaker Batch Transform"
                                     << "batch_inference";
    QTest::newRow("camel case") << "SageMakerEndpoint"
                                << "model_server";
    QTest::newRow("feature store") << "Feast feature store"
                                   << "feature_store";
    QTest::newRow("online store") << "Online Store (Redis)"
                                  << "online_feature_store";
    QTest::newRow("postgres") << "PostgreSQL"
                              << "oltp_db";
    QTest::newRow("llm") << "GPT-4 via OpenAI"
                         << "llm_service";
    QTest::newRow("kind label") << "Batch inference"
                                << "batch_inference";
    QTest::newRow("exported kind line") << "Scorer\nModel server"
                                        << "model_server";
    QTest::newRow("nothing known") << "Billing"
                                   << "service";
    QTest::newRow("service line is a name") << "Model Training\nService"
                                            << "trainer";
}

void TstImport::recognisesProducts()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);
    const KindRecognizer k(Catalog::builtin());
    QCOMPARE(k.recognise(QStringLiteral("n1"), name).kind, kind);
    // The one the importer shares answers as a fresh one does.
    QCOMPARE(KindRecognizer::builtin().recognise(QStringLiteral("n1"), name).kind, kind);
}

void TstImport::sharedRecognizerFromThreads()
{
    // Built once, then only read: imports on several threads share it and agree.
    const QStringList names{
        "Kafka",   "Milvus",           "Online Store (Redis)", "SageMakerEndpoint",
        "Billing", "GPT-4 via OpenAI", "Feast feature store"};
    const KindRecognizer fresh(Catalog::builtin());
    QStringList expected;
    for (const QString &n : names)
        expected << fresh.recognise(QStringLiteral("n"), n).kind;
    std::vector<QStringList> got(4);
    std::vector<const KindRecognizer *> instances(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < got.size(); ++t) {
        threads.emplace_back([&, t] {
            instances[t] = &KindRecognizer::builtin();
            for (int round = 0; round < 50; ++round) {
                QStringList kinds;
                for (const QString &n : names)
                    kinds << instances[t]->recognise(QStringLiteral("n"), n).kind;
                got[t] = kinds;
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    for (size_t t = 0; t < got.size(); ++t) {
        QCOMPARE(instances[t], &KindRecognizer::builtin());
        QCOMPARE(got[t], expected);
    }
}

void TstImport::templateRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("dot");
    for (const QString &f :
         QDir(templateDir).entryList({QStringLiteral("*.mlsketch")}, QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(f + QStringLiteral(" mermaid"))) << templateDir + "/" + f << false;
        QTest::newRow(qPrintable(f + QStringLiteral(" dot"))) << templateDir + "/" + f << true;
    }
}

void TstImport::templateRoundTrip()
{
    QFETCH(QString, file);
    QFETCH(bool, dot);
    const ReadResult read = DiagramReader::readFile(file);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const Diagram &d = *read.diagram;
    const ImportResult r = dot ? DiagramImport::importBytes(DotExport::toDot(d), ImportFormat::Dot,
                                                            QStringLiteral("t"))
                               : importText(MermaidExport::toMermaid(d), ImportFormat::Mermaid);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(shape(*r.diagram), shape(d));
}

void TstImport::hostileInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("message");
    QTest::newRow("binary mermaid")
        << QByteArray("flowchart LR\n\0\x01", 15) << int(ImportFormat::Mermaid) << "binary data";
    QTest::newRow("binary dot") << QByteArray("digraph{\0}", 10) << int(ImportFormat::Dot)
                                << "binary data";
    QTest::newRow("not utf8") << QByteArray("graph LR\n a[\"\xff\"]") << int(ImportFormat::Mermaid)
                              << "not UTF-8";
    QTest::newRow("not a flowchart") << QByteArray("sequenceDiagram\n a->>b: hi\n")
                                     << int(ImportFormat::Mermaid) << "not a Mermaid flowchart";
    QTest::newRow("cut off dot") << QByteArray("digraph G { a -> b [label=\"x")
                                 << int(ImportFormat::Dot) << "not a readable DOT graph";
    QTest::newRow("deep subgraphs")
        << QByteArray("flowchart LR\n") + QByteArray("subgraph s\n").repeated(500) + "a\n"
        << int(ImportFormat::Mermaid) << "";
    QTest::newRow("deep dot clusters")
        << QByteArray("digraph G {") + QByteArray("subgraph cluster_x {").repeated(300) + "a" +
               QByteArray("}").repeated(300) + "}"
        << int(ImportFormat::Dot) << "nested deeper";
    QByteArray fan = "flowchart LR\n";
    for (int i = 0; i < 1200; ++i)
        fan += "a" + QByteArray::number(i) + " & ";
    fan += "z --> ";
    for (int i = 0; i < 1200; ++i)
        fan += "b" + QByteArray::number(i) + " & ";
    fan += "y\n";
    QTest::newRow("huge fan-out") << fan << int(ImportFormat::Mermaid) << "";
    QTest::newRow("empty markdown")
        << QByteArray("# nothing here\n") << int(ImportFormat::Markdown) << "no ```mermaid block";
}

void TstImport::hostileInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, format);
    QFETCH(QString, message);
    const ImportResult r =
        DiagramImport::importBytes(bytes, ImportFormat(format), QStringLiteral("h"));
    if (message.isEmpty()) { // read with warnings, never a crash
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(!r.warnings.isEmpty());
        return;
    }
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(QLatin1String("h: ")), qPrintable(r.error));
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
}

void TstImport::genericWarningNamesAFew_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<QString>("tail"); // how the list of names ends
    QTest::newRow("one") << 1 << "xq0";
    QTest::newRow("twenty") << 20 << "xq18, xq19";
    QTest::newRow("twenty-one") << 21 << "xq19 and 1 more";
    QTest::newRow("thousands") << 3000 << "xq19 and 2980 more";
}

void TstImport::genericWarningNamesAFew()
{
    // A warning names the first twenty unknown nodes, not thousands of them.
    QFETCH(int, nodes);
    QFETCH(QString, tail);
    QByteArray text = "flowchart LR\n";
    for (int i = 0; i < nodes; ++i)
        text += "xq" + QByteArray::number(i) + "\n";
    const ImportResult r = DiagramImport::importBytes(text, ImportFormat::Mermaid, "g");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.diagram->components().size()), nodes);
    const auto it = std::find_if(r.warnings.begin(), r.warnings.end(), [](const QString &w) {
        return w.contains(QLatin1String("became a generic"));
    });
    QVERIFY(it != r.warnings.end());
    QVERIFY2(it->startsWith(QString::number(nodes) + QLatin1String(" node(s)")), qPrintable(*it));
    QVERIFY2(it->endsWith(tail), qPrintable(*it));
    QVERIFY2(it->size() < 400, qPrintable(*it));
}

void TstImport::badDotThenGoodDot()
{
    // cgraph keeps lexer state between reads: a broken file must not spoil the next one.
    ImportResult r = DiagramImport::importBytes("digraph { a -> ", ImportFormat::Dot, "bad");
    QVERIFY(!r.ok());
    r = DiagramImport::importBytes("digraph { a -> b }", ImportFormat::Dot, "good");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.diagram->connections().size()), 1);
}

void TstImport::genericKindsAreNotFlagged()
{
    // A generic service or store is never an error for being generic: any flow in or out.
    const TextParseResult r = TextParser::parse(
        QStringLiteral("u: client\ns: service\ndb: datastore\nu -> s : requests\n"
                       "s -> db : requests\ndb -> s : batch_data\ns -> u : predictions\n"
                       "s -> db : model\n"));
    QVERIFY2(r.ok(), qPrintable(r.firstError()));
    RuleEngine engine;
    for (const Finding &f : engine.check(*r.diagram))
        QVERIFY2(f.severity() != Severity::Error, qPrintable(f.rule() + ": " + f.message()));
}

QTEST_APPLESS_MAIN(TstImport)
#include "tst_import.moc"
