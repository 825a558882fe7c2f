// SPDX-License-Identifier: MIT
#include "Catalog.h"
#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "LayoutFixtures.h"
#include "text/TextApply.h"
#include "text/TextParser.h"
#include "text/TextWriter.h"

#include <QTest>
#include <QUndoStack>

using namespace mls;

namespace {

const QString templateFile = QStringLiteral(MLS_SOURCE_DIR "/templates/rag_assistant.mlsketch");

/// Applies @p text to @p d through @p stack as the Text dock does; false when it does not parse.
bool apply(Diagram &d, QUndoStack &stack, const QString &text)
{
    const TextParseResult r = TextParser::parse(text);
    if (!r.ok())
        return false;
    if (QUndoCommand *c = TextApply::command(&d, *r.diagram))
        stack.push(c);
    return true;
}

QHash<QString, QPointF> positions(const Diagram &d)
{
    QHash<QString, QPointF> p;
    for (const Component &c : d.components())
        p.insert(c.id, c.pos);
    return p;
}

} // namespace

class TstTextApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unrelatedEditKeepsPositions();
    void addedLineIsPlacedBesideItsNeighbours();
    void deletedLineIsOneUndoStep();
    void renameKeepsPosition();
    void sameTextIsNoCommand();
};

void TstTextApply::unrelatedEditKeepsPositions()
{
    ReadResult read = DiagramReader::readFile(templateFile);
    QVERIFY(read.ok());
    Diagram &d = *read.diagram;
    QUndoStack stack;
    const auto before = positions(d);
    const QByteArray file = DiagramWriter::write(d);
    QString text = TextWriter::toText(d);
    const QString line = TextWriter::componentLine(d.components()[0]);
    const QString edited = d.components()[0].id + QStringLiteral(": ") + d.components()[0].kind +
                           QStringLiteral(" \"Renamed label\"");
    text.replace(line, edited);
    QVERIFY(apply(d, stack, text));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(d.components()[0].label, QStringLiteral("Renamed label"));
    QCOMPARE(positions(d), before);
    stack.undo();
    QCOMPARE(DiagramWriter::write(d), file); // undo restores the file byte for byte
}

void TstTextApply::addedLineIsPlacedBesideItsNeighbours()
{
    ReadResult read = DiagramReader::readFile(templateFile);
    QVERIFY(read.ok());
    Diagram &d = *read.diagram;
    QUndoStack stack;
    const auto before = positions(d);
    const Component &first = d.components()[0];
    QString text = TextWriter::toText(d);
    text += QStringLiteral("newmon: monitoring \"Drift monitor\"\n") + first.id +
            QStringLiteral(" -> newmon : metrics\n");
    // The first component may not send metrics: use any it can send.
    const QStringList flows = Catalog::builtin().compatibleFlows(first.kind, "monitoring");
    if (flows.isEmpty())
        QSKIP("the template's first component sends nothing to monitoring");
    text.replace(QStringLiteral(" -> newmon : metrics"), " -> newmon : " + flows.first());
    QVERIFY(apply(d, stack, text));
    QCOMPARE(stack.count(), 1);
    const Component *added = d.component(QStringLiteral("newmon"));
    QVERIFY(added);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(d.component(it.key())->pos, it.value()); // existing cards stay
    QVERIFY2(test::layout::overlap(d).isEmpty(), qPrintable(test::layout::overlap(d)));
    // Beside its neighbour: nearer to it than the drawing is wide.
    QRectF bounds;
    for (const QPointF &p : before)
        bounds |= QRectF(p, QSizeF(1, 1));
    const QPointF delta = added->pos - d.component(first.id)->pos;
    QVERIFY(std::hypot(delta.x(), delta.y()) < std::max(bounds.width(), bounds.height()) + 400);
}

void TstTextApply::deletedLineIsOneUndoStep()
{
    ReadResult read = DiagramReader::readFile(templateFile);
    QVERIFY(read.ok());
    Diagram &d = *read.diagram;
    QUndoStack stack;
    const QByteArray file = DiagramWriter::write(d);
    // Delete the last component's line and every line that names it.
    const QString victim = d.components().back().id;
    QStringList kept;
    for (const QString &line : TextWriter::toText(d).split('\n')) {
        QStringList words = line.split(' ');
        if (line.startsWith(QLatin1String("zone ")))
            kept << (words.removeAll(victim), words.join(' ')); // leaves the zone
        else if (!line.split(QRegularExpression("[\\s:{}]+")).contains(victim))
            kept << line;
    }
    const TextParseResult parsed = TextParser::parse(kept.join('\n'));
    QVERIFY2(parsed.ok(), qPrintable(parsed.firstError()));
    QVERIFY(apply(d, stack, kept.join('\n')));
    QCOMPARE(stack.count(), 1);
    QVERIFY(!d.component(victim));
    stack.undo();
    QCOMPARE(DiagramWriter::write(d), file);
    stack.redo();
    QVERIFY(!d.component(victim));
}

void TstTextApply::renameKeepsPosition()
{
    const TextParseResult r = TextParser::parse(
        QStringLiteral("a: client\nb: api_gateway\nc: ranking\na -> b\nb -> c : requests\n"));
    QVERIFY(r.ok());
    Diagram &d = *r.diagram;
    Component b = *d.component("b");
    b.pos = QPointF(500, 300);
    b.notes = QStringLiteral("kept");
    d.updateComponent(b);
    QUndoStack stack;
    QVERIFY(
        apply(d, stack,
              QStringLiteral("a: client\ngateway: api_gateway\nnote gateway \"kept\"\nc: ranking\n"
                             "a -> gateway\ngateway -> c : requests\n")));
    QVERIFY(!d.component("b"));
    QCOMPARE(d.component("gateway")->pos, QPointF(500, 300));
    QCOMPARE(d.componentIndex("gateway"), 1); // same place in the file
    QVERIFY2(stack.text(0).contains(QStringLiteral("rename b → gateway")),
             qPrintable(stack.text(0)));
    // A new id of another kind is a delete and an add, not a rename.
    QVERIFY(apply(d, stack, QStringLiteral("a: client\ncache1: cache\nc: ranking\n")));
    QVERIFY(stack.text(1).indexOf(QLatin1String("rename")) < 0);
}

void TstTextApply::sameTextIsNoCommand()
{
    ReadResult read = DiagramReader::readFile(templateFile);
    QVERIFY(read.ok());
    const TextParseResult r = TextParser::parse(TextWriter::toText(*read.diagram));
    QVERIFY(r.ok());
    QCOMPARE(TextApply::command(read.diagram.get(), *r.diagram), nullptr);
}

QTEST_APPLESS_MAIN(TstTextApply)
#include "tst_text_apply.moc"
