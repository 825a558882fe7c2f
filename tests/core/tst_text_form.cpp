// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "text/TextParser.h"
#include "text/TextWriter.h"

#include <QDir>
#include <QTest>

using namespace mls;

namespace {

const QString templateDir = QStringLiteral(MLS_SOURCE_DIR "/templates");

/// The document's JSON with positions and routes left out: what the text form must keep.
QByteArray withoutPositions(const Diagram &d)
{
    Json j = DiagramWriter::toJson(d);
    for (Json &c : j["components"]) {
        c.erase("x");
        c.erase("y");
    }
    for (Json &c : j["connections"])
        c.erase("route");
    return QByteArray::fromStdString(dumpJson(j));
}

QString issuesText(const TextParseResult &r)
{
    QStringList lines;
    for (const TextIssue &i : r.issues)
        lines << QStringLiteral("%1: %2").arg(i.line).arg(i.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TstTextForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templateRoundTrip_data();
    void templateRoundTrip();
    void canonicalIsStable();
    void readsTheReadmeExample();
    void lineErrors_data();
    void lineErrors();
    void badLinesDoNotStopTheRest();
    void flowInference();
    void oddIdsAndPropsRoundTrip();
    void hostileText_data();
    void hostileText();
};

void TstTextForm::templateRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files =
        QDir(templateDir).entryList({QStringLiteral("*.mlsketch")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << templateDir + QLatin1Char('/') + f;
}

void TstTextForm::templateRoundTrip()
{
    QFETCH(QString, file);
    const ReadResult read = DiagramReader::readFile(file);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const QString text = TextWriter::toText(*read.diagram);
    const TextParseResult back = TextParser::parse(text);
    QVERIFY2(back.issues.isEmpty(), qPrintable(issuesText(back)));
    QCOMPARE(withoutPositions(*back.diagram), withoutPositions(*read.diagram));
    // And through the file format's bytes.
    const ReadResult fromFile = TextParser::read(text.toUtf8(), QStringLiteral("t.mls"));
    QVERIFY2(fromFile.ok(), qPrintable(fromFile.error));
    QCOMPARE(withoutPositions(*fromFile.diagram), withoutPositions(*read.diagram));
}

void TstTextForm::canonicalIsStable()
{
    const QString text = QStringLiteral("title \"T\"\n"
                                        "a: client \"App\"\n"
                                        "b: api_gateway\n"
                                        "a -> b\n"
                                        "zone z \"Front\" { a b }\n");
    const TextParseResult r = TextParser::parse(text);
    QVERIFY2(r.ok(), qPrintable(issuesText(r)));
    const QString canonical = TextWriter::toText(*r.diagram);
    QCOMPARE(TextWriter::toText(*TextParser::parse(canonical).diagram), canonical);
    QVERIFY(canonical.contains(QLatin1String("e1: a -> b : requests\n")));
    QVERIFY(canonical.contains(QLatin1String("zone z \"Front\" { a b }\n")));
}

void TstTextForm::readsTheReadmeExample()
{
    const QString text =
        QStringLiteral("# Online serving\n"
                       "title \"Feed ranking\"\n"
                       "budget 150\n"
                       "api: api_gateway \"API\"\n"
                       "fs: online_feature_store \"Online features\"\n"
                       "ranker: ranking \"Ranker\" {latency_ms: 40, \"owner team\": \"feed\"}\n"
                       "api -> ranker\n"
                       "fs -> ranker : features \"user features\"\n"
                       "zone serving \"Online serving\" { api ranker }\n"
                       "note ranker \"Two-stage\\nranker\"\n"
                       "waive ranker MLS-003 \"model comes from the vendor\"\n");
    const TextParseResult r = TextParser::parse(text);
    QVERIFY2(r.ok(), qPrintable(issuesText(r)));
    const Diagram &d = *r.diagram;
    QCOMPARE(d.meta().title, QStringLiteral("Feed ranking"));
    QCOMPARE(d.meta().latencyBudgetMs, 150.0);
    QCOMPARE(int(d.components().size()), 3);
    const Component *ranker = d.component(QStringLiteral("ranker"));
    QVERIFY(ranker);
    QCOMPARE(ranker->kind, QStringLiteral("ranking"));
    QCOMPARE(ranker->props.at("latency_ms").get<int>(), 40);
    QCOMPARE(ranker->props.at("owner team").get<std::string>(), std::string("feed"));
    QCOMPARE(ranker->notes, QStringLiteral("Two-stage\nranker"));
    QCOMPARE(ranker->waivers.size(), 1);
    QCOMPARE(int(d.connections().size()), 2);
    QCOMPARE(d.connections()[0].flow, QStringLiteral("requests"));
    QCOMPARE(d.connections()[1].flow, QStringLiteral("features"));
    QCOMPARE(d.connections()[1].label, QStringLiteral("user features"));
    QCOMPARE(d.groups()[0].members, QStringList({"api", "ranker"}));
}

void TstTextForm::lineErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QString ok = QStringLiteral("a: client\nb: api_gateway\n");
    QTest::newRow("unterminated string") << ok + "c: cache \"Cache\n" << 3 << "unterminated";
    QTest::newRow("missing kind") << ok + "c:\n" << 3 << "a kind must follow";
    QTest::newRow("unknown end") << ok + "a -> zz\n" << 3 << "no component \"zz\"";
    QTest::newRow("duplicate id") << ok + "a: cache\n" << 3 << "already used";
    QTest::newRow("no flow fits") << ok + "b -> a : \n" << 3 << "a flow must follow";
    QTest::newRow("several flows") << "a: cache\nb: cache\na -> b\n" << 3 << "several flows fit";
    QTest::newRow("bad props") << ok + "c: cache {latency_ms 4}\n" << 3 << "key: value";
    QTest::newRow("unclosed brace") << ok + "c: cache {latency_ms: 4\n" << 3 << "never closed";
    QTest::newRow("zone member") << ok + "zone z \"Z\" { a q }\n" << 3 << "no component \"q\"";
    QTest::newRow("garbage") << ok + "hello world\n" << 3 << "cannot read";
    QTest::newRow("bad budget") << ok + "budget fast\n" << 3 << "number of milliseconds";
    QTest::newRow("odd character") << ok + "a: client ;\n" << 3 << "unexpected character";
    QTest::newRow("trailing word") << ok + "c: cache \"C\" extra\n" << 3 << "unexpected";
}

void TstTextForm::lineErrors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, message);
    const TextParseResult r = TextParser::parse(text);
    QVERIFY(!r.ok());
    QVERIFY2(r.firstError().startsWith(QStringLiteral("line %1: ").arg(line)),
             qPrintable(r.firstError()));
    QVERIFY2(r.firstError().contains(message), qPrintable(r.firstError()));
    // As a file, the same text is refused with the line named.
    const ReadResult file = TextParser::read(text.toUtf8(), QStringLiteral("x.mls"));
    QVERIFY(!file.ok());
    QVERIFY2(file.error.startsWith(QStringLiteral("x.mls: line %1: ").arg(line)),
             qPrintable(file.error));
}

void TstTextForm::badLinesDoNotStopTheRest()
{
    const TextParseResult r = TextParser::parse(
        QStringLiteral("a: client\nthis is wrong\nb: api_gateway\na -> b\nc: \"x\n"));
    QCOMPARE(r.issues.size(), 2);
    QCOMPARE(r.issues[0].line, 2);
    QCOMPARE(r.issues[1].line, 5);
    QCOMPARE(int(r.diagram->components().size()), 2);
    QCOMPARE(int(r.diagram->connections().size()), 1);
}

void TstTextForm::flowInference()
{
    // One compatible flow is taken; a named flow wins; an unknown kind is a warning only.
    const TextParseResult r = TextParser::parse(
        QStringLiteral("t: trainer\nr: evaluation\nq: quantum_thing\nt -> r\nq -> r : model\n"));
    QVERIFY2(r.ok(), qPrintable(issuesText(r)));
    QCOMPARE(r.diagram->connections()[0].flow, QStringLiteral("model"));
    QCOMPARE(r.issues.size(), 1);
    QVERIFY(!r.issues[0].error);
    QVERIFY(r.issues[0].message.contains(QLatin1String("unknown kind")));
}

void TstTextForm::oddIdsAndPropsRoundTrip()
{
    Diagram d;
    Meta meta;
    meta.title = QStringLiteral("Quotes \" and \\ and\nnewlines");
    meta.latencyBudgetMs = 87.5;
    meta.extra = Json{{"colour", "red"}};
    d.setMeta(meta);
    d.setExtra(Json{{"tool", {{"version", 3}}}});
    Component a;
    a.id = QStringLiteral("svc a:1");
    a.kind = QStringLiteral("model_server");
    a.label = QStringLiteral("Läbel 🚀 # not a comment");
    a.props = Json{{"latency_ms", 12.5}, {"nested", {{"k", {1, 2, 3}}}}, {"odd-key x", true}};
    a.notes = QStringLiteral("n");
    a.waivers.append({QStringLiteral("MLS-003"), QStringLiteral("why"), Json{{"by", "me"}}});
    a.extra = Json{{"future", 1}};
    Component b;
    b.id = QStringLiteral("->b");
    b.kind = QStringLiteral("client");
    d.insertComponent(0, a);
    d.insertComponent(1, b);
    Connection c;
    c.id = QStringLiteral("x");
    c.from = b.id;
    c.to = a.id;
    c.flow = QStringLiteral("requests");
    c.label = QStringLiteral("{braces}");
    c.extra = Json{{"w", 2}};
    d.insertConnection(0, c);
    Group g;
    g.id = QStringLiteral("zone");
    g.label = QStringLiteral("Zone");
    g.members = QStringList{a.id, b.id};
    g.extra = Json{{"color", "#ff0000"}};
    d.insertGroup(0, g);
    const QString text = TextWriter::toText(d);
    const TextParseResult r = TextParser::parse(text);
    QVERIFY2(r.issues.isEmpty(), qPrintable(issuesText(r) + QLatin1Char('\n') + text));
    QCOMPARE(withoutPositions(*r.diagram), withoutPositions(d));
}

void TstTextForm::hostileText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("binary") << QByteArray("a: client\n\0\x01\x02", 14) << "binary data";
    QTest::newRow("not utf8") << QByteArray("a: client \"\xff\xfe\"\n") << "not UTF-8";
    QTest::newRow("deep props") << QByteArray("a: client {k: ") + QByteArray(5000, '[') +
                                       QByteArray(5000, ']') + "}\n"
                                << "nesting deeper";
    QTest::newRow("cut off") << QByteArray("a: client \"App") << "unterminated";
    QTest::newRow("cut off brace") << QByteArray("a: client {latency_ms: ") << "never closed";
    QTest::newRow("long id") << QByteArray(300, 'x') + ": client\n"
                             << "id longer";
    QTest::newRow("deep zone braces") << QByteArray("zone z { ") + QByteArray(3000, '{') + "\n"
                                      << "never closed";
}

void TstTextForm::hostileText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const ReadResult r = TextParser::read(bytes, QStringLiteral("h.mls"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error.startsWith(QLatin1String("h.mls: ")), qPrintable(r.error));
    QVERIFY2(r.error.contains(message), qPrintable(r.error));
}

QTEST_APPLESS_MAIN(TstTextForm)
#include "tst_text_form.moc"
