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
    QVERIFY(markers["a"].toolTip().contains("MLS-004"));
    QVERIFY(markers["a"].toolTip().contains("MLS-015"));
    QVERIFY(markers["a"].toolTip().contains("&lt;message&gt;")); // escaped HTML
    QVector<Finding> many;
    for (int i = 0; i < 10; ++i)
        many << finding(QStringLiteral("X-%1").arg(i), Severity::Warning, {"a"});
    QVERIFY(FindingBadge::markers(many)["a"].toolTip().contains("and 4 more"));
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
