// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "CardGeometry.h"
#include "DiagramWriter.h"
#include "Fragment.h"
#include "commands/AddItemsCommand.h"
#include "commands/EditNoteCommand.h"
#include "commands/MoveComponentsCommand.h"
#include "commands/RemoveItemsCommand.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace mls;
using namespace mls::test;

namespace {

Note note(const QString &id, const QRectF &rect, Note::Style style = Note::Style::Sticky,
          const QString &text = {})
{
    Note n;
    n.id = id;
    n.rect = rect;
    n.style = style;
    n.text = text;
    return n;
}

} // namespace

/// The undo commands on notes: push, check, undo, check, redo, check; one step per gesture.
class TestNoteCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addNote_data();
    void addNote();
    void editNote_data();
    void editNote();
    void sameValueIsObsolete();
    void editTextGrowsToFitInOneStep();
    void moveCardsAndNotesTogether();
    void nudgesOfTheSameSelectionMerge();
    void deleteCardsAndNotesInOneStep();
    void fragmentCarriesNotes();
    void pasteCascadesNotes();

private:
    void roundTrip(QUndoCommand *cmd, const std::function<void()> &checkAfter);

    Diagram *m_diagram = nullptr;
    QUndoStack *m_stack = nullptr;
};

void TestNoteCommands::init()
{
    m_diagram = new Diagram;
    fillSmall(*m_diagram);
    m_diagram->insertNote(0, note("n1", {0, 300, 160, 160}, Note::Style::Sticky, "Ask SLA"));
    m_diagram->insertNote(1, note("n2", {400, 300, 200, 60}, Note::Style::Text, "Online"));
    m_stack = new QUndoStack;
}

void TestNoteCommands::cleanup()
{
    delete m_stack;
    delete m_diagram;
}

void TestNoteCommands::roundTrip(QUndoCommand *cmd, const std::function<void()> &checkAfter)
{
    QVERIFY(cmd);
    const QByteArray before = DiagramWriter::write(*m_diagram);
    m_stack->push(cmd);
    checkAfter();
    m_stack->undo();
    QCOMPARE(DiagramWriter::write(*m_diagram), before); // byte for byte, order included
    m_stack->redo();
    checkAfter();
}

void TestNoteCommands::addNote_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QString>("text");
    QTest::newRow("sticky") << int(Note::Style::Sticky) << QStringLiteral("Add sticky note");
    QTest::newRow("free text") << int(Note::Style::Text) << QStringLiteral("Add note");
}

void TestNoteCommands::addNote()
{
    QFETCH(int, style);
    QFETCH(QString, text);
    const Note n = note(m_diagram->uniqueId("n"), {800, 0, 160, 160}, Note::Style(style));
    QVERIFY(!m_diagram->containsId(n.id));
    auto *cmd = AddItemsCommand::addNote(m_diagram, n);
    QCOMPARE(cmd->text(), text);
    roundTrip(cmd, [&] {
        QCOMPARE(m_diagram->notes().size(), size_t(3));
        QCOMPARE(*m_diagram->note(n.id), n);
    });
}

void TestNoteCommands::editNote_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("undoText");
    QTest::newRow("text") << "text" << QStringLiteral("Edit note “Ask about the p99”");
    QTest::newRow("resize") << "resize" << QStringLiteral("Resize note");
    QTest::newRow("to free text") << "style" << QStringLiteral("Make note free text");
    QTest::newRow("colour") << "colour" << QStringLiteral("Colour note");
    QTest::newRow("clear") << "clear" << QStringLiteral("Clear note");
}

void TestNoteCommands::editNote()
{
    QFETCH(QString, change);
    QFETCH(QString, undoText);
    Note expected = *m_diagram->note("n1");
    EditNoteCommand *cmd = nullptr;
    if (change == "text") {
        expected.text = "Ask about the p99\nand the SLA";
        cmd = EditNoteCommand::setText(m_diagram, "n1", expected.text);
    } else if (change == "resize") {
        expected.rect = QRectF(0, 300, 240, 100);
        cmd = EditNoteCommand::setRect(m_diagram, "n1", expected.rect);
    } else if (change == "style") {
        expected.style = Note::Style::Text;
        cmd = EditNoteCommand::setStyle(m_diagram, "n1", expected.style);
    } else if (change == "colour") {
        expected.color = "#FBCFE8";
        cmd = EditNoteCommand::setColor(m_diagram, "n1", expected.color);
    } else {
        expected.text.clear();
        cmd = EditNoteCommand::setText(m_diagram, "n1", QString());
    }
    QCOMPARE(cmd->text(), undoText);
    QSignalSpy changed(m_diagram, &Diagram::noteChanged);
    roundTrip(cmd, [&] { QCOMPARE(*m_diagram->note("n1"), expected); });
    QCOMPARE(changed.count(), 3); // do, undo, redo
    QCOMPARE(m_stack->count(), 1);
}

void TestNoteCommands::sameValueIsObsolete()
{
    const Note *n = m_diagram->note("n1");
    QVERIFY(EditNoteCommand::setText(m_diagram, "n1", n->text)->isObsolete());
    QVERIFY(EditNoteCommand::setRect(m_diagram, "n1", n->rect)->isObsolete());
    QVERIFY(EditNoteCommand::setStyle(m_diagram, "n1", n->style)->isObsolete());
    QVERIFY(!EditNoteCommand::setText(m_diagram, "missing", "x"));
}

void TestNoteCommands::editTextGrowsToFitInOneStep()
{
    auto *cmd = EditNoteCommand::setText(m_diagram, "n2", "a\nb\nc\nd", 120);
    roundTrip(cmd, [&] {
        QCOMPARE(m_diagram->note("n2")->rect, QRectF(400, 300, 200, 120));
        QCOMPARE(m_diagram->note("n2")->text, QStringLiteral("a\nb\nc\nd"));
    });
    QCOMPARE(m_stack->count(), 1);
    // Never past what a file may hold.
    m_stack->push(EditNoteCommand::setText(m_diagram, "n2", "x", 1e9));
    QCOMPARE(m_diagram->note("n2")->rect.height(), Limits().maxNoteSize);
}

void TestNoteCommands::moveCardsAndNotesTogether()
{
    auto *cmd = new MoveComponentsCommand(m_diagram, {"client", "n1", "n2"},
                                          {{20, 40}, {20, 340}, {420, 340}});
    QCOMPARE(cmd->text(), QStringLiteral("Move 3 items"));
    roundTrip(cmd, [&] {
        QCOMPARE(m_diagram->component("client")->pos, QPointF(20, 40));
        QCOMPARE(m_diagram->note("n1")->rect, QRectF(20, 340, 160, 160)); // the size stays
        QCOMPARE(m_diagram->note("n2")->rect.topLeft(), QPointF(420, 340));
    });
    QCOMPARE(MoveComponentsCommand(m_diagram, {"n1"}, {{0, 0}}).text(),
             QStringLiteral("Move 1 note"));
}

void TestNoteCommands::nudgesOfTheSameSelectionMerge()
{
    const QStringList ids{"gw", "n2"};
    m_stack->push(MoveComponentsCommand::nudge(m_diagram, ids, {{270, 0}, {420, 300}}));
    m_stack->push(MoveComponentsCommand::nudge(m_diagram, ids, {{290, 0}, {440, 300}}));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_diagram->note("n2")->rect.topLeft(), QPointF(440, 300));
    m_stack->push(MoveComponentsCommand::nudge(m_diagram, {"n2"}, {{460, 300}}));
    QCOMPARE(m_stack->count(), 2); // another selection: its own step
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(m_diagram->note("n2")->rect.topLeft(), QPointF(400, 300));
    QCOMPARE(m_diagram->component("gw")->pos, QPointF(250, 0));
}

void TestNoteCommands::deleteCardsAndNotesInOneStep()
{
    auto *cmd = new RemoveItemsCommand(m_diagram, {"gw"}, {}, {}, {"n1", "n1", "nope"});
    QCOMPARE(cmd->text(), QStringLiteral("Delete 1 component, 1 note"));
    roundTrip(cmd, [&] {
        QVERIFY(!m_diagram->component("gw"));
        QVERIFY(!m_diagram->note("n1"));
        QCOMPARE(m_diagram->notes().size(), size_t(1));
    });
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(RemoveItemsCommand(m_diagram, {}, {}, {}, {"n2"}).text(),
             QStringLiteral("Delete 1 note"));
}

void TestNoteCommands::fragmentCarriesNotes()
{
    Note withExtra = *m_diagram->note("n2");
    withExtra.extra["author"] = "dana";
    m_diagram->updateNote(withExtra);
    const Fragment f = Fragment::extract(*m_diagram, {"client", "n2"});
    QCOMPARE(f.components.size(), size_t(1));
    QCOMPARE(f.notes.size(), size_t(1));
    QString error;
    const std::optional<Fragment> back = Fragment::fromBytes(f.toBytes(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->notes.size(), size_t(1));
    QCOMPARE(back->notes[0], withExtra);
    // Notes alone are something to paste.
    QVERIFY(!Fragment::extract(*m_diagram, {"n1"}).isEmpty());
}

void TestNoteCommands::pasteCascadesNotes()
{
    const QByteArray bytes = Fragment::extract(*m_diagram, {"n1"}).toBytes();
    QString error;
    auto *first = AddItemsCommand::paste(m_diagram, bytes, {30, 30}, &error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(first->text(), QStringLiteral("Paste 1 note"));
    const QStringList firstIds = first->itemIds();
    QCOMPARE(firstIds.size(), 1);
    roundTrip(first, [&] { QVERIFY(m_diagram->note(firstIds[0])); });
    auto *second = AddItemsCommand::paste(m_diagram, bytes, {60, 60}, &error);
    const QStringList secondIds = second->itemIds();
    m_stack->push(second);
    // Fresh ids, and every copy clear of the original, of each other and of the cards.
    const QRectF a = m_diagram->note("n1")->rect;
    const QRectF b = m_diagram->note(firstIds[0])->rect;
    const QRectF c = m_diagram->note(secondIds[0])->rect;
    QVERIFY(firstIds[0] != "n1" && secondIds[0] != firstIds[0]);
    QVERIFY(!a.intersects(b) && !a.intersects(c) && !b.intersects(c));
    QCOMPARE(b.size(), a.size());
    for (const Component &card : m_diagram->components())
        QVERIFY(!CardGeometry::rect(card).intersects(c));
    // Cards and notes together: one step, "Paste 2 items".
    auto *mixed = AddItemsCommand::paste(
        m_diagram, Fragment::extract(*m_diagram, {"reg", "n2"}).toBytes(), {30, 30}, &error);
    QCOMPARE(mixed->text(), QStringLiteral("Paste 2 items"));
    delete mixed;
}

QTEST_APPLESS_MAIN(TestNoteCommands)
#include "tst_note_commands.moc"
