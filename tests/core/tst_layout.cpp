// SPDX-License-Identifier: MIT
#include "DiagramReader.h"
#include "LayoutFixtures.h"
#include "layout/DiagramLayout.h"
#include "layout/GraphvizLayout.h"
#include "layout/LayoutPlacement.h"

#include "ConnectionRoute.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QUndoStack>

#include <clocale>
#include <functional>
#include <memory>

using namespace mls;
using namespace mls::test;
using namespace mls::test::layout;

namespace {

/// Share of non-loop connections pointing in the layout direction.
double forwardShare(const Diagram &d, LayoutDirection dir)
{
    int forward = 0, total = 0;
    for (const Connection &e : d.connections()) {
        if (e.from == e.to)
            continue;
        const QPointF a = d.component(e.from)->pos, b = d.component(e.to)->pos;
        ++total;
        forward += dir == LayoutDirection::LeftToRight ? b.x() > a.x() : b.y() > a.y();
    }
    return total ? double(forward) / total : 1.0;
}

/// Zone rectangle as the canvas draws it: members' cards plus the padding and the title band.
QRectF zoneRect(const Diagram &d, const Group &g)
{
    QRectF r;
    for (const QString &m : g.members)
        r |= card(*d.component(m));
    return r.adjusted(-24, -24 - 22, 24, 24);
}

LayoutOptions options(LayoutEngine engine, LayoutDirection dir)
{
    LayoutOptions o;
    o.engine = engine;
    o.direction = dir;
    return o;
}

/// The first broken zone property after a layout, as text, or empty: every zone's reported
/// rectangle is the one the canvas draws, holds its members, no other card touches it and no
/// two zones overlap. Assumes each card is in at most one zone (true of the templates).
QString zoneProblem(const Diagram &d, const LayoutResult &r)
{
    const auto &groups = d.groups();
    QVector<QRectF> rects;
    for (const Group &g : groups) {
        rects.append(zoneRect(d, g));
        const int k = int(rects.size()) - 1;
        if (k >= r.zones.size() || r.zones[k].id != g.id || r.zones[k].rect != rects[k])
            return g.id + ": reported rectangle differs from the drawn one";
        for (const Component &c : d.components()) {
            const bool member = g.members.contains(c.id);
            if (member && !rects[k].contains(card(c)))
                return c.id + " sticks out of " + g.id;
            if (!member && rects[k].intersects(card(c)))
                return c.id + " lies inside " + g.id;
        }
        for (int j = 0; j < k; ++j)
            if (rects[j].intersects(rects[k]))
                return groups[size_t(j)].id + " overlaps " + g.id;
    }
    return {};
}

} // namespace

/// The Graphviz layout engine: properties of the result, never exact coordinates.
class TestLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void properties_data();
    void properties();
    void zonesHoldTheirMembers_data();
    void zonesHoldTheirMembers();
    void templateZonesApart_data();
    void templateZonesApart();
    void templateZonesApartSfdp_data();
    void templateZonesApartSfdp();
    void largeZonedSwitchesToSfdp();
    void sfdpZonesWithPinAndSelection();
    void pinnedStay();
    void undoRestoresExactly();
    void deterministic_data();
    void deterministic();
    void selectionOnly();
    void largeUsesSfdp();
    void messageCountsComponents();
    void routesAreBeziers();
    void noUserTextReachesGraphviz();
    void commaLocale();
    void debugDumpWritesDot();
    void names_data();
    void names();
    void pinProperty();
    void routesStoredWithTheLayout();
    void routeFileFormIsExact();
};

void TestLayout::properties_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("direction");
    QTest::addColumn<bool>("dag");
    for (const char *name : {"small", "chain", "dag", "zoned", "empty", "self-loops", "cycle",
                             "duplicates", "disconnected", "nasty text"}) {
        const QString f = QString::fromUtf8(name);
        const bool dag = f != QLatin1String("cycle");
        QTest::newRow(qPrintable(f + " LR")) << f << int(LayoutDirection::LeftToRight) << dag;
        QTest::newRow(qPrintable(f + " TB")) << f << int(LayoutDirection::TopToBottom) << dag;
    }
}

void TestLayout::properties()
{
    QFETCH(QString, fixture);
    QFETCH(int, direction);
    QFETCH(bool, dag);
    auto d = make(fixture);
    const auto dir = LayoutDirection(direction);
    const LayoutResult r = DiagramLayout::apply(*d, options(LayoutEngine::Dot, dir));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.engineUsed, LayoutEngine::Dot);
    QVERIFY2(overlap(*d).isEmpty(), qPrintable(overlap(*d)));
    if (dag)
        QVERIFY2(forwardShare(*d, dir) >= 0.8, qPrintable(QString::number(forwardShare(*d, dir))));
}

void TestLayout::zonesHoldTheirMembers_data()
{
    QTest::addColumn<int>("direction");
    QTest::newRow("LR") << int(LayoutDirection::LeftToRight);
    QTest::newRow("TB") << int(LayoutDirection::TopToBottom);
}

void TestLayout::zonesHoldTheirMembers()
{
    QFETCH(int, direction);
    auto d = make("zoned");
    const LayoutResult r =
        DiagramLayout::apply(*d, options(LayoutEngine::Dot, LayoutDirection(direction)));
    QVERIFY2(r.ok, qPrintable(r.error));
    const Group &z1 = d->groups()[0];
    const Group &z2 = d->groups()[1];
    QVERIFY(!zoneRect(*d, z1).intersects(zoneRect(*d, z2)));
    QCOMPARE(r.zones.size(), 2);
    for (const Group &g : {z1, z2}) {
        const QRectF zone = zoneRect(*d, g);
        for (const Component &c : d->components()) {
            if (g.members.contains(c.id))
                QVERIFY(r.zones[d->groupIndex(g.id)].rect.contains(card(c)));
            else
                QVERIFY2(!zone.intersects(card(c)), qPrintable(c.id + " inside " + g.id));
        }
    }
}

void TestLayout::templateZonesApart_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(MLS_SOURCE_DIR "/templates"));
    for (const QString &f : dir.entryList({QStringLiteral("*.mlsketch")}, QDir::Files))
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestLayout::templateZonesApart()
{
    // Real designs with four or five zones stacked by dot: no zone, title band included,
    // may cover another one.
    QFETCH(QString, path);
    const ReadResult read = DiagramReader::readFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    Diagram &d = *read.diagram;
    const LayoutResult r =
        DiagramLayout::apply(d, options(LayoutEngine::Dot, LayoutDirection::LeftToRight));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY2(overlap(d).isEmpty(), qPrintable(overlap(d)));
    const auto &groups = d.groups();
    for (size_t i = 0; i < groups.size(); ++i) {
        QCOMPARE(r.zones[int(i)].rect, zoneRect(d, groups[i]));
        for (size_t j = i + 1; j < groups.size(); ++j)
            QVERIFY2(!zoneRect(d, groups[i]).intersects(zoneRect(d, groups[j])),
                     qPrintable(groups[i].id + " overlaps " + groups[j].id));
    }
}

void TestLayout::templateZonesApartSfdp_data()
{
    templateZonesApart_data();
}

void TestLayout::templateZonesApartSfdp()
{
    // sfdp has no clusters: zones are laid out on their own and placed as single boxes.
    QFETCH(QString, path);
    const ReadResult read = DiagramReader::readFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    Diagram &d = *read.diagram;
    for (const QString &dir : {QStringLiteral("LR"), QStringLiteral("TB")}) {
        const LayoutOptions o =
            options(LayoutEngine::Sfdp, *GraphvizLayout::directionFromName(dir));
        const LayoutInput in = DiagramLayout::input(d, o);
        const LayoutResult r = GraphvizLayout::run(in);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.engineUsed, LayoutEngine::Sfdp);
        const LayoutResult again = GraphvizLayout::run(in);
        QCOMPARE(again.centres, r.centres);
        QCOMPARE(again.routes.size(), r.routes.size());
        for (int i = 0; i < r.routes.size(); ++i)
            QCOMPARE(again.routes[i].points, r.routes[i].points);
        QUndoStack stack;
        stack.push(DiagramLayout::command(&d, in, r));
        QVERIFY2(overlap(d).isEmpty(), qPrintable(dir + ": " + overlap(d)));
        QVERIFY2(zoneProblem(d, r).isEmpty(), qPrintable(dir + ": " + zoneProblem(d, r)));
    }
}

void TestLayout::largeZonedSwitchesToSfdp()
{
    // 1,600 components, 1,200 of them in 10 zones: dot is replaced by sfdp for speed and the
    // zones must still come out apart.
    Diagram d;
    addDag(d, 1600, 2400, 5);
    for (int g = 0; g < 10; ++g) {
        QStringList members;
        for (int m = 0; m < 120; ++m)
            members << QStringLiteral("c%1").arg(g * 160 + m);
        addZone(d, QStringLiteral("z%1").arg(g), members);
    }
    const LayoutResult r = DiagramLayout::apply(d, {});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.engineUsed, LayoutEngine::Sfdp);
    QCOMPARE(r.zones.size(), 10);
    QVERIFY2(overlap(d).isEmpty(), qPrintable(overlap(d)));
    QVERIFY2(zoneProblem(d, r).isEmpty(), qPrintable(zoneProblem(d, r)));
}

void TestLayout::sfdpZonesWithPinAndSelection()
{
    // Pins and "selection only" behave with zones under sfdp as they do without.
    auto d = make("zoned");
    Component pinned = *d->component("c11");
    pinned.pos = {4000, -500};
    DiagramLayout::setPinned(pinned, true);
    d->updateComponent(pinned);
    const LayoutResult r = DiagramLayout::apply(*d, options(LayoutEngine::Sfdp, {}));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(d->component("c11")->pos, QPointF(4000, -500));
    QVERIFY2(overlap(*d).isEmpty(), qPrintable(overlap(*d)));
    QVERIFY2(zoneProblem(*d, r).isEmpty(), qPrintable(zoneProblem(*d, r)));

    const QStringList chosen{"c0", "c1", "c2", "c3", "c4", "c5", "c6"};
    QHash<QString, QPointF> before;
    QRectF oldBox;
    for (const Component &c : d->components()) {
        before.insert(c.id, c.pos);
        if (chosen.contains(c.id))
            oldBox |= card(c);
    }
    const LayoutInput in = DiagramLayout::input(*d, options(LayoutEngine::Sfdp, {}), chosen);
    const LayoutResult s = GraphvizLayout::run(in);
    QVERIFY2(s.ok, qPrintable(s.error));
    QUndoStack stack;
    stack.push(DiagramLayout::command(d.get(), in, s));
    QRectF newBox;
    for (const Component &c : d->components()) {
        if (chosen.contains(c.id))
            newBox |= card(c);
        else
            QCOMPARE(c.pos, before.value(c.id));
    }
    QCOMPARE(newBox.topLeft(), oldBox.topLeft());
    const QRectF zone = zoneRect(*d, d->groups()[0]); // z1 = c0…c3, all chosen
    for (const QString &id : chosen) {
        if (!d->groups()[0].members.contains(id))
            QVERIFY2(!zone.intersects(card(*d->component(id))), qPrintable(id));
    }
}

void TestLayout::pinnedStay()
{
    auto d = make("dag");
    QHash<QString, QPointF> pins{{"c3", {5000, -700}}, {"c17", {-300, 4000}}, {"c30", {0, 0}}};
    for (auto it = pins.cbegin(); it != pins.cend(); ++it) {
        Component c = *d->component(it.key());
        c.pos = it.value();
        DiagramLayout::setPinned(c, true);
        d->updateComponent(c);
    }
    const LayoutResult r = DiagramLayout::apply(*d, {});
    QVERIFY2(r.ok, qPrintable(r.error));
    for (auto it = pins.cbegin(); it != pins.cend(); ++it)
        QCOMPARE(d->component(it.key())->pos, it.value());
    QVERIFY2(overlap(*d).isEmpty(), qPrintable(overlap(*d)));
}

void TestLayout::undoRestoresExactly()
{
    auto d = make("zoned");
    for (const Component &c : d->components())
        d->moveComponent(c.id, QPointF(c.id.mid(1).toInt() * 13.37, 0.1 * c.id.size()));
    QHash<QString, QPointF> before;
    for (const Component &c : d->components())
        before.insert(c.id, c.pos);
    const LayoutInput in = DiagramLayout::input(*d, {});
    const LayoutResult r = GraphvizLayout::run(in);
    QUndoStack stack;
    stack.push(DiagramLayout::command(d.get(), in, r));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("Auto layout"));
    const QStringList ids = DiagramLayout::nodeIds(in);
    for (int i = 0; i < ids.size(); ++i)
        QCOMPARE(d->component(ids[i])->pos, r.centres[i]);
    stack.undo();
    for (const Component &c : d->components())
        QCOMPARE(c.pos, before.value(c.id));
    stack.redo();
    QCOMPARE(d->component(ids.last())->pos, r.centres.last());
}

void TestLayout::deterministic_data()
{
    QTest::addColumn<int>("engine");
    QTest::newRow("dot") << int(LayoutEngine::Dot);
    QTest::newRow("sfdp") << int(LayoutEngine::Sfdp);
}

void TestLayout::deterministic()
{
    QFETCH(int, engine);
    auto d = make("zoned");
    const LayoutInput in = DiagramLayout::input(*d, options(LayoutEngine(engine), {}));
    const LayoutResult a = GraphvizLayout::run(in);
    const LayoutResult b = GraphvizLayout::run(in);
    QVERIFY(a.ok && b.ok);
    QCOMPARE(a.centres, b.centres);
    QCOMPARE(a.routes.size(), b.routes.size());
    for (int i = 0; i < a.routes.size(); ++i)
        QCOMPARE(a.routes[i].points, b.routes[i].points);
}

void TestLayout::selectionOnly()
{
    auto d = make("dag");
    const QStringList chosen{"c5", "c6", "c7", "c8", "c9"};
    QHash<QString, QPointF> before;
    QRectF oldBox;
    for (const Component &c : d->components()) {
        d->moveComponent(c.id, QPointF(c.id.mid(1).toInt() * 300, 1000));
        before.insert(c.id, d->component(c.id)->pos);
        if (chosen.contains(c.id))
            oldBox |= card(*d->component(c.id));
    }
    const LayoutInput in = DiagramLayout::input(*d, {}, chosen);
    QCOMPARE(in.nodes.size(), chosen.size());
    const LayoutResult r = GraphvizLayout::run(in);
    QVERIFY2(r.ok, qPrintable(r.error));
    QUndoStack stack;
    stack.push(DiagramLayout::command(d.get(), in, r));
    QRectF newBox;
    for (const Component &c : d->components()) {
        if (chosen.contains(c.id))
            newBox |= card(c);
        else
            QCOMPARE(c.pos, before.value(c.id));
    }
    QCOMPARE(newBox.topLeft(), oldBox.topLeft());
}

void TestLayout::largeUsesSfdp()
{
    Diagram d;
    addDag(d, 2000, 3000, 9);
    for (int g = 0; g < 20; ++g)
        addZone(d, QStringLiteral("z%1").arg(g),
                {QStringLiteral("c%1").arg(g * 100), QStringLiteral("c%1").arg(g * 100 + 1)});
    const LayoutResult r = DiagramLayout::apply(d, {});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.engineUsed, LayoutEngine::Sfdp);
    QCOMPARE(r.message, QStringLiteral("2,000 components: used sfdp for speed"));
    QVERIFY2(overlap(d).isEmpty(), qPrintable(overlap(d)));
}

void TestLayout::messageCountsComponents()
{
    Diagram d;
    addDag(d, 1, 0, 1);
    LayoutResult r = DiagramLayout::apply(d, {});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.message, QStringLiteral("Laid out 1 component with dot"));
    Diagram three;
    addDag(three, 3, 0, 1);
    r = DiagramLayout::apply(three, {});
    QCOMPARE(r.message, QStringLiteral("Laid out 3 components with dot"));
}

void TestLayout::routesAreBeziers()
{
    auto d = make("small");
    const LayoutInput in = DiagramLayout::input(*d, {});
    const LayoutResult r = GraphvizLayout::run(in);
    QVERIFY(r.ok);
    QCOMPARE(r.routes.size(), 3);
    for (const EdgeRoute &route : r.routes) {
        QVERIFY(route.points.size() >= 4);
        QCOMPARE((route.points.size() - 1) % 3, 0);
        QVERIFY(route.arrowTip.has_value());
        // Routes run between the cards: the start lies near the source card's border.
        const Connection *e = d->connection(route.id);
        const QRectF from = card(r.centres[d->componentIndex(e->from)]).adjusted(-2, -2, 2, 2);
        QVERIFY(from.contains(route.points.first()));
    }
}

void TestLayout::noUserTextReachesGraphviz()
{
    auto d = make("nasty text");
    const QByteArray dot = GraphvizLayout::toDot(DiagramLayout::input(*d, {}));
    QVERIFY(dot.contains("cluster_0"));
    for (const char *text : {"quote", "slash", "html", "\xe8\xa7\x86"})
        QVERIFY2(!dot.contains(text), dot.constData());
}

void TestLayout::commaLocale()
{
    const char *set = std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    if (!set)
        QSKIP("no de_DE locale installed");
    auto d = make("dag");
    const LayoutResult r = DiagramLayout::apply(*d, {});
    const QByteArray after = std::setlocale(LC_NUMERIC, nullptr);
    std::setlocale(LC_NUMERIC, "C");
    QVERIFY(r.ok);
    QCOMPARE(after, QByteArray("de_DE.UTF-8"));
    QVERIFY2(overlap(*d).isEmpty(), qPrintable(overlap(*d)));
}

void TestLayout::debugDumpWritesDot()
{
    const QStringList pattern{QStringLiteral("mlsketch-layout-*.dot")};
    const QStringList before = QDir::temp().entryList(pattern, QDir::Files);
    qputenv("MLSKETCH_DEBUG_LAYOUT", "1");
    auto d = make("small");
    const LayoutResult r = DiagramLayout::apply(*d, {});
    qunsetenv("MLSKETCH_DEBUG_LAYOUT");
    QVERIFY(r.ok);
    QStringList added = QDir::temp().entryList(pattern, QDir::Files);
    for (const QString &old : before)
        added.removeAll(old);
    QCOMPARE(added.size(), 1);
    QFile file(QDir::temp().filePath(added.constFirst()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("digraph mlsketch"));
    file.remove();
}

void TestLayout::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("dot") << "dot" << true;
    QTest::newRow("sfdp") << "sfdp" << true;
    QTest::newRow("neato") << "neato" << false;
    QTest::newRow("LR") << "LR" << true;
    QTest::newRow("tb") << "tb" << true;
    QTest::newRow("RL") << "RL" << false;
}

void TestLayout::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const bool parsed = GraphvizLayout::engineFromName(name).has_value() ||
                        GraphvizLayout::directionFromName(name).has_value();
    QCOMPARE(parsed, valid);
}

void TestLayout::pinProperty()
{
    Component c = component("a", "cache");
    QVERIFY(!DiagramLayout::isPinned(c));
    DiagramLayout::setPinned(c, true);
    QVERIFY(DiagramLayout::isPinned(c));
    QCOMPARE(c.props.dump(), std::string(R"({"pinned":true})"));
    DiagramLayout::setPinned(c, false);
    QCOMPARE(c.props.dump(), std::string("{}"));
}

void TestLayout::routesStoredWithTheLayout()
{
    auto d = make("zoned");
    const LayoutInput in = DiagramLayout::input(*d, {});
    const LayoutResult r = GraphvizLayout::run(in);
    QUndoStack stack;
    stack.push(DiagramLayout::command(d.get(), in, r));
    for (const Connection &e : d->connections()) {
        // Each route belongs to where its cards now are, and runs from one card to the other.
        const QPointF from = d->component(e.from)->pos, to = d->component(e.to)->pos;
        QVERIFY2(e.route.fits(from, to), qPrintable(e.id));
        QCOMPARE((e.route.points.size() - 1) % 3, 0);
        QVERIFY(card(from).adjusted(-2, -2, 2, 2).contains(e.route.points.first()));
        QVERIFY(card(to).adjusted(-2, -2, 2, 2).contains(e.route.tip));
    }
    stack.undo();
    for (const Connection &e : d->connections())
        QVERIFY(e.route.isEmpty());
    stack.redo();
    // Headless apply() stores the same routes.
    auto h = make("zoned");
    DiagramLayout::apply(*h, {});
    for (const Connection &e : d->connections())
        QCOMPARE(h->connection(e.id)->route, e.route);
}

void TestLayout::routeFileFormIsExact()
{
    ConnectionRoute route;
    route.fromCentre = QPointF(0.1 + 0.2, -29.999999999999996);
    route.toCentre = QPointF(1e7, -1e7);
    route.points = {{1, 2}, {3.25, 4}, {5, 6}, {7, 8.125}};
    route.tip = QPointF(9, 10);
    const Json j = route.toJson();
    QCOMPARE(QString::fromStdString(j["points"].get<std::string>()),
             QStringLiteral("1,2 3.25,4 5,6 7,8.125"));
    QString problem;
    const ConnectionRoute back = ConnectionRoute::fromJson(j, 1e7, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(back.fromCentre.x() == route.fromCentre.x()); // bit for bit, not fuzzily
    QVERIFY(back.fromCentre.y() == route.fromCentre.y());
    QCOMPARE(back, route);
    QVERIFY(ConnectionRoute::fromJson(j, 1e6, &problem).isEmpty());
    QVERIFY2(problem.contains("not an x,y pair within"), qPrintable(problem));
}

QTEST_APPLESS_MAIN(TestLayout)
#include "tst_layout.moc"
