// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "ChildProcess.h"
#include "Diagram.h"
#include "MainWindow.h"
#include "RecoveryStore.h"
#include "commands/AddItemsCommand.h"
#include "commands/SetMetaCommand.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QUndoStack>
#include <QWindow>

#include <unistd.h>

#include <memory>

using namespace mls;

/// "Never lose work" as a user meets it: a real process is killed with unsaved edits, the
/// next start finds them and offers them back; saving or closing cleanly leaves nothing behind;
/// a failed save keeps the work.
class TestRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void killedAppLeavesRecoverableWork();
    void savingRemovesRecoveryFile();
    void cleanCloseLeavesNothing();
    void failedSaveKeepsWork_data();
    void failedSaveKeepsWork();

private:
    QStringList recoveryFiles() const;

    QTemporaryDir m_home; ///< XDG_DATA_HOME and XDG_CONFIG_HOME of this run and its child
};

namespace {

const QString boardTitle = QStringLiteral("Crash test board");
const QString clientLabel = QStringLiteral("Mobile app");
const QString gatewayLabel = QStringLiteral("Ranking API");
const QString requestLabel = QStringLiteral("ranking request");

/// Edits through the undo stack, as the canvas and the inspector make them.
void makeEdits(MainWindow &w)
{
    Diagram *d = w.diagram();
    Meta meta = d->meta();
    meta.title = boardTitle;
    w.undoStack()->push(new SetMetaCommand(d, meta));
    Component client;
    client.id = QStringLiteral("c1");
    client.kind = QStringLiteral("client");
    client.label = clientLabel;
    client.pos = QPointF(0, 0);
    w.undoStack()->push(AddItemsCommand::addComponent(d, client));
    Component gateway;
    gateway.id = QStringLiteral("c2");
    gateway.kind = QStringLiteral("api_gateway");
    gateway.label = gatewayLabel;
    gateway.pos = QPointF(300, 0);
    w.undoStack()->push(AddItemsCommand::addComponent(d, gateway));
    Connection request;
    request.id = QStringLiteral("e1");
    request.from = client.id;
    request.to = gateway.id;
    request.flow = QStringLiteral("requests");
    request.label = requestLabel;
    w.undoStack()->push(AddItemsCommand::connect(d, request));
}

/// The "app" that gets killed: edits, autosaves, says "ready", then waits to be killed.
int runCrashChild(int argc, char *argv[])
{
    QApplication app(argc, argv);
    initCoreResources();
    QString error;
    if (!Catalog::loadBuiltin(&error)) {
        QTextStream(stderr) << "crash child: " << error << '\n';
        return 2;
    }
    auto *window = new MainWindow; // deletes itself on close, which never comes
    window->show();
    makeEdits(*window);
    window->autosaveNow();
    MainWindow::recoveryStore().waitForIdle();
    QTextStream out(stdout);
    out << "ready\n";
    out.flush();
    return app.exec();
}

/// Clicks @p button on the next message box that shows up (as a user would) and returns its
/// text, filled in once clicked. Gives up after a minute so a box that never comes cannot
/// answer one of a later test.
std::shared_ptr<QString> answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto text = std::make_shared<QString>();
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QElapsedTimer clock;
    clock.start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text, clock] {
        if (clock.hasExpired(test::childTimeoutMs / 2)) {
            timer->deleteLater();
            return;
        }
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (!box || !box->isVisible() || !box->button(button))
                continue;
            *text = box->text();
            timer->stop();
            timer->deleteLater();
            box->button(button)->click();
            return;
        }
    });
    timer->start();
    return text;
}

MainWindow *findMainWindow()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<MainWindow *>(w))
            return window;
    return nullptr;
}

} // namespace

void TestRecovery::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Before anything reads QStandardPaths or QSettings: the child gets the same folders.
    test::useHome(m_home);
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
             m_home.filePath(QStringLiteral("data/mlsketch/mlsketch")));
}

void TestRecovery::cleanup()
{
    MainWindow::recoveryStore().waitForIdle();
    QVERIFY2(recoveryFiles().isEmpty(), qPrintable(recoveryFiles().join(QLatin1Char(' '))));
}

QStringList TestRecovery::recoveryFiles() const
{
    // Not through MainWindow::recoveryStore(): the crash test must read the folder before the
    // store of this process exists.
    const QDir folder(m_home.filePath(QStringLiteral("data/mlsketch/mlsketch/recovery")));
    return folder.entryList({QStringLiteral("*.mlsketch"), QStringLiteral("*.json")}, QDir::Files,
                            QDir::Name);
}

void TestRecovery::killedAppLeavesRecoverableWork()
{
    // A real crash: the app process is killed with SIGKILL, nothing of it runs afterwards.
    test::ChildProcess run;
    QVERIFY2(run.startUntilReady({QStringLiteral("--crash-child")}, 1000),
             run.errors().constData());
    QProcess &child = run.process();
    const qint64 childPid = child.processId();
    child.kill();
    QVERIFY(child.waitForFinished(test::childTimeoutMs));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(recoveryFiles().size(), 2); // <id>.mlsketch and its sidecar

    // The next start: this process's store finds the killed session as an orphan.
    RecoveryStore &store = MainWindow::recoveryStore();
    QCOMPARE(store.folder(), m_home.filePath(QStringLiteral("data/mlsketch/mlsketch/recovery")));
    const QVector<RecoverableSession> orphans = store.findOrphans();
    QCOMPARE(orphans.size(), 1);
    const RecoverableSession orphan = orphans.first();
    QCOMPARE(orphan.pid, childPid);
    QVERIFY(orphan.originalPath.isEmpty()); // never saved
    QCOMPARE(orphan.title, boardTitle);     // the document's name, not the window's title bar
    QString error;
    std::unique_ptr<Diagram> restored = store.restore(orphan.id, &error);
    QVERIFY2(restored, qPrintable(error));
    QCOMPARE(restored->meta().title, boardTitle);
    QCOMPARE(int(restored->components().size()), 2);
    QCOMPARE(restored->component(QStringLiteral("c1"))->label, clientLabel);
    QCOMPARE(restored->component(QStringLiteral("c2"))->label, gatewayLabel);
    QCOMPARE(int(restored->connections().size()), 1);
    const Connection *request = restored->connection(QStringLiteral("e1"));
    QVERIFY(request);
    QCOMPARE(request->from, QStringLiteral("c1"));
    QCOMPARE(request->to, QStringLiteral("c2"));
    QCOMPARE(request->flow, QStringLiteral("requests"));
    QCOMPARE(request->label, requestLabel);

    // The user path: the start-up prompt, answered "Yes", opens the work in a window.
    const std::shared_ptr<QString> prompt = answerNextMessageBox(QMessageBox::Yes);
    QCOMPARE(MainWindow::offerRecovery(nullptr), 1);
    QVERIFY2(prompt->contains(boardTitle), qPrintable(*prompt));
    QPointer<MainWindow> window = findMainWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(int(window->diagram()->components().size()), 2);
    QCOMPARE(window->diagram()->connection(QStringLiteral("e1"))->label, requestLabel);
    QVERIFY(window->isModified()); // restored work is unsaved work
    QVERIFY(window->isWindowModified());
    QVERIFY2(window->windowHandle()->title().startsWith(boardTitle + QLatin1Char('*')),
             qPrintable(window->windowHandle()->title()));
    QVERIFY(store.findOrphans().isEmpty()); // adopted: this process owns it now

    // Saving the restored work ends the recovery session.
    const QString path = m_home.filePath(QStringLiteral("restored.mlsketch"));
    QVERIFY2(window->saveTo(path, &error), qPrintable(error));
    QVERIFY(!window->isModified());
    QVERIFY(QFile::exists(path));
    store.waitForIdle();
    QVERIFY(store.findOrphans().isEmpty());
    QVERIFY(!QFile::exists(store.recoveryFilePath(orphan.id)));
    QVERIFY(!QFile::exists(store.sidecarPath(orphan.id)));
    QVERIFY(window->close());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!window);
}

void TestRecovery::savingRemovesRecoveryFile()
{
    MainWindow w;
    w.setAutosaveInterval(50);
    makeEdits(w);
    w.autosaveNow();
    MainWindow::recoveryStore().waitForIdle();
    const QStringList written = recoveryFiles();
    QCOMPARE(written.size(), 2);
    const QString bytesFile = written.filter(QStringLiteral(".mlsketch")).value(0);
    QVERIFY(RecoveryStore::isValidSessionId(QFileInfo(bytesFile).completeBaseName()));

    QString error;
    QVERIFY2(w.saveTo(m_home.filePath(QStringLiteral("saved.mlsketch")), &error),
             qPrintable(error));
    QTest::qWait(200); // several autosave intervals: nothing is written for a saved document
    MainWindow::recoveryStore().waitForIdle();
    QVERIFY2(recoveryFiles().isEmpty(), qPrintable(recoveryFiles().join(QLatin1Char(' '))));
}

void TestRecovery::cleanCloseLeavesNothing()
{
    // A window that was never changed writes nothing and leaves nothing.
    QPointer<MainWindow> pristine = new MainWindow;
    pristine->show();
    pristine->autosaveNow();
    MainWindow::recoveryStore().waitForIdle();
    QVERIFY(recoveryFiles().isEmpty());
    QVERIFY(pristine->close());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!pristine);
    QVERIFY(recoveryFiles().isEmpty());

    // Edited, autosaved, then undone back to where it started: no changes, so the close asks
    // nothing, and the snapshot written meanwhile goes too.
    QPointer<MainWindow> undone = new MainWindow;
    undone->show();
    makeEdits(*undone);
    undone->autosaveNow();
    MainWindow::recoveryStore().waitForIdle();
    QCOMPARE(recoveryFiles().size(), 2);
    while (undone->undoStack()->canUndo())
        undone->undoStack()->undo();
    QVERIFY(!undone->isModified());
    QVERIFY(undone->close());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!undone);
    MainWindow::recoveryStore().waitForIdle();
    QVERIFY2(recoveryFiles().isEmpty(), qPrintable(recoveryFiles().join(QLatin1Char(' '))));
}

void TestRecovery::failedSaveKeepsWork_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("needsNonRoot");
    QTest::newRow("missing folder")
        << m_home.filePath(QStringLiteral("no/such/folder/x.mlsketch")) << false;
    QTest::newRow("path is a folder")
        << m_home.filePath(QStringLiteral("a-folder.mlsketch")) << false;
    QTest::newRow("read-only folder")
        << m_home.filePath(QStringLiteral("read-only/x.mlsketch")) << true;
}

void TestRecovery::failedSaveKeepsWork()
{
    QFETCH(QString, path);
    QFETCH(bool, needsNonRoot);
    if (needsNonRoot && ::geteuid() == 0)
        QSKIP("root writes into read-only folders");
    QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("a-folder.mlsketch"))));
    const QString readOnly = m_home.filePath(QStringLiteral("read-only"));
    QVERIFY(QDir().mkpath(readOnly));
    QVERIFY(QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner));

    QPointer<MainWindow> w = new MainWindow;
    w->show();
    makeEdits(*w);
    w->autosaveNow();
    QString error;
    QVERIFY(!w->saveTo(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(w->isModified());
    QVERIFY(w->isWindowModified());
    QVERIFY(w->filePath().isEmpty());
    MainWindow::recoveryStore().waitForIdle();
    QCOMPARE(recoveryFiles().size(), 2); // the work is still safe from a crash

    // Giving up on it (the user answers "Discard") then removes the snapshot.
    const std::shared_ptr<QString> question = answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(w->close());
    QVERIFY2(question->contains(QStringLiteral("Untitled")), qPrintable(*question));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!w);
    QVERIFY(
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

int main(int argc, char *argv[])
{
    if (const int code = test::runChildIf(argc, argv, "--crash-child", 2, runCrashChild); code >= 0)
        return code;
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
