// SPDX-License-Identifier: MIT
#include "../LimitDesigns.h"
#include "AtomicFile.h"
#include "Catalog.h"
#include "ChildProcess.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "MainWindow.h"
#include "RecoveryStore.h"
#include "commands/SetMetaCommand.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QUndoStack>

#include <sys/resource.h>

#include <algorithm>
#include <csignal>

using namespace mls;

/// Issue 17, never losing work, in the window: a child process holding a large design is killed
/// with SIGKILL at random moments while it autosaves and saves. The document on disk is always
/// the old or the new complete file, the recovery file always restores the unsaved work, and
/// what the killed saves left is recognisably ours and gone after the next save. A disk that
/// fills up during autosave and save loses nothing either.
class TestWindowKillLoop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killDuringSaveAndAutosave();
    void fullDiskDuringAutosaveAndSave();

private:
    QString m_design; ///< the document the children open
    QTemporaryDir m_home;
};

namespace {

const QString savedTitle = QStringLiteral("saved");
const QString firstEdit = QStringLiteral("unsaved 1");
const QString secondEdit = QStringLiteral("unsaved 2");

void retitle(MainWindow &w, const QString &title)
{
    Meta meta = w.diagram()->meta();
    meta.title = title;
    w.undoStack()->push(new SetMetaCommand(w.diagram(), meta));
}

/// The window that gets killed: opens the design, edits it and autosaves (the unsaved work
/// now lives in the recovery file), says "ready", edits again, autosaves on the store's thread
/// while saving the document, and says "done".
int runSaveChild(int argc, char *argv[])
{
    QApplication app(argc, argv);
    initCoreResources();
    QString error;
    if (!Catalog::loadBuiltin(&error))
        return 2;
    auto *w = new MainWindow;
    w->show();
    if (!w->openFile(QString::fromLocal8Bit(argv[2]), &error))
        return 3;
    QTextStream out(stdout);
    retitle(*w, firstEdit);
    w->autosaveNow();
    MainWindow::recoveryStore().waitForIdle();
    out << "ready\n";
    out.flush();
    retitle(*w, secondEdit);
    w->autosaveNow();
    if (!w->saveTo(QString::fromLocal8Bit(argv[2]), &error))
        return 4;
    out << "done\n";
    out.flush();
    return 0;
}

QString titleOf(const QString &path, QString *error)
{
    const ReadResult r = DiagramReader::readFile(path);
    if (!r.ok()) {
        *error = r.error;
        return {};
    }
    return r.diagram->meta().title;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

void TestWindowKillLoop::initTestCase()
{
    QVERIFY(m_home.isValid());
    test::useHome(m_home);
    // Large enough that a save and a snapshot take a while to write.
    Limits limits;
    limits.maxComponents = 8000;
    QByteArray bytes = test::LimitDesigns::make(QStringLiteral("chain"), limits);
    bytes.replace("\"meta\":{", "\"meta\":{\"title\":\"" + savedTitle.toUtf8() + "\",");
    QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("docs"))));
    m_design = m_home.filePath(QStringLiteral("docs/design.mlsketch"));
    QFile f(m_design);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void TestWindowKillLoop::killDuringSaveAndAutosave()
{
    const QByteArray old = [&] {
        QFile f(m_design);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    auto resetDocument = [&] {
        QFile f(m_design);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(old);
    };
    RecoveryStore &store = MainWindow::recoveryStore();

    // Runs one child; kills it @p afterMs after "ready" (never when negative). Returns how long
    // the child took from "ready" to its end, or -1 when it was killed first.
    auto runChild = [&](int afterMs) -> qint64 {
        test::ChildProcess run;
        if (!run.startUntilReady({QStringLiteral("--save-child"), m_design}, 200))
            return -2;
        QProcess &child = run.process();
        QElapsedTimer since;
        since.start();
        if (afterMs >= 0) {
            QThread::msleep(ulong(afterMs));
            if (child.state() == QProcess::Running) {
                child.kill();
                child.waitForFinished(test::childTimeoutMs);
                return -1;
            }
        }
        child.waitForFinished(test::childTimeoutMs);
        return child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 ? since.elapsed()
                                                                                   : -2;
    };

    // Uninterrupted runs: how long the edit, snapshot and save take after "ready". The fastest
    // of three, as the first run after a build can be slowed by a cold disk cache, and kills
    // timed by a slow run land mostly after the save.
    qint64 runMs = -1;
    QString error;
    for (int i = 0; i < 3; ++i) {
        resetDocument();
        const qint64 r = runChild(-1);
        QVERIFY2(r >= 0, "the child did not finish its save");
        runMs = runMs < 0 ? r : std::min(runMs, r);
        QCOMPARE(titleOf(m_design, &error), secondEdit);
        QVERIFY(store.findOrphans().isEmpty()); // the save ended its recovery session
    }

    const int kills = qEnvironmentVariableIntValue("MLS_KILLS") > 0
                          ? qEnvironmentVariableIntValue("MLS_KILLS")
                          : 40;
    int killedBeforeSave = 0, killedAfterSave = 0;
    for (int i = 0; i < kills; ++i) {
        resetDocument();
        const int afterMs = int(QRandomGenerator::global()->bounded(quint32(runMs * 12 / 10) + 1));
        const qint64 r = runChild(afterMs);
        QVERIFY2(r != -2, qPrintable(QStringLiteral("run %1: the child failed").arg(i)));
        // On disk: the old complete document or the new complete one.
        const QString title = titleOf(m_design, &error);
        QVERIFY2(title == savedTitle || title == secondEdit,
                 qPrintable(QStringLiteral("run %1: %2").arg(i).arg(error)));
        // Beside it: nothing but temporaries recognisably of the killed save.
        for (const QString &name : filesIn(QFileInfo(m_design).path())) {
            QVERIFY2(name == QLatin1String("design.mlsketch") ||
                         AtomicFile::isTemporaryOf(name, QStringLiteral("design.mlsketch")),
                     qPrintable(name));
        }
        // The unsaved work: restorable whenever the document on disk does not hold it.
        const QVector<RecoverableSession> orphans = store.findOrphans();
        if (title == savedTitle) {
            ++killedBeforeSave;
            QVERIFY2(orphans.size() == 1,
                     qPrintable(QStringLiteral("run %1: %2 sessions").arg(i).arg(orphans.size())));
        } else {
            ++killedAfterSave;
        }
        for (const RecoverableSession &s : orphans) {
            std::unique_ptr<Diagram> restored = store.restore(s.id, &error);
            QVERIFY2(restored, qPrintable(QStringLiteral("run %1: %2").arg(i).arg(error)));
            const QString t = restored->meta().title;
            QVERIFY2(t == firstEdit || t == secondEdit, qPrintable(t));
            QCOMPARE(int(restored->components().size()), 8000);
            QVERIFY(store.adopt(s.id));
            store.discard(s.id); // the user declines it; the next run starts clean
        }
        store.waitForIdle();
    }
    qInfo("%d kills: %d before the document was replaced, %d after", kills, killedBeforeSave,
          killedAfterSave);
    QVERIFY2(killedBeforeSave >= kills / 4, qPrintable(QString::number(killedBeforeSave)));

    // The next save of the document, from a window, removes what the killed ones left.
    resetDocument();
    QVERIFY(runChild(-1) >= 0);
    QCOMPARE(filesIn(QFileInfo(m_design).path()), QStringList{QStringLiteral("design.mlsketch")});
    store.waitForIdle();
    const QString recovery = store.folder();
    QCOMPARE(filesIn(recovery), QStringList());
}

void TestWindowKillLoop::fullDiskDuringAutosaveAndSave()
{
    // A file-size limit stands in for a full disk: every write past it fails (EFBIG), for
    // root too, without a special file system.
    RecoveryStore &store = MainWindow::recoveryStore();
    MainWindow w;
    w.show();
    QString error;
    QVERIFY2(w.openFile(m_design, &error), qPrintable(error));
    const QByteArray onDisk = [&] {
        QFile f(m_design);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    retitle(w, QStringLiteral("before the disk filled"));
    w.autosaveNow();
    store.waitForIdle();
    retitle(w, QStringLiteral("while it was full"));

    struct sigaction ignore = {}, previous = {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &ignore, &previous);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit tiny = old;
    tiny.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &tiny), 0);

    w.autosaveNow();
    store.waitForIdle();
    const bool saved = w.saveTo(m_design, &error);

    setrlimit(RLIMIT_FSIZE, &old);
    sigaction(SIGXFSZ, &previous, nullptr);

    // The autosave failure is said in the window, not only in a log.
    QTRY_VERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("Autosave failed")),
                 qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(!saved);
    QVERIFY2(error.contains(m_design), qPrintable(error));
    QVERIFY(w.isModified());
    QFile f(m_design);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), onDisk); // the document on disk is untouched
    // The last good snapshot survives the failed one.
    const QStringList snapshots =
        QDir(store.folder()).entryList({QStringLiteral("*.mlsketch")}, QDir::Files);
    QCOMPARE(snapshots.size(), 1);
    const QString session = QFileInfo(snapshots.first()).completeBaseName();
    std::unique_ptr<Diagram> snapshot = store.restore(session, &error);
    QVERIFY2(snapshot, qPrintable(error));
    QCOMPARE(snapshot->meta().title, QStringLiteral("before the disk filled"));
    for (const QString &name : filesIn(store.folder()))
        QVERIFY2(name.startsWith(session + QLatin1Char('.')), qPrintable(name));

    // With room again, both work and nothing is left behind.
    w.autosaveNow();
    store.waitForIdle();
    snapshot = store.restore(session, &error);
    QVERIFY2(snapshot, qPrintable(error));
    QCOMPARE(snapshot->meta().title, QStringLiteral("while it was full"));
    QVERIFY2(w.saveTo(m_design, &error), qPrintable(error));
    QVERIFY(!w.isModified());
    store.waitForIdle();
    QCOMPARE(filesIn(store.folder()), QStringList());
}

int main(int argc, char *argv[])
{
    if (const int code = test::runChildIf(argc, argv, "--save-child", 3, runSaveChild); code >= 0)
        return code;
    QApplication app(argc, argv);
    TestWindowKillLoop test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window_kill_loop.moc"
