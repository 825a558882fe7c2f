// SPDX-License-Identifier: MIT
#include "ComponentProps.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace mls;

/// Every canonical file reads and writes back byte for byte; unknown fields survive.
class TestRoundTrip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void canonicalFiles_data();
    void canonicalFiles();
    void unknownFieldsKept();
    void nonCanonicalBecomesStable();
    void zoneMarginsRoundTrip();
};

static QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

void TestRoundTrip::canonicalFiles_data()
{
    QTest::addColumn<QString>("path");
    const QDir good(QStringLiteral(MLS_TEST_DATA_DIR "/good"));
    for (const QString &f : good.entryList({"*.mlsketch"}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable("good/" + f)) << good.filePath(f);
    const QDir templates(QStringLiteral(MLS_SOURCE_DIR "/templates"));
    for (const QString &f : templates.entryList({"*.mlsketch"}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable("templates/" + f)) << templates.filePath(f);
}

void TestRoundTrip::canonicalFiles()
{
    QFETCH(QString, path);
    const QByteArray original = readAll(path);
    ReadResult r = DiagramReader::read(original, path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QByteArray written = DiagramWriter::write(*r.diagram);
    if (written != original) {
        // Show the first differing line to make the failure readable.
        const QList<QByteArray> a = original.split('\n');
        const QList<QByteArray> b = written.split('\n');
        for (int i = 0; i < qMin(a.size(), b.size()); ++i) {
            if (a[i] != b[i])
                QFAIL(qPrintable(QStringLiteral("line %1 differs:\n  file:    %2\n  written: %3")
                                     .arg(i + 1)
                                     .arg(QString::fromUtf8(a[i]), QString::fromUtf8(b[i]))));
        }
        QFAIL("written file differs in length");
    }
}

void TestRoundTrip::unknownFieldsKept()
{
    const QByteArray in = R"({"format":"mlsketch","version":1,"x-tool":{"a":[1,2]},
        "meta":{"title":"T","latency_budget_ms":150,"notes":"","theme":"dark"},
        "components":[{"id":"a","kind":"cache","label":"A","x":1.5,"y":-2,"props":{"z":1,"a":"b"},
                       "notes":"","waivers":[{"rule":"MLS-001","reason":"ok","by":"me"}],"pinned":true}],
        "connections":[],"groups":[{"id":"g","label":"G","members":["a"],"color":"#ff0000"}]})";
    ReadResult r = DiagramReader::read(in, "t");
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Json out = Json::parse(DiagramWriter::write(*r.diagram).toStdString());
    QCOMPARE(out["x-tool"]["a"][1].get<int>(), 2);
    QCOMPARE(out["meta"]["theme"].get<std::string>(), std::string("dark"));
    QCOMPARE(out["meta"]["latency_budget_ms"].get<int>(), 150);
    QCOMPARE(out["components"][0]["pinned"].get<bool>(), true);
    QCOMPARE(out["components"][0]["x"].get<double>(), 1.5);
    QCOMPARE(out["components"][0]["waivers"][0]["by"].get<std::string>(), std::string("me"));
    QCOMPARE(out["groups"][0]["color"].get<std::string>(), std::string("#ff0000"));
    // Props keep the order they were written in.
    QCOMPARE(out["components"][0]["props"].begin().key(), std::string("z"));
    // Unknown top-level fields come after the known ones.
    QCOMPARE(out.begin().key(), std::string("format"));
    QCOMPARE((--out.end()).key(), std::string("x-tool"));
}

void TestRoundTrip::nonCanonicalBecomesStable()
{
    // Minified, fields out of order, optional fields missing: the first write canonicalises,
    // and from then on read/write is the identity.
    const QByteArray in =
        R"({"components":[{"kind":"trainer","id":"t"}],"version":1,"format":"mlsketch"})";
    ReadResult r1 = DiagramReader::read(in, "t");
    QVERIFY2(r1.ok(), qPrintable(r1.error));
    const QByteArray once = DiagramWriter::write(*r1.diagram);
    ReadResult r2 = DiagramReader::read(once, "t");
    QVERIFY(r2.ok());
    QCOMPARE(DiagramWriter::write(*r2.diagram), once);
    QVERIFY(once.startsWith("{\n  \"format\": \"mlsketch\",\n  \"version\": 1,\n  \"meta\""));
}

void TestRoundTrip::zoneMarginsRoundTrip()
{
    // A resized zone keeps its extra room through write and read; a file from before zones
    // could be resized (no "margins") still loads, with none.
    const QByteArray old = R"({"format":"mlsketch","version":1,
        "components":[{"id":"a","kind":"cache","x":0,"y":0}],
        "groups":[{"id":"g","label":"G","members":["a"]}]})";
    ReadResult r = DiagramReader::read(old, "old");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(known::zoneMargins(*r.diagram->group("g")), QMarginsF());
    Group g = *r.diagram->group("g");
    known::setZoneMargins(g, QMarginsF(0, 10, 60.4, 0));
    r.diagram->updateGroup(g);
    const QByteArray written = DiagramWriter::write(*r.diagram);
    QVERIFY(written.contains("\"margins\": [\n"));
    ReadResult again = DiagramReader::read(written, "new");
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(known::zoneMargins(*again.diagram->group("g")), QMarginsF(0, 10, 60, 0));
    QCOMPARE(again.diagram->group("g")->members, QStringList{"a"});
    QCOMPARE(DiagramWriter::write(*again.diagram), written);
}

QTEST_APPLESS_MAIN(TestRoundTrip)
#include "tst_round_trip.moc"
