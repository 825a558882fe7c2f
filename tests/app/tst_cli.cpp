// SPDX-License-Identifier: MIT
#include "../RunMlsketch.h"
#include "DiagramReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using mls::test::runMlsketch;

namespace {

const QString templateFile =
    QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");
const QString rulesData = QStringLiteral(MLS_TEST_DATA_DIR "/rules/");

} // namespace

/// The command-line front, run as a separate process exactly as a user would.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void run_data();
    void run();
    void windowWithoutDisplay();
    void commandsComeFromOneTable();
    void checkJson();
    void checkSarif();
    void layoutWritesReadableFile_data();
    void layoutWritesReadableFile();
    void newWritesCopy();
};

namespace {

void addCheckRows()
{
    const QString flawed = rulesData + "flawed.mlsketch";
    const QString stale = rulesData + "stale_waivers.mlsketch";
    QTest::newRow("check stale waiver by label")
        << QStringList{"check", stale} << 0
        << "stale waiver: MLS-003 on \"Chat UI\" no longer applies [app]\n"
        << "";
    QTest::newRow("check waiver of an unknown rule")
        << QStringList{"check", stale} << 0
        << "stale waiver: MLS-999 on \"Chat UI\" names no known rule [app]\n"
        << "";
    QTest::newRow("check stale waiver on a connection")
        << QStringList{"check", stale} << 0
        << "stale waiver: MLS-001 on the connection \"Chat UI\" → \"Assistant API\" no longer "
           "applies [e1]\n"
        << "";
    QTest::newRow("check bad format names sarif")
        << QStringList{"check", flawed, "--format", "xml"} << 2 << ""
        << "--format text|json|sarif";
    QTest::newRow("check sarif keeps the exit code")
        << QStringList{"check", flawed, "--format", "sarif"} << 1 << "\"version\": \"2.1.0\""
        << "";
    QTest::newRow("rules lists the new rules")
        << QStringList{"rules"} << 0 << "MLS-021  warning Embedding version mismatch\n"
        << "";
    QTest::newRow("rules json") << QStringList{"rules", "--format", "json"} << 0
                                << "\"id\": \"MLS-024\""
                                << "";
    QTest::newRow("rules with a pack")
        << QStringList{"rules", "--rules", rulesData + "acme_pack.json"} << 0 << "ACME-001"
        << "";
    QTest::newRow("rules bad pack")
        << QStringList{"rules", "--rules", rulesData + "bad_pack.json"} << 2 << ""
        << "bad rule pack";
    QTest::newRow("explain") << QStringList{"explain", "MLS-009"} << 0
                             << "MLS-009 warning: Training/serving skew\n\nWhy it matters:\n"
                             << "";
    QTest::newRow("explain fix") << QStringList{"explain", "mls-022"} << 0
                                 << "How to fix it:\n  Feed the trainer ground truth"
                                 << "";
    QTest::newRow("explain unknown") << QStringList{"explain", "MLS-999"} << 2 << ""
                                     << "unknown rule \"MLS-999\"; mlsketch rules lists";
    QTest::newRow("explain no id") << QStringList{"explain"} << 2 << ""
                                   << "usage: mlsketch explain RULE-ID";
    QTest::newRow("help rules") << QStringList{"--help"} << 0 << "mlsketch explain RULE-ID"
                                << "";
    QTest::newRow("check warning names the file")
        << QStringList{"check", stale} << 0 << ""
        << "mlsketch check: " + stale + ": warning: components[2].kind: unknown kind";
    QTest::newRow("layout warning names the file")
        << QStringList{"layout", stale, "-o", QDir::tempPath() + "/mls_cli_stale.mlsketch"} << 0
        << ""
        << "mlsketch layout: " + stale + ": warning: components[2].kind: unknown kind";
    QTest::newRow("check clean template") << QStringList{"check", templateFile} << 0 << ""
                                          << "";
    QTest::newRow("check errors") << QStringList{"check", flawed} << 1
                                  << "MLS-003 error: \"Scoring API\" calls \"Trainer\""
                                  << "";
    QTest::newRow("check text lists items")
        << QStringList{"check", flawed} << 1 << "[api, trainer, e1]"
        << "";
    QTest::newRow("check warnings only exit 0")
        << QStringList{"check", rulesData + "warnings_only.mlsketch"} << 0 << "MLS-012 warning"
        << "";
    QTest::newRow("check waived error exit 0")
        << QStringList{"check", rulesData + "waived_error.mlsketch"} << 0
        << "(waived: hand-written scoring rules"
        << "";
    QTest::newRow("check json") << QStringList{"check", flawed, "--format", "json"} << 1
                                << "\"rule\": \"MLS-003\""
                                << "";
    QTest::newRow("check min-severity")
        << QStringList{"check", flawed, "--min-severity", "error"} << 1 << "MLS-005 error"
        << "";
    QTest::newRow("check unreadable") << QStringList{"check", "/nonexistent.mlsketch"} << 2 << ""
                                      << "nonexistent.mlsketch";
    QTest::newRow("check not json")
        << QStringList{"check", QStringLiteral(MLS_TEST_DATA_DIR "/bad/not_json.mlsketch")} << 2
        << ""
        << "not_json.mlsketch";
    QTest::newRow("check bad format") << QStringList{"check", flawed, "--format", "xml"} << 2 << ""
                                      << "usage: mlsketch check";
    QTest::newRow("check bad min-severity")
        << QStringList{"check", flawed, "--min-severity", "fatal"} << 2 << ""
        << "usage: mlsketch check";
    QTest::newRow("check no file") << QStringList{"check"} << 2 << ""
                                   << "usage: mlsketch check";
    QTest::newRow("check custom pack")
        << QStringList{"check", templateFile, "--rules", rulesData + "acme_pack.json"} << 1
        << "ACME-001 error: \"Ranking model\" does not read"
        << "";
    QTest::newRow("check bad pack")
        << QStringList{"check", templateFile, "--rules", rulesData + "bad_pack.json"} << 2 << ""
        << "bad_pack.json: rules[0] (\"ACME-002\"): unknown check \"telepathy\"";
    QTest::newRow("check missing pack")
        << QStringList{"check", templateFile, "--rules", rulesData + "nope.json"} << 2 << ""
        << "nope.json: cannot open";
    QTest::newRow("help check") << QStringList{"--help"} << 0 << "mlsketch check FILE"
                                << "";
}

} // namespace

void TestCli::run_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutHas");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("templates") << QStringList{"templates"} << 0 << "video_recommendation"
                               << "";
    QTest::newRow("templates extra arg") << QStringList{"templates", "x"} << 2 << ""
                                         << "takes no arguments";
    QTest::newRow("templates file")
        << QStringList{"templates"} << 0
        << "rag_assistant              :/templates/rag_assistant.mlsketch"
        << "";
    QTest::newRow("templates summary")
        << QStringList{"templates"} << 0 << "Retrieval-augmented LLM assistant: hybrid retrieval"
        << "";
    QTest::newRow("new unknown template")
        << QStringList{"new", "nope", "-o", "/tmp/never.mlsketch"} << 2 << ""
        << "unknown template \"nope\"; the templates are: ad_click_prediction, ";
    QTest::newRow("new no output") << QStringList{"new", "rag_assistant"} << 2 << ""
                                   << "usage: mlsketch new TEMPLATE -o FILE [--force]";
    QTest::newRow("new unwritable")
        << QStringList{"new", "rag_assistant", "-o", "/nonexistent-dir/x.mlsketch"} << 2 << ""
        << "/nonexistent-dir/x.mlsketch: cannot write";
    QTest::newRow("help new") << QStringList{"--help"} << 0 << "mlsketch new TEMPLATE -o FILE"
                              << "";
    QTest::newRow("help") << QStringList{"--help"} << 0 << "mlsketch templates"
                          << "";
    QTest::newRow("layout bad engine")
        << QStringList{"layout", templateFile, "-o", "/tmp/never.mlsketch", "--engine", "neato"}
        << 2 << ""
        << "unknown engine \"neato\"";
    QTest::newRow("layout bad direction")
        << QStringList{"layout", templateFile, "-o", "/tmp/never.mlsketch", "--direction", "RL"}
        << 2 << ""
        << "unknown direction";
    QTest::newRow("layout to a picture name")
        << QStringList{"layout", templateFile, "-o", "/tmp/never.png"} << 2 << ""
        << "/tmp/never.png: layout writes a .mlsketch diagram, not .png (for a picture: "
           "mlsketch export FILE -o /tmp/never.png --layout)";
    QTest::newRow("layout no output") << QStringList{"layout", templateFile} << 2 << ""
                                      << "usage: mlsketch layout";
    QTest::newRow("layout unreadable")
        << QStringList{"layout", "/nonexistent.mlsketch", "-o", "/tmp/never.mlsketch"} << 2 << ""
        << "nonexistent.mlsketch";
    QTest::newRow("help layout") << QStringList{"--help"} << 0 << "mlsketch layout FILE -o OUT"
                                 << "";
    QTest::newRow("version") << QStringList{"--version"} << 0 << "mlsketch 0."
                             << "";
    QTest::newRow("mistyped command") << QStringList{"chek", templateFile} << 2 << ""
                                      << "unknown command \"chek\"; the commands are";
    QTest::newRow("two files") << QStringList{templateFile, templateFile} << 2 << ""
                               << "the window opens one file at a time, not 2";
    addCheckRows();
}

void TestCli::run()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutHas);
    QFETCH(QString, stderrHas);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(MLSKETCH_BIN, args);
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == exitCode, qPrintable(out + err));
    QVERIFY2(out.contains(stdoutHas), qPrintable(out));
    QVERIFY2(err.contains(stderrHas), qPrintable(err));
}

/// --help, dispatch and the "unknown command" message name the same commands: every command
/// --help lists is named by the message and runs (it may refuse its arguments, but as itself).
void TestCli::commandsComeFromOneTable()
{
    QString help;
    QCOMPARE(runMlsketch({"--help"}, &help), 0);
    QStringList commands;
    static const QRegularExpression line(QStringLiteral("\\n  mlsketch ([a-z-]+)"));
    for (auto it = line.globalMatch(help); it.hasNext();)
        commands << it.next().captured(1);
    QVERIFY2(commands.size() >= 5, qPrintable(help));
    QVERIFY(!commands.contains("layout-worker")); // the window's own process, not for people

    QString unknown;
    QCOMPARE(runMlsketch({"chek", templateFile}, &unknown), 2);
    for (const QString &command : std::as_const(commands)) {
        QVERIFY2(unknown.contains(command), qPrintable(command + ": " + unknown));
        QString text;
        runMlsketch({command, "--no-such-option"}, &text);
        QVERIFY2(!text.contains("unknown command"), qPrintable(command + ": " + text));
    }
}

/// Starting the window with no display says so and exits, instead of Qt's abort.
void TestCli::windowWithoutDisplay()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(name);
    p.setProcessEnvironment(env);
    p.start(MLSKETCH_BIN, {templateFile});
    QVERIFY(p.waitForFinished(30000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(err.contains("no display to open the window on"), qPrintable(err));
}

void TestCli::checkJson()
{
    QProcess p;
    p.start(MLSKETCH_BIN, {"check", rulesData + "flawed.mlsketch", "--format", "json",
                           "--min-severity", "warning"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(p.readAllStandardOutput(), &error);
    QVERIFY2(doc.isArray(), qPrintable(error.errorString()));
    QStringList rules;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject f = v.toObject();
        for (const char *key : {"rule", "severity", "message", "explanation", "fix", "components",
                                "connections", "waived"})
            QVERIFY2(f.contains(key), key);
        QVERIFY(f.value("severity").toString() != "info"); // --min-severity warning
        rules << f.value("rule").toString();
        if (f.value("rule").toString() == "MLS-003") {
            QCOMPARE(f.value("components").toArray().size(), 2);
            QCOMPARE(f.value("connections").toArray().first().toString(), QStringLiteral("e1"));
            QCOMPARE(f.value("waived").toBool(), false);
        }
    }
    QCOMPARE(rules, (QStringList{"MLS-003", "MLS-005"}));
}

/// SARIF 2.1.0 as code-scanning tools read it: every rule with its help, one result per
/// finding at the line of its main component, waivers as suppressions.
void TestCli::checkSarif()
{
    const QString file = rulesData + "waived_error.mlsketch";
    QProcess p;
    p.start(MLSKETCH_BIN, {"check", file, "--format", "sarif"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0); // the only error is waived
    QJsonParseError error;
    const QJsonObject log = QJsonDocument::fromJson(p.readAllStandardOutput(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(log.value("version").toString(), QStringLiteral("2.1.0"));
    QVERIFY(log.value("$schema").toString().contains("sarif-2.1.0"));
    const QJsonObject run = log.value("runs").toArray().first().toObject();
    const QJsonObject driver = run.value("tool").toObject().value("driver").toObject();
    QCOMPARE(driver.value("name").toString(), QStringLiteral("mlsketch"));
    const QJsonArray rules = driver.value("rules").toArray();
    QVERIFY(rules.size() >= 24);
    for (const QJsonValue &v : rules) {
        const QJsonObject r = v.toObject();
        QVERIFY(r.value("id").toString().startsWith("MLS-"));
        QVERIFY(!r.value("shortDescription").toObject().value("text").toString().isEmpty());
        const QString help = r.value("help").toObject().value("text").toString();
        QVERIFY2(help.startsWith("Why: ") && help.contains("\nFix: "), qPrintable(help));
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n');
    const QJsonArray results = run.value("results").toArray();
    QVERIFY(!results.isEmpty());
    bool sawWaived = false;
    for (const QJsonValue &v : results) {
        const QJsonObject r = v.toObject();
        const QString rule = r.value("ruleId").toString();
        QCOMPARE(rules.at(r.value("ruleIndex").toInt()).toObject().value("id").toString(), rule);
        QVERIFY(QStringList({"error", "warning", "note"}).contains(r.value("level").toString()));
        const QJsonObject location = r.value("locations").toArray().first().toObject();
        const QJsonObject physical = location.value("physicalLocation").toObject();
        QCOMPARE(physical.value("artifactLocation").toObject().value("uri").toString(),
                 QUrl::fromLocalFile(file).toString());
        const int line = physical.value("region").toObject().value("startLine").toInt();
        // The line names the finding's main component or connection.
        bool named = false;
        for (const QJsonValue &l : location.value("logicalLocations").toArray()) {
            const QString id = l.toObject().value("fullyQualifiedName").toString().section('/', 1);
            named = named || lines.value(line - 1).contains("\"id\": \"" + id + '"');
        }
        QVERIFY2(line > 0 && named, qPrintable(rule + " at line " + QString::number(line)));
        if (rule == "MLS-004") {
            QCOMPARE(r.value("level").toString(), QStringLiteral("error"));
            const QJsonObject s = r.value("suppressions").toArray().first().toObject();
            QCOMPARE(s.value("kind").toString(), QStringLiteral("inSource"));
            QCOMPARE(s.value("justification").toString(),
                     QStringLiteral("hand-written scoring rules, no trained model"));
            sawWaived = true;
        }
    }
    QVERIFY(sawWaived);
}

void TestCli::layoutWritesReadableFile_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("default") << QStringList{};
    QTest::newRow("dot TB") << QStringList{"--engine", "dot", "--direction", "TB"};
    QTest::newRow("sfdp") << QStringList{"--engine", "sfdp"};
}

void TestCli::layoutWritesReadableFile()
{
    QFETCH(QStringList, options);
    QTemporaryDir dir;
    const QString out = dir.filePath("laid-out.mlsketch");
    QString text;
    QCOMPARE(runMlsketch(QStringList{"layout", templateFile, "-o", out} + options, &text), 0);
    QVERIFY2(text.contains("Laid out"), qPrintable(text));
    const mls::ReadResult before = mls::DiagramReader::readFile(templateFile);
    const mls::ReadResult after = mls::DiagramReader::readFile(out);
    QVERIFY2(after.ok(), qPrintable(after.error));
    QCOMPARE(after.diagram->components().size(), before.diagram->components().size());
    QCOMPARE(after.diagram->connections().size(), before.diagram->connections().size());
}

void TestCli::newWritesCopy()
{
    // `new` writes the template's design to FILE, never over an existing file unless --force.
    QTemporaryDir dir;
    const QString out = dir.filePath("mine.mlsketch");
    QString text;
    QCOMPARE(runMlsketch({"new", "video_recommendation", "-o", out}, &text), 0);
    QVERIFY2(text.contains("Wrote " + out), qPrintable(text));
    QFile written(out), shipped(templateFile);
    QVERIFY(written.open(QIODevice::ReadOnly) && shipped.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), shipped.readAll());

    QVERIFY(written.remove());
    QFile mine(out);
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("my own work");
    mine.close();
    QCOMPARE(runMlsketch({"new", "rag_assistant", "-o", out}, &text), 2);
    QVERIFY2(text.contains("already exists (use --force to replace it)"), qPrintable(text));
    QVERIFY(mine.open(QIODevice::ReadOnly));
    QCOMPARE(mine.readAll(), QByteArray("my own work"));
    mine.close();
    QCOMPARE(runMlsketch({"new", "rag_assistant", "-o", out, "--force"}, &text), 0);
    const mls::ReadResult read = mls::DiagramReader::readFile(out);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.diagram->meta().title, QStringLiteral("RAG assistant"));
}

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
