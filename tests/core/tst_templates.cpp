// SPDX-License-Identifier: MIT
#include "CardGeometry.h"
#include "Catalog.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "LatencyAnalysis.h"
#include "RuleEngine.h"

#include <QDir>
#include <QFile>
#include <QRectF>
#include <QSet>
#include <QTest>

using namespace mls;

namespace {

const QString templateDir = QStringLiteral(MLS_SOURCE_DIR "/templates");

// Card and zone geometry as the canvas draws it (CardGeometry, ZoneItem), in scene px.
constexpr qreal zonePadding = 24, zoneTitle = 22;

QRectF cardRect(const Component &c)
{
    return CardGeometry::rect(c);
}

QRectF zoneRect(const Diagram &d, const Group &g)
{
    QRectF r;
    for (const QString &m : g.members)
        r |= cardRect(*d.component(m));
    return r.adjusted(-zonePadding, -zonePadding - zoneTitle, zonePadding, zonePadding);
}

QStringList templateFiles()
{
    return QDir(templateDir).entryList({QStringLiteral("*.mlsketch")}, QDir::Files, QDir::Name);
}

QString metaText(const Meta &meta, const char *key)
{
    auto it = meta.extra.find(key);
    return it != meta.extra.end() && it->is_string()
               ? QString::fromStdString(it->get<std::string>())
               : QString();
}

} // namespace

/// Every shipped reference design is a sound, complete, readable design: it loads cleanly,
/// passes the rules, survives a byte-exact round trip, carries the seven-step notes and a
/// latency budget it meets, and is laid out with online and offline zones and no overlaps.
class TestTemplates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void enoughAndCompiledIn();
    void design_data();
    void design();
};

void TestTemplates::initTestCase()
{
    QString error;
    QVERIFY2(Catalog::loadBuiltin(&error), qPrintable(error));
}

void TestTemplates::enoughAndCompiledIn()
{
    const QStringList files = templateFiles();
    QVERIFY2(files.size() >= 14, qPrintable(QString::number(files.size())));
    // resources/mlsketch.qrc must list every file of templates/, or the app misses it.
    initCoreResources();
    const QStringList compiled =
        QDir(QStringLiteral(":/templates"))
            .entryList({QStringLiteral("*.mlsketch")}, QDir::Files, QDir::Name);
    QCOMPARE(compiled, files);
}

void TestTemplates::design_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &f : templateFiles())
        QTest::newRow(qPrintable(f)) << QDir(templateDir).filePath(f);
}

void TestTemplates::design()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const ReadResult read = DiagramReader::read(bytes, path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY2(read.warnings.isEmpty(), qPrintable(read.warnings.join('\n')));
    const Diagram &d = *read.diagram;

    // Byte-identical round trip: the file is exactly what mlsketch writes.
    QVERIFY2(DiagramWriter::write(d) == bytes, "writing the template changes its bytes");

    // No error and no warning from the rule engine.
    RuleEngine engine;
    QStringList problems;
    for (const Finding &f : engine.check(d)) {
        if (f.severity() != Severity::Info)
            problems << f.rule() + QLatin1Char(' ') + f.message();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));

    // Meta: title, summary, tags and a note for each of the seven steps.
    const Meta &meta = d.meta();
    QVERIFY(!meta.title.isEmpty());
    QVERIFY(!meta.notes.isEmpty());
    QVERIFY(metaText(meta, "summary").size() >= 40);
    auto tags = meta.extra.find("tags");
    QVERIFY(tags != meta.extra.end() && tags->is_array() && !tags->empty());
    for (const Json &tag : *tags)
        QVERIFY(tag.is_string() && !tag.get<std::string>().empty());
    auto steps = meta.extra.find("steps");
    QVERIFY(steps != meta.extra.end() && steps->is_object());
    for (const char *step :
         {"clarify_requirements", "frame_ml_task", "data_preparation", "model_development",
          "evaluation", "deployment_serving", "monitoring"}) {
        auto it = steps->find(step);
        QVERIFY2(it != steps->end() && it->is_string() && it->get<std::string>().size() >= 40,
                 step);
    }

    // A latency budget that every client's critical path meets.
    QVERIFY(meta.latencyBudgetMs > 0);
    const QVector<LatencyPath> paths = LatencyAnalysis::analyze(d);
    QVERIFY(!paths.isEmpty());
    for (const LatencyPath &p : paths) {
        QVERIFY2(p.totalMs <= meta.latencyBudgetMs,
                 qPrintable(QStringLiteral("%1 ms over %2 ms").arg(p.totalMs).arg(p.budgetMs)));
        qInfo("critical path from \"%s\": %g ms of %g ms", qPrintable(p.client), p.totalMs,
              p.budgetMs);
    }

    // Real designs: 14 components or more, each on at least one connection, with notes on
    // some key components.
    QVERIFY(d.components().size() >= 14);
    QSet<QString> connected;
    for (const Connection &e : d.connections())
        connected << e.from << e.to;
    int withNotes = 0;
    for (const Component &c : d.components()) {
        QVERIFY2(connected.contains(c.id), qPrintable(c.id));
        withNotes += !c.notes.isEmpty();
    }
    QVERIFY(withNotes >= 3);

    // Laid out cleanly: no two cards overlap, no two zones overlap, no card sits in a zone it
    // does not belong to; at least one online and one offline zone.
    const auto &cs = d.components();
    for (size_t i = 0; i < cs.size(); ++i)
        for (size_t j = i + 1; j < cs.size(); ++j)
            QVERIFY2(!cardRect(cs[i]).intersects(cardRect(cs[j])),
                     qPrintable(cs[i].id + " overlaps " + cs[j].id));
    const auto &zones = d.groups();
    bool online = false, offline = false;
    for (size_t i = 0; i < zones.size(); ++i) {
        const QRectF zone = zoneRect(d, zones[i]);
        for (size_t j = i + 1; j < zones.size(); ++j)
            QVERIFY2(!zone.intersects(zoneRect(d, zones[j])),
                     qPrintable(zones[i].id + " overlaps " + zones[j].id));
        for (const Component &c : cs)
            QVERIFY2(zones[i].members.contains(c.id) || !zone.intersects(cardRect(c)),
                     qPrintable(c.id + " lies inside zone " + zones[i].id));
        bool hasOnline = false, hasOffline = false;
        for (const QString &m : zones[i].members) {
            const KindInfo *kind = Catalog::builtin().kind(d.component(m)->kind);
            QVERIFY(kind);
            hasOnline |= kind->placement == Placement::Online;
            hasOffline |= kind->placement == Placement::Offline;
        }
        online |= hasOnline && !hasOffline;
        offline |= hasOffline && !hasOnline;
    }
    QVERIFY2(online, "no zone holds only online and store components");
    QVERIFY2(offline, "no zone holds only offline and store components");
}

QTEST_APPLESS_MAIN(TestTemplates)
#include "tst_templates.moc"
