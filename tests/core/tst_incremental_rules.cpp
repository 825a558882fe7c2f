// SPDX-License-Identifier: MIT
// Differential test of RuleEngine::recheck(): after every random edit of a design, the
// incremental answer must equal a fresh full check, finding for finding.
#include "../LimitDesigns.h"
#include "../RuleEdits.h"
#include "../TestDiagrams.h"
#include "DiagramReader.h"
#include "RuleEngine.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace mls;

namespace {

/// A total order on findings (RuleEngine::sort leaves ties of one key in any order).
QVector<Finding> canonical(QVector<Finding> v)
{
    std::vector<std::pair<QString, int>> order;
    for (int i = 0; i < v.size(); ++i)
        order.emplace_back(v[i].key() + QChar(1) + v[i].message() + QChar(1) +
                               QString::number(int(v[i].severity())) +
                               QString::number(int(v[i].waived())) + v[i].waiverReason(),
                           i);
    std::sort(order.begin(), order.end());
    QVector<Finding> sorted;
    for (const auto &o : order)
        sorted.push_back(v[o.second]);
    return sorted;
}

QStringList describe(const QVector<Finding> &v)
{
    QStringList lines;
    for (const Finding &f : v)
        lines << f.key() + QStringLiteral(" [") + severityName(f.severity()) +
                     (f.waived() ? QStringLiteral(", waived] ") : QStringLiteral("] ")) +
                     f.message();
    return lines;
}

QStringList describe(const QVector<StaleWaiver> &v)
{
    QStringList lines;
    for (const StaleWaiver &w : v)
        lines << w.item + QLatin1Char('|') + w.rule;
    lines.sort();
    return lines;
}

std::unique_ptr<Diagram> readTemplate(const QString &name)
{
    ReadResult read = DiagramReader::readFile(QStringLiteral(MLS_SOURCE_DIR "/templates/") + name);
    if (!read.ok())
        qFatal("%s: %s", qPrintable(name), qPrintable(read.error));
    return std::move(read.diagram);
}

/// Every template of templates/ side by side, ids prefixed: several disjoint parts that
/// random connections join and removals split again.
std::unique_ptr<Diagram> allTemplates()
{
    auto d = std::make_unique<Diagram>();
    const QStringList names =
        QDir(QStringLiteral(MLS_SOURCE_DIR "/templates")).entryList({"*.mlsketch"}, QDir::Files);
    for (int k = 0; k < names.size(); ++k) {
        const std::unique_ptr<Diagram> t = readTemplate(names[k]);
        const QString prefix = QStringLiteral("t%1_").arg(k);
        for (Component c : t->components()) {
            c.id = prefix + c.id;
            d->insertComponent(int(d->components().size()), c);
        }
        for (Connection c : t->connections()) {
            c.id = prefix + c.id;
            c.from = prefix + c.from;
            c.to = prefix + c.to;
            d->insertConnection(int(d->connections().size()), c);
        }
    }
    return d;
}

/// Synchronous rings of services with a feedback loop through training: cycles everywhere.
std::unique_ptr<Diagram> cycles(int rings, int size)
{
    auto d = std::make_unique<Diagram>();
    int edge = 0;
    auto link = [&](const QString &from, const QString &to, const QString &flow) {
        d->insertConnection(edge,
                            test::connection(QStringLiteral("e%1").arg(edge), from, to, flow));
        ++edge;
    };
    const char *kinds[] = {"service", "model_server", "ranking", "api_gateway"};
    for (int r = 0; r < rings; ++r) {
        for (int i = 0; i < size; ++i)
            d->insertComponent(int(d->components().size()),
                               test::component(QStringLiteral("r%1_%2").arg(r).arg(i),
                                               QString::fromLatin1(kinds[i % 4])));
        for (int i = 0; i < size; ++i)
            link(QStringLiteral("r%1_%2").arg(r).arg(i),
                 QStringLiteral("r%1_%2").arg(r).arg((i + 1) % size), QStringLiteral("requests"));
    }
    const QStringList loop{"client", "data_lake", "batch_etl", "trainer", "model_registry"};
    for (const QString &k : loop)
        d->insertComponent(int(d->components().size()), test::component(k, k));
    link("client", "r0_0", "requests");
    link("r0_1", "data_lake", "predictions");
    link("data_lake", "batch_etl", "batch_data");
    link("batch_etl", "trainer", "training_data");
    link("trainer", "model_registry", "model");
    link("model_registry", "r0_1", "model");
    return d;
}

/// The findings of a fresh full check of @p d against @p got (a re-check's), with the edit
/// and both lists on failure.
bool sameAsFullCheck(const Diagram &d, const QVector<Finding> &got, const QString &edit,
                     QString *failure)
{
    RuleEngine fresh;
    const QVector<Finding> want = canonical(fresh.check(d));
    const QVector<Finding> have = canonical(got);
    if (have == want)
        return true;
    *failure = QStringLiteral("%1\ngot:\n%2\nwant:\n%3")
                   .arg(edit, describe(have).join('\n'), describe(want).join('\n'));
    return false;
}

std::unique_ptr<Diagram> limitDesign(const QString &shape, int n)
{
    Limits limits;
    limits.maxComponents = n;
    limits.maxConnections = 4 * n;
    ReadResult read = DiagramReader::read(test::LimitDesigns::make(shape, limits), shape);
    if (!read.ok())
        qFatal("%s: %s", qPrintable(shape), qPrintable(read.error));
    return std::move(read.diagram);
}

/// One served model with its feature store, training pipeline, registry and monitoring, and
/// spare pieces beside it (all one connected part, so the engine keeps its whole graph and
/// re-runs the startwise rules in part): the rows of connectsEqualCheck() close and open the
/// loops each rule looks for.
std::unique_ptr<Diagram> servedModel()
{
    auto d = std::make_unique<Diagram>();
    const QStringList kinds{"client",     "model_server", "feature_store",    "data_lake",
                            "batch_etl",  "trainer",      "model_registry",   "monitoring",
                            "labeling",   "event_stream", "feature_pipeline", "ranking",
                            "evaluation", "cache",        "stream_processor", "trainer"};
    for (qsizetype i = 0; i < kinds.size(); ++i)
        d->insertComponent(int(i), test::component(QStringLiteral("n%1").arg(i), kinds[i]));
    const QStringList links{"n0 n1 requests",      "n2 n1 features",   "n1 n3 predictions",
                            "n4 n5 training_data", "n5 n6 model",      "n6 n1 model",
                            "n9 n8 events",        "n10 n2 features",  "n1 n11 requests",
                            "n15 n6 model",        "n13 n11 features", "n14 n7 metrics",
                            "n9 n14 events",       "n12 n7 metrics",   "n3 n10 batch_data"};
    for (qsizetype i = 0; i < links.size(); ++i) {
        const QStringList l = links[i].split(' ');
        d->insertConnection(int(i),
                            test::connection(QStringLiteral("e%1").arg(i), l[0], l[1], l[2]));
    }
    return d;
}

/// Bridged random subsystems as the bench builds them (one connected part), small.
std::unique_ptr<Diagram> randomConnected(int parts, int size, quint32 seed)
{
    QRandomGenerator rng(seed);
    auto d = std::make_unique<Diagram>();
    const Catalog &cat = Catalog::builtin();
    for (int i = 0; i < parts * size; ++i)
        d->insertComponent(i,
                           test::component(QStringLiteral("c%1").arg(i),
                                           cat.kinds()[rng.bounded(int(cat.kinds().size()))].id));
    int edge = 0;
    auto connect = [&](int from, int to) {
        const QString a = d->components()[size_t(from)].kind, b = d->components()[size_t(to)].kind;
        const QStringList flows = cat.compatibleFlows(a, b);
        const QString flow = flows.isEmpty() ? cat.flows()[rng.bounded(int(cat.flows().size()))].id
                                             : flows[rng.bounded(flows.size())];
        d->insertConnection(edge, test::connection(QStringLiteral("e%1").arg(edge),
                                                   d->components()[size_t(from)].id,
                                                   d->components()[size_t(to)].id, flow));
        ++edge;
    };
    for (int p = 0; p < parts; ++p) {
        for (int k = 0; k < size * 2; ++k)
            connect(p * size + rng.bounded(size), p * size + rng.bounded(size));
        connect(p * size, ((p + 1) % parts) * size);
    }
    return d;
}

} // namespace

class TestIncrementalRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recheckEqualsCheck_data();
    void recheckEqualsCheck();
    void everyFlowEqualsCheck_data();
    void everyFlowEqualsCheck();
    void reorderedEqualsCheck();
    void connectsEqualCheck_data();
    void connectsEqualCheck();
    void randomConnectsEqualCheck_data();
    void randomConnectsEqualCheck();
};

void TestIncrementalRules::recheckEqualsCheck_data()
{
    QTest::addColumn<QString>("design");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("edits");
    QTest::addColumn<int>("batch"); // edits coalesced into one re-check, as the window does
    const QStringList names =
        QDir(QStringLiteral(MLS_SOURCE_DIR "/templates")).entryList({"*.mlsketch"}, QDir::Files);
    QVERIFY(!names.isEmpty());
    quint32 seed = 1;
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name << seed++ << 300 << 1;
    for (const QString &name : names)
        QTest::newRow(qPrintable(name + QStringLiteral(", batches"))) << name << seed++ << 100 << 4;
    QTest::newRow("all templates") << "all" << 101u << 250 << 1;
    QTest::newRow("all templates, seed 102") << "all" << 102u << 250 << 1;
    QTest::newRow("all templates, batches") << "all" << 108u << 150 << 5;
    QTest::newRow("synchronous cycles") << "cycles" << 103u << 300 << 1;
    QTest::newRow("synchronous cycles, batches") << "cycles" << 109u << 150 << 3;
    QTest::newRow("deep chain") << "chain" << 104u << 200 << 1;
    QTest::newRow("many clients") << "clients" << 105u << 150 << 1;
    QTest::newRow("fan") << "fanout" << 106u << 200 << 1;
    QTest::newRow("shared feature chain") << "shared" << 107u << 150 << 1;
}

void TestIncrementalRules::recheckEqualsCheck()
{
    QFETCH(QString, design);
    QFETCH(quint32, seed);
    QFETCH(int, edits);
    QFETCH(int, batch);
    std::unique_ptr<Diagram> d;
    if (design.endsWith(QLatin1String(".mlsketch")))
        d = readTemplate(design);
    else if (design == QLatin1String("all"))
        d = allTemplates();
    else if (design == QLatin1String("cycles"))
        d = cycles(6, 12);
    else
        d = limitDesign(design, 300);
    RuleEngine incremental;
    incremental.check(*d);
    QRandomGenerator rng(seed);
    for (int step = 0; step < edits; ++step) {
        QStringList components, connections;
        const int count = 1 + int(rng.bounded(quint32(batch)));
        for (int i = 0; i < count; ++i) {
            const auto [c, e] = test::randomEdit(*d, rng);
            components += c;
            connections += e;
        }
        components.removeDuplicates();
        connections.removeDuplicates();
        const QVector<Finding> got = incremental.recheck(*d, components, connections);
        QString failure;
        if (!sameAsFullCheck(*d, got,
                             QStringLiteral("step %1, edit of %2 %3")
                                 .arg(step)
                                 .arg(components.join(','), connections.join(',')),
                             &failure))
            QFAIL(qPrintable(failure));
        RuleEngine fresh;
        fresh.check(*d);
        QCOMPARE(describe(incremental.staleWaivers(*d)), describe(fresh.staleWaivers(*d)));
    }
}

void TestIncrementalRules::everyFlowEqualsCheck_data()
{
    QTest::addColumn<QString>("design");
    const QStringList names =
        QDir(QStringLiteral(MLS_SOURCE_DIR "/templates")).entryList({"*.mlsketch"}, QDir::Files);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
    QTest::newRow("synchronous cycles") << "cycles";
}

// A re-check leaves a graph rule's findings alone after an edit of a connection it does not
// read (CheckReads): every connection of the design takes every flow of the catalog and one it
// does not know, and every component gets a connection of every flow to a random other one
// (inside a cycle, across parts), each re-checked against a full check and undone.
void TestIncrementalRules::everyFlowEqualsCheck()
{
    QFETCH(QString, design);
    std::unique_ptr<Diagram> d =
        design == QLatin1String("cycles") ? cycles(3, 6) : readTemplate(design);
    QStringList flows;
    for (const FlowType &f : Catalog::builtin().flows())
        flows << f.id;
    flows << QStringLiteral("telepathy");
    RuleEngine incremental;
    incremental.check(*d);
    QString failure;
    QRandomGenerator rng(qHash(design));
    const int connections = int(d->connections().size());
    for (int i = 0; i < connections; ++i) {
        const Connection original = d->connections()[size_t(i)];
        for (const QString &flow : flows) {
            Connection c = original;
            c.flow = flow;
            d->updateConnection(c);
            if (!sameAsFullCheck(*d, incremental.recheck(*d, {}, {c.id}),
                                 QStringLiteral("%1 made %2").arg(c.id, flow), &failure))
                QFAIL(qPrintable(failure));
        }
        d->updateConnection(original);
        incremental.recheck(*d, {}, {original.id});
    }
    const int components = int(d->components().size());
    for (int i = 0; i < components; ++i) {
        for (const QString &flow : flows) {
            const Component &from = d->components()[size_t(i)];
            const Component &to = d->components()[rng.bounded(quint32(components))];
            const Connection c = test::connection(QStringLiteral("probe"), from.id, to.id, flow);
            d->insertConnection(int(rng.bounded(quint32(connections + 1))), c);
            const QString edit = QStringLiteral("%1 -> %2 (%3)").arg(c.from, c.to, flow);
            if (!sameAsFullCheck(*d, incremental.recheck(*d, {}, {c.id}), edit, &failure))
                QFAIL(qPrintable(failure));
            d->takeConnection(c.id);
            if (!sameAsFullCheck(*d, incremental.recheck(*d, {}, {c.id}), edit + " undone",
                                 &failure))
                QFAIL(qPrintable(failure));
        }
    }
}

// Diagram::reorderComponent() moves a component in the file order without an edit the rules
// hear of: the rule graph the engine keeps must not go on mapping ids to the old positions.
void TestIncrementalRules::reorderedEqualsCheck()
{
    const QStringList names =
        QDir(QStringLiteral(MLS_SOURCE_DIR "/templates")).entryList({"*.mlsketch"}, QDir::Files);
    for (const QString &name : names) {
        std::unique_ptr<Diagram> d = readTemplate(name);
        RuleEngine incremental;
        incremental.check(*d);
        d->reorderComponent(d->components().back().id, 0);
        const Connection c = test::connection(QStringLiteral("probe"), d->components()[1].id,
                                              d->components()[d->components().size() / 2].id,
                                              QStringLiteral("requests"));
        d->insertConnection(0, c);
        QString failure;
        if (!sameAsFullCheck(
                *d, incremental.recheck(*d, {}, {c.id}),
                name + QStringLiteral(": ") + c.from + QStringLiteral(" calls ") + c.to, &failure))
            QFAIL(qPrintable(failure));
    }
}

void TestIncrementalRules::connectsEqualCheck_data()
{
    QTest::addColumn<QStringList>("connects"); // "from to flow", added in order, then removed
    // Each row adds arrows to servedModel() one by one, then removes them last first, and
    // compares every re-check with a full check: the startwise rules re-judge only the starts
    // whose walks marked an end of the arrow or a node whose prepared value changed.
    QTest::newRow("feedback loop closes through the lake") << QStringList{"n3 n4 batch_data"};
    QTest::newRow("feedback loop closes through a call back")
        << QStringList{"n3 n4 batch_data", "n11 n1 requests"};
    QTest::newRow("two arrows merge three cycles")
        << QStringList{"n4 n3 batch_data", "n3 n4 batch_data", "n11 n0 predictions"};
    QTest::newRow("monitoring starts watching the store") << QStringList{"n2 n7 features"};
    QTest::newRow("monitoring watches what feeds the pipeline")
        << QStringList{"n10 n7 features", "n3 n10 batch_data", "n9 n10 events"};
    QTest::newRow("a served store, watched only past serving")
        << QStringList{"n1 n7 features", "n13 n1 features"};
    QTest::newRow("skew: training reads the shared store") << QStringList{"n2 n5 training_data"};
    QTest::newRow("skew: a second trainer through the gate")
        << QStringList{"n15 n12 model", "n12 n6 model", "n2 n15 training_data"};
    QTest::newRow("self-trained: predictions reach training, then labels")
        << QStringList{"n3 n4 batch_data", "n8 n4 labels", "n0 n4 events"};
    QTest::newRow("self-trained: through a stream")
        << QStringList{"n1 n9 predictions", "n9 n4 events", "n9 n3 events"};
    QTest::newRow("registry fed and gated") << QStringList{"n5 n12 model", "n12 n6 model"};
    QTest::newRow("fallback for the ranking call") << QStringList{"n1 n13 requests"};
    QTest::newRow("walk not reaching the edge") << QStringList{"n14 n9 events", "n7 n14 metrics"};
    QTest::newRow("latency chain and call cycle")
        << QStringList{"n11 n13 requests", "n13 n1 requests", "n11 n1 requests"};
    QTest::newRow("duplicate and self loop") << QStringList{"n2 n1 features", "n5 n5 model"};
}

void TestIncrementalRules::connectsEqualCheck()
{
    QFETCH(QStringList, connects);
    std::unique_ptr<Diagram> d = servedModel();
    RuleEngine incremental;
    incremental.check(*d);
    QString failure;
    QStringList ids;
    for (qsizetype i = 0; i < connects.size(); ++i) {
        const QStringList l = connects[i].split(' ');
        const QString id = QStringLiteral("x%1").arg(i);
        d->insertConnection(int(i * 5 % (d->connections().size() + 1)),
                            test::connection(id, l[0], l[1], l[2]));
        ids << id;
        if (!sameAsFullCheck(*d, incremental.recheck(*d, {}, {id}), connects[i], &failure))
            QFAIL(qPrintable(failure));
    }
    while (!ids.isEmpty()) {
        const QString id = ids.takeLast();
        d->takeConnection(id);
        if (!sameAsFullCheck(*d, incremental.recheck(*d, {}, {id}), id + " removed", &failure))
            QFAIL(qPrintable(failure));
    }
}

void TestIncrementalRules::randomConnectsEqualCheck_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("parts");
    QTest::newRow("12 parts of 25") << 201u << 12;
    QTest::newRow("6 parts of 25") << 202u << 6;
    QTest::newRow("3 parts of 25") << 203u << 3;
}

// Random arrows of every flow on a bridged random design, kept, connected further and
// re-flowed, each re-checked against a full check: starts whose walks reach the new arrow and
// starts whose walks do not, cycles merged, monitoring spreading.
void TestIncrementalRules::randomConnectsEqualCheck()
{
    QFETCH(quint32, seed);
    QFETCH(int, parts);
    std::unique_ptr<Diagram> d = randomConnected(parts, 25, seed);
    QStringList flows;
    for (const FlowType &f : Catalog::builtin().flows())
        flows << f.id;
    RuleEngine incremental;
    incremental.check(*d);
    QRandomGenerator rng(seed);
    QString failure;
    const int n = int(d->components().size());
    for (int i = 0; i < 150; ++i) {
        const int from = rng.bounded(n);
        const Connection c =
            test::connection(QStringLiteral("r%1").arg(i), d->components()[size_t(from)].id,
                             d->components()[size_t(from - from % 25 + rng.bounded(25))].id,
                             flows[rng.bounded(flows.size())]);
        d->insertConnection(int(rng.bounded(int(d->connections().size()) + 1)), c);
        const QString edit = QStringLiteral("%1 -> %2 (%3)").arg(c.from, c.to, c.flow);
        if (!sameAsFullCheck(*d, incremental.recheck(*d, {}, {c.id}), edit, &failure))
            QFAIL(qPrintable(failure));
        if (i % 3 == 0) { // keep two of three: the design grows denser
            d->takeConnection(c.id);
            if (!sameAsFullCheck(*d, incremental.recheck(*d, {}, {c.id}), edit + " undone",
                                 &failure))
                QFAIL(qPrintable(failure));
        } else if (i % 3 == 1) {
            Connection r = c;
            r.flow = flows[rng.bounded(flows.size())];
            d->updateConnection(r);
            if (!sameAsFullCheck(*d, incremental.recheck(*d, {}, {c.id}), edit + " as " + r.flow,
                                 &failure))
                QFAIL(qPrintable(failure));
        }
    }
}

QTEST_APPLESS_MAIN(TestIncrementalRules)
#include "tst_incremental_rules.moc"
