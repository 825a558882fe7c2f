// SPDX-License-Identifier: MIT
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString templateFile =
    QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the built mlsketch as a user on a server would: no DISPLAY, no WAYLAND_DISPLAY and
/// no QT_QPA_PLATFORM, so the command has to find a way to draw by itself.
Run runHeadless(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(name);
    p.setProcessEnvironment(env);
    p.start(MLSKETCH_BIN, args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString viewBox(const QByteArray &svg)
{
    static const QRegularExpression re(QStringLiteral("viewBox=\"([^\"]+)\""));
    return re.match(QString::fromUtf8(svg)).captured(1);
}

} // namespace

/// `mlsketch export`, run as a separate process with no display at all.
class TestExportCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesEachFormat_data();
    void writesEachFormat();
    void scaleAndBackground();
    void layoutFirst();
    void reviewWithImage();
    void failures_data();
    void failures();
    void helpMentionsExport();
};

void TestExportCli::writesEachFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("starts");
    QTest::addColumn<QString>("says");
    QTest::newRow("png") << "out.png" << QByteArray("\x89PNG") << "Exported PNG image";
    QTest::newRow("svg") << "out.svg" << QByteArray("<?xml") << "Exported SVG";
    QTest::newRow("pdf") << "out.pdf" << QByteArray("%PDF-") << "Exported PDF";
    QTest::newRow("dot") << "out.dot" << QByteArray("digraph \"Video recommendation\" {")
                         << "Exported Graphviz DOT";
    QTest::newRow("mermaid") << "out.mmd" << QByteArray("---\ntitle:") << "Exported Mermaid";
    QTest::newRow("upper-case extension") << "OUT.SVG" << QByteArray("<?xml") << "Exported SVG";
}

void TestExportCli::writesEachFormat()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, starts);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString out = dir.filePath(file);
    const Run r = runHeadless({"export", templateFile, "-o", out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(says), qPrintable(r.out));
    QVERIFY2(readAll(out).startsWith(starts), readAll(out).left(40).constData());
}

void TestExportCli::scaleAndBackground()
{
    QTemporaryDir dir;
    const QString one = dir.filePath("one.png");
    const QString two = dir.filePath("two.png");
    QCOMPARE(runHeadless({"export", templateFile, "-o", one}).exitCode, 0);
    QCOMPARE(runHeadless({"export", templateFile, "-o", two, "--scale", "2", "--background",
                          "transparent", "--margin", "0"})
                 .exitCode,
             0);
    const QImage a(one);
    const QImage b(two);
    QVERIFY(!a.isNull() && !b.isNull());
    // Margin 24 px each side at scale 1; none at scale 2.
    QVERIFY2(qAbs(b.width() - 2 * (a.width() - 48)) <= 2, qPrintable(QString::number(b.width())));
    QCOMPARE(a.pixelColor(0, 0), QColor(Qt::white));
    QCOMPARE(b.pixelColor(0, b.height() / 2).alpha(), 0);
    QCOMPARE(b.dotsPerMeterX(), qRound(192 / 0.0254));
}

void TestExportCli::layoutFirst()
{
    QTemporaryDir dir;
    const QString plain = dir.filePath("plain.svg");
    const QString laidOut = dir.filePath("laid-out.svg");
    QCOMPARE(runHeadless({"export", templateFile, "-o", plain}).exitCode, 0);
    const Run r = runHeadless({"export", templateFile, "-o", laidOut, "--layout"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!viewBox(readAll(plain)).isEmpty());
    QVERIFY(viewBox(readAll(laidOut)) != viewBox(readAll(plain))); // the board moved
}

void TestExportCli::reviewWithImage()
{
    QTemporaryDir dir;
    const QString md = dir.filePath("review.md");
    const Run r = runHeadless({"export", templateFile, "-o", md, "--scale", "2"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("review.png"));
    const QString text = QString::fromUtf8(readAll(md));
    QVERIFY(text.startsWith("# Video recommendation: design review"));
    QVERIFY(text.contains("![Video recommendation](review.png)"));
    QVERIFY(!QImage(dir.filePath("review.png")).isNull());
}

void TestExportCli::failures_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown extension")
        << QStringList{"export", templateFile, "-o", "/tmp/x.jpg"}
        << "cannot tell the format of \"/tmp/x.jpg\" from its "
           "extension (use .png, .svg, .pdf, .dot, .mmd, .md or .mls)";
    QTest::newRow("no extension") << QStringList{"export", templateFile, "-o", "/tmp/x"}
                                  << "cannot tell the format";
    QTest::newRow("unwritable") << QStringList{"export", templateFile, "-o",
                                               "/nonexistent-dir/x.png"}
                                << "cannot write \"/nonexistent-dir/x.png\"";
    QTest::newRow("unwritable text") << QStringList{"export", templateFile, "-o", "/proc/x.dot"}
                                     << "cannot write \"/proc/x.dot\"";
    QTest::newRow("unreadable input")
        << QStringList{"export", "/nonexistent.mlsketch", "-o", "/tmp/x.png"}
        << "nonexistent.mlsketch";
    QTest::newRow("bad input") << QStringList{"export", MLS_TEST_DATA_DIR "/bad/not_json.mlsketch",
                                              "-o", "/tmp/x.png"}
                               << "not_json.mlsketch";
    QTest::newRow("no output") << QStringList{"export", templateFile} << "usage: mlsketch export";
    QTest::newRow("no input") << QStringList{"export", "-o", "/tmp/x.png"}
                              << "usage: mlsketch export";
    QTest::newRow("scale too big")
        << QStringList{"export", templateFile, "-o", "/tmp/x.png", "--scale", "5"}
        << "--scale must be a number from 1 to 4, not \"5\"";
    QTest::newRow("scale not a number")
        << QStringList{"export", templateFile, "-o", "/tmp/x.png", "--scale", "big"}
        << "--scale must be a number";
    QTest::newRow("bad background")
        << QStringList{"export", templateFile, "-o", "/tmp/x.png", "--background", "pink"}
        << "unknown background \"pink\" (white, transparent or dark)";
    QTest::newRow("bad margin") << QStringList{"export",     templateFile, "-o",
                                               "/tmp/x.png", "--margin",   "-3"}
                                << "--margin must be";
    QTest::newRow("unknown option")
        << QStringList{"export", templateFile, "-o", "/tmp/x.png", "--dpi", "300"}
        << "Unknown option 'dpi'";
}

void TestExportCli::failures()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run r = runHeadless(args);
    QVERIFY2(r.exitCode == 2, qPrintable(r.out + r.err));
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestExportCli::helpMentionsExport()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(MLSKETCH_BIN, {"--help"});
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(out.contains("mlsketch export FILE -o OUT.(png|svg|pdf|dot|mmd|md|mls)"),
             qPrintable(out));
}

QTEST_APPLESS_MAIN(TestExportCli)
#include "tst_export_cli.moc"
