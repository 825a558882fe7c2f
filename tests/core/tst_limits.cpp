// SPDX-License-Identifier: MIT
#include "../LimitDesigns.h"
#include "DiagramReader.h"
#include "LatencyAnalysis.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace mls;
using namespace mls::test;

#if defined(__SANITIZE_ADDRESS__)
#define MLS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MLS_ASAN 1
#endif
#endif

/// Issue 17: any input within the documented limits (Limits.h) gets its answer; the worst case
/// of each limit is generated and run through the reader, the rules and the latency analysis.
/// (Their speed is measured in tests/bench: no timings here.)
class TestLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void worstCase_data();
    void worstCase();
    void outOfMemoryIsARefusal_data();
    void outOfMemoryIsARefusal();
};

void TestLimits::worstCase_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("minFindings");
    QTest::addColumn<bool>("incomplete"); // a rule's walks outgrow Limits::maxRuleSteps
    const int n = Limits().maxComponents;
    QTest::newRow("longest chain") << "chain" << 1 << false;
    QTest::newRow("most clients") << "clients" << Limits::maxLatencyFindings << false;
    QTest::newRow("widest fan-out") << "fanout" << 0 << false;
    QTest::newRow("deepest props") << "props" << 0 << false;
    QTest::newRow("most findings") << "orphans" << n << false;
    QTest::newRow("longest walks") << "shared" << n / 2 << true;
}

void TestLimits::worstCase()
{
#ifdef MLS_ASAN
    QSKIP("the worst cases run in the Release suite: AddressSanitizer triples their memory");
#endif
    QFETCH(QString, shape);
    QFETCH(int, minFindings);
    QFETCH(bool, incomplete);
    const QByteArray bytes = LimitDesigns::make(shape);
    QVERIFY(bytes.size() <= Limits().maxFileBytes);

    // Within the limits, the latency paths list a bounded number of hops.
    {
        const ReadResult r = DiagramReader::read(bytes, shape + QStringLiteral(".mlsketch"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QVector<LatencyPath> paths = LatencyAnalysis::analyze(*r.diagram);
        for (const LatencyPath &p : paths)
            QVERIFY(p.hops.size() <= Limits::maxListedHops);
    }
#ifndef MLSKETCH_BIN
    QSKIP("the command's bound needs the mlsketch program (not built here)");
#else
    // The bound, on the command a user runs: `mlsketch check` answers within 10 s and
    // 2 GB. Processor time, not wall time, so a loaded machine does not fail it; the bench has
    // the speed.
    QTemporaryDir dir;
    const QString file = dir.filePath(shape + QStringLiteral(".mlsketch"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    rusage before{};
    getrusage(RUSAGE_CHILDREN, &before);
    QProcess check;
    check.start(QStringLiteral(MLSKETCH_BIN), {QStringLiteral("check"), file});
    QVERIFY(check.waitForStarted());
    QByteArray out;
    while (check.state() != QProcess::NotRunning) {
        check.waitForReadyRead(1000);
        out += check.readAllStandardOutput();
    }
    out += check.readAllStandardOutput();
    QCOMPARE(check.exitStatus(), QProcess::NormalExit);
    QVERIFY2(check.exitCode() <= 1, check.readAllStandardError().constData()); // 2: refused
    rusage after{};
    getrusage(RUSAGE_CHILDREN, &after);
    const int findings = int(out.count('\n'));
    QVERIFY2(findings >= minFindings, qPrintable(QString::number(findings)));
    QCOMPARE(out.contains("Not checked"), incomplete);
    auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    const double cpu = seconds(after.ru_utime) + seconds(after.ru_stime) -
                       seconds(before.ru_utime) - seconds(before.ru_stime);
    qInfo("%s: %d findings, %.1f s of processor time, peak %ld MB", qPrintable(shape), findings,
          cpu, after.ru_maxrss / 1024);
    QVERIFY2(cpu < 10.0, qPrintable(QStringLiteral("%1 s").arg(cpu)));
    QVERIFY2(after.ru_maxrss < 2L * 1024 * 1024,
             qPrintable(QStringLiteral("peak %1 MB").arg(after.ru_maxrss / 1024)));
#endif
}

void TestLimits::outOfMemoryIsARefusal_data()
{
    QTest::addColumn<int>("megabytes");
    for (int mb : {300, 400, 600, 800})
        QTest::newRow(qPrintable(QStringLiteral("%1 MB").arg(mb))) << mb;
}

void TestLimits::outOfMemoryIsARefusal()
{
#ifdef MLS_ASAN
    QSKIP("an address-space limit and AddressSanitizer's shadow memory do not mix");
#else
    // Under an address-space limit, reading a large file either works or says "not enough
    // memory"; std::bad_alloc must never reach terminate() (exit 134).
    QFETCH(int, megabytes);
    const QByteArray bytes = LimitDesigns::make(QStringLiteral("chain"));
    const pid_t pid = fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
        rlimit limit{};
        limit.rlim_cur = limit.rlim_max = rlim_t(megabytes) * 1024 * 1024;
        setrlimit(RLIMIT_AS, &limit);
        int code = 3;
        try {
            const ReadResult r = DiagramReader::read(bytes, QStringLiteral("big.mlsketch"));
            code = r.ok() ? 0 : r.error.contains(QLatin1String("not enough memory")) ? 1 : 2;
        } catch (...) {
            code = 4;
        }
        _exit(code);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    QVERIFY2(
        WIFEXITED(status),
        qPrintable(
            QStringLiteral("killed by signal %1").arg(WIFSIGNALED(status) ? WTERMSIG(status) : 0)));
    QVERIFY2(WEXITSTATUS(status) <= 1, qPrintable(QString::number(WEXITSTATUS(status))));
#endif
}

QTEST_APPLESS_MAIN(TestLimits)
#include "tst_limits.moc"
