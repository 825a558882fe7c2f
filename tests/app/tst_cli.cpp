#include "DiagramReader.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString templateFile =
    QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");

/// Runs mlsketch with @p args; returns the exit code, output and errors in @p text.
int runMlsketch(const QStringList &args, QString *text)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(MLSKETCH_BIN, args);
    if (!p.waitForFinished(60000))
        return -1;
    *text = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

/// The command-line front, run as a separate process exactly as a user would.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void run_data();
    void run();
    void layoutWritesReadableFile_data();
    void layoutWritesReadableFile();
};

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
    QTest::newRow("layout no output") << QStringList{"layout", templateFile} << 2 << ""
                                      << "usage: mlsketch layout";
    QTest::newRow("layout unreadable")
        << QStringList{"layout", "/nonexistent.mlsketch", "-o", "/tmp/never.mlsketch"} << 2 << ""
        << "nonexistent.mlsketch";
    QTest::newRow("help layout") << QStringList{"--help"} << 0 << "mlsketch layout FILE -o OUT"
                                 << "";
    QTest::newRow("version") << QStringList{"--version"} << 0 << "mlsketch 0."
                             << "";
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

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
