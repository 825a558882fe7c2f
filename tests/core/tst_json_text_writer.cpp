// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "JsonTextWriter.h"

#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace mls;
using namespace mls::test;

/// The file text is streamed from the model (JsonTextWriter); it must stay byte for byte what
/// dumping the JSON tree (DiagramWriter::toJson) gives, as files are diffed and templates and
/// tests depend on the exact bytes.
class TestJsonTextWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFileWritesAsTheTree_data();
    void everyFileWritesAsTheTree();
    void generatedDesignsWriteAsTheTree_data();
    void generatedDesignsWriteAsTheTree();
    void knownNamesInUnknownFields();
    void refusalsAsTheStructureCheck_data();
    void refusalsAsTheStructureCheck();
};

namespace {

/// What the file writer wrote before it streamed: the tree, dumped; the same checks.
QByteArray treeWrite(const Diagram &d, QString *error, const Limits &limits = {})
{
    const Json json = DiagramWriter::toJson(d);
    QString why;
    for (const int indent : {2, -1}) {
        const QByteArray bytes = QByteArray::fromStdString(dumpJson(json, indent) + "\n");
        why = DiagramReader::checkStructure(bytes, limits);
        if (why.isEmpty())
            return bytes;
        if (qint64(bytes.size()) <= limits.maxFileBytes)
            break;
    }
    *error = why;
    return {};
}

void compareWithTree(const Diagram &d)
{
    for (const int indent : {2, -1}) {
        QByteArray streamed;
        DiagramWriter::writeText(d, streamed, indent);
        const std::string tree = dumpJson(DiagramWriter::toJson(d), indent);
        QCOMPARE(streamed.toStdString(), tree);
    }
    QString error;
    QCOMPARE(DiagramWriter::write(d), treeWrite(d, &error));
}

QString randomText(QRandomGenerator &rng)
{
    // Plain ASCII (the fast path), JSON escapes, control characters, DEL, accents, CJK, an
    // emoji (a surrogate pair) and a lone surrogate.
    static const QStringList pieces{
        QStringLiteral("Feature store"),    QStringLiteral("a\"quoted\""),
        QStringLiteral("back\\slash"),      QStringLiteral("line\nbreak\ttab\r"),
        QString(QChar(0x01)) + QChar(0x1F), QString(QChar(0x7F)),
        QStringLiteral("Zürich café"),      QStringLiteral("推荐系统"),
        QStringLiteral("rocket 🚀"),         QString(QChar(0xD800)),
        QStringLiteral("/</script>"),       QString()};
    QString s;
    for (int i = rng.bounded(3); i >= 0; --i)
        s += pieces[rng.bounded(int(pieces.size()))];
    return s;
}

/// Numbers of every form the writer formats; @p inRange: only those a coordinate may be.
double randomNumber(QRandomGenerator &rng, bool inRange = false)
{
    static const double numbers[] = {0,    -0.0, 12.5,     -40,      1.0 / 3,
                                     1e-7, 1e20, 9e15,     9e15 - 1, -9e15,
                                     1e7,  0.1,  2.5e-300, 1e300,    4503599627370497.0};
    const double v = numbers[rng.bounded(int(std::size(numbers)))];
    return inRange && !(v >= 0 && v <= 1e7) ? 12.5 : v;
}

Json randomJson(QRandomGenerator &rng, int depth)
{
    switch (rng.bounded(depth >= 3 ? 6 : 8)) {
    case 0:
        return nullptr;
    case 1:
        return rng.bounded(2) == 1;
    case 2:
        return rng.bounded(-1000, 1000);
    case 3:
        return randomNumber(rng);
    case 4:
        return toStd(randomText(rng));
    case 5: // bytes that are not UTF-8: the writer replaces them, as nlohmann's dump does
        return std::string("bad \xFF\xC3 utf8");
    case 6: {
        Json a = Json::array();
        for (int i = rng.bounded(4); i > 0; --i)
            a.push_back(randomJson(rng, depth + 1));
        return a;
    }
    default: {
        Json o = Json::object();
        for (int i = rng.bounded(4); i > 0; --i)
            o[toStd(randomText(rng)) + std::to_string(i)] = randomJson(rng, depth + 1);
        return o;
    }
    }
}

Json randomExtra(QRandomGenerator &rng)
{
    Json o = Json::object();
    if (rng.bounded(2) == 0)
        return o;
    for (int i = rng.bounded(1, 4); i > 0; --i)
        o["x_" + toStd(randomText(rng)) + std::to_string(i)] = randomJson(rng, 1);
    return o;
}

QVector<Waiver> randomWaivers(QRandomGenerator &rng)
{
    QVector<Waiver> waivers;
    for (int i = rng.bounded(3); i > 0; --i)
        waivers.append(Waiver{QStringLiteral("MLS-%1").arg(i), randomText(rng), randomExtra(rng)});
    return waivers;
}

std::unique_ptr<Diagram> randomDesign(quint32 seed)
{
    QRandomGenerator rng(seed);
    auto d = std::make_unique<Diagram>();
    Meta m;
    m.title = randomText(rng);
    m.latencyBudgetMs = randomNumber(rng, true);
    m.notes = randomText(rng);
    m.extra = randomExtra(rng);
    d->setMeta(m);
    const int n = rng.bounded(1, 12);
    for (int i = 0; i < n; ++i) {
        Component c =
            component(QStringLiteral("c%1%2").arg(i).arg(randomText(rng)), "cache",
                      {randomNumber(rng, true), -randomNumber(rng, true)}, randomText(rng));
        c.kind = rng.bounded(4) == 0 ? QStringLiteral("k") + randomText(rng)
                                     : QStringLiteral("feature_store");
        if (rng.bounded(2) == 0)
            c.props = randomJson(rng, 1).is_object() ? randomJson(rng, 1) : Json::object();
        c.notes = randomText(rng);
        c.waivers = randomWaivers(rng);
        c.extra = randomExtra(rng);
        d->insertComponent(i, c);
    }
    for (int i = 0; i < n; ++i) {
        Connection c = connection(QStringLiteral("e%1").arg(i), d->components()[size_t(i)].id,
                                  d->components()[size_t(rng.bounded(n))].id, "features");
        c.label = randomText(rng);
        c.waivers = randomWaivers(rng);
        if (rng.bounded(2) == 0) {
            c.route.fromCentre = {randomNumber(rng, true), 3};
            c.route.toCentre = {1.5, -2};
            c.route.points = {{0, 0}, {1.25, 2}, {3, 4}, {randomNumber(rng, true), 5}};
            c.route.tip = {7, 8};
        }
        c.extra = randomExtra(rng);
        d->insertConnection(i, c);
    }
    Group g;
    g.id = QStringLiteral("zone %1").arg(randomText(rng));
    g.label = randomText(rng);
    g.members = {d->components()[0].id};
    g.extra = randomExtra(rng);
    d->insertGroup(0, g);
    d->setExtra(randomExtra(rng));
    return d;
}

} // namespace

void TestJsonTextWriter::everyFileWritesAsTheTree_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &dir :
         {QStringLiteral(MLS_SOURCE_DIR "/templates"), QStringLiteral(MLS_TEST_DATA_DIR)}) {
        QDirIterator it(dir, {"*.mlsketch"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(path.mid(path.lastIndexOf('/', path.lastIndexOf('/') - 1))))
                << path;
        }
    }
}

void TestJsonTextWriter::everyFileWritesAsTheTree()
{
    QFETCH(QString, path);
    const ReadResult r = DiagramReader::readFile(path);
    if (!r.ok())
        QSKIP("a file the reader refuses (tests/data/bad)");
    compareWithTree(*r.diagram);
}

void TestJsonTextWriter::generatedDesignsWriteAsTheTree_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 200; ++seed)
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

void TestJsonTextWriter::generatedDesignsWriteAsTheTree()
{
    QFETCH(quint32, seed);
    const auto d = randomDesign(seed);
    compareWithTree(*d);
    // And what is written reads back as the same design.
    const ReadResult r = DiagramReader::read(DiagramWriter::write(*d), "again");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(DiagramWriter::write(*r.diagram), DiagramWriter::write(*d));
}

void TestJsonTextWriter::knownNamesInUnknownFields()
{
    // An unknown field named like a known one is dropped when that one is written, and kept
    // when it is not (a connection writes "waivers" and "route" only when it has them).
    Diagram d;
    fillSmall(d);
    Component c = d.components()[0];
    c.extra = Json{{"id", "shadow"}, {"waivers", 1}, {"colour", "red"}};
    d.updateComponent(c);
    Connection e = d.connections()[0];
    e.extra = Json{{"waivers", "kept"}, {"route", "kept too"}, {"label", "dropped"}};
    d.updateConnection(e);
    compareWithTree(d);
    QByteArray text;
    DiagramWriter::writeText(d, text);
    QVERIFY(text.contains("\"colour\": \"red\""));
    QVERIFY(!text.contains("shadow"));
    QVERIFY(text.contains("\"waivers\": \"kept\""));
    QVERIFY(!text.contains("dropped"));
}

void TestJsonTextWriter::refusalsAsTheStructureCheck_data()
{
    // The writer skips scanning its text when what it wrote proves the reader takes it; at
    // every limit around the design's own size the result must be the scan's.
    QTest::addColumn<QString>("limit");
    QTest::addColumn<int>("value");
    for (int v : {1, 2, 3, 4, 5, 6})
        QTest::newRow(qPrintable(QStringLiteral("depth %1").arg(v))) << "depth" << v;
    for (int v : {10, 40, 60, 61, 62, 80, 200})
        QTest::newRow(qPrintable(QStringLiteral("values %1").arg(v))) << "values" << v;
    for (int v : {5, 11, 12, 13, 30, 70, 71, 72, 400})
        QTest::newRow(qPrintable(QStringLiteral("string %1").arg(v))) << "string" << v;
    for (int v : {500, 1500, 2500, 4000})
        QTest::newRow(qPrintable(QStringLiteral("file %1").arg(v))) << "file" << v;
}

void TestJsonTextWriter::refusalsAsTheStructureCheck()
{
    QFETCH(QString, limit);
    QFETCH(int, value);
    Limits limits;
    if (limit == "depth")
        limits.maxDepth = value;
    else if (limit == "values")
        limits.maxJsonValues = value;
    else if (limit == "string")
        limits.maxStringBytes = value;
    else
        limits.maxFileBytes = value;
    Diagram d;
    fillSmall(d);
    Component c = d.components()[0];
    c.props = Json{{"nested", {{"deeper", {1, 2, {{"k", "value with \"quotes\" and\nlines"}}}}}}};
    c.notes = QStringLiteral("ünïcode notes, twelve bytes and more");
    d.updateComponent(c);
    QString expectedError;
    const QByteArray expected = treeWrite(d, &expectedError, limits);
    QString error;
    QCOMPARE(DiagramWriter::write(d, &error, limits), expected);
    QCOMPARE(error, expectedError);
}

QTEST_APPLESS_MAIN(TestJsonTextWriter)
#include "tst_json_text_writer.moc"
