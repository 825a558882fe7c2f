// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "CheckCommand.h"
#include "DesignReview.h"
#include "Diagram.h"
#include "MainWindow.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "commands/AddItemsCommand.h"
#include "commands/SetMetaCommand.h"
#include "panels/LatencyPanel.h"
#include "panels/ProblemsPanel.h"
#include "rules/RuleController.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace mls;
using namespace mls::test;

/// Design rules as a person meets them in the window: draw a flaw, read the findings, fix or
/// waive them, save and reopen, and get the same findings as `mlsketch check`.
class TestRulesWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void docksArePlaced();
    void statusBarCounts_data();
    void statusBarCounts();
    void drawFlawThenFixUntilEmpty();
    void findingsArriveAfterTheFirstFrame();
    void panelBehindATabCatchesUpWhenChosen();
    void sameFindingsAsCheckCommand();
    void waiveFromContextMenuSurvivesReopen();
    void metaChangeRechecks();
    void userRulePacks();
    void clickingABadgedCardExplainsIt();
};

namespace {

QString rulesData(const char *name)
{
    return QStringLiteral(MLS_TEST_DATA_DIR "/rules/") + QLatin1String(name);
}

QString templatePath()
{
    return QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch");
}

QString statusText(MainWindow &w)
{
    w.designReview()->rules()->flush();
    return w.designReview()->statusButton()->text();
}

QAction *actionStartingWith(QMenu &menu, const QString &prefix)
{
    for (QAction *a : menu.actions()) {
        if (a->text().startsWith(prefix))
            return a;
    }
    return nullptr;
}

} // namespace

void TestRulesWindow::docksArePlaced()
{
    MainWindow w;
    DesignReview *review = w.designReview();
    QCOMPARE(w.dockWidgetArea(review->problemsDock()), Qt::BottomDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(review->latencyDock()), Qt::BottomDockWidgetArea);
    QVERIFY(w.tabifiedDockWidgets(review->problemsDock()).contains(review->latencyDock()));
    // Both can be shown again from View → Panels.
    QStringList panels;
    for (QDockWidget *dock : w.findChildren<QDockWidget *>())
        panels << dock->windowTitle();
    QVERIFY(panels.contains("Problems"));
    QVERIFY(panels.contains("Latency"));
    // Moved to a side, the Problems dock stacks its details under the list.
    auto *split = review->problems()->findChild<QSplitter *>();
    QCOMPARE(split->orientation(), Qt::Horizontal);
    w.addDockWidget(Qt::RightDockWidgetArea, review->problemsDock());
    QCOMPARE(split->orientation(), Qt::Vertical);
    w.addDockWidget(Qt::BottomDockWidgetArea, review->problemsDock());
    QCOMPARE(split->orientation(), Qt::Horizontal);
}

void TestRulesWindow::statusBarCounts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("status");
    QTest::newRow("template") << templatePath() << "No problems";
    QTest::newRow("flawed") << rulesData("flawed.mlsketch") << "2 errors";
    QTest::newRow("warnings only") << rulesData("warnings_only.mlsketch") << "";
    QTest::newRow("waived error") << rulesData("waived_error.mlsketch") << "No problems";
    QTest::newRow("infos only") << QStringLiteral(MLS_TEST_DATA_DIR "/sound/rag_chat.mlsketch")
                                << "3 infos";
    QTest::newRow("small") << QStringLiteral(MLS_TEST_DATA_DIR "/good/small.mlsketch")
                           << "2 warnings";
}

void TestRulesWindow::statusBarCounts()
{
    QFETCH(QString, file);
    QFETCH(QString, status);
    MainWindow w;
    QString error;
    QVERIFY2(w.openFile(file, &error), qPrintable(error));
    RuleController *rules = w.designReview()->rules();
    if (status.isEmpty()) { // built from the counts
        QStringList parts;
        if (int n = rules->count(Severity::Error))
            parts << QStringLiteral("%1 error%2").arg(n).arg(n == 1 ? "" : "s");
        if (int n = rules->count(Severity::Warning))
            parts << QStringLiteral("%1 warning%2").arg(n).arg(n == 1 ? "" : "s");
        QVERIFY(!parts.isEmpty());
        status = parts.join(" · ");
    }
    QCOMPARE(statusText(w), status);
    // Clicking it brings the Problems dock forward.
    w.designReview()->latencyDock()->raise();
    w.designReview()->statusButton()->click();
    QVERIFY(!w.designReview()->problemsDock()->isHidden());
}

void TestRulesWindow::drawFlawThenFixUntilEmpty()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templatePath(), &error));
    DesignReview *review = w.designReview();
    QCOMPARE(statusText(w), QString("No problems"));

    // Draw a flaw: the API calls the trainer synchronously.
    w.undoStack()->push(
        AddItemsCommand::connect(w.diagram(), connection("bad", "api", "trainer", "requests")));
    QTRY_COMPARE(review->statusButton()->text(), QString("1 error"));
    review->problems()->refresh();
    const QVector<FindingsModel::Row> errors =
        review->problems()->findings()->rows(ProblemsPanel::Section::Errors);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].rule, QString("MLS-003"));
    QVERIFY(w.scene()->connectionItem("bad")->marker().has_value());

    // Learn why, then fix it: delete the arrow.
    QVERIFY(review->problems()->selectFinding(errors[0].key));
    QVERIFY(review->problems()->details()->toPlainText().contains("How to fix it"));
    w.scene()->selectIds({"bad"});
    QMetaObject::invokeMethod(w.findChild<QAction *>("editDelete"), "trigger");
    QTRY_COMPARE(review->statusButton()->text(), QString("No problems"));
    review->problems()->refresh();
    QVERIFY(!review->problems()->sectionIndex(ProblemsPanel::Section::Errors).isValid());
    QVERIFY(review->rules()->findings().isEmpty());
}

/// Counts the paints of a widget, and whether the findings were there at the first.
class FirstPaintProbe : public QObject
{
public:
    explicit FirstPaintProbe(RuleController *rules) : m_rules(rules) {}
    int paints = 0;
    int findingsAtFirstPaint = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && paints++ == 0)
            findingsAtFirstPaint = int(m_rules->findings().size());
        return QObject::eventFilter(watched, event);
    }

private:
    RuleController *m_rules;
};

void TestRulesWindow::panelBehindATabCatchesUpWhenChosen()
{
    // The Problems and Latency docks share a tab: the one behind is not rebuilt on every
    // re-check (Qt keeps it "visible", moved out of the window), and shows the current
    // findings as soon as its tab is chosen.
    MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QString error;
    QVERIFY(w.openFile(templatePath(), &error));
    DesignReview *review = w.designReview();
    QCOMPARE(statusText(w), QString("No problems"));
    QTRY_VERIFY(!review->problems()->visibleRegion().isEmpty());
    QVERIFY(!review->problems()->sectionIndex(ProblemsPanel::Section::Errors).isValid());

    review->latencyDock()->raise();
    QTRY_VERIFY(review->problems()->visibleRegion().isEmpty());
    QVERIFY(review->problems()->isVisible()); // what the panel used to ask
    w.undoStack()->push(
        AddItemsCommand::connect(w.diagram(), connection("bad", "api", "trainer", "requests")));
    QCOMPARE(statusText(w), QString("1 error"));
    QCoreApplication::processEvents();
    QVERIFY(!review->problems()->sectionIndex(ProblemsPanel::Section::Errors).isValid());

    review->problemsDock()->raise();
    QTRY_VERIFY(review->problems()->sectionIndex(ProblemsPanel::Section::Errors).isValid());
    QCOMPARE(review->problems()->findings()->rows(ProblemsPanel::Section::Errors).size(), 1);
}

void TestRulesWindow::findingsArriveAfterTheFirstFrame()
{
    // A window on screen draws the opened board first, then checks it on the next turn of the
    // event loop; the status bar says so meanwhile. A window not shown checks at once.
    MainWindow w;
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    DesignReview *review = w.designReview();
    RuleController *rules = review->rules();
    FirstPaintProbe probe(rules);
    w.view()->viewport()->installEventFilter(&probe);
    QString error;
    QVERIFY(w.openFile(rulesData("flawed.mlsketch"), &error));
    QVERIFY(rules->isPending());
    QVERIFY(rules->findings().isEmpty());
    QCOMPARE(review->statusButton()->text(), QString("Checking…"));
    QTRY_VERIFY(!rules->isPending());
    QCOMPARE(probe.findingsAtFirstPaint, 0);
    QVERIFY(probe.paints > 0);
    QCOMPARE(review->statusButton()->text(), QString("2 errors"));
    QTRY_VERIFY(!review->problems()->findings()->rows(ProblemsPanel::Section::Errors).isEmpty());
    QVERIFY(w.scene()->componentItem("trainer")->marker().has_value());

    // Anything that reads the findings first runs a pending check (flush).
    QVERIFY(w.openFile(templatePath(), &error));
    QVERIFY(rules->isPending());
    rules->flush();
    QVERIFY(!rules->isPending());
    QCOMPARE(review->statusButton()->text(), QString("No problems"));

    MainWindow hidden;
    QVERIFY(hidden.openFile(rulesData("flawed.mlsketch"), &error));
    QVERIFY(!hidden.designReview()->rules()->isPending());
    QCOMPARE(hidden.designReview()->statusButton()->text(), QString("2 errors"));
}

void TestRulesWindow::sameFindingsAsCheckCommand()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(templatePath(), &error));
    // Several flaws drawn live, re-checked incrementally.
    w.undoStack()->push(
        AddItemsCommand::connect(w.diagram(), connection("x1", "api", "trainer", "requests")));
    w.undoStack()->push(AddItemsCommand::addComponent(w.diagram(), component("v", "vector_db")));
    w.undoStack()->push(
        AddItemsCommand::connect(w.diagram(), connection("x2", "registry", "client", "model")));
    w.designReview()->rules()->flush();
    QTemporaryDir dir;
    const QString path = dir.filePath("flawed.mlsketch");
    QVERIFY2(w.saveTo(path, &error), qPrintable(error));

    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    CheckCommand::run({path, "--format", "json"}, out, err);
    out.flush();
    const QJsonArray cli = QJsonDocument::fromJson(outText.toUtf8()).array();
    QStringList fromCli, fromWindow;
    for (const QJsonValue &v : cli) {
        const QJsonObject o = v.toObject();
        fromCli << o["rule"].toString() + " " + o["severity"].toString() + " " +
                       o["message"].toString();
    }
    for (const Finding &f : w.designReview()->rules()->findings())
        fromWindow << f.rule() + " " + severityName(f.severity()) + " " + f.message();
    QVERIFY(fromCli.size() >= 3);
    QCOMPARE(fromWindow, fromCli); // same order too: both sort with RuleEngine::sort
}

void TestRulesWindow::waiveFromContextMenuSurvivesReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("waived.mlsketch");
    QVERIFY(QFile::copy(rulesData("flawed.mlsketch"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    {
        MainWindow w;
        QString error;
        QVERIFY(w.openFile(path, &error));
        DesignReview *review = w.designReview();
        review->problems()->setReasonPrompt([](QWidget *, const Finding &, QString *reason) {
            *reason = "dashboards are fed by hand";
            return true;
        });
        // The menu a right-click on the "Dashboards" card builds.
        QMenu menu;
        review->addContextActions(&menu, "mon");
        QAction *waive = actionStartingWith(menu, "Waive MLS-015");
        QVERIFY(waive);
        QVERIFY(!actionStartingWith(menu, "Waive MLS-003")); // not about this card
        waive->trigger();
        review->rules()->flush();
        review->problems()->refresh();
        QCOMPARE(review->problems()->findings()->rows(ProblemsPanel::Section::Waived).size(), 1);
        QVERIFY(!w.scene()->componentItem("mon")->marker()); // waived: no badge
        QVERIFY(w.isModified());
        QVERIFY2(w.saveTo(path, &error), qPrintable(error));
    }
    MainWindow reopened;
    QString error;
    QVERIFY(reopened.openFile(path, &error));
    DesignReview *review = reopened.designReview();
    review->problems()->refresh();
    const QVector<FindingsModel::Row> waived =
        review->problems()->findings()->rows(ProblemsPanel::Section::Waived);
    QCOMPARE(waived.size(), 1);
    QCOMPARE(waived[0].rule, QString("MLS-015"));
    const Finding *f = review->rules()->finding(waived[0].key);
    QVERIFY(f);
    QCOMPARE(f->waiverReason(), QString("dashboards are fed by hand"));

    // Unwaive from the same menu; undo puts the waiver back.
    QMenu menu;
    review->addContextActions(&menu, "mon");
    QAction *unwaive = actionStartingWith(menu, "Remove Waiver MLS-015");
    QVERIFY(unwaive);
    unwaive->trigger();
    QCOMPARE(statusText(reopened), QString("2 errors"));
    QVERIFY(reopened.diagram()->component("mon")->waivers.isEmpty());
    QVERIFY(reopened.scene()->componentItem("mon")->marker().has_value());
    reopened.undoStack()->undo();
    review->rules()->flush();
    QCOMPARE(reopened.diagram()->component("mon")->waivers.size(), 1);
    QCOMPARE(review->rules()->waivedCount(), 1);
}

void TestRulesWindow::metaChangeRechecks()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(rulesData("flawed.mlsketch"), &error));
    QCOMPARE(statusText(w), QString("2 errors"));
    Meta meta = w.diagram()->meta();
    meta.extra["severity_overrides"] = Json{{"MLS-003", "warning"}};
    w.undoStack()->push(new SetMetaCommand(w.diagram(), meta));
    QTRY_COMPARE(w.designReview()->statusButton()->text(), QString("1 error · 1 warning"));
    w.undoStack()->undo();
    QTRY_COMPARE(w.designReview()->statusButton()->text(), QString("2 errors"));
}

void TestRulesWindow::userRulePacks()
{
    const QString folder = DesignReview::userRulesDir();
    QVERIFY(QDir().mkpath(folder));
    const QString bad = folder + "/bad_pack.json";
    const QString good = folder + "/acme_pack.json";
    QFile::remove(bad);
    QFile::remove(good);
    QVERIFY(QFile::copy(rulesData("bad_pack.json"), bad));
    QVERIFY(QFile::copy(rulesData("acme_pack.json"), good));
    {
        MainWindow w;
        DesignReview *review = w.designReview();
        QCOMPARE(review->packErrors().size(), 1);
        QVERIFY2(review->packErrors().first().contains("bad_pack.json") &&
                     review->packErrors().first().contains("telepathy"),
                 qPrintable(review->packErrors().first()));
        QVERIFY(w.statusBar()->currentMessage().contains("telepathy"));
        QVERIFY(review->problems()->sectionIndex(ProblemsPanel::Section::RulePacks).isValid());
        const QVector<FindingsModel::Row> packs =
            review->problems()->findings()->rows(ProblemsPanel::Section::RulePacks);
        QCOMPARE(packs.size(), 1);
        QVERIFY(packs[0].text.contains("telepathy"));
        // The good pack is live: a ranker without the online store breaks ACME-001.
        QVERIFY(review->rules()->engine().rule("ACME-001"));
        QString error;
        QVERIFY(w.openFile(templatePath(), &error));
        QCOMPARE(review->rules()->findings().size(), 1);
        QCOMPARE(review->rules()->findings().first().rule(), QString("ACME-001"));
    }
    QFile::remove(bad);
    QFile::remove(good);
}

void TestRulesWindow::clickingABadgedCardExplainsIt()
{
    MainWindow w;
    QString error;
    QVERIFY(w.openFile(rulesData("flawed.mlsketch"), &error));
    ProblemsPanel *problems = w.designReview()->problems();
    problems->refresh();
    QVERIFY(problems->currentKey().isEmpty());
    w.scene()->selectIds({"trainer"}); // its badge: MLS-005 (MLS-003 is on the arrow)
    QVERIFY(problems->currentKey().startsWith("MLS-005|"));
    w.scene()->selectIds({"e1"});
    QVERIFY(problems->currentKey().startsWith("MLS-003|"));
    w.scene()->selectIds({"mon"});
    QVERIFY(problems->currentKey().startsWith("MLS-015|"));
    // Revealing a finding from the dock selects its items without switching to another one.
    QVERIFY(problems->selectFinding(
        problems->findings()->rows(ProblemsPanel::Section::Errors).constFirst().key));
    const QString shown = problems->currentKey();
    QVERIFY(shown.startsWith("MLS-003|"));
    problems->reveal(*w.designReview()->rules()->finding(shown));
    QCOMPARE(problems->currentKey(), shown);
    w.scene()->selectIds({"api"}); // also named by MLS-003: the dock stays on it
    QCOMPARE(problems->currentKey(), shown);
    w.scene()->selectIds({"api", "mon"}); // several: the dock is left alone
    QCOMPARE(problems->currentKey(), shown);
}

QTEST_MAIN(TestRulesWindow)
#include "tst_rules_window.moc"
