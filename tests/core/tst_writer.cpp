#include "../TestDiagrams.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace mls;
using namespace mls::test;

/// The writer's layout is diff-friendly and saving is atomic.
class TestWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void movingOneComponentChangesTwoLines();
    void numbersAreWrittenPlainly_data();
    void numbersAreWrittenPlainly();
    void keyOrder();
    void saveAndReload();
    void saveToUnwritablePlaceFails();
    void failedSaveKeepsOldFile();
};

static int changedLines(const QByteArray &a, const QByteArray &b)
{
    const QList<QByteArray> la = a.split('\n');
    const QList<QByteArray> lb = b.split('\n');
    if (la.size() != lb.size())
        return -1;
    int n = 0;
    for (int i = 0; i < la.size(); ++i)
        n += la[i] != lb[i];
    return n;
}

void TestWriter::movingOneComponentChangesTwoLines()
{
    Diagram d;
    fillSmall(d);
    const QByteArray before = DiagramWriter::write(d);
    d.moveComponent("gw", {260, 40});
    QCOMPARE(changedLines(before, DiagramWriter::write(d)), 2);
    d.moveComponent("gw", {260, 0});
    QCOMPARE(changedLines(before, DiagramWriter::write(d)), 1);
}

void TestWriter::numbersAreWrittenPlainly_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("integer") << 120.0 << QByteArray("\"x\": 120,");
    QTest::newRow("negative") << -40.0 << QByteArray("\"x\": -40,");
    QTest::newRow("fraction") << 12.5 << QByteArray("\"x\": 12.5,");
    QTest::newRow("zero") << 0.0 << QByteArray("\"x\": 0,");
}

void TestWriter::numbersAreWrittenPlainly()
{
    QFETCH(double, x);
    QFETCH(QByteArray, text);
    Diagram d;
    d.insertComponent(0, component("a", "cache", {x, 0}));
    const QByteArray out = DiagramWriter::write(d);
    QVERIFY2(out.contains(text), out.constData());
    ReadResult r = DiagramReader::read(out, "t");
    QVERIFY(r.ok());
    QCOMPARE(r.diagram->component("a")->pos.x(), x);
}

void TestWriter::keyOrder()
{
    Diagram d;
    fillSmall(d);
    const Json j = DiagramWriter::toJson(d);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it)
        keys.push_back(it.key());
    QCOMPARE(keys, (std::vector<std::string>{"format", "version", "meta", "components",
                                             "connections", "groups"}));
    keys.clear();
    for (auto it = j["components"][0].begin(); it != j["components"][0].end(); ++it)
        keys.push_back(it.key());
    QCOMPARE(keys, (std::vector<std::string>{"id", "kind", "label", "x", "y", "props", "notes",
                                             "waivers"}));
    QVERIFY(DiagramWriter::write(d).endsWith("}\n"));
}

void TestWriter::saveAndReload()
{
    QTemporaryDir dir;
    Diagram d;
    fillSmall(d);
    const QString path = dir.filePath("a.mlsketch");
    QString error;
    QVERIFY2(DiagramWriter::save(d, path, &error), qPrintable(error));
    ReadResult r = DiagramReader::readFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(DiagramWriter::write(*r.diagram), DiagramWriter::write(d));
}

void TestWriter::saveToUnwritablePlaceFails()
{
    Diagram d;
    QString error;
    QVERIFY(!DiagramWriter::save(d, "/nonexistent-dir/x/a.mlsketch", &error));
    QVERIFY2(error.startsWith("/nonexistent-dir/x/a.mlsketch: "), qPrintable(error));
}

void TestWriter::failedSaveKeepsOldFile()
{
    // A disk that fills up mid-save, simulated with a file-size limit (works as root too).
    QTemporaryDir dir;
    const QString path = dir.filePath("a.mlsketch");
    Diagram d;
    fillSmall(d);
    QString error;
    QVERIFY(DiagramWriter::save(d, path, &error));
    const QByteArray before = DiagramWriter::write(d);
    for (int i = 0; i < 50; ++i)
        d.insertComponent(int(d.components().size()), component(QString("n%1").arg(i), "cache"));

    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit small = old;
    small.rlim_cur = rlim_t(before.size() + 100);
    setrlimit(RLIMIT_FSIZE, &small);
    const bool saved = DiagramWriter::save(d, path, &error);
    setrlimit(RLIMIT_FSIZE, &old);

    QVERIFY(!saved);
    QVERIFY2(error.contains("a.mlsketch"), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"a.mlsketch"});
}

QTEST_APPLESS_MAIN(TestWriter)
#include "tst_writer.moc"
