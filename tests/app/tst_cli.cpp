#include <QProcess>
#include <QTest>

/// The command-line front, run as a separate process exactly as a user would.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void run_data();
    void run();
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

QTEST_APPLESS_MAIN(TestCli)
#include "tst_cli.moc"
