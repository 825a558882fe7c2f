// SPDX-License-Identifier: MIT
#include "../LimitDesigns.h"
#include "AtomicFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mls;

/// Issue 17, never losing work: `kill -9` at random moments during `mlsketch new -o`,
/// `layout -o` and `export -o` over an existing file. The target is always the old complete
/// file or the new complete file; a killed save leaves at most its own recognisable temporary,
/// and the next complete save removes it, so none remain.
class TestKillLoop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killDuringWrite_data();
    void killDuringWrite();
};

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Files in @p dir other than @p keep.
QStringList strays(const QString &dir, const QStringList &keep)
{
    QStringList left = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    for (const QString &k : keep)
        left.removeAll(k);
    return left;
}

} // namespace

void TestKillLoop::killDuringWrite_data()
{
    QTest::addColumn<QStringList>("args"); // %IN and %OUT replaced
    QTest::addColumn<int>("kills");
    QTest::newRow("new -o") << QStringList{"new", "video_recommendation", "-o", "%OUT", "--force"}
                            << 70;
    QTest::newRow("layout -o") << QStringList{"layout", "%IN", "-o", "%OUT"} << 70;
    QTest::newRow("export -o") << QStringList{"export", "%IN", "-o", "%OUT"} << 70;
}

void TestKillLoop::killDuringWrite()
{
    QFETCH(QStringList, args);
    QFETCH(int, kills);
    QTemporaryDir dir;
    const QString in = dir.filePath("in.mlsketch");
    const bool dot = args.first() == QLatin1String("export");
    const QString out = dir.filePath(dot ? "out.dot" : "out.mlsketch");
    // A design large enough that writing takes a while (layout: small enough for dot).
    Limits limits;
    limits.maxComponents = args.first() == QLatin1String("layout") ? 300 : 20000;
    const QByteArray design = test::LimitDesigns::make(QStringLiteral("chain"), limits);
    {
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(design);
    }
    const QByteArray old = dot ? QByteArray("digraph old {}\n") : design;
    auto resetTarget = [&] {
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(old);
    };
    resetTarget();
    QStringList argv;
    for (QString a : args)
        argv << a.replace(QLatin1String("%IN"), in).replace(QLatin1String("%OUT"), out);

    // The new file, from an uninterrupted run; and how long one takes.
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(QProcess::execute(MLSKETCH_BIN, argv), 0);
    const qint64 runMs = qMax<qint64>(timer.elapsed(), 20);
    const QByteArray fresh = readAll(out);
    QVERIFY(!fresh.isEmpty() && fresh != old);

    const QStringList keep{QStringLiteral("in.mlsketch"), QFileInfo(out).fileName()};
    int killedMidway = 0;
    for (int i = 0; i < kills; ++i) {
        if (i % 2 == 0)
            resetTarget(); // half the runs replace the old file, half rewrite the new one
        QProcess p;
        p.start(MLSKETCH_BIN, argv);
        QVERIFY(p.waitForStarted());
        QThread::msleep(QRandomGenerator::global()->bounded(quint32(runMs * 12 / 10) + 1));
        if (p.state() == QProcess::Running) {
            ++killedMidway;
            p.kill(); // SIGKILL
        }
        p.waitForFinished();
        const QByteArray now = readAll(out);
        QVERIFY2(now == old || now == fresh, qPrintable(QStringLiteral("run %1: target is "
                                                                       "neither old nor new (%2 "
                                                                       "bytes)")
                                                            .arg(i)
                                                            .arg(now.size())));
        for (const QString &s : strays(dir.path(), keep))
            QVERIFY2(AtomicFile::isTemporaryOf(s, QFileInfo(out).fileName()), qPrintable(s));
    }
    QVERIFY2(killedMidway >= kills / 4, qPrintable(QString::number(killedMidway)));
    // The next complete save cleans up what the killed ones left.
    QCOMPARE(QProcess::execute(MLSKETCH_BIN, argv), 0);
    QCOMPARE(readAll(out), fresh);
    QCOMPARE(strays(dir.path(), keep), QStringList());
}

QTEST_GUILESS_MAIN(TestKillLoop)
#include "tst_kill_loop.moc"
