// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "Diagram.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/FindingBadge.h"
#include "commands/RemoveItemsCommand.h"

#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QTest>
#include <QUndoStack>

using namespace mls;
using namespace mls::test;

/// Design-rule badges on cards and arrows, and the critical-path highlight.
class TestFindingMarkers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void markerTarget_data();
    void markerTarget();
    void mostSevereWinsAndWaivedHidden();
    void toolTipLines_data();
    void toolTipLines();
    void sceneFollowsFindings();
    void markersVisibleToggle();
    void highlight();
};

namespace {
Finding finding(const QString &rule, Severity s, const QStringList &components,
                const QStringList &connections = {}, bool waived = false)
{
    Finding f;
    f.setRule(rule, rule + " title");
    f.setSeverity(s);
    f.setMessage(rule + " <message>");
    f.setIds(components, connections);
    f.setWaiver(waived);
    return f;
}

/// Red-ish pixels (the error badge) in a rendering of @p rect of the scene.
int redPixels(DiagramScene &scene, const QRectF &rect)
{
    QImage image(rect.size().toSize() * 2, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    scene.render(&p, QRectF(), rect);
    p.end();
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.red() > 180 && c.green() < 90 && c.blue() < 90;
        }
    return n;
}
} // namespace

void TestFindingMarkers::markerTarget_data()
{
    QTest::addColumn<QStringList>("components");
    QTest::addColumn<QStringList>("connections");
    QTest::addColumn<QString>("target");
    QTest::newRow("component rule") << QStringList{"rank"} << QStringList{} << "rank";
    QTest::newRow("connection rule") << QStringList{"a", "b"} << QStringList{"e1"} << "e1";
    QTest::newRow("path") << QStringList{"client", "gw", "rank"} << QStringList{"e1", "e2"}
                          << "client";
    QTest::newRow("connections only") << QStringList{} << QStringList{"e1", "e2"} << "e1";
}

void TestFindingMarkers::markerTarget()
{
    QFETCH(QStringList, components);
    QFETCH(QStringList, connections);
    QFETCH(QString, target);
    QCOMPARE(FindingBadge::markerTarget(finding("X-1", Severity::Info, components, connections)),
             target);
}

void TestFindingMarkers::mostSevereWinsAndWaivedHidden()
{
    const auto markers = FindingBadge::markers({
        finding("MLS-015", Severity::Info, {"a"}),
        finding("MLS-004", Severity::Error, {"a"}),
        finding("MLS-005", Severity::Error, {"b"}, {}, true),
    });
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers["a"].severity, Severity::Error);
    QCOMPARE(markers["a"].count, 2);
}

void TestFindingMarkers::toolTipLines_data()
{
    QTest::addColumn<int>("findings");    // on "a", warnings X-0 …
    QTest::addColumn<int>("waivedEvery"); // every n-th of them waived (0: none)
    QTest::addColumn<int>("lines");       // finding lines shown
    QTest::addColumn<int>("more");        // "… and n more" (0: no such line)
    QTest::newRow("none") << 0 << 0 << 0 << 0;
    QTest::newRow("one") << 1 << 0 << 1 << 0;
    QTest::newRow("six, all shown") << 6 << 0 << 6 << 0;
    QTest::newRow("seven: one more") << 7 << 0 << 6 << 1;
    QTest::newRow("ten: four more") << 10 << 0 << 6 << 4;
    QTest::newRow("ten, every other waived") << 10 << 2 << 5 << 0;
    QTest::newRow("twenty, every third waived") << 20 << 3 << 6 << 8;
    QTest::newRow("all waived") << 4 << 1 << 0 << 0;
}

void TestFindingMarkers::toolTipLines()
{
    QFETCH(int, findings);
    QFETCH(int, waivedEvery);
    QFETCH(int, lines);
    QFETCH(int, more);
    // Findings on "a" between findings elsewhere: only "a"'s, unwaived, in list order.
    QVector<Finding> list{finding("MLS-001", Severity::Error, {"b"})};
    for (int i = 0; i < findings; ++i) {
        const bool waived = waivedEvery > 0 && i % waivedEvery == waivedEvery - 1;
        list << finding(QStringLiteral("X-%1").arg(i), Severity::Warning, {"a"}, {}, waived);
        list << finding(QStringLiteral("Y-%1").arg(i), Severity::Info, {"a", "b"}, {"e"});
    }
    const QString tip = FindingBadge::toolTip(list, "a");
    QCOMPARE(tip.count("<b>X-"), lines);
    QVERIFY(!tip.contains("Y-") && !tip.contains("MLS-001"));
    QCOMPARE(tip.contains(QStringLiteral("… and %1 more").arg(more)), more > 0);
    QCOMPARE(tip.contains("more"), more > 0);
    if (lines > 0) {
        QVERIFY(tip.startsWith("<b>X-0</b> warning: X-0 &lt;message&gt;")); // escaped HTML
        int last = -1; // the lines keep the list's order
        auto it = QRegularExpression("<b>X-(\\d+)</b>").globalMatch(tip);
        while (it.hasNext()) {
            const int n = it.next().captured(1).toInt();
            QVERIFY(n > last);
            last = n;
        }
    }
    const auto markers = FindingBadge::markers(list);
    QCOMPARE(markers.contains("a"), findings > 0 && (waivedEvery != 1));
    QCOMPARE(markers.value("e").count, findings); // one connection: on the arrow
}

void TestFindingMarkers::sceneFollowsFindings()
{
    Diagram d;
    fillSmall(d);
    DiagramScene scene(&d);
    QUndoStack stack;
    scene.setFindings({finding("MLS-010", Severity::Warning, {"rank"}),
                       finding("MLS-001", Severity::Error, {"gw", "rank"}, {"e2"})});
    QCOMPARE(scene.componentItem("rank")->marker()->severity, Severity::Warning);
    QVERIFY(scene.componentItem("rank")->toolTipText().contains("MLS-010"));
    QVERIFY(
        scene.componentItem("rank")->toolTipText().contains("Ranking")); // the kind's text stays
    QCOMPARE(scene.connectionItem("e2")->marker()->severity, Severity::Error);
    QVERIFY(!scene.componentItem("gw")->marker());
    QVERIFY(scene.connectionItem("e2")->shape().contains(
        scene.connectionItem("e2")->markerCentre() + QPointF(FindingBadge::radius - 1, 0)));

    // Items re-created by undo come back with their badge.
    stack.push(new RemoveItemsCommand(&d, {"rank"}, d.connectionsOf("rank")));
    QVERIFY(!scene.componentItem("rank"));
    stack.undo();
    QCOMPARE(scene.componentItem("rank")->marker()->severity, Severity::Warning);
    QCOMPARE(scene.connectionItem("e2")->marker()->severity, Severity::Error);

    // Same badge, other words: the tooltip reads the list it was last given.
    Finding reworded = finding("MLS-010", Severity::Warning, {"rank"});
    reworded.setMessage("now about <the> store");
    scene.setFindings({reworded, finding("MLS-001", Severity::Error, {"gw", "rank"}, {"e2"})});
    QVERIFY(scene.componentItem("rank")->toolTipText().contains("now about &lt;the&gt; store"));
    QVERIFY(!scene.componentItem("rank")->toolTipText().contains("MLS-010 &lt;message"));

    // A new list: items re-created after it take its badges, not the first list's; a badge
    // whose count changes is updated in place.
    scene.setFindings({finding("MLS-010", Severity::Error, {"rank"}),
                       finding("MLS-011", Severity::Error, {"rank"})});
    QCOMPARE(scene.componentItem("rank")->marker()->count, 2);
    QVERIFY(!scene.connectionItem("e2")->marker());
    stack.push(new RemoveItemsCommand(&d, {"rank"}, d.connectionsOf("rank")));
    stack.undo();
    QCOMPARE(scene.componentItem("rank")->marker()->severity, Severity::Error);
    QCOMPARE(scene.componentItem("rank")->marker()->count, 2);
    QVERIFY(!scene.connectionItem("e2")->marker());
    scene.setFindings({finding("MLS-010", Severity::Error, {"rank"})});
    QCOMPARE(scene.componentItem("rank")->marker()->count, 1);

    scene.setFindings({});
    QVERIFY(!scene.componentItem("rank")->marker());
    QVERIFY(!scene.connectionItem("e2")->marker());
    QVERIFY(!scene.componentItem("rank")->toolTipText().contains("MLS-010"));
}

void TestFindingMarkers::markersVisibleToggle()
{
    Diagram d;
    fillSmall(d);
    DiagramScene scene(&d);
    const QRectF card = scene.componentItem("reg")->sceneBoundingRect();
    const int before = redPixels(scene, card);
    scene.setFindings({finding("MLS-004", Severity::Error, {"reg"})});
    QVERIFY(scene.markersVisible());
    const int shown = redPixels(scene, card);
    QVERIFY2(shown > before + 40, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(shown)));
    scene.setMarkersVisible(false);
    QCOMPARE(redPixels(scene, card), before);
    scene.setMarkersVisible(true);
    QCOMPARE(redPixels(scene, card), shown);
}

void TestFindingMarkers::highlight()
{
    Diagram d;
    fillSmall(d);
    DiagramScene scene(&d);
    scene.setHighlighted({"client", "gw"}, {"e1"});
    QVERIFY(scene.componentItem("client")->isHighlighted());
    QVERIFY(scene.connectionItem("e1")->isHighlighted());
    QVERIFY(!scene.componentItem("rank")->isHighlighted());
    scene.setHighlighted({"rank"}, {});
    QVERIFY(!scene.componentItem("client")->isHighlighted());
    QVERIFY(!scene.connectionItem("e1")->isHighlighted());
    QVERIFY(scene.componentItem("rank")->isHighlighted());
    scene.setHighlighted({}, {});
    QVERIFY(!scene.componentItem("rank")->isHighlighted());
}

QTEST_MAIN(TestFindingMarkers)
#include "tst_finding_markers.moc"
