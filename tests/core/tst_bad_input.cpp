// SPDX-License-Identifier: MIT
#include "DiagramReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mls;

/// Hostile and broken files: each gets a message naming the file, where, and what is wrong;
/// none crashes, and none yields a half-read diagram.
class TestBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpus_data();
    void corpus();
    void keptWithWarning_data();
    void keptWithWarning();
    void everyCorpusFileHasARow();
    void generated_data();
    void generated();
    void missingFileAndFolder();

private:
    QStringList m_rows;
};

static QString corpusPath(const QString &name)
{
    return QStringLiteral(MLS_TEST_DATA_DIR "/bad/") + name;
}

void TestBadInput::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message"); // what follows "<path>: "
    auto row = [this](const char *file, const QString &message) {
        m_rows << QString::fromLatin1(file);
        QTest::newRow(file) << QString::fromLatin1(file) << message;
    };
    row("not_json.mlsketch",
        "line 1, column 2: not valid JSON: syntax error while parsing value - invalid literal");
    row("truncated.mlsketch", "line 5, column 38: the file ends too early, it may be truncated");
    row("empty.mlsketch", "the file is empty");
    row("top_level_array.mlsketch", "top level: expected an object, found an array");
    row("top_level_string.mlsketch", "top level: expected an object, found a string");
    row("missing_format.mlsketch", "format: missing \"format\": this is not an mlsketch file");
    row("other_format.mlsketch",
        "format: \"format\" is \"drawio\", expected \"mlsketch\": this is not an mlsketch file");
    row("newer_version.mlsketch", "version: the file is version 2, newer than this mlsketch "
                                  "reads (version 1); update mlsketch to open it");
    row("version_string.mlsketch", "version: expected a whole number, found \"1\"");
    row("version_zero.mlsketch", "version: version 0 is not a valid version");
    row("components_not_array.mlsketch", "components: expected an array, found an object");
    row("component_not_object.mlsketch", "components[0]: expected an object, found a number");
    row("label_wrong_type.mlsketch", "components[0].label: expected a string, found a number");
    row("x_wrong_type.mlsketch", "components[0].x: expected a number, found a string");
    row("missing_id.mlsketch", "components[0].id: missing");
    row("empty_id.mlsketch", "components[0].id: must not be empty");
    row("duplicate_component_id.mlsketch",
        "components[1].id: duplicate id \"a\" (already used by components[0].id)");
    row("duplicate_id_across_kinds.mlsketch",
        "connections[0].id: duplicate id \"a\" (already used by components[0].id)");
    row("connection_to_missing_component.mlsketch",
        "connections[0].to: refers to a missing component \"ghost\"");
    row("connection_missing_flow.mlsketch", "connections[0].flow: missing");
    row("group_missing_member.mlsketch",
        "groups[0].members[1]: refers to a missing component \"ghost\"");
    row("group_member_twice.mlsketch", "groups[0].members[1]: lists \"a\" twice");
    row("nan_coordinate.mlsketch",
        "line 1, column 89: NaN and Infinity are not valid JSON numbers");
    row("infinite_coordinate.mlsketch",
        "line 1, column 98: NaN and Infinity are not valid JSON numbers");
    row("overflowing_number.mlsketch", "line 1, column 89: a number too large to hold ('1e400')");
    row("absurd_coordinate.mlsketch",
        "components[0].x: 1000000000000 is out of range (-10000000 to 10000000)");
    // Issue 17: messages that said the wrong thing, or nothing.
    row("coordinate_just_over.mlsketch",
        "components[0].x: 10000001 is out of range (-10000000 to 10000000)");
    row("version_huge.mlsketch",
        "version: the file is version 18446744073709551615, newer than this mlsketch reads");
    row("nul_bytes.mlsketch",
        "line 1, column 1: a NUL byte outside any string: binary data, not an mlsketch file");
    row("trailing_nul.mlsketch",
        "line 2, column 1: a NUL byte outside any string: binary data, not an mlsketch file");
    row("repeated_top_level_key.mlsketch",
        "top level: the key \"components\" appears twice in the same object");
    row("repeated_props_key.mlsketch",
        "components[0].props: the key \"k\" appears twice in the same object");
    row("zone_as_endpoint.mlsketch", "connections[0].to: \"g1\" is a zone, not a component");
    row("connection_as_member.mlsketch",
        "groups[0].members[1]: \"e1\" is not a component (it is connections[0])");
    row("label_too_long.mlsketch",
        "components[0].label: 3000 characters, more than the limit of 2000");
    row("props_not_object.mlsketch", "components[0].props: expected an object, found an array");
    row("meta_not_object.mlsketch", "meta: expected an object, found a string");
    row("negative_budget.mlsketch", "meta.latency_budget_ms: -5 is out of range (0 to 10000000)");
    row("waiver_without_rule.mlsketch", "components[0].waivers[0].rule: missing");
    row("trailing_garbage.mlsketch",
        "line 2, column 1: not valid JSON: syntax error while parsing value - invalid literal");
    row("invalid_utf8.mlsketch",
        "line 1, column 61: not valid JSON: syntax error while parsing value - invalid string: "
        "ill-formed UTF-8 byte");
}

void TestBadInput::corpus()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const QString path = corpusPath(file);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const ReadResult r = DiagramReader::readFile(path);
    QVERIFY(!r.ok());
    QVERIFY(r.diagram == nullptr);
    const QString expected = path + QStringLiteral(": ") + message;
    QVERIFY2(
        r.error.startsWith(expected),
        qPrintable(QStringLiteral("\n  got:      %1\n  expected: %2…").arg(r.error, expected)));
}

void TestBadInput::keptWithWarning_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("warning");
    m_rows << "unknown_kind.mlsketch"
           << "unknown_flow.mlsketch";
    QTest::newRow("unknown kind") << "unknown_kind.mlsketch"
                                  << "components[0].kind: unknown kind \"quantum_annealer\"; kept "
                                     "and shown as an unknown kind";
    QTest::newRow("unknown flow")
        << "unknown_flow.mlsketch"
        << "connections[0].flow: unknown flow \"telepathy\"; kept, and flagged by the design rules";
    // A broken auto-layout route is only a drawing: the arrow is drawn without it.
    const char *const dropped = "; ignored, the arrow is drawn without it";
    m_rows << "route_wrong_point_count.mlsketch"
           << "route_huge_coordinate.mlsketch"
           << "route_not_object.mlsketch";
    QTest::newRow("route with 3 points")
        << "route_wrong_point_count.mlsketch"
        << QStringLiteral("connections[0].route: \"points\" has 3 points; a Bézier route needs "
                          "3n + 1 (at least 4)") +
               dropped;
    QTest::newRow("route with a huge coordinate")
        << "route_huge_coordinate.mlsketch"
        << QStringLiteral("connections[0].route: \"points\" holds \"1e12,0\", not an x,y pair "
                          "within ±1e+07") +
               dropped;
    QTest::newRow("route not an object")
        << "route_not_object.mlsketch"
        << QStringLiteral("connections[0].route: expected an object") + dropped;
}

void TestBadInput::keptWithWarning()
{
    // An unknown kind or flow (a newer catalog, a typo) is never silently dropped.
    QFETCH(QString, file);
    QFETCH(QString, warning);
    const ReadResult r = DiagramReader::readFile(corpusPath(file));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.warnings, QStringList{warning});
    for (const Connection &c : r.diagram->connections())
        QVERIFY(c.route.isEmpty());
    QCOMPARE(int(r.diagram->components().size()) + int(r.diagram->connections().size()) > 0, true);
}

void TestBadInput::everyCorpusFileHasARow()
{
    const QStringList files = QDir(QStringLiteral(MLS_TEST_DATA_DIR "/bad"))
                                  .entryList({"*.mlsketch"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 25);
    for (const QString &f : files)
        QVERIFY2(m_rows.contains(f), qPrintable(f + " has no test row"));
}

void TestBadInput::generated_data()
{
    // Too big to keep in the repository: written to a temporary folder by the test.
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("sparseSize"); // > 0: a sparse file of this size instead
    QTest::addColumn<QString>("message");
    QTest::newRow("nested 100,000 deep")
        << QByteArray(R"({"format":"mlsketch","version":1,"x":)") + QByteArray(100000, '[') +
               QByteArray(100000, ']') + "}"
        << qint64(0) << "line 1, column 101: nesting deeper than 64 levels";
    QTest::newRow("3 MB string")
        << QByteArray(R"({"format":"mlsketch","version":1,"meta":{"notes":")") +
               QByteArray(3 * 1024 * 1024, 'a') + "\"}}"
        << qint64(0) << "line 1, column 50: a string longer than 1.0 MB (the limit for any text)";
    // The parser's "last read" quote is cut to its end, not the user's whole text.
    QTest::newRow("cut off inside a long note")
        << QByteArray(R"({"format":"mlsketch","version":1,"meta":{"notes":")") +
               QByteArray(600, 'n') + "tail of the note"
        << qint64(0)
        << QStringLiteral("line 1, column 667: the file ends too early, it may be truncated "
                          "(syntax error while parsing value - invalid string: missing closing "
                          "quote; last read: '") +
               QChar(0x2026) + QStringLiteral("nnnnnnnntail of the note')");
    QTest::newRow("binary garbage") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << qint64(0)
                                    << "line 1, column 1: byte 0x89 outside any string: "
                                       "binary data, not an mlsketch file (a JSON text)";
    QTest::newRow("over the size cap") << QByteArray() << qint64(300) * 1024 * 1024
                                       << "the file is 300.0 MB, larger than the 256.0 MB limit";
}

void TestBadInput::generated()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, sparseSize);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath("generated.mlsketch");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    if (sparseSize > 0)
        QVERIFY(f.resize(sparseSize));
    else
        f.write(content);
    f.close();
    const ReadResult r = DiagramReader::readFile(path);
    QVERIFY(!r.ok());
    const QString expected = path + QStringLiteral(": ") + message;
    QVERIFY2(r.error.startsWith(expected),
             qPrintable(QStringLiteral("\n  got:      %1\n  expected: %2").arg(r.error, expected)));
    // The same bytes handed over in memory are refused with the same words.
    if (sparseSize == 0)
        QCOMPARE(DiagramReader::read(content, path).error, r.error);
}

void TestBadInput::missingFileAndFolder()
{
    QCOMPARE(DiagramReader::readFile("/no/such/file.mlsketch").error,
             QStringLiteral("/no/such/file.mlsketch: no such file"));
    QCOMPARE(DiagramReader::readFile(MLS_TEST_DATA_DIR).error,
             QStringLiteral(MLS_TEST_DATA_DIR ": is a folder, not a file"));
}

QTEST_APPLESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
