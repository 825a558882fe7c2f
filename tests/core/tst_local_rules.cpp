// SPDX-License-Identifier: MIT
// The local rules (one component or one connection and its neighbours) of a full check,
// against a plain reading of each rule over the Diagram: string compares, messages filled
// from the catalog's labels as the rules word them. The engine answers from tables and
// cached phrases (issue 16); this pins that it finds and words exactly the same.
#include "../RuleEdits.h"
#include "../TestDiagrams.h"
#include "Catalog.h"
#include "DiagramReader.h"
#include "RuleChecks.h"
#include "RuleEngine.h"
#include "RulePack.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace mls;

namespace {

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// @p t with each "{name}" that @p args knows replaced.
QString fill(QString t, const QHash<QString, QString> &args)
{
    for (auto it = args.begin(); it != args.end(); ++it)
        t.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
    return t;
}

/// The local findings of a full check of @p d, in a full check's order: each component's
/// (rules in pack order), then each connection's.
QVector<Finding> reference(const Diagram &d)
{
    const Catalog &cat = Catalog::builtin();
    const QVector<Rule> rules = RulePack::core();
    auto label = [&](const QString &id) { return quoted(cat.displayName(*d.component(id))); };
    auto kindPhrase = [&](const QString &id) {
        return cat.kindLabel(d.component(id)->kind).toLower();
    };
    auto make = [&](const Rule &r, const QHash<QString, QString> &args, QStringList comps,
                    QStringList conns) {
        Finding f(r, r.severity, fill(r.message, args), comps, conns);
        const Waiver *w = nullptr;
        for (const QString &id : comps) {
            for (const Waiver &x : d.component(id)->waivers)
                w = w ? w : (x.rule == r.id ? &x : nullptr);
        }
        for (const QString &id : conns) {
            for (const Waiver &x : d.connection(id)->waivers)
                w = w ? w : (x.rule == r.id ? &x : nullptr);
        }
        f.setWaiver(w != nullptr, w ? w->reason : QString());
        return f;
    };
    QVector<Finding> out;
    for (const Component &c : d.components()) {
        const KindInfo *kind = cat.kind(c.kind);
        QStringList flowLabels;
        for (const Rule &r : rules) {
            flowLabels.clear();
            for (const QString &f : r.flows)
                flowLabels << cat.flowLabel(f).toLower();
            QHash<QString, QString> args{{"component", label(c.id)},
                                         {"kind", kindPhrase(c.id)},
                                         {"flows", flowLabels.join(QStringLiteral(" or "))}};
            bool in = false, out_ = false, fed = false;
            for (const Connection &e : d.connections()) {
                in = in || e.to == c.id;
                out_ = out_ || e.from == c.id;
                const bool incoming = r.check == QLatin1String("requires_incoming");
                const QString &near = incoming ? e.from : e.to;
                const QStringList &nearKinds = incoming ? r.fromKinds : r.toKinds;
                if ((incoming ? e.to : e.from) == c.id && r.flows.contains(e.flow) &&
                    (nearKinds.isEmpty() || nearKinds.contains(d.component(near)->kind)))
                    fed = true;
            }
            if (r.check == QLatin1String("unknown_kind_or_flow") && !kind) {
                args.insert("what", QStringLiteral("kind ") + quoted(c.kind));
                out << make(r, args, {c.id}, {});
            } else if ((r.check == QLatin1String("requires_incoming") ||
                        r.check == QLatin1String("requires_outgoing")) &&
                       r.kinds.contains(c.kind) && !fed) {
                out << make(r, args, {c.id}, {});
            } else if (r.check == QLatin1String("orphan") && !in && !out_) {
                out << make(r, args, {c.id}, {});
            }
        }
    }
    for (qsizetype i = 0; i < qsizetype(d.connections().size()); ++i) {
        const Connection &e = d.connections()[size_t(i)];
        const KindInfo *from = cat.kind(d.component(e.from)->kind);
        const KindInfo *to = cat.kind(d.component(e.to)->kind);
        const FlowType *flow = cat.flow(e.flow);
        const bool call = flow && flow->synchronous;
        const QHash<QString, QString> args{{"from", label(e.from)},
                                           {"to", label(e.to)},
                                           {"flow", cat.flowLabel(e.flow).toLower()},
                                           {"from_kind", kindPhrase(e.from)},
                                           {"to_kind", kindPhrase(e.to)}};
        const QStringList ends = e.from == e.to ? QStringList{e.from} : QStringList{e.from, e.to};
        for (const Rule &r : rules) {
            bool fires = false;
            if (r.check == QLatin1String("flow_compatible")) {
                fires = from && to && flow && !(call && to->placement == Placement::Offline) &&
                        (!from->produces.contains(e.flow) || !to->consumes.contains(e.flow));
            } else if (r.check == QLatin1String("self_loop")) {
                fires = e.from == e.to;
            } else if (r.check == QLatin1String("requests_into_offline")) {
                fires = call && to && to->placement == Placement::Offline;
            } else if (r.check == QLatin1String("forbidden_connection")) {
                fires = r.fromKinds.contains(d.component(e.from)->kind) &&
                        r.toKinds.contains(d.component(e.to)->kind) && r.flows.contains(e.flow);
            } else if (r.check == QLatin1String("duplicate_connection")) {
                for (qsizetype j = 0; j < i && !fires; ++j) {
                    const Connection &o = d.connections()[size_t(j)];
                    fires = o.from == e.from && o.to == e.to && o.flow == e.flow &&
                            o.label.trimmed().compare(e.label.trimmed(), Qt::CaseInsensitive) == 0;
                }
            } else if (r.check == QLatin1String("unknown_kind_or_flow") && !flow) {
                out << make(r,
                            {{"component", QStringLiteral("connection ") + quoted(e.id)},
                             {"what", QStringLiteral("flow ") + quoted(e.flow)}},
                            {e.from, e.to}, {e.id});
            }
            if (fires)
                out << make(r, args, ends, {e.id});
        }
    }
    return out;
}

QStringList describe(const QVector<Finding> &v)
{
    QStringList lines;
    for (const Finding &f : v)
        lines << f.key() + QStringLiteral(" [") + severityName(f.severity()) +
                     (f.waived() ? QStringLiteral(", waived: ") + f.waiverReason() + "] "
                                 : QStringLiteral("] ")) +
                     f.message();
    return lines;
}

/// Every catalog kind, an unknown one and one without a label, each sending every catalog flow
/// and an unknown one to the next; duplicates whose labels differ only in case and spaces;
/// self loops; an orphan; waivers of local rules.
std::unique_ptr<Diagram> everyPair()
{
    const Catalog &cat = Catalog::builtin();
    auto d = std::make_unique<Diagram>();
    QStringList kinds;
    for (const KindInfo &k : cat.kinds())
        kinds << k.id;
    kinds << QStringLiteral("mystery");
    QStringList flows;
    for (const FlowType &f : cat.flows())
        flows << f.id;
    flows << QStringLiteral("telepathy");
    for (int i = 0; i < kinds.size(); ++i) {
        Component c = test::component(QStringLiteral("k%1").arg(i), kinds[i]);
        c.label = i % 5 == 0 ? QString() : i % 7 == 0 ? QStringLiteral("  ") : "Part " + kinds[i];
        if (i % 4 == 0)
            c.waivers = {Waiver{QStringLiteral("MLS-004"), "pretrained", Json::object()}};
        d->insertComponent(i, c);
    }
    d->insertComponent(int(kinds.size()), test::component("lonely", "cache"));
    int edge = 0;
    auto link = [&](int from, int to, const QString &flow, const QString &label) {
        Connection c =
            test::connection(QStringLiteral("e%1").arg(edge), d->components()[size_t(from)].id,
                             d->components()[size_t(to)].id, flow);
        c.label = label;
        if (edge % 9 == 0)
            c.waivers = {Waiver{QStringLiteral("MLS-001"), "legacy", Json::object()}};
        d->insertConnection(edge++, c);
    };
    for (int i = 0; i < kinds.size(); ++i) {
        for (const QString &flow : flows) {
            link(i, (i + 1) % kinds.size(), flow, QString());
            link(i, (i + 3) % kinds.size(), flow, QStringLiteral("Path"));
        }
        link(i, i, flows[i % flows.size()], QString());
        link(i, (i + 3) % kinds.size(), flows[i % flows.size()], QStringLiteral(" path "));
        link(i, (i + 3) % kinds.size(), flows[i % flows.size()], QStringLiteral("other"));
    }
    return d;
}

} // namespace

class tst_LocalRules : public QObject
{
    Q_OBJECT
private slots:
    void sameAsPlainReading_data();
    void sameAsPlainReading();
};

void tst_LocalRules::sameAsPlainReading_data()
{
    QTest::addColumn<QString>("design");
    QTest::addColumn<int>("edits");
    QTest::newRow("every pair") << QString() << 0;
    QTest::newRow("every pair, edited") << QString() << 300;
    const QString dir = QStringLiteral(MLS_SOURCE_DIR "/templates/");
    for (const QString &name : QDir(dir).entryList({"*.mlsketch"}, QDir::Files)) {
        QTest::newRow(qPrintable(name)) << dir + name << 0;
        QTest::newRow(qPrintable(name + ", edited")) << dir + name << 200;
    }
}

void tst_LocalRules::sameAsPlainReading()
{
    QFETCH(QString, design);
    QFETCH(int, edits);
    std::unique_ptr<Diagram> d = design.isEmpty() ? everyPair() : test::readDesign(design);
    QRandomGenerator rng(quint32(qHash(design) + uint(edits)));
    for (int i = 0; i < edits; ++i)
        test::randomEdit(*d, rng);
    RuleEngine engine;
    QVector<Finding> found = engine.check(*d);
    const QVector<Finding> expected = reference(*d);
    // A full check lists the local findings first, then the graph rules' ones.
    auto isLocal = [&](const Finding &f) {
        return !findCheck(engine.rule(f.rule())->check)->global;
    };
    const qsizetype locals = std::find_if_not(found.begin(), found.end(), isLocal) - found.begin();
    QVERIFY(std::none_of(found.begin() + locals, found.end(), isLocal));
    found.resize(locals);
    QCOMPARE(describe(found), describe(expected));
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(found[i] == expected[i], qPrintable(describe({expected[i]}).join("")));
    if (edits > 0 || design.isEmpty()) // a template passes every rule as it is
        QVERIFY(!expected.isEmpty());
}

QTEST_APPLESS_MAIN(tst_LocalRules)
#include "tst_local_rules.moc"
