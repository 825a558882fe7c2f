// SPDX-License-Identifier: MIT
// Practice mode in the window: start, clock, checklist and notes, hint, submit, result list
// with highlight, history, recovery of the clock.
#include "Diagram.h"
#include "DiagramReader.h"
#include "MainWindow.h"
#include "PracticeHistory.h"
#include "PracticeMode.h"
#include "PracticeState.h"
#include "RecoveryStore.h"
#include "canvas/ComponentItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "practice/HistoryDialog.h"
#include "practice/PracticeDock.h"
#include "practice/ProblemPicker.h"
#include "practice/ScoreChart.h"

#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace mls;

namespace {

int resultRows(QTreeWidget *tree)
{
    int n = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        n += tree->topLevelItem(i)->childCount();
    return n;
}

QTreeWidgetItem *resultRow(QTreeWidget *tree, const QString &itemId)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
            QTreeWidgetItem *row = tree->topLevelItem(i)->child(j);
            if (row->data(0, Qt::UserRole).toString() == itemId)
                return row;
        }
    }
    return nullptr;
}

} // namespace

class TestPracticeWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startAddSubmitListsItems()
    {
        QTemporaryDir history;
        MainWindow w;
        PracticeMode *practice = w.practiceMode();
        practice->setHistoryFolder(history.path());
        QVERIFY(!practice->active());
        QCOMPARE(practice->start(QStringLiteral("video_recommendation"), 45),
                 static_cast<QMainWindow *>(&w));
        QVERIFY(practice->active());
        QVERIFY(practice->dockWidget()->isVisibleTo(&w));
        QVERIFY(w.isModified()); // autosaved into the recovery file from the start
        QCOMPARE(practice->state().minutes, 45);

        w.view()->addComponent(QStringLiteral("client"), {0, 0});
        w.view()->addComponent(QStringLiteral("ranking"), {300, 0});
        w.view()->addComponent(QStringLiteral("vector_db"), {600, 0});
        practice->advanceClock(7 * 60000); // into the second step
        practice->dock()->submitButton()->click();

        const Grade &g = practice->lastGrade();
        QVERIFY(practice->state().submitted);
        QVERIFY(g.score < 30); // parts of two roles, minus two rule errors
        QCOMPARE(g.item(QStringLiteral("two_stage"))->status, ItemStatus::Partial);
        QCOMPARE(resultRows(practice->dock()->results()), int(g.items.size()));
        QVERIFY(practice->dock()->scoreLabel()->text().contains(QString::number(g.score)));
        QVERIFY(!practice->dock()->submitButton()->isEnabled());

        // Selecting a role highlights the components that (partly) fill it.
        QTreeWidgetItem *row = resultRow(practice->dock()->results(), QStringLiteral("two_stage"));
        QVERIFY(row);
        practice->dock()->results()->setCurrentItem(row);
        QCOMPARE(w.scene()->selectedComponentIds().size(), 2);
        QVERIFY(practice->dock()->detailLabel()->text().contains(QStringLiteral("Why it matters")));

        // The history keeps the attempt with its score; the dialog shows it.
        PracticeHistory kept(history.path());
        const QVector<Attempt> attempts = kept.attempts(QStringLiteral("video_recommendation"));
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.constFirst().score, g.score);
        QCOMPARE(attempts.constFirst().path, practice->lastAttemptPath());
        qint64 perStep = 0;
        for (qint64 ms : attempts.constFirst().state.stepMs)
            perStep += ms;
        QVERIFY2(perStep >= 7 * 60000, qPrintable(QString::number(perStep)));
        HistoryDialog dialog(kept, QStringLiteral("video_recommendation"));
        QCOMPARE(dialog.table()->rowCount(), 1);
        QVERIFY2(
            dialog.table()->item(0, 4)->text().contains(QStringLiteral("Clarify requirements")),
            qPrintable(dialog.table()->item(0, 4)->text())); // time per step
        QCOMPARE(dialog.chart()->scores(), QVector<int>{g.score});
        QString reopened;
        connect(&dialog, &HistoryDialog::openRequested, this,
                [&](const QString &p) { reopened = p; });
        dialog.table()->selectRow(0);
        Q_EMIT dialog.table()->cellDoubleClicked(0, 0);
        QCOMPARE(reopened, attempts.constFirst().path);
        // Reopening it shows the result again.
        MainWindow again;
        QString error;
        QVERIFY2(again.openFile(reopened, &error), qPrintable(error));
        QVERIFY(again.practiceMode()->active());
        QCOMPARE(again.practiceMode()->lastGrade().score, g.score);
    }

    void compareColoursPairedCards()
    {
        MainWindow w;
        PracticeMode *practice = w.practiceMode();
        QTemporaryDir history;
        practice->setHistoryFolder(history.path());
        practice->start(QStringLiteral("video_recommendation"), 45);
        w.view()->addComponent(QStringLiteral("client"), {0, 0});
        w.view()->addComponent(QStringLiteral("ranking"), {300, 0});
        w.view()->addComponent(QStringLiteral("quantum_annealer"), {600, 0}); // matches nothing
        QStringList mine;
        for (const Component &c : w.diagram()->components())
            mine << c.id;
        practice->compareWithReference();

        MainWindow *reference = nullptr;
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *mw = qobject_cast<MainWindow *>(top); mw && mw != &w)
                reference = mw;
        }
        QVERIFY(reference);
        QHash<QRgb, int> colours; // each pair colour once on each board
        for (const QString &id : mine) {
            const QColor c = w.scene()->componentItem(id)->pairColor();
            if (id == mine.last())
                QVERIFY(!c.isValid()); // the unknown card is "only yours"
            else
                QVERIFY2(c.isValid(), qPrintable(id));
            if (c.isValid())
                ++colours[c.rgb()];
        }
        QCOMPARE(colours.size(), 2);
        for (const Component &r : reference->diagram()->components()) {
            const QColor c = reference->scene()->componentItem(r.id)->pairColor();
            if (c.isValid())
                ++colours[c.rgb()];
        }
        for (int n : std::as_const(colours))
            QCOMPARE(n, 2);
        // Closing the comparison takes the colours off the attempt.
        QDialog *dialog = w.findChild<QDialog *>();
        QVERIFY(dialog);
        dialog->close();
        QTRY_VERIFY(!w.scene()->componentItem(mine.first())->pairColor().isValid());
        reference->setAttribute(Qt::WA_DeleteOnClose, false);
        delete reference;
    }

    void startOpensANewWindowWhenThisOneHoldsWork()
    {
        MainWindow w;
        w.view()->addComponent(QStringLiteral("client"), {0, 0});
        auto *other = qobject_cast<MainWindow *>(
            w.practiceMode()->start(QStringLiteral("rag_assistant"), 30));
        QVERIFY(other);
        QVERIFY(other && other != &w);
        QVERIFY(other->practiceMode()->active());
        QCOMPARE(other->practiceMode()->state().minutes, 30);
        QVERIFY(!w.practiceMode()->active());
        other->setAttribute(Qt::WA_DeleteOnClose, false);
        delete other;
    }

    void hintCostsTheItem()
    {
        MainWindow w;
        PracticeMode *practice = w.practiceMode();
        QTemporaryDir history;
        practice->setHistoryFolder(history.path());
        practice->start(QStringLiteral("video_recommendation"), 45);
        practice->dock()->hintButton()->click();
        QCOMPARE(practice->state().hints.size(), 1);
        const QString hinted = practice->state().hints.constFirst();
        QVERIFY(PracticeState::of(w.diagram()->meta())->hints.contains(hinted));
        practice->submit();
        const ItemResult *r = practice->lastGrade().item(hinted);
        QVERIFY(r && r->hinted);
        QCOMPARE(r->earned, 0.0);
    }

    void clockFollowsStepsAndTimesOut()
    {
        MainWindow w;
        PracticeMode *practice = w.practiceMode();
        QTemporaryDir history;
        practice->setHistoryFolder(history.path());
        practice->start(QStringLiteral("search_ranking"), 30);
        QCOMPARE(practice->state().currentStep(), QStringLiteral("clarify_requirements"));
        QCOMPARE(practice->dock()->shownStep(), QStringLiteral("clarify_requirements"));
        practice->advanceClock(4 * 60000); // 10 % of 30 min is 3 min: now framing
        QCOMPARE(practice->state().currentStep(), QStringLiteral("frame_ml_task"));
        QCOMPARE(practice->dock()->shownStep(), QStringLiteral("frame_ml_task"));
        QCOMPARE(practice->state().stepMs.value(QStringLiteral("clarify_requirements")), 4 * 60000);
        QVERIFY(practice->dock()->steps()->item(1)->font().bold());
        // Written into the document, so autosave carries it.
        QCOMPARE(PracticeState::of(w.diagram()->meta())->elapsedMs, 4 * 60000);

        practice->togglePause();
        QVERIFY(practice->state().paused);
        QCOMPARE(practice->dock()->pauseButton()->text(), QStringLiteral("Resume"));
        practice->togglePause();
        QVERIFY(!practice->state().paused);

        practice->advanceClock(27 * 60000); // past 30 minutes: graded
        QVERIFY(practice->state().submitted);
        QVERIFY(practice->dock()->results()->topLevelItemCount() > 0);
    }

    void checklistAndNotesAreSaved()
    {
        MainWindow w;
        PracticeMode *practice = w.practiceMode();
        practice->start(QStringLiteral("video_recommendation"), 45);
        QListWidget *checks = practice->dock()->checks();
        QVERIFY(checks->count() >= 3);
        checks->item(1)->setCheckState(Qt::Checked);
        QVERIFY(PracticeState::of(w.diagram()->meta())
                    ->checked.contains(QStringLiteral("clarify_requirements/1")));
        practice->dock()->notes()->setPlainText(QStringLiteral("1B daily users, p99 200 ms"));
        const auto steps = w.diagram()->meta().extra.find("steps");
        QVERIFY(steps != w.diagram()->meta().extra.end());
        QCOMPARE(QString::fromStdString((*steps)["clarify_requirements"].get<std::string>()),
                 QStringLiteral("1B daily users, p99 200 ms"));
        QVERIFY(w.undoStack()->canUndo());
        practice->submit();
        QCOMPARE(practice->lastGrade().item(QStringLiteral("requirements"))->status,
                 ItemStatus::Partial);
    }

    void clockSurvivesACrash()
    {
        MainWindow w;
        PracticeMode *practice = w.practiceMode();
        practice->start(QStringLiteral("realtime_fraud_detection"), 60);
        practice->advanceClock(12 * 60000);
        w.autosaveNow();
        MainWindow::recoveryStore().waitForIdle();
        // What the recovery prompt would restore after a crash.
        const QString folder = MainWindow::recoveryStore().folder();
        QString file;
        for (const QString &name :
             QDir(folder).entryList({QStringLiteral("*.mlsketch")}, QDir::Files)) {
            const ReadResult r = DiagramReader::readFile(QDir(folder).filePath(name));
            const auto s = r.ok() ? PracticeState::of(r.diagram->meta()) : std::nullopt;
            if (s && s->problem == QLatin1String("realtime_fraud_detection"))
                file = QDir(folder).filePath(name);
        }
        QVERIFY(!file.isEmpty());
        ReadResult restored = DiagramReader::readFile(file);
        MainWindow after;
        after.adoptRecovered(std::move(restored.diagram), QString(), QString());
        QVERIFY(after.practiceMode()->active());
        QCOMPARE(after.practiceMode()->state().elapsedMs, 12 * 60000);
        QCOMPARE(after.practiceMode()->state().minutes, 60);
        QCOMPARE(after.practiceMode()->state().currentStep(), QStringLiteral("data_preparation"));
        // The time per step comes back too (History shows it).
        qint64 perStep = 0;
        for (qint64 ms : after.practiceMode()->state().stepMs)
            perStep += ms;
        QCOMPARE(perStep, 12 * 60000);
    }

    void pickerSearches()
    {
        ProblemPicker picker;
        QCOMPARE(picker.minutes(), 45);
        picker.searchField()->setText(QStringLiteral("fraud"));
        int visible = 0;
        for (int i = 0; i < picker.list()->count(); ++i)
            visible += !picker.list()->item(i)->isHidden();
        QCOMPARE(visible, 1);
        QCOMPARE(picker.problemId(), QStringLiteral("realtime_fraud_detection"));
        picker.searchField()->setText(QStringLiteral("no such problem"));
        QVERIFY(picker.problemId().isEmpty());
    }
};

QTEST_MAIN(TestPracticeWindow)
#include "tst_practice_window.moc"
