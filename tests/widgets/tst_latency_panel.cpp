// SPDX-License-Identifier: MIT
#include "Diagram.h"
#include "DiagramReader.h"
#include "LatencyAnalysis.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "commands/RemoveItemsCommand.h"
#include "panels/LatencyPanel.h"
#include "rules/RuleController.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

using namespace mls;

/// The Latency dock: critical paths per client against the budget, the budget as an undoable
/// edit, and the highlight of the path on the board.
class TestLatencyPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowsAndTotals();
    void budgetEditRechecks_data();
    void budgetEditRechecks();
    void criticalPathHighlight();
    void noClient();

private:
    std::unique_ptr<Diagram> m_diagram;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<RuleController> m_rules;
    std::unique_ptr<DiagramScene> m_scene;
    std::unique_ptr<LatencyPanel> m_panel;
};

void TestLatencyPanel::init()
{
    ReadResult r = DiagramReader::readFile(
        QStringLiteral(MLS_SOURCE_DIR "/templates/video_recommendation.mlsketch"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    m_diagram = std::move(r.diagram);
    m_stack = std::make_unique<QUndoStack>();
    m_rules = std::make_unique<RuleController>();
    m_scene = std::make_unique<DiagramScene>(m_diagram.get());
    m_panel = std::make_unique<LatencyPanel>(m_rules.get());
    m_panel->setScene(m_scene.get());
    m_rules->setDocument(m_diagram.get(), m_stack.get());
    m_panel->refresh();
}

void TestLatencyPanel::cleanup()
{
    m_panel.reset();
    m_rules.reset();
    m_scene.reset();
    m_stack.reset();
    m_diagram.reset();
}

void TestLatencyPanel::rowsAndTotals()
{
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(*m_diagram);
    QCOMPARE(paths.size(), 1);
    const LatencyPath &p = paths.first();
    QTreeWidget *tree = m_panel->tree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *client = tree->topLevelItem(0);
    QCOMPARE(client->text(0), QString("Viewer app"));
    QCOMPARE(client->text(1), QStringLiteral("%1 ms").arg(p.totalMs));
    QCOMPARE(client->text(2), QString("within the 200 ms budget"));
    QCOMPARE(client->childCount(), p.hops.size());
    double sum = 0;
    for (int i = 0; i < client->childCount(); ++i) {
        QCOMPARE(client->child(i)->text(1), QStringLiteral("%1 ms").arg(p.hops[i].latencyMs));
        sum += p.hops[i].latencyMs;
    }
    QCOMPARE(sum, p.totalMs);
    QVERIFY(client->child(0)->text(0).endsWith("Viewer app"));
    QCOMPARE(client->child(0)->text(2), QString("client"));
    QCOMPARE(m_panel->budgetSpin()->value(), 200.0);
    QCOMPARE(m_panel->findChild<QLabel *>("latencySummary")->text(), QString("within budget"));
}

void TestLatencyPanel::budgetEditRechecks_data()
{
    QTest::addColumn<double>("budget");
    QTest::addColumn<bool>("over");
    QTest::newRow("generous") << 500.0 << false;
    QTest::newRow("tight") << 40.0 << true;
    QTest::newRow("exactly the total") << -1.0 << false; // -1: the path's own total
}

void TestLatencyPanel::budgetEditRechecks()
{
    QFETCH(double, budget);
    QFETCH(bool, over);
    const double total = LatencyAnalysis::analyze(*m_diagram).first().totalMs;
    if (budget < 0)
        budget = total;
    m_panel->budgetSpin()->setValue(budget);
    QCOMPARE(m_diagram->meta().latencyBudgetMs, budget);
    QCOMPARE(m_stack->count(), 1); // one undoable meta edit
    m_rules->flush();
    m_panel->refresh();
    QTreeWidgetItem *client = m_panel->tree()->topLevelItem(0);
    const bool warned = std::any_of(m_rules->findings().begin(), m_rules->findings().end(),
                                    [](const Finding &f) { return f.rule() == "MLS-011"; });
    QCOMPARE(warned, over);
    QCOMPARE(client->text(2).startsWith("over the"), over);
    QCOMPARE(m_panel->findChild<QLabel *>("latencySummary")->text().contains("1 of 1 over budget"),
             over);
    QCOMPARE(client->foreground(1).color() == QColor(0xDC, 0x26, 0x26), over);
    if (over)
        QCOMPARE(client->text(2),
                 QStringLiteral("over the %1 ms budget by %2 ms").arg(budget).arg(total - budget));
    m_stack->undo();
    m_rules->flush();
    m_panel->refresh();
    QCOMPARE(m_panel->budgetSpin()->value(), 200.0);
    QVERIFY(m_rules->findings().isEmpty());
}

void TestLatencyPanel::criticalPathHighlight()
{
    const LatencyPath path = LatencyAnalysis::analyze(*m_diagram).first();
    auto highlighted = [&] {
        QStringList ids;
        for (const Component &c : m_diagram->components()) {
            if (m_scene->componentItem(c.id)->isHighlighted())
                ids << c.id;
        }
        for (const Connection &c : m_diagram->connections()) {
            if (m_scene->connectionItem(c.id)->isHighlighted())
                ids << c.id;
        }
        ids.sort();
        return ids;
    };
    QVERIFY(highlighted().isEmpty());
    m_panel->showPathButton()->setChecked(true);
    QStringList expected = path.componentIds() + path.connectionIds();
    expected.sort();
    QVERIFY(expected.size() >= 3);
    QCOMPARE(highlighted(), expected);

    // The highlight follows edits: cutting the path's first call shortens it to the client.
    m_stack->push(new RemoveItemsCommand(m_diagram.get(), {}, {path.connectionIds().first()}));
    m_rules->flush();
    QCOMPARE(highlighted(), QStringList{"client"});
    m_stack->undo();
    m_rules->flush();
    QCOMPARE(highlighted(), expected);

    m_panel->showPathButton()->setChecked(false);
    QVERIFY(highlighted().isEmpty());
}

void TestLatencyPanel::noClient()
{
    m_stack->push(
        new RemoveItemsCommand(m_diagram.get(), {"client"}, m_diagram->connectionsOf("client")));
    m_rules->flush();
    m_panel->refresh();
    QCOMPARE(m_panel->tree()->topLevelItemCount(), 1);
    QVERIFY(m_panel->tree()->topLevelItem(0)->text(0).startsWith("No client"));
    m_panel->showPathButton()->setChecked(true);
    for (const Component &c : m_diagram->components())
        QVERIFY(!m_scene->componentItem(c.id)->isHighlighted());
}

QTEST_MAIN(TestLatencyPanel)
#include "tst_latency_panel.moc"
