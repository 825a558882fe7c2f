// SPDX-License-Identifier: MIT
#include "Autosave.h"
#include "Diagram.h"
#include "Document.h"
#include "RecoveryStore.h"
#include "commands/AddItemsCommand.h"
#include "commands/SetMetaCommand.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace mls;

/// The document a window hands to its collaborators: name, modified state, replacing and
/// saving; and the autosave that works on it with an injected recovery store.
class TestDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void displayName_data();
    void displayName();
    void editsAndUnsavedWorkMakeItModified();
    void replaceClearsUndoAndSignals();
    void saveMarksCleanAndFailedSaveStaysModified();
    void autosaveSnapshotsUnderTheDisplayName();
    void autosaveSkipsUnmodifiedAndSaveDiscards();
};

namespace {
Component card(const QString &id)
{
    Component c;
    c.id = id;
    c.kind = QStringLiteral("cache");
    c.label = QStringLiteral("Cache ") + id;
    return c;
}
} // namespace

void TestDocument::displayName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");
    QTest::newRow("untitled") << QString() << QString() << QStringLiteral("Untitled");
    QTest::newRow("title") << QString() << QStringLiteral("Fraud") << QStringLiteral("Fraud");
    QTest::newRow("file wins") << QStringLiteral("/tmp/x/board.mlsketch") << QStringLiteral("Fraud")
                               << QStringLiteral("board.mlsketch");
}

void TestDocument::displayName()
{
    QFETCH(QString, path);
    QFETCH(QString, title);
    QFETCH(QString, expected);
    Document doc;
    auto d = std::make_unique<Diagram>();
    Meta m = d->meta();
    m.title = title;
    d->setMeta(m);
    doc.replace(std::move(d), path);
    QCOMPARE(doc.displayName(), expected);
}

void TestDocument::editsAndUnsavedWorkMakeItModified()
{
    Document doc;
    QSignalSpy title(&doc, &Document::titleChanged);
    QVERIFY(!doc.isModified());
    QVERIFY(doc.holdsNothing());
    doc.undoStack()->push(AddItemsCommand::addComponent(doc.diagram(), card("c1")));
    QVERIFY(doc.isModified());
    QVERIFY(!doc.holdsNothing());
    QVERIFY(!title.isEmpty());
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
    doc.markUnsaved(); // restored or imported work is in no undo step
    QVERIFY(doc.isModified());
}

void TestDocument::replaceClearsUndoAndSignals()
{
    Document doc;
    doc.undoStack()->push(AddItemsCommand::addComponent(doc.diagram(), card("c1")));
    QSignalSpy before(&doc, &Document::aboutToReplace);
    QSignalSpy after(&doc, &Document::replaced);
    doc.replace(std::make_unique<Diagram>(), QStringLiteral("/tmp/other.mlsketch"));
    QCOMPARE(before.count(), 1);
    QCOMPARE(after.count(), 1);
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isModified());
    QVERIFY(doc.diagram()->components().empty());
    QCOMPARE(doc.filePath(), QStringLiteral("/tmp/other.mlsketch"));
}

void TestDocument::saveMarksCleanAndFailedSaveStaysModified()
{
    QTemporaryDir dir;
    Document doc;
    doc.undoStack()->push(AddItemsCommand::addComponent(doc.diagram(), card("c1")));
    QString error;
    QVERIFY(!doc.save(dir.filePath(QStringLiteral("missing/folder/a.mlsketch")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(doc.isModified());
    QVERIFY(doc.filePath().isEmpty());
    QSignalSpy saved(&doc, &Document::saved);
    const QString path = dir.filePath(QStringLiteral("a.mlsketch"));
    QVERIFY2(doc.save(path, &error), qPrintable(error));
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.filePath(), path);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(doc.displayName(), QStringLiteral("a.mlsketch"));
}

void TestDocument::autosaveSnapshotsUnderTheDisplayName()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.path());
    Document doc;
    Autosave autosave(&doc, store);
    QVERIFY(!autosave.isScheduled());
    auto *meta = new SetMetaCommand(doc.diagram(), [] {
        Meta m;
        m.title = QStringLiteral("Ads ranking");
        return m;
    }());
    doc.undoStack()->push(meta);
    QVERIFY(autosave.isScheduled()); // the first edit starts the clock
    autosave.saveNow();
    QVERIFY(!autosave.sessionId().isEmpty());
    store.waitForIdle();
    QVERIFY(QFile::exists(store.recoveryFilePath(autosave.sessionId())));
    QFile sidecar(store.sidecarPath(autosave.sessionId()));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    QVERIFY(sidecar.readAll().contains("Ads ranking"));
}

void TestDocument::autosaveSkipsUnmodifiedAndSaveDiscards()
{
    QTemporaryDir dir;
    RecoveryStore store(dir.filePath(QStringLiteral("recovery")));
    Document doc;
    Autosave autosave(&doc, store);
    autosave.saveNow();
    QVERIFY(autosave.sessionId().isEmpty()); // nothing unsaved: no snapshot
    doc.undoStack()->push(AddItemsCommand::addComponent(doc.diagram(), card("c1")));
    autosave.saveNow();
    store.waitForIdle();
    const QString snapshot = store.recoveryFilePath(autosave.sessionId());
    QVERIFY(QFile::exists(snapshot));
    QString error;
    QVERIFY2(doc.save(dir.filePath(QStringLiteral("b.mlsketch")), &error), qPrintable(error));
    QVERIFY(autosave.sessionId().isEmpty());
    QVERIFY(!autosave.isScheduled());
    QVERIFY(!QFile::exists(snapshot));
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
