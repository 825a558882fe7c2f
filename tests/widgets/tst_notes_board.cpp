// SPDX-License-Identifier: MIT
#include "../TestDiagrams.h"
#include "CardGeometry.h"
#include "Diagram.h"
#include "ViewGestures.h"
#include "canvas/ComponentItem.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/NoteEditor.h"
#include "canvas/NoteItem.h"
#include "canvas/SceneNotes.h"
#include "canvas/ZoneItem.h"
#include "export/ExportOptions.h"
#include "export/SceneExporter.h"

#include <QTest>
#include <QTextDocument>
#include <QUndoStack>

#include <memory>

using namespace mls;
using namespace mls::test;

/// Notes on the board driven as a user drives them: real view, synthesized mouse and keys.
class TestNotesBoard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addedNoteLandsOnAFreeSpotAndOpensForEditing_data();
    void addedNoteLandsOnAFreeSpotAndOpensForEditing();
    void doubleClickEditsEnterBreaksLinesClickOutsideCommits();
    void escapeCancelsTheEdit();
    void typingDoesNotNudgeOrPan();
    void dragMovesNoteOnTheGrid();
    void dragMovesCardsAndNotesInOneStep();
    void gripResizesInOneStep();
    void selectAllRubberBandAndArrowKeysIncludeNotes();
    void noteStacksAboveZonesBelowCards();
    void contentAndExportIncludeNotes();

private:
    QPoint viewPoint(const QPointF &scenePos) const { return m_view->mapFromScene(scenePos); }
    void drag(const QPointF &from, const QPointF &to, Qt::KeyboardModifiers mods = {})
    {
        dragOnView(m_view.get(), from, to, mods);
    }
    void doubleClick(const QPointF &scenePos);

    // Destroyed in reverse: the view before its scene, the scene before its diagram.
    std::unique_ptr<Diagram> m_diagram;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<DiagramScene> m_scene;
    std::unique_ptr<DiagramView> m_view;
};

void TestNotesBoard::init()
{
    m_diagram = std::make_unique<Diagram>();
    m_diagram->insertComponent(0, component("client", "client", {0, 0}));
    m_diagram->insertComponent(1, component("gw", "api_gateway", {400, 0}));
    Note n;
    n.id = "n1";
    n.text = "Ask about the SLA";
    n.rect = QRectF(-80, 200, 160, 160);
    m_diagram->insertNote(0, n);
    m_stack = std::make_unique<QUndoStack>();
    m_scene = std::make_unique<DiagramScene>(m_diagram.get());
    m_scene->setUndoStack(m_stack.get());
    m_view = std::make_unique<DiagramView>();
    m_view->setScene(m_scene.get());
    m_view->resize(1200, 800);
    m_view->setSceneRect(-600, -600, 2400, 1800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->activateWindow(); // the note editor takes the keyboard in an active scene
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_view->centerOn(300, 150);
    m_view->setFocus();
}

void TestNotesBoard::cleanup()
{
    m_view.reset();
    m_scene.reset();
    m_stack.reset();
    m_diagram.reset();
}

void TestNotesBoard::doubleClick(const QPointF &scenePos)
{
    // Qt 6.4's QTest::mouseDClick sends the double-click alone; a user's comes after a click.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(scenePos));
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(scenePos));
}

void TestNotesBoard::addedNoteLandsOnAFreeSpotAndOpensForEditing_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QSizeF>("size");
    QTest::newRow("sticky") << int(Note::Style::Sticky) << QSizeF(160, 160);
    QTest::newRow("free text") << int(Note::Style::Text) << QSizeF(200, 60);
}

void TestNotesBoard::addedNoteLandsOnAFreeSpotAndOpensForEditing()
{
    QFETCH(int, style);
    QFETCH(QSizeF, size);
    // Wanted right on the client card: it lands next to it, on the grid, clear of everything.
    const QString id = m_scene->notes()->add(Note::Style(style), {0, 0});
    const Note *n = m_diagram->note(id);
    QVERIFY(n);
    QCOMPARE(n->rect.size(), size);
    QCOMPARE(std::fmod(n->rect.x(), DiagramScene::gridSize), 0.0);
    for (const Component &c : m_diagram->components())
        QVERIFY(!CardGeometry::rect(c).intersects(n->rect));
    QVERIFY(!m_diagram->note("n1")->rect.intersects(n->rect));
    QCOMPARE(m_scene->selectedNoteIds(), QStringList{id});
    QVERIFY(m_scene->notes()->isEditing());
    QTest::keyClicks(m_view->viewport(), "Cache TTL?");
    QTest::keyClick(m_view->viewport(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!m_scene->notes()->isEditing());
    QCOMPARE(m_diagram->note(id)->text, QStringLiteral("Cache TTL?"));
    QCOMPARE(m_stack->count(), 2); // add, then the text
    m_stack->undo();
    m_stack->undo();
    QVERIFY(!m_diagram->note(id));
    QVERIFY(!m_scene->notes()->item(id));
}

void TestNotesBoard::doubleClickEditsEnterBreaksLinesClickOutsideCommits()
{
    doubleClick({0, 280});
    NoteEditor *editor = m_scene->notes()->editor();
    QVERIFY(editor);
    QCOMPARE(editor->toPlainText(), QStringLiteral("Ask about the SLA"));
    QCOMPARE(editor->textCursor().selectedText(), QStringLiteral("Ask about the SLA"));
    QTest::keyClicks(m_view->viewport(), "p99");
    QTest::keyClick(m_view->viewport(), Qt::Key_Return);
    QTest::keyClicks(m_view->viewport(), "and SLA");
    QTest::keyClick(m_view->viewport(), Qt::Key_Backspace);
    QVERIFY(m_scene->notes()->isEditing()); // Enter is a new line, not the end
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint({900, 500}));
    QVERIFY(!m_scene->notes()->isEditing());
    QCOMPARE(m_diagram->note("n1")->text, QStringLiteral("p99\nand SL"));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->text(0), QStringLiteral("Edit note “p99”"));
    m_stack->undo();
    QCOMPARE(m_diagram->note("n1")->text, QStringLiteral("Ask about the SLA"));
}

void TestNotesBoard::escapeCancelsTheEdit()
{
    doubleClick({0, 280});
    QVERIFY(m_scene->notes()->isEditing());
    QTest::keyClicks(m_view->viewport(), "gone");
    QTest::keyClick(m_view->viewport(), Qt::Key_Escape);
    QVERIFY(!m_scene->notes()->isEditing());
    QCOMPARE(m_diagram->note("n1")->text, QStringLiteral("Ask about the SLA"));
    QCOMPARE(m_stack->count(), 0);
}

void TestNotesBoard::typingDoesNotNudgeOrPan()
{
    m_scene->notes()->edit("n1");
    QTest::keyClick(m_view->viewport(), Qt::Key_End);
    QTest::keyClick(m_view->viewport(), Qt::Key_Left);
    QTest::keyClick(m_view->viewport(), Qt::Key_Space);
    QTest::keyClick(m_view->viewport(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_diagram->note("n1")->text, QStringLiteral("Ask about the SL A"));
    QCOMPARE(m_diagram->note("n1")->rect.topLeft(), QPointF(-80, 200));
}

void TestNotesBoard::dragMovesNoteOnTheGrid()
{
    drag({0, 280}, {93, 311});
    QCOMPARE(m_diagram->note("n1")->rect, QRectF(20, 240, 160, 160)); // (13, 231) snapped
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->text(0), QStringLiteral("Move 1 note"));
    QCOMPARE(m_scene->notes()->item("n1")->pos(), QPointF(20, 240));
    m_stack->undo();
    QCOMPARE(m_scene->notes()->item("n1")->pos(), QPointF(-80, 200));
}

void TestNotesBoard::dragMovesCardsAndNotesInOneStep()
{
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint({400, 0}));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, viewPoint({0, 280}));
    QCOMPARE(m_scene->selectedComponentIds(), QStringList{"gw"});
    QCOMPARE(m_scene->selectedNoteIds(), QStringList{"n1"});
    drag({400, 0}, {400, -100});
    QCOMPARE(m_diagram->component("gw")->pos, QPointF(400, -100));
    QCOMPARE(m_diagram->note("n1")->rect.topLeft(), QPointF(-80, 100));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->text(0), QStringLiteral("Move 2 items"));
}

void TestNotesBoard::gripResizesInOneStep()
{
    m_scene->selectIds({"n1"});
    NoteItem *item = m_scene->notes()->item("n1");
    const QPointF grip = item->sceneNoteRect().bottomRight() - QPointF(3, 3);
    QVERIFY(item->gripContains(grip));
    drag(grip, grip + QPointF(118, 41));
    QCOMPARE(m_diagram->note("n1")->rect, QRectF(-80, 200, 280, 200)); // corner on the grid
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->text(0), QStringLiteral("Resize note"));
    // Never below the smallest note, whatever the drag.
    const QPointF grip2 = item->sceneNoteRect().bottomRight() - QPointF(3, 3);
    drag(grip2, grip2 - QPointF(900, 900));
    QCOMPARE(m_diagram->note("n1")->rect.size(), QSizeF(20, 20));
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(item->sceneNoteRect(), QRectF(-80, 200, 160, 160));
}

void TestNotesBoard::selectAllRubberBandAndArrowKeysIncludeNotes()
{
    m_scene->selectEverything();
    QCOMPARE(m_scene->selectedNoteIds(), QStringList{"n1"});
    QCOMPARE(m_scene->selectedComponentIds().size(), 2);
    m_scene->clearSelection();
    drag({-300, 150}, {300, 500}); // a rubber band around the note only
    QCOMPARE(m_scene->selectedNoteIds(), QStringList{"n1"});
    QVERIFY(m_scene->selectedComponentIds().isEmpty());
    QTest::keyClick(m_view->viewport(), Qt::Key_Right);
    QTest::keyClick(m_view->viewport(), Qt::Key_Down);
    QCOMPARE(m_diagram->note("n1")->rect.topLeft(), QPointF(-60, 220));
    QCOMPARE(m_stack->count(), 1); // a burst of nudges is one step
}

void TestNotesBoard::noteStacksAboveZonesBelowCards()
{
    Group g;
    g.id = "z";
    g.members = {"client"};
    m_diagram->insertGroup(0, g);
    const qreal note = m_scene->notes()->item("n1")->zValue();
    QVERIFY(note > m_scene->zoneItem("z")->zValue());
    QVERIFY(note < m_scene->componentItem("client")->zValue());
    QVERIFY(note < 0.5); // under the arrows
    // A press where a card overlaps a note picks the card; beside the card, the note.
    Note n = *m_diagram->note("n1");
    n.rect.moveTopLeft({-50, -20});
    m_diagram->updateNote(n);
    QVERIFY(qgraphicsitem_cast<ComponentItem *>(m_scene->interactiveItemAt({0, 0})));
    QVERIFY(qgraphicsitem_cast<NoteItem *>(m_scene->interactiveItemAt({0, 120})));
}

void TestNotesBoard::contentAndExportIncludeNotes()
{
    Note far;
    far.id = "far";
    far.style = Note::Style::Text;
    far.text = "Far corner <b>&</b>";
    far.rect = QRectF(3000, 2000, 200, 60);
    m_diagram->insertNote(1, far);
    QVERIFY(m_scene->contentRect().contains(far.rect));
    const SceneExporter exporter(m_diagram.get(), ExportOptions());
    QVERIFY(exporter.contentRect().contains(far.rect));
    QVERIFY(exporter.contentRect().contains(m_diagram->note("n1")->rect));
    const QByteArray svg = exporter.toSvg();
    QVERIFY(svg.contains("Ask") && svg.contains("SLA"));
    QVERIFY(svg.contains("corner") && svg.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
    QVERIFY(!svg.contains("Double-click to write")); // an export shows no editing hints
}

QTEST_MAIN(TestNotesBoard)
#include "tst_notes_board.moc"
