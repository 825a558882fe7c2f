// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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
    void deepPropsFallBackToCompact();
    void unreadableDesignIsNotWritten();
    void staleTemporariesAreRemoved();
    void manyUnknownFieldsRoundTripInOrder();
    void refusedSaveSaysWhyAndKeepsTheFile_data();
    void refusedSaveSaysWhyAndKeepsTheFile();
};

namespace {

/// Props nested @p depth arrays deep, @p width times over: pretty-printing indents each level.
Json deepProps(int depth, int width)
{
    Json props = Json::object();
    for (int w = 0; w < width; ++w) {
        Json v = 0;
        for (int i = 0; i < depth; ++i)
            v = Json::array({v});
        props["k" + std::to_string(w)] = v;
    }
    return props;
}

/// The pid of a process that has ended.
qint64 deadPid()
{
    const pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    waitpid(pid, nullptr, 0);
    return pid;
}

} // namespace

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
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"a.mlsketch"});
}

void TestWriter::deepPropsFallBackToCompact()
{
    // A file the reader accepts whose pretty form would exceed the size cap (issue 17: 4 MB of
    // nested arrays pretty-print past 256 MB) is written compactly; the reader takes it back.
    Limits limits;
    limits.maxFileBytes = 64 * 1024;
    Diagram d;
    fillSmall(d);
    Component c = d.components()[0];
    c.props = deepProps(60, 80);
    d.updateComponent(c);
    QString error;
    std::string pretty = dumpJson(DiagramWriter::toJson(d));
    QVERIFY(qint64(pretty.size()) > limits.maxFileBytes); // the case we mean to test
    const QByteArray bytes = DiagramWriter::write(d, &error, limits);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    QVERIFY(bytes.size() <= limits.maxFileBytes);
    const ReadResult r = DiagramReader::read(bytes, "compact.mlsketch", limits);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.diagram->components()[0].props == c.props);
    // Small designs stay pretty-printed.
    QVERIFY(DiagramWriter::write(*r.diagram).contains("\n    "));
}

void TestWriter::unreadableDesignIsNotWritten()
{
    // Notes longer than any string the reader takes (typed in the window, say): the save is
    // refused with why, and the old file stays.
    QTemporaryDir dir;
    const QString path = dir.filePath("a.mlsketch");
    Diagram d;
    fillSmall(d);
    QString error;
    QVERIFY(DiagramWriter::save(d, path, &error));
    const QByteArray before = DiagramWriter::write(d);
    Meta m = d.meta();
    m.notes = QString(2 * 1024 * 1024, QLatin1Char('n'));
    d.setMeta(m);
    QVERIFY(DiagramWriter::write(d, &error).isEmpty());
    QVERIFY2(!DiagramWriter::save(d, path, &error), "saved a file the reader refuses");
    QVERIFY2(error.contains("a.mlsketch") && error.contains("longer than 1.0 MB"),
             qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestWriter::staleTemporariesAreRemoved()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.mlsketch");
    const qint64 gone = deadPid();
    const QString ours = QStringLiteral(".a.mlsketch~mlsketch-%1-0badcafe.tmp").arg(gone);
    const QString live = QStringLiteral(".a.mlsketch~mlsketch-%1-0badcafe.tmp")
                             .arg(QCoreApplication::applicationPid());
    const QStringList notOurs{
        "a.mlsketch.Ab12Cd",                                              // QSaveFile's pattern
        ".a.mlsketch~mlsketch-x-0badcafe.tmp",                            // no pid
        QStringLiteral(".b.mlsketch~mlsketch-%1-0badcafe.tmp").arg(gone), // another document
        QStringLiteral(".a.mlsketch~mlsketch-%1-0badcafe.tmp.keep").arg(gone)};
    for (const QString &name : QStringList{ours, live} + notOurs) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("partial");
    }
    Diagram d;
    fillSmall(d);
    QString error;
    QVERIFY2(DiagramWriter::save(d, path, &error), qPrintable(error));
    QStringList expected = QStringList{"a.mlsketch", live} + notOurs;
    expected.sort();
    QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    left.sort();
    QCOMPARE(left, expected);
}

void TestWriter::manyUnknownFieldsRoundTripInOrder()
{
    // 100,000 props keys and unknown fields: parsed and written in linear time (no linear
    // key search per key), kept in their order.
    QByteArray text =
        R"({"format":"mlsketch","version":1,"components":[{"id":"a","kind":"client","props":{)";
    QByteArray extra;
    for (int i = 0; i < 100000; ++i) {
        const QByteArray key = "z" + QByteArray::number(100000 - i);
        text += (i ? "," : "") + ('"' + key + "\":" + QByteArray::number(i));
        extra += ",\"x" + key + "\":" + QByteArray::number(i);
    }
    text += "}" + extra + "}]}";
    const ReadResult r = DiagramReader::read(text, "wide.mlsketch");
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Component &c = r.diagram->components()[0];
    QCOMPARE(int(c.props.size()), 100000);
    QCOMPARE(int(c.extra.size()), 100000);
    QVERIFY(c.props.begin().key() == "z100000");
    QVERIFY(c.extra.begin().key() == "xz100000");
    const ReadResult again = DiagramReader::read(DiagramWriter::write(*r.diagram), "again");
    QVERIFY2(again.ok(), qPrintable(again.error));
    QVERIFY(again.diagram->components()[0].props == c.props);
    QVERIFY(again.diagram->components()[0].extra == c.extra);
}

void TestWriter::refusedSaveSaysWhyAndKeepsTheFile_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("message");
    QTest::newRow("read-only file") << "readonly"
                                    << "the file is read-only";
    QTest::newRow("folder removed") << "gone"
                                    << "does not exist";
}

void TestWriter::refusedSaveSaysWhyAndKeepsTheFile()
{
    QFETCH(QString, situation);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString folder = dir.filePath("docs");
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + "/a.mlsketch";
    Diagram d;
    fillSmall(d);
    QString error;
    QVERIFY(DiagramWriter::save(d, path, &error));
    const QByteArray before = DiagramWriter::write(d);
    d.insertComponent(int(d.components().size()), component("extra", "cache"));
    if (situation == "readonly")
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    else
        QVERIFY(QDir(folder).removeRecursively());
    QVERIFY(!DiagramWriter::save(d, path, &error));
    QVERIFY2(error.startsWith(path) && error.contains(message), qPrintable(error));
    if (situation == "readonly") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{"a.mlsketch"});
    }
}

QTEST_APPLESS_MAIN(TestWriter)
#include "tst_writer.moc"
