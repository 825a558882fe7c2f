// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "ComponentProps.h"
#include "Diagram.h"
#include "LatencyAnalysis.h"
#include "Lineage.h"
#include "NodeMarks.h"
#include "RuleGraph.h"
#include "RulePack.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <functional>

using namespace mls;

/// What the rule graph keeps so the graph rules read less per walk (per-node kind traits, arcs
/// beside the adjacency, list tables found by address, flows found by name, FlowSet's inline
/// bits, latency read once per analysis), each against a plain reading of the diagram and the
/// catalog: on random designs, after edits the kept graph patches, and after prop edits.
class TestRuleGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesPlainReading_data();
    void matchesPlainReading();
    void keptGraphFollowsEdits_data();
    void keptGraphFollowsEdits();
    void flowByNameMatchesCatalog();
    void flowSetMatchesPlainList();
    void nodeQueuesNest();
    void latencyMatchesPlainLongestPath_data();
    void latencyMatchesPlainLongestPath();
};

namespace {

const QString UnknownKind = QStringLiteral("mystery_box");
const QString UnknownFlow = QStringLiteral("telepathy");

/// A random design: catalog kinds and an unknown one, connections of catalog flows and an
/// unknown one, self loops and duplicates included.
std::unique_ptr<Diagram> randomDesign(quint32 seed, int components, int connections)
{
    QRandomGenerator rng(seed);
    const Catalog &cat = Catalog::builtin();
    auto d = std::make_unique<Diagram>();
    for (int i = 0; i < components; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        const int k = rng.bounded(int(cat.kinds().size()) + 1);
        c.kind = k == cat.kinds().size() ? UnknownKind : cat.kinds()[k].id;
        d->insertComponent(i, c);
    }
    for (int i = 0; i < connections; ++i)
        d->insertConnection(i, [&] {
            Connection c;
            c.id = QStringLiteral("e%1").arg(i);
            c.from = d->components()[size_t(rng.bounded(components))].id;
            c.to = d->components()[size_t(rng.bounded(components))].id;
            const int f = rng.bounded(int(cat.flows().size()) + 1);
            c.flow = f == cat.flows().size() ? UnknownFlow : cat.flows()[f].id;
            return c;
        }());
    return d;
}

/// Every kind list the core rules pass to isKind(), and lists made anew (more than the graph
/// keeps tables for), asked in an interleaved order.
QVector<QStringList> kindLists(QRandomGenerator &rng)
{
    QVector<QStringList> lists;
    for (const Rule &r : RulePack::core())
        lists << r.kinds << r.fromKinds << r.toKinds;
    const Catalog &cat = Catalog::builtin();
    for (int i = 0; i < 40; ++i) {
        QStringList fresh;
        for (int k = 0; k < 4; ++k)
            fresh << cat.kinds()[rng.bounded(int(cat.kinds().size()))].id;
        if (i % 5 == 0)
            fresh << UnknownKind;
        lists << fresh;
    }
    lists << QStringList();
    return lists;
}

/// Checks @p g node by node and edge by edge against the diagram and the catalog.
void compareWithPlainReading(const RuleGraph &g, QRandomGenerator &rng)
{
    const Catalog &cat = Catalog::builtin();
    const QVector<QStringList> lists = kindLists(rng);
    const KindRole roles[] = {KindRole::RequestOrigin,  KindRole::OutcomeEvents,
                              KindRole::ExternalEvents, KindRole::Labeler,
                              KindRole::Trainer,        KindRole::TrainingSide,
                              KindRole::HostedModel};
    for (int round = 0; round < 2; ++round) {
        for (int n = 0; n < g.nodeCount(); ++n) {
            const Component &c = g.node(n);
            const KindInfo *k = cat.kind(c.kind);
            const QString where = QStringLiteral("node %1 (%2)").arg(c.id, c.kind);
            QCOMPARE(g.kind(n), k);
            QVERIFY2(g.placement(n) == (k ? k->placement : Placement::Offline), qPrintable(where));
            for (KindRole r : roles)
                QVERIFY2(g.hasRole(n, r) == (k && k->has(r)), qPrintable(where));
            for (int i = 0; i < lists.size(); ++i) {
                const QStringList &list = lists[(i * 7 + n + round) % lists.size()];
                QVERIFY2(g.isKind(n, list) == list.contains(c.kind),
                         qPrintable(where + QStringLiteral(" in ") + list.join(QLatin1Char(','))));
            }
        }
    }
    // Flow lists the same way, edge by edge (the graph keeps the last few lists it found).
    QVector<QStringList> flowLists;
    for (const Rule &r : RulePack::core())
        flowLists << r.flows;
    for (int i = 0; i < 12; ++i) {
        QStringList fresh;
        for (int f = 0; f < 3; ++f)
            fresh << cat.flows()[rng.bounded(int(cat.flows().size()))].id;
        if (i % 4 == 0)
            fresh << UnknownFlow;
        flowLists << fresh;
    }
    for (int round = 0; round < 2; ++round) {
        for (int e = 0; e < g.edgeCount(); ++e) {
            const Connection &c = *g.edge(e).connection;
            for (int i = 0; i < flowLists.size(); ++i) {
                const QStringList &list = flowLists[(i * 5 + e + round) % flowLists.size()];
                QVERIFY2(g.isFlow(e, list) == list.contains(c.flow),
                         qPrintable(QStringLiteral("edge %1 (%2) in %3")
                                        .arg(c.id, c.flow, list.join(QLatin1Char(',')))));
            }
        }
    }
    // Ids found by address (copies of the nodes' ids) and by characters (a string of its own),
    // before and after the look-ups that make the table, and again after it is dropped.
    for (int pass = 0; pass < 2; ++pass) {
        for (int n = 0; n < g.nodeCount(); ++n) {
            const QString copy = g.node(n).id;
            const QString own = QString(copy.constData(), copy.size());
            QCOMPARE(g.indexOfCopy(copy), n);
            QCOMPARE(g.indexOfCopy(own), n);
            QCOMPARE(g.indexOfCopy(copy + QLatin1String("-gone")), -1);
        }
        g.dropCopyIndex();
    }
    // Arcs: the edges of out() and in(), in the same order.
    for (int n = 0; n < g.nodeCount(); ++n) {
        for (bool outgoing : {true, false}) {
            const RuleGraph::EdgeRange edges = outgoing ? g.out(n) : g.in(n);
            const RuleGraph::ArcRange arcs = outgoing ? g.outArcs(n) : g.inArcs(n);
            QCOMPARE(int(arcs.end() - arcs.begin()), edges.size());
            const RuleGraph::Arc *a = arcs.begin();
            for (int e : edges) {
                const RuleGraph::Edge &edge = g.edge(e);
                QCOMPARE(outgoing ? edge.from : edge.to, n);
                QCOMPARE(a->node, outgoing ? edge.to : edge.from);
                QCOMPARE(a->flow, edge.flow);
                QCOMPARE(a->synchronous, edge.synchronous);
                QCOMPARE(a->flow, cat.flowIndex(edge.connection->flow));
                ++a;
            }
        }
    }
}

} // namespace

void TestRuleGraph::matchesPlainReading_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("components");
    QTest::addColumn<int>("connections");
    QTest::newRow("small") << 1u << 12 << 30;
    QTest::newRow("sparse") << 2u << 200 << 150;
    QTest::newRow("dense") << 3u << 150 << 900;
    QTest::newRow("no connections") << 4u << 40 << 0;
}

void TestRuleGraph::matchesPlainReading()
{
    QFETCH(quint32, seed);
    QFETCH(int, components);
    QFETCH(int, connections);
    const std::unique_ptr<Diagram> d = randomDesign(seed, components, connections);
    const Catalog &cat = Catalog::builtin();
    QRandomGenerator rng(seed + 100);
    compareWithPlainReading(RuleGraph::whole(*d, cat), rng);
    const QStringList seeds{d->components()[0].id, d->components()[size_t(components / 2)].id};
    compareWithPlainReading(RuleGraph::region(*d, cat, seeds), rng);
    compareWithPlainReading(RuleGraph::neighbourhood(*d, cat, seeds), rng);
}

void TestRuleGraph::keptGraphFollowsEdits_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("1") << 11u;
    QTest::newRow("2") << 12u;
    QTest::newRow("3") << 13u;
}

void TestRuleGraph::keptGraphFollowsEdits()
{
    // The kept whole graph is patched in place for added connections (arcs inserted beside the
    // adjacency) and rebuilt from its edges after removals and kind changes: either way it must
    // read as a graph built afresh.
    QFETCH(quint32, seed);
    std::unique_ptr<Diagram> d = randomDesign(seed, 60, 180);
    const Catalog &cat = Catalog::builtin();
    QRandomGenerator rng(seed);
    RuleGraph kept = RuleGraph::whole(*d, cat);
    compareWithPlainReading(kept, rng); // fills the list tables before the edits
    for (int step = 0; step < 40; ++step) {
        QVector<const Connection *> gone;
        QStringList connections, components;
        const int what = rng.bounded(3);
        if (what == 0 || d->connections().empty()) { // add one or two connections
            for (int k = 0; k < 1 + rng.bounded(2); ++k) {
                Connection c;
                c.id = QStringLiteral("s%1_%2").arg(step).arg(k);
                c.from = d->components()[size_t(rng.bounded(60))].id;
                c.to = d->components()[size_t(rng.bounded(60))].id;
                c.flow = cat.flows()[rng.bounded(int(cat.flows().size()))].id;
                d->insertConnection(rng.bounded(int(d->connections().size()) + 1), c);
                connections << c.id;
            }
        } else if (what == 1) { // remove one
            const Connection &c =
                d->connections()[size_t(rng.bounded(int(d->connections().size())))];
            gone << &c;
            connections << c.id;
            d->takeConnection(QString(c.id));
        } else { // change a kind
            Component c = d->components()[size_t(rng.bounded(60))];
            c.kind = cat.kinds()[rng.bounded(int(cat.kinds().size()))].id;
            d->updateComponent(c);
            components << c.id;
        }
        QVERIFY2(kept.updateWhole(*d, gone, connections, components),
                 qPrintable(QStringLiteral("step %1").arg(step)));
        compareWithPlainReading(kept, rng);
        const RuleGraph fresh = RuleGraph::whole(*d, cat);
        QCOMPARE(kept.edgeCount(), fresh.edgeCount());
        for (int e = 0; e < fresh.edgeCount(); ++e)
            QCOMPARE(kept.edge(e).connection, fresh.edge(e).connection);
    }
}

void TestRuleGraph::flowByNameMatchesCatalog()
{
    const std::unique_ptr<Diagram> d = randomDesign(5, 3, 0);
    const Catalog &cat = Catalog::builtin();
    const RuleGraph g = RuleGraph::whole(*d, cat);
    // One buffer reused for every name: found again by its address, it must still be read.
    char buffer[64];
    for (int round = 0; round < 3; ++round) {
        for (const FlowType &f : cat.flows()) {
            const QByteArray id = f.id.toUtf8();
            QVERIFY(size_t(id.size()) < sizeof buffer);
            std::strcpy(buffer, id.constData());
            QCOMPARE(g.flow(buffer), cat.flowIndex(f.id));
            QCOMPARE(g.flow(id.constData()), cat.flowIndex(f.id));
        }
        std::strcpy(buffer, "telepathy");
        QCOMPARE(g.flow(buffer), -1);
        QCOMPARE(g.flow("model"), cat.flowIndex(QStringLiteral("model")));
        QCOMPARE(g.flow(""), -1);
    }
}

void TestRuleGraph::flowSetMatchesPlainList()
{
    const std::unique_ptr<Diagram> d = randomDesign(6, 3, 0);
    const Catalog &cat = Catalog::builtin();
    const RuleGraph g = RuleGraph::whole(*d, cat);
    const QStringList named{QStringLiteral("predictions"), QStringLiteral("metrics"),
                            QStringLiteral("labels")};
    const FlowSet set(g, {"predictions", "metrics", "labels", "no_such_flow"});
    const FlowSet data = FlowSet::dataBut(g, {"model", "predictions"});
    QVERIFY(!set.contains(-1)); // a flow the catalog does not know
    QVERIFY(data.contains(-1)); // is data
    for (int f = 0; f < cat.flows().size(); ++f) {
        const FlowType &flow = cat.flows()[f];
        QCOMPARE(set.contains(f), named.contains(flow.id));
        const bool isData = !flow.synchronous && flow.id != QLatin1String("model") &&
                            flow.id != QLatin1String("predictions");
        QVERIFY2(data.contains(f) == isData, qPrintable(flow.id));
    }
}

void TestRuleGraph::nodeQueuesNest()
{
    NodeQueue outer;
    outer.push_back(1);
    {
        NodeQueue inner;
        QVERIFY(inner.empty());
        inner.push_back(2);
        inner.push_back(3);
        QCOMPARE(inner.toVector(1), QVector<int>{3});
        QCOMPARE(outer.toVector(), QVector<int>{1});
    }
    outer.push_back(4);
    QCOMPARE(outer.toVector(), (QVector<int>{1, 4}));
    QCOMPARE(outer.toVector(5), QVector<int>());
    NodeQueue again; // takes the inner level again, empty
    QVERIFY(again.empty());
}

void TestRuleGraph::latencyMatchesPlainLongestPath_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 s = 21; s < 27; ++s)
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(s))) << s;
}

void TestRuleGraph::latencyMatchesPlainLongestPath()
{
    // Calls only go to later components (no cycle), so the critical path is a plain recursion:
    // a component's p99 plus the slowest of its calls into online components and stores and,
    // when it is online, of the stores it reads. The p99 is read from props on every ask here,
    // and the props change between analyses.
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    const Catalog &cat = Catalog::builtin();
    QStringList online, stores, clients;
    for (const KindInfo &k : cat.kinds()) {
        if (k.has(KindRole::RequestOrigin))
            clients << k.id;
        else if (k.placement == Placement::Online)
            online << k.id;
        else if (k.placement == Placement::Store)
            stores << k.id;
    }
    QVERIFY(!clients.isEmpty() && !online.isEmpty() && !stores.isEmpty());
    const int n = 40;
    Diagram d;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        const QStringList &kinds = i < 4 ? clients : rng.bounded(3) == 0 ? stores : online;
        c.kind = kinds[rng.bounded(int(kinds.size()))];
        d.insertComponent(i, c);
    }
    const QString requests = QStringLiteral("requests"), features = QStringLiteral("features");
    for (int k = 0; k < 120; ++k) {
        const int a = rng.bounded(n - 1);
        const int b = a + 1 + rng.bounded(n - a - 1);
        Connection c;
        c.id = QStringLiteral("e%1").arg(k);
        // A lookup: a store feeds a later reader; a call: the earlier calls the later.
        const bool lookup = stores.contains(d.components()[size_t(a)].kind) && rng.bounded(2);
        c.from = d.components()[size_t(a)].id;
        c.to = d.components()[size_t(b)].id;
        c.flow = lookup ? features : requests;
        d.insertConnection(k, c);
    }
    auto plainP99 = [&](const Component &c) {
        const auto ms = known::latencyOverrideMs(c.props);
        const KindInfo *k = cat.kind(c.kind);
        return ms && *ms >= 0 && *ms < 1e12 ? *ms : (k ? k->latencyMs : 0.0);
    };
    std::vector<double> memo;
    std::function<double(int)> cost = [&](int i) -> double {
        if (memo[size_t(i)] >= 0)
            return memo[size_t(i)];
        const Component &c = d.components()[size_t(i)];
        double best = 0;
        for (const Connection &e : d.connections()) {
            const int to = d.componentIndex(e.to), from = d.componentIndex(e.from);
            const KindInfo *toKind = cat.kind(d.components()[size_t(to)].kind);
            const KindInfo *fromKind = cat.kind(d.components()[size_t(from)].kind);
            const bool sync =
                cat.flowIndex(e.flow) >= 0 && cat.flows()[cat.flowIndex(e.flow)].synchronous;
            if (from == i && sync && toKind &&
                (toKind->placement == Placement::Online || toKind->placement == Placement::Store))
                best = std::max(best, cost(to));
            if (to == i && !sync && fromKind && fromKind->placement == Placement::Store &&
                cat.kind(c.kind)->placement == Placement::Online)
                best = std::max(best, plainP99(d.components()[size_t(from)]));
        }
        return memo[size_t(i)] = plainP99(c) + best;
    };
    for (int round = 0; round < 4; ++round) {
        const QVector<LatencyPath> paths = LatencyAnalysis::analyze(d, cat);
        QCOMPARE(paths.size(), 4);
        memo.assign(size_t(n), -1);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(paths[i].client, d.components()[size_t(i)].id);
            QCOMPARE(paths[i].totalMs, cost(i));
        }
        // Edit some latencies (invalid ones fall back to the kind's default) and ask again.
        for (int k = 0; k < 10; ++k) {
            Component c = d.components()[size_t(4 + rng.bounded(n - 4))];
            const int choice = rng.bounded(4);
            c.props = choice == 0   ? known::withLatencyOverride(c.props, rng.bounded(500))
                      : choice == 1 ? known::withLatencyOverride(c.props, -5)
                      : choice == 2 ? known::withoutLatencyOverride(c.props)
                                    : Json{{"latency_ms", "fast"}};
            d.updateComponent(c);
        }
    }
}

QTEST_APPLESS_MAIN(TestRuleGraph)
#include "tst_rule_graph.moc"
