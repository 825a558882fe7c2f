// SPDX-License-Identifier: MIT
#include "Diagram.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "Limits.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mls;

namespace {

/// A design of @p n components in a row, each with @p notes, and an arrow between neighbours.
QByteArray design(int n, const QString &notes = {})
{
    Diagram d;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = QStringLiteral("c%1").arg(i);
        c.kind = QStringLiteral("model_server");
        c.label = QStringLiteral("Model \"server\" \\ %1 — é").arg(i);
        c.pos = QPointF(i * 240, 0);
        c.notes = notes;
        d.insertComponent(i, c);
        if (i > 0) {
            Connection k;
            k.id = QStringLiteral("e%1").arg(i);
            k.from = QStringLiteral("c%1").arg(i - 1);
            k.to = c.id;
            k.flow = QStringLiteral("requests");
            d.insertConnection(i - 1, k);
        }
    }
    return DiagramWriter::write(d);
}

/// The reader's chunk: a file over it is read in more than one piece.
constexpr qsizetype chunk = 128 * 1024;

} // namespace

/// Reading a file in chunks (scan and parse in one pass) gives what reading its bytes whole
/// gives: the same design, the same warnings, the same refusal word for word; and the pass
/// itself reads every good file.
class TstStreamedRead : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAsWholeRead_data();
    void sameAsWholeRead();

private:
    /// Writes @p bytes as @p name in the temporary folder and returns its path.
    QString file(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
};

void TstStreamedRead::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TstStreamedRead::file(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TstStreamedRead::sameAsWholeRead_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("maxJsonValues"); ///< 0: the default limit
    QTest::addColumn<int>("expectOk");      ///< 1 yes, 0 no, -1 either (files of the test data)

    // Every file the other suites read, good and bad.
    const QStringList folders{
        QStringLiteral(MLS_TEST_DATA_DIR "/good"), QStringLiteral(MLS_TEST_DATA_DIR "/bad"),
        QStringLiteral(MLS_TEST_DATA_DIR "/sound"), QStringLiteral(MLS_TEST_DATA_DIR "/layout"),
        QStringLiteral(MLS_SOURCE_DIR "/templates")};
    for (const QString &folder : folders) {
        for (const QFileInfo &f : QDir(folder).entryInfoList({QStringLiteral("*.mlsketch")})) {
            const QString row = QDir(folder).dirName() + QLatin1Char('/') + f.fileName();
            QTest::newRow(qPrintable(row)) << f.filePath() << 0 << -1;
        }
    }

    // Over several chunks, with escapes and UTF-8 on the way.
    const QByteArray big = design(1500, QStringLiteral("line one\nline \"two\" \\ tab\t — ü"));
    QVERIFY(big.size() > 4 * chunk);
    QTest::newRow("several chunks") << file(QStringLiteral("big.mlsketch"), big) << 0 << 1;
    // A string's escape split between two chunks: the backslash ends the first chunk.
    for (int pad = 0; pad < 4; ++pad) {
        const QByteArray bytes =
            design(1, QString(pad, QLatin1Char('p')) + QStringLiteral("ab\"").repeated(50000));
        if (bytes.at(chunk - 1) == '\\') {
            QTest::newRow("escape across chunks")
                << file(QStringLiteral("escape.mlsketch"), bytes) << 0 << 1;
            break;
        }
    }
    QTest::newRow("byte-order mark")
        << file(QStringLiteral("bom.mlsketch"), "\xEF\xBB\xBF" + design(600)) << 0 << 1;
    // Refusals found after the first chunk was parsed.
    QTest::newRow("truncated in a later chunk")
        << file(QStringLiteral("truncated.mlsketch"), big.left(3 * chunk + 17)) << 0 << 0;
    QByteArray deep = big;
    const qsizetype last = deep.lastIndexOf("\"notes\"");
    deep.insert(last, "\"deep\": " + QByteArray(100, '[') + QByteArray(100, ']') + ",\n");
    QTest::newRow("too deep in a later chunk")
        << file(QStringLiteral("deep.mlsketch"), deep) << 0 << 0;
    QTest::newRow("too many values in a later chunk")
        << file(QStringLiteral("values.mlsketch"), big) << 20000 << 0;
    QTest::newRow("a string over the cap")
        << file(QStringLiteral("long.mlsketch"),
                design(2, QString(ReadLimits().maxStringBytes + 10, QLatin1Char('x'))))
        << 0 << 0;
    QByteArray nul = big;
    nul[2 * chunk + 5] = '\0';
    QTest::newRow("a NUL in a later chunk") << file(QStringLiteral("nul.mlsketch"), nul) << 0 << 0;
}

void TstStreamedRead::sameAsWholeRead()
{
    QFETCH(QString, path);
    QFETCH(int, maxJsonValues);
    QFETCH(int, expectOk);
    ReadLimits limits;
    if (maxJsonValues > 0)
        limits.maxJsonValues = maxJsonValues;
    const ReadResult streamed = DiagramReader::readFile(path, limits);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const ReadResult whole = DiagramReader::read(f.readAll(), path, limits);
    QCOMPARE(streamed.error, whole.error);
    QCOMPARE(streamed.warnings, whole.warnings);
    QCOMPARE(streamed.ok(), whole.ok());
    if (expectOk >= 0)
        QVERIFY2(streamed.ok() == bool(expectOk), qPrintable(streamed.error));
    if (streamed.ok())
        QCOMPARE(DiagramWriter::write(*streamed.diagram), DiagramWriter::write(*whole.diagram));
    // The one pass itself: it reads every good file (but one with a byte-order mark, left to
    // the whole read) to the same design, and gives up on every file refused.
    f.seek(0);
    const bool bom = f.read(3) == "\xEF\xBB\xBF";
    const std::optional<ReadResult> pass = DiagramReader::readStreamed(path, limits);
    QCOMPARE(pass.has_value(), whole.ok() && !bom);
    if (pass) {
        QCOMPARE(pass->warnings, whole.warnings);
        QCOMPARE(DiagramWriter::write(*pass->diagram), DiagramWriter::write(*whole.diagram));
    }
}

QTEST_GUILESS_MAIN(TstStreamedRead)
#include "tst_streamed_read.moc"
