// SPDX-License-Identifier: MIT
// What the board builds only when it is needed (issue 16, open and memory of the window): the
// items' tooltips, built when hovered, and a card's label lines, laid out at its first paint
// that shows them. Each must be what the items used to build up front, and follow the model.
#include "../TestDiagrams.h"
#include "CardGeometry.h"
#include "Catalog.h"
#include "Diagram.h"
#include "canvas/CardStyle.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConnectionItem.h"
#include "canvas/ConnectionLabelItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/LabelPlacer.h"
#include "canvas/ZoneItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QToolTip>

#include <tuple>

using namespace mls;
using namespace mls::test;

namespace {

/// The tooltip a card set on itself when it was built (before it was built on hover).
/// The findings part of a tooltip, read plainly from the list: each unwaived finding whose badge
/// sits on @p id (one naming exactly one connection on that arrow, any other on its first
/// component), the first six in list order, then how many more; empty when there is none.
QString findingLines(const QVector<Finding> &findings, const QString &id)
{
    QStringList lines;
    int more = 0;
    for (const Finding &f : findings) {
        const QString on = f.connections().size() == 1 ? f.connections().first()
                           : f.components().isEmpty()  ? f.connections().value(0)
                                                       : f.components().first();
        if (f.waived() || on != id)
            continue;
        if (lines.size() == 6)
            ++more;
        else
            lines << "<b>" + f.rule() + "</b> " + severityName(f.severity()) + ": " +
                         f.message().toHtmlEscaped();
    }
    if (more)
        lines << QString("… and %1 more").arg(more);
    return lines.join("<br/>");
}

QString eagerCardTip(const Component &c, const QVector<Finding> &findings)
{
    const KindInfo *kind = Catalog::builtin().kind(c.kind);
    const QString label = Catalog::builtin().displayName(c);
    const QString tip = kind
                            ? QStringLiteral("<b>%1</b> — %2<br/>%3")
                                  .arg(label.toHtmlEscaped(), kind->label.toHtmlEscaped(),
                                       kind->description.toHtmlEscaped())
                            : QStringLiteral("<b>%1</b><br/>Unknown kind “%2”: kept from the file, "
                                             "not in this version's catalog.")
                                  .arg(label.toHtmlEscaped(), c.kind.toHtmlEscaped());
    const QString lines = findingLines(findings, c.id);
    return lines.isEmpty() ? tip : tip + QStringLiteral("<hr/>") + lines;
}

/// The tooltip an arrow (and its label's pill) set on itself when it was built.
QString eagerArrowTip(const Connection &c, const QVector<Finding> &findings)
{
    const FlowType *flow = Catalog::builtin().flow(c.flow);
    QString tip = flow ? QStringLiteral("Carries <b>%1</b>").arg(flow->label.toHtmlEscaped())
                       : QStringLiteral("Unknown flow “%1”").arg(c.flow.toHtmlEscaped());
    if (!c.label.isEmpty())
        tip += QStringLiteral(": “%1”").arg(c.label.toHtmlEscaped());
    if (flow)
        tip += QStringLiteral("<br/>") + flow->description.toHtmlEscaped();
    const QString lines = findingLines(findings, c.id);
    return lines.isEmpty() ? tip : tip + QStringLiteral("<hr/>") + lines;
}

/// A finding of @p rule on @p components and @p connections, with HTML in its message.
Finding finding(const QString &rule, Severity s, const QStringList &components,
                const QStringList &connections = {})
{
    Finding f;
    f.setRule(rule);
    f.setSeverity(s);
    f.setIds(components, connections);
    f.setMessage(rule + " <message> & more");
    return f;
}

/// A board with a card of every sort a tooltip distinguishes: known and unknown kinds, HTML in
/// a label, a label from the kind, arrows with and without labels, an unknown flow, findings.
void fillTips(Diagram &d)
{
    d.insertComponent(0, component("client", "client", {0, 0}, "Mobile <app> & web"));
    d.insertComponent(1, component("gw", "api_gateway", {400, 0}));
    d.insertComponent(2, component("q", "quantum_annealer", {800, 0}, "Annealer \"Q\""));
    Component unnamed = component("rank", "ranking", {400, 400});
    unnamed.label.clear(); // the card shows the kind's name
    d.insertComponent(3, unnamed);
    d.insertComponent(4, component("lonely", "feature_store", {1400, 700}));
    Connection labelled = connection("e1", "client", "gw", "requests");
    labelled.label = "search <query>";
    d.insertConnection(0, labelled);
    d.insertConnection(1, connection("e2", "gw", "rank", "requests"));
    d.insertConnection(2, connection("e3", "gw", "q", "teleportation"));
    Group g;
    g.id = "z";
    g.label = "Online";
    g.members = {"lonely"};
    d.insertGroup(0, g);
}

/// Hovers @p scenePos in @p view and returns what the tooltip says ("" when none shows).
QString hover(DiagramView &view, const QPointF &scenePos)
{
    QToolTip::hideText();
    const QPoint at = view.mapFromScene(scenePos);
    QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
    QApplication::sendEvent(view.viewport(), &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

QImage render(DiagramScene &scene, const QRectF &source, qreal zoom)
{
    QImage image((source.size() * zoom).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(image.rect()), source);
    return image;
}

} // namespace

class TestLazyItems : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void toolTipOnHover_data();
    void toolTipOnHover();
    void toolTipFollowsTheModel();
    void labelLinesOnDemand_data();
    void labelLinesOnDemand();
    void relabelledCardPaintsItsNewLabel();

private:
    std::unique_ptr<Diagram> m_diagram;
    std::unique_ptr<DiagramScene> m_scene;
    std::unique_ptr<DiagramView> m_view;
    QVector<Finding> m_findings; ///< what the board was last given
};

void TestLazyItems::init()
{
    m_diagram = std::make_unique<Diagram>();
    fillTips(*m_diagram);
    m_scene = std::make_unique<DiagramScene>(m_diagram.get());
    // A finding naming connections marks the arrows only; one naming components alone, cards.
    m_findings = {finding("MLS-004", Severity::Warning, {"gw"}),
                  finding("MLS-010", Severity::Error, {"rank"}),
                  finding("MLS-001", Severity::Error, {"gw", "rank"}, {"e2"})};
    m_scene->setFindings(m_findings);
    LabelPlacer::flush(m_scene.get());
    m_view = std::make_unique<DiagramView>();
    m_view->setScene(m_scene.get());
    m_view->resize(1000, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setZoom(0.6);
    m_view->centerOn(m_scene->contentRect().center());
}

void TestLazyItems::cleanup()
{
    QToolTip::hideText();
    m_view.reset();
    m_scene.reset();
    m_diagram.reset();
}

void TestLazyItems::toolTipOnHover_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("where"); // card, arrow, pill
    QTest::addColumn<bool>("badge");    // whether the tooltip lists findings
    QTest::newRow("known kind, HTML in the label") << "client"
                                                   << "card" << false;
    QTest::newRow("known kind, warning badge") << "gw"
                                               << "card" << true;
    QTest::newRow("unknown kind") << "q"
                                  << "card" << false;
    QTest::newRow("label from the kind, error badge") << "rank"
                                                      << "card" << true;
    QTest::newRow("card in a zone") << "lonely"
                                    << "card" << false;
    QTest::newRow("labelled arrow, on the line") << "e1"
                                                 << "arrow" << false;
    QTest::newRow("labelled arrow, on its pill") << "e1"
                                                 << "pill" << false;
    QTest::newRow("arrow with a badge") << "e2"
                                        << "arrow" << true;
    QTest::newRow("unknown flow") << "e3"
                                  << "arrow" << false;
}

void TestLazyItems::toolTipOnHover()
{
    QFETCH(QString, id);
    QFETCH(QString, where);
    QString expected;
    QPointF at;
    if (where == "card") {
        const ComponentItem *card = m_scene->componentItem(id);
        QVERIFY(card);
        expected = eagerCardTip(*m_diagram->component(id), m_findings);
        at = card->sceneCardRect().center() + QPointF(0, 6);
        QCOMPARE(card->toolTipText(), expected);
        QCOMPARE(DiagramScene::toolTipOf(card), expected);
    } else {
        const ConnectionItem *arrow = m_scene->connectionItem(id);
        QVERIFY(arrow);
        expected = eagerArrowTip(*m_diagram->connection(id), m_findings);
        QCOMPARE(arrow->toolTipText(), expected);
        if (where == "pill") {
            QVERIFY(arrow->labelItem());
            at = arrow->labelItem()->sceneBoundingRect().center();
            QCOMPARE(DiagramScene::toolTipOf(arrow->labelItem()), expected);
        } else {
            at = arrow->mapToScene(arrow->path().pointAtPercent(0.2));
        }
    }
    QFETCH(bool, badge);
    QCOMPARE(expected.contains("<hr/>"), badge);
    QCOMPARE(hover(*m_view, at), expected);
}

void TestLazyItems::toolTipFollowsTheModel()
{
    // Empty canvas: no tooltip; a zone's title band: the zone's own (stored) tooltip.
    QCOMPARE(hover(*m_view, QPointF(-300, 500)), QString());
    const ZoneItem *zone = m_scene->zoneItem("z");
    QVERIFY(!zone->toolTip().isEmpty());
    const QRectF title = zone->titleRect();
    QCOMPARE(hover(*m_view, QPointF(title.left() + 12, title.center().y())), zone->toolTip());

    // A rename, a new flow and a finding change show at the next hover (nothing stale).
    Component gw = *m_diagram->component("gw");
    gw.label = "Edge <gateway>";
    m_diagram->updateComponent(gw);
    Connection e1 = *m_diagram->connection("e1");
    e1.flow = "events";
    e1.label = "clicks";
    m_diagram->updateConnection(e1);
    m_findings = {finding("MLS-010", Severity::Info, {"client"}),
                  finding("MLS-002", Severity::Warning, {"client", "gw"}, {"e1"})};
    m_scene->setFindings(m_findings);
    LabelPlacer::flush(m_scene.get());
    const ComponentItem *gwItem = m_scene->componentItem("gw");
    QVERIFY(!gwItem->marker());
    QCOMPARE(hover(*m_view, gwItem->sceneCardRect().center() + QPointF(0, 6)),
             eagerCardTip(*m_diagram->component("gw"), m_findings));
    const ComponentItem *client = m_scene->componentItem("client");
    QVERIFY(client->marker());
    QCOMPARE(hover(*m_view, client->sceneCardRect().center() + QPointF(0, 6)),
             eagerCardTip(*m_diagram->component("client"), m_findings));
    const ConnectionItem *arrow = m_scene->connectionItem("e1");
    QVERIFY(arrow->marker());
    QVERIFY(arrow->toolTipText().contains("clicks"));
    QCOMPARE(hover(*m_view, arrow->labelItem()->sceneBoundingRect().center()),
             eagerArrowTip(*m_diagram->connection("e1"), m_findings));
}

void TestLazyItems::labelLinesOnDemand_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("label");
    QTest::newRow("one line") << "client"
                              << "Web";
    QTest::newRow("two lines") << "feature_store"
                               << "Online feature store for ranking";
    QTest::newRow("three lines") << "api_gateway"
                                 << "Regional edge gateway with authentication and rate limits";
    QTest::newRow("a wider card")
        << "ranking"
        << "A very long ranking service label that needs far more than three lines of the base "
           "card width to be shown whole, so the card grows wider in grid steps";
    QTest::newRow("a word wider than a line") << "trainer"
                                              << "Distributedtrainingorchestrator";
    QTest::newRow("CJK") << "vector_db"
                         << "向量数据库 检索 服务 与 嵌入 索引";
    QTest::newRow("emoji") << "monitoring"
                           << "Alerts 🚨🚨 drift 📈 and latency ⏱";
    QTest::newRow("unknown kind") << "quantum_annealer"
                                  << "Annealer";
    QTest::newRow("wide letters") << "client"
                                  << "MMMMMM WWWWWW mmmmmm wwwwww @@@@ %%%%";
}

void TestLazyItems::labelLinesOnDemand()
{
    QFETCH(QString, kind);
    QFETCH(QString, label);
    Diagram d;
    d.insertComponent(0, component("c", kind, {}, label));
    DiagramScene scene(&d);
    const ComponentItem *card = scene.componentItem("c");
    // The eager layout: CardGeometry's lines, each narrowed where the real font is wider.
    const CardGeometry::CardText text = CardGeometry::layout(*d.component("c"));
    QCOMPARE(card->cardRect().size(), text.size);
    QCOMPARE(card->labelLines(), text.lines);
    const QFontMetricsF fm(CardStyle::light().labelFont());
    QCOMPARE(card->lineFits().size(), text.lines.size());
    for (int i = 0; i < text.lines.size(); ++i)
        QCOMPARE(
            card->lineFits().at(i),
            std::min(1.0, text.textWidth / std::max(1.0, fm.horizontalAdvance(text.lines[i]))));
    QVERIFY(!card->labelLines().isEmpty());
    // Every character of the label, in order (a word wider than a line is broken inside).
    QCOMPARE(card->labelLines().join(QString()).remove(' '), QString(label).remove(' '));
}

void TestLazyItems::relabelledCardPaintsItsNewLabel()
{
    // A card painted once (its lines laid out), then renamed, paints as a card built with the
    // new label: the lines are laid out again, not kept from the old label.
    const QString before = QStringLiteral("Short");
    const QString after = QStringLiteral("A much longer label that wraps onto three lines here");
    Diagram d;
    d.insertComponent(0, component("c", "feature_store", {}, before));
    DiagramScene scene(&d);
    const QRectF area(-220, -80, 440, 160);
    const QImage old = render(scene, area, 1.0);
    Component c = *d.component("c");
    c.label = after;
    d.updateComponent(c);
    const QImage renamed = render(scene, area, 1.0);
    QVERIFY(renamed != old);

    Diagram fresh;
    fresh.insertComponent(0, component("c", "feature_store", {}, after));
    DiagramScene freshScene(&fresh);
    QCOMPARE(renamed, render(freshScene, area, 1.0));
    QCOMPARE(scene.componentItem("c")->labelLines(), freshScene.componentItem("c")->labelLines());
    // Zoomed out to where the label is a block's title, and back: the same pixels both ways.
    for (const qreal zoom : {0.2, 0.5, 2.0})
        QCOMPARE(render(scene, area, zoom), render(freshScene, area, zoom));
}

QTEST_MAIN(TestLazyItems)
#include "tst_lazy_items.moc"
