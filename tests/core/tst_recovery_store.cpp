// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "RecoveryStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <csignal>
#include <sys/resource.h>
#include <thread>

using namespace mls;
using namespace mls::test;

/// The crash-recovery store: off-thread atomic snapshots, coalescing, orphans, restore.
class TestRecoveryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saveWritesBytesAndSidecar();
    void rapidSavesCoalesce();
    void unpausedRapidSavesEndWithLastSnapshot();
    void discardRemovesBothFiles();
    void discardBeforeWriteWritesNothing();
    void discardRacingAWriteLeavesNothing();
    void pidRule();
    void findsOrphansOfDeadProcessesOnly();
    void brokenEntriesAreSkippedAndCleanedUp();
    void restoreReturnsTheDiagram();
    void restoreOfBadFileReportsError();
    void adoptReownsAnOrphan();
    void metadataChangesRewriteTheSidecar();
    void readersNeverSeeAPartialFile();
    void failedWriteKeepsOldSnapshot();
    void destructorWritesWhatIsQueued();
};

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

QByteArray smallDiagramBytes()
{
    Diagram d;
    fillSmall(d);
    return DiagramWriter::write(d);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// Writes a session as another process would have left it.
void plant(const QString &folder, const QString &id, qint64 pid, const QString &title,
           const QString &file, const QByteArray &bytes)
{
    QJsonObject o;
    o.insert("pid", double(pid));
    o.insert("file", file);
    o.insert("title", title);
    o.insert("saved_at", "2026-01-02T03:04:05.000Z");
    QFile side(folder + "/" + id + ".json");
    QVERIFY(side.open(QIODevice::WriteOnly));
    side.write(QJsonDocument(o).toJson());
    if (bytes.isNull())
        return;
    QFile f(folder + "/" + id + ".mlsketch");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

/// A pid that belonged to a process which has exited and been reaped.
qint64 deadPid()
{
    QProcess p;
    p.start("true", {});
    if (!p.waitForStarted())
        return 0;
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

QStringList ids(const QVector<RecoverableSession> &sessions)
{
    QStringList out;
    for (const RecoverableSession &s : sessions)
        out << s.id;
    out.sort();
    return out;
}

} // namespace

void TestRecoveryStore::saveWritesBytesAndSidecar()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path() + "/recovery"); // creates the folder
    const QString id = store.createSession("/home/me/video.mlsketch");
    QVERIFY(RecoveryStore::isValidSessionId(id));
    store.setTitle(id, "Video recommendation");
    const QByteArray bytes = smallDiagramBytes();
    store.saveAsync(id, bytes);
    store.waitForIdle();

    QCOMPARE(store.recoveryFilePath(id), dir.path() + "/recovery/" + id + ".mlsketch");
    QCOMPARE(readAll(store.recoveryFilePath(id)), bytes);
    const ReadResult r = DiagramReader::readFile(store.recoveryFilePath(id));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QJsonObject side = readJson(store.sidecarPath(id));
    QCOMPARE(side.value("pid").toDouble(), double(QCoreApplication::applicationPid()));
    QCOMPARE(side.value("file").toString(), QString("/home/me/video.mlsketch"));
    QCOMPARE(side.value("title").toString(), QString("Video recommendation"));
    const QDateTime at = QDateTime::fromString(side.value("saved_at").toString(), Qt::ISODate);
    QVERIFY(at.isValid());
    QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(store.snapshotsWritten(), 1);
    QVERIFY(store.lastError().isEmpty());
}

void TestRecoveryStore::rapidSavesCoalesce()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    const QString a = store.createSession({});
    const QString b = store.createSession({});
    store.setPaused(true);
    for (int i = 0; i < 50; ++i)
        store.saveAsync(a, QByteArray("a snapshot ") + QByteArray::number(i));
    for (int i = 0; i < 3; ++i)
        store.saveAsync(b, QByteArray("b snapshot ") + QByteArray::number(i));
    store.waitForIdle(); // while paused: returns without writing
    QCOMPARE(store.snapshotsWritten(), 0);
    QVERIFY(!QFile::exists(store.recoveryFilePath(a)));

    store.setPaused(false);
    store.waitForIdle();
    QCOMPARE(store.snapshotsWritten(), 2);
    QCOMPARE(readAll(store.recoveryFilePath(a)), QByteArray("a snapshot 49"));
    QCOMPARE(readAll(store.recoveryFilePath(b)), QByteArray("b snapshot 2"));
}

void TestRecoveryStore::unpausedRapidSavesEndWithLastSnapshot()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    const QString id = store.createSession({});
    const QByteArray big(256 * 1024, 'x');
    for (int i = 0; i < 200; ++i)
        store.saveAsync(id, big + QByteArray::number(i));
    store.waitForIdle();
    QCOMPARE(readAll(store.recoveryFilePath(id)), big + "199");
    QVERIFY(store.snapshotsWritten() >= 1);
    QVERIFY(store.snapshotsWritten() <= 200);
}

void TestRecoveryStore::discardRemovesBothFiles()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    const QString id = store.createSession({});
    const QString other = store.createSession({});
    store.saveAsync(id, smallDiagramBytes());
    store.saveAsync(other, "other");
    store.waitForIdle();
    QVERIFY(QFile::exists(store.recoveryFilePath(id)));
    QVERIFY(QFile::exists(store.sidecarPath(id)));

    store.discard(id);
    QVERIFY(!QFile::exists(store.recoveryFilePath(id)));
    QVERIFY(!QFile::exists(store.sidecarPath(id)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // the other session's files

    // A discarded session is forgotten: later snapshots for it are ignored.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("unknown session"));
    store.saveAsync(id, "late");
    store.waitForIdle();
    QVERIFY(!QFile::exists(store.recoveryFilePath(id)));
}

void TestRecoveryStore::discardBeforeWriteWritesNothing()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    const QString id = store.createSession({});
    store.setPaused(true);
    store.saveAsync(id, "queued");
    store.discard(id);
    store.setPaused(false);
    store.waitForIdle();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{});
    QCOMPARE(store.snapshotsWritten(), 0);
}

void TestRecoveryStore::discardRacingAWriteLeavesNothing()
{
    // discard() while the worker is writing that session: the write must not bring the files
    // back after they were removed.
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    const QByteArray big(1024 * 1024, 'x');
    for (int i = 0; i < 30; ++i) {
        const QString id = store.createSession({});
        store.saveAsync(id, big);
        QThread::usleep(static_cast<unsigned long>(i * 50));
        store.discard(id);
        store.waitForIdle();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{});
    }
}

void TestRecoveryStore::pidRule()
{
    QVERIFY(RecoveryStore::isLiveMlsketchProcess(QCoreApplication::applicationPid()));
    QVERIFY(!RecoveryStore::isLiveMlsketchProcess(0));
    QVERIFY(!RecoveryStore::isLiveMlsketchProcess(-5));
    QVERIFY(!RecoveryStore::isLiveMlsketchProcess(qint64(1) << 40));
    const qint64 dead = deadPid();
    QVERIFY(dead > 0);
    QVERIFY(!RecoveryStore::isLiveMlsketchProcess(dead));

#ifdef Q_OS_LINUX
    // Alive but not mlsketch (a reused pid): counts as dead.
    QProcess sleeper;
    sleeper.start("sleep", {"30"});
    QVERIFY(sleeper.waitForStarted());
    // Retried: on a loaded machine /proc may still show the forked test before the exec.
    QTRY_VERIFY(!RecoveryStore::isLiveMlsketchProcess(sleeper.processId()));
    sleeper.kill();
    sleeper.waitForFinished();

    // Alive and called mlsketch: counts as alive.
    QTemporaryDir dir;
    const QString fake = dir.filePath("mlsketch-fake");
    QVERIFY(QFile::link(QStandardPaths::findExecutable("sleep"), fake));
    QProcess app;
    app.start(fake, {"30"});
    QVERIFY(app.waitForStarted());
    QTRY_VERIFY(RecoveryStore::isLiveMlsketchProcess(app.processId()));
    app.kill();
    app.waitForFinished();
#endif
}

void TestRecoveryStore::findsOrphansOfDeadProcessesOnly()
{
    QTemporaryDir dir;
    const QByteArray bytes = smallDiagramBytes();
    const QString dead = newId();
    const QString mine = newId();
    plant(dir.path(), dead, deadPid(), "Crashed board", "/home/me/a.mlsketch", bytes);
    plant(dir.path(), mine, QCoreApplication::applicationPid(), "Mine", {}, bytes);

    RecoveryStore store(dir.path());
    const QString live = store.createSession({}); // this process's own, on disk
    store.saveAsync(live, bytes);
    store.waitForIdle();

    const QVector<RecoverableSession> orphans = store.findOrphans();
    QCOMPARE(ids(orphans), QStringList{dead});
    const RecoverableSession &s = orphans.first();
    QCOMPARE(s.title, QString("Crashed board"));
    QCOMPARE(s.originalPath, QString("/home/me/a.mlsketch"));
    QCOMPARE(s.savedAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(s.recoveryFile, dir.path() + "/" + dead + ".mlsketch");
    QVERIFY(s.pid > 0);
    // Looking does not remove anything that is still good.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 6);

    // A second store in the same process does not see the first one's sessions as orphans.
    RecoveryStore second(dir.path());
    QCOMPARE(ids(second.findOrphans()), QStringList{dead});
}

void TestRecoveryStore::brokenEntriesAreSkippedAndCleanedUp()
{
    QTemporaryDir dir;
    const QString d = dir.path();
    const QByteArray bytes = smallDiagramBytes();
    const qint64 gone = deadPid();
    const QString good = newId();
    plant(d, good, gone, "good", {}, bytes);
    const QString noBytes = newId();
    plant(d, noBytes, gone, "no bytes", {}, QByteArray());
    const QString liveNoBytes = newId(); // a live process between sidecar and first bytes
    plant(d, liveNoBytes, QCoreApplication::applicationPid(), "live", {}, QByteArray());
    const QString garbage = newId();
    QFile g(d + "/" + garbage + ".json");
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("{ not json");
    g.close();
    QFile gb(d + "/" + garbage + ".mlsketch");
    QVERIFY(gb.open(QIODevice::WriteOnly));
    gb.write(bytes);
    gb.close();
    const QString badPid = newId();
    QFile bp(d + "/" + badPid + ".json");
    QVERIFY(bp.open(QIODevice::WriteOnly));
    bp.write(R"({"pid": "123", "file": "", "title": "", "saved_at": ""})");
    bp.close();
    QFile notOurs(d + "/settings.json");
    QVERIFY(notOurs.open(QIODevice::WriteOnly));
    notOurs.write("{}");
    notOurs.close();

    RecoveryStore store(d);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("corrupt recovery entry"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("corrupt recovery entry"));
    QCOMPARE(ids(store.findOrphans()), QStringList{good});

    QStringList left = QDir(d).entryList(QDir::Files);
    left.sort();
    QStringList expected{good + ".json", good + ".mlsketch", liveNoBytes + ".json",
                         "settings.json"};
    expected.sort();
    QCOMPARE(left, expected);
}

void TestRecoveryStore::restoreReturnsTheDiagram()
{
    QTemporaryDir dir;
    const QString id = newId();
    const QByteArray bytes = smallDiagramBytes();
    plant(dir.path(), id, deadPid(), "t", {}, bytes);
    RecoveryStore store(dir.path());
    QString error;
    const std::unique_ptr<Diagram> d = store.restore(id, &error);
    QVERIFY2(d, qPrintable(error));
    QVERIFY(d->component("rank"));
    QVERIFY(d->connection("e3"));
    QCOMPARE(DiagramWriter::write(*d), bytes);
}

void TestRecoveryStore::restoreOfBadFileReportsError()
{
    QTemporaryDir dir;
    const QString broken = newId();
    plant(dir.path(), broken, deadPid(), "t", {}, "{\"format\": \"mlsketch\", \"vers");
    RecoveryStore store(dir.path());
    QString error;
    QVERIFY(!store.restore(broken, &error));
    QVERIFY2(error.contains(broken), qPrintable(error));

    error.clear();
    QVERIFY(!store.restore(newId(), &error)); // no such file
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!store.restore("../../etc/passwd", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!store.restore(broken, nullptr));
}

void TestRecoveryStore::adoptReownsAnOrphan()
{
    QTemporaryDir dir;
    const QString id = newId();
    plant(dir.path(), id, deadPid(), "Crashed board", "/x/a.mlsketch", smallDiagramBytes());
    RecoveryStore store(dir.path());
    QCOMPARE(ids(store.findOrphans()), QStringList{id});
    QVERIFY(!store.adopt(newId())); // no sidecar
    QVERIFY(!store.adopt("not-an-id"));
    QVERIFY(store.adopt(id));
    store.waitForIdle();

    const QJsonObject side = readJson(store.sidecarPath(id));
    QCOMPARE(side.value("pid").toDouble(), double(QCoreApplication::applicationPid()));
    QCOMPARE(side.value("title").toString(), QString("Crashed board"));
    QCOMPARE(side.value("file").toString(), QString("/x/a.mlsketch"));
    QVERIFY(store.findOrphans().isEmpty());
    RecoveryStore other(dir.path());
    QVERIFY(other.findOrphans().isEmpty());

    store.saveAsync(id, "after adoption");
    store.waitForIdle();
    QCOMPARE(readAll(store.recoveryFilePath(id)), QByteArray("after adoption"));
}

void TestRecoveryStore::metadataChangesRewriteTheSidecar()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    const QString id = store.createSession({});
    store.setTitle(id, "Untitled");
    store.waitForIdle();
    QVERIFY(!QFile::exists(store.sidecarPath(id))); // nothing on disk before a snapshot
    store.saveAsync(id, "v1");
    store.waitForIdle();
    store.setOriginalPath(id, "/home/me/saved-as.mlsketch");
    store.setTitle(id, "saved-as");
    store.waitForIdle();
    const QJsonObject side = readJson(store.sidecarPath(id));
    QCOMPARE(side.value("file").toString(), QString("/home/me/saved-as.mlsketch"));
    QCOMPARE(side.value("title").toString(), QString("saved-as"));
    QCOMPARE(readAll(store.recoveryFilePath(id)), QByteArray("v1"));
    QCOMPARE(store.snapshotsWritten(), 1);
}

void TestRecoveryStore::readersNeverSeeAPartialFile()
{
    // Another thread reads the recovery file while it is replaced again and again; every read
    // must be one whole snapshot. An in-place rewrite fails this within a few rounds.
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    const QString id = store.createSession({});
    const QByteArray a(3 * 1024 * 1024, 'a');
    const QByteArray b(2 * 1024 * 1024, 'b');
    const QString path = store.recoveryFilePath(id);
    store.saveAsync(id, a);
    store.waitForIdle();

    std::atomic<bool> stop{false};
    std::atomic<int> reads{0};
    std::atomic<int> torn{0};
    std::thread reader([&] {
        while (!stop.load()) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray got = f.readAll();
            ++reads;
            if (got != a && got != b)
                ++torn;
        }
    });
    for (int i = 0; i < 40; ++i) {
        store.saveAsync(id, i % 2 ? a : b);
        store.waitForIdle();
    }
    stop = true;
    reader.join();
    QVERIFY(reads.load() > 0);
    QCOMPARE(torn.load(), 0);
    QStringList files = QDir(dir.path()).entryList(QDir::Files); // no temporary leftovers
    files.sort();
    QCOMPARE(files, (QStringList{id + ".json", id + ".mlsketch"}));
}

void TestRecoveryStore::failedWriteKeepsOldSnapshot()
{
    // A full disk, simulated with a file-size limit (works as root too).
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    std::atomic<int> failures{0};
    connect(
        &store, &RecoveryStore::writeFailed, &store, [&] { ++failures; }, Qt::DirectConnection);
    const QString id = store.createSession({});
    const QByteArray before = smallDiagramBytes();
    store.saveAsync(id, before);
    store.waitForIdle();

    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit small = old;
    small.rlim_cur = rlim_t(before.size() + 100);
    setrlimit(RLIMIT_FSIZE, &small);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("recovery snapshot failed"));
    store.saveAsync(id, QByteArray(before.size() * 4, 'z'));
    store.waitForIdle();
    setrlimit(RLIMIT_FSIZE, &old);

    QCOMPARE(failures.load(), 1);
    QVERIFY2(store.lastError().contains(id), qPrintable(store.lastError()));
    QCOMPARE(readAll(store.recoveryFilePath(id)), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
    QCOMPARE(store.snapshotsWritten(), 1);
}

void TestRecoveryStore::destructorWritesWhatIsQueued()
{
    QTemporaryDir dir;
    QString path;
    {
        RecoveryStore store(dir.path());
        const QString id = store.createSession({});
        path = store.recoveryFilePath(id);
        store.setPaused(true);
        store.saveAsync(id, "last words");
    }
    QCOMPARE(readAll(path), QByteArray("last words"));
}

QTEST_GUILESS_MAIN(TestRecoveryStore)
#include "tst_recovery_store.moc"
