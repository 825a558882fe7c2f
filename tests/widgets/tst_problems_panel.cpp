// SPDX-License-Identifier: MIT
#include "../RuleEdits.h"
#include "../TestDiagrams.h"
#include "Catalog.h"
#include "Diagram.h"
#include "DiagramReader.h"
#include "RuleEngine.h"
#include "canvas/ComponentItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditComponentCommand.h"
#include "commands/RemoveItemsCommand.h"
#include "panels/FindingsFilter.h"
#include "panels/ProblemsPanel.h"
#include "panels/WaiverDialog.h"
#include "rules/RuleController.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace mls;
using namespace mls::test;

/// The Problems dock on a live rule controller: grouping, filters, details, revealing on the
/// board, waivers and stale waivers, all following edits and undo.
class TestProblemsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waiveNeedsAReason();
    void liveUpdateAndFix();
    void editsAreCoalesced();
    void groupsAndCounts_data();
    void groupsAndCounts();
    void severityAndTextFilters();
    void detailsTeach();
    void detailsShownWhole_data();
    void detailsShownWhole();
    void activateRevealsOnBoard_data();
    void activateRevealsOnBoard();
    void waiveMovesToWaivedAndUndo();
    void waiverTargets_data();
    void waiverTargets();
    void staleWaiverRemovable();
    void selectionAndScrollSurviveRecheck_data();
    void selectionAndScrollSurviveRecheck();
    void collapsedSectionStaysCollapsed();
    void longSectionStartsCollapsed();
    void bigDiagramStaysResponsive();
    void controllerListsEngineSorted();
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

/// A controller, panel and board on one document, as the window wires them.
struct Harness
{
    std::unique_ptr<Diagram> diagram;
    QUndoStack stack;
    RuleController rules;
    std::unique_ptr<DiagramScene> scene;
    std::unique_ptr<ProblemsPanel> panel;

    explicit Harness(std::unique_ptr<Diagram> d) : diagram(std::move(d))
    {
        scene = std::make_unique<DiagramScene>(diagram.get());
        scene->setUndoStack(&stack);
        panel = std::make_unique<ProblemsPanel>(&rules);
        panel->setScene(scene.get());
        QObject::connect(&rules, &RuleController::findingsChanged, scene.get(),
                         [this] { scene->setFindings(rules.findings()); });
        rules.setDocument(diagram.get(), &stack);
    }
    ~Harness() { rules.setDocument(nullptr, nullptr); }
    /// Runs the coalesced re-check now and lets the panel follow.
    void settle()
    {
        rules.flush();
        panel->refresh();
    }
    QStringList rulesIn(ProblemsPanel::Section g) const
    {
        QStringList ids;
        for (const FindingsModel::Row &r : panel->findings()->rows(g))
            ids << r.rule;
        return ids;
    }
    /// Key of the first row of @p rule in section @p g.
    QString keyOf(ProblemsPanel::Section g, const QString &rule) const
    {
        for (const FindingsModel::Row &r : panel->findings()->rows(g)) {
            if (r.rule == rule)
                return r.key;
        }
        return {};
    }
    /// The section's header is shown.
    bool shown(ProblemsPanel::Section g) const { return panel->sectionIndex(g).isValid(); }
};

} // namespace

void TestProblemsPanel::liveUpdateAndFix()
{
    Harness h(readDesign(templatePath()));
    QVERIFY(h.rules.findings().isEmpty());
    QVERIFY(!h.shown(ProblemsPanel::Section::Errors));

    // A model registry "feeding" the client: no flow fits (MLS-001), drawn anyway.
    h.stack.push(AddItemsCommand::connect(h.diagram.get(),
                                          connection("bad", "registry", "client", "model")));
    QTRY_VERIFY(!h.rules.isPending()); // the timer, not the test, runs the re-check
    h.panel->refresh();
    QCOMPARE(h.rulesIn(ProblemsPanel::Section::Errors), QStringList{"MLS-001"});
    QCOMPARE(h.panel->sectionText(ProblemsPanel::Section::Errors), QString("Errors (1)"));
    QVERIFY(h.shown(ProblemsPanel::Section::Errors));
    QVERIFY(h.scene->connectionItem("bad")->marker().has_value());
    QCOMPARE(h.scene->connectionItem("bad")->marker()->severity, Severity::Error);

    // Fixing it (deleting the arrow) empties the dock and the board's markers.
    h.stack.push(new RemoveItemsCommand(h.diagram.get(), {}, {"bad"}));
    h.settle();
    QVERIFY(h.rules.findings().isEmpty());
    QVERIFY(!h.shown(ProblemsPanel::Section::Errors));
    QCOMPARE(h.panel->visibleCount(ProblemsPanel::Section::Errors), 0);

    // Undo brings the problem back, redo fixes it again.
    h.stack.undo();
    h.settle();
    QCOMPARE(h.rulesIn(ProblemsPanel::Section::Errors), QStringList{"MLS-001"});
    h.stack.redo();
    h.settle();
    QVERIFY(h.rules.findings().isEmpty());
}

void TestProblemsPanel::editsAreCoalesced()
{
    Harness h(readDesign(templatePath()));
    int published = 0;
    connect(&h.rules, &RuleController::findingsChanged, this, [&] { ++published; });
    // A burst of edits (typing a label) costs one re-check, and moves cost none.
    for (const char *label : {"R", "Ra", "Ran", "Rank"})
        h.stack.push(EditComponentCommand::setLabel(h.diagram.get(), "ranking", label));
    h.diagram->moveComponent("ranking", QPointF(999, 999));
    QCOMPARE(published, 0);
    QTRY_COMPARE(published, 1);
    h.diagram->moveComponent("ranking", QPointF(0, 999));
    QTest::qWait(20);
    QCOMPARE(published, 1);
    QVERIFY(!h.rules.isPending());
}

void TestProblemsPanel::groupsAndCounts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QStringList>("warnings");
    QTest::addColumn<QStringList>("infos");
    QTest::addColumn<QStringList>("waived");
    QTest::newRow("flawed") << rulesData("flawed.mlsketch") << QStringList{"MLS-003", "MLS-005"}
                            << QStringList{} << QStringList{"MLS-015"} << QStringList{};
    QTest::newRow("waived error") << rulesData("waived_error.mlsketch") << QStringList{}
                                  << QStringList{} << QStringList{} << QStringList{"MLS-004"};
    QTest::newRow("template") << templatePath() << QStringList{} << QStringList{} << QStringList{}
                              << QStringList{};
}

void TestProblemsPanel::groupsAndCounts()
{
    QFETCH(QString, file);
    QFETCH(QStringList, errors);
    QFETCH(QStringList, warnings);
    QFETCH(QStringList, infos);
    QFETCH(QStringList, waived);
    Harness h(readDesign(file));
    h.panel->refresh();
    // What the panel lists is what `mlsketch check` computes: the engine's full check.
    RuleEngine engine;
    QVector<Finding> expected = engine.check(*h.diagram);
    QCOMPARE(h.rules.findings().size(), expected.size());

    using G = ProblemsPanel::Section;
    const std::pair<G, QStringList> groups[] = {
        {G::Errors, errors}, {G::Warnings, warnings}, {G::Infos, infos}, {G::Waived, waived}};
    const char *names[] = {"Errors", "Warnings", "Infos", "Waived"};
    int i = 0;
    for (const auto &[group, ids] : groups) {
        QStringList listed = h.rulesIn(group);
        listed.sort();
        QCOMPARE(listed, ids);
        QCOMPARE(!h.shown(group), ids.isEmpty());
        const QString header = QStringLiteral("%1 (%2)").arg(names[i++]).arg(ids.size());
        QCOMPARE(h.panel->sectionText(group), ids.isEmpty() ? QString() : header);
    }
    QCOMPARE(h.rules.count(Severity::Error), errors.size());
    QCOMPARE(h.rules.waivedCount(), waived.size());
}

void TestProblemsPanel::severityAndTextFilters()
{
    Harness h(readDesign(rulesData("flawed.mlsketch")));
    h.panel->refresh();
    using G = ProblemsPanel::Section;
    QCOMPARE(h.panel->visibleCount(G::Errors), 2);
    h.panel->severityFilter(Severity::Error)->setChecked(false);
    QCOMPARE(h.panel->visibleCount(G::Errors), 0);
    QCOMPARE(h.panel->sectionText(G::Errors), QString("Errors (0 of 2 shown)"));
    QCOMPARE(h.panel->visibleCount(G::Infos), 1);
    h.panel->severityFilter(Severity::Info)->setChecked(false);
    QVERIFY(h.panel->sectionText(G::Infos).endsWith("(0 of 1 shown)"));
    h.panel->severityFilter(Severity::Info)->setChecked(true);
    h.panel->severityFilter(Severity::Error)->setChecked(true);

    h.panel->filterField()->setText("trainer");
    // Rows whose message, rule id or title mention the trainer stay.
    for (G g : {G::Errors, G::Infos}) {
        for (const FindingsModel::Row &row : h.panel->findings()->rows(g)) {
            const bool matches =
                row.text.contains("trainer", Qt::CaseInsensitive) ||
                h.rules.finding(row.key)->title().contains("trainer", Qt::CaseInsensitive);
            QCOMPARE(h.panel->indexOfKey(row.key).isValid(), matches);
        }
    }
    h.panel->filterField()->setText("MLS-015");
    QCOMPARE(h.panel->visibleCount(G::Errors), 0);
    QCOMPARE(h.panel->visibleCount(G::Infos), 1);
    h.panel->filterField()->clear();
    QCOMPARE(h.panel->visibleCount(G::Errors), 2);
    QCOMPARE(h.panel->visibleCount(G::Infos), 1);
}

void TestProblemsPanel::detailsTeach()
{
    Harness h(readDesign(rulesData("waived_error.mlsketch")));
    h.panel->refresh();
    const Finding f = h.rules.findings().constFirst();
    QVERIFY(h.panel->selectFinding(f.key()));
    QCOMPARE(h.panel->currentKey(), f.key());
    const QString text = h.panel->details()->toPlainText();
    for (const QString &part : {f.title(), f.rule(), QString("Error"), f.message(), f.explanation(),
                                f.fix(), QString("hand-written scoring rules, no trained model")})
        QVERIFY2(text.contains(part), qPrintable(part + " not in:\n" + text));
    QVERIFY(text.contains("Why it matters"));
    QVERIFY(text.contains("How to fix it"));
    QVERIFY(text.contains("Waived because"));
}

void TestProblemsPanel::detailsShownWhole_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("beside"); ///< list and details side by side (a bottom dock)
    // A bottom dock in a 1280 × 800 window, lower than the text needs at any width (the
    // pane asks the dock for more height), and a side dock.
    for (const char *name : {"flawed.mlsketch", "warnings_only.mlsketch", "waived_error.mlsketch",
                             "stale_waivers.mlsketch"}) {
        QTest::addRow("%s, bottom dock", name) << rulesData(name) << QSize(1280, 150) << true;
        QTest::addRow("%s, side dock", name) << rulesData(name) << QSize(300, 640) << false;
    }
}

/// Whatever finding is selected, its why and fix read without scrolling at the dock's first
/// size: the pane takes the room its text needs.
void TestProblemsPanel::detailsShownWhole()
{
    QFETCH(QString, file);
    QFETCH(QSize, size);
    QFETCH(bool, beside);
    Harness h(readDesign(file));
    h.panel->setOrientation(beside ? Qt::Horizontal : Qt::Vertical);
    h.panel->resize(size);
    h.panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(h.panel.get()));
    h.panel->refresh();
    QVERIFY(!h.rules.findings().isEmpty());
    for (const Finding &f : h.rules.findings()) {
        QVERIFY(h.panel->selectFinding(f.key()));
        QApplication::processEvents();
        QTextBrowser *details = h.panel->details();
        QVERIFY(details->toPlainText().contains(f.fix()));
        QTRY_VERIFY2(details->verticalScrollBar()->maximum() == 0,
                     qPrintable(QStringLiteral("%1: %2 px of text in a %3 × %4 pane")
                                    .arg(f.rule())
                                    .arg(details->document()->size().height())
                                    .arg(details->width())
                                    .arg(details->height())));
        // The list keeps a useful share.
        QVERIFY(h.panel->tree()->width() >= size.width() / 4);
    }
}

void TestProblemsPanel::activateRevealsOnBoard_data()
{
    QTest::addColumn<QString>("gesture");
    QTest::newRow("single click") << "click";
    QTest::newRow("double-click") << "double-click";
    QTest::newRow("Enter") << "Enter";
}

void TestProblemsPanel::activateRevealsOnBoard()
{
    QFETCH(QString, gesture);
    Harness h(readDesign(rulesData("flawed.mlsketch")));
    DiagramView view;
    view.resize(400, 300);
    view.setScene(h.scene.get());
    h.scene->setSceneRect(-5000, -5000, 10000, 10000); // room to scroll anywhere
    view.centerOn(-2000, -2000);
    h.panel->resize(700, 250);
    h.panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(h.panel.get()));
    h.panel->refresh();
    const QString key = h.keyOf(ProblemsPanel::Section::Errors, "MLS-003");
    const QModelIndex row = h.panel->indexOfKey(key);
    QVERIFY(row.isValid());
    QTreeView *tree = h.panel->tree();
    const QPoint at = tree->visualRect(row).center();
    if (gesture == "click") {
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    } else if (gesture == "double-click") {
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    } else {
        tree->setCurrentIndex(row);
        // Moving through the list with the keyboard leaves the board alone; Enter reveals.
        QVERIFY(h.scene->selectedComponentIds().isEmpty());
        QTest::keyClick(tree, Qt::Key_Return);
    }
    QCOMPARE(h.scene->selectedComponentIds(), (QStringList{"api", "trainer"}));
    QCOMPARE(h.scene->selectedConnectionIds(), QStringList{"e1"});
    // Centred on the finding's items.
    const QPointF centre = view.mapToScene(view.viewport()->rect().center());
    QRectF area = h.scene->componentItem("api")->sceneBoundingRect().united(
        h.scene->componentItem("trainer")->sceneBoundingRect());
    QVERIFY2(QLineF(centre, area.center()).length() < 60,
             qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));
    QCOMPARE(h.panel->currentKey(), key);
}

void TestProblemsPanel::waiveMovesToWaivedAndUndo()
{
    Harness h(readDesign(rulesData("flawed.mlsketch")));
    h.panel->refresh();
    QString asked;
    h.panel->setReasonPrompt([&](QWidget *, const Finding &f, QString *reason) {
        asked = f.rule();
        *reason = "a sketch of the offline side only";
        return true;
    });
    QVERIFY(h.panel->selectFinding(h.keyOf(ProblemsPanel::Section::Infos, "MLS-015")));
    QVERIFY(h.panel->waiveButton()->isEnabled());
    QVERIFY(!h.panel->unwaiveButton()->isEnabled());
    h.panel->waiveButton()->click();
    QCOMPARE(asked, QString("MLS-015"));
    h.settle();
    QCOMPARE(h.rulesIn(ProblemsPanel::Section::Waived), QStringList{"MLS-015"});
    QCOMPARE(h.diagram->component("mon")->waivers.size(), 1);
    QCOMPARE(h.diagram->component("mon")->waivers[0].reason,
             QString("a sketch of the offline side only"));
    QCOMPARE(h.stack.undoText(), QString("Waive MLS-015"));
    // The waived finding stays selected, now in its new group, with an unwaive button.
    QVERIFY(h.panel->currentKey().startsWith("MLS-015"));
    QVERIFY(h.panel->unwaiveButton()->isEnabled());

    // A cancelled prompt waives nothing.
    h.panel->setReasonPrompt([](QWidget *, const Finding &, QString *) { return false; });
    const int steps = h.stack.count();
    QVERIFY(!h.panel->waiveInteractive(h.rules.findings().constFirst()));
    QCOMPARE(h.stack.count(), steps);

    h.panel->unwaiveButton()->click();
    h.settle();
    QVERIFY(h.rulesIn(ProblemsPanel::Section::Waived).isEmpty());
    QVERIFY(h.diagram->component("mon")->waivers.isEmpty());
    h.stack.undo(); // the removal
    h.settle();
    QCOMPARE(h.rulesIn(ProblemsPanel::Section::Waived), QStringList{"MLS-015"});
    h.stack.undo(); // the waiver
    h.settle();
    QVERIFY(h.rulesIn(ProblemsPanel::Section::Waived).isEmpty());
    QVERIFY(h.rulesIn(ProblemsPanel::Section::Infos).contains("MLS-015"));
}

void TestProblemsPanel::waiverTargets_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("budget"); // 0: as in the file
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("target");
    const QString flawed = rulesData("flawed.mlsketch");
    QTest::newRow("connection rule: the arrow") << flawed << 0.0 << "MLS-003"
                                                << "e1";
    QTest::newRow("component rule: the component") << flawed << 0.0 << "MLS-005"
                                                   << "trainer";
    QTest::newRow("graph rule: its main subject") << templatePath() << 20.0 << "MLS-011"
                                                  << "client";
}

void TestProblemsPanel::waiverTargets()
{
    QFETCH(QString, file);
    QFETCH(double, budget);
    QFETCH(QString, rule);
    QFETCH(QString, target);
    auto d = readDesign(file);
    if (budget > 0) {
        Meta meta = d->meta();
        meta.latencyBudgetMs = budget;
        d->setMeta(meta);
    }
    Harness h(std::move(d));
    auto it = std::find_if(h.rules.findings().begin(), h.rules.findings().end(),
                           [&](const Finding &f) { return f.rule() == rule; });
    QVERIFY(it != h.rules.findings().end());
    QCOMPARE(h.rules.waiverTarget(*it), target);
    QVERIFY(h.rules.waive(*it, "  why not  "));
    h.rules.flush();
    const QVector<Waiver> waivers = h.diagram->component(target)
                                        ? h.diagram->component(target)->waivers
                                        : h.diagram->connection(target)->waivers;
    QCOMPARE(waivers.size(), 1);
    QCOMPARE(waivers[0].rule, rule);
    QCOMPARE(waivers[0].reason, QString("why not"));
    QVERIFY(h.rules.staleWaivers().isEmpty());
    QVERIFY(!h.rules.waive(*it, "   ")); // a waiver needs a reason
}

void TestProblemsPanel::staleWaiverRemovable()
{
    auto d = readDesign(templatePath());
    Component c = *d->component("ranking");
    c.waivers.push_back(Waiver{"MLS-004", "model baked into the image", Json::object()});
    d->updateComponent(c);
    Harness h(std::move(d));
    h.panel->refresh();
    using G = ProblemsPanel::Section;
    QVERIFY(h.shown(G::StaleWaivers));
    QCOMPARE(h.panel->sectionText(G::StaleWaivers), QString("Stale waivers (1)"));
    const FindingsModel::Row stale = h.panel->findings()->rows(G::StaleWaivers).constFirst();
    QVERIFY(stale.text.contains("MLS-004"));
    QVERIFY(stale.text.contains("Ranking model"));
    h.panel->tree()->setCurrentIndex(h.panel->indexOfKey(stale.key));
    QVERIFY(!h.panel->waiveButton()->isEnabled());
    QVERIFY(h.panel->unwaiveButton()->isEnabled());
    h.panel->unwaiveButton()->click();
    h.settle();
    QVERIFY(h.diagram->component("ranking")->waivers.isEmpty());
    QVERIFY(!h.shown(G::StaleWaivers));
    h.stack.undo();
    h.settle();
    QCOMPARE(h.diagram->component("ranking")->waivers.size(), 1);
    QCOMPARE(h.panel->findings()->rows(G::StaleWaivers).size(), 1);
}

void TestProblemsPanel::selectionAndScrollSurviveRecheck_data()
{
    QTest::addColumn<bool>("inView"); ///< the selected row is in view when the re-check comes
    QTest::newRow("selected row in view") << true;
    QTest::newRow("selected row scrolled away") << false;
}

/// A re-check keeps the selected row, and keeps it where it was drawn when it was in view
/// (rows appearing above it do not push it away); else the list keeps its scroll position.
void TestProblemsPanel::selectionAndScrollSurviveRecheck()
{
    QFETCH(bool, inView);
    // Many findings: 40 orphans, so the list scrolls.
    auto d = std::make_unique<Diagram>();
    for (int i = 0; i < 40; ++i)
        d->insertComponent(i, component(QStringLiteral("m%1").arg(i, 2, 10, QChar('0')),
                                        "monitoring", {i * 250.0, 0}));
    Harness h(std::move(d));
    h.panel->resize(500, 200);
    h.panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(h.panel.get()));
    h.panel->refresh();
    FindingsModel *model = h.panel->findings();
    QCOMPARE(model->rows(ProblemsPanel::Section::Infos).size(), 40);
    const QString key = model->rows(ProblemsPanel::Section::Infos)[25].key;
    QVERIFY(h.panel->selectFinding(key));
    QApplication::processEvents(); // the view scrolls to it once laid out
    QTreeView *tree = h.panel->tree();
    QScrollBar *bar = tree->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    if (inView)
        tree->scrollTo(h.panel->indexOfKey(key), QAbstractItemView::PositionAtCenter);
    else
        bar->setValue(0);
    const int scroll = bar->value();
    const QRect before = tree->visualRect(h.panel->indexOfKey(key));
    QVERIFY2((before.top() >= 0 && before.bottom() < tree->viewport()->height()) == inView,
             qPrintable(QStringLiteral("row at %1..%2 in a %3 px view")
                            .arg(before.top())
                            .arg(before.bottom())
                            .arg(tree->viewport()->height())));

    // An unrelated edit that adds a finding (an error sorts above the infos) and renames.
    h.stack.push(AddItemsCommand::addComponent(h.diagram.get(), component("t", "trainer")));
    h.stack.push(EditComponentCommand::setLabel(h.diagram.get(), "m39", "renamed"));
    QTRY_VERIFY(!h.rules.isPending());
    QCOMPARE(h.panel->currentKey(), key);
    QVERIFY(!model->rows(ProblemsPanel::Section::Errors).isEmpty());
    if (inView)
        QCOMPARE(tree->visualRect(h.panel->indexOfKey(key)).top(), before.top());
    else
        QCOMPARE(bar->value(), scroll);
    bool renamed = false;
    for (const FindingsModel::Row &r : model->rows(ProblemsPanel::Section::Infos))
        renamed = renamed || r.text.contains("renamed");
    QVERIFY(renamed);
}

/// A section the user collapsed stays collapsed through re-checks; one that appears is open.
void TestProblemsPanel::collapsedSectionStaysCollapsed()
{
    Harness h(readDesign(rulesData("flawed.mlsketch")));
    h.panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(h.panel.get()));
    h.panel->refresh();
    using G = ProblemsPanel::Section;
    QTreeView *tree = h.panel->tree();
    QVERIFY(tree->isExpanded(h.panel->sectionIndex(G::Errors)));
    QVERIFY(tree->isExpanded(h.panel->sectionIndex(G::Infos)));
    tree->collapse(h.panel->sectionIndex(G::Infos));
    // A new warning section appears (a model server whose predictions reach no monitoring).
    h.stack.push(AddItemsCommand::addComponent(h.diagram.get(), component("srv", "model_server")));
    h.settle();
    QVERIFY(!tree->isExpanded(h.panel->sectionIndex(G::Infos)));
    QVERIFY(tree->isExpanded(h.panel->sectionIndex(G::Errors)));
    h.stack.undo();
    h.settle();
    QVERIFY(!tree->isExpanded(h.panel->sectionIndex(G::Infos)));
    h.panel->filterField()->setText("MLS");
    QVERIFY(!tree->isExpanded(h.panel->sectionIndex(G::Infos)));
    tree->expand(h.panel->sectionIndex(G::Infos));
    h.stack.redo();
    h.settle();
    QVERIFY(tree->isExpanded(h.panel->sectionIndex(G::Infos)));
}

/// A section of more rows than ProblemsPanel::openSectionsUpTo starts collapsed, the others
/// open; expanding it (by hand or by revealing one of its findings) keeps it open.
void TestProblemsPanel::longSectionStartsCollapsed()
{
    // Lone clients: one orphan finding each, plus the short sections of a flawed design.
    std::unique_ptr<Diagram> d = readDesign(rulesData("flawed.mlsketch"));
    const int lone = ProblemsPanel::openSectionsUpTo + 10;
    for (int i = 0; i < lone; ++i)
        d->insertComponent(int(d->components().size()),
                           component(QStringLiteral("lone%1").arg(i), "client",
                                     {(i % 50) * 250.0, 2000 + (i / 50) * 100.0}));
    Harness h(std::move(d));
    h.panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(h.panel.get()));
    h.panel->refresh();
    QTreeView *tree = h.panel->tree();
    QVector<ProblemsPanel::Section> longOnes, shortOnes;
    for (int s = 0; s < FindingsModel::sectionCount; ++s) {
        const QModelIndex index = h.panel->sectionIndex(ProblemsPanel::Section(s));
        if (!index.isValid())
            continue;
        const int rows = tree->model()->rowCount(index);
        (rows > ProblemsPanel::openSectionsUpTo ? longOnes : shortOnes)
            << ProblemsPanel::Section(s);
        QCOMPARE(tree->isExpanded(index), rows <= ProblemsPanel::openSectionsUpTo);
    }
    QCOMPARE(longOnes.size(), 1);
    QVERIFY(!shortOnes.isEmpty());
    const ProblemsPanel::Section longOne = longOnes.first();

    // Revealing a finding of the long section opens it, and it stays open through re-checks.
    const QString key = h.panel->findings()->rows(longOne).last().key;
    QVERIFY(h.panel->selectFinding(key));
    QVERIFY(tree->isExpanded(h.panel->sectionIndex(longOne)));
    h.stack.push(EditComponentCommand::setLabel(h.diagram.get(), "lone3", "renamed"));
    h.settle();
    QVERIFY(tree->isExpanded(h.panel->sectionIndex(longOne)));
    QCOMPARE(h.panel->currentKey(), key);

    // Collapsed by hand, it stays collapsed; a short one collapsed by hand too.
    tree->collapse(h.panel->sectionIndex(longOne));
    tree->collapse(h.panel->sectionIndex(shortOnes.first()));
    h.stack.undo();
    h.settle();
    QVERIFY(!tree->isExpanded(h.panel->sectionIndex(longOne)));
    QVERIFY(!tree->isExpanded(h.panel->sectionIndex(shortOnes.first())));
    tree->expand(h.panel->sectionIndex(longOne));
    h.stack.redo();
    h.settle();
    QVERIFY(tree->isExpanded(h.panel->sectionIndex(longOne)));
}

void TestProblemsPanel::bigDiagramStaysResponsive()
{
    // 200 designs of 50 random components, 3 connections each (as tests/bench generates them):
    // badly flawed, thousands of findings.
    QRandomGenerator rng(7);
    auto d = std::make_unique<Diagram>();
    const Catalog &cat = Catalog::builtin();
    const int parts = 200, size = 50;
    for (int i = 0; i < parts * size; ++i)
        d->insertComponent(i, component(QStringLiteral("c%1").arg(i),
                                        cat.kinds()[rng.bounded(int(cat.kinds().size()))].id,
                                        {(i % 100) * 250.0, (i / 100) * 100.0}));
    int edge = 0;
    for (int p = 0; p < parts; ++p) {
        for (int k = 0; k < size * 3; ++k) {
            const Component &a = d->components()[size_t(p * size + rng.bounded(size))];
            const Component &b = d->components()[size_t(p * size + rng.bounded(size))];
            const QStringList flows = cat.compatibleFlows(a.kind, b.kind);
            d->insertConnection(edge, connection(QStringLiteral("e%1").arg(edge), a.id, b.id,
                                                 flows.isEmpty() ? "events" : flows.first()));
            ++edge;
        }
    }
    QElapsedTimer clock;
    clock.start();
    Harness h(std::move(d));
    const double openMs = clock.nsecsElapsed() / 1e6;
    QVERIFY(h.rules.findings().size() > 1000);

    // One rename: re-check, markers, panel.
    QVector<double> check, markers, panel;
    for (int i = 0; i < 9; ++i) {
        h.stack.push(EditComponentCommand::setLabel(h.diagram.get(),
                                                    QStringLiteral("c%1").arg(i * 997),
                                                    QStringLiteral("renamed %1").arg(i)));
        clock.restart();
        h.rules.flush(); // also sets the markers (the harness follows findingsChanged)
        check << h.rules.lastCheckMs();
        markers << clock.nsecsElapsed() / 1e6 - h.rules.lastCheckMs();
        clock.restart();
        h.panel->refresh();
        panel << clock.nsecsElapsed() / 1e6;
    }
    for (QVector<double> *v : {&check, &markers, &panel})
        std::sort(v->begin(), v->end());
    qInfo("10,000 components, %d findings: open %.0f ms; after a rename: re-check %.1f ms, "
          "markers %.1f ms, Problems dock %.1f ms (medians)",
          int(h.rules.findings().size()), openMs, check[4], markers[4], panel[4]);
    // Slow re-checks wait for the next keystroke instead of running on every one (how long
    // the last one took decides; no timing is asserted here, speed is tests/bench's job).
    const bool slow = h.rules.lastCheckMs() > 8;
    h.stack.push(EditComponentCommand::setLabel(h.diagram.get(), "c1", "typing"));
    QVERIFY(h.rules.isPending());
    QCOMPARE(h.rules.pendingDelayMs(), slow ? 150 : 0);
    QTRY_VERIFY(!h.rules.isPending());
}

/// The reason dialog's Waive button stays disabled until there is a reason.
void TestProblemsPanel::controllerListsEngineSorted()
{
    // The controller shares the engine's list, sorted in place (RuleEngine::sortedFindings):
    // after each coalesced re-check it is a fresh full check's findings in RuleEngine::sort's
    // order, its keys beside them, and every finding found again by its key.
    ReadResult read = DiagramReader::readFile(
        QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch"));
    QVERIFY(read.ok());
    std::unique_ptr<Diagram> d = std::move(read.diagram);
    RuleController rules;
    rules.setDocument(d.get(), nullptr);
    QRandomGenerator rng(16);
    auto lines = [](QVector<Finding> v) {
        QStringList out;
        for (const Finding &f : v)
            out << f.key() + QLatin1Char(' ') + severityName(f.severity()) + QLatin1Char(' ') +
                       f.message() + (f.waived() ? QStringLiteral(" (waived)") : QString());
        out.sort();
        return out;
    };
    for (int step = 0; step < 120; ++step) {
        for (int e = 1 + int(rng.bounded(3)); e > 0; --e)
            randomEdit(*d, rng);
        rules.flush();
        RuleEngine fresh;
        QVector<Finding> expected = fresh.check(*d);
        const QVector<Finding> &listed = rules.findings();
        QCOMPARE(lines(listed), lines(expected));
        QCOMPARE(rules.count(Severity::Error) + rules.count(Severity::Warning) +
                     rules.count(Severity::Info) + rules.waivedCount(),
                 int(listed.size()));
        QStringList keys;
        for (int i = 0; i < listed.size(); ++i) {
            keys << listed[i].key();
            // Found again by its key (the first of equal keys: none here, all differ).
            QCOMPARE(rules.indexOf(keys.last()), i);
            QCOMPARE(rules.finding(keys.last())->key(), keys.last());
            if (i == 0)
                continue;
            const Finding &a = listed[i - 1];
            const Finding &b = listed[i];
            QVERIFY(a.severity() > b.severity() ||
                    (a.severity() == b.severity() &&
                     (a.rule() < b.rule() || (a.rule() == b.rule() && a.key() <= b.key()))));
        }
        RuleEngine::sort(expected);
        QStringList expectedKeys;
        for (const Finding &f : std::as_const(expected))
            expectedKeys << f.key();
        QCOMPARE(keys, expectedKeys);
        // Keys of no finding: a fixed one's, a note's, a section's, nonsense.
        for (const QString &key : {QStringLiteral("MLS-999|a|b"), QStringLiteral("a|MLS-004"),
                                   QStringLiteral("#section:1"), QString(), QStringLiteral("|||")})
            QCOMPARE(rules.indexOf(key), -1);
    }
    rules.setDocument(nullptr, nullptr);
}

void TestProblemsPanel::waiveNeedsAReason()
{
    Finding f;
    f.setRule(QStringLiteral("MLS-003"), QStringLiteral("Online call into an offline component"));
    f.setMessage(QStringLiteral("\"API\" calls \"Trainer\""));
    WaiverDialog dialog(f);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPushButton *waive = dialog.waiveButton();
    QVERIFY(waive);
    QCOMPARE(waive->text(), QStringLiteral("Waive"));
    QVERIFY(!waive->isEnabled());
    dialog.setTextValue(QStringLiteral("   "));
    QVERIFY(!waive->isEnabled());
    dialog.setTextValue(QStringLiteral("batch scoring, accepted by the team"));
    QVERIFY(waive->isEnabled());
    QCOMPARE(dialog.reason(), QStringLiteral("batch scoring, accepted by the team"));
    QVERIFY(dialog.labelText().contains(f.message()));
    dialog.setTextValue(QString());
    QVERIFY(!waive->isEnabled());
}

QTEST_MAIN(TestProblemsPanel)
#include "tst_problems_panel.moc"
