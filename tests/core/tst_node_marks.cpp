// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "Diagram.h"
#include "Limits.h"
#include "NodeMarks.h"
#include "RuleEngine.h"

#include <QTest>

#include <algorithm>

using namespace mls;

/// The O(1)-cleared node sets the rule walks use, and the step budget that bounds each rule.
class TestNodeMarks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsEmptyEachTime();
    void nestedSetsAreIndependent();
    void budgetStopsMarking_data();
    void budgetStopsMarking();
    void ruleOverBudgetSaysSo();
};

void TestNodeMarks::startsEmptyEachTime()
{
    for (int round = 0; round < 3; ++round) {
        NodeMarks m(10);
        for (int n = 0; n < 10; ++n)
            QVERIFY2(!m.contains(n),
                     qPrintable(QStringLiteral("round %1 node %2").arg(round).arg(n)));
        QVERIFY(m.insert(round));
        QVERIFY(!m.insert(round));
        QVERIFY(m.contains(round));
    }
    NodeMarks larger(1000); // grows the shared stamps
    QVERIFY(larger.insert(999));
    QVERIFY(!larger.contains(0));
}

void TestNodeMarks::nestedSetsAreIndependent()
{
    NodeMarks outer(5);
    outer.insert(1);
    {
        NodeMarks inner(5);
        QVERIFY(!inner.contains(1));
        inner.insert(2);
        QVERIFY(!outer.contains(2));
    }
    QVERIFY(outer.contains(1));
    NodeMarks after(5); // takes the inner level again, fresh
    QVERIFY(!after.contains(2));
}

void TestNodeMarks::budgetStopsMarking_data()
{
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("marked");
    QTest::addColumn<bool>("exhausted");
    QTest::newRow("plenty") << 100 << 10 << false;
    QTest::newRow("exactly") << 10 << 10 << false;
    QTest::newRow("short") << 4 << 4 << true;
    QTest::newRow("none") << 0 << 0 << true;
}

void TestNodeMarks::budgetStopsMarking()
{
    QFETCH(int, steps);
    QFETCH(int, marked);
    QFETCH(bool, exhausted);
    WalkBudget budget(steps);
    NodeMarks a(5), b(5); // two walks share the rule's budget
    int count = 0;
    for (int n = 0; n < 5; ++n) {
        count += a.insert(n) ? 1 : 0;
        count += b.insert(n) ? 1 : 0;
    }
    QCOMPARE(count, marked);
    QCOMPARE(budget.exhausted(), exhausted);
}

void TestNodeMarks::ruleOverBudgetSaysSo()
{
    // Models reading the end of one long feature chain: each unmonitored-features walk
    // (MLS-020) covers the chain, so the rule outgrows the budget; it says so instead of
    // reporting what it could not finish.
    const int chain = 2000;
    const int models = int(Limits::maxRuleSteps / chain) + 10;
    Diagram d;
    for (int i = 0; i < chain + models; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.kind = i < chain ? QStringLiteral("feature_store") : QStringLiteral("model_server");
        d.insertComponent(int(d.components().size()), c);
    }
    auto connect = [&](int from, int to) {
        Connection c;
        c.id = QStringLiteral("e%1").arg(d.connections().size());
        c.from = QStringLiteral("c%1").arg(from);
        c.to = QStringLiteral("c%1").arg(to);
        c.flow = QStringLiteral("features");
        d.insertConnection(int(d.connections().size()), c);
    };
    for (int i = 1; i < chain; ++i)
        connect(i - 1, i);
    for (int i = chain; i < chain + models; ++i)
        connect(chain - 1, i);
    RuleEngine engine;
    QVector<Finding> findings = engine.check(d);
    auto notChecked = [&](const QVector<Finding> &all) {
        QStringList rules;
        for (const Finding &f : all) {
            if (f.components().isEmpty() && f.message().startsWith(QLatin1String("Not checked")))
                rules << f.rule();
        }
        return rules;
    };
    const QStringList over = notChecked(findings);
    QVERIFY2(over.contains(QStringLiteral("MLS-020")), qPrintable(over.join(u',')));
    for (const Finding &f : std::as_const(findings))
        QVERIFY2(!(over.contains(f.rule()) && !f.components().isEmpty()), qPrintable(f.message()));
    // A re-check of one edited model replaces the notice instead of adding a second one.
    findings = engine.recheck(d, {QStringLiteral("c%1").arg(chain)}, {});
    QCOMPARE(notChecked(findings).count(QStringLiteral("MLS-020")), 1);
}

QTEST_APPLESS_MAIN(TestNodeMarks)
#include "tst_node_marks.moc"
