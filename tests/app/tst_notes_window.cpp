// SPDX-License-Identifier: MIT
#include "Diagram.h"
#include "DiagramReader.h"
#include "EditActions.h"
#include "MainWindow.h"
#include "NoteActions.h"
#include "canvas/DiagramScene.h"
#include "canvas/DiagramView.h"
#include "canvas/SceneNotes.h"

#include <QAction>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>

using namespace mls;

/// Notes from the window: the Edit menu's actions, the toolbar, the context menu, the Edit
/// actions that work on the selection (delete, select all, copy, F2), saving.
class TestNotesWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void actionsHaveShortcutsNoOtherActionUses();
    void addFromTheMenuAndType_data();
    void addFromTheMenuAndType();
    void toolbarAddsAStickyNote();
    void editActionsWorkOnNotes();
    void contextMenuAddsAndChangesNotes();
    void savedAndReopened();

private:
    QAction *action(const char *name) const
    {
        return m_window->findChild<QAction *>(QString::fromLatin1(name));
    }
    /// Adds a sticky note at @p at with @p text, committed; its id.
    QString addNote(const QPointF &at, const QString &text);

    MainWindow *m_window = nullptr;
};

void TestNotesWindow::init()
{
    m_window = new MainWindow;
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow(); // the note editor takes the keyboard in an active window
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QString error;
    QVERIFY2(m_window->openFile(MLS_TEST_DATA_DIR "/good/small.mlsketch", &error),
             qPrintable(error));
}

void TestNotesWindow::cleanup()
{
    m_window->undoStack()->clear();
    m_window->undoStack()->setClean(); // no "save changes?" on close
    delete m_window;
}

QString TestNotesWindow::addNote(const QPointF &at, const QString &text)
{
    auto *notes = m_window->findChild<NoteActions *>();
    const QString id = notes->addNoteAt(Note::Style::Sticky, at);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(m_window->view()->viewport(), Qt::Key_Return); // a new line
        QTest::keyClicks(m_window->view()->viewport(), lines[i]);
    }
    QTest::keyClick(m_window->view()->viewport(), Qt::Key_Return, Qt::ControlModifier);
    return id;
}

void TestNotesWindow::actionsHaveShortcutsNoOtherActionUses()
{
    QAction *text = action("editAddNote");
    QAction *sticky = action("editAddStickyNote");
    QVERIFY(text && sticky);
    QCOMPARE(text->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QCOMPARE(sticky->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a == text || a == sticky)
            continue;
        for (const QKeySequence &k : a->shortcuts())
            QVERIFY2(k != text->shortcut() && k != sticky->shortcut(), qPrintable(a->text()));
    }
}

void TestNotesWindow::addFromTheMenuAndType_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("style");
    QTest::newRow("Add Note") << "editAddNote" << int(Note::Style::Text);
    QTest::newRow("Add Sticky Note") << "editAddStickyNote" << int(Note::Style::Sticky);
}

void TestNotesWindow::addFromTheMenuAndType()
{
    QFETCH(QString, name);
    QFETCH(int, style);
    const size_t before = m_window->diagram()->notes().size();
    action(qPrintable(name))->trigger();
    QCOMPARE(m_window->diagram()->notes().size(), before + 1);
    const Note &n = m_window->diagram()->notes().back();
    QCOMPARE(int(n.style), style);
    // Near the view's centre.
    DiagramView *view = m_window->view();
    const QPointF centre = view->mapToScene(view->viewport()->rect().center());
    QVERIFY(QLineF(n.rect.center(), centre).length() < 400);
    QVERIFY(m_window->scene()->notes()->isEditing());
    QTest::keyClicks(view->viewport(), "Check the SLAx");
    // Backspace and Delete are also Edit → Delete's keys: while typing they edit the text.
    QTest::keyClick(view->viewport(), Qt::Key_Backspace);
    QVERIFY(m_window->scene()->notes()->isEditing());
    QTest::keyClick(view->viewport(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_window->diagram()->notes().back().text, QStringLiteral("Check the SLA"));
    QVERIFY(m_window->isModified());
}

void TestNotesWindow::toolbarAddsAStickyNote()
{
    QAction *tool = m_window->findChild<QAction *>(QStringLiteral("toolAddStickyNote"));
    QVERIFY(tool);
    QVERIFY(tool->toolTip().contains(QStringLiteral("Sticky Note")));
    tool->trigger();
    QCOMPARE(m_window->diagram()->notes().size(), size_t(1));
    QCOMPARE(m_window->diagram()->notes().back().style, Note::Style::Sticky);
}

void TestNotesWindow::editActionsWorkOnNotes()
{
    const QString id = addNote({600, 600}, "Keep");
    DiagramScene *scene = m_window->scene();
    const QString card = m_window->diagram()->components().front().id;
    action("editSelectAll")->trigger();
    QVERIFY(scene->selectedNoteIds().contains(id));
    // F2 on a single note edits its text.
    scene->selectIds({id});
    action("editRename")->trigger();
    QVERIFY(scene->notes()->isEditing());
    QTest::keyClick(m_window->view()->viewport(), Qt::Key_Escape);
    QVERIFY(!scene->notes()->isEditing());
    // Copy and paste a note: a new one, selected, clear of the first.
    scene->selectIds({id});
    QVERIFY(action("editCopy")->isEnabled());
    m_window->editActions()->copy();
    QVERIFY(m_window->editActions()->paste());
    QCOMPARE(m_window->diagram()->notes().size(), size_t(2));
    const QString copy = scene->selectedNoteIds().value(0);
    QVERIFY(!copy.isEmpty() && copy != id);
    QCOMPARE(m_window->diagram()->note(copy)->text, QStringLiteral("Keep"));
    QVERIFY(!m_window->diagram()->note(copy)->rect.intersects(m_window->diagram()->note(id)->rect));
    // Delete a card and a note: one step; undo brings both back.
    const int steps = m_window->undoStack()->count();
    scene->selectIds({card, id});
    action("editDelete")->trigger();
    QVERIFY(!m_window->diagram()->note(id));
    QVERIFY(!m_window->diagram()->component(card));
    QCOMPARE(m_window->undoStack()->count(), steps + 1);
    m_window->undoStack()->undo();
    QVERIFY(m_window->diagram()->note(id));
    QVERIFY(m_window->diagram()->component(card));
    QVERIFY(scene->notes()->item(id));
}

void TestNotesWindow::contextMenuAddsAndChangesNotes()
{
    auto *notes = m_window->findChild<NoteActions *>();
    QMenu canvas;
    notes->fillCanvasMenu(&canvas, {2000, 2000});
    auto *here = canvas.findChild<QAction *>(QStringLiteral("canvasAddStickyNote"));
    QVERIFY(here);
    QVERIFY(canvas.findChild<QAction *>(QStringLiteral("canvasAddNote")));
    here->trigger();
    QCOMPARE(m_window->diagram()->notes().size(), size_t(1));
    const Note n = m_window->diagram()->notes().front();
    QVERIFY(n.rect.contains(QPointF(2000, 2000))); // free there: exactly where clicked
    QTest::keyClick(m_window->view()->viewport(), Qt::Key_Escape);

    QMenu menu;
    notes->fillNoteMenu(&menu, n.id);
    auto *colours = menu.findChild<QMenu *>(QStringLiteral("noteColourMenu"));
    QVERIFY(colours);
    QAction *pink = nullptr;
    for (QAction *a : colours->actions())
        pink = a->text() == QStringLiteral("Pink") ? a : pink;
    QVERIFY(pink);
    pink->trigger();
    QCOMPARE(m_window->diagram()->note(n.id)->color, QStringLiteral("#FBCFE8"));
    menu.findChild<QAction *>(QStringLiteral("noteToggleStyle"))->trigger();
    QCOMPARE(m_window->diagram()->note(n.id)->style, Note::Style::Text);
    menu.findChild<QAction *>(QStringLiteral("noteEditText"))->trigger();
    QVERIFY(m_window->scene()->notes()->isEditing());
}

void TestNotesWindow::savedAndReopened()
{
    const QString id = addNote({500, 500}, "Line one\nLine two");
    QTemporaryDir dir;
    const QString path = dir.filePath("with-notes.mlsketch");
    QString error;
    QVERIFY2(m_window->saveTo(path, &error), qPrintable(error));
    const ReadResult r = DiagramReader::readFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(*r.diagram->note(id), *m_window->diagram()->note(id));
    MainWindow other;
    QVERIFY(other.openFile(path, &error));
    QVERIFY(other.scene()->notes()->item(id));
}

QTEST_MAIN(TestNotesWindow)
#include "tst_notes_window.moc"
