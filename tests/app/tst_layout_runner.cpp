// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "LayoutRunner.h"
#include "LayoutWorker.h"
#include "layout/DiagramLayout.h"
#include "layout/LayoutJson.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace mls;
using namespace mls::test;

namespace {

const QString worker = QStringLiteral(MLSKETCH_BIN);
const QString slowWorker = QStringLiteral(MLS_TEST_DATA_DIR "/layout/slow_worker.sh");

LayoutInput smallInput(LayoutEngine engine = LayoutEngine::Dot)
{
    Diagram d;
    fillSmall(d);
    LayoutOptions options;
    options.engine = engine;
    return DiagramLayout::input(d, options);
}

/// One run to the end; the result, the fallback text and the time it took.
struct Outcome
{
    bool finished = false;
    LayoutResult result;
    QString fallback;
    QStringList progress;
};

Outcome runToEnd(LayoutRunner &runner, const LayoutInput &input, int waitMs = 20000)
{
    Outcome o;
    QObject guard;
    QObject::connect(&runner, &LayoutRunner::progress, &guard,
                     [&](const QString &t) { o.progress << t; });
    QObject::connect(&runner, &LayoutRunner::finished, &guard,
                     [&](const LayoutResult &r, const QString &fallback, qint64) {
                         o.finished = true;
                         o.result = r;
                         o.fallback = fallback;
                     });
    runner.start(input);
    o.finished = QTest::qWaitFor([&] { return o.finished; }, waitMs);
    return o;
}

void compareExactly(const LayoutResult &a, const LayoutResult &b)
{
    QVERIFY2(a.ok && b.ok, qPrintable(a.error + b.error));
    QCOMPARE(a.engineUsed, b.engineUsed);
    QCOMPARE(a.centres, b.centres);
    QCOMPARE(a.routes.size(), b.routes.size());
    for (int i = 0; i < a.routes.size(); ++i) {
        QCOMPARE(a.routes[i].id, b.routes[i].id);
        QCOMPARE(a.routes[i].points, b.routes[i].points);
        QCOMPARE(a.routes[i].arrowTip, b.routes[i].arrowTip);
    }
    QCOMPARE(a.bounds, b.bounds);
}

} // namespace

/// The window's layout runner: worker process, time limit, fallback and cancel.
class TestLayoutRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonRoundTripIsExact();
    void malformedJsonIsRefused_data();
    void malformedJsonIsRefused();
    void workerCommand();
    void processMatchesInProcess();
    void deterministicThroughWorker();
    void threadWithoutWorker();
    void cancelDropsThreadResult();
    void missingWorkerFallsBackToThread();
    void timeLimitFallsBackToSfdp();
    void everythingTimesOut();
    void crashingWorker();
    void cancelKillsWorker();
};

void TestLayoutRunner::jsonRoundTripIsExact()
{
    LayoutInput in = smallInput();
    in.nodes[1].fixedCentre = QPointF(0.1 + 0.2, -1e-7); // digits that print badly
    in.nodes[2].zones = {"z1", "z2"};
    in.zoneIds = {"z1", "z2"};
    in.options.direction = LayoutDirection::TopToBottom;
    QString error;
    const auto back = LayoutJson::readInput(LayoutJson::write(in), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(LayoutJson::write(*back), LayoutJson::write(in));
    QCOMPARE(*back->nodes[1].fixedCentre, *in.nodes[1].fixedCentre);
    QCOMPARE(back->options.anchorTopLeft, in.options.anchorTopLeft);

    const LayoutResult r = GraphvizLayout::run(in);
    const auto result = LayoutJson::readResult(LayoutJson::write(r), &error);
    QVERIFY2(result, qPrintable(error));
    compareExactly(*result, r);
    QCOMPARE(result->message, r.message);
}

void TestLayoutRunner::malformedJsonIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("garbage") << "parse error";
    QTest::newRow("array") << QByteArray("[]") << "not an object";
    QTest::newRow("missing nodes") << QByteArray("{}") << "key 'nodes' not found";
    QTest::newRow("node without size")
        << QByteArray(R"({"nodes":[{"id":"a","w":0,"h":60,"zones":[]}],"edges":[],)"
                      R"("zones":[],"options":{}})")
        << "a node has no size";
    QTest::newRow("huge coordinate")
        << QByteArray(R"({"nodes":[{"id":"a","w":1e300,"h":60,"zones":[]}]})") << "out of range";
}

void TestLayoutRunner::malformedJsonIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!LayoutJson::readInput(bytes, &error));
    QVERIFY2(error.startsWith("malformed layout input: "), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!LayoutJson::readResult(bytes, &error));
    QVERIFY2(error.startsWith("malformed layout result: "), qPrintable(error));
}

void TestLayoutRunner::workerCommand()
{
    QByteArray bytes = LayoutJson::write(smallInput());
    QBuffer in(&bytes);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(LayoutWorker::run(in, out, err), 0);
    out.flush();
    QString error;
    const auto r = LayoutJson::readResult(outText.toUtf8(), &error);
    QVERIFY2(r && r->ok, qPrintable(error));
    QCOMPARE(r->centres.size(), 4);

    QByteArray junk("{\"nodes\": 3}");
    QBuffer bad(&junk);
    QVERIFY(bad.open(QIODevice::ReadOnly));
    QCOMPARE(LayoutWorker::run(bad, out, err), 2);
    err.flush();
    QVERIFY2(errText.startsWith("mlsketch layout-worker: malformed layout input"),
             qPrintable(errText));
}

void TestLayoutRunner::processMatchesInProcess()
{
    LayoutRunner runner;
    runner.setWorker(worker);
    const LayoutInput in = smallInput();
    const Outcome o = runToEnd(runner, in);
    QVERIFY2(o.result.ok, qPrintable(o.result.error));
    QVERIFY(o.fallback.isEmpty());
    QVERIFY(!runner.isRunning());
    compareExactly(o.result, GraphvizLayout::run(in));
}

void TestLayoutRunner::deterministicThroughWorker()
{
    LayoutRunner runner;
    runner.setWorker(worker);
    for (LayoutEngine engine : {LayoutEngine::Dot, LayoutEngine::Sfdp}) {
        const LayoutInput in = smallInput(engine);
        const Outcome a = runToEnd(runner, in);
        const Outcome b = runToEnd(runner, in);
        compareExactly(a.result, b.result);
        QCOMPARE(a.result.engineUsed, engine);
    }
}

void TestLayoutRunner::threadWithoutWorker()
{
    LayoutRunner runner;
    runner.setWorker(QString());
    QVERIFY(runner.workerProgram().isEmpty());
    const LayoutInput in = smallInput();
    const Outcome o = runToEnd(runner, in);
    compareExactly(o.result, GraphvizLayout::run(in));
}

void TestLayoutRunner::cancelDropsThreadResult()
{
    // A thread cannot be killed: Cancel drops what it posts back, and a new run still works.
    LayoutRunner runner;
    runner.setWorker(QString());
    QSignalSpy finished(&runner, &LayoutRunner::finished);
    QSignalSpy dropped(&runner, &LayoutRunner::staleResultDropped);
    runner.start(smallInput());
    runner.cancel();
    // The thread's result does arrive (however slow the machine), and is thrown away.
    QTRY_COMPARE_WITH_TIMEOUT(dropped.count(), 1, 60000);
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 0);
    QVERIFY(runToEnd(runner, smallInput()).result.ok);
    QCOMPARE(finished.count(), 1);
}

void TestLayoutRunner::missingWorkerFallsBackToThread()
{
    LayoutRunner runner;
    runner.setWorker(QStringLiteral("/nonexistent/mlsketch"));
    const Outcome o = runToEnd(runner, smallInput());
    QVERIFY2(o.result.ok, qPrintable(o.result.error));
    QCOMPARE(o.result.centres.size(), 4);
}

void TestLayoutRunner::timeLimitFallsBackToSfdp()
{
    LayoutRunner runner;
    runner.setWorker(QStringLiteral("/bin/sh"), {slowWorker, worker, "layout-worker"});
    runner.setTimeLimit(500);
    QElapsedTimer clock;
    clock.start();
    const Outcome o = runToEnd(runner, smallInput());
    QVERIFY2(o.result.ok, qPrintable(o.result.error));
    QCOMPARE(o.result.engineUsed, LayoutEngine::Sfdp);
    QCOMPARE(o.fallback, QStringLiteral("dot took longer than 0.5 s"));
    QCOMPARE(o.progress, QStringList{"dot took longer than 0.5 s; trying sfdp…"});
    // The hung worker sleeps 60 s: far below that means it was killed (loose for busy machines).
    QVERIFY2(clock.elapsed() < 30000, "the hung dot worker was not killed in time");
}

void TestLayoutRunner::everythingTimesOut()
{
    LayoutRunner runner;
    runner.setWorker(QStringLiteral("/bin/sh"), {"-c", "exec sleep 60"});
    runner.setTimeLimit(300);
    const Outcome o = runToEnd(runner, smallInput());
    QVERIFY(!o.result.ok);
    QCOMPARE(o.result.error,
             QStringLiteral("dot took longer than 0.3 s; then sfdp took longer than 0.3 s"));
}

void TestLayoutRunner::crashingWorker()
{
    LayoutRunner runner;
    runner.setWorker(QStringLiteral("/bin/sh"), {"-c", "kill -SEGV $$"});
    const Outcome o = runToEnd(runner, smallInput());
    QVERIFY(!o.result.ok);
    QVERIFY2(o.result.error.contains("the layout worker crashed; then the layout worker crashed"),
             qPrintable(o.result.error));
}

void TestLayoutRunner::cancelKillsWorker()
{
    LayoutRunner runner;
    runner.setWorker(QStringLiteral("/bin/sh"), {slowWorker, worker, "layout-worker"});
    runner.setTimeLimit(400);
    QSignalSpy finished(&runner, &LayoutRunner::finished);
    runner.start(smallInput());
    QVERIFY(runner.isRunning());
    QTest::qWait(100);
    QElapsedTimer clock;
    clock.start();
    runner.cancel();
    QVERIFY2(clock.elapsed() < 10000, "cancel waited for the worker"); // it sleeps 60 s
    QVERIFY(!runner.isRunning());
    QTest::qWait(800); // past the time limit: no fallback may start after a cancel
    QCOMPARE(finished.count(), 0);
    QVERIFY(!runner.isRunning());
    // The runner is usable again afterwards.
    runner.setWorker(worker);
    QVERIFY(runToEnd(runner, smallInput()).result.ok);
}

QTEST_GUILESS_MAIN(TestLayoutRunner)
#include "tst_layout_runner.moc"
