// SPDX-License-Identifier: MIT
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "NoteJson.h"

#include <QTest>

using namespace mls;

namespace {

/// A file with one component and the given "notes" member (raw JSON).
QByteArray fileWithNotes(const QByteArray &notes)
{
    return R"({"format": "mlsketch", "version": 1,
  "components": [{"id": "c1", "kind": "client", "label": "App", "x": 0, "y": 0}],
  "notes": )" +
           notes + "}\n";
}

} // namespace

/// Notes in the .mlsketch file: the "notes" array, its fields, defaults, errors and limits.
class TestNoteFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsByteIdentical();
    void noNotesWritesNoKey();
    void defaultsPerStyle_data();
    void defaultsPerStyle();
    void badNoteNamesItsPath_data();
    void badNoteNamesItsPath();
    void limits_data();
    void limits();
    void writerNeverWritesWhatTheReaderRefuses();
};

void TestNoteFile::roundTripIsByteIdentical()
{
    const QByteArray bytes = R"({
  "format": "mlsketch",
  "version": 1,
  "meta": {
    "title": "Notes",
    "latency_budget_ms": 200,
    "notes": ""
  },
  "components": [],
  "connections": [],
  "groups": [],
  "notes": [
    {
      "id": "n1",
      "style": "sticky",
      "text": "Ask about\nthe SLA",
      "x": 120,
      "y": -40.5,
      "w": 160,
      "h": 180,
      "color": "#C7F0C9",
      "author": "dana",
      "pinned": {
        "at": [
          1,
          2
        ]
      }
    },
    {
      "id": "n2",
      "style": "text",
      "text": "Online path ↓",
      "x": 0,
      "y": 300,
      "w": 220,
      "h": 60
    }
  ]
}
)";
    ReadResult r = DiagramReader::read(bytes, "notes.mlsketch");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.diagram->notes().size(), size_t(2));
    const Note &n1 = r.diagram->notes()[0];
    QCOMPARE(n1.style, Note::Style::Sticky);
    QCOMPARE(n1.text, QStringLiteral("Ask about\nthe SLA"));
    QCOMPARE(n1.rect, QRectF(120, -40.5, 160, 180));
    QCOMPARE(n1.color, QStringLiteral("#C7F0C9"));
    QCOMPARE(n1.extra.size(), size_t(2)); // unknown fields kept, in order
    QCOMPARE(r.diagram->notes()[1].style, Note::Style::Text);
    QCOMPARE(DiagramWriter::write(*r.diagram), bytes);
}

void TestNoteFile::noNotesWritesNoKey()
{
    Diagram d;
    QVERIFY(!DiagramWriter::write(d).contains("\"notes\": ["));
    Note n;
    n.id = "n1";
    n.rect = QRectF(0, 0, 100, 100);
    d.insertNote(0, n);
    QVERIFY(DiagramWriter::write(d).contains("\"notes\": ["));
    d.takeNote("n1");
    QVERIFY(!DiagramWriter::write(d).contains("\"notes\": ["));
}

void TestNoteFile::defaultsPerStyle_data()
{
    QTest::addColumn<QByteArray>("note");
    QTest::addColumn<int>("style");
    QTest::addColumn<QRectF>("rect");
    QTest::newRow("only an id: a sticky note")
        << QByteArray(R"({"id": "n1"})") << int(Note::Style::Sticky) << QRectF(0, 0, 160, 160);
    QTest::newRow("free text") << QByteArray(R"({"id": "n1", "style": "text", "x": 40})")
                               << int(Note::Style::Text) << QRectF(40, 0, 200, 60);
}

void TestNoteFile::defaultsPerStyle()
{
    QFETCH(QByteArray, note);
    QFETCH(int, style);
    QFETCH(QRectF, rect);
    ReadResult r = DiagramReader::read(fileWithNotes("[" + note + "]"), "f");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(int(r.diagram->notes()[0].style), style);
    QCOMPARE(r.diagram->notes()[0].rect, rect);
    QVERIFY(r.diagram->notes()[0].text.isEmpty());
}

void TestNoteFile::badNoteNamesItsPath_data()
{
    QTest::addColumn<QByteArray>("notes");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *notes, const char *expected) {
        QTest::newRow(name) << QByteArray(notes) << QString::fromUtf8(expected);
    };
    row("not an array", R"({"id": "n1"})", "f: notes: expected an array, found an object");
    row("not an object", R"([{"id": "n1"}, 3])", "f: notes[1]: expected an object, found a number");
    row("no id", R"([{"text": "x"}])", "f: notes[0].id: missing");
    row("empty id", R"([{"id": ""}])", "f: notes[0].id: must not be empty");
    row("id a number", R"([{"id": 7}])", "f: notes[0].id: expected a string, found a number");
    row("unknown style", R"([{"id": "n1", "style": "big"}])",
        "f: notes[0].style: \"big\" is not a note style (\"text\" or \"sticky\")");
    row("style an array", R"([{"id": "n1", "style": []}])",
        "f: notes[0].style: expected a string, found an array");
    row("text a number", R"([{"id": "n1", "text": 1}])",
        "f: notes[0].text: expected a string, found a number");
    row("x a string", R"([{"id": "n1", "x": "10"}])",
        "f: notes[0].x: expected a number, found a string");
    row("y far away", R"([{"id": "n1", "y": 1e9}])",
        "f: notes[0].y: 1000000000 is out of range (-10000000 to 10000000)");
    row("too narrow", R"([{"id": "n1", "w": 5}])",
        "f: notes[0].w: 5 is out of range (20 to 20000)");
    row("negative height on the second", R"([{"id": "n1"}, {"id": "n2", "h": -1}])",
        "f: notes[1].h: -1 is out of range (20 to 20000)");
    row("height null", R"([{"id": "n1", "h": null}])",
        "f: notes[0].h: expected a number, found null");
    row("colour a name", R"([{"id": "n1", "color": "red"}])",
        "f: notes[0].color: \"red\" is not a colour \"#RRGGBB\"");
    row("colour a number", R"([{"id": "n1", "color": 3}])",
        "f: notes[0].color: expected a string, found a number");
    row("two notes, one id", R"([{"id": "n1"}, {"id": "n1"}])",
        "f: notes[1].id: duplicate id \"n1\" (already used by notes[0].id)");
    row("a component's id", R"([{"id": "c1"}])",
        "f: notes[0].id: duplicate id \"c1\" (already used by components[0].id)");
}

void TestNoteFile::badNoteNamesItsPath()
{
    QFETCH(QByteArray, notes);
    QFETCH(QString, expected);
    const ReadResult r = DiagramReader::read(fileWithNotes(notes), "f");
    QVERIFY(!r.ok());
    QCOMPARE(r.error, expected);
}

void TestNoteFile::limits_data()
{
    QTest::addColumn<QByteArray>("notes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("count") << QByteArray(R"([{"id": "n1"}, {"id": "n2"}, {"id": "n3"}])")
                           << QStringLiteral("f: notes: 3 entries, more than the limit of 2");
    QTest::newRow("text") << QByteArray(R"([{"id": "n1", "text": "abcdefg"}])")
                          << QStringLiteral(
                                 "f: notes[0].text: 7 characters, more than the limit of 6");
    QTest::newRow("within both") << QByteArray(R"([{"id": "n1", "text": "abcdef"}, {"id": "n2"}])")
                                 << QString();
}

void TestNoteFile::limits()
{
    QFETCH(QByteArray, notes);
    QFETCH(QString, expected);
    Limits limits;
    limits.maxNotes = 2;
    limits.maxNoteText = 6;
    const ReadResult r = DiagramReader::read(fileWithNotes(notes), "f", limits);
    QCOMPARE(r.error, expected);
    QCOMPARE(r.ok(), expected.isEmpty());
}

void TestNoteFile::writerNeverWritesWhatTheReaderRefuses()
{
    // Every note the model can hold within the limits reads back equal.
    Diagram d;
    Note n;
    n.id = "n1";
    n.style = Note::Style::Text;
    n.text = QString(Limits().maxNoteText, QLatin1Char('x'));
    n.rect = QRectF(-1e7, 1e7, Limits().minNoteSize, Limits().maxNoteSize);
    d.insertNote(0, n);
    const ReadResult r = DiagramReader::read(DiagramWriter::write(d), "f");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.diagram->notes()[0], n);
}

QTEST_APPLESS_MAIN(TestNoteFile)
#include "tst_note_file.moc"
